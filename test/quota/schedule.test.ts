/**
 * Ramped quota of one rep: hand-worked cases for each tenure convention, partial months, leap years, end dates.
 * Notation: F = full quota per month; ramp R = [0.25, 0.5, 0.75] then 1 unless said otherwise.
 */
import fc from 'fast-check';
import { ModelInputError } from '../../src/shared/errors';
import { rampQuota, rampSchedule, MAX_MONTHS } from '../../src/quota';
import { serial } from './helpers';

const R = [0.25, 0.5, 0.75];
const F = 12000;

describe('calendar convention (default): tenure month 1 = the calendar month of the start date', () => {
  test('a start on the 1st is a whole first month', () => {
    // Mar: 12000 × 0.25 = 3000; Apr × 0.5 = 6000; May × 0.75 = 9000; Jun 12000 (after the ramp).
    expect(rampSchedule({ fullQuota: F, start: serial('2024-03-01') }, serial('2024-03-01'), 4, { ramp: R })).toEqual([
      3000, 6000, 9000, 12000,
    ]);
  });

  test('a mid-month start in a 31-day month is prorated by calendar days', () => {
    // Start Jan 17: employed Jan 17..31 = 15 of 31 days. Jan: 12000 × 0.25 × 15/31 = 45000/31 = 1451.6129 → 1451.61.
    // Feb = tenure month 2: 12000 × 0.5 = 6000; Mar 9000; Apr 12000. Dec 2023 (before the start) 0.
    expect(rampSchedule({ fullQuota: F, start: serial('2024-01-17') }, serial('2023-12-05'), 5, { ramp: R })).toEqual([
      0, 1451.61, 6000, 9000, 12000,
    ]);
  });

  test('a mid-month start in February of a leap year (29 days)', () => {
    // Start 2024-02-10: employed Feb 10..29 = 20 of 29 days: 12000 × 0.25 × 20/29 = 60000/29 = 2068.9655 → 2068.97.
    expect(rampQuota({ fullQuota: F, start: serial('2024-02-10') }, serial('2024-02-29'), { ramp: R })).toBe(2068.97);
  });

  test('a mid-month start in February of a non-leap year (28 days)', () => {
    // Start 2023-02-10: employed Feb 10..28 = 19 of 28 days: 12000 × 0.25 × 19/28 = 57000/28 = 2035.7143 → 2035.71.
    expect(rampQuota({ fullQuota: F, start: serial('2023-02-10') }, serial('2023-02-01'), { ramp: R })).toBe(2035.71);
  });

  test('an end date in the middle of a ramp month: prorated, nothing after', () => {
    // Start 2024-01-01, last day 2024-02-14. Jan 12000 × 0.25 = 3000. Feb (leap, 29 days) employed 14 days at
    // step 0.5: 12000 × 0.5 × 14/29 = 84000/29 = 2896.5517 → 2896.55. Mar, Apr: 0.
    const rep = { fullQuota: F, start: serial('2024-01-01'), end: serial('2024-02-14') };
    expect(rampSchedule(rep, serial('2024-01-01'), 4, { ramp: R })).toEqual([3000, 2896.55, 0, 0]);
  });

  test('start and end in the same month', () => {
    // Jan 10..20 = 11 of 31 days, no ramp: 12000 × 11/31 = 132000/31 = 4258.0645 → 4258.06.
    const rep = { fullQuota: F, start: serial('2024-01-10'), end: serial('2024-01-20') };
    expect(rampQuota(rep, serial('2024-01-15'))).toBe(4258.06);
  });

  test('a ramp longer than the schedule never reaches full quota', () => {
    // Six ramp steps 0.1 … 0.6; three months: 1200, 2400, 3600.
    const long = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    expect(
      rampSchedule({ fullQuota: F, start: serial('2024-01-01') }, serial('2024-01-01'), 3, { ramp: long }),
    ).toEqual([1200, 2400, 3600]);
  });

  test('no ramp: full quota from the first whole month', () => {
    expect(rampSchedule({ fullQuota: 1000, start: serial('2024-01-01') }, serial('2024-01-01'), 2)).toEqual([
      1000, 1000,
    ]);
  });

  test("the rep's own ramp wins over the ramp option", () => {
    // Own ramp [0.5]: Jan 12000 × 0.5 = 6000 (the option's 0.25 would give 3000).
    expect(
      rampQuota({ fullQuota: F, start: serial('2024-01-01'), ramp: [0.5] }, serial('2024-01-01'), { ramp: R }),
    ).toBe(6000);
  });
});

describe('"next" convention: ramp month 1 is the first full month; the partial start month is prorated at step 1', () => {
  test('mid-month start', () => {
    // Start Jan 17: Jan 12000 × 0.25 × 15/31 = 1451.61; Feb step 1 (first full month) 3000; Mar step 2 6000;
    // Apr step 3 9000; May 12000.
    expect(
      rampSchedule({ fullQuota: F, start: serial('2024-01-17') }, serial('2024-01-01'), 5, {
        ramp: R,
        convention: 'next',
      }),
    ).toEqual([1451.61, 3000, 6000, 9000, 12000]);
  });

  test('a start on the 1st is the same as calendar', () => {
    expect(
      rampSchedule({ fullQuota: F, start: serial('2024-03-01') }, serial('2024-03-01'), 4, {
        ramp: R,
        convention: 'next',
      }),
    ).toEqual([3000, 6000, 9000, 12000]);
  });
});

describe('"anniversary" convention: tenure months counted from the start date (as EDATE), prorated by day', () => {
  test('mid-month start: two tenure months share a calendar month', () => {
    // Start Jan 17. Jan: 17..31 = 15 days at 0.25: 12000 × 3.75/31 = 45000/31 → 1451.61.
    // Feb (29 days): 1..16 at 0.25 (16 × 0.25 = 4), 17..29 at 0.5 (13 × 0.5 = 6.5): 12000 × 10.5/29 = 126000/29
    //   = 4344.8276 → 4344.83.
    // Mar (31): 1..16 at 0.5 (8), 17..31 at 0.75 (15 × 0.75 = 11.25): 12000 × 19.25/31 = 231000/31 = 7451.6129 → 7451.61.
    // Apr (30): 1..16 at 0.75 (12), 17..30 at 1 (14): 12000 × 26/30 = 10400. May: 12000.
    expect(
      rampSchedule({ fullQuota: F, start: serial('2024-01-17') }, serial('2024-01-01'), 5, {
        ramp: R,
        convention: 'anniversary',
      }),
    ).toEqual([1451.61, 4344.83, 7451.61, 10400, 12000]);
  });

  test('a start on the 31st: the anniversary in a short month is its last day (as EDATE)', () => {
    // Ramp [0.5]. Jan: Jan 31 only, 1 day at 0.5: 12000 × 0.5/31 = 6000/31 = 193.548 → 193.55.
    // Feb (29): EDATE(Jan 31, 1) = Feb 29: 1..28 at 0.5 (14), 29 at 1 (1): 12000 × 15/29 = 180000/29 = 6206.8966 → 6206.90.
    // Mar: tenure 2 then 3, both 1: 12000.
    expect(
      rampSchedule({ fullQuota: F, start: serial('2024-01-31') }, serial('2024-01-01'), 3, {
        ramp: [0.5],
        convention: 'anniversary',
      }),
    ).toEqual([193.55, 6206.9, 12000]);
  });

  test('an end date inside the second tenure month of a calendar month', () => {
    // Start Jan 17, last day Feb 20, ramp R. Feb: 1..16 at 0.25 (4), 17..20 at 0.5 (2): 12000 × 6/29 = 72000/29
    //   = 2482.7586 → 2482.76. Mar: 0.
    const rep = { fullQuota: F, start: serial('2024-01-17'), end: serial('2024-02-20') };
    expect(rampSchedule(rep, serial('2024-02-01'), 2, { ramp: R, convention: 'anniversary' })).toEqual([2482.76, 0]);
  });
});

describe('bad input is a ModelInputError naming the argument', () => {
  const rep = { fullQuota: F, start: serial('2024-01-01') };
  test.each([
    ['a start after the end', () => rampQuota({ ...rep, end: serial('2023-12-31') }, serial('2024-01-01')), 'end_date'],
    ['a ramp step above 1', () => rampQuota(rep, serial('2024-01-01'), { ramp: [0.5, 1.2] }), 'ramp: tenure month 2'],
    ['a negative ramp step', () => rampQuota(rep, serial('2024-01-01'), { ramp: [-0.1] }), 'ramp'],
    ['a negative quota', () => rampQuota({ ...rep, fullQuota: -1 }, serial('2024-01-01')), 'full_quota'],
    ['a date before 1900', () => rampQuota(rep, 0), 'month'],
    ['months < 1', () => rampSchedule(rep, serial('2024-01-01'), 0), 'months'],
    ['months = 1e9 (no hang)', () => rampSchedule(rep, serial('2024-01-01'), 1e9), `at most ${MAX_MONTHS}`],
    ['fractional months', () => rampSchedule(rep, serial('2024-01-01'), 2.5), 'months'],
    ['months past 9999', () => rampSchedule(rep, serial('9999-06-01'), 12), 'December 9999'],
  ])('%s', (_what, call, message) => {
    expect(call).toThrow(ModelInputError);
    expect(call).toThrow(message);
  });
});

describe('conventions agree where they should', () => {
  test('property: for a start on the 1st, all three conventions give the same schedule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }),
        fc.integer({ min: -3, max: 3 }),
        (year, month, steps, offset) => {
          const start = serial(`${year}-${String(month).padStart(2, '0')}-01`);
          const ramp = steps.map((p) => p / 100);
          const first = start + offset * 30;
          const rep = { fullQuota: 9876.54, start };
          const cal = rampSchedule(rep, first, 10, { ramp });
          expect(rampSchedule(rep, first, 10, { ramp, convention: 'next' })).toEqual(cal);
          expect(rampSchedule(rep, first, 10, { ramp, convention: 'anniversary' })).toEqual(cal);
        },
      ),
      { seed: 31, numRuns: 300 },
    );
  });

  test("Excel's fictitious 1900-02-29: February 1900 has 29 days", () => {
    // Serial 46 = 1900-02-15 (serial 32 = 1900-02-01). Employed Feb 15..29 = 15 of 29 days: 1000 × 15/29
    // = 517.2414 → 517.24.
    expect(rampQuota({ fullQuota: 1000, start: 46 }, 32)).toBe(517.24);
  });
});
