/**
 * Tenure conventions: which ramp step applies to each day a rep is employed in a calendar month, and how a
 * partial month (start or end in the middle) is prorated. In every convention the quota of a calendar month is
 *
 *   full quota × (Σ over the days employed in the month of the ramp fraction of that day's tenure month)
 *              ÷ (days in the calendar month)
 *
 * so a whole month at one ramp step is `full × fraction`, and a partial month is prorated by calendar days.
 *
 * - `calendar` (default): tenure month 1 is the calendar month that contains the start date; tenure month 2 is
 *   the next calendar month, and so on. A rep starting 2024-01-17 is at ramp step 1 for 15/31 of January, at
 *   step 2 for all of February.
 * - `next`: ramp step 1 is the first FULL calendar month; the partial start month is also prorated at step 1.
 *   A rep starting 2024-01-17 is at step 1 for 15/31 of January and for all of February, at step 2 in March.
 *   A start on the 1st is a full month, so it is the same as `calendar`.
 * - `anniversary`: tenure months are counted from the start date, as Excel's EDATE counts them: tenure month
 *   k + 1 begins on EDATE(start, k) (the same day of the month, or the month's last day when it is shorter).
 *   A calendar month can hold two tenure months, each prorated by its days. A rep starting 2024-01-17 is at
 *   step 1 from Jan 17 to Feb 16 and at step 2 from Feb 17: February = (16 × step 1 + 13 × step 2) ÷ 29.
 *
 * End dates: the end date is the LAST day employed (inclusive); days after it carry no quota, in every convention.
 */
import { daysInMonth, monthFromIndex, monthIndex, serialToDate } from '../shared/dates';
import { invalid } from '../shared/errors';
import { isoDate } from '../shared/dates';
import { type RampSchedule, rampFraction } from './ramp';
import { checkSerial } from '../shared/dates';

/** The tenure conventions (see the module comment). */
export type TenureConvention = 'calendar' | 'next' | 'anniversary';

/** All conventions, default first (for choice arguments). */
export const TENURE_CONVENTIONS: readonly TenureConvention[] = ['calendar', 'next', 'anniversary'];

/** A rep's employment as month indexes (year × 12 + month − 1) and days of the month; `endIndex` ∞ when active. */
export interface Employment {
  readonly startIndex: number;
  readonly startDay: number;
  readonly endIndex: number;
  readonly endDay: number;
}

/**
 * The employment of a rep from Excel date serials: `start` is the first day, `end` (optional) the last day
 * employed. A start after the end is an error naming `startArg`/`endArg`.
 */
export function employment(start: number, end?: number, startArg = 'start_date', endArg = 'end_date'): Employment {
  const s = checkSerial(start, startArg);
  const sd = serialToDate(s);
  if (end === undefined) return { startIndex: monthIndex(sd), startDay: sd.day, endIndex: Infinity, endDay: 0 };
  const e = checkSerial(end, endArg);
  if (e < s) {
    invalid(
      `${endArg}: the end date ${isoDate(e)} is before the start date ${isoDate(s)}; give the last day employed.`,
    );
  }
  const ed = serialToDate(e);
  return { startIndex: monthIndex(sd), startDay: sd.day, endIndex: monthIndex(ed), endDay: ed.day };
}

/**
 * The fraction of full quota a rep carries in calendar month `month` (a month index): the ramp step(s) that
 * apply, weighted by the days employed in the month ÷ the days in the month. 0 before the start month and
 * after the end month; between 0 and 1 always.
 */
export function monthFraction(
  emp: Employment,
  month: number,
  ramp: RampSchedule,
  convention: TenureConvention = 'calendar',
): number {
  if (month < emp.startIndex || month > emp.endIndex) return 0;
  const { year, month: m } = monthFromIndex(month);
  return fractionInMonth(emp, month, daysInMonth(year, m), ramp, convention);
}

/** `monthFraction` when the caller already knows `dim`, the number of days in calendar month `month`. */
export function fractionInMonth(
  emp: Employment,
  month: number,
  dim: number,
  ramp: RampSchedule,
  convention: TenureConvention,
): number {
  if (month < emp.startIndex || month > emp.endIndex) return 0;
  const first = month === emp.startIndex ? emp.startDay : 1;
  const last = month === emp.endIndex ? Math.min(emp.endDay, dim) : dim;
  if (last < first) return 0;
  const days = last - first + 1;
  const k = month - emp.startIndex + 1; // calendar tenure month
  switch (convention) {
    case 'calendar':
      return (rampFraction(ramp, k) * days) / dim;
    case 'next': {
      const tenure = emp.startDay === 1 ? k : Math.max(1, k - 1);
      return (rampFraction(ramp, tenure) * days) / dim;
    }
    case 'anniversary': {
      if (k === 1) return (rampFraction(ramp, 1) * days) / dim;
      // Tenure month k begins on the anniversary day of this month (clamped to the month's length, as EDATE).
      const b = Math.min(emp.startDay, dim);
      const before = Math.max(0, Math.min(last, b - 1) - first + 1); // days still in tenure month k − 1
      const from = Math.max(0, last - Math.max(first, b) + 1); // days in tenure month k
      return (rampFraction(ramp, k - 1) * before + rampFraction(ramp, k) * from) / dim;
    }
  }
}

/** Days in each of `months` calendar months from month index `first`. */
export function monthLengths(first: number, months: number): number[] {
  const out = new Array<number>(months);
  for (let i = 0; i < months; i++) {
    const { year, month } = monthFromIndex(first + i);
    out[i] = daysInMonth(year, month);
  }
  return out;
}
