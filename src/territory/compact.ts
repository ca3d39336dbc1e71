/**
 * Compact start plans (issue 24): a price-based (Lagrangian) assignment of accounts to nearby reps.
 *
 * The transport LP "least total distance from account to rep home, every rep within a band of its target on every
 * metric" has a dual: a price per rep and metric. At the optimal prices each account goes to the rep that minimises
 * distance + Σ_m price_rm · v_am / mean_m (its priced distance), and only about R · k accounts are split between
 * reps in the LP. So we search for prices rather than for a plan: each account is offered its CANDIDATES nearest
 * eligible homes (plus the reps whose reach covers it, so that a rep far from most accounts can still fill its
 * book) and takes the cheapest at the current prices; each rep's price on each metric rises while the rep is over
 * the band (fewer accounts find it cheap) and falls while it is under, with a step that grows while the sign holds
 * and shrinks when it turns (so it settles where the load crosses the band). Groups of nearby reps (and groups of
 * groups) have prices of their own, stepped on the group's totals, so that a crowded region sheds load to its
 * neighbours in a few rounds rather than rep by rep. A price per rep on the account count does the same for minimum
 * and maximum counts. The round closest to balance (then shortest) gives each account's preferred rep: the
 * construction places accounts there (falling back to the usual rules where a rep is full) and the balance search
 * (descent with its distance weight, min–max search, compactness pass) takes it into the tolerance band.
 *
 * Deterministic (no randomness, fixed orders, ties by index); its work is counted on the caller's meter, in the
 * same units as the search (evaluations of a rep's totals after a change), and stays within the allowance given.
 * It runs only where MIN_ROUNDS rounds fit in the allowance (on larger books the construction keeps its plain
 * nearest-home carve).
 */
import { type Compiled, EARTH_KM, unitVectors } from './model';

/** Candidate homes per account (its nearest eligible reps). */
const CANDIDATES = 12;
/** A rep reaches the accounts within the radius that holds this many times its share of them. */
const REACH = 2;
/** Accounts sampled to find each rep's reach. */
const REACH_SAMPLE = 2000;
/** Most price rounds. */
const MAX_ROUNDS = 400;
/** Growth of a price's step while its rep stays on one side of the band, and shrink when it crosses. */
const GROW = 1.2;
const SHRINK = 0.7;
/** Reps per group (and groups per group of groups) for the shared prices. */
const GROUP_SIZE = 4;
/** First step of every price, in mean gaps between an account's nearest and second-nearest home. */
const STEP0 = 0.5;
/** Fewest rounds that must fit in the allowance for the priced carve to run. */
const MIN_ROUNDS = 200;
/** A priced plan still this far off (a fraction) after its rounds is dropped for the plain carve. */
const GIVE_UP = 0.5;
/**
 * Work units per (account, candidate) priced, by metric count k: PRICE_BASE + PRICE_PER_METRIC × k (a few
 * multiply-adds against the search's unit, one rep's totals after a change with its bookkeeping; measured at
 * about 0.3 for two metrics on this machine, where the price rounds run at the search's units per second).
 */
const PRICE_BASE = 0.15;
const PRICE_PER_METRIC = 0.075;
/** Work units per (account, rep) distance compared when the candidates are chosen (one dot product). */
const NEAREST_COST = 1 / 8;

/**
 * The candidates of each free account, in compressed rows: its K nearest eligible homes, plus every eligible rep
 * whose reach covers it (the radius within which the rep finds REACH times its share of the free accounts), so a rep
 * far from most accounts can still fill its book.
 */
interface Candidates {
  /** `rep[start[a]] …`: account a's candidate reps, `km` their distances (km). */
  readonly start: Int32Array;
  readonly rep: Int32Array;
  readonly km: Float64Array;
}

/** True when a carve by distance applies: every rep has a home and there are accounts to place. */
export function carvable(c: Compiled, free: readonly number[]): boolean {
  return c.geo !== undefined && !c.geo.repLat.some(Number.isNaN) && free.length > 0;
}

/** Each rep's reach as a dot-product threshold: accounts with unit-vector dot ≥ it are within its reach. */
function reaches(
  c: Compiled,
  free: readonly number[],
  accU: Float64Array,
  repU: Float64Array,
  meter: { work: number },
  reach: number,
): Float64Array {
  const stride = Math.max(1, Math.floor(free.length / REACH_SAMPLE));
  const sample = free.filter((_, i) => i % stride === 0);
  const out = new Float64Array(c.R);
  const dots: number[] = [];
  for (let r = 0; r < c.R; r++) {
    dots.length = 0;
    for (const a of sample) {
      const kk = c.key[a];
      if (kk >= 0 && c.elig[kk * c.R + r] !== 1) continue;
      dots.push(accU[3 * a] * repU[3 * r] + accU[3 * a + 1] * repU[3 * r + 1] + accU[3 * a + 2] * repU[3 * r + 2]);
    }
    dots.sort((p, q) => q - p);
    const q = Math.min(dots.length - 1, Math.ceil(reach * c.share[r] * sample.length));
    out[r] = q >= 0 ? dots[q] : Infinity;
  }
  meter.work += Math.ceil(c.R * sample.length * NEAREST_COST * 4);
  return out;
}

/**
 * Offers `id` with `key` to the list of the `ids.length` largest keys, kept in descending order in `keys`/`ids`
 * (ties: the earlier offer first); returns the list's new size (`size` before the offer).
 */
function keepLargest(keys: Float64Array, ids: Int32Array, size: number, key: number, id: number): number {
  const cap = ids.length;
  if (size === cap && key <= keys[cap - 1]) return size;
  let j = size < cap ? size++ : cap - 1;
  while (j > 0 && key > keys[j - 1]) {
    keys[j] = keys[j - 1];
    ids[j] = ids[j - 1];
    j--;
  }
  keys[j] = key;
  ids[j] = id;
  return size;
}

/** Loads (`x[r * k + m]`) and account counts of the accounts that stay where `fixed` puts them (−1: none). */
function fixedLoads(c: Compiled, fixed: Int32Array): { x: Float64Array; cnt: Float64Array } {
  const { n, k, R } = c;
  const x = new Float64Array(R * k);
  const cnt = new Float64Array(R);
  for (let a = 0; a < n; a++) {
    const r = fixed[a];
    if (r < 0) continue;
    cnt[r]++;
    for (let m = 0; m < k; m++) x[r * k + m] += c.v[a * k + m];
  }
  return { x, cnt };
}

/**
 * One price step (Rprop): entry `i` moves by its step in the direction `sign` (+1 over the band, −1 under, 0 within:
 * no change); the step grows while the sign holds and shrinks when it turns.
 */
function stepPrice(price: Float64Array, step: Float64Array, last: Int8Array, i: number, sign: number): void {
  if (sign === 0) return;
  step[i] *= sign === last[i] ? GROW : last[i] === -sign ? SHRINK : 1;
  last[i] = sign;
  price[i] += sign * step[i];
}

/**
 * The candidates of every account in `free`: K nearest eligible homes (ties by rep index) and the reps reaching it
 * (each rep reaches the accounts within the radius holding `reach` times its share of them).
 */
export function nearestHomes(c: Compiled, free: readonly number[], meter: { work: number }, reach = REACH): Candidates {
  const g = c.geo!;
  const K = Math.min(CANDIDATES, c.R);
  const accU = unitVectors(g.lat, g.lon);
  const repU = unitVectors(g.repLat, g.repLon);
  const within = reaches(c, free, accU, repU, meter, reach);
  const start = new Int32Array(c.n + 1);
  const reps: number[] = [];
  const kms: number[] = [];
  const top = new Int32Array(K);
  const dot = new Float64Array(K);
  const extra: number[] = [];
  const extraDot: number[] = [];
  const isFree = new Uint8Array(c.n);
  for (const a of free) isFree[a] = 1;
  for (let a = 0; a < c.n; a++) {
    start[a] = reps.length;
    if (!isFree[a]) continue;
    let size = 0;
    extra.length = 0;
    extraDot.length = 0;
    const x = accU[3 * a];
    const y = accU[3 * a + 1];
    const z = accU[3 * a + 2];
    const kk = c.key[a];
    for (let r = 0; r < c.R; r++) {
      if (kk >= 0 && c.elig[kk * c.R + r] !== 1) continue;
      // Larger dot product = nearer; keep the K largest, sorted (stable: an equal one goes after).
      const d = x * repU[3 * r] + y * repU[3 * r + 1] + z * repU[3 * r + 2];
      if (d >= within[r]) {
        extra.push(r);
        extraDot.push(d);
      }
      size = keepLargest(dot, top, size, d, r);
    }
    const km = (d: number) => EARTH_KM * Math.acos(Math.max(-1, Math.min(1, d)));
    for (let j = 0; j < size; j++) {
      reps.push(top[j]);
      kms.push(km(dot[j]));
    }
    for (let e = 0; e < extra.length; e++) {
      let dup = false;
      for (let j = 0; j < size && !dup; j++) dup = top[j] === extra[e];
      if (dup) continue;
      reps.push(extra[e]);
      kms.push(km(extraDot[e]));
    }
  }
  start[c.n] = reps.length;
  meter.work += Math.ceil(free.length * c.R * NEAREST_COST);
  return { start, rep: Int32Array.from(reps), km: Float64Array.from(kms) };
}

/**
 * Groups of nearby reps, level by level: about GROUP_SIZE reps per group, then groups of those groups, up to (not
 * including) one group of all. `of[l][r]` is rep r's group at level l. A group's price moves all its reps' prices
 * together, so a crowded region sheds load to its neighbours in a few rounds instead of rep by rep.
 */
function repGroups(c: Compiled): Int32Array[] {
  const g = c.geo!;
  let u = unitVectors(g.repLat, g.repLon);
  let nodeOf = Int32Array.from({ length: c.R }, (_, r) => r);
  let N = c.R;
  const out: Int32Array[] = [];
  const near = new Int32Array(GROUP_SIZE - 1);
  const nearDot = new Float64Array(GROUP_SIZE - 1);
  while (N > GROUP_SIZE) {
    const group = new Int32Array(N).fill(-1);
    let G = 0;
    for (let i = 0; i < N; i++) {
      if (group[i] >= 0) continue;
      group[i] = G;
      // The GROUP_SIZE − 1 nearest nodes not yet grouped (ties by index).
      let size = 0;
      for (let j = i + 1; j < N; j++) {
        if (group[j] >= 0) continue;
        const d = u[3 * i] * u[3 * j] + u[3 * i + 1] * u[3 * j + 1] + u[3 * i + 2] * u[3 * j + 2];
        size = keepLargest(nearDot, near, size, d, j);
      }
      for (let q = 0; q < size; q++) group[near[q]] = G;
      G++;
    }
    const next = new Float64Array(3 * G);
    for (let i = 0; i < N; i++) for (let d = 0; d < 3; d++) next[3 * group[i] + d] += u[3 * i + d];
    for (let q = 0; q < G; q++) {
      const len = Math.hypot(next[3 * q], next[3 * q + 1], next[3 * q + 2]) || 1;
      for (let d = 0; d < 3; d++) next[3 * q + d] /= len;
    }
    const of = new Int32Array(c.R);
    for (let r = 0; r < c.R; r++) of[r] = group[nodeOf[r]];
    out.push(of);
    nodeOf = of;
    u = next;
    N = G;
  }
  return out;
}

/**
 * Each account's preferred rep by the price-based assignment (see the module comment), or undefined when it does
 * not apply (no coordinates, or a rep without a home). `free` lists the accounts to place (the others keep
 * `fixed[a]`, their loads counted as given); `band` is the fraction every rep should end within on every metric;
 * `allowance` caps the work units spent (counted on `meter`).
 */
export function priceAssignment(
  c: Compiled,
  free: readonly number[],
  fixed: Int32Array,
  band: number,
  meter: { work: number },
  allowance: number,
): Int32Array | undefined {
  if (!carvable(c, free)) return undefined;
  const { n, k, R } = c;
  // Rough check first (each account has about CANDIDATES + REACH candidates), exact once they are known.
  const priceCost = PRICE_BASE + PRICE_PER_METRIC * c.k;
  if (free.length * (CANDIDATES + REACH) * priceCost * MIN_ROUNDS > allowance) return undefined;
  const startWork = meter.work;
  const cand = nearestHomes(c, free, meter);
  // Loads of the accounts that stay where they are.
  const { x: base, cnt: baseCnt } = fixedLoads(c, fixed);
  // ν_am = v_am / (mean of metric m over the free accounts): the price term of rep r for account a is
  // Σ_m P_rm · ν_am, P_rm in km (what an average account pays to go to r on metric m's account).
  const nu = new Float64Array(n * k);
  for (let m = 0; m < k; m++) {
    let mean = 0;
    for (const a of free) mean += c.v[a * k + m];
    mean /= free.length;
    if (!(mean > 0) || c.w[m] === 0) continue;
    for (const a of free) nu[a * k + m] = c.v[a * k + m] / mean;
  }
  // Kernel of the steps: the mean gap (km) between an account's nearest and second-nearest home.
  let gap = 0;
  for (const a of free)
    if (cand.start[a + 1] - cand.start[a] > 1) gap += cand.km[cand.start[a] + 1] - cand.km[cand.start[a]];
  gap = gap / free.length || 1;
  const price = new Float64Array(R * k);
  const step = new Float64Array(R * k).fill((STEP0 * gap) / k);
  // Shared prices of groups of nearby reps (each level: price, step, last sign per group and metric), and the
  // effective price of each rep: its own plus its groups'.
  const tiers = repGroups(c);
  const groups = tiers.map((of) => {
    const G = Math.max(...of) + 1;
    return {
      of,
      G,
      price: new Float64Array(G * k),
      step: new Float64Array(G * k).fill((STEP0 * gap) / k),
      last: new Int8Array(G * k),
      x: new Float64Array(G * k),
      t: new Float64Array(G * k),
    };
  });
  for (const gr of groups)
    for (let r = 0; r < R; r++) for (let m = 0; m < k; m++) gr.t[gr.of[r] * k + m] += c.target[r * k + m];
  const eff = new Float64Array(R * k);
  const lastSign = new Int8Array(R * k);
  const countPrice = new Float64Array(R);
  const countStep = new Float64Array(R).fill(STEP0 * gap);
  const lastCountSign = new Int8Array(R);
  const choice = new Int32Array(n).fill(-1);
  const best = new Int32Array(n).fill(-1);
  let bestDev = Infinity;
  let bestKm = Infinity;
  const x = new Float64Array(R * k);
  const cnt = new Float64Array(R);
  // Only where enough rounds over every account fit in the allowance (larger books keep the plain carve).
  let entries = 0;
  for (const a of free) entries += cand.start[a + 1] - cand.start[a];
  const roundCost = Math.ceil(entries * priceCost);
  if (roundCost * MIN_ROUNDS > allowance - (meter.work - startWork)) return undefined;
  for (let round = 0; round < MAX_ROUNDS && meter.work - startWork + roundCost <= allowance; round++) {
    meter.work += roundCost;
    cnt.fill(0);
    x.set(base);
    let totalKm = 0;
    for (let f = 0; f < free.length; f++) {
      const a = free[f];
      let bj = -1;
      let bc = Infinity;
      const end = cand.start[a + 1];
      if (k === 2) {
        // The common case (two metrics) unrolled: about twice as fast.
        const n0 = nu[2 * a];
        const n1 = nu[2 * a + 1];
        for (let j = cand.start[a]; j < end; j++) {
          const r = cand.rep[j];
          const cj = cand.km[j] + countPrice[r] + eff[2 * r] * n0 + eff[2 * r + 1] * n1;
          if (cj < bc) {
            bc = cj;
            bj = j;
          }
        }
      } else {
        for (let j = cand.start[a]; j < end; j++) {
          const r = cand.rep[j];
          let cj = cand.km[j] + countPrice[r];
          for (let m = 0; m < k; m++) cj += eff[r * k + m] * nu[a * k + m];
          if (cj < bc) {
            bc = cj;
            bj = j;
          }
        }
      }
      const r = cand.rep[bj];
      choice[a] = r;
      totalKm += cand.km[bj];
      cnt[r]++;
      for (let m = 0; m < k; m++) x[r * k + m] += c.v[a * k + m];
    }
    // Largest deviation (count violations as 1 + the excess); each price outside the band steps toward it.
    let dev = 0;
    for (let r = 0; r < R; r++) {
      for (let m = 0; m < k; m++) {
        const i = r * k + m;
        const e = (x[i] - c.target[i]) * c.invTarget[i] * c.w[m];
        if (Math.abs(e) > dev) dev = Math.abs(e);
        stepPrice(price, step, lastSign, i, e > band ? 1 : e < -band ? -1 : 0);
      }
      const nr = baseCnt[r] + cnt[r];
      const over = nr > c.maxCount[r] ? 1 : nr < c.minCount[r] ? -1 : 0;
      if (over !== 0) dev = Math.max(dev, 1 + Math.abs(nr - (over > 0 ? c.maxCount[r] : c.minCount[r])));
      stepPrice(countPrice, countStep, lastCountSign, r, over);
    }
    // The groups' prices step the same way on the groups' totals.
    for (const gr of groups) {
      gr.x.fill(0);
      for (let r = 0; r < R; r++) for (let m = 0; m < k; m++) gr.x[gr.of[r] * k + m] += x[r * k + m];
      for (let i = 0; i < gr.G * k; i++) {
        const m = i % k;
        const e = gr.t[i] > 0 ? ((gr.x[i] - gr.t[i]) / gr.t[i]) * c.w[m] : 0;
        stepPrice(gr.price, gr.step, gr.last, i, e > band ? 1 : e < -band ? -1 : 0);
      }
    }
    eff.set(price);
    for (const gr of groups)
      for (let r = 0; r < R; r++) for (let m = 0; m < k; m++) eff[r * k + m] += gr.price[gr.of[r] * k + m];
    if (dev < bestDev - 1e-12 || (dev <= bestDev + 1e-12 && totalKm < bestKm)) {
      bestDev = dev;
      bestKm = totalKm;
      best.set(choice);
    }
    if (dev <= band) break;
  }
  if (!(bestDev <= GIVE_UP)) return undefined;
  for (let a = 0; a < n; a++) if (fixed[a] >= 0) best[a] = fixed[a];
  return best;
}

/**
 * The capacitated nearest-home carve, for books too large for the price rounds (the transport problem's "least
 * cost" rule): every (account, candidate home) pair in order of distance, each account to the first candidate
 * that still has room within (1 + `band`) × its target on every weighted metric and under its maximum count; an
 * account left over goes to the candidate it overfills least. The balance search then evens out what is left.
 * Returns each account's preferred rep (−1 where none; accounts not in `free` keep `fixed`); undefined without
 * homes for every rep. Its work (about two units per pair) goes on `meter`.
 */
export function greedyAssignment(
  c: Compiled,
  free: readonly number[],
  fixed: Int32Array,
  band: number,
  meter: { work: number },
): Int32Array | undefined {
  if (!carvable(c, free)) return undefined;
  const { n, k } = c;
  const cand = nearestHomes(c, free, meter);
  const { x: load, cnt } = fixedLoads(c, fixed);
  // Pairs sorted by distance in one native sort: the distance quantised to the high bits of a double, the pair's
  // index in the low ones (both integers, so the packed key is exact below 2^53).
  const P = cand.rep.length;
  const pairAcc = new Int32Array(P);
  for (let a = 0; a < n; a++) for (let i = cand.start[a]; i < cand.start[a + 1]; i++) pairAcc[i] = a;
  const bits = Math.max(1, Math.ceil(Math.log2(P + 1)));
  const low = 2 ** bits;
  const levels = 2 ** (52 - bits) - 1;
  let maxKm = 0;
  for (let i = 0; i < P; i++) if (cand.km[i] > maxKm) maxKm = cand.km[i];
  const keys = new Float64Array(P);
  for (let i = 0; i < P; i++) keys[i] = Math.floor((cand.km[i] / (maxKm || 1)) * levels) * low + i;
  keys.sort();
  const pref = new Int32Array(n).fill(-1);
  const fits = (a: number, r: number): boolean => {
    if (cnt[r] >= c.maxCount[r]) return false;
    for (let m = 0; m < k; m++) {
      const i = r * k + m;
      if (c.w[m] > 0 && load[i] + c.v[a * k + m] > (1 + band) * c.target[i]) return false;
    }
    return true;
  };
  const take = (a: number, r: number): void => {
    pref[a] = r;
    cnt[r]++;
    for (let m = 0; m < k; m++) load[r * k + m] += c.v[a * k + m];
  };
  for (let j = 0; j < P; j++) {
    const i = keys[j] % low;
    const a = pairAcc[i];
    if (pref[a] < 0 && fits(a, cand.rep[i])) take(a, cand.rep[i]);
  }
  // Left over (no candidate with room): the candidate whose fullest weighted metric is lowest after taking it.
  for (const a of free) {
    if (pref[a] >= 0) continue;
    let best = -1;
    let bestFill = Infinity;
    for (let i = cand.start[a]; i < cand.start[a + 1]; i++) {
      const r = cand.rep[i];
      if (cnt[r] >= c.maxCount[r]) continue;
      let fill = 0;
      for (let m = 0; m < k; m++) {
        const t = r * k + m;
        if (c.w[m] > 0) fill = Math.max(fill, c.w[m] * (load[t] + c.v[a * k + m]) * c.invTarget[t]);
      }
      if (fill < bestFill) {
        bestFill = fill;
        best = r;
      }
    }
    if (best >= 0) take(a, best);
  }
  for (let a = 0; a < n; a++) if (fixed[a] >= 0) pref[a] = fixed[a];
  meter.work += 2 * P;
  return pref;
}
