/**
 * A small deterministic number stream for the territory properties: one fast-check seed gives one problem, and
 * the same problem on every run (a linear congruential generator, glibc's constants).
 */

/** The stream from `seed`: each call returns the next whole number in 0 … mod − 1. */
export function lcg(seed: number): (mod: number) => number {
  let s = seed;
  return (mod: number): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % mod;
  };
}

/** The eligibility keys of the random books. */
export const KEYS = ['north', 'south'];

/** The account side of a random book, drawn from `next` (the reps are drawn after it by each property). */
export interface RandomAccounts {
  /** k metrics of n values: a fifth 0, the rest 0 … 999. */
  metrics: number[][];
  /** With `withCurrent`: a quarter unassigned (−1), the rest a random rep. */
  current: number[] | undefined;
  /** With `withCurrent` and `withLocks`: a quarter of the assigned accounts locked. */
  locked: boolean[] | undefined;
  /** With `withKeys`: half without a key, the rest a random one of KEYS. */
  accountKeys: (string | null)[] | undefined;
}

/** Draws the accounts of a random book of n accounts, R reps and k metrics. */
export function randomAccounts(
  next: (mod: number) => number,
  o: { n: number; R: number; k: number; withCurrent: boolean; withLocks: boolean; withKeys: boolean },
): RandomAccounts {
  const metrics = Array.from({ length: o.k }, () =>
    Array.from({ length: o.n }, () => (next(5) === 0 ? 0 : next(1000))),
  );
  const current = o.withCurrent ? Array.from({ length: o.n }, () => (next(4) === 0 ? -1 : next(o.R))) : undefined;
  const locked = current && o.withLocks ? current.map((c) => c >= 0 && next(4) === 0) : undefined;
  const accountKeys = o.withKeys
    ? Array.from({ length: o.n }, () => (next(2) === 0 ? null : KEYS[next(2)]))
    : undefined;
  return { metrics, current, locked, accountKeys };
}
