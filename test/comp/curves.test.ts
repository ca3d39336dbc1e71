import fc from 'fast-check';
import {
  type PayoutCurve,
  type PayoutTerms,
  checkTerms,
  curve,
  curveFraction,
  linearFraction,
  payoutAmount,
  payoutSteps,
  rateTable,
} from '../../src/comp';
import { ModelInputError } from '../../src/shared/errors';

// Bands: decelerator 0.5 below 50 %, 1 from 50 % to 100 %, accelerator 2 above 100 %. Target incentive 10,000.
const BANDS: [number, number][] = [
  [0, 0.5],
  [0.5, 1],
  [1, 2],
];
const MARGINAL = curve('marginal', BANDS);
const RETRO = curve('retro', BANDS);
// Points: (0, 0), (50 %, 25 %), (100 %, 100 %), (150 %, 200 %).
const LINEAR = curve('linear', [
  [0, 0],
  [0.5, 0.25],
  [1, 1],
  [1.5, 2],
]);
const TI = 10_000;

describe('marginal curve (accelerators and decelerators)', () => {
  test('hand-worked attainments', () => {
    // 120 %: 0.5 × 0.5 + 0.5 × 1 + 0.2 × 2 = 0.25 + 0.5 + 0.4 = 1.15 → 11,500
    expect(payoutAmount(1.2, TI, MARGINAL)).toBeCloseTo(11_500, 9);
    // 30 %: 0.3 × 0.5 = 0.15 → 1,500
    expect(payoutAmount(0.3, TI, MARGINAL)).toBeCloseTo(1_500, 9);
  });

  test('exactly at a bound', () => {
    // 50 %: 0.5 × 0.5 = 0.25 → 2,500 ; 100 %: 0.25 + 0.5 × 1 = 0.75 → 7,500
    expect(payoutAmount(0.5, TI, MARGINAL)).toBeCloseTo(2_500, 9);
    expect(payoutAmount(1, TI, MARGINAL)).toBeCloseTo(7_500, 9);
  });

  test('zero and negative attainment pay 0', () => {
    expect(payoutAmount(0, TI, MARGINAL)).toBe(0);
    expect(payoutAmount(-0.2, TI, MARGINAL)).toBe(0);
  });
});

describe('retro curve', () => {
  test('attainment × the rate of its band, bounds belong to the upper band', () => {
    // 120 % × 2 = 2.4 → 24,000 ; 60 % × 1 → 6,000 ; 30 % × 0.5 → 1,500 ; 100 % × 2 → 20,000 (bound is upper)
    expect(payoutAmount(1.2, TI, RETRO)).toBeCloseTo(24_000, 9);
    expect(payoutAmount(0.6, TI, RETRO)).toBeCloseTo(6_000, 9);
    expect(payoutAmount(0.3, TI, RETRO)).toBeCloseTo(1_500, 9);
    expect(payoutAmount(1, TI, RETRO)).toBeCloseTo(20_000, 9);
    // just below 100 %: 0.99 × 1 → 9,900
    expect(payoutAmount(0.99, TI, RETRO)).toBeCloseTo(9_900, 9);
  });
});

describe('piecewise-linear curve', () => {
  test('interpolates between points', () => {
    // 75 %: 0.25 + (1 − 0.25) × (0.75 − 0.5) / (1 − 0.5) = 0.25 + 0.375 = 0.625 → 6,250
    expect(payoutAmount(0.75, TI, LINEAR)).toBeCloseTo(6_250, 9);
    // 125 %: 1 + (2 − 1) × 0.25 / 0.5 = 1.5 → 15,000
    expect(payoutAmount(1.25, TI, LINEAR)).toBeCloseTo(15_000, 9);
    // exactly at a point: 100 % → 1 → 10,000
    expect(payoutAmount(1, TI, LINEAR)).toBeCloseTo(10_000, 9);
  });

  test('0 below the first point, flat after the last', () => {
    const t = curve('linear', [
      [0.5, 0.25],
      [1, 1],
    ]).table;
    expect(linearFraction(0.4, t)).toBe(0);
    expect(linearFraction(0.5, t)).toBe(0.25);
    // 200 % is past the last point (150 %, 200 %): stays at 2 → 20,000
    expect(payoutAmount(2, TI, LINEAR)).toBeCloseTo(20_000, 9);
    expect(curveFraction(-1, LINEAR)).toBe(0);
  });
});

describe('threshold (gate) and cap', () => {
  test('below the threshold nothing; exactly at it the curve pays', () => {
    expect(payoutAmount(0.49, TI, MARGINAL, { threshold: 0.5 })).toBe(0);
    // 50 % → 2,500 (see above)
    expect(payoutAmount(0.5, TI, MARGINAL, { threshold: 0.5 })).toBeCloseTo(2_500, 9);
  });

  test('the cap is a multiple of target incentive', () => {
    // 120 % pays 11,500 uncapped; cap 1.1 × 10,000 = 11,000
    expect(payoutAmount(1.2, TI, MARGINAL, { cap: 1.1 })).toBe(11_000);
    // exactly at the cap: 0.75 + (a − 1) × 2 = 1.1 → a = 1.175 → 11,000
    expect(payoutAmount(1.175, TI, MARGINAL, { cap: 1.1 })).toBeCloseTo(11_000, 9);
    // below the cap untouched: 110 % → 0.75 + 0.1 × 2 = 0.95 → 9,500
    expect(payoutAmount(1.1, TI, MARGINAL, { cap: 1.1 })).toBeCloseTo(9_500, 9);
    // cap 0 pays nothing
    expect(payoutAmount(1.2, TI, MARGINAL, { cap: 0 })).toBe(0);
  });

  test('negative cap and non-finite threshold are refused, naming the argument', () => {
    expect(() => checkTerms({ cap: -1 })).toThrow(/^cap: must be zero or more/);
    expect(() => checkTerms({ threshold: NaN })).toThrow(/^threshold:/);
    expect(() => checkTerms({ cap: -1 })).toThrow(ModelInputError);
    // A plan built in code or read from JSON may carry values of the wrong type: refused, never a cap of 0.
    const loose = (t: Record<string, unknown>) => t as PayoutTerms;
    expect(() => checkTerms(loose({ cap: null }))).toThrow(/^cap: must be zero or more.*got null/);
    expect(() => checkTerms(loose({ cap: true }))).toThrow(/^cap:/);
    expect(() => checkTerms(loose({ cap: '2' }))).toThrow(/^cap:/);
    expect(() => checkTerms(loose({ threshold: null }))).toThrow(/^threshold:/);
    expect(() => checkTerms(loose({ threshold: '' }))).toThrow(/^threshold:/);
    expect(checkTerms({ cap: 0, threshold: -0.5 })).toEqual({ cap: 0, threshold: -0.5 });
  });
});

describe('payout steps explain the payout', () => {
  test('marginal bands, then a cap step', () => {
    const steps = payoutSteps(1.2, TI, MARGINAL, { cap: 1.1 });
    // bases: 10,000 × 0.5, 10,000 × 0.5, 10,000 × 0.2; amounts 2,500, 5,000, 4,000; cap 11,000 − 11,500 = −500
    expect(steps.map((s) => s.kind)).toEqual(['band', 'band', 'band', 'cap']);
    expect(steps[0].item).toBe('band 0%–50%');
    expect(steps[2].item).toBe('band 100%–∞');
    expect(steps.map((s) => s.base)).toEqual([5_000, 5_000, expect.closeTo(2_000, 9), null]);
    expect(steps.map((s) => s.amount)).toEqual([2_500, 5_000, expect.closeTo(4_000, 9), expect.closeTo(-500, 9)]);
  });

  test('a gate step takes the curve payout back below the threshold', () => {
    const steps = payoutSteps(0.4, TI, MARGINAL, { threshold: 0.5 });
    // 40 % × 0.5 = 0.2 → 2,000, gated → −2,000
    expect(steps.map((s) => [s.kind, s.amount])).toEqual([
      ['band', expect.closeTo(2_000, 9)],
      ['gate', expect.closeTo(-2_000, 9)],
    ]);
  });

  test('retro and linear give one step', () => {
    expect(payoutSteps(1.2, TI, RETRO)).toEqual([
      { kind: 'band', item: 'band 100%–∞ (retro)', base: 12_000, rate: 2, amount: 24_000 },
    ]);
    expect(payoutSteps(0.75, TI, LINEAR)[0]).toMatchObject({ kind: 'point', base: TI, rate: 0.625 });
  });
});

// ---- properties -------------------------------------------------------------------------------------------------

const curveArb: fc.Arbitrary<PayoutCurve> = fc
  .tuple(
    fc.constantFrom<'marginal' | 'retro' | 'linear'>('marginal', 'retro', 'linear'),
    fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 6 }),
    fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 6, maxLength: 6 }),
  )
  .map(([method, b, r]) => ({
    method,
    table: rateTable(
      [...b].sort((x, y) => x - y).map((v, i) => ({ lower: v / 100, rate: r[i] })),
      'curve',
    ),
  }));

describe('properties', () => {
  test('a capped payout never exceeds the cap, and the steps add up to the payout', () => {
    fc.assert(
      fc.property(
        curveArb,
        fc.double({ min: -1, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
        (c, a, ti, cap, threshold) => {
          const p = payoutAmount(a, ti, c, { cap, threshold });
          const sum = payoutSteps(a, ti, c, { cap, threshold }).reduce((s, x) => s + x.amount, 0);
          return p <= cap * ti && p >= 0 && Math.abs(sum - p) <= 1e-6 * Math.max(1, ti);
        },
      ),
      { seed: 311, numRuns: 1000 },
    );
  });
});
