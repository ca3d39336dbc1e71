/**
 * Custom functions of the quota domain (SALESOPS namespace): thin wrappers over src/quota/. Arguments are coerced
 * with src/shared/coerce.ts; dates are Excel 1900 date serials; ramp steps, attrition and over-assignment are
 * fractions (25% or 0.25). Spilled results are one row (months) or one column (reps).
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { type AlignedRange, headerHint, readAligned } from '../src/shared/aligned';
import { type CellValue, describeValue, isBlank, isBlankOrZero, isGrid } from '../src/shared/cells';
import {
  optionalChoice,
  optionalDateSerial,
  optionalNumber,
  toInteger,
  toNumber,
  cellNumber,
  single,
  toNumberVector,
  toVector,
} from '../src/shared/coerce';
import { invalid } from '../src/shared/errors';
import { listLength } from '../src/shared/limits';
import {
  type AllocationMethod,
  type HiringInput,
  type Rep,
  type TenureConvention,
  MAX_MONTHS,
  TENURE_CONVENTIONS,
  allocateQuota,
  checkMonthList,
  checkRosterSize,
  hiringPlan,
  rampQuota,
  rampSchedule,
  spreadAnnual,
  teamCapacity,
} from '../src/quota';

/**
 * A ramp argument: omitted or all blank → no ramp; trailing blank cells end the schedule, and so do trailing
 * zeros after a step above 0 (Excel for desktop passes blank cells as 0, and a ramp never falls back to 0 before
 * reaching 100%). Leading zeros are steps of 0% (e.g. a month of onboarding without quota).
 */
function rampArg(v: any): number[] {
  if (isBlank(v)) return [];
  const cells = isGrid(v) ? toVector(v, 'ramp') : [v];
  let n = cells.length;
  const anyAbove0 = cells.some((c) => !isBlankOrZero(c));
  while (n > 0 && (isBlank(cells[n - 1]) || (anyAbove0 && cells[n - 1] === 0))) n--;
  checkMonthList(n, 'ramp', 'ramp steps');
  return toNumberVector(
    cells.slice(0, n).map((c) => [c]),
    'ramp',
  );
}

/** A tenure convention argument ("calendar" when omitted). */
function conventionArg(v: any): TenureConvention {
  return optionalChoice(v, 'convention', TENURE_CONVENTIONS, 'calendar');
}

/** A horizon length argument: a whole number from 1 to MAX_MONTHS. */
function monthsArg(v: any): number {
  return toInteger(v, 'months', 1, MAX_MONTHS);
}

/** One number for everyone: a scalar or a 1×1 range (else a column aligned with the roster). */
function isOneValue(v: any): boolean {
  return !isGrid(v) || (v.length === 1 && v[0]?.length === 1);
}

/** A roster cell that must be a number (`what`: "a date", "a number"); `hint` from `headerHint`. */
function rosterNumber(c: CellValue, arg: string, item: number, hint: string): number {
  if (isBlank(c)) invalid(`${arg}: item ${item} is blank; a number is required.`);
  const n = typeof c === 'boolean' ? undefined : cellNumber(c);
  if (n === undefined) invalid(`${arg}: item ${item}: expected a number, got ${describeValue(c)}${hint}.`);
  return n;
}

/**
 * The roster of CAPACITY, RRE and ALLOCATEQUOTA, read as columns of one table (src/shared/aligned.ts: the header
 * row is decided once for start_dates, full_quotas when it is a column, end_dates and basis): quotas (one number
 * for everyone or one per rep), start dates, optional end dates (blank = active; 0 too, as Excel for desktop
 * passes blanks, and 0 is never a date) and an optional basis column (weights or prior-year amounts). Refuses a
 * roster past its size limits (reps, reps × `months`) before reading it.
 */
function rosterArgs(
  fullQuotas: any,
  startDates: any,
  endDates: any,
  months: any,
  basis?: any,
): { reps: Rep[]; basis: number[] } {
  checkRosterSize(listLength(startDates), months);
  const ranges: AlignedRange[] = [{ arg: 'start_dates', value: startDates, kind: 'date' }];
  const perRep = !isOneValue(fullQuotas);
  if (perRep) ranges.push({ arg: 'full_quotas', value: fullQuotas, kind: 'number' });
  const hasEnds = !isBlank(endDates) && !(isOneValue(endDates) && isBlank(single(endDates, 'end_dates')));
  if (hasEnds) ranges.push({ arg: 'end_dates', value: endDates, kind: 'date' });
  if (basis !== undefined) ranges.push({ arg: 'basis', value: basis, kind: 'number' });
  const read = readAligned(ranges);
  const cols = new Map(ranges.map((r, i) => [r.arg, read.rows[i]]));
  const starts = cols.get('start_dates')!;
  if (starts.length === 0) invalid('start_dates: at least one start date is required.');
  const quota = perRep ? 0 : toNumber(fullQuotas, 'full_quotas');
  const reps = starts.map(([s], i): Rep => {
    const item = i + 1;
    const start = rosterNumber(s, 'start_dates', item, headerHint(read, item, s));
    const q = perRep ? rosterNumber(cols.get('full_quotas')![i][0], 'full_quotas', item, '') : quota;
    const e = hasEnds ? cols.get('end_dates')![i][0] : null;
    const end = isBlankOrZero(e) ? undefined : rosterNumber(e, 'end_dates', item, '');
    return { fullQuota: q, start, end };
  });
  const b = basis === undefined ? [] : cols.get('basis')!.map(([c], i) => rosterNumber(c, 'basis', i + 1, ''));
  return { reps, basis: b };
}

function rampQuotaFn(
  full_quota: any,
  start_date: any,
  month: any,
  ramp?: any[][],
  end_date?: any,
  convention?: any,
): any {
  return excelCall(() =>
    rampQuota(
      {
        fullQuota: toNumber(full_quota, 'full_quota'),
        start: toNumber(start_date, 'start_date'),
        end: optionalDateSerial(end_date, 'end_date'),
      },
      toNumber(month, 'month'),
      { ramp: rampArg(ramp), convention: conventionArg(convention) },
    ),
  );
}

function rampScheduleFn(
  full_quota: any,
  start_date: any,
  first_month: any,
  months: any,
  ramp?: any[][],
  end_date?: any,
  convention?: any,
): any[][] {
  return excelCall(() => [
    rampSchedule(
      {
        fullQuota: toNumber(full_quota, 'full_quota'),
        start: toNumber(start_date, 'start_date'),
        end: optionalDateSerial(end_date, 'end_date'),
      },
      toNumber(first_month, 'first_month'),
      monthsArg(months),
      { ramp: rampArg(ramp), convention: conventionArg(convention) },
    ),
  ]) as any;
}

/** CAPACITY's and RRE's shared reading of a roster into the core's team capacity (per month). */
function teamOf(
  full_quotas: any,
  start_dates: any,
  first_month: any,
  months: any,
  ramp: any,
  end_dates: any,
  convention: any,
) {
  return teamCapacity({
    reps: rosterArgs(full_quotas, start_dates, end_dates, months).reps,
    firstMonth: toNumber(first_month, 'first_month'),
    months: monthsArg(months),
    ramp: rampArg(ramp),
    convention: conventionArg(convention),
  });
}

function capacityFn(
  full_quotas: any[][],
  start_dates: any[][],
  first_month: any,
  months: any,
  ramp?: any[][],
  end_dates?: any[][],
  convention?: any,
): any[][] {
  return excelCall(() => [
    teamOf(full_quotas, start_dates, first_month, months, ramp, end_dates, convention).capacity,
  ]) as any;
}

function rreFn(
  start_dates: any[][],
  first_month: any,
  months: any,
  ramp?: any[][],
  end_dates?: any[][],
  convention?: any,
): any[][] {
  return excelCall(() => [teamOf(1, start_dates, first_month, months, ramp, end_dates, convention).rre]) as any;
}

function hiresFn(
  targets: any[][],
  capacity: any[][],
  full_quota: any,
  ramp?: any[][],
  attrition?: any,
  lead_time?: any,
  over_assignment?: any,
): any[][] {
  return excelCall(() => [
    hiringPlan(hiringArgs(targets, capacity, full_quota, ramp, attrition, lead_time, over_assignment)).hires,
  ]) as any;
}

/** The hiring-plan input of HIRES and HIRESGAP from Excel arguments. */
function hiringArgs(
  targets: any,
  capacity: any,
  full_quota: any,
  ramp: any,
  attrition: any,
  lead_time: any,
  over_assignment: any,
): HiringInput {
  checkMonthList(listLength(targets), 'targets');
  return {
    targets: toNumberVector(targets, 'targets'),
    capacity: toNumberVector(capacity, 'capacity'),
    fullQuota: toNumber(full_quota, 'full_quota'),
    ramp: rampArg(ramp),
    attrition: optionalNumber(attrition, 'attrition', 0),
    leadTime: toInteger(optionalNumber(lead_time, 'lead_time', 0), 'lead_time', 0, MAX_MONTHS),
    overAssignment: optionalNumber(over_assignment, 'over_assignment', 0),
  };
}

function hiresGapFn(
  targets: any[][],
  capacity: any[][],
  full_quota: any,
  ramp?: any[][],
  attrition?: any,
  lead_time?: any,
  over_assignment?: any,
): any[][] {
  return excelCall(() => {
    const plan = hiringPlan(hiringArgs(targets, capacity, full_quota, ramp, attrition, lead_time, over_assignment));
    const gap = new Array<number>(plan.hires.length).fill(0);
    for (const u of plan.unmet) gap[u.month] = u.shortfall;
    return [gap];
  }) as any;
}

function seasonalQuotaFn(annual_quota: any, weights: any[][]): any[][] {
  return excelCall(() => {
    checkMonthList(listLength(weights), 'weights', 'weights');
    return [spreadAnnual(toNumber(annual_quota, 'annual_quota'), toNumberVector(weights, 'weights'))];
  }) as any;
}

function allocateQuotaFn(
  target: any,
  start_dates: any[][],
  first_month: any,
  months: any,
  method?: any,
  basis?: any[][],
  ramp?: any[][],
  end_dates?: any[][],
): any[][] {
  return excelCall(() => {
    const choice = optionalChoice(method, 'method', ['even', 'weight', 'prior'] as const, 'even');
    const m: AllocationMethod = choice === 'prior' ? 'priorYear' : choice;
    if (m !== 'even' && isBlank(basis))
      invalid(`basis: method "${choice}" needs a column of ${choice === 'prior' ? 'prior-year amounts' : 'weights'}.`);
    const roster = rosterArgs(0, start_dates, end_dates, months, m === 'even' ? undefined : basis);
    const reps = roster.reps;
    const values = roster.basis;
    const result = allocateQuota({
      target: toNumber(target, 'target'),
      reps: reps.map((r, i) => ({
        start: r.start,
        end: r.end,
        weight: m === 'weight' ? values[i] : undefined,
        priorYear: m === 'priorYear' ? values[i] : undefined,
      })),
      method: m,
      firstMonth: toNumber(first_month, 'first_month'),
      months: monthsArg(months),
      ramp: rampArg(ramp),
    });
    return result.amounts.map((a) => [a]);
  }) as any;
}

/** The quota functions, in the order of functions.json. */
export const QUOTA_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'RAMPQUOTA',
    description:
      'The ramped quota of one rep for the calendar month that contains a date: full quota × ramp step × days employed ÷ days in the month.',
    parameters: [
      { name: 'full_quota', description: 'Fully ramped quota per calendar month (money, 0 or more).' },
      { name: 'start_date', description: "The rep's first day (a date)." },
      { name: 'month', description: 'Any date in the calendar month to compute.' },
      {
        name: 'ramp',
        description:
          'Fractions of full quota for tenure months 1, 2, … (a row or column, e.g. 25%, 50%, 75%); 100% after them. Omitted: no ramp.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'end_date',
        description: "The rep's last day employed (a date). Omitted or 0: still active.",
        optional: true,
      },
      {
        name: 'convention',
        description:
          'Tenure months: "calendar" (default: month 1 = the start month), "next" (month 1 = the first full month) or "anniversary" (counted from the start date).',
        optional: true,
      },
    ],
    fn: rampQuotaFn,
  },
  {
    name: 'RAMPSCHEDULE',
    description: "One rep's ramped quota for consecutive calendar months, spilled as one row.",
    parameters: [
      { name: 'full_quota', description: 'Fully ramped quota per calendar month (money, 0 or more).' },
      { name: 'start_date', description: "The rep's first day (a date)." },
      { name: 'first_month', description: 'Any date in the first calendar month of the row.' },
      { name: 'months', description: 'Number of months, 1 to 1200.' },
      {
        name: 'ramp',
        description:
          'Fractions of full quota for tenure months 1, 2, … (a row or column); 100% after them. Omitted: no ramp.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'end_date',
        description: "The rep's last day employed (a date). Omitted or 0: still active.",
        optional: true,
      },
      {
        name: 'convention',
        description: 'Tenure months: "calendar" (default), "next" or "anniversary".',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: rampScheduleFn,
  },
  {
    name: 'CAPACITY',
    description: "A team's ramped capacity per calendar month (the sum of each rep's RAMPQUOTA), spilled as one row.",
    parameters: [
      {
        name: 'full_quotas',
        description: 'Fully ramped quota per month: one number for everyone, or a column with one per rep.',
        dimensionality: 'matrix',
      },
      {
        name: 'start_dates',
        description:
          "Column of start dates, one per rep; the roster's columns take the same rows, all with their header row or all without.",
        dimensionality: 'matrix',
      },
      { name: 'first_month', description: 'Any date in the first calendar month of the row.' },
      { name: 'months', description: 'Number of months, 1 to 1200.' },
      {
        name: 'ramp',
        description:
          'Fractions of full quota for tenure months 1, 2, … (a row or column); 100% after them. Omitted: no ramp.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'end_dates',
        description: 'Column of last days employed, one per rep; a blank cell = still active. Omitted: all active.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'convention',
        description: 'Tenure months: "calendar" (default), "next" or "anniversary".',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: capacityFn,
  },
  {
    name: 'RRE',
    description:
      "A team's ramped rep equivalents per calendar month (a fully ramped rep employed all month counts 1), spilled as one row.",
    parameters: [
      {
        name: 'start_dates',
        description:
          "Column of start dates, one per rep; the roster's columns take the same rows, all with their header row or all without.",
        dimensionality: 'matrix',
      },
      { name: 'first_month', description: 'Any date in the first calendar month of the row.' },
      { name: 'months', description: 'Number of months, 1 to 1200.' },
      {
        name: 'ramp',
        description:
          'Fractions of full quota for tenure months 1, 2, … (a row or column); 100% after them. Omitted: no ramp.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'end_dates',
        description: 'Column of last days employed, one per rep; a blank cell = still active. Omitted: all active.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'convention',
        description: 'Tenure months: "calendar" (default), "next" or "anniversary".',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: rreFn,
  },
  {
    name: 'HIRES',
    description:
      'Hires (whole people) to start on the 1st of each month so that capacity meets the target every month, with the fewest total hires.',
    parameters: [
      { name: 'targets', description: 'Row of monthly targets (money).', dimensionality: 'matrix' },
      {
        name: 'capacity',
        description: "Row of the existing team's capacity per month, as long as targets (e.g. from CAPACITY).",
        dimensionality: 'matrix',
      },
      { name: 'full_quota', description: 'Fully ramped quota per month of one hire (money, more than 0).' },
      {
        name: 'ramp',
        description:
          'Hire ramp: fractions of full quota for tenure months 1, 2, …, never stepping down; 100% after them. Omitted: no ramp.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'attrition',
        description: 'Monthly attrition rate of the existing team (e.g. 2%). Omitted: 0.',
        optional: true,
      },
      { name: 'lead_time', description: 'Whole months before the first hire can start. Omitted: 0.', optional: true },
      {
        name: 'over_assignment',
        description: 'Quota over-assignment: targets are raised by this fraction (e.g. 10%). Omitted: 0.',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: hiresFn,
  },
  {
    name: 'HIRESGAP',
    description:
      'The shortfall left in each month by the HIRES plan: 0 where the target is met, otherwise the amount no hiring plan can cover because of the lead time or the ramp; spilled as one row.',
    parameters: [
      { name: 'targets', description: 'Row of monthly targets (money).', dimensionality: 'matrix' },
      {
        name: 'capacity',
        description: "Row of the existing team's capacity per month, as long as targets.",
        dimensionality: 'matrix',
      },
      { name: 'full_quota', description: 'Fully ramped quota per month of one hire (money, more than 0).' },
      {
        name: 'ramp',
        description:
          'Hire ramp: fractions of full quota for tenure months 1, 2, …, never stepping down. Omitted: no ramp.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'attrition',
        description: 'Monthly attrition rate of the existing team (e.g. 2%). Omitted: 0.',
        optional: true,
      },
      { name: 'lead_time', description: 'Whole months before the first hire can start. Omitted: 0.', optional: true },
      {
        name: 'over_assignment',
        description: 'Quota over-assignment: targets are raised by this fraction (e.g. 10%). Omitted: 0.',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: hiresGapFn,
  },
  {
    name: 'SEASONALQUOTA',
    description:
      'An annual quota spread over months by seasonality weights that sum to 100%, in cents that add up to the annual quota; spilled as one row.',
    parameters: [
      { name: 'annual_quota', description: 'The annual quota (money, 0 or more).' },
      {
        name: 'weights',
        description: 'Row or column of seasonality weights (fractions or percents) that sum to 1.',
        dimensionality: 'matrix',
      },
    ],
    result: 'matrix',
    fn: seasonalQuotaFn,
  },
  {
    name: 'ALLOCATEQUOTA',
    description:
      "A team target split across reps (evenly, by weight or by prior-year share) scaled by each rep's ramped availability over the horizon; spilled as one column that adds up to the target.",
    parameters: [
      { name: 'target', description: 'The team target for the horizon (money, 0 or more).' },
      {
        name: 'start_dates',
        description:
          "Column of start dates, one per rep; the roster's columns take the same rows, all with their header row or all without.",
        dimensionality: 'matrix',
      },
      { name: 'first_month', description: 'Any date in the first calendar month of the horizon.' },
      { name: 'months', description: 'Number of months in the horizon, 1 to 1200.' },
      { name: 'method', description: '"even" (default), "weight" or "prior" (prior-year share).', optional: true },
      {
        name: 'basis',
        description: 'Column of weights (method "weight") or prior-year amounts (method "prior"), one per rep.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'ramp',
        description: 'Fractions of full quota for tenure months 1, 2, …; 100% after them. Omitted: no ramp.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'end_dates',
        description: 'Column of last days employed, one per rep; a blank cell = still active.',
        dimensionality: 'matrix',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: allocateQuotaFn,
  },
];
