/**
 * Custom functions of performance and routing (SALESOPS namespace): thin wrappers over src/calendar/, src/pacing/
 * and src/routing/.
 */
import { excelCall } from './adapter';
import { fiscalPeriodRows, readCalendar } from '../src/calendar/cells';
import { pacingRow } from '../src/pacing/cells';
import { attainmentGrid, readAttainment } from '../src/pacing/attainment';
import { routeColumn } from '../src/routing/cells';

/**
 * The fiscal year, quarter and period of a date, and the period's first and last day. Calendar months, or 4-4-5 / 4-5-4 / 5-4-4 week calendars whose year ends on the week end nearest (or last before) the end of the month before the year starts.
 * @customfunction FISCALPERIOD
 * @param date A date, or one column of dates (one row of results each).
 * @param [calendar] "calendar" (default: months), "445", "454" or "544".
 * @param [year_start_month] The month the fiscal year starts in, 1–12 (default 1). The year is named by the calendar year of the month before it.
 * @param [week_start] The first day of a week for "445"/"454"/"544": 1 = Sunday … 7 = Saturday, or a day's name (default 1).
 * @param [year_end_rule] "nearest" (default: the week end nearest the last day of the month before year_start_month) or "last" (the last week end within that month).
 * @returns One row: fiscal year, quarter (1–4), period (1–12), period start, period end (dates).
 */
export function fiscalPeriod(
  date: any,
  calendar?: any,
  year_start_month?: any,
  week_start?: any,
  year_end_rule?: any,
): any[][] {
  return excelCall(() =>
    fiscalPeriodRows(date, readCalendar(calendar, year_start_month, week_start, year_end_rule)),
  ) as any[][];
}

/**
 * Pacing to quota as of a date: the quota expected to date (linear by calendar days, or shaped by a profile), the pace (booked ÷ expected), the projected attainment and the gap to quota.
 * @customfunction PACING
 * @param booked Bookings so far in the period (money).
 * @param quota The period's quota (money, ≥ 0).
 * @param period_start The period's first day (date).
 * @param period_end The period's last day (date).
 * @param as_of The date to pace at; the day counts as elapsed.
 * @param [profile] Weights of the period's sub-periods: one column, one weight per calendar month of the period; or two columns: each sub-period's start date and weight (e.g. a 4-4-5 quarter).
 * @returns One row: expected to date (money), pace and projected attainment (fractions; blank before the period), gap to quota (quota − booked).
 */
export function pacing(
  booked: any,
  quota: any,
  period_start: any,
  period_end: any,
  as_of: any,
  profile?: any,
): any[][] {
  return excelCall(pacingRow, booked, quota, period_start, period_end, as_of, profile) as any[][];
}

/**
 * Attainment per rep: bookings summed per rep (optionally between two dates) against quota, ranked, with a team total row.
 * @customfunction ATTAINMENT
 * @param reps One column of rep names (with a header cell exactly when quotas has a header row).
 * @param bookings Three columns: rep, date, amount; a header row is optional.
 * @param quotas Two columns (rep, quota) matched by name, or one column of quotas in the order of reps.
 * @param [from] The first booking date counted (inclusive).
 * @param [to] The last booking date counted (inclusive).
 * @returns A header row, one row per rep (Rep, Booked, Quota, Attainment, Rank), and a last row "Team".
 */
export function attainment(reps: any[][], bookings: any[][], quotas: any[][], from?: any, to?: any): any[][] {
  return excelCall(() => attainmentGrid(readAttainment(reps, bookings, quotas, from, to))) as any[][];
}

/**
 * Routes each record (lead or account) to a rep by rules of engagement: the first priority whose conditions all hold assigns it to a rep or a team; within a team, weighted round-robin skipping reps at capacity or inactive.
 * @customfunction ROUTE
 * @param records A table with a header row of field names (Country, Employees, Industry…), one record a row.
 * @param rules A table: Priority, Field, Operator (= <> < <= > >= in contains "starts with"), Value, Assign to (a rep or a team). Rows of one priority are ANDed; a row without a field is the default.
 * @param reps A table: Rep, Team, and optionally Weight (default equal), Capacity (most records), Active (FALSE = skip).
 * @param [load] Two columns: rep and current count; each rep starts where they are.
 * @returns One column: a header cell, then the assigned rep per record; #N/A with the reason for a record that cannot be routed.
 */
export function route(records: any[][], rules: any[][], reps: any[][], load?: any[][]): any[][] {
  return excelCall(routeColumn, records, rules, reps, load) as any[][];
}
