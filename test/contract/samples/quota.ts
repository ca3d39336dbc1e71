import type { FunctionSample } from '../harness';

// Excel 1900 date serials used below (serial = days since 1899-12-30 for dates after 1900-03-01):
const JAN_1_2024 = 45292;
const JAN_17_2024 = 45308;
const JAN_31_2024 = 45322;
const FEB_15_2024 = 45337; // February 2024 has 29 days (leap year)
const JUL_1_2024 = 45474;

export const samples: FunctionSample[] = [
  // Start 2024-01-17: tenure month 1 = January, employed Jan 17..31 = 15 of 31 days, ramp step 1 = 0.25:
  // 12000 × 0.25 × 15/31 = 45000/31 = 1451.6129… → 1451.61
  {
    id: 'RAMPQUOTA',
    what: 'mid-month start in a 31-day month, first ramp step',
    args: [12000, JAN_17_2024, JAN_31_2024, [[0.25, 0.5, 0.75]], null, null],
    expect: 1451.61,
  },
  {
    id: 'RAMPQUOTA',
    what: 'ramp step above 100%',
    args: [12000, JAN_17_2024, JAN_31_2024, [[0.25, 1.5]], null, null],
    expect: { error: '#VALUE!', messageIncludes: 'ramp' },
  },
  // Start 2024-02-15, ramp 0.5 then 1: Jan 0 (before start); Feb employed 15..29 = 15 of 29 days:
  // 10000 × 0.5 × 15/29 = 75000/29 = 2586.2068… → 2586.21; Mar tenure 2 → 10000; Apr 10000.
  {
    id: 'RAMPSCHEDULE',
    what: 'mid-month start in a leap February, one row',
    args: [10000, FEB_15_2024, JAN_1_2024, 4, [[0.5]], null, null],
    expect: [[0, 2586.21, 10000, 10000]],
  },
  {
    id: 'RAMPSCHEDULE',
    what: 'months below 1',
    args: [10000, FEB_15_2024, JAN_1_2024, 0, null, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'months' },
  },
  // Rep A 10000 from 2024-01-01, ramp 0.5: Jan 5000, Feb 10000, Mar 10000.
  // Rep B 8000 from 2024-02-15: Jan 0, Feb 8000 × 0.5 × 15/29 = 60000/29 = 2068.9655… → 2068.97, Mar 8000.
  // Sums: 5000, 12068.97, 18000.
  {
    id: 'CAPACITY',
    what: 'two reps, one mid-month start',
    args: [[[10000], [8000]], [[JAN_1_2024], [FEB_15_2024]], JAN_1_2024, 3, [[0.5]], null, null],
    expect: [[5000, 12068.97, 18000]],
  },
  {
    id: 'CAPACITY',
    what: 'end dates not one per start date',
    args: [10000, [[JAN_1_2024], [FEB_15_2024]], JAN_1_2024, 3, null, [[JUL_1_2024]], null],
    expect: { error: '#VALUE!', messageIncludes: 'end_dates' },
  },
  // Same two reps as CAPACITY: A 0.5, 1, 1; B 0, 0.5 × 15/29 = 7.5/29 = 0.258620689…, 1.
  {
    id: 'RRE',
    what: 'ramped rep equivalents',
    args: [[[JAN_1_2024], [FEB_15_2024]], JAN_1_2024, 3, [[0.5]], null, null],
    expect: [[0.5, 1 + 7.5 / 29, 2]],
  },
  {
    id: 'RRE',
    what: 'start date after end date',
    args: [[[FEB_15_2024]], JAN_1_2024, 3, null, [[JAN_17_2024]], null],
    expect: { error: '#VALUE!', messageIncludes: 'end_dates' },
  },
  // Shortfall 0, 0, 10000, 10000; lead time 1 (first hire in month 2); ramp 0.5 then 1.
  // A hire starting in month 2 carries 0.5 × 10000 = 5000 in month 2 and 10000 from month 3: one hire covers
  // months 3 and 4. Starting in month 3 would give only 5000 in month 3, so month 2 is the latest start.
  {
    id: 'HIRES',
    what: 'one hire a month ahead of the need because of the ramp',
    args: [[[10000, 10000, 20000, 20000]], [[10000, 10000, 10000, 10000]], 10000, [[0.5]], null, 1, null],
    expect: [[0, 1, 0, 0]],
  },
  {
    id: 'HIRES',
    what: 'targets and capacity of different lengths',
    args: [[[10000, 10000]], [[10000, 10000, 10000]], 10000, null, null, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'capacity' },
  },
  // Lead time 1: month 1 is 100 short and no hire can start before month 2 → shortfall 100 left; month 2 is met
  // by one hire of 100 (no ramp) → 0.
  {
    id: 'HIRESGAP',
    what: 'a shortfall inside the lead time is left',
    args: [[[200, 200]], [[100, 100]], 100, null, null, 1, null],
    expect: [[100, 0]],
  },
  {
    id: 'HIRESGAP',
    what: 'a ramp that steps down',
    args: [[[200, 200]], [[100, 100]], 100, [[1, 0.5]], null, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'ramp' },
  },
  // 100 by thirds: 3333 cents each = 9999, the 1 cent left goes to the first (ties to the earlier).
  {
    id: 'SEASONALQUOTA',
    what: 'thirds to the cent, adding up',
    args: [100, [[1 / 3, 1 / 3, 1 / 3]]],
    expect: [[33.34, 33.33, 33.33]],
  },
  {
    id: 'SEASONALQUOTA',
    what: 'weights that do not sum to 1',
    args: [1200, [[0.5, 0.4]]],
    expect: { error: '#VALUE!', messageIncludes: 'sum to 1' },
  },
  // Availability over 2024: reps 1 and 2 all 12 months = 1; rep 3 from July = 6/12 = 0.5. Shares 1 : 1 : 0.5
  // of 2.5: 120000 × 0.4 = 48000, 48000, 120000 × 0.2 = 24000.
  {
    id: 'ALLOCATEQUOTA',
    what: 'even split, a mid-year starter gets half',
    args: [120000, [[JAN_1_2024], [JAN_1_2024], [JUL_1_2024]], JAN_1_2024, 12, null, null, null, null],
    expect: [[48000], [48000], [24000]],
  },
  {
    id: 'ALLOCATEQUOTA',
    what: 'weight method without weights',
    args: [120000, [[JAN_1_2024]], JAN_1_2024, 12, 'weight', null, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'basis' },
  },
];
