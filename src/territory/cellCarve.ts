/**
 * The cell carve (issue 24): a compact start for large books from scratch with coordinates, where the price rounds
 * of compact.ts do not fit the work cap (and at 200 reps do not settle) and the soft-priced carve of softCarve.ts,
 * on every account, would need several work caps.
 *
 * Accounts are pooled in cells of a latitude/longitude grid; each cell is one point of the soft transport dual of
 * softDual.ts (its account count, mean and total combined size, at its centroid), with arcs to its CANDIDATES
 * nearest homes, and a band equal to the tolerance. The dual is first solved on coarse cells (COARSE_DEG) at the
 * highest temperature, then on fine cells (FINE_DEG) whose arcs are pruned as the temperature falls (arcs priced
 * PRUNE temperatures above their cell's cheapest carry no share).
 *
 * With two or more weighted metrics, the mix stage follows: each fine cell is split by size (SIZE_CLASSES) and
 * composition (which metric dominates an account, and how much), and these points are priced on each metric apart
 * (D prices per rep), from the combined prices, on the cell's arcs in use plus its MIX_NEAR nearest homes. One
 * combined size lets a rep be on target overall but 15–18 % off on each metric, and a cell's accounts all count at
 * their mean size, although a rep far from most accounts is filled more cheaply by a few large ones.
 *
 * At the final prices each point's accounts are dealt to its reps in its soft shares: (account, rep) pairs in order
 * of priced cost, each account to the first rep with room for it. The balance search then takes the plan into the
 * band. On the bench's clustered 50,000 × 200 book (seed 7) the plan ends at 141.8 km from home on average, against
 * 158.3 km with one combined size and an LP bound of 124.8 km (bench/RESULTS.md, Compactness VII).
 * Deterministic; its work is counted on the caller's meter. Undefined when it does not apply (no homes, no
 * weighted metric), would not fit the allowance, or does not settle.
 */
import { type Compiled, EARTH_KM, unitVectors } from './model';
import { carvable } from './compact';
import { EVAL_COST, type SoftPoints, combinedSizes, evalCost, softPrices, softShares, temperatures } from './softDual';

/** Grid steps (degrees) of the coarse and fine cells. */
const COARSE_DEG = 1.2;
const FINE_DEG = 0.3;
/** Candidate homes per cell (its nearest). */
const CANDIDATES = 100;
/** L-BFGS iterations per temperature at most. */
const ITERS = 300;
/** Arcs priced more than this many temperatures above their cell's cheapest are dropped. */
const PRUNE = 30;
/** Largest relative gap between a soft load and its band at the end for the carve to count as settled. */
const SETTLED = 0.05;
/** Fewest evaluations on the coarse cells, and on the fine cells before pruning, that must fit in the allowance. */
const MIN_EVALS = 60;
const MIN_FINE_EVALS = 20;
/** Work units per (cell, rep) distance when the candidates are chosen (a dot product and its share of a sort). */
const NEAREST_COST = 1 / 2;
/**
 * Fewest free accounts per rep on average for the carve to run: with fewer, a cell's shares are dealt in lumps
 * of whole accounts and the plans came out longer than the capacitated carve's on the bench (11,000 × 500: +10 %).
 */
const MIN_PER_REP = 50;
/** Shares below this are not dealt. */
const MIN_SHARE = 1e-4;
/**
 * Mix stage: most size classes per cell (fewer where the stage would not fit the work left). The dual prices a
 * point's accounts at their mean size, and a rep far from most accounts is filled more cheaply by a few large ones;
 * splitting cells by size lets the dual see that (seed 7 of the bench's 50,000 × 200: the soft plan's mean distance
 * 141.6 km with 1 class, 134.2 with 2, 132.7 with 3).
 */
const SIZE_CLASSES = 3;
/** Mix stage: nearest homes of its cell (by centroid) each class point has as arcs beside the cell's in use. */
const MIX_NEAR = 3;
/** Mix stage: L-BFGS iterations per temperature (it starts from the combined prices). */
const MIX_ITERS = 30;
/** Mix stage: evaluations per iteration assumed when checking that it fits (with the line search's; 1.1 measured). */
const MIX_EVALS_PER_ITER = 1.1;

/**
 * Cells of one grid step: each account's cell (−1: not pooled), and per cell its eligibility key (accounts of
 * different keys are pooled apart), coordinate sum, count and mass.
 */
interface Pool {
  readonly cellOf: Int32Array;
  readonly key: number[];
  readonly sum: number[];
  readonly count: number[];
  readonly mass: number[];
}

/**
 * Pools the accounts of `free` that have coordinates into cells of `stepDeg` degrees of latitude and longitude, one
 * per eligibility key.
 */
function pool(c: Compiled, free: readonly number[], size: Float64Array, accU: Float64Array, stepDeg: number): Pool {
  const g = c.geo!;
  const step = (stepDeg * Math.PI) / 180;
  const cols = Math.ceil((2 * Math.PI) / step) + 2;
  const cellOf = new Int32Array(c.n).fill(-1);
  const keys = c.elig.length / c.R + 1;
  const index = new Map<number, number>();
  const key: number[] = [];
  const sum: number[] = [];
  const count: number[] = [];
  const mass: number[] = [];
  for (const a of free) {
    if (Number.isNaN(g.lat[a]) || Number.isNaN(g.lon[a])) continue;
    const at = Math.floor((g.lat[a] + Math.PI) / step) * cols + Math.floor((g.lon[a] + 2 * Math.PI) / step);
    const k = at * keys + c.key[a] + 1;
    let i = index.get(k);
    if (i === undefined) {
      i = count.length;
      index.set(k, i);
      key.push(c.key[a]);
      sum.push(0, 0, 0);
      count.push(0);
      mass.push(0);
    }
    cellOf[a] = i;
    for (let d = 0; d < 3; d++) sum[3 * i + d] += accU[3 * a + d];
    count[i]++;
    mass[i] += size[a];
  }
  return { cellOf, key, sum, count, mass };
}

/**
 * The points of the dual for the cells of `cells`: each with its `K` nearest eligible homes (by centroid; ties by
 * index) as arcs.
 */
function points(c: Compiled, cells: Pool, repU: Float64Array, K: number, meter: { work: number }): SoftPoints {
  const R = c.R;
  const { sum, count, mass } = cells;
  const active = new Int32Array(count.length);
  const C = count.length;
  const rep = new Int32Array(C * K);
  const km = new Float64Array(C * K);
  const dots = new Float64Array(R);
  const order = Int32Array.from({ length: R }, (_, r) => r);
  for (let i = 0; i < C; i++) {
    const len = Math.hypot(sum[3 * i], sum[3 * i + 1], sum[3 * i + 2]) || 1;
    for (let r = 0; r < R; r++)
      dots[r] = (sum[3 * i] * repU[3 * r] + sum[3 * i + 1] * repU[3 * r + 1] + sum[3 * i + 2] * repU[3 * r + 2]) / len;
    order.sort((p, q) => dots[q] - dots[p] || p - q);
    const kk = cells.key[i];
    for (let o = 0; o < R && active[i] < K; o++) {
      const r = order[o];
      if (kk >= 0 && c.elig[kk * R + r] !== 1) continue;
      const j = i * K + active[i]++;
      rep[j] = r;
      km[j] = EARTH_KM * Math.acos(Math.max(-1, Math.min(1, dots[r])));
    }
  }
  meter.work += Math.ceil(C * R * NEAREST_COST);
  const cnt = Float64Array.from(count);
  const m = Float64Array.from(mass);
  return {
    dims: 1,
    count: cnt,
    size: m.map((x, i) => x / cnt[i]),
    mass: m,
    start: Int32Array.from({ length: C }, (_, i) => i * K),
    active,
    rep,
    km,
  };
}

/**
 * Class of each free account for the mix stage (one of `sizeClasses` × 2 · D): its size class (the `sizeClasses`
 * quantiles of its summed sizes), then its composition: its dominant metric d (largest of its D sizes) and whether
 * its share of its summed sizes on d is at least the median among accounts dominated by d (accounts with every
 * size 0: the first composition class).
 */
function mixClasses(free: readonly number[], D: number, size: Float64Array, sizeClasses: number): Int32Array {
  const dominant = new Int32Array(free.length);
  const lean = new Float64Array(free.length);
  const total = new Float64Array(free.length);
  free.forEach((a, i) => {
    let d0 = 0;
    for (let d = 0; d < D; d++) {
      total[i] += size[a * D + d];
      if (size[a * D + d] > size[a * D + d0]) d0 = d;
    }
    dominant[i] = d0;
    lean[i] = total[i] > 0 ? size[a * D + d0] / total[i] : 0;
  });
  const median = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const leans = Array.from(lean.filter((_, i) => dominant[i] === d)).sort((x, y) => x - y);
    median[d] = leans.length > 0 ? leans[leans.length >> 1] : 0;
  }
  const sorted = Array.from(total).sort((x, y) => x - y);
  const cuts = Array.from(
    { length: sizeClasses - 1 },
    (_, j) => sorted[Math.floor(((j + 1) * sorted.length) / sizeClasses)],
  );
  return Int32Array.from(free, (_, i) => {
    let sizeClass = 0;
    while (sizeClass < cuts.length && total[i] >= cuts[sizeClass]) sizeClass++;
    return (sizeClass * D + dominant[i]) * 2 + (lean[i] >= median[dominant[i]] ? 1 : 0);
  });
}

/** Dual points, and the accounts each stands for (dealt to its reps in its soft shares). */
interface Dealing {
  readonly pts: SoftPoints;
  readonly members: readonly (readonly number[])[];
}

/**
 * The points of the mix stage: one per fine cell and mix class (`sizeClasses` size classes), of D sizes (`split`),
 * with its cell's arcs in use in `f` plus its cell's `near` homes (MIX_NEAR per cell, nearest first, by centroid).
 */
function mixPoints(
  free: readonly number[],
  cellOf: Int32Array,
  split: { dims: number; size: Float64Array },
  f: SoftPoints,
  near: { rep: Int32Array; km: Float64Array; count: Int32Array },
  sizeClasses: number,
): Dealing {
  const D = split.dims;
  const cls = mixClasses(free, D, split.size, sizeClasses);
  const index = new Map<number, number>();
  const members: number[][] = [];
  const cellOfPoint: number[] = [];
  free.forEach((a, i) => {
    const cell = cellOf[a];
    if (cell < 0) return;
    const k = cell * sizeClasses * 2 * D + cls[i];
    let q = index.get(k);
    if (q === undefined) {
      q = members.length;
      index.set(k, q);
      members.push([]);
      cellOfPoint.push(cell);
    }
    members[q].push(a);
  });
  const N = members.length;
  const rep: number[] = [];
  const km: number[] = [];
  const start = new Int32Array(N);
  const active = new Int32Array(N);
  const count = new Float64Array(N);
  const mass = new Float64Array(N * D);
  const seen = new Set<number>();
  for (let q = 0; q < N; q++) {
    const i = cellOfPoint[q];
    start[q] = rep.length;
    seen.clear();
    const add = (r: number, d: number): void => {
      if (seen.has(r)) return;
      seen.add(r);
      rep.push(r);
      km.push(d);
    };
    for (let j = f.start[i]; j < f.start[i] + f.active[i]; j++) add(f.rep[j], f.km[j]);
    for (let j = i * MIX_NEAR; j < i * MIX_NEAR + near.count[i]; j++) add(near.rep[j], near.km[j]);
    active[q] = rep.length - start[q];
    count[q] = members[q].length;
    for (const a of members[q]) for (let d = 0; d < D; d++) mass[q * D + d] += split.size[a * D + d];
  }
  const pts: SoftPoints = {
    dims: D,
    count,
    size: mass.map((x, j) => x / count[Math.floor(j / D)]),
    mass,
    start,
    active,
    rep: Int32Array.from(rep),
    km: Float64Array.from(km),
  };
  return { pts, members };
}

/**
 * Deals each point's accounts to its reps in the point's soft shares at prices `p` and temperature `T` (km): the
 * (account, rep) pairs in order of priced cost (km + Σ_d p_(rep, d) · size_(a, d)), each account to the first rep
 * with room for it (room: share × the point's summed mass), the rest to the rep with the most room left.
 */
function deal(
  { pts, members }: Dealing,
  p: Float64Array,
  T: number,
  size: Float64Array,
  geo: { accU: Float64Array; repU: Float64Array },
  pref: Int32Array,
  meter: { work: number },
): void {
  const D = pts.dims;
  const { accU, repU } = geo;
  const share = new Float64Array(pts.rep.length);
  softShares(pts, p, T, share);
  const room = new Float64Array(pts.rep.length);
  const pairAcc: number[] = [];
  const pairArc: number[] = [];
  const pairCost: number[] = [];
  const order: number[] = [];
  const whole = (a: number): number => {
    let x = 0;
    for (let d = 0; d < D; d++) x += size[a * D + d];
    return x;
  };
  for (let i = 0; i < members.length; i++) {
    const s0 = pts.start[i];
    const arcs = pts.active[i];
    let pointMass = 0;
    for (let d = 0; d < D; d++) pointMass += pts.mass[i * D + d];
    pairAcc.length = pairArc.length = pairCost.length = order.length = 0;
    for (let j = 0; j < arcs; j++) room[j] = share[s0 + j] * pointMass;
    for (const a of members[i]) {
      for (let j = 0; j < arcs; j++) {
        if (share[s0 + j] < MIN_SHARE) continue;
        const r = pts.rep[s0 + j];
        const dt = accU[3 * a] * repU[3 * r] + accU[3 * a + 1] * repU[3 * r + 1] + accU[3 * a + 2] * repU[3 * r + 2];
        let x = EARTH_KM * Math.acos(Math.max(-1, Math.min(1, dt)));
        for (let d = 0; d < D; d++) x += p[r * D + d] * size[a * D + d];
        order.push(pairAcc.length);
        pairAcc.push(a);
        pairArc.push(j);
        pairCost.push(x);
      }
    }
    order.sort((x, y) => pairCost[x] - pairCost[y] || x - y);
    for (const o of order) {
      const a = pairAcc[o];
      const j = pairArc[o];
      if (pref[a] >= 0 || room[j] < whole(a) / 2) continue;
      pref[a] = pts.rep[s0 + j];
      room[j] -= whole(a);
    }
    // Left over (every share used up): the rep of the point with the most room left.
    for (const a of members[i]) {
      if (pref[a] >= 0) continue;
      let best = 0;
      for (let j = 1; j < arcs; j++) if (room[j] > room[best]) best = j;
      pref[a] = pts.rep[s0 + best];
      room[best] -= whole(a);
    }
    meter.work += order.length * 2 + members[i].length;
  }
}

/**
 * Each free account's preferred rep by the cell carve (see the module comment): `pref[a]` (accounts not in `free`
 * keep `fixed[a]`; free accounts without coordinates −1), or undefined. `band`: the relative band the soft loads
 * aim at; `allowance` caps its work (counted on `meter`).
 */
export function cellAssignment(
  c: Compiled,
  free: readonly number[],
  fixed: Int32Array,
  band: number,
  meter: { work: number },
  allowance: number,
): Int32Array | undefined {
  if (!carvable(c, free) || free.length < MIN_PER_REP * c.R) return undefined;
  const sized = combinedSizes(c, free, fixed);
  if (sized === undefined) return undefined;
  const { size, t } = sized;
  const start = meter.work;
  const left = (): number => allowance - (meter.work - start);
  const K = Math.min(c.R, CANDIDATES);
  const accU = unitVectors(c.geo!.lat, c.geo!.lon);
  const repU = unitVectors(c.geo!.repLat, c.geo!.repLon);
  const coarseCells = pool(c, free, size, accU, COARSE_DEG);
  const fineCells = pool(c, free, size, accU, FINE_DEG);
  const Cc = coarseCells.count.length;
  const C = fineCells.count.length;
  meter.work += 2 * free.length;
  // Only where the candidates, MIN_EVALS evaluations on the coarse cells and MIN_FINE_EVALS on the fine ones (before
  // any pruning) fit: on a book spread thin (cells of one account) the fine cells are as many as the accounts.
  const need = (Cc + C) * c.R * NEAREST_COST + (Cc * MIN_EVALS + C * MIN_FINE_EVALS) * K * EVAL_COST;
  if (C === 0 || need > left()) return undefined;
  const coarse = points(c, coarseCells, repU, K, meter);
  const f = points(c, fineCells, repU, K, meter);
  // Each fine cell's nearest homes, kept for the mix stage (the solve prunes the cells' arcs in place).
  const near = { rep: new Int32Array(C * MIX_NEAR), km: new Float64Array(C * MIX_NEAR), count: new Int32Array(C) };
  let gap = 0;
  let pooled = 0;
  for (let i = 0; i < C; i++) {
    if (f.active[i] > 1) gap += (f.km[i * K + 1] - f.km[i * K]) * f.count[i];
    pooled += f.count[i];
    near.count[i] = Math.min(MIX_NEAR, f.active[i]);
    near.rep.set(f.rep.subarray(i * K, i * K + near.count[i]), i * MIX_NEAR);
    near.km.set(f.km.subarray(i * K, i * K + near.count[i]), i * MIX_NEAR);
  }
  gap = gap / pooled || 1;
  const temps = temperatures(gap);
  const runOff = 1e3 * (EARTH_KM * Math.PI + gap);
  const solved = softPrices(
    coarse,
    t,
    { temperatures: temps, iterations: ITERS, band, prune: PRUNE, refine: { at: 1, points: f }, settled: SETTLED },
    meter,
    left(),
    runOff,
  );
  if (solved === undefined || !(solved.off <= SETTLED)) return undefined;
  const T = temps[temps.length - 1];
  const mixed = mixStage(
    c,
    free,
    fixed,
    fineCells.cellOf,
    f,
    near,
    solved.prices,
    { temps, band, runOff },
    meter,
    left,
  );
  let dealt: { dealing: Dealing; prices: Float64Array; size: Float64Array };
  if (mixed !== undefined) dealt = mixed;
  else {
    const members: number[][] = Array.from({ length: C }, () => []);
    for (const a of free) if (fineCells.cellOf[a] >= 0) members[fineCells.cellOf[a]].push(a);
    dealt = { dealing: { pts: f, members }, prices: solved.prices, size };
  }
  const pref = new Int32Array(c.n).fill(-1);
  deal(dealt.dealing, dealt.prices, T, dealt.size, { accU, repU }, pref, meter);
  for (let a = 0; a < c.n; a++) if (fixed[a] >= 0) pref[a] = fixed[a];
  return pref;
}

/**
 * The mix stage (see the module comment): with two or more weighted metrics, the fine cells split by mix class and
 * priced on each metric apart, from the combined `prices`, on the temperatures of `schedule`: the points, the
 * prices and the per-metric sizes; undefined with one metric, where it would not fit the work `left()`, or where
 * the prices run off. When the work runs out on the way, the prices reached so far.
 */
function mixStage(
  c: Compiled,
  free: readonly number[],
  fixed: Int32Array,
  cellOf: Int32Array,
  f: SoftPoints,
  near: { rep: Int32Array; km: Float64Array; count: Int32Array },
  prices: Float64Array,
  schedule: { temps: readonly number[]; band: number; runOff: number },
  meter: { work: number },
  left: () => number,
): { dealing: Dealing; prices: Float64Array; size: Float64Array } | undefined {
  const split = combinedSizes(c, free, fixed, true);
  if (split === undefined || split.dims < 2) return undefined;
  const D = split.dims;
  const { temps, band, runOff } = schedule;
  // The most size classes whose points fit the work left (building them costs about a pass over the accounts).
  let dealing: Dealing | undefined;
  for (let classes = SIZE_CLASSES; classes >= 1 && dealing === undefined; classes--) {
    const points = mixPoints(free, cellOf, split, f, near, classes);
    meter.work += free.length;
    const arcs = points.pts.active.reduce((x, y) => x + y, 0);
    if (arcs * evalCost(D) * temps.length * MIX_ITERS * MIX_EVALS_PER_ITER <= left()) dealing = points;
  }
  if (dealing === undefined) return undefined;
  const from = new Float64Array(c.R * D);
  for (let r = 0; r < c.R; r++) from.fill(prices[r], r * D, r * D + D);
  const solved = softPrices(
    dealing.pts,
    split.t,
    { temperatures: temps, iterations: MIX_ITERS, band, settled: SETTLED, from, anytime: true },
    meter,
    left(),
    runOff,
  );
  return solved === undefined ? undefined : { dealing, prices: solved.prices, size: split.size };
}
