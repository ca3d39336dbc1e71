/**
 * Seeded random territory instances for the benchmark and the tests: two metrics (potential, lognormal-like, and
 * workload, partly correlated with it), a current owner for every account (random, so books start uneven), a
 * share of locked accounts and a move budget.
 */
import { mulberry32 } from '../../src/shared/random';
import type { TerritoryProblem } from '../../src/territory/types';

export interface InstanceSpec {
  accounts: number;
  reps: number;
  seed: number;
  /** Fraction of accounts locked (default 0.2). */
  lockedFraction?: number;
  /** Move budget as a fraction of accounts (undefined: no budget). */
  budgetFraction?: number;
  /** Give every account a current owner (default true). */
  withCurrent?: boolean;
  /** Number of metrics (default 2). */
  metrics?: number;
  /** Unequal shares (default false). */
  unequalShares?: boolean;
}

/** A seeded random instance as described in the file comment. */
export function randomInstance(spec: InstanceSpec): TerritoryProblem {
  const rng = mulberry32(spec.seed);
  const n = spec.accounts;
  const R = spec.reps;
  const k = spec.metrics ?? 2;
  const metrics: Float64Array[] = Array.from({ length: k }, () => new Float64Array(n));
  for (let a = 0; a < n; a++) {
    // Potential: exp of a roughly normal variable (sum of uniforms), rounded to whole currency units.
    const z = rng() + rng() + rng() - 1.5;
    const potential = Math.round(1000 * Math.exp(1.2 * z));
    metrics[0][a] = potential;
    for (let m = 1; m < k; m++) metrics[m][a] = Math.round(10 * ((0.5 * potential) / 1000 + 0.5 + 2 * rng()));
  }
  const withCurrent = spec.withCurrent ?? true;
  const current = new Int32Array(n).fill(-1);
  const locked = new Uint8Array(n);
  const lf = spec.lockedFraction ?? 0.2;
  for (let a = 0; a < n; a++) {
    if (withCurrent) current[a] = Math.floor(rng() * R);
    if (withCurrent && rng() < lf) locked[a] = 1;
  }
  const reps = Array.from({ length: R }, (_, r) => ({
    name: `Rep ${r + 1}`,
    share: spec.unequalShares ? 1 + (r % 3) * 0.5 : 1,
  }));
  return {
    metrics,
    metricNames: ['Potential', 'Workload', 'Metric 3', 'Metric 4'].slice(0, k),
    reps,
    current: withCurrent ? current : undefined,
    locked: withCurrent ? locked : undefined,
    moveBudget: spec.budgetFraction === undefined ? undefined : { maxAccounts: Math.floor(spec.budgetFraction * n) },
  };
}
