/**
 * The playground's grid as a tool, in headless Chromium: the ARIA grid pattern and keyboard, axe-core over the
 * page, drag and keyboard selection feeding each wizard's Use selection, a pasted TSV block run through a wizard,
 * opening .xlsx files (written by exceljs and by the sample writer), editing, downloading and reopening them, a
 * file that is not a workbook, and the formats of spilled cells.
 */
import fs from 'node:fs';
import type { AxeResults } from 'axe-core';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { buildSampleWorkbook } from '../../sample/workbook';
import { buildSampleXlsx } from '../../scripts/sample/xlsx';
import { installCustomFunctionsShim } from '../../taskpane/playground/customFunctionsShim';
import { type PlaygroundPage, openPlayground } from './page';

jest.setTimeout(900_000);

interface Handle {
  salesOpsPlayground: {
    snapshot: () => Promise<Record<string, unknown[][]>>;
    pending: () => number;
    formulas: () => string[];
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('playground grid as a tool (Chromium)', () => {
  let playground: PlaygroundPage;
  let page: Page;
  let pane: Locator;
  let problems: string[];

  beforeAll(async () => {
    playground = await openPlayground({ consoleErrors: true });
    ({ page, problems } = playground);
    await computed();
    pane = page.getByRole('complementary', { name: 'Task pane' });
  });

  afterAll(async () => {
    await playground?.close();
  });

  const sheetTab = (name: string) =>
    page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name, exact: true });
  const cell = (a: string) => page.locator(`[role="grid"] [data-address="${a}"]`);
  const grid = () => page.getByRole('grid');
  const nameBox = () => page.getByLabel('Name box');
  const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  const wizard = (name: string) => pane.getByRole('tablist', { name: 'Wizards' }).getByRole('tab', { name });
  const button = (name: string) => pane.getByRole('button', { name, exact: true });
  const computed = () =>
    page.waitForFunction(() => (globalThis as unknown as Handle).salesOpsPlayground.pending() === 0, undefined, {
      timeout: 120_000,
    });
  const snapshot = () => page.evaluate(() => (globalThis as unknown as Handle).salesOpsPlayground.snapshot());
  const formulas = () => page.evaluate(() => (globalThis as unknown as Handle).salesOpsPlayground.formulas());
  /** The picker labelled `label` in the task pane: its Use selection button and its range box. */
  const picker = (label: RegExp) => {
    const group = pane.getByRole('group', { name: label });
    return { use: group.getByRole('button', { name: 'Use selection' }), box: group.getByRole('textbox') };
  };
  const drag = async (from: string, to: string) => {
    const a = (await cell(from).boundingBox())!;
    const b = (await cell(to).boundingBox())!;
    await page.mouse.move(a.x + 4, a.y + 4);
    await page.mouse.down();
    await page.mouse.move(b.x + 4, b.y + 4, { steps: 6 });
    await page.mouse.up();
  };
  const openFile = async (name: string, bytes: Buffer, mimeType = XLSX) => {
    await page.getByLabel('Open an Excel workbook').setInputFiles({ name, mimeType, buffer: bytes });
  };

  /** axe-core on the page: serious and critical violations as "rule: target" lines. */
  async function axeProblems(): Promise<string[]> {
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run: (el: Document) => Promise<AxeResults> } }).axe.run(document),
    );
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, added by Fluent's TabList and
    // FluentProvider) are a known false positive of aria-hidden-focus: they hand focus on at once
    // (microsoft/tabster#288; Accessibility Insights excludes them, microsoft/accessibility-insights-web#7605).
    const sentinel = (id: string, html: string) => id === 'aria-hidden-focus' && html.includes('data-tabster-dummy');
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.filter((n) => !sentinel(v.id, n.html)).map((n) => `${v.id}: ${n.target.join(' ')}`));
  }

  it('follows the ARIA grid pattern: rows with indices, headers, one tab stop, arrows, the active cell announced', async () => {
    await sheetTab('Payouts').click();
    const g = grid();
    await expect(g.getAttribute('aria-label')).resolves.toBe('Sheet Payouts');
    await expect(g.getAttribute('tabindex')).resolves.toBe('0');
    // Header row first (aria-rowindex 1), its column headers, then data rows from aria-rowindex 2.
    const header = g.getByRole('row').first();
    await expect(header.getAttribute('aria-rowindex')).resolves.toBe('1');
    await expect(header.getByRole('columnheader').nth(1).textContent()).resolves.toBe('A');
    const row2 = g.locator('[role="row"][aria-rowindex="3"]');
    await expect(row2.getByRole('rowheader').textContent()).resolves.toBe('2');
    await expect(row2.locator('[data-address="A2"]').getAttribute('aria-colindex')).resolves.toBe('2');
    // Only the grid takes Tab: no cell is a tab stop of its own.
    expect(await g.locator('[role="gridcell"][tabindex]').count()).toBe(0);
    await cell('A2').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const activeId = await g.getAttribute('aria-activedescendant');
    await expect(page.locator(`[id="${activeId}"]`).getAttribute('data-address')).resolves.toBe('C3');
    // The active cell is announced once, by its name through aria-activedescendant ("C3: $…"), not again by the
    // live region, which speaks only a grown selection.
    await expect(cell('C3').getAttribute('aria-label')).resolves.toMatch(/^C3: \$/);
    await expect(cell('B3').getAttribute('aria-label')).resolves.toBeNull();
    const live = page.locator('section[aria-label="Spreadsheet"] > [aria-live="polite"]');
    await expect(live.textContent()).resolves.toBe('');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(nameBox().inputValue()).resolves.toBe('C3:D5');
    await expect(live.textContent()).resolves.toBe('Selected C3:D5');
    await expect(cell('D4').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Control+a');
    // Payouts: a header row and one row a rep, columns A–L (the used range)
    await expect(nameBox().inputValue()).resolves.toMatch(/^A1:L\d\d$/);
    await grid().getByRole('columnheader', { name: 'B', exact: true }).click();
    await expect(nameBox().inputValue()).resolves.toMatch(/^B1:B\d+$/);
    await grid().getByRole('rowheader', { name: '3', exact: true }).click();
    await expect(nameBox().inputValue()).resolves.toMatch(/^A3:[A-Z]+3$/);
    expect(problems).toEqual([]);
  });

  it('axe-core finds no serious or critical violation on the playground (grid, tabs, task pane)', async () => {
    expect(await axeProblems()).toEqual([]);
    await sheetTab('Forecast').click();
    expect(await axeProblems()).toEqual([]);
  });

  it('shows a spilled cell in its anchor’s format (Forecast) and fits columns to their content', async () => {
    await sheetTab('Forecast').click();
    // B2 anchors SALESOPS.FORECAST in "$#,##0": B3 (spilled) and C2, D2 (its interval) take that format.
    for (const a of ['B2', 'B3', 'C2', 'D2', 'D13'])
      await expect(cell(a).textContent()).resolves.toMatch(/^\$\d{1,3}(,\d{3})+$/);
    await sheetTab('Territory').click();
    // The balance report (G2 anchor, General): numbers whole, no ### (the columns were sized to fit them).
    const texts = await page
      .locator('[role="grid"] [data-address^="I"], [role="grid"] [data-address^="J"]')
      .allTextContents();
    expect(texts.filter((t) => t.startsWith('#'))).toEqual([]);
    // Double-click on a header edge fits the column: C (the proposed owners) gets the width of its longest name.
    const before = (await cell('C5').boundingBox())!.width;
    await page
      .locator('[data-resize="C"]')
      .evaluate((el) => el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })));
    const after = (await cell('C5').boundingBox())!.width;
    expect(after).toBeLessThanOrEqual(before);
    expect(after).toBeGreaterThan(60);
  });

  it('drag and keyboard selections feed Use selection in every wizard', async () => {
    await sheetTab('Reps').click();
    await drag('A1', 'D6');
    await expect(nameBox().inputValue()).resolves.toBe('A1:D6');
    await page.keyboard.press('Shift+ArrowDown'); // the drag's far corner moves: A1:D7
    await expect(nameBox().inputValue()).resolves.toBe('A1:D7');
    const expected = 'Reps!A1:D7';
    const cases: [string, RegExp][] = [
      ['Quota', /^Roster/],
      ['Forecast', /^History/],
      ['Territory', /^Accounts/],
      ['Territory', /^Reps/],
      ['Comp plan', /^Roster/],
    ];
    for (const [name, label] of cases) {
      await wizard(name).click();
      if (name === 'Comp plan') await button('Next').click(); // template first; the roster is on the tiers step
      const p = picker(label);
      await p.use.click();
      await expect(p.box.inputValue()).resolves.toBe(expected);
      expect(await axeProblems()).toEqual([]);
    }
    // A column header click (the whole used column) into Forecast's history
    await sheetTab('Bookings').click();
    await grid().getByRole('columnheader', { name: 'F', exact: true }).click();
    const col = await nameBox().inputValue();
    await wizard('Forecast').click();
    await picker(/^History/).use.click();
    await expect(picker(/^History/).box.inputValue()).resolves.toBe(`Bookings!${col}`);
    expect(problems).toEqual([]);
  });

  it('pastes a TSV block (values and formulas) and runs the Forecast wizard on it', async () => {
    await sheetTab('Bookings').click();
    await cell('H1').click();
    // 24 months growing by 1,000 a month from 100,000; column I doubles column H by formula.
    const lines = ['History\tDouble'];
    for (let i = 0; i < 24; i++) lines.push(`${100_000 + 1000 * i}\t=H${i + 2}*2`);
    const text = lines.join('\r\n') + '\r\n';
    await grid().evaluate((el, t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
    await expect(nameBox().inputValue()).resolves.toBe('H1:I25');
    await expect(cell('H2').textContent()).resolves.toBe('100000');
    // I25 = H25 × 2 = (100,000 + 23 × 1,000) × 2 = 246,000
    await page.waitForFunction(() => document.querySelector('[data-address="I25"]')?.textContent === '246000');
    // Copy gives the block back as tab-separated text.
    const copied = await grid().evaluate((el) => {
      const dt = new DataTransfer();
      el.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
      return dt.getData('text/plain');
    });
    expect(copied.split('\r\n')[1]).toBe('100000\t200000');
    await nameBox().fill('H1:H25');
    await nameBox().press('Enter');
    await wizard('Forecast').click();
    await picker(/^History/).use.click();
    await expect(picker(/^History/).box.inputValue()).resolves.toBe('Bookings!H1:H25');
    await button('Next').click();
    await pane.getByText('24 periods of history.').waitFor();
    await pane.getByRole('textbox', { name: /^Horizon/ }).fill('6');
    await button('Next').click();
    await pane.getByRole('table', { name: 'Forecast' }).waitFor();
    expect(await axeProblems()).toEqual([]);
    await button('Continue').click();
    await button('Write to workbook').click();
    const wrote = pane.getByText(/Wrote the forecast to sheet "([^"]+)"/);
    await wrote.waitFor();
    const sheet = /sheet "([^"]+)"/.exec((await wrote.textContent()) ?? '')![1];
    await sheetTab(sheet).click();
    await computed();
    // 24 history rows under a header, the forecast after them: a linear series forecasts above its last value.
    const first = Number(((await cell('C26').textContent()) ?? '').replace(/[$,]/g, ''));
    expect(first).toBeGreaterThan(100_000);
    // The wizard's chart is drawn on the sheet, beside the data it plots.
    const chart = page.getByRole('figure', { name: /^Chart on sheet: / });
    await chart.first().waitFor();
    const chartBox = (await chart.first().boundingBox())!;
    const dataBox = (await cell('A1').boundingBox())!;
    expect(chartBox.x).toBeGreaterThan(dataBox.x);
    expect(problems).toEqual([]);
  });

  it('refuses a file that is not a workbook with a clear message and changes nothing', async () => {
    const before = await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab').allTextContents();
    await openFile('reps.csv', Buffer.from('Rep,Quota\nAnn,100\n'), 'text/csv');
    await status(/"reps.csv" is not an Excel workbook.*Nothing was changed/).waitFor();
    expect(await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab').allTextContents()).toEqual(before);
  });

  it('opens an exceljs workbook (both SALESOPS spellings, formats, sheets), edits, downloads and reopens it', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Plan');
    ws.addRow(['Quota', 'Bookings', 'Attainment', 'Payout', 'Stored']);
    ws.addRow([1_120_000, 998_140]);
    ws.getCell('A2').numFmt = '$#,##0';
    ws.getCell('B2').numFmt = '$#,##0';
    ws.getCell('C2').value = { formula: 'B2/A2', result: 0 };
    ws.getCell('C2').numFmt = '0.0%';
    ws.getCell('D2').value = { formula: 'SALESOPS.ROUNDMONEY(B2*0.05)', result: 0 };
    ws.getCell('D2').numFmt = '$#,##0.00';
    ws.getCell('E2').value = { formula: '_xldudf_SALESOPS_ROUNDMONEY(D2/3)', result: 0 };
    const notes = book.addWorksheet('Notes');
    notes.getCell('A1').value = 'Written by exceljs';
    notes.getCell('B1').value = { formula: 'Plan!D2*2', result: 0 };
    await openFile('plan.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    await status('Opened plan.xlsx: 2 sheet(s).').waitFor();
    await computed();
    expect(await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab').allTextContents()).toEqual([
      'Plan',
      'Notes',
    ]);
    // 998,140 / 1,120,000 = 89.12 %; 998,140 × 0.05 = 49,907.00; 49,907 / 3 = 16,635.666… → 16,635.67
    await expect(cell('A2').textContent()).resolves.toBe('$1,120,000');
    await expect(cell('C2').textContent()).resolves.toBe('89.1%');
    await expect(cell('D2').textContent()).resolves.toBe('$49,907.00');
    await expect(cell('E2').textContent()).resolves.toBe('16635.67');
    // Edit: quota 800,000 → attainment 124.8 %
    await cell('A2').click();
    await page.keyboard.type('800000');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-address="C2"]')?.textContent === '124.8%');
    const values = await snapshot();
    const formulasBefore = await formulas();
    expect(formulasBefore).toEqual([
      'Plan!C2=B2/A2',
      'Plan!D2=SALESOPS.ROUNDMONEY(B2*0.05)',
      'Plan!E2=SALESOPS.ROUNDMONEY(D2/3)',
      'Notes!B1=Plan!D2*2',
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('plan.xlsx');
    const saved = fs.readFileSync(await download.path());
    // The file holds Excel's spelling of the custom function and the cached result.
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(saved as unknown as ArrayBuffer);
    expect(check.getWorksheet('Plan')!.getCell('D2').formula).toBe('_xldudf_SALESOPS_ROUNDMONEY(B2*0.05)');
    expect(check.getWorksheet('Plan')!.getCell('A2').value).toBe(800_000);
    expect(check.getWorksheet('Plan')!.getCell('A2').numFmt).toBe('$#,##0');
    await openFile('plan.xlsx', saved);
    await status('Opened plan.xlsx: 2 sheet(s).').waitFor();
    await computed();
    expect(await snapshot()).toEqual(values);
    expect(await formulas()).toEqual(formulasBefore);
    expect(problems).toEqual([]);
  });

  it('opens the sample writer’s file with the same values as the sample and its spilled formats', async () => {
    installCustomFunctionsShim();
    const sheets = buildSampleWorkbook();
    const bytes = Buffer.from(await buildSampleXlsx(sheets).xlsx.writeBuffer());
    await openFile('SalesOps-Sample.xlsx', bytes);
    await status(/^Opened SalesOps-Sample.xlsx/).waitFor({ timeout: 120_000 });
    await computed();
    const opened = await snapshot();
    // The page's own sample, loaded fresh, computes the same values.
    const fresh = await playground.context.newPage();
    await fresh.goto(playground.url);
    const want = await fresh.evaluate(() => (globalThis as unknown as Handle).salesOpsPlayground.snapshot());
    await fresh.close();
    expect(opened).toEqual(want);
    await sheetTab('Forecast').click();
    for (const a of ['B3', 'C2', 'D13']) await expect(cell(a).textContent()).resolves.toMatch(/^\$\d{1,3}(,\d{3})+$/);
    expect(problems).toEqual([]);
  });
});
