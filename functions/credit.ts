/**
 * Custom functions of crediting (SALESOPS namespace): thin wrappers over src/credit/. Amounts come back to the
 * cent. CREDITED and CREDITS share one memo of parsed deals, splits and ownership (functions/inputMemo.ts), so a
 * CREDITED column filled down a roster reads and credits the tables once.
 */
import { excelCall } from './adapter';
import { InputMemo } from './inputMemo';
import type { ArgValue } from '../src/shared/cells';
import { optionalDateSerial, toDateSerial, toInteger, toText } from '../src/shared/coerce';
import { LIMITS, checkSize } from '../src/shared/limits';
import { checkHorizon, monthOfSerial } from '../src/quota/limits';
import {
  type CreditBook,
  type Period,
  type RepLedger,
  checkPeriod,
  checkTableSize,
  creditDeals,
  creditedAmount,
  creditsGrid,
  creditsIn,
  indexOwnership,
  quotaRelief as reliefOf,
  readAccountQuotas,
  readDeals,
  readOwnership,
  readQuotas,
  readSplits,
  reliefGrid,
  repLedger,
  tableRows,
} from '../src/credit';

/** Parsed and credited tables; the ledger is built on the first CREDITED call. */
interface Credited {
  readonly book: CreditBook;
  ledger?: RepLedger;
}

/** The memo of credited tables (module state stays here, out of src/). */
export const creditMemo = new InputMemo<Credited>(2);

/** Reads and credits the tables, or returns the credited tables of an earlier call on the same cells. */
function creditedTables(deals: ArgValue, splits: ArgValue, ownership: ArgValue): Credited {
  // Size limits first, without reading a cell: a call past them is refused before any copy is made.
  checkTableSize('deals', deals);
  checkTableSize('splits', splits);
  checkTableSize('ownership', ownership);
  return creditMemo.get([deals, splits, ownership], () => ({
    book: creditDeals(readDeals(deals), readSplits(splits), indexOwnership(readOwnership(ownership))),
  }));
}

function periodOf(from: ArgValue, to: ArgValue): Period {
  return checkPeriod({ from: optionalDateSerial(from, 'from'), to: optionalDateSerial(to, 'to') });
}

/**
 * The amount credited to a rep on deals closing in a period: split shares, overlays, and whole deals of accounts the rep owned on the close date (or deals the rep owns). Filled down a roster, it is the measure column PLANPAYOUT and PAYOUT read.
 * @customfunction CREDITED
 * @param rep The rep's name (matched ignoring case and spaces).
 * @param deals The deals table, header row included: Deal, Account, Amount (currency), Close date; optional Owner. Columns in any order.
 * @param [splits] Split rows, header row included: Deal, Rep, Share (fraction); optional Type "split" (default; a deal's split shares add up to 1) or "overlay" (extra credit).
 * @param [ownership] Account owners over time, header row included: Account, Rep, From, optional To (dates, both inclusive; blank To = still owned).
 * @param [from] First close date of the period (inclusive); blank or 0: unbounded.
 * @param [to] Last close date of the period (inclusive); blank or 0: unbounded.
 * @returns The credited amount (currency), to the cent; 0 for a rep with no credit.
 */
export function credited(rep: any, deals: any[][], splits?: any[][], ownership?: any[][], from?: any, to?: any): any {
  return excelCall(creditedOf, rep, deals, splits, ownership, from, to);
}

function creditedOf(
  rep: ArgValue,
  deals: ArgValue,
  splits: ArgValue,
  ownership: ArgValue,
  from: ArgValue,
  to: ArgValue,
): number {
  const name = toText(rep, 'rep');
  const p = periodOf(from, to);
  const c = creditedTables(deals, splits, ownership);
  c.ledger ??= repLedger(c.book);
  return creditedAmount(c.ledger, name, p);
}

/**
 * The crediting audit trail: spills a header row, then one row per credit of the deals closing in the period: Deal, Rep, Share, Amount and the rule that gave it (e.g. "split row 4", "owner of account A-17 on 2026-03-14", "deal owner", "overlay row 9").
 * @customfunction CREDITS
 * @param deals The deals table, header row included: Deal, Account, Amount (currency), Close date; optional Owner. Columns in any order.
 * @param [splits] Split rows, header row included: Deal, Rep, Share (fraction); optional Type "split" (default) or "overlay".
 * @param [ownership] Account owners over time, header row included: Account, Rep, From, optional To (both inclusive).
 * @param [from] First close date of the period (inclusive); blank or 0: unbounded.
 * @param [to] Last close date of the period (inclusive); blank or 0: unbounded.
 * @returns Rows of [Deal, Rep, Share, Amount, Rule] under a header row; amounts to the cent.
 */
export function credits(deals: any[][], splits?: any[][], ownership?: any[][], from?: any, to?: any): any[][] {
  return excelCall(() => {
    const p = periodOf(from, to);
    return creditsGrid(creditsIn(creditedTables(deals, splits, ownership).book, p));
  }) as any[][];
}

/**
 * Monthly quotas after relief for account moves: spills a header row (Rep, then one column per month) and one row per rep. Each change of owner after the baseline moves the account's contribution × the fraction of the month's calendar days from the change on (the change day counts for the gaining rep).
 * @customfunction QUOTARELIEF
 * @param quotas Monthly quota per rep as set on baseline_date, header row included: Rep, Quota (currency per month).
 * @param account_quotas Monthly quota contribution per account, header row included: Account, Quota (currency per month).
 * @param ownership Account owners over time, header row included: Account, Rep, From, optional To (both inclusive).
 * @param baseline_date The date quotas were set (an Excel date): its owners are what the quotas already include.
 * @param first_month Any date in the first month of the result.
 * @param months Number of months (1 to 1,200).
 * @returns Rows of [Rep, quota per month (currency, to the cent)] under a header row of "YYYY-MM" months.
 */
export function quotaRelief(
  quotas: any[][],
  account_quotas: any[][],
  ownership: any[][],
  baseline_date: any,
  first_month: any,
  months: any,
): any[][] {
  return excelCall(() => {
    const n = toInteger(months, 'months', 1, LIMITS.months);
    const m0 = monthOfSerial(toDateSerial(first_month, 'first_month'), 'first_month');
    checkHorizon(m0, n);
    checkSize(
      'quotas',
      tableRows(quotas) * n,
      LIMITS.rosterCells,
      'rep-months (reps × months)',
      'Split the roster (e.g. by team or region) into calls of fewer reps, or shorten the horizon.',
    );
    checkTableSize('account_quotas', account_quotas);
    checkTableSize('ownership', ownership);
    return reliefGrid(
      reliefOf({
        quotas: readQuotas(quotas),
        accountQuotas: readAccountQuotas(account_quotas),
        ownership: indexOwnership(readOwnership(ownership)),
        baseline: toDateSerial(baseline_date, 'baseline_date'),
        firstMonth: toDateSerial(first_month, 'first_month'),
        months: n,
      }),
    );
  }) as any[][];
}
