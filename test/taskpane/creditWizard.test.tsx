/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PREVIEW_ROWS } from '../../taskpane/components/DataTable';
import { dateToSerial } from '../../src/shared/dates';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { CreditWizard } from '../../taskpane/wizards/credit/CreditWizard';
import { next } from './support/next';
import { FailingWorkbook } from './support/failingWorkbook';
import { FormulaEngine } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';

const D = (y: number, m: number, d: number) => dateToSerial(y, m, d);

function setup(extraDeal?: unknown[], Workbook: typeof MemoryWorkbook = MemoryWorkbook) {
  const wb = new Workbook({
    Data: [
      [
        'Deal',
        'Account',
        'Amount',
        'Close date',
        null,
        'Deal',
        'Rep',
        'Share',
        'Type',
        null,
        'Account',
        'Rep',
        'From',
        'To',
      ],
      [
        'D-1',
        'A-1',
        1000.01,
        D(2026, 3, 13),
        null,
        'D-1',
        'Ann',
        0.6,
        'split',
        null,
        'A-1',
        'Ann',
        D(2026, 1, 1),
        D(2026, 3, 13),
      ],
      ['D-2', 'A-1', 500, D(2026, 3, 14), null, 'D-1', 'Ben', 0.4, 'split', null, 'A-1', 'Ben', D(2026, 3, 14), null],
      ['D-3', 'A-1', 200, D(2026, 4, 2), null, 'D-2', 'Omar', 0.5, 'overlay', null, null, null, null, null],
      (extraDeal ?? [null, null, null, null]).concat(new Array(10).fill(null)),
    ] as never,
    // Quotas as set on 2026-01-01 (A1:B3) and the account's monthly contribution (D1:E2).
    Quotas: [
      ['Rep', 'Quota', null, 'Account', 'Quota'],
      ['Ann', 10000, null, 'A-1', 3100],
      ['Ben', 8000, null, null, null],
    ],
    Roster: [['Rep'], ['Ann'], ['Ben'], ['Omar']],
  });
  const { user } = renderWizard(CreditWizard, wb);
  const fill = (name: RegExp, value: string) =>
    fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
  fill(/^Deals range/, `Data!A1:D${extraDeal ? 5 : 4}`);
  fill(/^Splits range/, 'Data!F1:I4');
  fill(/^Ownership range/, 'Data!K1:N3');
  fill(/^From month/, '2026-03');
  fill(/^To month/, '2026-03');
  return { wb, user, fill };
}

/** Fills the quota-relief step: Feb–Apr 2026, quotas set on 2026-01-01. */
async function fillRelief(fill: (name: RegExp, value: string) => void) {
  await screen.findByRole('textbox', { name: /^Quotas range/ }, { timeout: 10_000 });
  fill(/^Quotas range/, 'Quotas!A1:B3');
  fill(/^Account quotas range/, 'Quotas!D1:E2');
  fill(/^Baseline date/, '2026-01-01');
  fill(/^First month/, '2026-02');
  fill(/^Months/, '3');
}

const rowsOf = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map((r) => r.textContent);

describe('Credit wizard', () => {
  it('previews credit per rep for the period and writes the audit table and the totals', async () => {
    const { wb, user } = setup();
    await next(user);
    await next(user); // no quotas: no relief
    // March: D-1 split 60/40 of 1,000.01 → Ann 600.01, Ben 400.00; D-2 (the day of the move) → Ben 500, overlay
    // Omar 0.5 × 500 = 250. D-3 closes in April: outside the period.
    expect(await screen.findByText('Every deal of the period is credited.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Credit per rep' });
    expect(table).toHaveTextContent('Ben900.00');
    expect(table).toHaveTextContent('Ann600.01');
    expect(table).toHaveTextContent('Omar250.00');
    await next(user, 'Continue');
    expect(await screen.findByRole('textbox', { name: /New sheet name/ })).toHaveValue('Credits');
    await next(user, 'Write to workbook');
    expect(await screen.findByText('Wrote 4 credits for 3 reps to sheet "Credits".')).toBeInTheDocument();
    expect(wb.sheetNames()).toEqual(['Data', 'Quotas', 'Roster', 'Credits']);
    expect(wb.getCell('Credits', 'J1').value).toBeNull(); // no relief table without quotas
    const r = await wb.readRange('Credits', 'A1:H5');
    expect(r.values[0]).toEqual(['Deal', 'Rep', 'Share', 'Amount', 'Rule', null, 'Rep', 'Credited']);
    expect(r.values[1]).toEqual(['D-1', 'Ann', 0.6, 600.01, 'split row 2', null, 'Ben', 900]);
    expect(r.values[3]).toEqual(['D-2', 'Ben', 1, 500, 'owner of account A-1 on 2026-03-14', null, 'Omar', 250]);
  });

  it('lists a deal that cannot be credited, and why', async () => {
    const { user } = setup(['D-9', 'A-9', 10, D(2026, 3, 20)]);
    await next(user);
    await next(user);
    const table = await screen.findByRole('table', { name: 'Deals not credited, and why' });
    expect(table).toHaveTextContent(/D-9No owner.*no owner of account "A-9" on 2026-03-20/);
  });

  it('reports a bad table next to its field, naming the row', async () => {
    const { wb, user } = setup();
    wb.setCell('Data', 'C3', 'ten');
    await next(user);
    expect(await screen.findByText(/deals: row 3, column "Amount": expected a number, got "ten"/)).toBeInTheDocument();
  });

  // Relief, hand-worked: A-1 (3,100 a month) is Ann's on the baseline 2026-01-01 and Ben's from 2026-03-14.
  //   Feb: Ann all month → no relief: Ann 10,000, Ben 8,000.
  //   Mar (31 days): Ben owns days 14–31 = 18 → +18/31 × 3,100 = 1,800; Ann keeps 13/31 × 3,100 = 1,300 of the
  //        3,100 in her quota → −1,800: Ann 8,200, Ben 9,800 (relief sums to 0).
  //   Apr: Ben all month → Ben 8,000 + 3,100 = 11,100; Ann 10,000 − 3,100 = 6,900.
  it('previews quota relief per rep and month, and writes it with the audit table and a CREDITED column', async () => {
    const { wb, user, fill } = setup();
    new FormulaEngine(salesOpsFunctions()).attach(wb); // the playground's engine computes the written formulas
    fill(/^Roster \(optional/, 'Roster!A1:A4');
    await next(user);
    await fillRelief(fill);
    await next(user);
    await screen.findByRole('table', { name: 'Credit per rep' });
    expect(rowsOf('Quota per rep and month after relief')).toEqual([
      'Rep2026-022026-032026-04',
      'Ann10,000.008,200.006,900.00',
      'Ben8,000.009,800.0011,100.00',
    ]);
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    expect(
      await screen.findByText(
        'Wrote 4 credits for 3 reps and relieved quotas for 2 reps to sheet "Credits", and 3 SALESOPS.CREDITED formulas beside the roster.',
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect((await wb.readRange('Credits', 'J1:M3')).values).toEqual([
      ['Rep', '2026-02', '2026-03', '2026-04'],
      ['Ann', 10000, 8200, 6900],
      ['Ben', 8000, 9800, 11100],
    ]);
    // The roster's column: a header, then one CREDITED formula per rep over the same tables and period (March).
    expect(wb.getCell('Roster', 'B1').value).toBe('Credited');
    expect(wb.getCell('Roster', 'B2').formula).toBe(
      '=SALESOPS.CREDITED(Roster!A2,Data!$A$1:$D$4,Data!$F$1:$I$4,Data!$K$1:$N$3,DATE(2026,3,1),DATE(2026,3,31))',
    );
    expect(wb.getCell('Roster', 'B4').formula).toMatch(/^=SALESOPS\.CREDITED\(Roster!A4,Data!\$A\$1:\$D\$4,/);
    // Computed: the preview's March figures (Ann 600.01, Ben 400.00 + 500 = 900.00, Omar 250.00).
    expect([2, 3, 4].map((r) => wb.getCell('Roster', `B${r}`).value)).toEqual([600.01, 900, 250]);
    expect(wb.getCell('Roster', 'B5').value).toBeNull();
  });

  it('names the relief field that is wrong', async () => {
    const { user, fill } = setup();
    await next(user);
    await screen.findByRole('textbox', { name: /^Quotas range/ }, { timeout: 10_000 });
    fill(/^Quotas range/, 'Quotas!A1:B3');
    fill(/^Baseline date/, '2026-02-30');
    fill(/^First month/, 'March');
    fill(/^Months/, '0');
    await next(user);
    expect(await screen.findByText('Baseline date: 2026-02-30 is not a date.')).toBeInTheDocument();
    expect(screen.getByText('First month: type a month as YYYY-MM, e.g. 2026-01.')).toBeInTheDocument();
    expect(screen.getByText('Months must be at least 1.')).toBeInTheDocument();
    expect(screen.getByText(/^Account quotas: choose the monthly quota contribution/)).toBeInTheDocument();
  });

  it('reports a bad quotas table naming its row', async () => {
    const { wb, user, fill } = setup();
    wb.setCell('Quotas', 'B3', 'lots');
    await next(user);
    await fillRelief(fill);
    await next(user);
    expect(await screen.findByText(/^quotas: row 3.*"lots"/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Credit per rep' })).toBeNull();
  });

  it('asks before overwriting the cells beside the roster, and writes nothing when cancelled', async () => {
    const { wb, user, fill } = setup();
    wb.setCell('Roster', 'B3', 'keep me');
    fill(/^Roster \(optional/, 'Roster!A1:A4');
    await next(user);
    await next(user);
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    const dialog = await screen.findByRole('alertdialog', undefined, { timeout: 10_000 });
    expect(within(dialog).getByText(/Roster!B1:B4: 1 non-empty cell \(B3\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(await screen.findByText('Nothing was written.', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(wb.getCell('Roster', 'B3').value).toBe('keep me');
    expect(wb.sheetNames()).toEqual(['Data', 'Quotas', 'Roster']);
    await next(user, 'Write to workbook');
    const again = await screen.findByRole('alertdialog', undefined, { timeout: 10_000 });
    await user.click(within(again).getByRole('button', { name: 'Overwrite', hidden: true }));
    await screen.findByText(/^Wrote 4 credits/, undefined, { timeout: 10_000 });
    expect(wb.getCell('Roster', 'B3').formula).toMatch(/^=SALESOPS\.CREDITED\(Roster!A3,/);
  });

  it('writes all or nothing: a write refused part way leaves the workbook as it was', async () => {
    const { wb, user, fill } = setup(undefined, FailingWorkbook);
    fill(/^Roster \(optional/, 'Roster!A1:A4');
    await next(user);
    await fillRelief(fill);
    await next(user);
    await next(user, 'Continue');
    // The audit table (5 rows × 5 = 25 cells), the totals (4 × 2 = 8) and relief (3 × 4 = 12) go first, 45 writes:
    // write 46 is the roster column's header, 47 its first formula, refused after the header went in.
    (wb as FailingWorkbook).failWrite(47);
    await next(user, 'Write to workbook');
    expect(await screen.findByText(/Injected failure on write 47/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(wb.sheetNames()).toEqual(['Data', 'Quotas', 'Roster']);
    expect(wb.getCell('Roster', 'B1').value).toBeNull();
    expect(wb.getCell('Roster', 'B2').formula).toBeFalsy();
    // Written again once Excel accepts: everything is there.
    await next(user, 'Write to workbook');
    await screen.findByText(/^Wrote 4 credits/, undefined, { timeout: 10_000 });
    expect(wb.getCell('Roster', 'B1').value).toBe('Credited');
    expect(wb.getCell('Credits', 'M3').value).toBe(11100);
  });
});

describe('Credit wizard: each table its own messages', () => {
  const invalid = (name: RegExp) => screen.getByRole('textbox', { name }).getAttribute('aria-invalid');

  it('shows a Splits read error under Splits, not under Deals', async () => {
    const { user, fill } = setup();
    fill(/^Splits range/, 'Nowhere!A1:D4'); // no such sheet
    await next(user);
    await waitFor(() => expect(invalid(/^Splits range/)).toBe('true'));
    expect(invalid(/^Deals range/)).not.toBe('true');
    expect(invalid(/^Ownership range/)).not.toBe('true');
    expect(screen.getByRole('textbox', { name: /^Splits range/ })).toHaveAccessibleDescription(/Nowhere/);
  });

  it('shows a bad Ownership row under Ownership, naming the row', async () => {
    const { wb, user } = setup();
    wb.setCell('Data', 'M2', 'soon'); // From of ownership row 2
    await next(user);
    await waitFor(() => expect(invalid(/^Ownership range/)).toBe('true'));
    expect(invalid(/^Deals range/)).not.toBe('true');
    expect(screen.getByRole('textbox', { name: /^Ownership range/ })).toHaveAccessibleDescription(/^ownership: row 2/);
  });

  it('caps the problems table at PREVIEW_ROWS rows and counts the rest', async () => {
    // 205 deals of March on an account nobody owns: 205 problems; the table shows 200 and says 5 more.
    const deals = [['Deal', 'Account', 'Amount', 'Close date']];
    for (let i = 1; i <= PREVIEW_ROWS + 5; i++) deals.push([`D-${i}`, 'A-9', 10, D(2026, 3, 2)] as never);
    const wb = new MemoryWorkbook({ Deals: deals });
    const { user } = renderWizard(CreditWizard, wb);
    fireEvent.change(screen.getByRole('textbox', { name: /^Deals range/ }), { target: { value: 'Deals!A1:D206' } });
    await next(user);
    await next(user);
    const table = await screen.findByRole('table', { name: 'Deals not credited, and why' }, { timeout: 10_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(PREVIEW_ROWS + 1); // and the header row
    expect(screen.getByText(`The first ${PREVIEW_ROWS} shown, and 5 more.`)).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(/^205 deal\(s\)/);
  });
});
