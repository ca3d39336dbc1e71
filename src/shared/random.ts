/**
 * The one seeded pseudo-random generator of the project (mulberry32: 32-bit state, period 2^32): the same seed
 * gives the same sequence in every runtime. For reproducible restarts, simulations and sample data; not for
 * cryptography.
 */

/** A generator of numbers uniform in [0, 1), seeded with `seed` (its low 32 bits). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
