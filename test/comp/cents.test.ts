import fc from 'fast-check';
import { payableCents } from '../../src/comp/cents';
import { toCents } from '../../src/shared/money';

describe('payableCents is toCents, faster', () => {
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
    for (const x of cases) expect(Object.is(payableCents(x), toCents(x))).toBe(true);
    expect(payableCents(2.675)).toBe(2.68);
    expect(payableCents(-1.005)).toBe(-1.01);
    expect(Object.is(payableCents(-0.001), 0)).toBe(true);
  });

  test('identical to toCents on random doubles, on k/1000 decimals, and on products like amount × rate', () => {
    fc.assert(
      fc.property(fc.double({ min: -2e9, max: 2e9, noNaN: true }), (x) => Object.is(payableCents(x), toCents(x))),
      { seed: 351, numRuns: 50_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => Object.is(payableCents(k / 1000), toCents(k / 1000))),
      { seed: 352, numRuns: 50_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 2000 }), (c, r) => {
        const x = (c / 100) * (r / 1000);
        return Object.is(payableCents(x), toCents(x));
      }),
      { seed: 353, numRuns: 50_000 },
    );
  });
});
