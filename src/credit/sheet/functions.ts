/**
 * The crediting custom functions from their cell arguments (as Excel passes them: scalars, 2-D ranges, null for
 * an omitted argument): each reads its arguments, calls the kernels of src/credit and shapes the result for a cell
 * or a spill. functions/credit.ts passes them to `excelCall`, with a reader of the deals, splits and ownership
 * tables that remembers recent ones (functions/inputMemo.ts); errors name the argument, the row and the fix.
 */
import { type ArgValue, asGrid, isBlankOrZero, isOneValue } from '../../shared/cells';
import { cellText, optionalDateSerial, toDateSerial, toInteger, toText } from '../../shared/coerce';
import { LIMITS, checkSize } from '../../shared/limits';
import { checkHorizon, monthOfSerial } from '../../quota/limits';
import { type Period, type RepLedger, checkPeriod, creditDeals, creditedAmount, creditsGrid, creditsIn, repLedger } from '../crediting'; // prettier-ignore
import { indexOwnership } from '../ownership';
import { checkReliefSize, quotaRelief, reliefGrid } from '../relief';
import type { CreditBook } from '../types';
import { checkTableSize, readAccountQuotas, readDeals, readOwnership, readQuotas, readSplits, tableRows } from './tables'; // prettier-ignore

/** Credited tables: the credit book, and its per-rep ledger (built on first use). */
export interface CreditTables {
  readonly book: CreditBook;
  readonly ledger: () => RepLedger;
}

/** Reads the deals, splits and ownership tables into credited tables (or a reader that remembers recent ones). */
export type CreditTablesReader = (deals: ArgValue, splits: ArgValue, ownership: ArgValue) => CreditTables;

/** Refuses tables past `LIMITS.creditRows` rows (#NUM!), reading only their sizes. */
export function checkCreditSizes(deals: ArgValue, splits: ArgValue, ownership: ArgValue): void {
  checkTableSize('deals', deals);
  checkTableSize('splits', splits);
  checkTableSize('ownership', ownership);
}

/** Reads and credits the tables (no memory between calls). */
export const readCreditTables: CreditTablesReader = (deals, splits, ownership) => {
  checkCreditSizes(deals, splits, ownership);
  const book = creditDeals(readDeals(deals), readSplits(splits), indexOwnership(readOwnership(ownership)));
  let ledger: RepLedger | undefined;
  return { book, ledger: () => (ledger ??= repLedger(book)) };
};

function periodOf(from: ArgValue, to: ArgValue): Period {
  return checkPeriod({ from: optionalDateSerial(from, 'from'), to: optionalDateSerial(to, 'to') });
}

/**
 * CREDITED: the amount credited (currency, to the cent) on deals closing in [from, to], in the shape of `rep`: one
 * name gives one amount (a 1 × 1 array); a column or row of names spills one amount per name, a blank name (or a
 * blank passed as 0) a blank. The tables are read once for the whole range.
 */
export function creditedOf(
  rep: ArgValue,
  deals: ArgValue,
  splits: ArgValue,
  ownership: ArgValue,
  from: ArgValue,
  to: ArgValue,
  read: CreditTablesReader = readCreditTables,
): (number | string)[][] {
  if (isOneValue(rep)) {
    const name = toText(rep, 'rep');
    return [[creditedAmount(read(deals, splits, ownership).ledger(), name, periodOf(from, to))]];
  }
  const names = asGrid(rep);
  checkSize('rep', names.length * (names[0]?.length ?? 0), LIMITS.creditRows, 'names', 'Give a roster column of at most 100,000 names.'); // prettier-ignore
  const p = periodOf(from, to);
  const ledger = read(deals, splits, ownership).ledger();
  return names.map((row) => row.map((c) => (isBlankOrZero(c) ? '' : creditedAmount(ledger, cellText(c), p))));
}

/** CREDITS: the audit trail of the deals closing in [from, to] (header row, then Deal, Rep, Share, Amount, Rule). */
export function creditsOf(
  deals: ArgValue,
  splits: ArgValue,
  ownership: ArgValue,
  from: ArgValue,
  to: ArgValue,
  read: CreditTablesReader = readCreditTables,
): (string | number)[][] {
  const p = periodOf(from, to);
  return creditsGrid(creditsIn(read(deals, splits, ownership).book, p));
}

/** QUOTARELIEF: monthly quotas after relief for account moves (header row of months, then one row per rep). */
export function quotaReliefOf(
  quotas: ArgValue,
  account_quotas: ArgValue,
  ownership: ArgValue,
  baseline_date: ArgValue,
  first_month: ArgValue,
  months: ArgValue,
): (string | number)[][] {
  const n = toInteger(months, 'months', 1, LIMITS.months);
  const firstMonth = toDateSerial(first_month, 'first_month');
  checkHorizon(monthOfSerial(firstMonth, 'first_month'), n);
  checkReliefSize(tableRows(quotas), n); // early, before reading: the kernel checks the distinct reps again
  checkTableSize('account_quotas', account_quotas);
  checkTableSize('ownership', ownership);
  return reliefGrid(
    quotaRelief({
      quotas: readQuotas(quotas),
      accountQuotas: readAccountQuotas(account_quotas),
      ownership: indexOwnership(readOwnership(ownership)),
      baseline: toDateSerial(baseline_date, 'baseline_date'),
      firstMonth,
      months: n,
    }),
  );
}
