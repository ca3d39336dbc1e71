/**
 * The task pane at Office's narrowest width (320 px) in headless Chromium: each wizard's first steps must not
 * overflow the pane horizontally, and every control must sit within the pane. Then the territory wizard's exact
 * solver (HiGHS, WebAssembly in a Web Worker) on a small problem. Screenshots go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './browser';
import { type PlaygroundPage, openPlayground } from './page';

jest.setTimeout(180_000);

const SHOTS = path.join(ROOT, 'test-results');
const PANE_WIDTH = 320;

interface Layout {
  scrollWidth: number;
  clientWidth: number;
  outside: string[];
}

describe('task pane at 320 px (Chromium)', () => {
  let playground: PlaygroundPage;
  let page: Page;
  let pane: Locator;
  let problems: string[];
  const requests: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    playground = await openPlayground({
      beforeGoto: (context) => {
        context.on('request', (r) => requests.push(r.url()));
      },
    });
    ({ page, problems } = playground);
    // The playground gives the pane a fixed 400 px column; Office's narrowest task pane is 320 px.
    await page.addStyleTag({
      content: `aside[aria-label="Task pane"] { box-sizing: border-box !important; width: ${PANE_WIDTH}px !important; min-width: 0 !important; }`,
    });
    pane = page.getByRole('complementary', { name: 'Task pane' });
    expect(await pane.evaluate((el) => el.getBoundingClientRect().width)).toBe(PANE_WIDTH);
  });

  afterAll(async () => {
    await playground?.close();
  });

  const wizard = (name: string) => pane.getByRole('tablist', { name: 'Wizards' }).getByRole('tab', { name });
  const button = (name: string) => pane.getByRole('button', { name, exact: true });
  const box = (name: RegExp) => pane.getByRole('textbox', { name });

  /**
   * The pane's horizontal overflow; every visible control that reaches outside the pane's client box (a control in
   * a horizontally scrolling container that itself fits in the pane, like the tier grid, is reachable and counts as
   * inside); and every pair of controls drawn over each other (columns squeezed narrower than their inputs).
   */
  const layout = (): Promise<Layout> =>
    pane.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const left = r.left + el.clientLeft;
      const right = left + el.clientWidth;
      const outside: string[] = [];
      const describe = (c: HTMLElement, b: DOMRect): string => {
        const name =
          c.getAttribute('aria-label') ??
          (c.id ? document.querySelector(`label[for="${c.id}"]`)?.textContent : null) ??
          c.textContent ??
          '';
        return (
          `${c.tagName.toLowerCase()}${c.getAttribute('role') ? `[role=${c.getAttribute('role')}]` : ''} ` +
          `"${name.trim().slice(0, 40)}" at ${b.left.toFixed(0)}..${b.right.toFixed(0)}`
        );
      };
      const scroller = (c: HTMLElement): HTMLElement | null => {
        for (let p = c.parentElement; p && p !== el; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll') return p;
        }
        return null;
      };
      const boxes: { c: HTMLElement; b: DOMRect }[] = [];
      const controls = el.querySelectorAll<HTMLElement>(
        'input, button, select, textarea, [role="tab"], [role="combobox"]',
      );
      for (const c of controls) {
        const b = c.getBoundingClientRect();
        if (b.width === 0 && b.height === 0) continue; // not rendered
        const style = getComputedStyle(c);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        // Fluent's Checkbox/Radio <input>s are transparent overlays on indicator and label: bounds only.
        const overlay = c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio');
        if (!overlay) boxes.push({ c, b });
        if (b.left >= left - 1 && b.right <= right + 1) continue;
        const s = scroller(c);
        const sb = s?.getBoundingClientRect();
        if (sb && sb.left >= left - 1 && sb.right <= right + 1) continue;
        outside.push(`${describe(c, b)} outside the pane ${left.toFixed(0)}..${right.toFixed(0)}`);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].b;
          const b = boxes[j].b;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 2 && h > 2 && !boxes[i].c.contains(boxes[j].c) && !boxes[j].c.contains(boxes[i].c))
            outside.push(`${describe(boxes[i].c, a)} overlaps ${describe(boxes[j].c, b)}`);
        }
      return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, outside: outside.slice(0, 12) };
    });

  const visited: string[] = [];
  /** Screenshots the pane, then asserts no horizontal overflow and no control outside the pane. */
  async function check(step: string): Promise<void> {
    await page.waitForTimeout(150); // let Fluent's layout and charts settle
    await pane.screenshot({ path: path.join(SHOTS, `taskpane-320-${step}.png`) });
    // UPDATE_SCREENSHOT=1 refreshes the README's picture of the pane at 320 px (the first step of the first wizard).
    if (process.env.UPDATE_SCREENSHOT === '1' && visited.length === 0) {
      fs.copyFileSync(path.join(SHOTS, `taskpane-320-${step}.png`), path.join(ROOT, 'docs', 'taskpane-320.png'));
    }
    const l = await layout();
    visited.push(step);
    expect({ step, overflow: l.scrollWidth - l.clientWidth > 1 ? l : 'none', outside: l.outside }).toEqual({
      step,
      overflow: 'none',
      outside: [],
    });
  }

  it('Comp plan: template, tiers and preview fit in 320 px', async () => {
    await wizard('Comp plan').click();
    await button('Next').waitFor();
    await check('comp-1-template');
    await button('Next').click();
    await check('comp-2-tiers');
    await button('Next').click();
    await button('Continue').waitFor();
    await check('comp-3-preview');
    expect(problems).toEqual([]);
  });

  it('Territory: input and options fit in 320 px', async () => {
    await wizard('Territory').click();
    await box(/^Accounts/).fill('Accounts!A1:J11');
    await check('territory-1-input');
    await box(/^Reps/).fill('Territory!E1:E4');
    await button('Next').click();
    await pane.getByRole('checkbox', { name: 'Potential' }).waitFor();
    await check('territory-2-options');
  });

  it('Territory: the exact solver (HiGHS in the worker) completes on 10 accounts and 3 reps', async () => {
    await pane.getByRole('checkbox', { name: 'Potential' }).check();
    await pane.getByRole('radio', { name: 'Exact (small problems)' }).check();
    await button('Run').click();
    const summary = pane.getByText(/^Accounts moved: \d+\. Largest deviation/);
    const failure = pane.getByRole('alert').or(pane.getByRole('status').filter({ hasText: /error|fail|could not/i }));
    const outcome = await Promise.race([
      summary.waitFor({ timeout: 90_000 }).then(() => 'done' as const),
      failure
        .first()
        .waitFor({ timeout: 90_000 })
        .then(() => 'failed' as const),
    ]);
    await pane.screenshot({ path: path.join(SHOTS, 'taskpane-320-territory-3-exact.png') });
    if (outcome === 'failed') {
      const message = (await failure.first().textContent()) ?? '';
      throw new Error(`The exact solver failed in the browser: ${message}\n${problems.join('\n')}`);
    }
    const text = (await summary.textContent()) ?? '';
    expect(text).toMatch(/^Accounts moved: \d+\. Largest deviation: /);
    // a header row and one row a rep
    expect(await pane.getByRole('table', { name: 'Balance by rep' }).getByRole('row').count()).toBe(4);
    // HiGHS really ran: the worker fetched its WebAssembly (only the exact solver loads it). Twice today:
    // probably because serveDist sends .wasm as application/octet-stream, so streaming compile falls back.
    expect(requests.filter((u) => u.endsWith('.wasm')).length).toBeGreaterThanOrEqual(1);
    await check('territory-3-preview');
    expect(problems).toEqual([]);
  });

  it('Quota: roster and options fit in 320 px', async () => {
    await wizard('Quota').click();
    await box(/^Roster/).fill('Reps!A1:K41');
    await check('quota-1-roster');
    await button('Next').click();
    await pane.getByText('40 reps read from the roster.').waitFor();
    await check('quota-2-options');
    await box(/^First month/).fill('2026-01');
    await box(/^Months/).fill('12');
    await box(/^Ramp/).fill('0.5');
    await box(/^Monthly target/).fill('3300000');
    await button('Next').click();
    await pane.getByText(/^Hires needed: \d+/).waitFor();
    await check('quota-3-preview');
    expect(problems).toEqual([]);
  });

  it('Forecast: history and options fit in 320 px', async () => {
    await wizard('Forecast').click();
    await box(/^History/).fill('Bookings!F1:F37');
    await check('forecast-1-history');
    await button('Next').click();
    await pane.getByText('36 periods of history.').waitFor();
    await check('forecast-2-options');
    await box(/^Horizon/).fill('12');
    await button('Next').click();
    await pane.getByRole('table', { name: 'Forecast' }).waitFor();
    await check('forecast-3-preview');
    expect(problems).toEqual([]);
  });

  it('Share: scan, options and preview fit in 320 px', async () => {
    await wizard('Share').click();
    await pane.getByRole('table', { name: 'SALESOPS cells by function' }).waitFor({ timeout: 120_000 });
    await check('share-1-scan');
    await button('Next').click();
    await pane.getByRole('radio', { name: /^As copies/ }).click();
    await check('share-2-options');
    await button('Next').click();
    await pane.getByRole('table', { name: 'Cells to convert' }).waitFor({ timeout: 120_000 });
    await check('share-3-preview');
    expect(problems).toEqual([]);
  });
});
