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

describe('toCents near a half cent: the band where the fast path must hand over to the exact one', () => {
  test('values a few ulps and a few 15-digit steps either side of half cents equal the exact ROUND', () => {
    // For each half cent h = (k + ½) / 100 at magnitudes 1e-2 … 1e8, walk x from h outward by ulps and by
    // multiples of the 15-significant-digit step, where the fast path's two decisions meet the exact path.
    const bad: number[] = [];
    const next = (x: number, dir: number) => {
      const b = new Float64Array([x]);
      const i = new BigInt64Array(b.buffer);
      i[0] += BigInt(dir);
      return b[0];
    };
    for (let e = -2; e <= 8; e++) {
      for (const k of [0, 1, 12, 99, 12345, 987654321]) {
        const h = (Math.floor(k * 10 ** Math.max(0, e)) % 1e11) / 100 + 0.005;
        if (!(h < 1e9)) continue;
        let lo = h;
        let hi = h;
        for (let j = 0; j < 40; j++) {
          lo = next(lo, -1);
          hi = next(hi, 1);
          for (const x of [lo, hi, -lo, -hi]) if (!Object.is(toCents(x), exact(x))) bad.push(x);
        }
        const step = 10 ** (Math.floor(Math.log10(h)) - 14);
        for (const m of [0.3, 0.49, 0.5, 0.51, 0.7, 1, 1.5, 4.9, 5, 5.1, 10]) {
          for (const x of [h + m * step, h - m * step]) if (!Object.is(toCents(x), exact(x))) bad.push(x);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test('1,234.50 × 0.05 = 61.725 (a true half cent in floating point) → 61.73, and centsOf agrees', () => {
    // 1234.5 × 0.05 is stored as 61.725000000000001…; Excel shows 61.725 and ROUND gives 61.73.
    expect(toCents(1234.5 * 0.05)).toBe(61.73);
    expect(centsOf(-1234.5 * 0.05)).toBe(-6173);
  });
});
