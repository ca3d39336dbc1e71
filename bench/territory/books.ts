/**
 * The "messy book" instance class of issue 24, as Excel ranges for SALESOPS.TERRITORY: accounts with two metrics
 * (potential heavy-tailed from 1,000 to 20,000, a truncated Pareto; workload in hours, partly correlated with
 * it), reps "Rep 1"…, a current owner per account drawn by `start`, a share locked, and optional coordinates
 * (accounts clustered around cities, rep homes in the cities) for the compactness figures.
 */
import { mulberry32 } from '../../src/shared/random';

/** How current owners are drawn: uniformly at random, a balanced carve, or skewed (the first reps own more). */
export type BookStart = 'random' | 'balanced' | 'skewed';

export interface BookSpec {
  readonly accounts: number;
  readonly reps: number;
  readonly seed: number;
  readonly start: BookStart;
  /** Fraction of accounts locked (0 = none). */
  readonly lockedFraction: number;
}

export interface Book {
  readonly potential: Float64Array;
  readonly workload: Float64Array;
  readonly owner: Int32Array;
  readonly locked: Uint8Array;
}

/** A seeded book. */
export function makeBook(spec: BookSpec): Book {
  const rng = mulberry32(spec.seed);
  const { accounts: n, reps: R } = spec;
  const potential = new Float64Array(n);
  const workload = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    // Log-uniform from 1,000 to 20,000 (heavy-tailed: the largest is 20 × the smallest, mean ≈ 6,300).
    const p = 1000 * Math.pow(20, rng());
    potential[a] = Math.round(p);
    // Workload (hours): half from potential, half independent, so a rep can be over on one and under on the other.
    workload[a] = Math.round(p / 200 + 60 * rng());
  }
  const owner = new Int32Array(n);
  if (spec.start === 'random') for (let a = 0; a < n; a++) owner[a] = Math.floor(rng() * R);
  else if (spec.start === 'skewed') {
    // Rep r is drawn with weight 1 + 2·(r < R/5): the first fifth of the reps hold about twice their share.
    const total = R + 2 * Math.ceil(R / 5);
    for (let a = 0; a < n; a++) {
      let u = rng() * total;
      let r = 0;
      for (; r < R - 1; r++) {
        u -= r < Math.ceil(R / 5) ? 3 : 1;
        if (u < 0) break;
      }
      owner[a] = r;
    }
  } else {
    // Balanced: largest-first to the rep with the least potential so far (a greedy carve, within ~1 %).
    const order = Array.from({ length: n }, (_, a) => a).sort((p, q) => potential[q] - potential[p] || p - q);
    const sum = new Float64Array(R);
    for (const a of order) {
      let best = 0;
      for (let r = 1; r < R; r++) if (sum[r] < sum[best]) best = r;
      owner[a] = best;
      sum[best] += potential[a];
    }
  }
  const locked = new Uint8Array(n);
  for (let a = 0; a < n; a++) locked[a] = rng() < spec.lockedFraction ? 1 : 0;
  return { potential, workload, owner, locked };
}

/** The book as TERRITORY's arguments (with header rows): metrics, reps, current, locked. */
export function bookArgs(book: Book, reps: number, withLocks: boolean): unknown[][][] {
  const n = book.potential.length;
  const metrics: unknown[][] = [['Potential', 'Workload']];
  const current: unknown[][] = [['Owner']];
  const locked: unknown[][] = [['Locked']];
  for (let a = 0; a < n; a++) {
    metrics.push([book.potential[a], book.workload[a]]);
    current.push([`Rep ${book.owner[a] + 1}`]);
    locked.push([book.locked[a] === 1]);
  }
  const repCol: unknown[][] = [['Rep'], ...Array.from({ length: reps }, (_, r) => [`Rep ${r + 1}`])];
  return withLocks ? [metrics, repCol, current, locked] : [metrics, repCol, current];
}

/** Largest relative deviation (fraction) over reps and both metrics, and accounts moved, of a plan given as rep indexes. */
export function planFigures(book: Book, reps: number, plan: Int32Array): { dev: number; moves: number } {
  const n = plan.length;
  const sum = new Float64Array(2 * reps);
  let tp = 0;
  let tw = 0;
  let moves = 0;
  for (let a = 0; a < n; a++) {
    sum[2 * plan[a]] += book.potential[a];
    sum[2 * plan[a] + 1] += book.workload[a];
    tp += book.potential[a];
    tw += book.workload[a];
    if (plan[a] !== book.owner[a]) moves++;
  }
  let dev = 0;
  for (let r = 0; r < reps; r++) {
    dev = Math.max(dev, Math.abs(sum[2 * r] / (tp / reps) - 1), Math.abs(sum[2 * r + 1] / (tw / reps) - 1));
  }
  return { dev, moves };
}
