/**
 * The quota custom functions (SALESOPS namespace): one declaration each; the work is done by the entry points of
 * src/quota/sheet/functions.ts. Dates are Excel 1900 date serials; ramp steps, attrition and over-assignment are
 * fractions (25% or 0.25). Spilled results are one row (months) or one column (reps).
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration, ParameterDeclaration } from './declaration';
import {
  allocateQuotaOf,
  capacityOf,
  hiresGapOf,
  hiresOf,
  rampQuotaOf,
  rampScheduleOf,
  rreOf,
  seasonalQuotaOf,
} from '../src/quota/sheet/functions';

/** Parameters that several functions declare with the same text (the same in functions.json). */
const fullQuotaParam: ParameterDeclaration = {
  name: 'full_quota',
  description: 'Fully ramped quota per calendar month (money, 0 or more).',
};
const startDateParam: ParameterDeclaration = { name: 'start_date', description: "The rep's first day (a date)." };
const endDateParam: ParameterDeclaration = {
  name: 'end_date',
  description: "The rep's last day employed (a date). Omitted or 0: still active.",
  optional: true,
};
const firstMonthParam: ParameterDeclaration = {
  name: 'first_month',
  description: 'Any date in the first calendar month of the row.',
};
const monthsParam: ParameterDeclaration = { name: 'months', description: 'Number of months, 1 to 1200.' };
const rampParam: ParameterDeclaration = {
  name: 'ramp',
  description:
    'Fractions of full quota for tenure months 1, 2, … (a row or column); 100% after them. Omitted: no ramp.',
  dimensionality: 'matrix',
  optional: true,
};
const conventionParam: ParameterDeclaration = {
  name: 'convention',
  description: 'Tenure months: "calendar" (default), "next" or "anniversary".',
  optional: true,
};
const startDatesParam: ParameterDeclaration = {
  name: 'start_dates',
  description:
    "Column of start dates, one per rep; the roster's columns take the same rows, all with their header row or all without.",
  dimensionality: 'matrix',
};
const endDatesParam: ParameterDeclaration = {
  name: 'end_dates',
  description: 'Column of last days employed, one per rep; a blank cell = still active. Omitted: all active.',
  dimensionality: 'matrix',
  optional: true,
};
/** The roster and horizon CAPACITY and RRE both take (CAPACITY after its full_quotas). */
const rosterParams: readonly ParameterDeclaration[] = [
  startDatesParam,
  firstMonthParam,
  monthsParam,
  rampParam,
  endDatesParam,
  conventionParam,
];
/**
 * HIRES and HIRESGAP: the same seven arguments, read by one reader (src/quota/sheet/roster.ts `readHiringInput`);
 * only their names, descriptions and the texts of capacity and ramp differ.
 */
function hiringFunction(
  name: string,
  description: string,
  capacityDescription: string,
  rampDescription: string,
  kernel: typeof hiresOf,
): FunctionDeclaration {
  return {
    name,
    description,
    parameters: [
      { name: 'targets', description: 'Row of monthly targets (money).', dimensionality: 'matrix' },
      { name: 'capacity', description: capacityDescription, dimensionality: 'matrix' },
      { name: 'full_quota', description: 'Fully ramped quota per month of one hire (money, more than 0).' },
      { name: 'ramp', description: rampDescription, dimensionality: 'matrix', optional: true },
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
    fn: (targets, capacity, full_quota, ramp, attrition, lead_time, over_assignment) =>
      excelCall(kernel, targets, capacity, full_quota, ramp, attrition, lead_time, over_assignment),
  };
}

/** The quota functions, in the order of functions.json. */
export const QUOTA_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'RAMPQUOTA',
    description:
      'The ramped quota of one rep for the calendar month that contains a date: full quota × ramp step × days employed ÷ days in the month.',
    parameters: [
      fullQuotaParam,
      startDateParam,
      { name: 'month', description: 'Any date in the calendar month to compute.' },
      {
        name: 'ramp',
        description:
          'Fractions of full quota for tenure months 1, 2, … (a row or column, e.g. 25%, 50%, 75%); 100% after them. Omitted: no ramp.',
        dimensionality: 'matrix',
        optional: true,
      },
      endDateParam,
      {
        name: 'convention',
        description:
          'Tenure months: "calendar" (default: month 1 = the start month), "next" (month 1 = the first full month) or "anniversary" (counted from the start date).',
        optional: true,
      },
    ],
    fn: (full_quota, start_date, month, ramp, end_date, convention) =>
      excelCall(rampQuotaOf, full_quota, start_date, month, ramp, end_date, convention),
  },
  {
    name: 'RAMPSCHEDULE',
    description: "One rep's ramped quota for consecutive calendar months, spilled as one row.",
    parameters: [
      fullQuotaParam,
      startDateParam,
      firstMonthParam,
      monthsParam,
      rampParam,
      endDateParam,
      conventionParam,
    ],
    result: 'matrix',
    fn: (full_quota, start_date, first_month, months, ramp, end_date, convention) =>
      excelCall(rampScheduleOf, full_quota, start_date, first_month, months, ramp, end_date, convention),
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
      ...rosterParams,
    ],
    result: 'matrix',
    fn: (full_quotas, start_dates, first_month, months, ramp, end_dates, convention) =>
      excelCall(capacityOf, full_quotas, start_dates, first_month, months, ramp, end_dates, convention),
  },
  {
    name: 'RRE',
    description:
      "A team's ramped rep equivalents per calendar month (a fully ramped rep employed all month counts 1), spilled as one row.",
    parameters: rosterParams,
    result: 'matrix',
    fn: (start_dates, first_month, months, ramp, end_dates, convention) =>
      excelCall(rreOf, start_dates, first_month, months, ramp, end_dates, convention),
  },
  hiringFunction(
    'HIRES',
    'Hires (whole people) to start on the 1st of each month so that capacity meets the target every month, with the fewest total hires.',
    "Row of the existing team's capacity per month, as long as targets (e.g. from CAPACITY).",
    'Hire ramp: fractions of full quota for tenure months 1, 2, …, never stepping down; 100% after them. Omitted: no ramp.',
    hiresOf,
  ),
  hiringFunction(
    'HIRESGAP',
    'The shortfall left in each month by the HIRES plan: 0 where the target is met, otherwise the amount no hiring plan can cover because of the lead time or the ramp; spilled as one row.',
    "Row of the existing team's capacity per month, as long as targets.",
    'Hire ramp: fractions of full quota for tenure months 1, 2, …, never stepping down. Omitted: no ramp.',
    hiresGapOf,
  ),
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
    fn: (annual_quota, weights) => excelCall(seasonalQuotaOf, annual_quota, weights),
  },
  {
    name: 'ALLOCATEQUOTA',
    description:
      "A team target split across reps (evenly, by weight or by prior-year share) scaled by each rep's ramped availability over the horizon; spilled as one column that adds up to the target.",
    parameters: [
      { name: 'target', description: 'The team target for the horizon (money, 0 or more).' },
      startDatesParam,
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
    fn: (target, start_dates, first_month, months, method, basis, ramp, end_dates) =>
      excelCall(allocateQuotaOf, target, start_dates, first_month, months, method, basis, ramp, end_dates),
  },
];
