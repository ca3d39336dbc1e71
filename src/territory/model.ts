/**
 * The validated, compiled form of a territory problem that both solvers and the report work on: typed arrays,
 * account-major metric values, per-rep targets, eligibility as a key × rep table, and the objective's building
 * block `repDeviation` (the largest weighted relative deviation of one rep over all metrics).
 */
import { invalid } from '../shared/errors';
import type { TerritoryProblem } from './types';

/** A compiled problem. All arrays are owned by the solver run (never the caller's). */
export interface Compiled {
  readonly n: number;
  readonly k: number;
  readonly R: number;
  /** Account-major metric values: `v[a * k + m]`. */
  readonly v: Float64Array;
  /** Metric totals over all accounts. */
  readonly total: Float64Array;
  /** Objective weight of each metric, 0 for a metric whose total is 0 (it cannot be off target). */
  readonly w: Float64Array;
  /** Normalised share of each rep (fraction). */
  readonly share: Float64Array;
  /** `target[r * k + m]` = share × total; `invTarget` its inverse (0 where the target is 0). */
  readonly target: Float64Array;
  readonly invTarget: Float64Array;
  /** Current owner (−1 none) and lock flag of each account. */
  readonly cur: Int32Array;
  readonly locked: Uint8Array;
  /** Eligibility key id of each account (−1 = any rep); `elig[key * R + r]` = 1 when rep r takes that key. */
  readonly key: Int32Array;
  readonly elig: Uint8Array;
  readonly minCount: Int32Array;
  readonly maxCount: Int32Array;
  /** Most accounts that may move (Infinity when unlimited). */
  readonly maxMoves: number;
  /** Metric whose moved amount is capped (−1 none), and the cap in that metric's units. */
  readonly budgetMetric: number;
  readonly maxMovedMetric: number;
  /** Account coordinates (radians) and rep anchors (radians; NaN when none) for compactness; undefined without. */
  readonly geo?: {
    lat: Float64Array;
    lon: Float64Array;
    repLat: Float64Array;
    repLon: Float64Array;
    /** Each rep's NEAR_REPS nearest other reps by anchor (ties by index); undefined when an anchor is missing. */
    near: Int32Array[] | undefined;
  };
  readonly names: readonly string[];
  readonly metricNames: readonly string[];
  /** How messages name account `a`: "account 6", or "row 7" for Excel ranges. */
  readonly label: (a: number) => string;
}

const DEG = Math.PI / 180;
/** Mean Earth radius in km. */
export const EARTH_KM = 6371.0088;

/** True when account `a` may go to rep `r` (eligibility only; locks are checked separately). */
export function eligible(c: Compiled, a: number, r: number): boolean {
  const kk = c.key[a];
  return kk < 0 || c.elig[kk * c.R + r] === 1;
}

/**
 * The largest weighted relative deviation (a fraction) of rep `r` over all metrics when its totals are
 * `x[r * k + m] + sign × v[a * k + m]` (pass `a = -1` for the totals as they are).
 */
export function repDeviation(c: Compiled, x: Float64Array, r: number, a: number, sign: number): number {
  const k = c.k;
  const base = r * k;
  let d = 0;
  if (a < 0) {
    for (let m = 0; m < k; m++) {
      const e = Math.abs(x[base + m] - c.target[base + m]) * c.invTarget[base + m] * c.w[m];
      if (e > d) d = e;
    }
  } else {
    const av = a * k;
    for (let m = 0; m < k; m++) {
      const e = Math.abs(x[base + m] + sign * c.v[av + m] - c.target[base + m]) * c.invTarget[base + m] * c.w[m];
      if (e > d) d = e;
    }
  }
  return d;
}

/**
 * Unit vectors (x, y, z per point) of latitudes/longitudes in radians; NaN where a latitude is missing. The great-
 * circle distance falls as the dot product of two of them rises, so comparing distances needs 3 products, not trig.
 */
export function unitVectors(lat: Float64Array, lon: Float64Array): Float64Array {
  const u = new Float64Array(3 * lat.length);
  for (let i = 0; i < lat.length; i++) {
    const cl = Math.cos(lat[i]);
    u[3 * i] = cl * Math.cos(lon[i]);
    u[3 * i + 1] = cl * Math.sin(lon[i]);
    u[3 * i + 2] = Math.sin(lat[i]);
  }
  return u;
}

/** Great-circle distance (km) between two points given in radians (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const s1 = Math.sin((lat2 - lat1) / 2);
  const s2 = Math.sin((lon2 - lon1) / 2);
  const h = s1 * s1 + Math.cos(lat1) * Math.cos(lat2) * s2 * s2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance (km) from account `a` to rep `r`'s anchor; 0 when there are no coordinates or no anchor. */
export function accountDistance(c: Compiled, a: number, r: number): number {
  const g = c.geo;
  if (g === undefined) return 0;
  const rl = g.repLat[r];
  if (Number.isNaN(rl) || Number.isNaN(g.lat[a])) return 0;
  return distanceKm(g.lat[a], g.lon[a], rl, g.repLon[r]);
}

function finiteNonNegative(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

/**
 * The first account whose eligibility key no rep covers (keys compare trimmed and case-insensitively; a rep without
 * keys covers every key; a blank key needs no cover), or −1 when every account has an eligible rep.
 */
export function firstUncoveredKey(
  accountKeys: readonly (string | null)[],
  reps: readonly { readonly keys?: readonly string[] }[],
): number {
  if (reps.some((r) => r.keys === undefined || r.keys.length === 0)) return -1;
  const covered = new Set(reps.flatMap((r) => r.keys ?? []).map((k) => String(k).trim().toLowerCase()));
  return accountKeys.findIndex((k) => {
    const s = (k ?? '').trim().toLowerCase();
    return s !== '' && !covered.has(s);
  });
}

type Label = (a: number) => string;

/** Account-major metric values and metric totals; every value a finite number ≥ 0. */
function readMetrics(
  p: TerritoryProblem,
  label: Label,
): { n: number; k: number; v: Float64Array; total: Float64Array } {
  const k = p.metrics.length;
  if (k === 0) invalid('metrics: at least one metric column is required.');
  const n = p.metrics[0].length;
  if (n === 0) invalid('metrics: there are no accounts.');
  const v = new Float64Array(n * k);
  const total = new Float64Array(k);
  for (let m = 0; m < k; m++) {
    const col = p.metrics[m];
    if (col.length !== n) invalid(`metrics: metric ${m + 1} has ${col.length} values but metric 1 has ${n}.`);
    for (let a = 0; a < n; a++) {
      const x = col[a];
      if (!finiteNonNegative(x))
        invalid(`metrics: ${label(a)}, metric ${m + 1}: expected a number ≥ 0, got ${String(x)}.`);
      v[a * k + m] = x;
      total[m] += x;
    }
  }
  return { n, k, v, total };
}

/** Objective weight of each metric (default 1), 0 for a metric whose total is 0. */
function readWeights(p: TerritoryProblem, total: Float64Array): Float64Array {
  const k = total.length;
  const w = new Float64Array(k);
  for (let m = 0; m < k; m++) {
    const wm = p.metricWeights?.[m] ?? 1;
    if (!finiteNonNegative(wm)) invalid(`metricWeights: weight ${m + 1} must be a number ≥ 0, got ${String(wm)}.`);
    w[m] = total[m] > 0 ? wm : 0;
  }
  return w;
}

/** Rep names (trimmed, unique case-insensitively) and normalised target shares (fractions summing to 1). */
function readReps(p: TerritoryProblem): { names: string[]; share: Float64Array } {
  const R = p.reps.length;
  if (R === 0) invalid('reps: at least one rep is required.');
  const share = new Float64Array(R);
  const names: string[] = [];
  const seen = new Map<string, number>();
  let shareSum = 0;
  for (let r = 0; r < R; r++) {
    const rep = p.reps[r];
    const name = String(rep.name ?? '').trim();
    if (name === '') invalid(`reps: rep ${r + 1} has no name.`);
    const low = name.toLowerCase();
    if (seen.has(low)) invalid(`reps: "${name}" appears twice (reps ${seen.get(low)! + 1} and ${r + 1}).`);
    seen.set(low, r);
    names.push(name);
    const s = rep.share ?? 1;
    if (!(typeof s === 'number' && Number.isFinite(s) && s > 0))
      invalid(`reps: the target share of "${name}" must be a number > 0, got ${String(s)}.`);
    share[r] = s;
    shareSum += s;
  }
  for (let r = 0; r < R; r++) share[r] /= shareSum;
  return { names, share };
}

/** Current owners (−1 none) and lock flags; a locked account must have an owner. */
function readOwners(p: TerritoryProblem, n: number, R: number, label: Label): { cur: Int32Array; locked: Uint8Array } {
  const cur = new Int32Array(n).fill(-1);
  if (p.current !== undefined) {
    if (p.current.length !== n) invalid(`current: ${p.current.length} owners for ${n} accounts.`);
    for (let a = 0; a < n; a++) {
      const c = p.current[a];
      if (!(Number.isInteger(c) && c >= -1 && c < R))
        invalid(`current: ${label(a)} has owner ${String(c)}; expected a rep index 0…${R - 1} or −1.`);
      cur[a] = c;
    }
  }
  const locked = new Uint8Array(n);
  if (p.locked !== undefined) {
    if (p.locked.length !== n) invalid(`locked: ${p.locked.length} flags for ${n} accounts.`);
    for (let a = 0; a < n; a++) {
      if (p.locked[a]) {
        if (cur[a] < 0) invalid(`locked: ${label(a)} is locked but has no current owner; give it one or unlock it.`);
        locked[a] = 1;
      }
    }
  }
  return { cur, locked };
}

/** Eligibility: a key id per account (−1 = any rep) and the key × rep table; a rep without keys takes every key. */
function readKeys(p: TerritoryProblem, n: number, R: number, label: Label): { key: Int32Array; elig: Uint8Array } {
  const key = new Int32Array(n).fill(-1);
  const keyIds = new Map<string, number>();
  if (p.accountKeys !== undefined) {
    if (p.accountKeys.length !== n) invalid(`accountKeys: ${p.accountKeys.length} keys for ${n} accounts.`);
    for (let a = 0; a < n; a++) {
      const s = (p.accountKeys[a] ?? '').trim().toLowerCase();
      if (s === '') continue;
      let id = keyIds.get(s);
      if (id === undefined) {
        id = keyIds.size;
        keyIds.set(s, id);
      }
      key[a] = id;
    }
  }
  const elig = new Uint8Array(Math.max(1, keyIds.size) * R);
  for (let r = 0; r < R; r++) {
    const ks = p.reps[r].keys;
    if (ks === undefined || ks.length === 0) {
      for (let id = 0; id < keyIds.size; id++) elig[id * R + r] = 1;
    } else {
      for (const s of ks) {
        const id = keyIds.get(String(s).trim().toLowerCase());
        if (id !== undefined) elig[id * R + r] = 1;
      }
    }
  }
  if (p.accountKeys !== undefined) {
    const a = firstUncoveredKey(p.accountKeys, p.reps);
    if (a >= 0) invalid(`accountKeys: no rep covers the key "${p.accountKeys[a]}" of ${label(a)}.`);
  }
  return { key, elig };
}

/** Min and max account counts per rep (defaults 0 and n), checked against each other and the account count. */
function readCounts(
  p: TerritoryProblem,
  n: number,
  names: readonly string[],
): { minCount: Int32Array; maxCount: Int32Array } {
  const R = names.length;
  const minCount = new Int32Array(R);
  const maxCount = new Int32Array(R);
  let minSum = 0;
  let maxSum = 0;
  for (let r = 0; r < R; r++) {
    const rep = p.reps[r];
    const lo = rep.minAccounts ?? 0;
    const hi = rep.maxAccounts ?? n;
    if (!(Number.isInteger(lo) && lo >= 0)) invalid(`reps: minAccounts of "${names[r]}" must be a whole number ≥ 0.`);
    if (!(Number.isInteger(hi) && hi >= 0)) invalid(`reps: maxAccounts of "${names[r]}" must be a whole number ≥ 0.`);
    if (lo > hi) invalid(`reps: "${names[r]}" has minAccounts ${lo} > maxAccounts ${hi}.`);
    minCount[r] = lo;
    maxCount[r] = Math.min(hi, n);
    minSum += lo;
    maxSum += Math.min(hi, n);
  }
  if (minSum > n) invalid(`reps: the minimum account counts add up to ${minSum}, more than the ${n} accounts.`);
  if (maxSum < n) invalid(`reps: the maximum account counts add up to ${maxSum}, fewer than the ${n} accounts.`);
  return { minCount, maxCount };
}

/** The move budgets: most accounts moved (Infinity: none), and the capped metric (−1: none) with its cap. */
function readBudget(
  p: TerritoryProblem,
  total: Float64Array,
): { maxMoves: number; budgetMetric: number; maxMovedMetric: number } {
  const k = total.length;
  let maxMoves = Infinity;
  let budgetMetric = -1;
  let maxMovedMetric = Infinity;
  const b = p.moveBudget;
  if (b?.maxAccounts !== undefined) {
    if (!(Number.isInteger(b.maxAccounts) && b.maxAccounts >= 0))
      invalid(`max_moves: expected a whole number ≥ 0, got ${String(b.maxAccounts)}.`);
    maxMoves = b.maxAccounts;
  }
  if (b?.maxMetricFraction !== undefined) {
    const { metric, fraction } = b.maxMetricFraction;
    if (!(Number.isInteger(metric) && metric >= 0 && metric < k))
      invalid(`moveBudget: metric must be 0…${k - 1}, got ${String(metric)}.`);
    if (!finiteNonNegative(fraction)) invalid(`moveBudget: fraction must be a number ≥ 0 (0.1 = 10 %).`);
    budgetMetric = metric;
    maxMovedMetric = fraction * total[metric] * (1 + 1e-12);
  }
  return { maxMoves, budgetMetric, maxMovedMetric };
}

/**
 * Account coordinates and rep anchors in radians: the rep's home, else the centroid of its current accounts
 * (fixed for the run), NaN when it has neither. Undefined without coordinates.
 */
function readGeo(p: TerritoryProblem, cur: Int32Array, names: readonly string[], label: Label): Compiled['geo'] {
  if (p.coordinates === undefined) return undefined;
  const n = cur.length;
  const R = names.length;
  const { lat, lon } = p.coordinates;
  if (lat.length !== n || lon.length !== n) invalid(`coordinates: expected ${n} latitudes and longitudes.`);
  const gl = new Float64Array(n);
  const go = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const okLat = Number.isFinite(lat[a]) && Math.abs(lat[a]) <= 90;
    const okLon = Number.isFinite(lon[a]) && Math.abs(lon[a]) <= 180;
    if (!okLat || !okLon) invalid(`coordinates: ${label(a)} has no valid latitude/longitude.`);
    gl[a] = lat[a] * DEG;
    go[a] = lon[a] * DEG;
  }
  const repLat = new Float64Array(R).fill(NaN);
  const repLon = new Float64Array(R).fill(NaN);
  const cnt = new Float64Array(R);
  const sl = new Float64Array(R);
  const so = new Float64Array(R);
  for (let a = 0; a < n; a++)
    if (cur[a] >= 0) {
      cnt[cur[a]]++;
      sl[cur[a]] += gl[a];
      so[cur[a]] += go[a];
    }
  for (let r = 0; r < R; r++) {
    const h = p.reps[r].home;
    if (h !== undefined) {
      if (!(Number.isFinite(h.lat) && Number.isFinite(h.lon) && Math.abs(h.lat) <= 90 && Math.abs(h.lon) <= 180))
        invalid(`reps: the home of "${names[r]}" is not a valid latitude/longitude.`);
      repLat[r] = h.lat * DEG;
      repLon[r] = h.lon * DEG;
    } else if (cnt[r] > 0) {
      repLat[r] = sl[r] / cnt[r];
      repLon[r] = so[r] / cnt[r];
    }
  }
  return { lat: gl, lon: go, repLat, repLon, near: nearestReps(repLat, repLon) };
}

/** Nearest other reps kept per rep (by anchor), for the searches that move accounts between neighbours. */
const NEAR_REPS = 16;

/** Each rep's NEAR_REPS nearest other reps by anchor, nearest first (ties by index); undefined if one is missing. */
function nearestReps(repLat: Float64Array, repLon: Float64Array): Int32Array[] | undefined {
  const R = repLat.length;
  if (repLat.some(Number.isNaN)) return undefined;
  return Array.from({ length: R }, (_, r) => {
    const d = Array.from({ length: R }, (_, q) => distanceKm(repLat[r], repLon[r], repLat[q], repLon[q]));
    const order = Array.from({ length: R }, (_, q) => q).filter((q) => q !== r);
    order.sort((p, q) => d[p] - d[q] || p - q);
    return Int32Array.from(order.slice(0, NEAR_REPS));
  });
}

/**
 * Validates territory problem `p` and compiles it for the solvers and the report (typed arrays owned by the run;
 * targets in metric units, shares and budgets' metric fraction as fractions, coordinates in radians). Errors throw
 * a `ModelInputError` naming the account (1-based, or the range row with `firstRow`), the rep (by name) or the
 * constraint, and the fix. Does not check counts and budgets against each other; the construction does that.
 */
export function compile(p: TerritoryProblem): Compiled {
  const firstRow = p.firstRow;
  const label: Label = (a) => (firstRow === undefined ? `account ${a + 1}` : `row ${a + firstRow}`);
  const { n, k, v, total } = readMetrics(p, label);
  const { names, share } = readReps(p);
  const R = names.length;
  const w = readWeights(p, total);
  const target = new Float64Array(R * k);
  const invTarget = new Float64Array(R * k);
  for (let r = 0; r < R; r++)
    for (let m = 0; m < k; m++) {
      const t = share[r] * total[m];
      target[r * k + m] = t;
      invTarget[r * k + m] = t > 0 ? 1 / t : 0;
    }
  const { cur, locked } = readOwners(p, n, R, label);
  const { key, elig } = readKeys(p, n, R, label);
  const { minCount, maxCount } = readCounts(p, n, names);
  const { maxMoves, budgetMetric, maxMovedMetric } = readBudget(p, total);
  const geo = readGeo(p, cur, names, label);
  const metricNames = Array.from({ length: k }, (_, m) => p.metricNames?.[m] ?? `Metric ${m + 1}`);
  return {
    n,
    k,
    R,
    v,
    total,
    w,
    share,
    target,
    invTarget,
    cur,
    locked,
    key,
    elig,
    minCount,
    maxCount,
    maxMoves,
    budgetMetric,
    maxMovedMetric,
    geo,
    names,
    metricNames,
    label,
  };
}
