/**
 * One rep's ramped quota by calendar month. Amounts are in the currency of the full quota, per calendar month,
 * rounded once to the cent (half away from zero) so that a team's capacity is exactly the sum of what each
 * rep's schedule shows.
 */
import { toCents } from '../shared/money';
import { checkHorizon, checkNonNegative, monthOfSerial } from './limits';
import { type RampSchedule, checkRamp } from './ramp';
import {
  type Employment,
  type TenureConvention,
  employment,
  fractionInMonth,
  monthFraction,
  monthLengths,
} from './tenure';

/** A rep as the quota kernels see it. Dates are Excel 1900 serials; `end` is the last day employed. */
export interface Rep {
  /** Fully ramped quota per calendar month (money, ≥ 0). */
  readonly fullQuota: number;
  /** First day employed (Excel date serial). */
  readonly start: number;
  /** Last day employed (Excel date serial); omitted while active. */
  readonly end?: number;
  /** The rep's own ramp (fractions by tenure month); omitted: the ramp passed to the computation. */
  readonly ramp?: RampSchedule;
}

/** Options shared by the schedule kernels. */
export interface ScheduleOptions {
  /** Fractions of full quota for tenure months 1..k (then 1); omitted or empty: no ramp. */
  readonly ramp?: readonly number[];
  /** Tenure convention (default `calendar`). */
  readonly convention?: TenureConvention;
}

/**
 * The quota (money, for one calendar month, rounded to the cent) for the calendar month that contains the date
 * `month` of a rep: `fullQuota × ramp step × days employed ÷ days in the month` (see tenure.ts for conventions).
 */
export function rampQuota(rep: Rep, month: number, options: ScheduleOptions = {}): number {
  const f = checkNonNegative(rep.fullQuota, 'full_quota');
  const emp = employment(rep.start, rep.end);
  const ramp = checkRamp(rep.ramp ?? options.ramp ?? []);
  return toCents(f * monthFraction(emp, monthOfSerial(month, 'month'), ramp, options.convention));
}

/**
 * A rep's quotas for `months` consecutive calendar months from the month that contains `firstMonth` (a date
 * serial): one amount per month, each as `rampQuota` defines it. At most `MAX_MONTHS` months.
 */
export function rampSchedule(rep: Rep, firstMonth: number, months: number, options: ScheduleOptions = {}): number[] {
  const f = checkNonNegative(rep.fullQuota, 'full_quota');
  const emp = employment(rep.start, rep.end);
  const ramp = checkRamp(rep.ramp ?? options.ramp ?? []);
  const first = monthOfSerial(firstMonth, 'first_month');
  checkHorizon(first, months);
  return scheduleOf(f, emp, ramp, first, months, options.convention ?? 'calendar');
}

/** Unchecked inner loop: quotas of one rep (already validated) for months `first`..`first + months − 1`. */
export function scheduleOf(
  fullQuota: number,
  emp: Employment,
  ramp: RampSchedule,
  first: number,
  months: number,
  convention: TenureConvention,
): number[] {
  const dims = monthLengths(first, months);
  const out = new Array<number>(months);
  for (let i = 0; i < months; i++)
    out[i] = toCents(fullQuota * fractionInMonth(emp, first + i, dims[i], ramp, convention));
  return out;
}
