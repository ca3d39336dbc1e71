/**
 * The one page setup of the playground's browser tests: find Chromium, build the pages when stale, serve dist/, launch
 * the browser, open playground.html and wait until the sample workbook is in. Page errors (and, when asked, console
 * errors) go into `problems`, which each test checks is empty.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { ensurePagesBuilt, findChromium, launch, serveDist } from './browser';

/** An open playground page and how to close it (browser, then server). */
export interface PlaygroundPage {
  page: Page;
  context: BrowserContext;
  /** The playground's address on the local server. */
  url: string;
  /** "pageerror: …" and, with `consoleErrors`, "console: …" lines, in order. */
  problems: string[];
  close: () => Promise<void>;
}

/** What to collect and what to wait for when opening the playground. */
export interface OpenOptions {
  /** Also collect console errors into `problems`. */
  consoleErrors?: boolean;
  /** Called with the context before the page loads (e.g. to record requests). */
  beforeGoto?: (context: BrowserContext, page: Page) => void | Promise<void>;
  /** 'sheets': the Payouts sheet tab is shown (default); 'handle': only the test handle is installed. */
  waitFor?: 'sheets' | 'handle';
}

/** Opens playground.html in a fresh headless Chromium and waits (up to 120 s) until it has loaded the sample. */
export async function openPlayground(options: OpenOptions = {}): Promise<PlaygroundPage> {
  findChromium(); // fails here, with how to install it, when there is no browser
  ensurePagesBuilt();
  const server = await serveDist();
  const browser = await launch();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    if (options.consoleErrors) {
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
    }
    await options.beforeGoto?.(browser.context, page);
    const url = `${server.url}playground.html`;
    await page.goto(url);
    if (options.waitFor === 'handle') {
      await page.waitForFunction(() => 'salesOpsPlayground' in globalThis, undefined, { timeout: 120_000 });
    } else {
      await page
        .getByRole('tablist', { name: 'Sheets' })
        .getByRole('tab', { name: 'Payouts', exact: true })
        .waitFor({ timeout: 120_000 });
    }
    return { page, context: browser.context, url, problems, close };
  } catch (e) {
    await close();
    throw e;
  }
}
