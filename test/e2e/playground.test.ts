/**
 * The playground in headless Chromium: the sample workbook loads, a quota edit recomputes the payout to the
 * hand-computed value, and the page is captured to docs/playground.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './browser';
import { type PlaygroundPage, openPlayground } from './page';

jest.setTimeout(900_000);

describe('playground in Chromium', () => {
  let playground: PlaygroundPage;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    playground = await openPlayground({ consoleErrors: true });
    ({ page, problems } = playground);
  });

  afterAll(async () => {
    await playground?.close();
  });

  const cell = (a: string) => page.locator(`[data-address="${a}"]`);
  const sheetTab = (name: string) =>
    page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name, exact: true });

  it('loads the sample company with every sheet and no page errors', async () => {
    for (const name of ['README', 'Reps', 'Accounts', 'Payouts', 'Capacity', 'Forecast', 'Territory']) {
      await sheetTab(name).waitFor();
    }
    expect(problems).toEqual([]);
  });

  it('recomputes the payout when a quota is edited (hand-computed)', async () => {
    await sheetTab('Payouts').click();
    // R001: bookings $998,140 on a $1,120,000 quota → 998,140 × 0.05 = 49,907.00; new logos 5/6 × 24,000 = 20,000
    await expect(cell('L2').textContent()).resolves.toBe('$69,907.00');
    await cell('L2').click();
    await expect(page.getByLabel('Formula bar').inputValue()).resolves.toBe('=SALESOPS.ROUNDMONEY(J2+K2)');

    await cell('C2').click();
    await page.keyboard.type('800000');
    await page.keyboard.press('Enter');
    // Attainment 998,140 / 800,000 = 1.247675 → 56,000 × (1 + 2 × 0.247675) = 83,739.60; + 20,000 = 103,739.60
    await page.waitForFunction(
      () => document.querySelector('[data-address="L2"]')?.textContent === '$103,739.60',
      undefined,
      { timeout: 30_000 },
    );
    await expect(cell('J2').textContent()).resolves.toBe('$83,739.60');
    await expect(cell('C2').textContent()).resolves.toBe('$800,000');
    expect(problems).toEqual([]);
  });

  it('shows a formula error as #VALUE! with the function’s message', async () => {
    await cell('C3').click();
    await page.keyboard.type('ten');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-address="J3"]')?.textContent === '#VALUE!');
    await cell('C3').click();
    await page.keyboard.type('1120000');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-address="J3"]')?.textContent !== '#VALUE!');
  });

  // The screenshot goes to test-results/; UPDATE_SCREENSHOT=1 also refreshes the README's docs/playground.png.
  it('saves a screenshot of the playground at 1,400 × 900 (docs/playground.png with UPDATE_SCREENSHOT=1)', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { salesOpsPlayground: { pending: () => number } }).salesOpsPlayground.pending() === 0,
    );
    await sheetTab('Payouts').click();
    await page.getByRole('grid').evaluate((el) => {
      el.scrollLeft = 0;
      el.scrollTop = 0;
    });
    // A selected block, as a user picks a wizard's input
    await cell('A1').click();
    await cell('D6').click({ modifiers: ['Shift'] });
    const shot = path.join(ROOT, 'test-results', 'playground.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
    if (process.env.UPDATE_SCREENSHOT === '1') fs.copyFileSync(shot, path.join(ROOT, 'docs', 'playground.png'));
  });
});
