/** creditTotals: the Credit wizard's credit per rep, matched and summed as CREDITED matches and sums. */
import { creditDeals, creditTotals, creditedAmount, indexOwnership, readDeals, readOwnership, readSplits, repLedger } from '../../src/credit'; // prettier-ignore
import type { CellValue } from '../../src/shared/cells';
import { dateToSerial } from '../../src/shared/dates';

const D = (y: number, m: number, d: number) => dateToSerial(y, m, d);

const deals: CellValue[][] = [
  ['Deal', 'Account', 'Amount', 'Close date', 'Owner'],
  ['D-1', 'A-1', 100.1, D(2026, 1, 10), 'Ann'],
  ['D-2', 'A-2', 200.2, D(2026, 2, 10), 'ann '], // the same rep as "Ann" for CREDITED (case and spaces ignored)
  ['D-3', 'A-3', 50, D(2026, 2, 20), 'Ben'],
  ['D-4', 'A-4', 999, D(2026, 4, 1), 'Ben'], // after the period
];
const book = creditDeals(readDeals(deals), readSplits(undefined), indexOwnership(readOwnership(undefined)));

test('one line per rep as CREDITED matches reps; only deals closing in the period; largest first', () => {
  const p = { from: D(2026, 1, 1), to: D(2026, 3, 31) };
  // Ann: 100.10 + 200.20 = 300.30 → 30,030 cents; Ben: 50.00 → 5,000 cents (D-4 closes in April, outside).
  expect(creditTotals(book, p)).toEqual([
    { rep: 'Ann', cents: 30030 },
    { rep: 'Ben', cents: 5000 },
  ]);
  const ledger = repLedger(book);
  expect(creditedAmount(ledger, 'ANN', p)).toBe(300.3);
  expect(creditedAmount(ledger, 'Ben', p)).toBe(50);
});

test('an unbounded period counts every deal', () => {
  // Ben: 50.00 + 999.00 = 1,049.00 → 104,900 cents, now larger than Ann's 30,030.
  expect(creditTotals(book, {})).toEqual([
    { rep: 'Ben', cents: 104900 },
    { rep: 'Ann', cents: 30030 },
  ]);
});
