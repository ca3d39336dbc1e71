/**
 * The sample company's draws (uniform, normal, weighted picks) over the project's one seeded generator
 * (src/shared/random.ts, mulberry32), so the sample company is the same on every machine.
 */

import { mulberry32 } from '../src/shared/random';

/** A seeded generator: `next()` is uniform in [0, 1). */
export class Prng {
  private readonly uniform01: () => number;

  constructor(seed: number) {
    this.uniform01 = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uniform01();
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** A whole number in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-scale spread `sigma`. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** One item of `items`, each with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i];
      if (x < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** One item of `items`, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}
