/**
 * The cell carve (issue 24): a compact start for large books from scratch with coordinates, where the price rounds
 * of compact.ts do not fit the work cap (and at 200 reps do not settle) and the soft-priced carve of softCarve.ts,
 * on every account, would need several work caps.
 *
 * Accounts are pooled in cells of a latitude/longitude grid; each cell is one point of the soft transport dual of
 * softDual.ts (its account count, mean and total combined size, at its centroid), with arcs to its CANDIDATES
 * nearest homes, and a band equal to the tolerance. The dual is first solved on coarse cells (COARSE_DEG) at the
 * highest temperature, then on fine cells (FINE_DEG) whose arcs are pruned as the temperature falls (arcs priced
 * PRUNE temperatures above their cell's cheapest carry no share). At the final prices each fine cell's accounts
 * are dealt to its reps in the cell's soft shares: (account, rep) pairs in order of priced cost, each account to
 * the first rep with room for it. The balance search then takes the plan into the band.
 *
 * On the bench's clustered 50,000 × 200 book (seed 7) the dealt plan averages 145 km from home, 15–18 % off the
 * targets on each metric; the search takes it into the band at 158 km (bench/RESULTS.md, Compactness VI).
 * Deterministic; its work is counted on the caller's meter. Undefined when it does not apply (no homes, no
 * weighted metric), would not fit the allowance, or does not settle.
 */
import { type Compiled, EARTH_KM, unitVectors } from './model';
import { carvable } from './compact';
import { EVAL_COST, type SoftPoints, combinedSizes, softPrices, softShares, temperatures } from './softDual';

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
const MIN_PER_REP = 150;
/** Shares below this are not dealt. */
const MIN_SHARE = 1e-4;

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
  if (C === 0 || need > allowance - (meter.work - start)) return undefined;
  const coarse = points(c, coarseCells, repU, K, meter);
  const f = points(c, fineCells, repU, K, meter);
  let gap = 0;
  let pooled = 0;
  for (let i = 0; i < C; i++) {
    if (f.active[i] > 1) gap += (f.km[i * K + 1] - f.km[i * K]) * f.count[i];
    pooled += f.count[i];
  }
  gap = gap / pooled || 1;
  const temps = temperatures(gap);
  const solved = softPrices(
    coarse,
    t,
    { temperatures: temps, iterations: ITERS, band, prune: PRUNE, refine: { at: 1, points: f }, settled: SETTLED },
    meter,
    allowance - (meter.work - start),
    1e3 * (EARTH_KM * Math.PI + gap),
  );
  if (solved === undefined || !(solved.off <= SETTLED)) return undefined;
  const p = solved.prices;
  // Each cell's soft shares at the final prices, then its accounts dealt to its reps in those shares.
  const share = new Float64Array(f.rep.length);
  softShares(f, p, temps[temps.length - 1], share);
  const members: number[][] = Array.from({ length: C }, () => []);
  for (const a of free) if (fineCells.cellOf[a] >= 0) members[fineCells.cellOf[a]].push(a);
  const pref = new Int32Array(c.n).fill(-1);
  const room = new Float64Array(K);
  const pairAcc: number[] = [];
  const pairArc: number[] = [];
  const pairCost: number[] = [];
  const order: number[] = [];
  for (let i = 0; i < C; i++) {
    const s0 = f.start[i];
    const arcs = f.active[i];
    pairAcc.length = pairArc.length = pairCost.length = order.length = 0;
    for (let j = 0; j < arcs; j++) room[j] = share[s0 + j] * f.mass[i];
    for (const a of members[i]) {
      for (let j = 0; j < arcs; j++) {
        if (share[s0 + j] < MIN_SHARE) continue;
        const r = f.rep[s0 + j];
        const d = accU[3 * a] * repU[3 * r] + accU[3 * a + 1] * repU[3 * r + 1] + accU[3 * a + 2] * repU[3 * r + 2];
        order.push(pairAcc.length);
        pairAcc.push(a);
        pairArc.push(j);
        pairCost.push(EARTH_KM * Math.acos(Math.max(-1, Math.min(1, d))) + p[r] * size[a]);
      }
    }
    order.sort((x, y) => pairCost[x] - pairCost[y] || x - y);
    for (const o of order) {
      const a = pairAcc[o];
      const j = pairArc[o];
      if (pref[a] >= 0 || room[j] < size[a] / 2) continue;
      pref[a] = f.rep[s0 + j];
      room[j] -= size[a];
    }
    // Left over (every share used up): the rep of the cell with the most room left.
    for (const a of members[i]) {
      if (pref[a] >= 0) continue;
      let best = 0;
      for (let j = 1; j < arcs; j++) if (room[j] > room[best]) best = j;
      pref[a] = f.rep[s0 + best];
      room[best] -= size[a];
    }
    meter.work += order.length * 2 + members[i].length;
  }
  for (let a = 0; a < c.n; a++) if (fixed[a] >= 0) pref[a] = fixed[a];
  return pref;
}
