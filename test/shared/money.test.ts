import fc from 'fast-check';
import { roundHalfAwayFromZero, sumCents, toCents } from '../../src/shared/money';

describe('money rounding: half away from zero, as Excel ROUND', () => {
  test.each([
    // value, digits, expected — each worked by hand from the decimal the user typed
    [2.675, 2, 2.68], // the double is 2.67499999999999982236431605997495353221893310546875; Excel shows 2.675 and rounds up
    [1.005, 2, 1.01], // 1.00499999999999989... → 1.01 in Excel
    [-1.005, 2, -1.01], // away from zero for negatives
    [0.125, 2, 0.13], // exact binary half: 0.125 → 0.13
    [-0.125, 2, -0.13],
    [1234.5, 0, 1235],
    [-1234.5, 0, -1235],
    [0.1 + 0.2, 2, 0.3], // 0.30000000000000004 → 0.3
    [1e-10, 2, 0],
    [-0.004, 2, 0], // no negative zero
    [123456789.125, 2, 123456789.13],
  ])('ROUND(%p, %p) = %p', (x, d, want) => {
    const got = roundHalfAwayFromZero(x, d);
    expect(got).toBe(want);
    expect(Object.is(got, -0)).toBe(false);
  });

  test('toCents is ROUND(x, 2)', () => {
    expect(toCents(10.555)).toBe(10.56); // 10.555 → 10.56
    expect(toCents(-10.555)).toBe(-10.56);
  });

  test('sumCents adds already-rounded lines exactly: 0.10 + 0.20 = 0.30', () => {
    expect(sumCents([0.1, 0.2])).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3); // plain floating addition gives 0.30000000000000004
    expect(sumCents([19.99, 0.01, -5.25])).toBe(14.75); // 1999 + 1 − 525 = 1475 cents
  });

  test('property: rounding to cents moves a value by at most half a cent and is idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const r = toCents(x);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.005 + 1e-6);
        expect(toCents(r)).toBe(r);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  test('property: symmetric around zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        expect(toCents(-x)).toBe(-toCents(x) || 0);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});
