/**
 * Custom functions of the comp domain (SALESOPS namespace): thin wrappers over src/comp/. Amounts come back to
 * the cent (half away from zero), rounded once at the payable amount.
 */
import { excelCall } from './adapter';
import { cachedPlan } from './planCache';
import {
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  optionalDateSerial,
  optionalNumberOrNone,
  optionalNumberOrVector,
  single,
  toDateSerial,
  toNumber,
  toNumberOrVector,
  toNumberVector,
} from '../src/shared/coerce';
import { type ArgValue, isGrid } from '../src/shared/cells';
import { invalid } from '../src/shared/errors';
import { LIMITS, checkListLength } from '../src/shared/limits';
import { toCents } from '../src/shared/money';
import {
  CURVE_COLUMNS,
  type CurveMethod,
  checkProration,
  checkTerms,
  clawbackSchedule,
  drawSchedule,
  marginalAmount,
  parseRateRange,
  payoutAmount,
  planDrawSchedule,
  planStatement,
  prorationFactor,
  readActuals,
  readClawbacks,
  retroAmount,
  statementGrid,
} from '../src/comp';

/** Refuses more than `LIMITS.periods` periods of earned incentive (#NUM!). */
function checkPeriods(earned: unknown): void {
  checkListLength(
    'earned',
    earned as ArgValue,
    LIMITS.periods,
    'periods',
    'Split the periods into consecutive blocks and carry the balance from one block to the next.',
  );
}

const COMMISSION_METHODS = ['marginal', 'retro', 'retroactive'] as const;
const PAYOUT_METHODS = ['marginal', 'retro', 'retroactive', 'linear'] as const;

/**
 * Commission on an amount from a rate table: marginal (each slice of the amount at its tier's rate) or retro (the whole amount at the rate of the highest tier reached). Below the first lower bound the commission is 0.
 * @customfunction COMMISSION
 * @param amount The amount (currency) to pay commission on.
 * @param tiers Two columns: lower bound (currency, ascending) and rate (fraction, 0.05 = 5%); one header row of text is skipped.
 * @param [method] "marginal" (default) or "retro".
 * @returns The commission, to the cent.
 */
export function commission(amount: any, tiers: any[][], method?: any): any {
  return excelCall(commissionOf, amount, tiers, method);
}

function commissionOf(amount: ArgValue, tiers: ArgValue, method: ArgValue): number {
  const x = toNumber(amount, 'amount');
  const table = parseRateRange(tiers, 'tiers');
  const m = optionalChoice(method, 'method', COMMISSION_METHODS, 'marginal');
  return toCents(m === 'marginal' ? marginalAmount(x, table) : retroAmount(x, table));
}

/**
 * Payout on a target incentive from attainment and a payout curve, with an optional cap and threshold.
 * @customfunction PAYOUT
 * @param attainment Attainment as a fraction (1.05 = 105% of quota).
 * @param target_incentive Target incentive at 100% attainment (currency per period).
 * @param curve Two columns: attainment lower bound (fraction, ascending) and rate multiplier (or, for "linear", the payout as a fraction of target); one header row of text is skipped.
 * @param [method] "marginal" (default), "retro" or "linear" (piecewise-linear through the curve's points).
 * @param [cap] Maximum payout as a multiple of target_incentive (2 = 200%); default or 0: no cap.
 * @param [threshold] Attainment (fraction) below which the payout is 0; default or 0: none.
 * @returns The payout, to the cent.
 */
export function payout(
  attainment: any,
  target_incentive: any,
  curve: any[][],
  method?: any,
  cap?: any,
  threshold?: any,
): any {
  return excelCall(payoutOf, attainment, target_incentive, curve, method, cap, threshold);
}

function payoutOf(
  attainment: ArgValue,
  target_incentive: ArgValue,
  curve: ArgValue,
  method: ArgValue,
  cap: ArgValue,
  threshold: ArgValue,
): number {
  const a = toNumber(attainment, 'attainment');
  const ti = toNumber(target_incentive, 'target_incentive');
  if (ti < 0) invalid(`target_incentive: must be zero or more, got ${ti}.`);
  const table = parseRateRange(curve, 'curve', CURVE_COLUMNS);
  const m = optionalChoice(method, 'method', PAYOUT_METHODS, 'marginal');
  // A cap or threshold of 0 is "none" (a blank cell as Excel for desktop passes it); see docs/functions.md.
  const terms = checkTerms({
    cap: optionalNumberOrNone(cap, 'cap'),
    threshold: optionalNumberOrNone(threshold, 'threshold'),
  });
  const curveMethod: CurveMethod = m === 'retroactive' ? 'retro' : m;
  return toCents(payoutAmount(a, ti, { method: curveMethod, table }, terms));
}

/**
 * Pays a draw period by period: spills one row per period with the amount paid and the outstanding draw balance after the period.
 * @customfunction DRAW
 * @param earned One column of earned incentive per period (currency; negative after a clawback).
 * @param draw The draw per period: one number, or a column with one per period (currency, zero or more).
 * @param [recoverable] TRUE (default): shortfalls become a balance recovered from later excess earnings; FALSE: pay the greater of earned and draw. The number 0 is refused (a blank cell on desktop).
 * @returns Rows of [paid, balance], to the cent.
 */
export function draw(earned: any[][], draw: any[][], recoverable?: any): any[][] {
  return excelCall(() => {
    checkPeriods(earned);
    const e = toNumberVector(earned, 'earned');
    if (e.length === 0) invalid('earned: no periods; expected a column of earned amounts.');
    const d = toNumberOrVector(draw, 'draw', e.length);
    if (single(recoverable, 'recoverable') === 0) {
      invalid(
        'recoverable: 0 is ambiguous (Excel for desktop passes a blank cell as 0); enter TRUE or FALSE, or leave the argument out for TRUE.',
      );
    }
    const rec = optionalBoolean(recoverable, 'recoverable', true);
    return drawSchedule(e, d, rec).map((p) => [p.paid, p.balance]);
  }) as any[][];
}

/**
 * Total payout of a multi-measure plan table for one rep and period: components, kickers and SPIFFs.
 * @customfunction PLANPAYOUT
 * @param plan The plan table, header row included (first header cell "Plan v3", or "Plan v2"/"Plan v1" from older versions; see the comp docs).
 * @param actuals The rep's actuals: a header row of measure names over a row of values, two columns (measure, value), or a row of values in plan order.
 * @param [measures] Measure names for a bare row of actuals, in the same order (e.g. the header row of the actuals sheet).
 * @param [proration] Share of the period the rep is on the plan (fraction above 0, at most 1; scales target incentive and quotas); default 1. 0 is refused.
 * @returns The payout, to the cent.
 */
export function planPayout(plan: any[][], actuals: any[][], measures?: any[][], proration?: any): any {
  return excelCall(() => statementOf(plan, actuals, measures, proration).total);
}

/**
 * The statement of a plan payout, spilled as a table: component, measure, item, base, rate, amount, and a Total row; the amounts add up to the total exactly.
 * @customfunction STATEMENT
 * @param plan The plan table, header row included (first header cell "Plan v3", or "Plan v2"/"Plan v1" from older versions; see the comp docs).
 * @param actuals The rep's actuals: a header row of measure names over a row of values, two columns (measure, value), or a row of values in plan order.
 * @param [measures] Measure names for a bare row of actuals, in the same order (e.g. the header row of the actuals sheet).
 * @param [proration] Share of the period the rep is on the plan (fraction above 0, at most 1; scales target incentive and quotas); default 1. 0 is refused.
 * @returns The statement lines with a header row and a Total row.
 */
export function statement(plan: any[][], actuals: any[][], measures?: any[][], proration?: any): any[][] {
  return excelCall(() => statementGrid(statementOf(plan, actuals, measures, proration))) as any[][];
}

/**
 * Applies the plan table's draw row to earnings per period: spills one row per period with the amount paid and the outstanding draw balance after the period.
 * @customfunction PLANDRAW
 * @param plan The plan table, header row included, with a row of type "draw" (Rate = draw per period; Method = recoverable or non-recoverable).
 * @param earned One column of earned incentive per period (currency; e.g. PLANPAYOUT results, after CLAWBACKS).
 * @param [proration] Share of each period the rep is on the plan (fraction 0 to 1, e.g. PRORATION results): one number for every period, or a column with one per period; scales the draw; default 1.
 * @returns Rows of [paid, balance], to the cent.
 */
export function planDraw(plan: any[][], earned: any[][], proration?: any): any[][] {
  return excelCall(() => {
    checkPeriods(earned);
    const p = cachedPlan(plan, 'plan');
    const e = toNumberVector(earned, 'earned');
    if (e.length === 0) invalid('earned: no periods; expected a column of earned amounts.');
    const f = optionalNumberOrVector(proration, 'proration', e.length);
    // One number for every period (a scalar or a single cell) of 0 is refused; a 0 in a column is a period.
    const oneValue = !isGrid(proration) || (proration.length === 1 && proration[0].length === 1);
    if (f !== undefined && oneValue) notZeroProration(f[0]);
    return planDrawSchedule(p, e, 'plan', f).map((x) => [x.paid, x.balance]);
  }) as any[][];
}

/**
 * Earnings per period after clawbacks: spills one column with each period's earned amount minus the commission reversed in that period, to the cent.
 * @customfunction CLAWBACKS
 * @param earned One column of earned incentive per period (currency).
 * @param clawbacks Two or three columns: period (1 = the first row of earned), amount taken back (currency, zero or more), optional reference (e.g. the deal id); one header row of text is skipped.
 * @returns One column of net earnings per period (negative where a clawback exceeds the period's earnings).
 */
export function clawbacks(earned: any[][], clawbacks: any[][]): any[][] {
  return excelCall(() => {
    checkPeriods(earned);
    const e = toNumberVector(earned, 'earned');
    if (e.length === 0) invalid('earned: no periods; expected a column of earned amounts.');
    return clawbackSchedule(e, readClawbacks(clawbacks, 'clawbacks')).map((x) => [x]);
  }) as any[][];
}

/**
 * Proration factor of a partial period by calendar days: (days on the plan inside the period − leave days) / days in the period.
 * @customfunction PRORATION
 * @param period_start First day of the period (an Excel date).
 * @param period_end Last day of the period (an Excel date, inclusive).
 * @param [start_date] First day on the plan (blank or 0: before the period).
 * @param [end_date] Last day on the plan (blank or 0: after the period).
 * @param [leave_days] Calendar days of leave inside the period while on the plan (default 0).
 * @returns A fraction from 0 to 1 (0.5 = half the period), for the proration argument of PLANPAYOUT and STATEMENT.
 */
export function proration(period_start: any, period_end: any, start_date?: any, end_date?: any, leave_days?: any): any {
  return excelCall(() =>
    prorationFactor({
      periodStart: toDateSerial(period_start, 'period_start'),
      periodEnd: toDateSerial(period_end, 'period_end'),
      start: optionalDateSerial(start_date, 'start_date'),
      end: optionalDateSerial(end_date, 'end_date'),
      leaveDays: optionalNumber(leave_days, 'leave_days', 0),
    }),
  );
}

function statementOf(plan: any[][], actuals: any[][], measures: any, proration: any) {
  const p = cachedPlan(plan, 'plan');
  const values = readActuals(p, actuals, measures, 'actuals');
  const f = checkProration(notZeroProration(optionalNumber(proration, 'proration', 1)));
  return planStatement(p, values, { proration: f });
}

/**
 * A single proration of 0 is refused: it would pay only the SPIFFs (or no draw), and it is what Excel for desktop
 * passes for a blank cell. Per-period proration items of PLANDRAW may be 0 (periods before a start).
 */
function notZeroProration(f: number): number {
  if (f === 0) {
    invalid(
      'proration: 0 is refused (Excel for desktop passes a blank cell as 0). Leave it out for a full period; for a rep off the plan all period, skip the payout: =IF(p=0, 0, …).',
    );
  }
  return f;
}
