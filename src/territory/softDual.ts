/**
 * The entropic (soft-min) transport dual shared by the soft-priced carves (softCarve.ts on accounts, cellCarve.ts
 * on cells of nearby accounts). Points i (an account, or a cell of `count[i]` accounts of mean size `size[i]` and
 * total `mass[i]`) are spread over their candidate reps by the soft minimum of km + p_r · size at temperature T.
 * With rep targets t_r and a band b (0: exact), the dual
 *   f(p) = Σ_i −count_i · softmin_T(km_ir + p_r · size_i) + Σ_r t_r · (p_r + b · |p_r|)
 * is convex (|p_r| smoothed to √(p_r² + δ²) − δ, δ = T / 20); its gradient is zero where every rep's soft load lies
 * within t_r (1 ± b). With D sizes per point (one per metric, `dims`), each rep has D prices and p_r · size is
 * their dot product; each (rep, size) pair has its own target and band. It is minimised by L-BFGS with backtracking
 * at temperatures falling geometrically; the result is the prices, or undefined when the work allowance runs out or
 * the prices run off (no plan on the arcs).
 */
import type { Compiled } from './model';

/** Points and their candidate arcs, in compressed rows: point i's arcs are `start[i] … start[i] + active[i] − 1`. */
export interface SoftPoints {
  /** Size dimensions D (1: one combined size; more: one per metric, priced apart). */
  readonly dims: number;
  readonly count: Float64Array;
  /** Mean size and total mass of each point, D per point (point i's are at i · D … i · D + D − 1). */
  readonly size: Float64Array;
  readonly mass: Float64Array;
  readonly start: Int32Array;
  /** Arcs in use per point (pruning lowers it; the arcs kept are moved to the front of the row). */
  readonly active: Int32Array;
  readonly rep: Int32Array;
  /** Distance of each arc (km). */
  readonly km: Float64Array;
}

/** How the dual is solved: temperatures (km), iterations per temperature, band, and pruning between them. */
export interface SoftSchedule {
  /** Temperatures, falling (km). */
  readonly temperatures: readonly number[];
  readonly iterations: number;
  /** Relative band around each target (0: exact). */
  readonly band: number;
  /** After each temperature, drop arcs priced more than this many temperatures above their point's cheapest. */
  readonly prune?: number;
  /** Before temperature j: the points to use from then on (a finer set), pruned at the prices so far. */
  readonly refine?: { readonly at: number; readonly points: SoftPoints };
  /** The largest relative gap between a soft load and its band at which a temperature is settled. */
  readonly settled: number;
  /** Prices to start from (default 0). */
  readonly from?: Float64Array;
  /** When the allowance runs out: the prices so far (each step lowered the dual) instead of undefined. */
  readonly anytime?: boolean;
}

/**
 * Sizes of the free accounts and rep targets in the same units, less each rep's fixed accounts (`fixed[a]` ≥ 0).
 * With `split` false, D = 1: one combined size per account, the mean over weighted metrics of its value over the
 * free accounts' mean value. With `split`, D = the weighted metrics with a positive mean: one size per metric,
 * its value over that mean divided by D (so the sizes add up to the combined size, and one price on every metric
 * prices the combined size). Account a's sizes are size[a · D + d], rep r's targets t[r · D + d]. Undefined when
 * no weighted metric has a positive mean or a rep's fixed accounts already fill a target.
 */
export function combinedSizes(
  c: Compiled,
  free: readonly number[],
  fixed: Int32Array,
  split = false,
): { dims: number; size: Float64Array; t: Float64Array } | undefined {
  const { n, k, R } = c;
  const on: number[] = [];
  const mean = new Float64Array(k);
  for (let m = 0; m < k; m++) {
    for (const a of free) mean[m] += c.v[a * k + m];
    mean[m] /= free.length;
    if (mean[m] > 0 && c.w[m] > 0) on.push(m);
  }
  if (on.length === 0) return undefined;
  const D = split ? on.length : 1;
  /** Adds `sign` × the sizes of `values` (k per row, row `at`) to out[to · D …]. */
  const add = (values: Float64Array, at: number, out: Float64Array, to: number, sign: number): void => {
    for (let d = 0; d < on.length; d++)
      out[to * D + (split ? d : 0)] += (sign * values[at * k + on[d]]) / mean[on[d]] / on.length;
  };
  const size = new Float64Array(n * D);
  for (const a of free) add(c.v, a, size, a, 1);
  const t = new Float64Array(R * D);
  for (let r = 0; r < R; r++) add(c.target, r, t, r, 1);
  for (let a = 0; a < n; a++) if (fixed[a] >= 0) add(c.v, a, t, fixed[a], -1);
  if (t.some((x) => !(x > 0))) return undefined;
  return { dims: D, size, t };
}

/** Work units per arc per evaluation of the dual (an exponential and a few multiply-adds). */
export const EVAL_COST = 0.5;

/**
 * Work units per arc per evaluation with D sizes per point: EVAL_COST up to two (written out, measured alike),
 * D / 2 times it beyond (the general loop: three sizes took 1.65 s wall where two took 1.38 s at 50,000 × 200).
 */
export function evalCost(D: number): number {
  return EVAL_COST * Math.max(1, D / 2);
}
/** L-BFGS pairs kept. */
const MEMORY = 8;

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** Temperatures of the staged solve: STAGES from T_FROM to T_TO times the mean nearest-home gap, geometric. */
const STAGES = 6;
const T_FROM = 0.5;
const T_TO = 0.02;

/** The carves' temperatures (km), falling geometrically from T_FROM to T_TO times `gap` (km) in STAGES steps. */
export function temperatures(gap: number): number[] {
  return Array.from({ length: STAGES }, (_, s) => gap * T_FROM * Math.pow(T_TO / T_FROM, s / (STAGES - 1)));
}

/** Priced cost of arc j of point i at prices `p`: km + Σ_d p_(rep, d) · size_(i, d) (km). */
function priced(pts: SoftPoints, p: Float64Array, i: number, j: number): number {
  const D = pts.dims;
  let x = pts.km[j];
  for (let d = 0; d < D; d++) x += p[pts.rep[j] * D + d] * pts.size[i * D + d];
  return x;
}

/** Number of arcs in use. */
function arcCount(pts: SoftPoints): number {
  let s = 0;
  for (let i = 0; i < pts.active.length; i++) s += pts.active[i];
  return s;
}

/** Drops each point's arcs priced (km + p_r · size) more than `limit` km above its cheapest arc. */
function pruneArcs(pts: SoftPoints, p: Float64Array, limit: number): void {
  const { start, active, rep, km } = pts;
  for (let i = 0; i < active.length; i++) {
    const s0 = start[i];
    let low = Infinity;
    for (let j = s0; j < s0 + active[i]; j++) low = Math.min(low, priced(pts, p, i, j));
    let w = s0;
    for (let j = s0; j < s0 + active[i]; j++) {
      if (priced(pts, p, i, j) - low > limit) continue;
      rep[w] = rep[j];
      km[w] = km[j];
      w++;
    }
    active[i] = w - s0;
  }
}

/** Each point's soft shares over its active arcs at prices `p` and temperature `T` (km): `out[j]` for arc j. */
export function softShares(pts: SoftPoints, p: Float64Array, T: number, out: Float64Array): void {
  const { start, active } = pts;
  for (let i = 0; i < active.length; i++) {
    const s0 = start[i];
    const e = s0 + active[i];
    let low = Infinity;
    for (let j = s0; j < e; j++) low = Math.min(low, (out[j] = priced(pts, p, i, j)));
    let z = 0;
    for (let j = s0; j < e; j++) z += out[j] = Math.exp(-(out[j] - low) / T);
    for (let j = s0; j < e; j++) out[j] /= z;
  }
}

/**
 * Minimises the dual for targets `t` (D per rep, in size units: t[r · D + d]) over `pts` on `schedule`; returns
 * the prices (km per unit of size, at the same index as the targets) and the final relative gap of the soft loads
 * to their band, or undefined when the allowance (work units, counted on `meter`) runs out (unless `anytime`) or the
 * prices run off beyond `runOff` km.
 */
export function softPrices(
  first: SoftPoints,
  t: Float64Array,
  schedule: SoftSchedule,
  meter: { work: number },
  allowance: number,
  runOff: number,
): { prices: Float64Array; off: number } | undefined {
  const P = t.length; // prices: D per rep
  const D = first.dims;
  const b = schedule.band;
  const begin = meter.work;
  let pts = first;
  let arcs = arcCount(pts);
  let weights = new Float64Array(pts.rep.length);
  /** f at prices q and temperature T, its gradient in `grad`; undefined once the allowance is spent. */
  const evaluate = (q: Float64Array, T: number, grad: Float64Array): number | undefined => {
    const cost = Math.ceil(arcs * evalCost(pts.dims));
    if (meter.work - begin + cost > allowance) return undefined;
    meter.work += cost;
    const dl = T / 20;
    let f = 0;
    for (let r = 0; r < P; r++) {
      const h = Math.sqrt(q[r] * q[r] + dl * dl);
      f += t[r] * (q[r] + b * (h - dl));
      grad[r] = t[r] * (1 + (b * q[r]) / h);
    }
    const { start, active, rep, km, size, count, mass } = pts;
    for (let i = 0; i < active.length; i++) {
      const s0 = start[i];
      const e = s0 + active[i];
      let low = Infinity;
      // Written out for one and two sizes (the common cases; a loop over d costs a third more time there).
      if (D === 1) {
        const s = size[i];
        for (let j = s0; j < e; j++) {
          const x = km[j] + q[rep[j]] * s;
          weights[j] = x;
          if (x < low) low = x;
        }
      } else if (D === 2) {
        const s = size[2 * i];
        const u = size[2 * i + 1];
        for (let j = s0; j < e; j++) {
          const x = km[j] + q[2 * rep[j]] * s + q[2 * rep[j] + 1] * u;
          weights[j] = x;
          if (x < low) low = x;
        }
      } else {
        for (let j = s0; j < e; j++) {
          let x = km[j];
          for (let d = 0; d < D; d++) x += q[rep[j] * D + d] * size[i * D + d];
          weights[j] = x;
          if (x < low) low = x;
        }
      }
      let z = 0;
      for (let j = s0; j < e; j++) z += weights[j] = Math.exp(-(weights[j] - low) / T);
      f -= count[i] * (low - T * Math.log(z));
      if (D === 1) {
        for (let j = s0; j < e; j++) grad[rep[j]] -= (weights[j] / z) * mass[i];
      } else if (D === 2) {
        const m = mass[2 * i];
        const v = mass[2 * i + 1];
        for (let j = s0; j < e; j++) {
          const w = weights[j] / z;
          grad[2 * rep[j]] -= w * m;
          grad[2 * rep[j] + 1] -= w * v;
        }
      } else {
        for (let j = s0; j < e; j++)
          for (let d = 0; d < D; d++) grad[rep[j] * D + d] -= (weights[j] / z) * mass[i * D + d];
      }
    }
    return f;
  };
  /** Largest relative gap of a soft load (read off the gradient) to its band. */
  const offOf = (g: Float64Array, q: Float64Array, T: number): number => {
    const dl = T / 20;
    let off = 0;
    for (let r = 0; r < P; r++) {
      const load = t[r] * (1 + (b * q[r]) / Math.sqrt(q[r] * q[r] + dl * dl)) - g[r];
      off = Math.max(off, Math.max(0, Math.abs(load - t[r]) - b * t[r]) / t[r]);
    }
    return off;
  };
  const p = schedule.from === undefined ? new Float64Array(P) : Float64Array.from(schedule.from);
  const grad = new Float64Array(P);
  const next = new Float64Array(P);
  const nextGrad = new Float64Array(P);
  const dir = new Float64Array(P);
  let off = Infinity;
  for (let stage = 0; stage < schedule.temperatures.length; stage++) {
    const T = schedule.temperatures[stage];
    if (schedule.refine !== undefined && schedule.refine.at === stage) {
      pts = schedule.refine.points;
      if (schedule.prune !== undefined) pruneArcs(pts, p, 2 * schedule.prune * T);
      arcs = arcCount(pts);
      weights = new Float64Array(pts.rep.length);
    }
    const S: Float64Array[] = [];
    const Y: Float64Array[] = [];
    const rho: number[] = [];
    let f = evaluate(p, T, grad);
    if (f === undefined) return schedule.anytime ? { prices: p, off } : undefined;
    for (let it = 0; it < schedule.iterations && offOf(grad, p, T) >= schedule.settled / 10; it++) {
      // Two-loop recursion: dir = H · grad (the step is −dir).
      dir.set(grad);
      const alpha = new Float64Array(S.length);
      for (let i = S.length - 1; i >= 0; i--) {
        alpha[i] = rho[i] * dot(S[i], dir);
        for (let j = 0; j < P; j++) dir[j] -= alpha[i] * Y[i][j];
      }
      const last = S.length - 1;
      const gamma =
        last >= 0 ? dot(S[last], Y[last]) / dot(Y[last], Y[last]) : T / (Math.sqrt(dot(grad, grad) / P) + 1e-12);
      for (let j = 0; j < P; j++) dir[j] *= gamma;
      for (let i = 0; i < S.length; i++) {
        const beta = rho[i] * dot(Y[i], dir);
        for (let j = 0; j < P; j++) dir[j] += S[i][j] * (alpha[i] - beta);
      }
      const slope = -dot(grad, dir);
      if (!(slope < 0)) {
        S.length = Y.length = rho.length = 0;
        continue;
      }
      let step = 1;
      let fNext: number | undefined;
      for (let ls = 0; ls < 30; ls++) {
        for (let j = 0; j < P; j++) next[j] = p[j] - step * dir[j];
        fNext = evaluate(next, T, nextGrad);
        if (fNext === undefined) return schedule.anytime ? { prices: p, off: offOf(grad, p, T) } : undefined;
        if (fNext <= f + 1e-4 * step * slope) break;
        step /= 2;
      }
      if (fNext === undefined || !(fNext <= f + 1e-4 * step * slope)) break; // no descent: next temperature
      const s = new Float64Array(P);
      const y = new Float64Array(P);
      for (let j = 0; j < P; j++) {
        s[j] = next[j] - p[j];
        y[j] = nextGrad[j] - grad[j];
      }
      p.set(next);
      grad.set(nextGrad);
      f = fNext;
      const sy = dot(s, y);
      if (sy > 1e-12) {
        S.push(s);
        Y.push(y);
        rho.push(1 / sy);
        if (S.length > MEMORY) {
          S.shift();
          Y.shift();
          rho.shift();
        }
      }
      // Prices running off (beyond any distance on the map): no plan on these arcs.
      for (let j = 0; j < P; j++) if (!(Math.abs(p[j]) <= runOff)) return undefined;
    }
    off = offOf(grad, p, T);
    if (schedule.prune !== undefined && pts !== first) {
      pruneArcs(pts, p, schedule.prune * T);
      arcs = arcCount(pts);
    }
  }
  return { prices: p, off };
}
