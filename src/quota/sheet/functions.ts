/**
 * The quota custom functions from their cell arguments (as Excel passes them): each reads its arguments with
 * ./roster.ts, calls the calculations of src/quota and shapes the result (one row of months, or one column of
 * reps). functions/quota.ts passes them to `excelCall`.
 */
import { type ArgValue, isBlank } from '../../shared/cells';
import { optionalChoice, toNumber, toNumberVector } from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import { listLength } from '../../shared/limits';
import { type AllocationMethod, allocateQuota } from '../allocation';
import { type CapacityResult, teamCapacity } from '../capacity';
import { hiringSchedule, shortfallByMonth } from '../hiring';
import { checkMonthList } from '../limits';
import { rampQuota, rampSchedule } from '../schedule';
import { spreadAnnual } from '../seasonality';
import { type HiringArgs, readConvention, readHiringInput, readMonths, readRamp, readRep, readRoster } from './roster';

/** RAMPQUOTA: one rep's ramped quota for the calendar month that contains `month` (money, to the cent). */
export function rampQuotaOf(
  fullQuota: ArgValue,
  startDate: ArgValue,
  month: ArgValue,
  ramp: ArgValue,
  endDate: ArgValue,
  convention: ArgValue,
): number {
  return rampQuota(readRep(fullQuota, startDate, endDate), toNumber(month, 'month'), {
    ramp: readRamp(ramp),
    convention: readConvention(convention),
  });
}

/** RAMPSCHEDULE: one rep's ramped quota for consecutive calendar months, one row (money, to the cent). */
export function rampScheduleOf(
  fullQuota: ArgValue,
  startDate: ArgValue,
  firstMonth: ArgValue,
  months: ArgValue,
  ramp: ArgValue,
  endDate: ArgValue,
  convention: ArgValue,
): number[][] {
  const rep = readRep(fullQuota, startDate, endDate);
  const first = toNumber(firstMonth, 'first_month');
  const n = readMonths(months);
  return [rampSchedule(rep, first, n, { ramp: readRamp(ramp), convention: readConvention(convention) })];
}

/** The cell arguments CAPACITY and RRE both take after CAPACITY's full_quotas, in their declared order. */
type RosterArgs = [
  startDates: ArgValue,
  firstMonth: ArgValue,
  months: ArgValue,
  ramp: ArgValue,
  endDates: ArgValue,
  convention: ArgValue,
];

/** CAPACITY's and RRE's shared reading of a roster into the team's capacity per month. */
function teamOf(fullQuotas: ArgValue, ...roster: RosterArgs): CapacityResult {
  const [startDates, firstMonth, months, ramp, endDates, convention] = roster;
  return teamCapacity({
    reps: readRoster(fullQuotas, startDates, endDates, months).reps,
    firstMonth: toNumber(firstMonth, 'first_month'),
    months: readMonths(months),
    ramp: readRamp(ramp),
    convention: readConvention(convention),
  });
}

/** CAPACITY: a team's ramped capacity per calendar month, one row (money, to the cent). */
export function capacityOf(fullQuotas: ArgValue, ...roster: RosterArgs): number[][] {
  return [teamOf(fullQuotas, ...roster).capacity];
}

/** RRE: a team's ramped rep equivalents per calendar month, one row (reps). */
export function rreOf(...roster: RosterArgs): number[][] {
  return [teamOf(1, ...roster).rre];
}

/** HIRES: hires (whole people) to start each month, one row. */
export function hiresOf(...args: HiringArgs): number[][] {
  return [hiringSchedule(readHiringInput(...args)).hires];
}

/** HIRESGAP: the shortfall the HIRES plan leaves in each month, one row (money, to the cent). */
export function hiresGapOf(...args: HiringArgs): number[][] {
  return [shortfallByMonth(hiringSchedule(readHiringInput(...args)))];
}

/** SEASONALQUOTA: an annual quota spread by seasonality weights, one row of cents adding up to it. */
export function seasonalQuotaOf(annualQuota: ArgValue, weights: ArgValue): number[][] {
  checkMonthList(listLength(weights), 'weights', 'weights');
  return [spreadAnnual(toNumber(annualQuota, 'annual_quota'), toNumberVector(weights, 'weights'))];
}

/** ALLOCATEQUOTA: a team target split across reps, one column of cents adding up to the target. */
export function allocateQuotaOf(
  target: ArgValue,
  startDates: ArgValue,
  firstMonth: ArgValue,
  months: ArgValue,
  method: ArgValue,
  basis: ArgValue,
  ramp: ArgValue,
  endDates: ArgValue,
): number[][] {
  const choice = optionalChoice(method, 'method', ['even', 'weight', 'prior'] as const, 'even');
  const m: AllocationMethod = choice === 'prior' ? 'priorYear' : choice;
  if (m !== 'even' && isBlank(basis))
    invalid(`basis: method "${choice}" needs a column of ${choice === 'prior' ? 'prior-year amounts' : 'weights'}.`);
  const roster = readRoster(0, startDates, endDates, months, m === 'even' ? undefined : basis);
  const values = roster.basis;
  const result = allocateQuota({
    target: toNumber(target, 'target'),
    reps: roster.reps.map((r, i) => ({
      start: r.start,
      end: r.end,
      weight: m === 'weight' ? values[i] : undefined,
      priorYear: m === 'priorYear' ? values[i] : undefined,
    })),
    method: m,
    firstMonth: toNumber(firstMonth, 'first_month'),
    months: readMonths(months),
    ramp: readRamp(ramp),
  });
  return result.amounts.map((a) => [a]);
}
