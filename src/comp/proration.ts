/**
 * Proration by calendar days: the share of a period's days a rep is on the plan, for partial periods (a start or
 * end date inside the period) and leave. Target incentive and quota are both multiplied by this factor.
 */
import { checkSerial } from '../shared/dates';
import { invalid } from '../shared/errors';

/** A period and a rep's presence in it; dates are Excel serials, inclusive; `leaveDays` are calendar days. */
export interface ProrationInput {
  readonly periodStart: number;
  readonly periodEnd: number;
  /** First day on the plan (blank: before the period). */
  readonly start?: number;
  /** Last day on the plan (blank: after the period). */
  readonly end?: number;
  /** Calendar days of leave inside the active part of the period (default 0). */
  readonly leaveDays?: number;
}

/**
 * The proration factor (a fraction 0–1): (active calendar days − leave days) / calendar days in the period,
 * where active days are those of [start, end] inside [periodStart, periodEnd], both ends inclusive.
 */
export function prorationFactor(p: ProrationInput): number {
  const ps = checkSerial(p.periodStart, 'period_start');
  const pe = checkSerial(p.periodEnd, 'period_end');
  if (pe < ps) invalid(`period_end: ${pe} is before period_start ${ps}.`);
  const s = p.start === undefined ? ps : checkSerial(p.start, 'start_date');
  const e = p.end === undefined ? pe : checkSerial(p.end, 'end_date');
  // Given dates out of order are an error; a start after the period (or an end before it) gives 0.
  if (p.start !== undefined && p.end !== undefined && e < s) invalid(`end_date: ${e} is before start_date ${s}.`);
  const leave = p.leaveDays ?? 0;
  if (!(Number.isFinite(leave) && leave >= 0)) invalid(`leave_days: must be zero or more, got ${leave}.`);
  const active = Math.max(0, Math.min(e, pe) - Math.max(s, ps) + 1);
  if (leave > active) invalid(`leave_days: ${leave} is more than the ${active} active days in the period.`);
  return (active - leave) / (pe - ps + 1);
}

/** Checks a proration factor given directly: a fraction from 0 to 1. */
export function checkProration(f: number, arg = 'proration'): number {
  if (!(Number.isFinite(f) && f >= 0 && f <= 1)) {
    invalid(`${arg}: expected a fraction from 0 to 1 (share of the period's calendar days), got ${f}.`);
  }
  return f;
}
