import fc from 'fast-check';
import { centsOf, roundHalfAwayFromZero, toCents } from '../../src/shared/money';

/** The exact path, the reference the fast paths must equal. */
const exact = (x: number) => roundHalfAwayFromZero(x, 2);

describe('toCents and centsOf (fast paths) equal the exact ROUND(x, 2)', () => {
  test('hand-picked: half cents, FP near-halves, signs, zero, large values', () => {
    // 2.675 is stored as 2.67499999…; Excel's ROUND gives 2.68, so must we. −1.005 → −1.01. 0.125 → 0.13.
    const cases = [
      2.675,
      -1.005,
      1.005,
      0.125,
      -0.125,
      0,
      -0,
      0.004999,
      -0.004999,
      0.005,
      1e9 + 0.005,
      123456.785,
      4999.9995,
    ];
    for (const x of cases)
      expect(Object.is(toCents(x), exact(x)) && centsOf(x) === Math.round(exact(x) * 100) + 0).toBe(true);
    expect(toCents(2.675)).toBe(2.68);
    expect(toCents(-1.005)).toBe(-1.01);
    expect(Object.is(toCents(-0.001), 0)).toBe(true);
  });

  test('identical to toCents on random doubles, on k/1000 decimals, and on products like amount × rate', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2e9, max: 2e9, noNaN: true }),
        (x) => Object.is(toCents(x), exact(x)) && centsOf(x) === Math.round(exact(x) * 100) + 0,
      ),
      { seed: 351, numRuns: 50_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => Object.is(toCents(k / 1000), exact(k / 1000))),
      { seed: 352, numRuns: 50_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 2000 }), (c, r) => {
        const x = (c / 100) * (r / 1000);
        return Object.is(toCents(x), exact(x)) && centsOf(x) === Math.round(exact(x) * 100) + 0;
      }),
      { seed: 353, numRuns: 50_000 },
    );
  });
});
