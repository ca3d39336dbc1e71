/**
 * The performance wizard's computations (pure, no React): the current fiscal quarter of the as-of date, attainment
 * and pace per rep and for the team through the same kernels as SALESOPS.ATTAINMENT and SALESOPS.PACING, a
 * routing test through SALESOPS.ROUTE's kernel, and the writes.
 */
import type { CellValue } from '../../../src/shared/cells';
import { type FiscalCalendar, fiscalPeriodOf, fiscalYear } from '../../../src/calendar';
import { pacing, readAttainment, type SubPeriod } from '../../../src/pacing';
import { readRoute } from '../../../src/routing';
import type { RangeData, WriteCell, WritePlan } from '../../workbook/port';
import { errorMessage } from '../../components/errorMessage';
import { dateField, numberListField } from '../fields';
import type { PerformanceErrors, PerformanceForm, PerformanceLine, PerformanceResult, RoutingResult } from './types';

/** Validated options: the calendar, the as-of date and the optional profile of the quarter's three periods. */
export interface PerformanceOptions {
  cal: FiscalCalendar;
  asOf: number;
  weights?: number[];
}

/** The form's period options, or the messages of the fields that are wrong. */
export function validatePeriod(form: PerformanceForm): { options?: PerformanceOptions; errors: PerformanceErrors } {
  const errors: PerformanceErrors = {};
  const m = Number(form.yearStartMonth.trim());
  if (!Number.isInteger(m) || m < 1 || m > 12) errors.yearStartMonth = 'Year starts in: a month number from 1 to 12.';
  const d = dateField(form.asOf, 'As of');
  let asOf = 0;
  if (!d.ok) errors.asOf = d.error;
  else if (d.value === undefined) errors.asOf = 'As of: type a date as YYYY-MM-DD, e.g. 2026-03-15.';
  else asOf = d.value;
  let weights: number[] | undefined;
  if (form.profile.trim() !== '') {
    const p = numberListField(form.profile, 'Profile');
    if (!p.ok) errors.profile = p.error;
    else if (p.value.length !== 3 || p.value.some((w) => w < 0) || !(p.value.reduce((s, w) => s + w, 0) > 0)) {
      errors.profile = 'Profile: three weights ≥ 0, one per period of the quarter (e.g. 0.3, 0.3, 0.4).';
    } else weights = p.value;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    options: { cal: { kind: form.calendar, yearStartMonth: m, weekStart: 1, yearEndRule: 'nearest' }, asOf, weights },
    errors,
  };
}

const repsOf = (quotas: readonly CellValue[][]) => quotas.map((r) => [r[0]]);

/**
 * The messages of the bookings and quotas as read (shape and cells, through SALESOPS.ATTAINMENT's reader), each
 * for its own field; empty when both are fine.
 */
export function checkPerformanceData(
  bookings: readonly CellValue[][],
  quotas: readonly CellValue[][],
): PerformanceErrors {
  if (bookings.length > 0 && bookings[0].length !== 3)
    return { bookings: `Bookings: three columns (rep, date, amount), got ${bookings[0].length}.` };
  if (quotas.length > 0 && quotas[0].length !== 2)
    return { quotas: `Quotas: two columns (rep, quota), got ${quotas[0].length}.` };
  try {
    readAttainment(repsOf(quotas), bookings as CellValue[][], quotas as CellValue[][]);
    return {};
  } catch (e) {
    const message = errorMessage(e);
    return /^bookings\b/i.test(message) ? { bookings: message } : { quotas: message };
  }
}

/** Attainment and pace per rep and for the team over the fiscal quarter of the as-of date. */
export function computePerformance(
  bookings: readonly CellValue[][],
  quotas: readonly CellValue[][],
  o: PerformanceOptions,
): PerformanceResult {
  const p = fiscalPeriodOf(o.cal, o.asOf);
  const fy = fiscalYear(o.cal, p.year);
  const periods = fy.periods.slice(3 * (p.quarter - 1), 3 * p.quarter);
  const start = periods[0].start;
  const end = periods[2].end;
  const profile: SubPeriod[] | undefined = o.weights
    ? periods.map((q, i) => ({ start: q.start, end: q.end, weight: (o.weights as number[])[i] }))
    : undefined;
  const t = readAttainment(
    repsOf(quotas),
    bookings as CellValue[][],
    quotas as CellValue[][],
    start,
    Math.min(o.asOf, end),
  );
  const line = (l: {
    rep: string;
    booked: number;
    quota: number;
    attainment: number | null;
    rank: number | null;
  }): PerformanceLine => ({
    ...l,
    ...pacing(l.booked, l.quota, start, end, o.asOf, profile),
  });
  const lines = t.lines.map(line);
  const team = line(t.team);
  const behind = lines
    .filter((l) => l.pace !== null && l.pace < 1)
    .sort((a, b) => (a.pace as number) - (b.pace as number));
  const calendarLabel =
    o.cal.kind === 'calendar'
      ? `calendar months, year from month ${o.cal.yearStartMonth}`
      : `${o.cal.kind.split('').join('-')} weeks, year from month ${o.cal.yearStartMonth}`;
  return { asOf: o.asOf, year: p.year, quarter: p.quarter, start, end, calendarLabel, lines, team, behind };
}

/** Routes the first `sample` records and counts them per rep (in the reps table's order) and per reason. */
export function testRouting(records: RangeData, rules: RangeData, reps: RangeData, sample: number): RoutingResult {
  const rows = records.values.slice(0, sample + 1);
  const { table, routed } = readRoute(rows, rules.values, reps.values);
  const counts = table.reps.map(() => 0);
  const reasons = new Map<string, number>();
  let tested = 0;
  for (const r of routed) {
    if (r === null) continue;
    tested++;
    if (typeof r === 'number') counts[r]++;
    else reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  }
  return {
    tested,
    perRep: table.reps.map((r, i) => ({ rep: r.name, team: r.team >= 0 ? table.teams[r.team] : '', count: counts[i] })),
    unrouted: [...reasons].map(([reason, count]) => ({ reason, count })),
  };
}

const blank = (v: number | null): CellValue => (v === null ? null : v);

/**
 * The writes: a header block (as-of, period, calendar), the attainment and pacing table (a row per rep and the team
 * row, with "Behind pace"), a chart of booked vs expected to date per rep (its data block at column L), and the
 * routing distribution when one was tested. Values, not formulas: the period comes from the wizard's calendar.
 */
export function buildPerformancePlan(sheet: string, res: PerformanceResult, routing?: RoutingResult): WritePlan {
  const head: WriteCell[][] = [
    ['Performance as of', res.asOf, null],
    ['Fiscal quarter', `FY${res.year} Q${res.quarter}`, null],
    ['Period', res.start, res.end],
    ['Calendar', res.calendarLabel, null],
  ];
  const header = [
    'Rep',
    'Booked',
    'Quota',
    'Attainment',
    'Rank',
    'Expected to date',
    'Pace',
    'Projected attainment',
    'Gap to quota',
    'Behind pace',
  ];
  const row = (l: PerformanceLine, team = false): WriteCell[] => [
    l.rep,
    l.booked,
    l.quota,
    blank(l.attainment),
    team ? null : blank(l.rank),
    l.expected,
    blank(l.pace),
    blank(l.projected),
    l.gap,
    l.pace !== null && l.pace < 1 ? 'Yes' : 'No',
  ];
  const table: WriteCell[][] = [header, ...res.lines.map((l) => row(l)), row(res.team, true)];
  const fmt = ['General', '#,##0.00', '#,##0.00', '0.0%', '0', '#,##0.00', '0.00', '0.0%', '#,##0.00', 'General'];
  const n = res.lines.length;
  const chartData: WriteCell[][] = [
    ['Rep', 'Booked', 'Expected to date'],
    ...res.lines.map((l) => [l.rep, l.booked, l.expected]),
  ];
  const blocks: WritePlan['blocks'] = [
    {
      sheet,
      at: 'A1',
      cells: head,
      numberFormats: [
        ['General', 'yyyy-mm-dd', 'General'],
        ['General', 'General', 'General'],
        ['General', 'yyyy-mm-dd', 'yyyy-mm-dd'],
        ['General', 'General', 'General'],
      ],
    },
    {
      sheet,
      at: 'A6',
      cells: table,
      numberFormats: [fmt.map(() => 'General'), ...Array.from({ length: n + 1 }, () => fmt)],
    },
    {
      sheet,
      at: 'L6',
      cells: chartData,
      numberFormats: [['General', 'General', 'General'], ...res.lines.map(() => ['General', '#,##0.00', '#,##0.00'])],
    },
  ];
  if (routing) {
    blocks.push({
      sheet,
      at: 'P6',
      cells: [
        ['Rep', 'Team', `Records (of ${routing.tested} tested)`],
        ...routing.perRep.map((r) => [r.rep, r.team, r.count]),
        ...routing.unrouted.map((u) => [`#N/A: ${u.reason}`, null, u.count]),
      ],
    });
  }
  return {
    newSheets: [sheet],
    blocks,
    charts: [
      {
        sheet,
        source: `L6:N${6 + n}`,
        type: 'columnClustered',
        title: 'Booked vs expected to date',
        at: `A${9 + n}`,
        seriesBy: 'columns',
      },
    ],
  };
}
