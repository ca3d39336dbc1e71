/**
 * The built task pane page (dist/taskpane.html, as it ships) with the REAL Office.js, under its real
 * Content-Security-Policy, in headless Chromium outside Office. There is no internet here, so requests to
 * Microsoft's CDN (https://appsforoffice.microsoft.com/lib/1/hosted/…) are answered from the npm copy
 * (@microsoft/office-js, the same files) and every other outside request is refused. Checks: Office.js loads
 * and Office.onReady resolves outside Office; every custom function id of functions.json is associated through
 * Office.js's CustomFunctions; the pane shows its "open this in Excel" state; no CSP violation but the one the
 * policy is there for (Office.js's own telemetry frame, see SECURITY.md: the add-in sends nothing); and inside
 * Office with the CDN unreachable, an error instead of a pane that writes nowhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, ensurePagesBuilt, findChromium, launch, serveDist } from './browser';

jest.setTimeout(900_000);

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
/** The frame Office.js opens for its own logs (ULSEndpointProxy); the CSP's frame-src refuses it on purpose. */
const OFFICE_TELEMETRY_ORIGIN = 'https://telemetryservice.firstpartyapps.oaspapps.com';
const EXCEL_HOST_INFO = '?_host_Info=Excel$Win32$16.01$en-US$$$$0';

interface Violation {
  directive: string;
  blocked: string;
}

describe('taskpane.html with the real Office.js', () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let cdnUp = true;
  const served: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    findChromium();
    ensurePagesBuilt();
    server = await serveDist();
    browser = await launch();
    await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, async (route) => {
      const url = route.request().url();
      const file = url.startsWith(CDN)
        ? path.join(OFFICE_JS_DIR, new URL(url).pathname.slice('/lib/1/hosted/'.length))
        : '';
      if (cdnUp && file.startsWith(OFFICE_JS_DIR + path.sep) && fs.existsSync(file)) {
        served.push(url);
        await route.fulfill({
          status: 200,
          contentType: 'text/javascript; charset=utf-8',
          body: fs.readFileSync(file),
        });
      } else {
        refused.push(url);
        await route.abort('internetdisconnected');
      }
    });
    // Every CSP violation of every page, recorded before any of the page's scripts runs.
    await browser.context.addInitScript(() => {
      const w = window as unknown as { __csp: { directive: string; blocked: string }[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      );
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query = ''): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}taskpane.html${query}`);
    await page.waitForFunction(() => document.documentElement.dataset.paneState !== undefined, null, {
      timeout: 60_000,
    });
    return { page, errors };
  }

  describe('outside Office', () => {
    let page: Page;
    let errors: string[];
    let violations: Violation[];

    beforeAll(async () => {
      ({ page, errors } = await open());
      // Office.js opens its telemetry frame 3 s after it loads: wait past that so every late violation is seen.
      await page.waitForTimeout(4500);
      violations = await page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);
    });
    afterAll(() => page.close());

    it('loads the real Office.js from the CDN address, and nothing else from outside', () => {
      expect(served).toContain(`${CDN}office.js`);
      expect(refused).toEqual([]);
    });

    it('Office.onReady resolves, with no host', async () => {
      const info = await page.evaluate(async () => {
        const r = await Office.onReady();
        return { host: r.host ?? null, platform: r.platform ?? null };
      });
      expect(info).toEqual({ host: null, platform: null });
    });

    it('associates every function id of functions.json through Office.js', async () => {
      const ids = (
        JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'functions.json'), 'utf8')) as {
          functions: { id: string }[];
        }
      ).functions.map((f) => f.id);
      expect(ids.length).toBeGreaterThan(20);
      const associated = await page.evaluate(() => {
        // Office.js keeps CustomFunctions.associate's registrations in _association.m_mappings (id → function).
        const cf = (window as unknown as { CustomFunctions: { _association: { m_mappings: Record<string, unknown> } } })
          .CustomFunctions;
        return Object.entries(cf._association.m_mappings).map(([id, fn]) => [id, typeof fn]);
      });
      expect(Object.fromEntries(associated)).toEqual(Object.fromEntries(ids.map((id) => [id, 'function'])));
    });

    it('shows the "open this in Excel" state, not the wizards', async () => {
      expect(await page.evaluate(() => document.documentElement.dataset.paneState)).toBe('outside');
      await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Open this in Excel/);
      expect(await page.getByRole('link', { name: 'playground' }).getAttribute('href')).toBe('playground.html');
      expect(await page.getByRole('tab').count()).toBe(0);
    });

    it('breaks no CSP directive but the frame-src that keeps out Office.js telemetry, and throws nothing', () => {
      const telemetry = (v: Violation) => v.directive === 'frame-src' && v.blocked.startsWith(OFFICE_TELEMETRY_ORIGIN);
      const unexpected = violations.filter((v) => !telemetry(v));
      expect(unexpected).toEqual([]);
      expect(errors.filter((e) => !e.includes(`Framing '${OFFICE_TELEMETRY_ORIGIN}/'`))).toEqual([]);
    });

    it('the CSP is the one in force: a script from elsewhere is refused', async () => {
      const before = violations.length;
      const after = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.src = 'https://example.com/x.js';
        document.head.appendChild(s);
        await new Promise((r) => setTimeout(r, 200));
        return (window as unknown as { __csp: Violation[] }).__csp;
      });
      expect(after.slice(before)).toEqual([{ directive: 'script-src-elem', blocked: 'https://example.com/x.js' }]);
    });
  });

  it('inside Office with the CDN unreachable: an error, no wizards', async () => {
    cdnUp = false;
    try {
      const { page } = await open(EXCEL_HOST_INFO);
      expect(await page.evaluate(() => document.documentElement.dataset.paneState)).toBe('error');
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^Office\.js did not load/);
      expect(await page.getByRole('tab').count()).toBe(0);
      await page.close();
    } finally {
      cdnUp = true;
      refused.length = 0;
    }
  });
});
