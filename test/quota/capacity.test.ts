/**
 * Team capacity and ramped rep equivalents: hand-worked attrition and backfill, and properties against the
 * individual schedules.
 */
import fc from 'fast-check';
import { sumCents } from '../../src/shared/money';
import { type Rep, type TenureConvention, rampSchedule, teamCapacity } from '../../src/quota';
import { serial } from './helpers';

const JAN_2024 = serial('2024-01-01');
const TENURED = serial('2023-01-01');

describe('teamCapacity: hand-worked', () => {
  test('capacity and RRE of two reps, one starting mid-month', () => {
    // A: 10000 from 2024-01-01, ramp [0.5]: Jan 5000, Feb 10000, Mar 10000; RRE 0.5, 1, 1.
    // B: 8000 from 2024-02-15: Feb 8000 × 0.5 × 15/29 = 60000/29 = 2068.9655 → 2068.97, Mar 8000; RRE 0, 7.5/29, 1.
    const r = teamCapacity({
      reps: [
        { fullQuota: 10000, start: JAN_2024 },
        { fullQuota: 8000, start: serial('2024-02-15') },
      ],
      firstMonth: JAN_2024,
      months: 3,
      ramp: [0.5],
    });
    expect(r.capacity).toEqual([5000, 12068.97, 18000]);
    expect(r.scheduled).toEqual([5000, 12068.97, 18000]);
    expect(r.rre[0]).toBeCloseTo(0.5, 12);
    expect(r.rre[1]).toBeCloseTo(1 + 7.5 / 29, 12);
    expect(r.rre[2]).toBeCloseTo(2, 12);
  });

  const twoTenured: Rep[] = [
    { fullQuota: 10000, start: TENURED },
    { fullQuota: 10000, start: TENURED },
  ];

  test('attrition on the tenured team, no backfill', () => {
    // 20000 tenured; survival 1, 0.9, 0.81 → 20000, 18000, 16200. RRE 2, 1.8, 1.62.
    const r = teamCapacity({ reps: twoTenured, firstMonth: JAN_2024, months: 3, attrition: 0.1 });
    expect(r.capacity).toEqual([20000, 18000, 16200]);
    expect(r.rre.map((x) => Number(x.toFixed(12)))).toEqual([2, 1.8, 1.62]);
    expect(r.scheduled).toEqual([20000, 20000, 20000]);
  });

  test('attrition with backfill, lead time 0, backfill ramp [0.5]', () => {
    // Expected departures: end of month 0: 0.1 of the team; end of month 1: 0.9 × 0.1 = 0.09.
    // Month 0: 20000.
    // Month 1: 0.9 × 20000 + (month-0 leavers restart, step 0.5) 20000 × 0.1 × 0.5 = 18000 + 1000 = 19000.
    // Month 2: 0.81 × 20000 + 20000 × 0.1 × 1 + 20000 × 0.09 × 0.5 = 16200 + 2000 + 900 = 19100.
    // RRE: 2; 1.8 + 2 × 0.1 × 0.5 = 1.9; 1.62 + 0.2 + 0.09 = 1.91.
    const r = teamCapacity({
      reps: twoTenured,
      firstMonth: JAN_2024,
      months: 3,
      attrition: 0.1,
      backfill: { leadTime: 0, ramp: [0.5] },
    });
    expect(r.capacity).toEqual([20000, 19000, 19100]);
    expect(r.rre.map((x) => Number(x.toFixed(12)))).toEqual([2, 1.9, 1.91]);
  });

  test('backfill with a lead time of 1 month starts a month later', () => {
    // Month 1: 18000 (no replacement yet). Month 2: 16200 + 20000 × 0.1 × 0.5 = 17200.
    const r = teamCapacity({
      reps: twoTenured,
      firstMonth: JAN_2024,
      months: 3,
      attrition: 0.1,
      backfill: { leadTime: 1, ramp: [0.5] },
    });
    expect(r.capacity).toEqual([20000, 18000, 17200]);
  });

  test('reps who start during the horizon are not attrited; departures stop at an end date', () => {
    // Tenured A (10000, leaves after Jan 31 by plan), tenured B 10000, new C 10000 from Feb 1; attrition 0.1.
    // Jan: A 10000 + B 10000 = 20000 (survival 1). Feb: B 0.9 × 10000 + C 10000 = 19000. Mar: 8100 + 10000 = 18100.
    // Backfill (lead 0, no ramp): leavers at end of Jan are 0.1 of B only (A leaves by plan, not attrition):
    // Feb + 10000 × 0.1 = 1000 → 20000; Mar + 1000 + 10000 × 0.09 = 1900 → 20000.
    const reps: Rep[] = [
      { fullQuota: 10000, start: TENURED, end: serial('2024-01-31') },
      { fullQuota: 10000, start: TENURED },
      { fullQuota: 10000, start: serial('2024-02-01') },
    ];
    expect(teamCapacity({ reps, firstMonth: JAN_2024, months: 3, attrition: 0.1 }).capacity).toEqual([
      20000, 19000, 18100,
    ]);
    expect(
      teamCapacity({ reps, firstMonth: JAN_2024, months: 3, attrition: 0.1, backfill: { leadTime: 0 } }).capacity,
    ).toEqual([20000, 20000, 20000]);
  });

  test('bad input names the rep', () => {
    const reps: Rep[] = [
      { fullQuota: 1, start: JAN_2024 },
      { fullQuota: 1, start: JAN_2024, end: TENURED },
    ];
    expect(() => teamCapacity({ reps, firstMonth: JAN_2024, months: 3 })).toThrow('end_dates: rep 2');
    expect(() => teamCapacity({ reps: [], firstMonth: JAN_2024, months: 3, attrition: 1 })).toThrow('attrition');
    expect(() => teamCapacity({ reps: [], firstMonth: JAN_2024, months: 1e9 })).toThrow('months');
  });
});

// Random rosters between 2022 and 2026, cent-valued quotas, ramps of up to 6 steps.
const dayArb = fc.integer({ min: serial('2022-01-01'), max: serial('2026-12-31') });
const rampArb = fc.array(
  fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  { maxLength: 6 },
);
const repArb = fc
  .record({
    cents: fc.integer({ min: 0, max: 5_000_000 }),
    start: dayArb,
    length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
    ramp: fc.option(rampArb, { nil: undefined }),
  })
  .map((r): Rep => ({
    fullQuota: r.cents / 100,
    start: r.start,
    end: r.length === undefined ? undefined : r.start + r.length,
    ramp: r.ramp,
  }));
const conventionArb = fc.constantFrom<TenureConvention>('calendar', 'next', 'anniversary');

describe('properties', () => {
  test('a schedule over a full year never exceeds 12 × full quota, nor any month the full quota', () => {
    fc.assert(
      fc.property(repArb, dayArb, rampArb, conventionArb, (rep, first, ramp, convention) => {
        const s = rampSchedule(rep, first, 12, { ramp, convention });
        expect(s.every((q) => q >= 0 && q <= rep.fullQuota)).toBe(true);
        // Compared in integer cents (12 × 4948.9 is 59386.799999… in binary floating point).
        expect(Math.round(sumCents(s) * 100)).toBeLessThanOrEqual(12 * Math.round(rep.fullQuota * 100));
      }),
      { seed: 4, numRuns: 500 },
    );
  });

  test('with no ramp, a rep employed the whole year carries exactly 12 × full quota in every convention', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), conventionArb, (cents, convention) => {
        const rep: Rep = { fullQuota: cents / 100, start: serial('2020-06-17') };
        const s = rampSchedule(rep, serial('2024-01-01'), 12, { convention });
        expect(sumCents(s)).toBe(sumCents(new Array(12).fill(cents / 100)));
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  test('capacity (no attrition) is exactly the sum of the individual schedules, to the cent', () => {
    fc.assert(
      fc.property(
        fc.array(repArb, { maxLength: 12 }),
        dayArb,
        fc.integer({ min: 1, max: 30 }),
        rampArb,
        conventionArb,
        (reps, first, months, ramp, convention) => {
          const team = teamCapacity({ reps, firstMonth: first, months, ramp, convention });
          const each = reps.map((rep) => rampSchedule(rep, first, months, { ramp, convention }));
          for (let i = 0; i < months; i++) {
            const sum = sumCents(each.map((s) => s[i]));
            expect(team.capacity[i]).toBe(sum);
            expect(team.scheduled[i]).toBe(sum);
          }
        },
      ),
      { seed: 6, numRuns: 300 },
    );
  });

  // Replacements are new hires with no end date on the backfill ramp, so a backfilled team can carry more than the
  // roster as planned when a rep had a planned end or a slower ramp of its own; the upper bound holds for
  // open-ended reps on the same (here: no) ramp as their replacements.
  test('attrition never raises capacity; backfill never lowers it nor (for open-ended reps) exceeds no attrition', () => {
    fc.assert(
      fc.property(
        fc.array(
          repArb.map((r) => ({ ...r, end: undefined, ramp: undefined })),
          { maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 50 }).map((p) => p / 100),
        fc.integer({ min: 0, max: 6 }),
        (reps, months, attrition, leadTime) => {
          const base = { reps, firstMonth: JAN_2024, months };
          const none = teamCapacity(base).capacity;
          const lost = teamCapacity({ ...base, attrition }).capacity;
          const back = teamCapacity({ ...base, attrition, backfill: { leadTime } }).capacity;
          for (let i = 0; i < months; i++) {
            expect(lost[i]).toBeLessThanOrEqual(none[i]);
            expect(back[i]).toBeGreaterThanOrEqual(lost[i]);
            expect(back[i]).toBeLessThanOrEqual(none[i] + 0.01);
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});
