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
