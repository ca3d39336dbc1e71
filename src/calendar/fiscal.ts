/**
 * Fiscal calendars: which fiscal year, quarter and period a date falls in, and where that period starts and ends.
 *
 * Rules (docs/functions.md, FISCALPERIOD, says the same):
 * - `"calendar"`: periods are calendar months. The fiscal year starts on the 1st of `yearStartMonth` (1–12) and is
 *   named by the calendar year in which it ends: with `yearStartMonth` 2, 1 Feb 2023 – 31 Jan 2024 is FY2024.
 *   Quarters are three months from the year start; periods are numbered 1–12 from the year start.
 * - `"445"`, `"454"`, `"544"`: weeks of 7 days starting on `weekStart` (1 = Sunday … 7 = Saturday, as Excel's
 *   WEEKDAY), so each week ends on the day before `weekStart`. The fiscal year ends on a week end chosen from the
 *   last day L of the month before `yearStartMonth` (December for 1) in the calendar year that names the year:
 *   `"nearest"`: the week end nearest L (at most 3 days before or after it; 7 is odd so there is never a tie);
 *   `"last"`: the last week end on or before L. The year runs from the day after the previous year's end to its own
 *   end: 52 weeks (364 days), or 53 (371 days) when the ends drift a week apart. Each quarter is 13 weeks of three
 *   periods of 4-4-5, 4-5-4 or 5-4-4 weeks; a 53rd week joins the last period of the year (period 12, quarter 4),
 *   as the US retail (NRF 4-5-4) calendar adds it to January.
 * - Naming: a week-based year is named, as a "calendar" one, by the calendar year of the month it nominally ends in
 *   (the month before `yearStartMonth`), even when the `"nearest"` rule puts its last day a few days into the next
 *   month. So the NRF year ending Sat 3 Feb 2024 is FY2024 here; the NRF itself calls it "fiscal 2023" (the year
 *   it starts in), one less. Apple's year ending Sat 30 Sep 2023 is FY2023 in both.
 * All dates are Excel serials (days); the supported years are 1901–9998 so every week end is a serial after 60.
 */
import { dateToSerial, daysInMonth, serialToDate } from '../shared/dates';
import { invalid } from '../shared/errors';

/** The calendars FISCALPERIOD knows. */
export type CalendarKind = 'calendar' | '445' | '454' | '544';
/** How a week-based year's last day is chosen. */
export type YearEndRule = 'nearest' | 'last';

/** A fiscal calendar's definition. */
export interface FiscalCalendar {
  readonly kind: CalendarKind;
  /** 1–12: the month the fiscal year starts in. */
  readonly yearStartMonth: number;
  /** 1–7 (1 = Sunday … 7 = Saturday): the first day of a week (week-based calendars only). */
  readonly weekStart: number;
  readonly yearEndRule: YearEndRule;
}

/** Where a date falls: fiscal year, quarter 1–4, period 1–12, and the period's first and last day (serials). */
export interface FiscalPeriod {
  readonly year: number;
  readonly quarter: number;
  readonly period: number;
  readonly start: number;
  readonly end: number;
}

/** A fiscal year's bounds (serials, inclusive) and its 12 periods. */
export interface FiscalYear {
  readonly year: number;
  readonly start: number;
  readonly end: number;
  readonly periods: readonly { readonly start: number; readonly end: number }[];
}

/** The first and last calendar year FISCALPERIOD handles. */
export const FIRST_YEAR = 1901;
export const LAST_YEAR = 9998;

const WEEKS: Record<Exclude<CalendarKind, 'calendar'>, readonly number[]> = {
  '445': [4, 4, 5],
  '454': [4, 5, 4],
  '544': [5, 4, 4],
};

/** Excel's WEEKDAY of a serial after 60: 1 = Sunday … 7 = Saturday. */
export function weekday(serial: number): number {
  return ((serial - 1) % 7) + 1;
}

/** The last day (serial) of week-based fiscal year `year`. */
export function weekYearEnd(cal: FiscalCalendar, year: number): number {
  const endMonth = cal.yearStartMonth === 1 ? 12 : cal.yearStartMonth - 1;
  const last = dateToSerial(year, endMonth, daysInMonth(year, endMonth));
  const weekEnd = cal.weekStart === 1 ? 7 : cal.weekStart - 1; // the weekday a week ends on
  const back = (weekday(last) - weekEnd + 7) % 7; // days from the last week end on or before L to L
  if (cal.yearEndRule === 'last') return last - back;
  return back <= 3 ? last - back : last - back + 7;
}

/** A fiscal year's bounds and periods (see the module comment for the rules). */
export function fiscalYear(cal: FiscalCalendar, year: number): FiscalYear {
  if (cal.kind === 'calendar') {
    const startYear = cal.yearStartMonth === 1 ? year : year - 1;
    const periods = Array.from({ length: 12 }, (_, i) => {
      const m = cal.yearStartMonth + i;
      const y = startYear + Math.floor((m - 1) / 12);
      const month = ((m - 1) % 12) + 1;
      return { start: dateToSerial(y, month, 1), end: dateToSerial(y, month, daysInMonth(y, month)) };
    });
    return { year, start: periods[0].start, end: periods[11].end, periods };
  }
  const start = weekYearEnd(cal, year - 1) + 1;
  const end = weekYearEnd(cal, year);
  const pattern = WEEKS[cal.kind];
  const periods: { start: number; end: number }[] = [];
  let s = start;
  for (let i = 0; i < 12; i++) {
    const e = i === 11 ? end : s + 7 * pattern[i % 3] - 1;
    periods.push({ start: s, end: e });
    s = e + 1;
  }
  return { year, start, end, periods };
}

/** The fiscal year, quarter and period of `serial` (a whole-day Excel date) and the period's bounds. */
export function fiscalPeriodOf(cal: FiscalCalendar, serial: number): FiscalPeriod {
  const { year: y, month } = serialToDate(serial);
  if (y < FIRST_YEAR || y > LAST_YEAR) {
    invalid(`date: expected a date in the years ${FIRST_YEAR}–${LAST_YEAR}, got one in ${y}.`);
  }
  // The fiscal year is the calendar year's, or one either side; for "calendar" it is exact.
  let year = cal.kind === 'calendar' ? (cal.yearStartMonth === 1 || month < cal.yearStartMonth ? y : y + 1) : y;
  let fy = fiscalYear(cal, year);
  if (serial > fy.end) fy = fiscalYear(cal, ++year);
  else if (serial < fy.start) fy = fiscalYear(cal, --year);
  const i = fy.periods.findIndex((p) => serial <= p.end);
  const p = fy.periods[i];
  return { year, quarter: Math.floor(i / 3) + 1, period: i + 1, start: p.start, end: p.end };
}

/**
 * `fiscalPeriodOf` for many dates: remembers the fiscal year of the previous date, so that dates of the same year
 * (the usual column) cost a comparison and a scan of 12 periods. The locator holds no state beyond one call.
 */
export function fiscalLocator(cal: FiscalCalendar): (serial: number) => FiscalPeriod {
  let fy: FiscalYear | undefined;
  return (serial) => {
    if (fy === undefined || serial < fy.start || serial > fy.end) {
      const p = fiscalPeriodOf(cal, serial);
      fy = fiscalYear(cal, p.year);
      return p;
    }
    const periods = fy.periods;
    let i = 0;
    while (serial > periods[i].end) i++;
    return {
      year: fy.year,
      quarter: Math.floor(i / 3) + 1,
      period: i + 1,
      start: periods[i].start,
      end: periods[i].end,
    };
  };
}
