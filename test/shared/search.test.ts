/** src/shared/search.ts: binary search over ascending numbers, checked by hand and against a linear scan. */
import fc from 'fast-check';
import { lowerBound, upperBound } from '../../src/shared/search';

test('by hand', () => {
  const a = [1, 3, 3, 7];
  // first ≥ 3 is index 1; first > 3 is index 3; below everything 0; above everything a.length = 4
  expect(lowerBound(a, 3)).toBe(1);
  expect(upperBound(a, 3)).toBe(3);
  expect(lowerBound(a, 0)).toBe(0);
  expect(upperBound(a, 0)).toBe(0);
  expect(lowerBound(a, 8)).toBe(4);
  expect(upperBound(a, 7)).toBe(4);
  expect(lowerBound([], 1)).toBe(0);
  expect(upperBound(new Float64Array([2, 4]), 3)).toBe(1);
});

test('agree with a linear scan on sorted arrays', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (xs, x) => {
      const a = [...xs].sort((p, q) => p - q);
      const first = (pred: (v: number) => boolean) => {
        const i = a.findIndex(pred);
        return i < 0 ? a.length : i;
      };
      expect(lowerBound(a, x)).toBe(first((v) => v >= x));
      expect(upperBound(a, x)).toBe(first((v) => v > x));
    }),
  );
});
