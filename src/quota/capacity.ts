/**
 * Team capacity: the ramped quota a roster can carry per calendar month (the sum of each rep's ramped quota),
 * ramped rep equivalents (RRE) per month, and expected attrition with optional backfill.
 *
 * Attrition model (expected values, not a simulation): `attrition` is a monthly rate applied to the TENURED team,
 * i.e. the reps on the roster whose start month is before the first month of the horizon. A tenured rep is
 * present in plan month i (0-based) with probability (1 − attrition)^i: departures happen at month ends, so the
 * first month is whole. Reps who start during the horizon (planned hires, backfills) are not attrited.
 * Backfill (optional): each expected departure at the end of plan month j is replaced by a hire who starts on
 * the 1st of plan month j + 1 + leadTime at the same full quota, on the backfill ramp (default: the team ramp).
 * A replacement is a new hire with no end date, even when the rep it replaces had a planned end date.
 */
import { invalid } from '../shared/errors';
import { toCents } from '../shared/money';
import { checkFraction, checkHorizon, checkNonNegative, monthOfSerial } from './limits';
import { type RampSchedule, checkRamp, rampFraction } from './ramp';
import { type Rep } from './schedule';
import { type Employment, type TenureConvention, employment, fractionInMonth, monthLengths } from './tenure';
import { centsOf } from '../shared/money';

/** Backfill of attrition: a replacement starts `leadTime` whole months after the month of the departure. */
export interface BackfillOptions {
  /** Whole months between the month of a departure and the month before the replacement starts (≥ 0). */
  readonly leadTime: number;
  /** The replacement's ramp (fractions by tenure month); omitted: the team ramp. */
  readonly ramp?: readonly number[];
}

/** Inputs of `teamCapacity`. */
export interface CapacityInput {
  readonly reps: readonly Rep[];
  /** A date serial in the first calendar month of the horizon. */
  readonly firstMonth: number;
  /** Number of calendar months (1 … MAX_MONTHS). */
  readonly months: number;
  /** The team ramp (fractions by tenure month), for reps without their own; omitted: no ramp. */
  readonly ramp?: readonly number[];
  readonly convention?: TenureConvention;
  /** Monthly attrition rate of the tenured team, a fraction in [0, 1) (default 0). */
  readonly attrition?: number;
  readonly backfill?: BackfillOptions;
}

/** Capacity per calendar month of the horizon. */
export interface CapacityResult {
  /** Expected ramped capacity (money per month, rounded to the cent). */
  readonly capacity: number[];
  /** Expected ramped rep equivalents (reps; a fully ramped rep employed all month = 1). */
  readonly rre: number[];
  /** Expected capacity of the roster before attrition: exactly the sum of each rep's `rampSchedule`. */
  readonly scheduled: number[];
}

/**
 * The ramped capacity of `reps` per calendar month (money per month), their ramped rep equivalents, and the
 * expected effect of attrition and backfill (see the module comment).
 */
export function teamCapacity(input: CapacityInput): CapacityResult {
  const first = monthOfSerial(input.firstMonth, 'first_month');
  const months = input.months;
  checkHorizon(first, months);
  const teamRamp = checkRamp(input.ramp ?? []);
  const convention = input.convention ?? 'calendar';
  const attrition = checkFraction(input.attrition ?? 0, 'attrition', false);
  let backfillRamp: RampSchedule | undefined;
  let lead = 0;
  if (input.backfill) {
    lead = input.backfill.leadTime;
    if (!Number.isInteger(lead) || lead < 0) invalid(`lead_time: expected a whole number of months ≥ 0, got ${lead}.`);
    backfillRamp = input.backfill.ramp ? checkRamp(input.backfill.ramp, 'backfill ramp') : teamRamp;
  }

  const tenuredCents = new Array<number>(months).fill(0);
  const newCents = new Array<number>(months).fill(0);
  const tenuredRre = new Array<number>(months).fill(0);
  const newRre = new Array<number>(months).fill(0);
  // Full quota and heads of tenured reps still employed after the end of plan month j (who may leave then).
  const atRiskQuota = new Array<number>(months).fill(0);
  const atRiskHeads = new Array<number>(months).fill(0);

  const dims = monthLengths(first, months);
  input.reps.forEach((rep, r) => {
    const who = `rep ${r + 1}`; // the rep's row in a roster (1-based)
    const f = checkNonNegative(rep.fullQuota, `full_quotas: ${who}`);
    const emp: Employment = employment(rep.start, rep.end, `start_dates: ${who}`, `end_dates: ${who}`);
    const ramp = rep.ramp ? checkRamp(rep.ramp, `${who}: ramp`) : teamRamp;
    const tenured = emp.startIndex < first;
    const cents = tenured ? tenuredCents : newCents;
    const rre = tenured ? tenuredRre : newRre;
    const last = Math.min(months - 1, emp.endIndex - first);
    for (let i = Math.max(0, emp.startIndex - first); i <= last; i++) {
      const frac = fractionInMonth(emp, first + i, dims[i], ramp, convention);
      cents[i] += centsOf(f * frac);
      rre[i] += frac;
      if (tenured && emp.endIndex > first + i) {
        atRiskQuota[i] += f;
        atRiskHeads[i] += 1;
      }
    }
  });

  const capacity = new Array<number>(months);
  const rreOut = new Array<number>(months);
  const scheduled = new Array<number>(months);
  for (let i = 0; i < months; i++) {
    const survive = (1 - attrition) ** i;
    let backfillQuota = 0;
    let backfillRre = 0;
    if (backfillRamp && attrition > 0) {
      // Departures at the end of month j (probability survive_j × attrition) restart in month j + 1 + lead.
      for (let j = 0; j + 1 + lead <= i; j++) {
        const step = rampFraction(backfillRamp, i - (j + 1 + lead) + 1);
        const leaving = (1 - attrition) ** j * attrition;
        backfillQuota += atRiskQuota[j] * leaving * step;
        backfillRre += atRiskHeads[j] * leaving * step;
      }
    }
    scheduled[i] = (tenuredCents[i] + newCents[i]) / 100;
    capacity[i] = toCents((survive * tenuredCents[i] + newCents[i]) / 100 + backfillQuota);
    rreOut[i] = survive * tenuredRre[i] + newRre[i] + backfillRre;
  }
  return { capacity, rre: rreOut, scheduled };
}
