/**
 * Each task-pane wizard end to end in headless Chromium, on the playground's sample workbook: pick the input
 * range, set options, preview, write; the output appears as a new sheet computed by the playground's engine.
 * axe-core checks the task pane at every step of every wizard (no serious or critical violation).
 */
import type { Locator, Page } from 'playwright-core';
import fs from 'node:fs';
import type { AxeResults } from 'axe-core';
import { type PlaygroundPage, openPlayground } from './page';

jest.setTimeout(900_000);

describe('wizards in the playground (Chromium)', () => {
  let playground: PlaygroundPage;
  let page: Page;
  let pane: Locator;
  let problems: string[];

  beforeAll(async () => {
    playground = await openPlayground();
    ({ page, problems } = playground);
    pane = page.getByRole('complementary', { name: 'Task pane' });
  });

  afterAll(async () => {
    await playground?.close();
  });

  const sheetTab = (name: string) =>
    page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name, exact: true });
  const cellText = (a: string) => page.locator(`[data-address="${a}"]`).textContent();
  const wizard = (name: string) => pane.getByRole('tablist', { name: 'Wizards' }).getByRole('tab', { name });
  const button = (name: string) => pane.getByRole('button', { name, exact: true });
  const box = (name: RegExp) => pane.getByRole('textbox', { name });

  it('Quota: reads the Reps roster, writes RAMPSCHEDULE formulas that the playground computes', async () => {
    await wizard('Quota').click();
    await box(/^Roster/).fill('Reps!A1:K41');
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    await pane.getByText('40 reps read from the roster.').waitFor();
    expect(await axeProblems()).toEqual([]);
    await box(/^First month/).fill('2026-01');
    await box(/^Months/).fill('12');
    await box(/^Ramp/).fill('0.5');
    await box(/^Monthly target/).fill('3300000');
    await button('Next').click();
    await pane.getByText(/^Hires needed: \d+/).waitFor();
    expect(await axeProblems()).toEqual([]);
    await button('Continue').click();
    await button('Write to workbook').click();
    await pane.getByText(/Wrote the quota plan for 40 reps to sheet "Quota plan"/).waitFor();
    expect(await axeProblems()).toEqual([]);
    await sheetTab('Quota plan').waitFor();
    await sheetTab('Quota plan').click();
    // First roster row: R001 Farid Lopez, started 2023, fully ramped: 1,120,000 / 12 = 93,333.33 every month
    await expect(cellText('A10')).resolves.toBe('Farid Lopez');
    await expect(cellText('B10')).resolves.toMatch(/^\$?93,333\.33$/);
    await expect(cellText('M10')).resolves.toMatch(/^\$?93,333\.33$/);
    await page
      .getByRole('figure', { name: /^Chart on sheet: / })
      .first()
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('Forecast: forecasts the Bookings total with a SALESOPS.FORECAST formula on a new sheet', async () => {
    await wizard('Forecast').click();
    await box(/^History/).fill('Bookings!F1:F37');
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    await pane.getByText('36 periods of history.').waitFor();
    expect(await axeProblems()).toEqual([]);
    await box(/^Horizon/).fill('12');
    await button('Next').click();
    await pane.getByRole('table', { name: 'Forecast' }).waitFor();
    expect(await axeProblems()).toEqual([]);
    await button('Continue').click();
    await button('Write to workbook').click();
    await pane.getByText(/Wrote the forecast to sheet "Forecast 2"/).waitFor();
    expect(await axeProblems()).toEqual([]);
    await sheetTab('Forecast 2').click();
    // History copied by reference: the first actual is Bookings!F2 (the sum of January 2023's four regions)
    const jan2023 = await page.evaluate(() => document.querySelector('[data-address="B2"]')?.textContent ?? '');
    expect(jan2023.replace(/[$,]/g, '')).toMatch(/^\d+(\.\d+)?$/);
    // The forecast anchor (after 36 history rows) holds a number computed by SALESOPS.FORECAST, not an error.
    const first = (await cellText('C38')) ?? '';
    expect(first).not.toMatch(/^#/);
    expect(Number(first.replace(/[$,]/g, ''))).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('Territory: balances the 3,000 accounts over the reps who stay, within the move budget', async () => {
    await wizard('Territory').click();
    await box(/^Accounts/).fill('Accounts!A1:J3001');
    await box(/^Reps/).fill('Territory!E1:E38');
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    await pane.getByRole('checkbox', { name: 'Potential' }).check();
    await pane.getByRole('combobox', { name: 'Current owner' }).selectOption('Current owner');
    await box(/^Most accounts moved/).fill('300');
    expect(await axeProblems()).toEqual([]);
    await button('Run').click();
    const summary = pane.getByText(/^Accounts moved: \d+\. Largest deviation/);
    await summary.waitFor({ timeout: 120_000 });
    expect(await axeProblems()).toEqual([]);
    const moved = Number(/Accounts moved: (\d+)/.exec((await summary.textContent()) ?? '')![1]);
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThanOrEqual(300);
    await button('Continue').click();
    await button('Write to workbook').click();
    await pane.getByText(/Wrote the new owners/).waitFor();
    expect(await axeProblems()).toEqual([]);
    await sheetTab('Territory balance').waitFor();
    expect(problems).toEqual([]);
  });

  it('Comp plan: writes the plan table to a new sheet', async () => {
    await wizard('Comp plan').click();
    expect(await axeProblems()).toEqual([]);
    await button('Next').click(); // template: single measure with accelerator
    expect(await axeProblems()).toEqual([]);
    await button('Next').click(); // tiers as proposed, no roster
    expect(await axeProblems()).toEqual([]);
    await button('Continue').click();
    await button('Write to workbook').click();
    await pane.getByText(/Wrote plan table \w+ to sheet "Comp plan/).waitFor();
    expect(await axeProblems()).toEqual([]);
    await sheetTab('Comp plan').waitFor();
    expect(problems).toEqual([]);
  });

  /** axe-core on the task pane: the serious and critical violations, as "rule: target" lines. */
  async function axeProblems(): Promise<string[]> {
    // Evaluated through the DevTools protocol: the page's Content-Security-Policy forbids inline script tags.
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (el: Element) => Promise<AxeResults> } }).axe;
      return axe.run(document.querySelector('aside[aria-label="Task pane"]')!);
    });
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, in Fluent's TabList) are a known
    // false positive of aria-hidden-focus: they hand focus on at once (microsoft/tabster#288; Accessibility
    // Insights excludes them, microsoft/accessibility-insights-web#7605).
    const sentinel = (id: string, html: string) => id === 'aria-hidden-focus' && html.includes('data-tabster-dummy');
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.filter((n) => !sentinel(v.id, n.html)).map((n) => `${v.id}: ${n.target.join(' ')}`));
  }

  it('Credit: credits the sample quarter, lists what cannot be credited, writes; axe finds no serious or critical violation', async () => {
    await wizard('Credit').click();
    await box(/^Deals range/).fill('Credit!A1:E43');
    await box(/^Splits range/).fill('Credit!G1:J15');
    await box(/^Ownership range/).fill('Credit!L1:O23');
    await box(/^From month/).fill('2026-01');
    await box(/^To month/).fill('2026-03');
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    // The quota relief step: left without quotas, it is skipped.
    await box(/^Baseline date/).waitFor({ timeout: 120_000 });
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    await pane.getByRole('table', { name: 'Credit per rep' }).waitFor({ timeout: 120_000 });
    await pane.getByText('Every deal of the period is credited.').waitFor();
    expect(await axeProblems()).toEqual([]);
    await button('Continue').click();
    await button('Write to workbook').click();
    await pane.getByText(/^Wrote \d+ credits for \d+ reps to sheet "Credits/).waitFor({ timeout: 120_000 });
    expect(await axeProblems()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('Performance: attainment and pace of the sample Deals, a routing test, the write; axe finds nothing serious', async () => {
    await wizard('Performance').click();
    await box(/^Bookings/).fill('Deals!A1:C400');
    await box(/^Quotas/).fill('Performance!A6:B46');
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    await box(/^As of/).fill('2026-03-15');
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    await pane.getByText(/^FY2026 Q1: 2026-01-01 to 2026-03-31, as of 2026-03-15/).waitFor({ timeout: 120_000 });
    await pane.getByRole('table', { name: 'Attainment and pace per rep' }).waitFor();
    expect(await axeProblems()).toEqual([]);
    await button('Continue').click();
    await box(/^Records range/).fill('Leads!B1:E121');
    await box(/^Rules/).fill('Routing!A1:E9');
    await box(/^Routing reps/).fill('Routing!G1:K41');
    await button('Test rules').click();
    await pane.getByText('120 records tested: 120 routed.').waitFor({ timeout: 120_000 });
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    await button('Write to workbook').click();
    await pane.getByText(/Wrote attainment and pace of \d+ reps to sheet "Performance 2"/).waitFor();
    await sheetTab('Performance 2').waitFor();
    expect(problems).toEqual([]);
  });

  it('Share: scans, previews and converts the sample in place', async () => {
    await wizard('Share').click();
    const counts = pane.getByRole('table', { name: 'SALESOPS cells by function' });
    await counts.waitFor({ timeout: 120_000 });
    expect(await axeProblems()).toEqual([]);
    await pane.getByText(/^[\d,]+ SALESOPS cells on \d+ sheets: .*Payouts/).waitFor();
    await button('Next').click();
    await pane.getByRole('radio', { name: /^In place/ }).waitFor();
    expect(await axeProblems()).toEqual([]);
    await button('Next').click();
    const preview = pane.getByRole('table', { name: 'Cells to convert' });
    await preview.waitFor({ timeout: 120_000 });
    expect(await axeProblems()).toEqual([]);
    await button('Continue').click();
    await button('Write to workbook').click();
    await pane.getByText(/^Shared [\d,]+ SALESOPS cells in place/).waitFor({ timeout: 120_000 });
    expect(await axeProblems()).toEqual([]);
    await sheetTab('Provenance').waitFor();
    // The converted sheet shows values and native results, no error.
    await sheetTab('Payouts').click();
    const texts = await page.locator('[data-address]').allTextContents();
    expect(texts.filter((t) => /^#(NAME\?|VALUE!)/.test(t))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
