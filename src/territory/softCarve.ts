/**
 * The soft-priced carve (issue 24): a second compact start for plans from scratch with coordinates, where the
 * price rounds of compact.ts can swing (whole city clusters changing rep from one round to the next, so that the
 * round closest to balance is still 30–40 % off).
 *
 * It prices reps on one combined size s_a (the mean over weighted metrics of the account's value over the mean
 * value) and spreads each account over its candidate homes by the soft minimum of km + p_r · s_a at temperature
 * T. The dual f(p) = Σ_a −softmin_T(km_a + p · s_a) + Σ_r p_r · t_r (t_r: rep r's target size, less its fixed
 * accounts) is smooth and convex; its gradient t_r − load_r is zero when every rep's soft load meets its target.
 * It is minimised by L-BFGS with backtracking (softDual.ts, shared with the cell carve), at temperatures falling
 * from 0.5 to 0.02 times the mean gap between an account's nearest and second-nearest home; then each account
 * takes its cheapest home at the final prices. The candidates are the K nearest homes plus the reps whose reach (SOFT_REACH times their share) covers
 * the account: with the price rounds' narrower reach, crowded accounts can reach only reps whose shares they
 * exceed, no plan exists on those arcs and the dual is unbounded.
 *
 * Deterministic; its work is counted on the caller's meter. Undefined when it does not apply (no homes), would
 * not fit the allowance, or does not settle (prices running off, or soft loads still over SETTLED off).
 */
import type { Compiled } from './model';
import { carvable, nearestHomes } from './compact';
import { EVAL_COST, type SoftPoints, combinedSizes, softPrices, temperatures } from './softDual';

/** Reach of each rep, in multiples of its share of the accounts (see the module comment). */
const SOFT_REACH = 16;
/** L-BFGS iterations per stage at most. */
const ITERS = 40;
/** Candidates per account for the rough check (12 nearest homes and about 16 reps reaching it). */
const ROUGH_CANDIDATES = 30;
/** Fewest evaluations that must fit in the allowance for the carve to run. */
const MIN_EVALS = 60;
/** Largest relative gap between a rep's soft load and its target at the end for the carve to count as settled. */
const SETTLED = 0.05;

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
  const { n } = c;
  // Rough check first (about ROUGH_CANDIDATES per account), exact once the candidates are known.
  if (free.length * ROUGH_CANDIDATES * EVAL_COST * MIN_EVALS > allowance) return undefined;
  const start = meter.work;
  const cand = nearestHomes(c, free, meter, SOFT_REACH);
  let entries = 0;
  for (const a of free) entries += cand.start[a + 1] - cand.start[a];
  const evalCost = Math.ceil(entries * EVAL_COST);
  if (evalCost * MIN_EVALS > allowance - (meter.work - start)) return undefined;
  const sized = combinedSizes(c, free, fixed);
  if (sized === undefined) return undefined;
  const { size, t } = sized;
  let gap = 0;
  let maxKm = 0;
  for (const a of free) {
    const s0 = cand.start[a];
    if (cand.start[a + 1] - s0 > 1) gap += cand.km[s0 + 1] - cand.km[s0];
    for (let i = s0; i < cand.start[a + 1]; i++) maxKm = Math.max(maxKm, cand.km[i]);
  }
  gap = gap / free.length || 1;
  const count = new Float64Array(free.length).fill(1);
  const sz = Float64Array.from(free, (a) => size[a]);
  const pts: SoftPoints = {
    dims: 1,
    count,
    size: sz,
    mass: sz,
    start: Int32Array.from(free, (a) => cand.start[a]),
    active: Int32Array.from(free, (a) => cand.start[a + 1] - cand.start[a]),
    rep: cand.rep,
    km: cand.km,
  };
  const solved = softPrices(
    pts,
    t,
    { temperatures: temperatures(gap), iterations: ITERS, band: 0, settled: SETTLED },
    meter,
    allowance - (meter.work - start),
    1e3 * (maxKm + gap),
  );
  if (solved === undefined || !(solved.off <= SETTLED)) return undefined;
  const p = solved.prices;
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
