/**
 * Top-down quota allocation: a team target (money for the whole horizon) split across reps evenly, by a weight
 * column (e.g. territory potential), or by prior-year share, with ramp applied: each rep's basis is multiplied
 * by the rep's availability over the horizon, the average of its monthly ramped, prorated fraction
 * (1 = a fully ramped rep employed every day; a new hire on a 0.25/0.5/0.75 ramp starting in month 1 of a
 * 12-month horizon = (0.25 + 0.5 + 0.75 + 9) ÷ 12 = 0.875). Amounts are in whole cents and add up to the
 * target exactly (largest remainder).
 */
import { invalid } from '../shared/errors';
import { splitCents } from '../shared/money';
import { checkHorizon, checkNonNegative, monthOfSerial } from './limits';
import { checkRamp } from './ramp';
import { type TenureConvention, employment, monthFraction } from './tenure';

/** How the target is split before ramp is applied. */
export type AllocationMethod = 'even' | 'weight' | 'priorYear';

/** One rep to allocate to. Dates are Excel serials; `end` is the last day employed. */
export interface AllocationRep {
  readonly start: number;
  readonly end?: number;
  /** Weight for method `weight` (≥ 0, e.g. territory potential). */
  readonly weight?: number;
  /** Prior-year bookings for method `priorYear` (money, ≥ 0). */
  readonly priorYear?: number;
  /** The rep's own ramp; omitted: the team ramp. */
  readonly ramp?: readonly number[];
}

/** Inputs of `allocateQuota`. */
export interface AllocationInput {
  /** Team target for the horizon (money, ≥ 0). */
  readonly target: number;
  readonly reps: readonly AllocationRep[];
  readonly method: AllocationMethod;
  /** A date serial in the first calendar month of the horizon. */
  readonly firstMonth: number;
  /** Months in the horizon (1 … MAX_MONTHS). */
  readonly months: number;
  /** Team ramp (fractions by tenure month); omitted: no ramp. */
  readonly ramp?: readonly number[];
  readonly convention?: TenureConvention;
  /** Apply ramp and employment dates (default true); false: split by the basis alone. */
  readonly applyRamp?: boolean;
}

/** The allocation: one amount (money for the horizon) and one share (fraction, sums to 1) per rep. */
export interface Allocation {
  readonly amounts: number[];
  readonly shares: number[];
  /** Each rep's availability over the horizon (fraction, 0 … 1). */
  readonly availability: number[];
}

/** Splits a team target across reps by `method`, scaled by each rep's ramped availability (see module comment). */
export function allocateQuota(input: AllocationInput): Allocation {
  const target = checkNonNegative(input.target, 'target');
  if (input.reps.length === 0) invalid('reps: at least one rep is required.');
  const first = monthOfSerial(input.firstMonth, 'first_month');
  checkHorizon(first, input.months);
  const teamRamp = checkRamp(input.ramp ?? []);
  const applyRamp = input.applyRamp ?? true;
  const availability = input.reps.map((rep, r) => {
    const emp = employment(rep.start, rep.end, `start_dates: rep ${r + 1}`, `end_dates: rep ${r + 1}`);
    const ramp = rep.ramp ? checkRamp(rep.ramp, `rep ${r + 1}: ramp`) : teamRamp;
    let sum = 0;
    for (let i = 0; i < input.months; i++) sum += monthFraction(emp, first + i, ramp, input.convention);
    return sum / input.months;
  });
  const basis = input.reps.map((rep, r) => {
    switch (input.method) {
      case 'even':
        return 1;
      case 'weight':
        if (rep.weight === undefined) invalid(`weights: rep ${r + 1} has no weight.`);
        if (!Number.isFinite(rep.weight) || rep.weight < 0) {
          invalid(`weights: rep ${r + 1}: expected a weight of 0 or more, got ${rep.weight}.`);
        }
        return rep.weight;
      case 'priorYear':
        if (rep.priorYear === undefined) invalid(`prior_year: rep ${r + 1} has no prior-year amount.`);
        return checkNonNegative(rep.priorYear, `prior_year: rep ${r + 1}`);
      default:
        return invalid(`method: expected "even", "weight" or "priorYear", got ${JSON.stringify(input.method)}.`);
    }
  });
  const w = basis.map((b, i) => (applyRamp ? b * availability[i] : b));
  const total = w.reduce((s, x) => s + x, 0);
  if (!(total > 0)) {
    invalid(
      `reps: nothing to allocate to: every rep has a zero ${input.method === 'even' ? 'availability' : 'weight × availability'} over the horizon.`,
    );
  }
  const amounts = splitCents(target, w, 'reps');
  return { amounts, shares: w.map((x) => x / total), availability };
}
