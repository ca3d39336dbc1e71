/**
 * Seasonality spread, quarterly roll-ups and top-down allocation: hand-worked cases and reconciliation to the cent.
 */
import fc from 'fast-check';
import { sumCents } from '../../src/shared/money';
import { centsOf, roundHalfAwayFromZero } from '../../src/shared/money';
import { allocateQuota, quarterlyRollup, spreadAnnual } from '../../src/quota';
import { splitCents } from '../../src/shared/money';
import { serial } from './helpers';

const JAN_2024 = serial('2024-01-01');

describe('seasonality', () => {
  // Q1 6% a month, Q2 and Q3 8%, Q4 10%, 11%, 13%: sum 18 + 24 + 24 + 34 = 100%.
  const weights = [0.06, 0.06, 0.06, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.1, 0.11, 0.13];

  test('an annual quota spread by month and rolled up by quarter', () => {
    // 120000 × 6% = 7200; × 8% = 9600; × 10% = 12000, × 11% = 13200, × 13% = 15600.
    const monthly = spreadAnnual(120000, weights);
    expect(monthly).toEqual([7200, 7200, 7200, 9600, 9600, 9600, 9600, 9600, 9600, 12000, 13200, 15600]);
    // Quarters: 3 × 7200 = 21600; 3 × 9600 = 28800 twice; 12000 + 13200 + 15600 = 40800; total 120000.
    expect(quarterlyRollup(monthly)).toEqual([21600, 28800, 28800, 40800]);
  });

  test('a partial last quarter sums what it has', () => {
    expect(quarterlyRollup([1, 2, 3, 4])).toEqual([6, 4]);
  });

  test('weights that do not sum to 1 and negative weights are errors', () => {
    expect(() => spreadAnnual(100, [0.5, 0.4])).toThrow('sum to 1');
    expect(() => spreadAnnual(100, [1.5, -0.5])).toThrow('item 2');
    expect(() => spreadAnnual(-1, [1])).toThrow('annual_quota');
  });

  test('property: the months add up to the annual quota to the cent, each within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 24 })
          .filter((w) => w.some((x) => x > 0)),
        (cents, raw) => {
          const total = raw.reduce((a, b) => a + b, 0);
          const w = raw.map((x) => x / total);
          const parts = spreadAnnual(cents / 100, w);
          expect(Math.round(sumCents(parts) * 100)).toBe(cents);
          parts.forEach((p, i) => expect(Math.abs(p * 100 - (cents * raw[i]) / total)).toBeLessThan(1 + 1e-6));
        },
      ),
      { seed: 21, numRuns: 300 },
    );
  });
});

describe('top-down allocation', () => {
  const fullYear = { start: serial('2023-01-01') };

  test('even split: a mid-year starter gets half', () => {
    // Availability 1, 1, 6/12 = 0.5 → shares 0.4, 0.4, 0.2 of 120000.
    const a = allocateQuota({
      target: 120000,
      reps: [fullYear, fullYear, { start: serial('2024-07-01') }],
      method: 'even',
      firstMonth: JAN_2024,
      months: 12,
    });
    expect(a.amounts).toEqual([48000, 48000, 24000]);
    expect(a.availability).toEqual([1, 1, 0.5]);
  });

  test('by weight', () => {
    // Weights 3 : 1 of 100000 → 75000, 25000.
    const a = allocateQuota({
      target: 100000,
      reps: [
        { ...fullYear, weight: 3 },
        { ...fullYear, weight: 1 },
      ],
      method: 'weight',
      firstMonth: JAN_2024,
      months: 12,
    });
    expect(a.amounts).toEqual([75000, 25000]);
    expect(a.shares).toEqual([0.75, 0.25]);
  });

  test('by prior-year share', () => {
    // 60000 : 30000 : 10000 = 60% : 30% : 10% of 200000 → 120000, 60000, 20000.
    const a = allocateQuota({
      target: 200000,
      reps: [60000, 30000, 10000].map((priorYear) => ({ ...fullYear, priorYear })),
      method: 'priorYear',
      firstMonth: JAN_2024,
      months: 12,
    });
    expect(a.amounts).toEqual([120000, 60000, 20000]);
  });

  test('with ramp applied: a new hire on a 0.25/0.5/0.75 ramp carries 0.875 of a tenured rep', () => {
    // New hire from 2024-01-01: (0.25 + 0.5 + 0.75 + 9 × 1) / 12 = 10.5/12 = 0.875. Shares 1 : 0.875 of 1.875:
    // 150000 / 1.875 = 80000 and 80000 × 0.875 = 70000. Without ramp: 75000 each.
    const base = {
      target: 150000,
      reps: [fullYear, { start: JAN_2024 }],
      method: 'even' as const,
      firstMonth: JAN_2024,
      months: 12,
      ramp: [0.25, 0.5, 0.75],
    };
    expect(allocateQuota(base).amounts).toEqual([80000, 70000]);
    expect(allocateQuota({ ...base, applyRamp: false }).amounts).toEqual([75000, 75000]);
  });

  test('thirds to the cent add up to the target', () => {
    // 10000 cents / 3 = 3333 each + 1 cent left → the first rep (ties go to the earlier).
    const a = allocateQuota({
      target: 100,
      reps: [fullYear, fullYear, fullYear],
      method: 'even',
      firstMonth: JAN_2024,
      months: 12,
    });
    expect(a.amounts).toEqual([33.34, 33.33, 33.33]);
  });

  test('bad input', () => {
    const base = { target: 100, method: 'weight' as const, firstMonth: JAN_2024, months: 12 };
    expect(() => allocateQuota({ ...base, reps: [fullYear] })).toThrow('rep 1 has no weight');
    expect(() => allocateQuota({ ...base, reps: [{ ...fullYear, weight: -1 }] })).toThrow('weights: rep 1');
    expect(() => allocateQuota({ ...base, reps: [{ ...fullYear, weight: 0 }] })).toThrow('nothing to allocate');
    expect(() => allocateQuota({ ...base, reps: [] })).toThrow('at least one rep');
    expect(() => allocateQuota({ ...base, target: -5, reps: [fullYear] })).toThrow('target');
  });

  test('property: amounts add up to the target exactly, whole cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        (cents, weights) => {
          const parts = splitCents(cents / 100, weights);
          expect(parts.every((p) => Number.isInteger(Math.round(p * 100)) && p >= 0)).toBe(true);
          expect(Math.round(sumCents(parts) * 100)).toBe(cents);
        },
      ),
      { seed: 22, numRuns: 300 },
    );
  });
});

describe('centsOf (the fast rounding in the capacity loop)', () => {
  test('property: equals toCents × 100 (Excel ROUND to 2 digits), including half-cent ties', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e13, max: 1e13, noNaN: true }),
          // Quarter and eighth cents: exact binary half-cent ties and their neighbours.
          fc.integer({ min: -4e9, max: 4e9 }).map((n) => n / 800),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
          fc
            .integer({ min: 0, max: 1e7 })
            .chain((c) => fc.constantFrom(0.25, 0.5, 0.75, 15 / 31, 10.5 / 29).map((f) => (c / 100) * f)),
        ),
        (x) => {
          expect(centsOf(x)).toBe(Math.round(roundHalfAwayFromZero(x, 2) * 100) + 0); // the exact path
        },
      ),
      { seed: 23, numRuns: 5000 },
    );
  });

  test('known ties: 1.005 → 101 cents, 2.675 → 268, −0.125 → −13', () => {
    // 1.005 and 2.675 are stored just below the half; Excel (and toCents) round the decimal the user typed.
    expect([centsOf(1.005), centsOf(2.675), centsOf(-0.125)]).toEqual([101, 268, -13]);
  });
});
