/**
 * The soft-priced carve (issue 24): a second compact start for plans from scratch with coordinates, where the
 * price rounds of compact.ts can swing (whole city clusters changing rep from one round to the next, so that the
 * round closest to balance is still 30–40 % off).
 *
 * It prices reps on one combined size s_a (the mean over weighted metrics of the account's value over the mean
 * value) and spreads each account over its candidate homes by the soft minimum of km + p_r · s_a at temperature
 * T. The dual f(p) = Σ_a −softmin_T(km_a + p · s_a) + Σ_r p_r · t_r (t_r: rep r's target size, less its fixed
 * accounts) is smooth and convex; its gradient t_r − load_r is zero when every rep's soft load meets its target.
 * It is minimised by L-BFGS with backtracking, at temperatures falling from T_FROM to T_TO times the mean gap
 * between an account's nearest and second-nearest home; then each account takes its cheapest home at the final
 * prices. The candidates are the K nearest homes plus the reps whose reach (SOFT_REACH times their share) covers
 * the account: with the price rounds' narrower reach, crowded accounts can reach only reps whose shares they
 * exceed, no plan exists on those arcs and the dual is unbounded.
 *
 * Deterministic; its work is counted on the caller's meter. Undefined when it does not apply (no homes), would
 * not fit the allowance, or does not settle (prices running off, or soft loads still over SETTLED off).
 */
import type { Compiled } from './model';
import { carvable, nearestHomes } from './compact';

/** Reach of each rep, in multiples of its share of the accounts (see the module comment). */
const SOFT_REACH = 16;
/** Temperatures (stages), from T_FROM to T_TO times the mean nearest-home gap, geometric. */
const STAGES = 6;
const T_FROM = 0.5;
const T_TO = 0.02;
/** L-BFGS iterations per stage at most, and pairs kept. */
const ITERS = 40;
const MEMORY = 8;
/** Work units per (account, candidate) per evaluation of the dual (an exponential and a few multiply-adds). */
const EVAL_COST = 0.5;
/** Candidates per account for the rough check (12 nearest homes and about 16 reps reaching it). */
const ROUGH_CANDIDATES = 30;
/** Fewest evaluations that must fit in the allowance for the carve to run. */
const MIN_EVALS = 60;
/** Largest relative gap between a rep's soft load and its target at the end for the carve to count as settled. */
const SETTLED = 0.05;

/** Dot product of two vectors. */
function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/**
 * Each free account's preferred rep by the soft-priced carve (see the module comment): `pref[a]` (accounts not in
 * `free` keep `fixed[a]`), or undefined. `allowance` caps its work (counted on `meter`).
 */
export function softAssignment(
  c: Compiled,
  free: readonly number[],
  fixed: Int32Array,
  meter: { work: number },
  allowance: number,
): Int32Array | undefined {
  if (!carvable(c, free)) return undefined;
  const { n, k, R } = c;
  // Rough check first (about ROUGH_CANDIDATES per account), exact once the candidates are known.
  if (free.length * ROUGH_CANDIDATES * EVAL_COST * MIN_EVALS > allowance) return undefined;
  const start = meter.work;
  const cand = nearestHomes(c, free, meter, SOFT_REACH);
  let entries = 0;
  for (const a of free) entries += cand.start[a + 1] - cand.start[a];
  const evalCost = Math.ceil(entries * EVAL_COST);
  if (evalCost * MIN_EVALS > allowance - (meter.work - start)) return undefined;
  // Combined size (mean over weighted metrics of value / mean value) and the reps' target sizes.
  const on: number[] = [];
  const mean = new Float64Array(k);
  for (let m = 0; m < k; m++) {
    for (const a of free) mean[m] += c.v[a * k + m];
    mean[m] /= free.length;
    if (mean[m] > 0 && c.w[m] > 0) on.push(m);
  }
  if (on.length === 0) return undefined;
  const sizeOf = (a: number): number => {
    let s = 0;
    for (const m of on) s += c.v[a * k + m] / mean[m];
    return s / on.length;
  };
  const size = new Float64Array(n);
  for (const a of free) size[a] = sizeOf(a);
  const t = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    for (const m of on) t[r] += c.target[r * k + m] / mean[m];
    t[r] /= on.length;
  }
  for (let a = 0; a < n; a++) if (fixed[a] >= 0) t[fixed[a]] -= sizeOf(a);
  if (t.some((x) => !(x > 0))) return undefined;
  let gap = 0;
  let maxKm = 0;
  for (const a of free) {
    const s0 = cand.start[a];
    if (cand.start[a + 1] - s0 > 1) gap += cand.km[s0 + 1] - cand.km[s0];
    for (let i = s0; i < cand.start[a + 1]; i++) maxKm = Math.max(maxKm, cand.km[i]);
  }
  gap = gap / free.length || 1;
  const cost: number[] = [];
  /** f at prices q and T, with its gradient in `grad`; undefined once the work allowance is spent. */
  const evaluate = (q: Float64Array, T: number, grad: Float64Array): number | undefined => {
    if (meter.work - start + evalCost > allowance) return undefined;
    meter.work += evalCost;
    grad.set(t);
    let f = dot(q, t);
    for (const a of free) {
      const s0 = cand.start[a];
      const e = cand.start[a + 1];
      let low = Infinity;
      cost.length = 0;
      for (let i = s0; i < e; i++) {
        const x = cand.km[i] + q[cand.rep[i]] * size[a];
        cost.push(x);
        if (x < low) low = x;
      }
      let z = 0;
      for (let i = 0; i < cost.length; i++) {
        cost[i] = Math.exp(-(cost[i] - low) / T);
        z += cost[i];
      }
      f -= low - T * Math.log(z);
      for (let i = 0; i < cost.length; i++) grad[cand.rep[s0 + i]] -= (cost[i] / z) * size[a];
    }
    return f;
  };
  const p = new Float64Array(R);
  const grad = new Float64Array(R);
  const next = new Float64Array(R);
  const nextGrad = new Float64Array(R);
  const dir = new Float64Array(R);
  for (let stage = 0; stage < STAGES; stage++) {
    const T = gap * T_FROM * Math.pow(T_TO / T_FROM, stage / (STAGES - 1));
    const S: Float64Array[] = [];
    const Y: Float64Array[] = [];
    const rho: number[] = [];
    let f = evaluate(p, T, grad);
    if (f === undefined) return undefined;
    for (let it = 0; it < ITERS; it++) {
      // Two-loop recursion: dir = H · grad (the step is −dir).
      dir.set(grad);
      const alpha = new Float64Array(S.length);
      for (let i = S.length - 1; i >= 0; i--) {
        alpha[i] = rho[i] * dot(S[i], dir);
        for (let j = 0; j < R; j++) dir[j] -= alpha[i] * Y[i][j];
      }
      const last = S.length - 1;
      const gamma =
        last >= 0 ? dot(S[last], Y[last]) / dot(Y[last], Y[last]) : T / (Math.sqrt(dot(grad, grad) / R) + 1e-12);
      for (let j = 0; j < R; j++) dir[j] *= gamma;
      for (let i = 0; i < S.length; i++) {
        const b = rho[i] * dot(Y[i], dir);
        for (let j = 0; j < R; j++) dir[j] += S[i][j] * (alpha[i] - b);
      }
      const slope = -dot(grad, dir);
      if (!(slope < 0)) {
        S.length = Y.length = rho.length = 0;
        continue;
      }
      let step = 1;
      let fNext: number | undefined;
      for (let ls = 0; ls < 30; ls++) {
        for (let j = 0; j < R; j++) next[j] = p[j] - step * dir[j];
        fNext = evaluate(next, T, nextGrad);
        if (fNext === undefined) return undefined;
        if (fNext <= f + 1e-4 * step * slope) break;
        step /= 2;
      }
      if (fNext === undefined || !(fNext <= f + 1e-4 * step * slope)) break; // no descent: next stage
      const s = new Float64Array(R);
      const y = new Float64Array(R);
      for (let j = 0; j < R; j++) {
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
      for (let j = 0; j < R; j++) if (!(Math.abs(p[j]) <= 1e3 * (maxKm + gap))) return undefined;
      let off = 0;
      for (let r = 0; r < R; r++) off = Math.max(off, Math.abs(grad[r]) / t[r]);
      if (off < SETTLED / 10) break;
    }
  }
  let off = 0;
  for (let r = 0; r < R; r++) off = Math.max(off, Math.abs(grad[r]) / t[r]);
  if (!(off <= SETTLED)) return undefined;
  const pref = new Int32Array(n).fill(-1);
  for (const a of free) {
    let best = -1;
    let low = Infinity;
    for (let i = cand.start[a]; i < cand.start[a + 1]; i++) {
      const x = cand.km[i] + p[cand.rep[i]] * size[a];
      if (x < low) {
        low = x;
        best = cand.rep[i];
      }
    }
    pref[a] = best;
  }
  for (let a = 0; a < n; a++) if (fixed[a] >= 0) pref[a] = fixed[a];
  return pref;
}
