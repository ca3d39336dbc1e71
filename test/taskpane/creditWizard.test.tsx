/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { fireEvent, screen } from '@testing-library/react';
import { dateToSerial } from '../../src/shared/dates';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { CreditWizard } from '../../taskpane/wizards/credit/CreditWizard';
import { next } from './support/next';

const D = (y: number, m: number, d: number) => dateToSerial(y, m, d);

function setup(extraDeal?: unknown[]) {
  const wb = new MemoryWorkbook({
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
  });
  const { user } = renderWizard(CreditWizard, wb);
  const fill = (name: RegExp, value: string) =>
    fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
  fill(/^Deals range/, `Data!A1:D${extraDeal ? 5 : 4}`);
  fill(/^Splits range/, 'Data!F1:I4');
  fill(/^Ownership range/, 'Data!K1:N3');
  fill(/^From month/, '2026-03');
  fill(/^To month/, '2026-03');
  return { wb, user };
}

describe('Credit wizard', () => {
  it('previews credit per rep for the period and writes the audit table and the totals', async () => {
    const { wb, user } = setup();
    await next(user);
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
    expect(await screen.findByText(/Wrote 4 credits for 3 reps to sheet "Credits"/)).toBeInTheDocument();
    const r = await wb.readRange('Credits', 'A1:H5');
    expect(r.values[0]).toEqual(['Deal', 'Rep', 'Share', 'Amount', 'Rule', null, 'Rep', 'Credited']);
    expect(r.values[1]).toEqual(['D-1', 'Ann', 0.6, 600.01, 'split row 2', null, 'Ben', 900]);
    expect(r.values[3]).toEqual(['D-2', 'Ben', 1, 500, 'owner of account A-1 on 2026-03-14', null, 'Omar', 250]);
  });

  it('lists a deal that cannot be credited, and why', async () => {
    const { user } = setup(['D-9', 'A-9', 10, D(2026, 3, 20)]);
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
});
