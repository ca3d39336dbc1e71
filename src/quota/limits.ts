/**
 * Limits and small helpers shared by the quota kernels: the longest horizon a computation accepts (so that a
 * typo such as months = 1e9 is an error, not a hang) and the calendar month of a date serial.
 */
import { invalid } from '../shared/errors';
import { MAX_SERIAL, checkSerial, monthIndex, serialToDate } from '../shared/dates';
import { LIMITS, checkSize, formatCount } from '../shared/limits';

/** The longest horizon any quota computation accepts: 1,200 months (100 years). */
export const MAX_MONTHS = LIMITS.months;

/**
 * Refuses a roster past its size limits (#NUM!): at most `LIMITS.rosterReps` reps and `LIMITS.rosterCells`
 * rep-months (reps × months; `months` as given, when it is a number). `arg` names the reps' argument.
 */
export function checkRosterSize(reps: number, months: unknown, arg = 'start_dates'): void {
  const way = 'Split the roster (e.g. by team or region) into calls of fewer reps, or shorten the horizon.';
  checkSize(arg, reps, LIMITS.rosterReps, 'reps', way);
  const m = typeof months === 'number' && Number.isFinite(months) && months >= 1 ? Math.floor(months) : 1;
  checkSize(arg, reps * Math.min(m, MAX_MONTHS), LIMITS.rosterCells, 'rep-months (reps × months)', way);
}

/** Refuses a list of months (a ramp, targets, weights) longer than `MAX_MONTHS` (#NUM!). */
export function checkMonthList(count: number, arg: string, unit = 'months'): void {
  checkSize(arg, count, MAX_MONTHS, unit, `Give at most ${formatCount(MAX_MONTHS)} (100 years), one per month.`);
}

/** The continuous month index (year × 12 + month − 1) of the last month Excel can show: December 9999. */
const LAST_MONTH_INDEX = monthIndex(serialToDate(MAX_SERIAL));

/** Checks a horizon length: a whole number of months from 1 to `MAX_MONTHS`. */
export function checkMonths(months: number, arg = 'months'): number {
  if (!Number.isFinite(months) || !Number.isInteger(months))
    invalid(`${arg}: expected a whole number of months, got ${months}.`);
  if (months < 1) invalid(`${arg}: must be at least 1, got ${months}.`);
  if (months > MAX_MONTHS) invalid(`${arg}: must be at most ${MAX_MONTHS} (100 years), got ${months}.`);
  return months;
}

/** The continuous month index of the calendar month that contains the Excel date `serial` (checked). */
export function monthOfSerial(serial: number, arg: string): number {
  return monthIndex(serialToDate(checkSerial(serial, arg)));
}

/** Checks that `months` months from month index `first` stay within Excel's calendar (up to December 9999). */
export function checkHorizon(first: number, months: number, arg = 'months'): void {
  checkMonths(months, arg);
  if (first + months - 1 > LAST_MONTH_INDEX) {
    invalid(`${arg}: ${months} months from the first month run past December 9999, the last month Excel can show.`);
  }
}

/** Checks a fraction in [0, 1] (e.g. a ramp step or an attrition rate); `what` names it in the message. */
export function checkFraction(x: number, what: string, allowOne = true): number {
  if (!Number.isFinite(x) || x < 0 || x > 1 || (!allowOne && x === 1)) {
    invalid(`${what}: expected a fraction from 0 to ${allowOne ? '1' : 'just under 1'} (e.g. 0.25 or 25%), got ${x}.`);
  }
  return x;
}

/** Checks an amount of money that must be zero or more (a quota, a target). */
export function checkNonNegative(x: number, what: string): number {
  if (!Number.isFinite(x) || x < 0) invalid(`${what}: expected an amount of zero or more, got ${x}.`);
  return x;
}
