/**
 * The comp custom functions from their cell arguments (as Excel passes them: scalars, 2-D ranges, null for an
 * omitted argument): each reads its arguments, calls the calculations of src/comp and shapes the result for a
 * cell or a spill. functions/comp.ts passes them to `excelCall`; errors name the argument.
 */
import { type ArgValue, BLANK_AS_ZERO, type Grid, isOneValue } from '../../shared/cells';
import {
  optionalBoolean,
  optionalChoice,
  optionalDateSerial,
  optionalNumber,
  optionalNumberOrNone,
  optionalNumberOrVector,
  single,
  toDateSerial,
  toNumber,
  toNumberOrVector,
  toNumberVector,
} from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import { LIMITS, checkListLength } from '../../shared/limits';
import { toCents } from '../../shared/money';
import { type CurveMethod, checkTerms, payoutAmount } from '../curves';
import { clawbackSchedule, drawSchedule, planDrawSchedule } from '../draws';
import { checkProration, prorationFactor } from '../proration';
import { type RateTable, marginalAmount, retroAmount } from '../rates';
import { type Statement, planStatement, statementGrid } from '../statement';
import { readActuals } from './actuals';
import { readClawbacks } from './clawbacks';
import { readPlanTable } from './planTable';
import { CURVE_COLUMNS, parseRateRange } from './rates';

/** How a rate range is read: `parseRateRange`, or a reader that remembers recent ranges (functions/rateMemo.ts). */
export type RateRangeReader = (range: ArgValue, arg: string, columns?: readonly [string, string]) => RateTable;

const COMMISSION_METHODS = ['marginal', 'retro', 'retroactive'] as const;
const PAYOUT_METHODS = ['marginal', 'retro', 'retroactive', 'linear'] as const;

/** COMMISSION: the commission on `amount` from a tier range, marginal or retro (currency, to the cent). */
export function commissionOf(
  amount: ArgValue,
  tiers: ArgValue,
  method: ArgValue,
  readRates: RateRangeReader = parseRateRange,
): number {
  const x = toNumber(amount, 'amount');
  const table = readRates(tiers, 'tiers');
  const m = optionalChoice(method, 'method', COMMISSION_METHODS, 'marginal');
  return toCents(m === 'marginal' ? marginalAmount(x, table) : retroAmount(x, table));
}

/** PAYOUT: the payout on a target incentive at an attainment, from a curve range (currency, to the cent). */
export function payoutOf(
  attainment: ArgValue,
  targetIncentive: ArgValue,
  curveRange: ArgValue,
  method: ArgValue,
  cap: ArgValue,
  threshold: ArgValue,
  readRates: RateRangeReader = parseRateRange,
): number {
  const a = toNumber(attainment, 'attainment');
  const ti = toNumber(targetIncentive, 'target_incentive');
  if (ti < 0) invalid(`target_incentive: must be zero or more, got ${ti}.`);
  const table = readRates(curveRange, 'curve', CURVE_COLUMNS);
  const m = optionalChoice(method, 'method', PAYOUT_METHODS, 'marginal');
  // A cap or threshold of 0 is "none" (BLANK_AS_ZERO); see docs/functions.md.
  const terms = checkTerms({
    cap: optionalNumberOrNone(cap, 'cap'),
    threshold: optionalNumberOrNone(threshold, 'threshold'),
  });
  const curveMethod: CurveMethod = m === 'retroactive' ? 'retro' : m;
  return toCents(payoutAmount(a, ti, { method: curveMethod, table }, terms));
}

/** Refuses more than `LIMITS.periods` periods of earned incentive (#NUM!). */
function checkEarnedLength(earned: ArgValue): void {
  checkListLength(
    'earned',
    earned,
    LIMITS.periods,
    'periods',
    'Split the periods into consecutive blocks and carry the balance from one block to the next.',
  );
}

/** The earned column of DRAW, PLANDRAW and CLAWBACKS: one to `LIMITS.periods` amounts (currency per period). */
export function readEarned(earned: ArgValue): number[] {
  checkEarnedLength(earned);
  const e = toNumberVector(earned, 'earned');
  if (e.length === 0) invalid('earned: no periods; expected a column of earned amounts.');
  return e;
}

/** DRAW: rows of [paid, balance] per period (currency, to the cent). */
export function drawOf(earned: ArgValue, draw: ArgValue, recoverable: ArgValue): number[][] {
  const e = readEarned(earned);
  const d = toNumberOrVector(draw, 'draw', e.length);
  if (single(recoverable, 'recoverable') === 0) {
    invalid(`recoverable: 0 is ambiguous (${BLANK_AS_ZERO}); enter TRUE or FALSE, or leave the argument out for TRUE.`);
  }
  const rec = optionalBoolean(recoverable, 'recoverable', true);
  return drawSchedule(e, d, rec).map((p) => [p.paid, p.balance]);
}

/** The statement of PLANPAYOUT and STATEMENT: the plan table read, the actuals read, one proration. */
function planStatementOf(plan: ArgValue, actuals: ArgValue, measures: ArgValue, proration: ArgValue): Statement {
  const p = readPlanTable(plan, 'plan');
  const values = readActuals(p, actuals, measures, 'actuals');
  const f = checkProration(notZeroProration(optionalNumber(proration, 'proration', 1)));
  return planStatement(p, values, { proration: f });
}

/** PLANPAYOUT: the total payout of a plan table for one rep and period (currency, to the cent). */
export function planPayoutOf(plan: ArgValue, actuals: ArgValue, measures: ArgValue, proration: ArgValue): number {
  return planStatementOf(plan, actuals, measures, proration).total;
}

/** STATEMENT: the statement lines with a header row and a Total row. */
export function statementOf(plan: ArgValue, actuals: ArgValue, measures: ArgValue, proration: ArgValue): Grid {
  return statementGrid(planStatementOf(plan, actuals, measures, proration));
}

/** PLANDRAW: the plan's draw row applied to earnings per period, rows of [paid, balance] (currency, to the cent). */
export function planDrawOf(plan: ArgValue, earned: ArgValue, proration: ArgValue): number[][] {
  checkEarnedLength(earned); // before the plan table, as its errors come first
  const p = readPlanTable(plan, 'plan');
  const e = readEarned(earned);
  const f = optionalNumberOrVector(proration, 'proration', e.length);
  // One number for every period (a scalar or a single cell) of 0 is refused; a 0 in a column is a period.
  if (f !== undefined && isOneValue(proration)) notZeroProration(f[0]);
  return planDrawSchedule(p, e, 'plan', f).map((x) => [x.paid, x.balance]);
}

/** CLAWBACKS: one column of net earnings per period after clawbacks (currency, to the cent). */
export function clawbacksOf(earned: ArgValue, clawbacks: ArgValue): number[][] {
  const e = readEarned(earned);
  return clawbackSchedule(e, readClawbacks(clawbacks, 'clawbacks')).map((x) => [x]);
}

/** PRORATION: the share of a period on the plan, by calendar days (fraction 0 to 1). */
export function prorationOf(
  periodStart: ArgValue,
  periodEnd: ArgValue,
  startDate: ArgValue,
  endDate: ArgValue,
  leaveDays: ArgValue,
): number {
  return prorationFactor({
    periodStart: toDateSerial(periodStart, 'period_start'),
    periodEnd: toDateSerial(periodEnd, 'period_end'),
    start: optionalDateSerial(startDate, 'start_date'),
    end: optionalDateSerial(endDate, 'end_date'),
    leaveDays: optionalNumber(leaveDays, 'leave_days', 0),
  });
}

/**
 * A single proration of 0 is refused: it would pay only the SPIFFs (or no draw), and it is what Excel for desktop
 * passes for a blank cell. Per-period proration items of PLANDRAW may be 0 (periods before a start).
 */
function notZeroProration(f: number): number {
  if (f === 0) {
    invalid(
      `proration: 0 is refused (${BLANK_AS_ZERO}). Leave it out for a full period; for a rep off the plan all period, skip the payout: =IF(p=0, 0, …).`,
    );
  }
  return f;
}
