/**
 * Largest and smallest of long lists, counted in a loop: `Math.max(...xs)` passes every element as an argument and
 * overflows the call stack past about 125,000 of them (a pasted column, a large file). Pure.
 */

/** The length of the longest row of `rows` (missing rows count 0), or `min` when that is larger. */
export function longestRow(rows: readonly (readonly unknown[] | null | undefined)[], min = 0): number {
  let n = min;
  for (const r of rows) if (r && r.length > n) n = r.length;
  return n;
}

/** The largest of `xs`, or `empty` when there is none. */
export function maxOf(xs: readonly number[], empty: number): number {
  if (xs.length === 0) return empty;
  let m = xs[0];
  for (let i = 1; i < xs.length; i++) if (xs[i] > m) m = xs[i];
  return m;
}

/** The smallest of `xs`, or `empty` when there is none. */
export function minOf(xs: readonly number[], empty: number): number {
  if (xs.length === 0) return empty;
  let m = xs[0];
  for (let i = 1; i < xs.length; i++) if (xs[i] < m) m = xs[i];
  return m;
}
