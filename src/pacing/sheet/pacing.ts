/**
 * PACING's arguments read from cells: the amounts, the period, the as-of date and the optional profile.
 */
import { type ArgValue, type CellValue, asGrid, describeValue, isBlank, isGrid } from '../../shared/cells';
import { cellNumber, checkRectangular, isTextHeaderRow, toDateSerial, toNumber } from '../../shared/coerce';
import { daysInMonth, serialToDate, dateToSerial } from '../../shared/dates';
import { invalid } from '../../shared/errors';
import { LIMITS, checkSize, usedLength } from '../../shared/limits';
import { type Pacing, type SubPeriod, pacing } from '../pacing';

/** PACING's header, in the order of its row. */
export const PACING_HEADER = ['Expected to date', 'Pace', 'Projected attainment', 'Gap to quota'] as const;

/** One weight of a profile: a number ≥ 0. */
function weightOf(c: CellValue, where: string): number {
  const n = typeof c === 'boolean' ? undefined : cellNumber(c);
  if (n === undefined || n < 0) invalid(`${where}: expected a weight (a number ≥ 0), got ${describeValue(c)}.`);
  return n;
}

/** The calendar months of [start, end], or undefined when the period is not whole months. */
function wholeMonths(start: number, end: number): SubPeriod[] | undefined {
  const a = serialToDate(start);
  const b = serialToDate(end);
  if (a.day !== 1 || b.day !== daysInMonth(b.year, b.month)) return undefined;
  const out: SubPeriod[] = [];
  for (let k = a.year * 12 + a.month - 1; k <= b.year * 12 + b.month - 1; k++) {
    const y = Math.floor(k / 12);
    const m = (k % 12) + 1;
    out.push({ start: dateToSerial(y, m, 1), end: dateToSerial(y, m, daysInMonth(y, m)), weight: 0 });
  }
  return out;
}

/**
 * A profile over [start, end]: omitted or blank → undefined (linear; a 0 is a weight). One column (or a row of three
 * or more) of weights: the period's calendar months, which it must cover exactly, one weight each. Two columns:
 * each sub-period's first day and weight; the first starts on `start`, starts increase, each runs to the day before the next (the last to `end`).
 * A header row is optional. Weights are ≥ 0 with a positive sum; they need not sum to 1.
 */
export function readProfile(v: ArgValue, start: number, end: number): SubPeriod[] | undefined {
  if (v === undefined || v === null || (!isGrid(v) && isBlank(v))) return undefined;
  let grid = asGrid(v);
  checkRectangular(grid, 'profile');
  // One row of three or more weights reads as a column (a row of two is a start date and a weight).
  if (grid.length === 1 && grid[0].length > 2) grid = grid[0].map((c) => [c]);
  let rows = grid.slice(0, usedLength(grid));
  // Only blank cells mean "no profile"; a 0 is a weight (all 0s are refused below as summing to 0).
  if (rows.length === 0 || (rows.length === 1 && rows[0].every(isBlank))) return undefined;
  if (isTextHeaderRow(rows[0])) rows = rows.slice(1);
  const width = grid[0].length;
  if (width > 2 || rows.length === 0) {
    invalid("profile: expected one column of weights, or two columns: each sub-period's start date and weight.");
  }
  checkSize('profile', rows.length, LIMITS.profilePeriods, 'sub-periods', 'Use fewer, longer sub-periods.');
  let out: SubPeriod[];
  if (width === 2) {
    const starts = rows.map((r, i) => toDateSerial(r[0], `profile: row ${i + 1}, start date`));
    if (starts[0] !== start) {
      invalid(`profile: the first sub-period must start on period_start (serial ${start}), got serial ${starts[0]}.`);
    }
    out = rows.map((r, i) => {
      if (i > 0 && starts[i] <= starts[i - 1]) invalid(`profile: row ${i + 1}: start dates must increase.`);
      if (starts[i] > end) invalid(`profile: row ${i + 1}: the sub-period starts after period_end.`);
      const last = i + 1 < rows.length ? starts[i + 1] - 1 : end;
      return { start: starts[i], end: last, weight: weightOf(r[1], `profile: row ${i + 1}, weight`) };
    });
  } else {
    const months = wholeMonths(start, end);
    if (months === undefined || months.length !== rows.length) {
      invalid(
        `profile: ${rows.length} weights, but the period is not ${rows.length} whole calendar months` +
          `${months ? ` (it is ${months.length})` : ''}. Give one weight per month, or two columns: each ` +
          "sub-period's start date and weight (e.g. the period starts of SALESOPS.FISCALPERIOD for a 4-4-5 quarter).",
      );
    }
    out = months.map((m, i) => ({ ...m, weight: weightOf(rows[i][0], `profile: item ${i + 1}`) }));
  }
  if (!(out.reduce((s, p) => s + p.weight, 0) > 0)) invalid('profile: the weights sum to 0; give a positive weight.');
  return out;
}

/** PACING read from cells: one row [expected, pace, projected attainment, gap] (blank pace when undefined). */
export function pacingRow(
  booked: ArgValue,
  quota: ArgValue,
  periodStart: ArgValue,
  periodEnd: ArgValue,
  asOf: ArgValue,
  profile?: ArgValue,
): CellValue[][] {
  const b = toNumber(booked, 'booked');
  const q = toNumber(quota, 'quota');
  if (q < 0) invalid(`quota: expected a quota ≥ 0, got ${q}.`);
  const s = toDateSerial(periodStart, 'period_start');
  const e = toDateSerial(periodEnd, 'period_end');
  if (e < s) invalid('period_end: the period ends before it starts; give period_end on or after period_start.');
  const a = toDateSerial(asOf, 'as_of');
  const p: Pacing = pacing(b, q, s, e, a, readProfile(profile, s, e));
  return [[p.expected, p.pace, p.projected, p.gap]];
}
