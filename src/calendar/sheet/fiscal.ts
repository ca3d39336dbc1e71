/**
 * FISCALPERIOD's arguments read from cells: the calendar's definition, and one date or a column of dates.
 */
import { type ArgValue, type CellValue, isBlank, isGrid } from '../../shared/cells';
import {
  cellText,
  isTextHeaderRow,
  optionalChoice,
  optionalNumberOrNone,
  toDateSerial,
  toVector,
} from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import { MAX_SERIAL } from '../../shared/dates';
import { LIMITS, SPLIT_RANGE, checkSize } from '../../shared/limits';
import { type CalendarKind, type FiscalCalendar, type YearEndRule, fiscalLocator } from '../fiscal';

const KINDS: readonly CalendarKind[] = ['calendar', '445', '454', '544'];
const RULES: readonly YearEndRule[] = ['nearest', 'last'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** `week_start` as 1–7 (1 = Sunday): a number 1–7 or a day's name ("Sun", "monday"); blank or 0 → 1 (Sunday). */
function readWeekStart(v: ArgValue): number {
  const cell: CellValue = isGrid(v) ? (v.length === 1 && v[0].length === 1 ? v[0][0] : null) : (v ?? null);
  if (isGrid(v) && !(v.length === 1 && v[0].length === 1)) invalid('week_start: expected a single value.');
  if (isBlank(cell) || cell === 0) return 1;
  if (typeof cell === 'string' && !/^\s*\d+\s*$/.test(cell)) {
    const s = cellText(cell).toLowerCase();
    const i = s.length >= 2 ? DAYS.findIndex((d) => d.startsWith(s)) : -1;
    if (i < 0) invalid(`week_start: expected 1–7 (1 = Sunday) or a day's name, got "${cellText(cell)}".`);
    return i + 1;
  }
  const n = optionalNumberOrNone(cell, 'week_start') ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 7) {
    invalid(`week_start: expected 1–7 (1 = Sunday … 7 = Saturday, as WEEKDAY) or a day's name, got ${n}.`);
  }
  return n;
}

/** The calendar of FISCALPERIOD's optional arguments (defaults: "calendar", January, Sunday, "nearest"). */
export function readCalendar(
  calendar: ArgValue,
  yearStartMonth: ArgValue,
  weekStart: ArgValue,
  yearEndRule: ArgValue,
): FiscalCalendar {
  const kindText = optionalChoice(
    typeof calendar === 'number' ? String(calendar) : calendar,
    'calendar',
    KINDS as CalendarKind[],
    'calendar',
  );
  const m = optionalNumberOrNone(yearStartMonth, 'year_start_month') ?? 1;
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    invalid(`year_start_month: expected a month number 1–12 (1 = January), got ${m}.`);
  }
  return {
    kind: kindText,
    yearStartMonth: m,
    weekStart: readWeekStart(weekStart),
    yearEndRule: optionalChoice(yearEndRule, 'year_end_rule', RULES as YearEndRule[], 'nearest'),
  };
}

/**
 * FISCALPERIOD's result: for one date, one row [fiscal year, quarter, period, period start, period end]; for a
 * column of dates, one such row per date (a blank date gives a blank row; a header cell gives a header row).
 */
export function fiscalPeriodRows(date: ArgValue, cal: FiscalCalendar): CellValue[][] {
  const cells = isGrid(date) ? toVector(date, 'date', false) : [date ?? null];
  checkSize('date', cells.length, LIMITS.rows, 'dates', SPLIT_RANGE);
  if (cells.length === 0) invalid('date: a date is required, got an empty range.');
  const multi = cells.length > 1;
  const header = multi && isTextHeaderRow([cells[0]]);
  const locate = fiscalLocator(cal);
  const rows = cells.slice(header ? 1 : 0).map((c, i): CellValue[] => {
    if (multi && isBlank(c)) return [null, null, null, null, null];
    const serial =
      typeof c === 'number' && c >= 1 && c < MAX_SERIAL
        ? Math.floor(c)
        : toDateSerial(c, multi ? `date: row ${i + 1 + (header ? 1 : 0)}` : 'date'); // range rows
    const p = locate(serial);
    return [p.year, p.quarter, p.period, p.start, p.end];
  });
  return header ? [[...FISCAL_HEADER], ...rows] : rows;
}

/** The header FISCALPERIOD spills above its rows when its column of dates has one. */
export const FISCAL_HEADER = ['Fiscal year', 'Quarter', 'Period', 'Period start', 'Period end'] as const;
