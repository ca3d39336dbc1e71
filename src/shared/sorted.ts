/**
 * Searching sorted arrays.
 */

/** Index of the first entry of ascending `a` that is ≥ `x` (a.length when none): where `x` would be inserted. */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
