/**
 * Reading the quota functions' arguments from cells (as Excel passes them): a ramp, a tenure convention, a horizon,
 * one rep, a roster of reps read as the columns of one table, and a hiring-plan input. Errors name the argument
 * (and the item); dates are Excel 1900 date serials, ramp steps and rates fractions.
 */
import { type AlignedRange, headerHint, readAligned } from '../../shared/aligned';
import {
  type ArgValue,
  type CellValue,
  describeValue,
  isBlank,
  isBlankOrZero,
  isGrid,
  isOneValue,
} from '../../shared/cells';
import {
  cellNumber,
  optionalChoice,
  optionalDateSerial,
  optionalNumber,
  single,
  toInteger,
  toNumber,
  toNumberVector,
  toVector,
} from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import { listLength } from '../../shared/limits';
import type { HiringInput } from '../hiring';
import { MAX_MONTHS, checkMonthList, checkRosterSize } from '../limits';
import type { Rep } from '../schedule';
import { type TenureConvention, TENURE_CONVENTIONS } from '../tenure';

/**
 * A ramp argument: omitted or all blank → no ramp; trailing blank cells end the schedule, and so do trailing
 * zeros after a step above 0 (blank cells as 0, see BLANK_AS_ZERO; a ramp never falls back to 0 before reaching
 * 100%). Leading zeros are steps of 0% (e.g. a month of onboarding without quota).
 */
export function readRamp(v: ArgValue): number[] {
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
export function readConvention(v: ArgValue): TenureConvention {
  return optionalChoice(v, 'convention', TENURE_CONVENTIONS, 'calendar');
}

/** A horizon length argument: a whole number of months from 1 to MAX_MONTHS. */
export function readMonths(v: ArgValue): number {
  return toInteger(v, 'months', 1, MAX_MONTHS);
}

/** One rep of RAMPQUOTA and RAMPSCHEDULE: full quota per month, start date, optional end date (0: active). */
export function readRep(fullQuota: ArgValue, startDate: ArgValue, endDate: ArgValue): Rep {
  return {
    fullQuota: toNumber(fullQuota, 'full_quota'),
    start: toNumber(startDate, 'start_date'),
    end: optionalDateSerial(endDate, 'end_date'),
  };
}

/** A roster cell that must be a number; `hint` from `headerHint`. */
function rosterNumber(c: CellValue, arg: string, item: number, hint: string): number {
  if (isBlank(c)) invalid(`${arg}: item ${item} is blank; a number is required.`);
  const n = typeof c === 'boolean' ? undefined : cellNumber(c);
  if (n === undefined) invalid(`${arg}: item ${item}: expected a number, got ${describeValue(c)}${hint}.`);
  return n;
}

/**
 * The roster of CAPACITY, RRE and ALLOCATEQUOTA, read as columns of one table (src/shared/aligned.ts: the header
 * row is decided once for start_dates, full_quotas when it is a column, end_dates and basis): quotas (one number
 * for everyone or one per rep), start dates, optional end dates (blank = active; 0 too, see BLANK_AS_ZERO, and 0
 * is never a date) and an optional basis column (weights or prior-year amounts). Refuses a roster past its size
 * limits (reps, reps × `months`) before reading it.
 */
export function readRoster(
  fullQuotas: ArgValue,
  startDates: ArgValue,
  endDates: ArgValue,
  months: ArgValue,
  basis?: ArgValue,
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

/** The cell arguments HIRES and HIRESGAP both take, in their declared order. */
export type HiringArgs = [
  targets: ArgValue,
  capacity: ArgValue,
  fullQuota: ArgValue,
  ramp: ArgValue,
  attrition: ArgValue,
  leadTime: ArgValue,
  overAssignment: ArgValue,
];

/** The hiring-plan input of HIRES and HIRESGAP, read in argument order (the first bad argument names the error). */
export function readHiringInput(...args: HiringArgs): HiringInput {
  const [targets, capacity, fullQuota, ramp, attrition, leadTime, overAssignment] = args;
  checkMonthList(listLength(targets), 'targets');
  return {
    targets: toNumberVector(targets, 'targets'),
    capacity: toNumberVector(capacity, 'capacity'),
    fullQuota: toNumber(fullQuota, 'full_quota'),
    ramp: readRamp(ramp),
    attrition: optionalNumber(attrition, 'attrition', 0),
    leadTime: toInteger(optionalNumber(leadTime, 'lead_time', 0), 'lead_time', 0, MAX_MONTHS),
    overAssignment: optionalNumber(overAssignment, 'over_assignment', 0),
  };
}
