/**
 * Binary search over ascending numbers: the one implementation the core's sorted lookups share (tiers, ownership
 * rows by date, a rep's credits by close date, the territory swap windows).
 */

/** Index of the first element of ascending `a` that is ≥ `x` (`a.length` when none). */
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

/** Index of the first element of ascending `a` that is > `x` (`a.length` when none). */
export function upperBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
