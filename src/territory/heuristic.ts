/**
 * The fast deterministic heuristic for territory balance.
 *
 * 1. Construction: locked accounts stay with their owner; other accounts keep an eligible current owner (no
 *    disruption to start with); the rest go largest-first to the eligible rep with room whose fill after taking
 *    the account is lowest (max over metrics of weight × total / target). Reps below their minimum count then
 *    receive the accounts that hurt balance least. Without a current plan or budget, a second start is built
 *    from scratch (every unlocked account placed largest-first). Seeded restarts (many on small problems, none
 *    above 50,000 account × rep pairs) perturb the order or place accounts at random (unbudgeted) or apply
 *    random moves within half the budget (budgeted); the best plan by (deviation, moves, distance) wins.
 * 2. Balance: under a binding move budget of at most a tenth of the accounts, a descent in stages whose band
 *    narrows from the largest deviation (so the budget goes to the reps that set it; `stagedDescent`); then a
 *    smooth descent (descent.ts) and local search focused on the worst rep (largest weighted relative deviation;
 *    ties → lowest index). Moves out of or into it, then swaps, are searched with a shortlist of the most
 *    complementary reps first (deviation vectors pointing the opposite way), then with all reps; large rep pairs
 *    are swapped through a window of the partner's accounts sorted by the metric that is worst. A change qualifies
 *    when the larger deviation of the two reps involved falls strictly below the focus rep's, and the best one is
 *    taken by the largest deviation over all reps afterwards, then by the pair's, then by budget spent. So the
 *    sorted deviation vector falls lexicographically at every step (no cycling, the largest deviation never
 *    rises). When the worst rep is stuck the next worst reps become the focus in turn (all of them on small
 *    problems, three on large). Small problems (≤ 300 account × other-rep pairs) also search every change of one
 *    or two accounts. Every move and swap keeps locks, eligibility, min/max counts and the move budgets.
 * 3. Disruption: moved accounts are moved back to their current owner when neither rep then exceeds the
 *    largest deviation reached.
 * 4. Compactness (with coordinates): from scratch, the first start is carved by distance (the cell carve of
 *    cellCarve.ts where reps hold at least 50 accounts on average; else priced rounds on books of up to about 8,000
 *    accounts; else a capacitated nearest-home carve). Where the cell carve did not give it, books of up to about
 *    11,000 accounts get a second start from the soft-priced carve (softCarve.ts), searched on a work cap of its
 *    own; the plan with less distance among those within the band goes on. Last, an account moves to a nearer
 *    eligible rep when that neither exceeds the largest deviation nor adds a move.
 * 5. Budget (books with a current plan): more max_moves never gives a worse plan, by construction, where: books of up to
 *    120 account × rep pairs climb a ladder of every budget 0, 1, …, max_moves; larger books whose reps hold at
 *    most `CHAIN_MAX_PER_REP` accounts on average climb a chain of fixed rungs 0 < r_1 < r_2 < … (geometric,
 *    independent of max_moves), each rung's search journaled from the best plan below, and a call answers with the
 *    best journaled plan within its budget (`budgetChain`). Books with larger reps search once at their budget.
 *
 * Data structures: typed arrays for values, totals and targets (incremental totals: a move costs O(k)); one
 * member list per rep with O(1) removal; deviations of the two reps involved are recomputed in O(k).
 * Deterministic: stable orders, ties broken by index, restarts driven by a seeded PRNG.
 */
import { invalid, isModelInputError } from '../shared/errors';
import { mulberry32 } from '../shared/random';
import { lowerBound } from '../shared/search';
import { type Compiled, accountDistance, compile, eligible, unitVectors } from './model';
import { descend } from './descent';
import { greedyAssignment, priceAssignment } from './compact';
import { softAssignment } from './softCarve';
import { cellAssignment } from './cellCarve';
import { type Journal, SearchState } from './searchState';
import { reportCompiled } from './report';
import type { HeuristicOptions, TerritoryProblem, TerritoryProgress, TerritoryResult } from './types';

/** Milliseconds from a monotonic clock where the host has one (Node, browsers, workers), else the wall clock. */
export function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf !== undefined ? perf.now() : Date.now();
}

/**
 * Default cap on the search's work (evaluations of a rep's totals after a change; about 30 million a second
 * here): with it the largest calls stop in about a second of CPU, the same plan on every machine.
 */
export const DEFAULT_MAX_WORK = 20_000_000;

/**
 * Without a tolerance the smooth descent hands over to the min–max search once every rep is within this (a
 * fraction); the min–max search then takes the largest deviation down as far as it goes.
 */
const DESCENT_FLOOR = 0.005;

/** Passes of the closing compactness step on a plan from scratch (each over every account and rep). */
const COMPACT_PASSES = 2;

/** Work units of one distance comparison by unit-vector dot product (against one rep's totals after a change). */
const FARNESS_COST = 1 / 8;

/** Relative tolerance under which a deviation counts as "no better". */
const EPS = 1e-12;

class Cancelled extends Error {}

/** 1 − cos(angle) between account `a` and rep `r` (monotone in their distance; 0 when `a` has no coordinates). */
function farness(acc: Float64Array, rep: Float64Array, a: number, r: number): number {
  const d = 1 - (acc[3 * a] * rep[3 * r] + acc[3 * a + 1] * rep[3 * r + 1] + acc[3 * a + 2] * rep[3 * r + 2]);
  return Number.isNaN(d) ? 0 : d;
}

/**
 * The priced carve's settings for a start from scratch with coordinates: its band (fraction) and work allowance;
 * with `prefer`, each account's preferred rep is given (the soft-priced carve) instead of computed.
 */
interface CompactStart {
  readonly band: number;
  readonly allowance: number;
  /** The cell carve's allowance. */
  readonly cellAllowance: number;
  readonly prefer?: Int32Array;
  /** Set when the cell carve gave the start (the soft-priced start is then skipped). */
  readonly carved: { cell: boolean };
}

/** Size of an account for largest-first ordering: Σ weight × value / metric total. */
function sizes(c: Compiled): Float64Array {
  const s = new Float64Array(c.n);
  for (let a = 0; a < c.n; a++) {
    let t = 0;
    for (let m = 0; m < c.k; m++) if (c.total[m] > 0) t += (c.w[m] * c.v[a * c.k + m]) / c.total[m];
    s[a] = t;
  }
  return s;
}

/**
 * Builds a start plan. `fromScratch`: every unlocked account is placed anew (only when no budget applies);
 * otherwise accounts keep an eligible current owner. With `rng` the largest-first order is perturbed, and with
 * `randomPlace` each account goes to a random eligible rep with room instead of the least filled one.
 */
function construct(
  c: Compiled,
  fromScratch: boolean,
  rng: (() => number) | undefined,
  randomPlace = false,
  compact?: CompactStart,
): SearchState {
  const plan = new SearchState(c);
  const pending: number[] = [];
  for (let a = 0; a < c.n; a++) {
    const cu = c.cur[a];
    if (c.locked[a]) {
      if (plan.cnt[cu] >= c.maxCount[cu])
        invalid(`locked: "${c.names[cu]}" has more locked accounts than its maximum of ${c.maxCount[cu]}.`);
      plan.place(a, cu);
    }
  }
  for (let a = 0; a < c.n; a++) {
    if (c.locked[a]) continue;
    const cu = c.cur[a];
    if (!fromScratch && cu >= 0 && eligible(c, a, cu) && plan.cnt[cu] < c.maxCount[cu]) plan.place(a, cu);
    else pending.push(a);
  }
  const size = sizes(c);
  const key = new Float64Array(c.n);
  for (const a of pending) key[a] = rng ? size[a] * (0.5 + rng()) : size[a];
  pending.sort((p, q) => key[q] - key[p] || p - q);
  // With every rep anchored on the map, the first start carves by distance (each account to its nearest anchor):
  // the most compact plan, which the balance phases then even out, moving accounts between neighbours.
  const carve = rng === undefined && c.geo !== undefined && !c.geo.repLat.some(Number.isNaN);
  const accU = carve ? unitVectors(c.geo.lat, c.geo.lon) : undefined;
  const repU = carve ? unitVectors(c.geo.repLat, c.geo.repLon) : undefined;
  // From scratch, the carve is priced instead: each account goes to a near home whose price keeps reps in balance.
  // The cell carve first (where reps hold enough accounts; it prices each metric and sees account sizes), then the
  // price rounds (books of up to about 8,000 accounts), then the nearest home with room.
  const priced = carve && fromScratch ? compact : undefined;
  const cell =
    priced !== undefined && priced.prefer === undefined
      ? cellAssignment(c, pending, plan.asg, 2 * priced.band, plan.meter, priced.cellAllowance)
      : undefined;
  if (priced !== undefined && cell !== undefined) priced.carved.cell = true;
  const prefer =
    priced !== undefined
      ? (priced.prefer ??
        cell ??
        priceAssignment(c, pending, plan.asg, priced.band, plan.meter, priced.allowance) ??
        greedyAssignment(c, pending, plan.asg, priced.band, plan.meter))
      : undefined;
  for (const a of pending) {
    let best = -1;
    let bestFill = Infinity;
    const p = prefer === undefined ? -1 : prefer[a];
    if (p >= 0 && plan.cnt[p] < c.maxCount[p] && plan.ok(a, p)) {
      plan.place(a, p);
      continue;
    }
    for (let r = 0; r < c.R; r++) {
      if (plan.cnt[r] >= c.maxCount[r] || !plan.ok(a, r)) continue;
      const fill = randomPlace && rng ? rng() : accU && repU ? farness(accU, repU, a, r) : fillAfter(plan, r, a);
      if (fill < bestFill) {
        bestFill = fill;
        best = r;
      }
    }
    if (best < 0) {
      // Every eligible rep is full: make room by moving accounts along a chain to a rep with room.
      if (placeByChain(plan, a)) continue;
      invalid(`constraints: ${c.label(a)} has no eligible rep with room under its maximum count.`);
    }
    const dm = plan.moveDelta(a, -1, best);
    if (!plan.budgetOk(dm, plan.metricDelta(a, dm)))
      invalid(
        `max_moves: ${c.label(a)} must leave its current owner (not eligible or over the maximum count) but the move budget is used up; raise the budget.`,
      );
    plan.place(a, best);
  }
  // One evaluation (a fill or a distance) per pending account and rep: counted by the caller's meter (the
  // priced carve counted its own; a distance compared by dot product costs about an eighth of a fill).
  if (prefer === undefined) plan.meter.work += Math.ceil(pending.length * c.R * (accU ? FARNESS_COST : 1));
  repairMinimums(plan);
  return plan;
}

/**
 * Places the unassigned account `a` when every rep eligible for it is at its maximum count: finds the shortest
 * chain r0 → r1 → … → rk (a breadth-first search over reps) where r0 is eligible for `a`, each step moves one
 * unlocked account of r(i) to r(i+1), which is eligible for it, and rk has room; then applies the moves and puts
 * `a` with r0. This is an augmenting path, so whenever the eligibility and maximum counts admit a plan for the
 * accounts placed so far plus `a`, one is found. False when no chain exists (or it would exceed a move budget).
 */
function placeByChain(plan: SearchState, a: number): boolean {
  const c = plan.c;
  const prev = new Int32Array(c.R).fill(-1);
  const via = new Int32Array(c.R).fill(-1);
  const seen = new Uint8Array(c.R);
  const queue: number[] = [];
  for (let r = 0; r < c.R; r++) {
    if (plan.ok(a, r)) {
      seen[r] = 1;
      queue.push(r);
    }
  }
  let end = -1;
  for (let qi = 0; qi < queue.length && end < 0; qi++) {
    const r1 = queue[qi];
    for (const b of plan.members[r1]) {
      if (c.locked[b]) continue;
      for (let r2 = 0; r2 < c.R; r2++) {
        if (seen[r2] || !plan.ok(b, r2)) continue;
        seen[r2] = 1;
        prev[r2] = r1;
        via[r2] = b;
        if (plan.cnt[r2] < c.maxCount[r2]) {
          end = r2;
          break;
        }
        queue.push(r2);
      }
      if (end >= 0) break;
    }
  }
  if (end < 0) return false;
  const moves: [number, number][] = [];
  let r = end;
  while (via[r] >= 0) {
    moves.push([via[r], r]);
    r = prev[r];
  }
  moves.push([a, r]); // last: `a` goes with r0 once r0 has made room
  return applyChain(plan, moves);
}

/**
 * Applies the moves [account, to rep] in order when, all together, they stay within the move budgets (counted from
 * where each account is now; an unassigned one moves from nowhere). False, changing nothing, otherwise.
 */
function applyChain(plan: SearchState, moves: readonly (readonly [number, number])[]): boolean {
  let dMoves = 0;
  let dMetric = 0;
  for (const [a, to] of moves) {
    const d = plan.moveDelta(a, plan.asg[a], to);
    dMoves += d;
    dMetric += plan.metricDelta(a, d);
  }
  if (!plan.budgetOk(dMoves, dMetric)) return false;
  for (const [a, to] of moves) plan.place(a, to);
  return true;
}

/**
 * Fill of rep `r` after adding account `a`: max over metrics of weight × total / target; with no weighted metric
 * (all totals 0) the account count over the share, so accounts still spread evenly.
 */
function fillAfter(plan: SearchState, r: number, a: number): number {
  const c = plan.c;
  const k = c.k;
  let f = 0;
  let any = false;
  for (let m = 0; m < k; m++) {
    if (c.w[m] === 0) continue;
    any = true;
    const t = (plan.x[r * k + m] + c.v[a * k + m]) * c.invTarget[r * k + m] * c.w[m];
    if (t > f) f = t;
  }
  return any ? f : (plan.cnt[r] + 1) / c.share[r];
}

/** Gives reps below their minimum count the accounts that hurt balance least; infeasible → error. */
function repairMinimums(plan: SearchState): void {
  const c = plan.c;
  for (let r = 0; r < c.R; r++) {
    while (plan.cnt[r] < c.minCount[r]) {
      let best = -1;
      let bestScore = Infinity;
      for (let a = 0; a < c.n; a++) {
        const from = plan.asg[a];
        if (from === r || c.locked[a] || plan.cnt[from] <= c.minCount[from] || !plan.ok(a, r)) continue;
        const dm = plan.moveDelta(a, from, r);
        if (!plan.budgetOk(dm, plan.metricDelta(a, dm))) continue;
        const s = Math.max(plan.devSwap(r, -1, a), plan.devSwap(from, a, -1)) + (dm > 0 ? 1e-9 : 0);
        if (s < bestScore) {
          bestScore = s;
          best = a;
        }
      }
      if (best >= 0) plan.place(best, r);
      else if (!fillByChain(plan, r))
        invalid(
          `constraints: "${c.names[r]}" needs at least ${c.minCount[r]} accounts but only ${plan.cnt[r]} can be given (eligibility, locks, other minimums or the move budget).`,
        );
    }
  }
}

/**
 * Gives rep `r` (below its minimum) one more account when no rep with accounts to spare has one `r` may take:
 * the shortest chain r ← p1 ← p2 ← … ← pk (breadth-first over reps) where each step moves one unlocked account
 * eligible for the receiving rep, every p(i) < k is at its minimum (it gets one back), and pk has one to spare.
 * Counts of the reps in between do not change. False when no chain exists (or it would exceed a move budget).
 */
function fillByChain(plan: SearchState, r: number): boolean {
  const c = plan.c;
  const next = new Int32Array(c.R).fill(-1);
  const via = new Int32Array(c.R).fill(-1);
  const seen = new Uint8Array(c.R);
  seen[r] = 1;
  const queue = [r];
  let end = -1;
  for (let qi = 0; qi < queue.length && end < 0; qi++) {
    const q = queue[qi];
    for (let a = 0; a < c.n && end < 0; a++) {
      const p = plan.asg[a];
      if (p < 0 || seen[p] || c.locked[a] || !plan.ok(a, q)) continue;
      seen[p] = 1;
      next[p] = q;
      via[p] = a;
      if (plan.cnt[p] > c.minCount[p]) end = p;
      else queue.push(p);
    }
  }
  if (end < 0) return false;
  const moves: [number, number][] = [];
  for (let p = end; p !== r; p = next[p]) moves.push([via[p], next[p]]);
  return applyChain(plan, moves);
}

interface Ctx {
  readonly opts: HeuristicOptions;
  readonly start: number;
  /** Tolerance band (fraction; 0 = none): the search stops once every rep is within it. */
  readonly tolerance: number;
  steps: number;
  lastReport: number;
  /** True once the work cap stopped the search. */
  timedOut: boolean;
  /**
   * Work done by every plan of the run, and the most allowed (deterministic: the same input stops at the same
   * point); the soft-priced start raises the cap by one cap for its own search.
   */
  readonly meter: { work: number };
  workCap: number;
  /** The best plan so far (returned when the run is cancelled). */
  best: SearchState | undefined;
  /** Whether the cell carve gave a start (see CompactStart). */
  readonly carved: { cell: boolean };
}

/** True (and remembered) once the search's work cap is spent (deterministic: no clock is read). */
function timeUp(ctx: Ctx): boolean {
  if (!ctx.timedOut && ctx.meter.work > ctx.workCap) ctx.timedOut = true;
  return ctx.timedOut;
}

function checkCancel(ctx: Ctx): void {
  if (ctx.opts.signal?.aborted) throw new Cancelled();
}

function progress(ctx: Ctx, p: TerritoryProgress): void {
  if (ctx.opts.onProgress === undefined) return;
  const t = now();
  if (t - ctx.lastReport < 50 && p.fraction < 1) return;
  ctx.lastReport = t;
  ctx.opts.onProgress(p);
}

/**
 * Complementarity of every rep with `r` into `plan.scratch` (lower = more complementary: signed deviation vectors
 * pointing opposite ways).
 */
function complementarity(plan: SearchState, r: number): Float64Array {
  const c = plan.c;
  const { k, R } = c;
  const comp = plan.scratch;
  for (let q = 0; q < R; q++) {
    let s = 0;
    for (let m = 0; m < k; m++) {
      const iq = q * k + m;
      const ir = r * k + m;
      s +=
        (plan.x[iq] - c.target[iq]) * c.invTarget[iq] * c.w[m] * (plan.x[ir] - c.target[ir]) * c.invTarget[ir] * c.w[m];
    }
    comp[q] = s;
  }
  return comp;
}

/**
 * The `count` smallest items of 0 … R−1 except `skip`, in the order of `before` (a strict total order), without
 * sorting all R: one pass keeping a sorted list of at most `count` (O(R × count) at worst, about O(R) usually).
 */
function smallest(R: number, skip: number, count: number, before: (p: number, q: number) => boolean): number[] {
  const out: number[] = [];
  for (let q = 0; q < R; q++) {
    if (q === skip) continue;
    if (out.length === count && !before(q, out[count - 1])) continue;
    let i = out.length < count ? out.length : count - 1;
    while (i > 0 && before(q, out[i - 1])) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = q;
  }
  return out;
}

/** Reps other than `r` ordered most complementary first; `skip` of them (already searched) left out. */
function partners(plan: SearchState, r: number, comp: Float64Array, skip: ReadonlySet<number> = new Set()): number[] {
  const order: number[] = [];
  for (let q = 0; q < plan.c.R; q++) if (q !== r && !skip.has(q)) order.push(q);
  order.sort((p, q) => comp[p] - comp[q] || p - q);
  return order;
}

/**
 * The best improving change found so far for the focus rep. Candidates are ranked by the largest deviation over all
 * reps after the change (`global`), then by the larger deviation of the two reps involved (`pair`), then by the
 * budget they spend; only changes whose `pair` is below the focus rep's deviation (`limit`) qualify, so the sorted
 * vector of rep deviations falls lexicographically at every step (the search cannot cycle).
 */
interface Best {
  global: number;
  pair: number;
  a: number;
  to: number;
  b: number;
  budget: number;
  readonly limit: number;
  /** The three largest deviations and their reps (to get the largest outside the two reps involved). */
  readonly topRep: Int32Array;
  readonly topDev: Float64Array;
}

function newBest(plan: SearchState, limit: number): Best {
  const topRep = new Int32Array(3).fill(-1);
  const topDev = new Float64Array(3);
  for (let q = 0; q < plan.c.R; q++) {
    const d = plan.dev[q];
    for (let i = 0; i < 3; i++) {
      if (topRep[i] < 0 || d > topDev[i]) {
        for (let j = 2; j > i; j--) {
          topRep[j] = topRep[j - 1];
          topDev[j] = topDev[j - 1];
        }
        topRep[i] = q;
        topDev[i] = d;
        break;
      }
    }
  }
  return { global: Infinity, pair: limit, a: -1, to: -1, b: -1, budget: Infinity, limit, topRep, topDev };
}

/** Offers a change between reps `r` and `r2` whose deviations become `d1` and `d2`. */
function consider(
  best: Best,
  r: number,
  r2: number,
  d1: number,
  d2: number,
  dm: number,
  a: number,
  to: number,
  b: number,
): void {
  const pair = d1 > d2 ? d1 : d2;
  if (pair >= best.limit) return;
  let other = 0;
  for (let i = 0; i < 3; i++) {
    const q = best.topRep[i];
    if (q >= 0 && q !== r && q !== r2) {
      other = best.topDev[i];
      break;
    }
  }
  const g = pair > other ? pair : other;
  const better =
    g < best.global - EPS ||
    (g <= best.global + EPS && (pair < best.pair - EPS || (pair <= best.pair + EPS && dm < best.budget)));
  if (!better) return;
  best.global = g;
  best.pair = pair;
  best.a = a;
  best.to = to;
  best.b = b;
  best.budget = dm;
}

/** Bound for pruning: a candidate whose focus-rep deviation reaches it cannot win. */
function pruneAt(best: Best): number {
  return (best.global < best.limit ? best.global : best.limit) + EPS;
}

/**
 * Best single move between the worst rep `r` and the reps in `reps` (out of r and into r) whose larger deviation
 * of the two reps beats `best.score`.
 */
function searchMoves(plan: SearchState, r: number, reps: readonly number[], best: Best): void {
  const c = plan.c;
  const mine = plan.members[r];
  // The metric of r's largest deviation. Metrics are ≥ 0, so when r is over target on it no account moved in can
  // lower that term (nor r's deviation: every such move is pruned), and when under, none moved out can: that
  // direction is skipped without examining its accounts (the same moves are found, in the same order).
  let worst = 0;
  let worstDev = -1;
  for (let m = 0; m < c.k; m++) {
    const i = r * c.k + m;
    const e = Math.abs(plan.x[i] - c.target[i]) * c.invTarget[i] * c.w[m];
    if (e > worstDev) {
      worstDev = e;
      worst = r * c.k + m;
    }
  }
  const over = plan.x[worst] > c.target[worst];
  const under = plan.x[worst] < c.target[worst];
  if (!under && plan.cnt[r] > c.minCount[r]) {
    for (let i = 0; i < mine.length; i++) {
      const a = mine[i];
      if (c.locked[a]) continue;
      // An account with its current owner costs a move wherever it goes: skipped at once when none is left.
      if (c.cur[a] === r && !plan.budgetOk(1, plan.metricDelta(a, 1))) continue;
      const d1 = plan.devSwap(r, a, -1);
      if (d1 >= pruneAt(best)) continue;
      for (let j = 0; j < reps.length; j++) {
        const r2 = reps[j];
        if (plan.cnt[r2] >= c.maxCount[r2] || !plan.ok(a, r2)) continue;
        const dm = plan.moveDelta(a, r, r2);
        if (!plan.budgetOk(dm, plan.metricDelta(a, dm))) continue;
        const d2 = plan.devSwap(r2, -1, a);
        consider(best, r, r2, d1, d2, dm, a, r2, -1);
      }
    }
  }
  if (!over && plan.cnt[r] < c.maxCount[r]) {
    for (let j = 0; j < reps.length; j++) {
      const from = reps[j];
      if (plan.cnt[from] <= c.minCount[from]) continue;
      const theirs = plan.members[from];
      for (let i = 0; i < theirs.length; i++) {
        const a = theirs[i];
        if (c.locked[a] || !plan.ok(a, r)) continue;
        const dm = plan.moveDelta(a, from, r);
        if (!plan.budgetOk(dm, plan.metricDelta(a, dm))) continue;
        const d1 = plan.devSwap(r, -1, a);
        if (d1 >= pruneAt(best)) continue;
        const d2 = plan.devSwap(from, a, -1);
        consider(best, r, from, d1, d2, dm, a, r, -1);
      }
    }
  }
}

/** Evaluates swapping a (in r) with b (in r2) and offers it to `best`. */
function trySwap(plan: SearchState, r: number, r2: number, a: number, b: number, best: Best): void {
  const c = plan.c;
  if (c.locked[b] || !plan.ok(b, r)) return;
  const dmA = plan.moveDelta(a, r, r2);
  const dmB = plan.moveDelta(b, r2, r);
  if (!plan.budgetOk(dmA + dmB, plan.metricDelta(a, dmA) + plan.metricDelta(b, dmB))) return;
  const d1 = plan.devSwap(r, a, b);
  if (d1 >= pruneAt(best)) return;
  const d2 = plan.devSwap(r2, b, a);
  consider(best, r, r2, d1, d2, dmA + dmB, a, r2, b);
}

/** Pairs examined per rep pair beyond which swaps are searched in a window instead of exhaustively. */
const SWAP_EXHAUSTIVE = 4096;
/** Half-width of the swap window (accounts of the partner rep nearest the ideal exchange). */
const SWAP_WINDOW = 16;

/**
 * Best swap a (in r) ↔ b (in a rep of `reps`, in order), stopping after `workCap` pairs or, with `firstPartner`,
 * after the first partner rep that offers an improving swap. Small rep pairs are searched
 * exhaustively; large ones in a window: the partner's accounts sorted by the metric on which r is worst, and for
 * each a, the accounts nearest a's value plus the ideal exchange that would even out both reps on that metric.
 */
function searchSwaps(
  plan: SearchState,
  r: number,
  reps: readonly number[],
  best: Best,
  workCap: number,
  firstPartner: boolean,
): void {
  const c = plan.c;
  const k = c.k;
  // With the move budget spent, an account with its current owner could only swap with one coming home (rare):
  // only accounts already moved are searched then, which keeps steps on a spent budget cheap.
  const mine = plan.budgetOk(1, 0) ? plan.members[r] : plan.members[r].filter((a) => c.cur[a] !== r);
  if (mine.length === 0) return;
  // The metric on which r is worst.
  let mw = 0;
  let dw = -1;
  for (let m = 0; m < k; m++) {
    const i = r * k + m;
    const d = Math.abs(plan.x[i] - c.target[i]) * c.invTarget[i] * c.w[m];
    if (d > dw) {
      dw = d;
      mw = m;
    }
  }
  let work = 0;
  for (const r2 of reps) {
    const theirs = plan.members[r2];
    if (mine.length * theirs.length <= SWAP_EXHAUSTIVE) {
      for (let i = 0; i < mine.length; i++) {
        const a = mine[i];
        if (c.locked[a] || !plan.ok(a, r2)) continue;
        for (let j = 0; j < theirs.length; j++) trySwap(plan, r, r2, a, theirs[j], best);
      }
      work += mine.length * theirs.length;
    } else {
      const ir = r * k + mw;
      const i2 = r2 * k + mw;
      const er = plan.x[ir] - c.target[ir];
      const e2 = plan.x[i2] - c.target[i2];
      // Ideal exchange δ = v_b − v_a evening out both reps' relative deviation on metric mw.
      const delta = (e2 * c.target[ir] - er * c.target[i2]) / (c.target[ir] + c.target[i2] || 1);
      const { sorted, vals } = plan.sortedMembers(r2, mw);
      for (let i = 0; i < mine.length; i++) {
        const a = mine[i];
        if (c.locked[a] || !plan.ok(a, r2)) continue;
        const want = c.v[a * k + mw] + delta;
        const lo = lowerBound(vals, want);
        const from = Math.max(0, lo - SWAP_WINDOW);
        const to = Math.min(vals.length, lo + SWAP_WINDOW);
        for (let j = from; j < to; j++) trySwap(plan, r, r2, a, sorted[j], best);
        work += to - from + 8;
      }
    }
    if (work > workCap || (firstPartner && best.a >= 0)) break;
  }
}

/** Reps searched first on each step; the full set is searched only when these give nothing. */
const SHORTLIST = 12;

/**
 * Searches moves and swaps between `r` and other reps, the shortlist of the most complementary reps first; the
 * other reps are ordered (a full sort) only when the shortlist gives nothing.
 */
function searchFocus(plan: SearchState, r: number, best: Best, swapWorkCap: number): void {
  const comp = complementarity(plan, r);
  const R = plan.c.R;
  const short = smallest(R, r, SHORTLIST, (p, q) => comp[p] < comp[q] || (comp[p] === comp[q] && p < q));
  searchMoves(plan, r, short, best);
  if (best.a < 0) searchSwaps(plan, r, short, best, swapWorkCap, true);
  if (best.a < 0 && short.length < R - 1) {
    const rest = partners(plan, r, comp, new Set(short));
    searchMoves(plan, r, rest, best);
    if (best.a < 0) searchSwaps(plan, r, rest, best, swapWorkCap, true);
  }
}

/**
 * One balance step; false when no rep can improve. The focus is the worst rep; when it cannot improve, the next
 * worst reps in turn (up to `maxFocus` of them), so that the sorted deviations keep falling (leximax descent) and
 * a later step may free the worst rep.
 */
function improveWorst(plan: SearchState, swapWorkCap: number, maxFocus: number, tolerance: number): boolean {
  const R = plan.c.R;
  const dev = plan.dev;
  // Worst first, ties by rep index; only the `maxFocus` worst are needed (a full sort when that is most of them).
  const worse = (p: number, q: number) => dev[p] > dev[q] || (dev[p] === dev[q] && p < q);
  const focus = Math.min(maxFocus, R);
  let order: number[];
  if (focus > 16) {
    order = Array.from({ length: R }, (_, q) => q);
    order.sort((p, q) => dev[q] - dev[p] || p - q);
  } else {
    order = smallest(R, -1, focus, worse);
  }
  for (let f = 0; f < focus; f++) {
    const r = order[f];
    const D = plan.dev[r];
    if (D <= EPS || D <= tolerance) return false;
    const best = newBest(plan, D * (1 - 1e-9) - EPS);
    searchFocus(plan, r, best, swapWorkCap);
    if (best.a < 0) continue;
    const from = plan.asg[best.a];
    plan.place(best.a, best.to);
    if (best.b >= 0) plan.place(best.b, from);
    return true;
  }
  return false;
}

/** Balance phase: improve the worst rep until it cannot improve or the step cap is reached. */
function balance(plan: SearchState, ctx: Ctx, maxSteps: number, fracFrom: number, fracTo: number): void {
  const c = plan.c;
  const swapWorkCap = Math.max(200_000, 4 * c.n);
  // Reps tried as focus when the worst is stuck: all of them on small problems, a few on large ones.
  const maxFocus = c.n * c.R <= 50_000 ? c.R : 3;
  let steps = 0;
  const d0 = plan.largest();
  while (steps < maxSteps) {
    if ((steps & 15) === 0) {
      checkCancel(ctx);
      if (timeUp(ctx)) break;
      const d = plan.largest();
      progress(ctx, {
        phase: 'balance',
        fraction: fracFrom + (fracTo - fracFrom) * (d0 > 0 ? Math.min(1, 1 - d / d0) : 1),
        largestDeviation: d,
      });
    }
    if (!improveWorst(plan, swapWorkCap, maxFocus, ctx.tolerance)) break;
    steps++;
  }
  ctx.steps += steps;
}

/** Problems with at most this many (account, other rep) pairs get the two-move neighbourhood (`deepen`). */
const DEEPEN_LIMIT = 300;

/** Deviations sorted from largest to smallest (the leximax key of a plan). */
function sortedDevs(plan: SearchState, out: Float64Array): Float64Array {
  out.set(plan.dev);
  out.sort();
  out.reverse();
  return out;
}

/** −1 when key `p` is lexicographically smaller (better) than `q` beyond EPS, 1 when larger, 0 when equal. */
function compareKeys(p: Float64Array, q: Float64Array): number {
  for (let i = 0; i < p.length; i++) {
    if (p[i] < q[i] - EPS) return -1;
    if (p[i] > q[i] + EPS) return 1;
  }
  return 0;
}

/** True when `a` may move from its rep to `to` now (lock, eligibility, counts, budgets). */
function canMove(plan: SearchState, a: number, to: number): boolean {
  const c = plan.c;
  const from = plan.asg[a];
  if (to === from || c.locked[a] || !plan.ok(a, to)) return false;
  if (plan.cnt[from] <= c.minCount[from] || plan.cnt[to] >= c.maxCount[to]) return false;
  const dm = plan.moveDelta(a, from, to);
  return plan.budgetOk(dm, plan.metricDelta(a, dm));
}

/**
 * Small problems only: the best change of one or two accounts (any reps: moves, swaps, chains over three reps)
 * that lowers the sorted deviation vector; false when none does. O((accounts × reps)²) per call.
 */
function deepen(plan: SearchState): boolean {
  const c = plan.c;
  const { n, R } = c;
  const cur = sortedDevs(plan, new Float64Array(R));
  const bestKey = Float64Array.from(cur);
  const tmp = new Float64Array(R);
  let best: [number, number, number, number] | undefined;
  // Trial changes are undone at once: they stay out of the journal (only the change applied is logged).
  const journal = plan.pause();
  for (let a = 0; a < n; a++) {
    const fromA = plan.asg[a];
    for (let r1 = 0; r1 < R; r1++) {
      if (!canMove(plan, a, r1)) continue;
      plan.place(a, r1);
      if (compareKeys(sortedDevs(plan, tmp), bestKey) < 0) {
        bestKey.set(tmp);
        best = [a, r1, -1, -1];
      }
      for (let b = a + 1; b < n; b++) {
        const fromB = plan.asg[b];
        for (let r2 = 0; r2 < R; r2++) {
          if (!canMove(plan, b, r2)) continue;
          plan.place(b, r2);
          plan.meter.work += R;
          if (compareKeys(sortedDevs(plan, tmp), bestKey) < 0) {
            bestKey.set(tmp);
            best = [a, r1, b, r2];
          }
          plan.place(b, fromB);
        }
      }
      plan.place(a, fromA);
    }
  }
  plan.resume(journal);
  if (best === undefined) return false;
  plan.place(best[0], best[1]);
  if (best[2] >= 0) plan.place(best[2], best[3]);
  return true;
}

/** Disruption phase: moved accounts go back to their current owner when the largest deviation allows. */
function reduceDisruption(plan: SearchState, ctx: Ctx): void {
  const c = plan.c;
  const D = Math.max(plan.largest(), ctx.tolerance) * (1 + 1e-12) + EPS;
  for (let pass = 0; pass < 3; pass++) {
    checkCancel(ctx);
    let changed = false;
    for (let a = 0; a < c.n; a++) {
      const cu = c.cur[a];
      const from = plan.asg[a];
      if (cu < 0 || from === cu || c.locked[a] || !plan.ok(a, cu)) continue;
      if (plan.cnt[from] <= c.minCount[from] || plan.cnt[cu] >= c.maxCount[cu]) continue;
      if (plan.devSwap(from, a, -1) > D || plan.devSwap(cu, -1, a) > D) continue;
      plan.place(a, cu);
      changed = true;
    }
    if (!changed) break;
  }
}

/** Share of the work cap the band repair may spend beyond it. */
const REPAIR_SHARE = 0.5;

/**
 * With coordinates, a tolerance and no move budget: when the search (which weighs distance) left a rep outside the
 * band, a bounded descent on balance alone brings it in (the band comes before compactness), aiming at a quarter
 * of the tolerance; the closing compactness pass then takes back what distance it can within the band. Its work
 * is bounded by REPAIR_SHARE of the cap on top of what is spent, so it also runs when the search used its work.
 */
function repairBand(plan: SearchState, ctx: Ctx): void {
  const c = plan.c;
  const unbudgeted = c.maxMoves === Infinity && c.budgetMetric < 0;
  if (c.geo === undefined || ctx.tolerance <= 0 || !unbudgeted || plan.largest() <= ctx.tolerance) return;
  const limit = plan.meter.work + REPAIR_SHARE * ctx.workCap;
  ctx.steps += descend(
    plan,
    ctx.tolerance / 4,
    ctx.tolerance,
    () => (checkCancel(ctx), plan.meter.work > limit),
    false,
  );
}

/** Compactness phase: accounts move to a nearer eligible rep when balance and disruption allow. */
function improveCompactness(plan: SearchState, ctx: Ctx): void {
  const c = plan.c;
  const g = c.geo;
  if (g === undefined) return;
  const D = Math.max(plan.largest(), ctx.tolerance) * (1 + 1e-12) + EPS;
  const accU = unitVectors(g.lat, g.lon);
  const repU = unitVectors(g.repLat, g.repLon);
  const repSet = Array.from(g.repLat, (x) => !Number.isNaN(x));
  // Without current owners (a plan from scratch: one search, no budget chain) the pass is bounded by itself (at most
  // COMPACT_PASSES × accounts × reps distances) and runs even when the search spent its work: without it the
  // largest books, which reach the work cap, would keep the balance search's detours. With current owners it is one
  // pass that stops at the cap (the budget chain runs it on every rung).
  const bounded = !c.cur.some((r) => r >= 0);
  for (let pass = 0; pass < (bounded ? COMPACT_PASSES : 1); pass++) {
    let moved = 0;
    for (let a = 0; a < c.n; a++) {
      if ((a & 1023) === 0) {
        checkCancel(ctx);
        if (!bounded && timeUp(ctx)) return;
      }
      const from = plan.asg[a];
      if (c.locked[a] || plan.cnt[from] <= c.minCount[from] || Number.isNaN(g.lat[a])) continue;
      let best = -1;
      // Compared by farness (monotone in distance); a rep without a home is at distance 0, as accountDistance says.
      let bestFar = repSet[from] ? farness(accU, repU, a, from) : 0;
      plan.meter.work += c.R; // one distance per rep, with its checks
      for (let r = 0; r < c.R; r++) {
        if (r === from || plan.cnt[r] >= c.maxCount[r] || !plan.ok(a, r)) continue;
        if (plan.moveDelta(a, from, r) > 0) continue;
        const d = repSet[r] ? farness(accU, repU, a, r) : 0;
        if (d < bestFar - 1e-15 && plan.devSwap(r, -1, a) <= D && plan.devSwap(from, a, -1) <= D) {
          best = r;
          bestFar = d;
        }
      }
      if (best >= 0) {
        plan.place(a, best);
        moved++;
      }
    }
    if (moved === 0) break;
  }
}

function totalDistance(plan: SearchState): number {
  const c = plan.c;
  if (c.geo === undefined) return 0;
  let s = 0;
  for (let a = 0; a < c.n; a++) s += accountDistance(c, a, plan.asg[a]);
  return s;
}

/**
 * True when plan `p` is lexicographically better than `q`: largest deviation (no better than `tolerance` counts:
 * every plan within the band is as balanced as another), then accounts moved, then distance.
 */
function better(p: SearchState, q: SearchState, tolerance: number): boolean {
  const dp = Math.max(p.largest(), tolerance);
  const dq = Math.max(q.largest(), tolerance);
  return keyBefore(dp, p.moves, totalDistance(p), dq, q.moves, totalDistance(q));
}

/**
 * The order of plans: largest deviation (a fraction, already capped below at the tolerance; equal within 1e-12
 * relative), then accounts moved, then total km (equal within 1e-9 km). True when p comes strictly before q.
 */
function keyBefore(dp: number, mp: number, kmP: number, dq: number, mq: number, kmQ: number): boolean {
  if (Math.abs(dp - dq) > 1e-12 * Math.max(1, dq)) return dp < dq;
  if (mp !== mq) return mp < mq;
  return kmP < kmQ - 1e-9;
}

/** Applies `count` random feasible moves to `plan` (a seeded perturbation for restarts under a budget). */
function perturb(plan: SearchState, rng: () => number, count: number): void {
  const c = plan.c;
  for (let t = 0; t < count * 4 && count > 0; t++) {
    const a = Math.floor(rng() * c.n);
    const to = Math.floor(rng() * c.R);
    const from = plan.asg[a];
    if (to === from || c.locked[a] || !plan.ok(a, to)) continue;
    if (plan.cnt[from] <= c.minCount[from] || plan.cnt[to] >= c.maxCount[to]) continue;
    const dm = plan.moveDelta(a, from, to);
    if (!plan.budgetOk(dm, plan.metricDelta(a, dm))) continue;
    plan.place(a, to);
    count--;
  }
}

/** The tolerance band of `opts` (a fraction in [0, 1); 0 when omitted); anything else is refused. */
function toleranceOf(opts: HeuristicOptions): number {
  const t = opts.tolerance ?? 0;
  if (!(typeof t === 'number' && Number.isFinite(t) && t >= 0 && t < 1))
    invalid(`tolerance: expected a fraction from 0 to 1 (0.02 = within ±2 % of target), got ${String(t)}.`);
  return t;
}

/**
 * The start plan of run `s`: the current plan (or a plan from scratch without one); then, on problems small
 * enough for restarts, a plan from scratch when nothing limits moves (only on small problems: on large books it
 * would move nearly every account for a hair of balance), and seeded perturbations of either.
 */
function startPlan(
  c: Compiled,
  s: number,
  hasCurrent: boolean,
  unbudgeted: boolean,
  rng: () => number,
  compact: CompactStart,
): SearchState {
  if (s === 0) return construct(c, !hasCurrent, undefined, false, compact);
  if (s === 1 && unbudgeted && hasCurrent) return construct(c, true, undefined, false, compact);
  if (unbudgeted) return construct(c, true, rng, s % 2 === 0);
  const plan = construct(c, false, undefined);
  const room = Math.min(c.maxMoves === Infinity ? c.n : c.maxMoves, c.n) - plan.moves;
  perturb(plan, rng, Math.max(1, Math.floor(room / 2)));
  return plan;
}

/** Books of at most this many account × rep pairs (with a current plan) climb the budget ladder (see below). */
const LADDER_PAIRS = 120;
/**
 * The budget chain runs on books whose reps hold at most this many accounts on average: its rungs repeat the
 * searches whose cost grows with a rep's accounts, and above this the chain reaches the work cap short of balance
 * (50,000 × 20 skewed, unbudgeted: 2.62 % with the chain against 0.25 % with one search; bench/RESULTS.md).
 */
const CHAIN_MAX_PER_REP = 250;

/** Restarts by size: they pay off where accounts are coarse (few per rep); large books are fine-grained already. */
function defaultRestarts(size: number): number {
  return size <= 200 ? 100 : size <= 1_000 ? 30 : size <= 5_000 ? 10 : size <= 50_000 ? 3 : 0;
}

/** A copy of assignment `asg` as a plan of `c` (every account placed as in `asg`). */
function planOf(c: Compiled, asg: Int32Array, ctx: Ctx): SearchState {
  const plan = new SearchState(c);
  plan.meter = ctx.meter;
  for (let a = 0; a < c.n; a++) plan.place(a, asg[a]);
  return plan;
}

/** Each level of the staged descent is this fraction of the one before (the first: of the largest deviation). */
const STAGE_FACTOR = 0.8;
/** The staged descent stops above this level (a fraction): below it the plain descent spends budgets as well. */
const STAGE_FLOOR = 0.02;
/** Work the staged descent may spend per move of budget left (its stuck rounds would otherwise cost the most). */
const STAGE_WORK_PER_MOVE = 2000;
/** The staged descent runs under move budgets of at most this share of the accounts (the budgets users set). */
const STAGE_SHARE = 0.1;

/**
 * Under a binding move budget (at most STAGE_SHARE of the accounts): a descent in stages on bands that narrow by
 * STAGE_FACTOR from the largest deviation down to STAGE_FLOOR (or the tolerance). Each stage pulls only the reps
 * beyond its level to it, so moves go to the reps that set the largest deviation, which falls with every stage:
 * along the way the plan's largest deviation falls as moves are spent, and a budget between two rungs of the chain
 * finds a plan that spends it (the plain descent brings its focus rep far below the next worst, and the largest
 * deviation fell only at the end). A stage that falls short of its level still counts when it lowered the largest
 * deviation (the next level is set from there); stops when a stage lowered nothing, the budget is spent, or its
 * work allowance is.
 */
function stagedDescent(plan: SearchState, ctx: Ctx): void {
  const c = plan.c;
  if (!(c.maxMoves <= STAGE_SHARE * c.n)) return;
  const limit = plan.meter.work + STAGE_WORK_PER_MOVE * (c.maxMoves - plan.moves);
  const spent = () => plan.moves >= c.maxMoves || plan.meter.work > limit;
  const last = Math.max(STAGE_FLOOR, ctx.tolerance);
  for (let before = plan.largest(); before * STAGE_FACTOR > last && !spent();) {
    const level = before * STAGE_FACTOR;
    ctx.steps += descend(plan, level, level, () => (checkCancel(ctx), timeUp(ctx) || spent()));
    const after = plan.largest();
    if (timeUp(ctx) || !(after < before * (1 - 1e-9))) break;
    before = Math.min(after, level);
  }
}

/** Balance search from one start plan: descent, min–max search, and on small problems the two-move search. */
function searchFrom(plan: SearchState, ctx: Ctx, maxSteps: number, from: number, to: number): void {
  const c = plan.c;
  const tolerance = ctx.tolerance;
  const floor = Math.max(tolerance, DESCENT_FLOOR);
  // With coordinates the descent weighs distance against the penalty beyond its band, whose pull fades at the band's
  // edge: it aims at half the tolerance, so that reps settle inside the tolerance rather than at its edge.
  const aim = c.geo !== undefined ? tolerance / 4 : tolerance;
  stagedDescent(plan, ctx);
  ctx.steps += descend(plan, aim, floor, () => (checkCancel(ctx), timeUp(ctx)));
  balance(plan, ctx, maxSteps, from, to);
  if (c.n * (c.R - 1) <= DEEPEN_LIMIT) {
    for (let d = 0; d < 4 * c.n && !timeUp(ctx) && plan.largest() > tolerance && deepen(plan); d++) {
      checkCancel(ctx);
      balance(plan, ctx, maxSteps, from, to);
    }
  }
}

/** Share of the work cap the priced carve may spend. */
const COMPACT_SHARE = 0.35;
/** Share of the work cap the cell carve may spend (all of it: the search after it needs little; see repairBand). */
const CELL_SHARE = 1;

/**
 * The priced carve's settings under `ctx`: a band of half the tolerance (the balance search then lands inside the
 * tolerance with few changes), or the descent's floor without one; COMPACT_SHARE of the work cap.
 */
function compactStart(ctx: Ctx): CompactStart {
  return {
    band: ctx.tolerance > 0 ? ctx.tolerance / 2 : DESCENT_FLOOR / 2,
    allowance: ctx.workCap * COMPACT_SHARE,
    cellAllowance: ctx.workCap * CELL_SHARE,
    carved: ctx.carved,
  };
}

/** Share of the work cap the soft-priced carve may spend (its search gets the rest of a cap of its own). */
const SOFT_SHARE = 0.5;

/**
 * With coordinates for every rep and no current plan: a second start from the soft-priced carve (softCarve.ts),
 * whose carve and search get a work cap of their own (so the call may do up to twice the cap's work); undefined
 * where the carve does not apply or does not settle. The caller keeps the better plan.
 */
function softStart(c: Compiled, ctx: Ctx, maxSteps: number): SearchState | undefined {
  const g = c.geo;
  if (g === undefined || g.repLat.some(Number.isNaN)) return undefined;
  checkCancel(ctx);
  const cap = ctx.workCap;
  const timedOut = ctx.timedOut;
  const from = ctx.meter.work;
  const free: number[] = [];
  const fixed = new Int32Array(c.n).fill(-1);
  for (let a = 0; a < c.n; a++)
    if (c.locked[a]) fixed[a] = c.cur[a];
    else free.push(a);
  const prefer = softAssignment(c, free, fixed, ctx.meter, cap * SOFT_SHARE);
  if (prefer === undefined) return undefined;
  ctx.workCap = from + cap;
  ctx.timedOut = false;
  try {
    const plan = construct(c, true, undefined, false, { ...compactStart(ctx), prefer });
    ctx.meter.work += plan.meter.work;
    plan.meter = ctx.meter;
    searchFrom(plan, ctx, maxSteps, 1, 1);
    return plan;
  } finally {
    ctx.workCap = cap;
    ctx.timedOut = timedOut || ctx.timedOut;
  }
}

/**
 * One multi-start search under the budgets of `c`: the start plans of `startPlan` (with `cold`; without, only the
 * warm plan), and with `warm` (a plan that keeps c's constraints) that plan as it is and searched on; the best by
 * `better`, then the closing phases (undo moves that do not pay, compactness). `ctx.best` holds the best so far
 * (for a cancelled run). With `rec`, every plan searched is journaled to it (see `Recorder`). `respend`: rounds
 * that search again the budget freed by undoing moves (the chain passes 0: its next rung spends it). `compact`:
 * end with the compactness pass (the chain runs it on its top rung only: on every rung it would spend the cap).
 */
function searchStarts(
  c: Compiled,
  ctx: Ctx,
  restarts: number,
  seed: number,
  warm?: Int32Array,
  rec?: Recorder,
  cold = true,
  respend = 3,
  compact = true,
): SearchState {
  const maxSteps = ctx.opts.maxSteps ?? 40 * c.n + 1000;
  const hasCurrent = c.cur.some((r) => r >= 0);
  const unbudgeted = (c.maxMoves === Infinity && c.budgetMetric < 0) || !hasCurrent;
  const rng = mulberry32(seed);
  let best: SearchState | undefined;
  const offer = (plan: SearchState) => {
    if (best === undefined || better(plan, best, ctx.tolerance)) best = plan;
    ctx.best = best;
  };
  const copy = (asg: Int32Array): SearchState => {
    const plan = planOf(c, asg, ctx);
    rec?.track(plan);
    return plan;
  };
  if (warm !== undefined) offer(copy(warm));
  const starts = cold ? 1 + (unbudgeted && hasCurrent && restarts > 0 ? 1 : 0) + restarts : 0;
  for (let s = 0; s < starts && !(s > 0 && timeUp(ctx)); s++) {
    checkCancel(ctx);
    progress(ctx, { phase: 'construct', fraction: s / starts, largestDeviation: best?.largest() });
    const plan = startPlan(c, s, hasCurrent, unbudgeted, rng, compactStart(ctx));
    ctx.meter.work += plan.meter.work; // the construction's own work
    plan.meter = ctx.meter;
    rec?.track(plan);
    if (best === undefined) ctx.best = plan;
    searchFrom(plan, ctx, maxSteps, s / starts, (s + 1) / starts);
    offer(plan);
  }
  if (warm !== undefined) {
    const plan = copy(warm);
    searchFrom(plan, ctx, maxSteps, 1, 1);
    offer(plan);
  }
  progress(ctx, { phase: 'disruption', fraction: 1, largestDeviation: best!.largest() });
  let plan: SearchState = best!;
  repairBand(plan, ctx);
  reduceDisruption(plan, ctx);
  // Undoing moves that do not pay frees budget: spend it again while that still lowers the plan (a few rounds).
  for (let round = 0; round < respend && plan.moves < c.maxMoves && !timeUp(ctx); round++) {
    const again = copy(plan.asg);
    searchFrom(again, ctx, maxSteps, 1, 1);
    reduceDisruption(again, ctx);
    if (!better(again, plan, ctx.tolerance)) break;
    plan = again;
    ctx.best = plan;
  }
  // From scratch with coordinates: the soft-priced start, searched on a cap of its own; the better plan goes on.
  // Not after the cell carve: on the bench's books of 2,000 to 8,000 accounts it never gave the better plan there.
  if (cold && compact && !hasCurrent && !ctx.carved.cell) {
    const soft = softStart(c, ctx, maxSteps);
    if (soft !== undefined && better(soft, plan, ctx.tolerance)) plan = soft;
    ctx.best = plan;
  }
  if (compact) improveCompactness(plan, ctx);
  return plan;
}

/**
 * The best settled plan of the journaled searches of one budget rung, by `better`'s order (largest deviation, no
 * better than the tolerance counting; then accounts moved; then distance), among the plans with at most `limit`
 * moves; first found wins ties. It keeps the journal and change count of that plan, so the plan is rebuilt by
 * replay, not copied at every improvement.
 */
class Recorder {
  private journal: Journal | undefined;
  private length = 0;
  private dev = Infinity;
  private moves = Infinity;
  private dist = Infinity;

  constructor(
    private readonly tolerance: number,
    private readonly limit: number,
  ) {}

  /** Journals `plan` from now on (its present state is the first candidate). */
  track(plan: SearchState): void {
    plan.startJournal(this.settle);
  }

  /** The most accounts moved by any plan journaled (to tell whether the budget bound). */
  peak = 0;

  private readonly settle = (plan: SearchState): void => {
    if (plan.moves > this.peak) this.peak = plan.moves;
    if (plan.moves > this.limit) return;
    const d = Math.max(plan.largest(), this.tolerance);
    if (!keyBefore(d, plan.moves, plan.distance, this.dev, this.moves, this.dist)) return;
    this.dev = d;
    this.moves = plan.moves;
    this.dist = plan.distance;
    this.journal = plan.journal;
    this.length = plan.journal!.length;
  };

  /** True when the best plan is outside the tolerance band (or there is none). */
  outOfBand(): boolean {
    return !(this.dev <= this.tolerance);
  }

  /** The best plan's assignment, or undefined when no plan qualified. */
  best(): Int32Array | undefined {
    return this.journal?.replay(this.length);
  }
}

/** Budget rungs grow by this factor (see `budgetRungs`). */
const RUNG_FACTOR = 1.5;

/**
 * The budget rungs of the chain for a book of `n` accounts (independent of max_moves): 0, then from
 * max(8, ⌈n / 1,000⌉) growing by `RUNG_FACTOR` (rounded up) while below n, then Infinity (no limit).
 */
export function budgetRungs(n: number): number[] {
  const out = [0];
  for (let r = Math.max(8, Math.ceil(n / 1000)); r < n; r = Math.ceil(r * RUNG_FACTOR)) out.push(r);
  out.push(Infinity);
  return out;
}

/**
 * The budget chain (books with a current plan above `LADDER_PAIRS` pairs): monotone in max_moves by construction.
 * P_0 is the best plan of the search at budget 0; the search at rung r_(j+1) runs from P_j (plus, on books with
 * restarts, its share of cold starts), journaled, and P_(j+1) is the best plan on that journal (P_j included).
 * When the band is out of reach at a rung with budget to spare, the search without the band is journaled there
 * too. Once a rung's budget does not bind, the finite rungs above keep its plan (only the top rung runs, for the
 * restarts from scratch on books that have restarts). For budget
 * B with r_j ≤ B < r_(j+1), the answer is the best plan with at most B moves on the journal of rung j+1. The chain
 * of B is a prefix of the chain of B + 1 (rungs do not depend on B), the work meter included, so the candidates of
 * B + 1 include those of B or the best of them: more budget never gives a worse plan, even when the work cap stops
 * the search.
 */
function budgetChain(c: Compiled, ctx: Ctx, B: number, restarts: number, seed: number): SearchState {
  const rungs = budgetRungs(c.n);
  let prev: Int32Array | undefined;
  // Set once a rung's budget did not bind (no plan on its journal used it all): the search had stopped for want of
  // a better change, not of budget, so the finite rungs above keep P_j as it is; the top rung still runs when
  // there are restarts (plans from scratch).
  let slack = false;
  for (let j = 0; j < rungs.length; j++) {
    if (slack && (rungs[j] !== Infinity || restarts === 0)) {
      if (rungs[j] > B) break;
      continue;
    }
    const limit = rungs[j] > B ? B : Infinity;
    const cj: Compiled = { ...c, maxMoves: rungs[j] };
    const rec = new Recorder(ctx.tolerance, limit);
    // Cold starts (the current plan searched afresh, and the restarts) only where there is no plan below, and on
    // the top rung when the book has restarts; the rungs between search on from the plan below.
    const top = rungs[j] === Infinity;
    const shared = top ? restarts : 0;
    const cold = prev === undefined || (top && restarts > 0);
    try {
      searchStarts(cj, ctx, shared, seed + j, prev, rec, cold, 0, top);
      // The band out of reach with budget to spare (or no budget): the search without the band is a candidate too.
      const spare = rungs[j] === Infinity || rec.peak < rungs[j];
      if (ctx.tolerance > 0 && rec.outOfBand() && spare && !timeUp(ctx)) {
        const flat: Ctx = { ...ctx, tolerance: 0 };
        searchStarts(cj, flat, shared, seed + j, prev, rec, cold, 0, top);
        ctx.steps = flat.steps;
        ctx.timedOut = flat.timedOut;
        ctx.best = flat.best;
      }
    } catch (e) {
      // A rung too small for the constraints (an account must leave its owner): a higher rung may do.
      if (!isModelInputError(e)) throw e;
    }
    prev = rec.best() ?? prev;
    if (rungs[j] > 0 && rec.peak < rungs[j] && !ctx.timedOut) slack = true;
    if (limit !== Infinity) break;
  }
  // No plan within B moves on the chain (constraints force moves the low rungs could not make): search at B.
  if (prev === undefined || movesOf(c, prev) > B) return searchStarts(c, ctx, restarts, seed);
  return planOf(c, prev, ctx);
}

/** Accounts of `asg` away from their current owner. */
function movesOf(c: Compiled, asg: Int32Array): number {
  let m = 0;
  for (let a = 0; a < c.n; a++) if (c.cur[a] >= 0 && asg[a] !== c.cur[a]) m++;
  return m;
}

/**
 * Runs the heuristic on a compiled problem.
 *
 * More budget never gives a worse plan (with a current plan; the plan's key — largest deviation, no better than the
 * tolerance counting, then accounts moved — never worsens as max_moves grows) by construction on books of up to
 * `LADDER_PAIRS` pairs and on books whose reps hold at most `CHAIN_MAX_PER_REP` accounts on average (50,000 × 200
 * included); larger reps search once at their budget:
 * - Budget ladder (books of up to `LADDER_PAIRS` account × rep pairs): the search runs at budget 0, then 1, 2 … up
 *   to max_moves (the account count when there is no limit), each level from the best plan of the level below
 *   (kept as a candidate as it is) plus its own share of the restarts, seeded by the level. Level b is the same
 *   computation whatever max_moves is, and each level is at least as good as the one below.
 * - Budget chain (larger books with small reps, `budgetChain`): fixed rungs 0 < r_1 < … (`budgetRungs`: geometric ×1.5 from
 *   max(8, n / 1,000), then no limit); the search at each rung runs from the best plan of the rung below and every
 *   plan it passes through that keeps every constraint is journaled; a call with budget B takes the best journaled
 *   plan with at most B moves of the first rung above B. The chain of B is a prefix of the chain of B + 1 (the work
 *   meter included), so the candidates only grow with B, even when the work cap (`DEFAULT_MAX_WORK`) stops it.
 * The tolerance band: band first, then fewest moves; when the band is out of reach, the search without it is a
 * candidate too (per rung on the chain, where the rung's budget did not bind), so a band never gives a worse plan
 * than none there. Figures in bench/RESULTS.md (Territory II).
 */
export function solveCompiledHeuristic(c: Compiled, opts: HeuristicOptions = {}): TerritoryResult {
  const tolerance = toleranceOf(opts);
  const start = now();
  const ctx: Ctx = {
    opts,
    start,
    tolerance,
    steps: 0,
    lastReport: -Infinity,
    timedOut: false,
    meter: { work: 0 },
    workCap: opts.maxWork ?? DEFAULT_MAX_WORK,
    best: undefined,
    carved: { cell: false },
  };
  const size = c.n * c.R;
  const restarts = opts.restarts ?? defaultRestarts(size);
  const seed = opts.seed ?? 1;
  const hasCurrent = c.cur.some((r) => r >= 0);
  const B = Math.min(c.maxMoves, c.n);
  const ladder = hasCurrent && size <= LADDER_PAIRS;
  const chain = hasCurrent && !ladder && c.n <= CHAIN_MAX_PER_REP * c.R;
  /** The search under `cx` (its tolerance): the ladder on small books, the chain, or one multi-start search. */
  const run = (cx: Ctx): SearchState => {
    if (chain) return budgetChain(c, cx, B, restarts, seed);
    if (!ladder) return searchStarts(c, cx, restarts, seed);
    let prev: SearchState | undefined;
    for (let b = 0; b <= B; b++) {
      // Level b depends on b only (never on max_moves). The top level (b = n: the count cannot bind) is the
      // unbudgeted search with all its restarts; the levels below share a quarter of them each.
      const top = b >= c.n;
      const levelRestarts = top ? restarts : Math.ceil(restarts / 4);
      try {
        prev = searchStarts({ ...c, maxMoves: top ? Infinity : b }, cx, levelRestarts, seed + b, prev?.asg);
      } catch (e) {
        // A level too small for the constraints (an account must leave its owner): the next level may do.
        if (b === B || !isModelInputError(e)) throw e;
      }
    }
    return prev!;
  };
  let status: TerritoryResult['status'] = 'feasible';
  let plan: SearchState;
  try {
    plan = run(ctx);
    if (tolerance > 0 && plan.largest() > tolerance && !ctx.timedOut && !chain) {
      // The band is out of reach: the search without it (balance as far as it goes) is a candidate too, on the
      // same work meter; the better plan by largest deviation, then accounts moved, wins. So a tolerance never
      // gives a worse plan than none.
      const flat: Ctx = { ...ctx, tolerance: 0 };
      const alt = run(flat);
      ctx.steps = flat.steps;
      ctx.timedOut = flat.timedOut;
      if (better(alt, plan, 0)) plan = alt;
    }
  } catch (e) {
    if (!(e instanceof Cancelled)) throw e;
    status = 'cancelled';
    plan = ctx.best ?? construct(c, !hasCurrent, undefined);
  }
  progress(ctx, { phase: 'compactness', fraction: 1, largestDeviation: plan.largest() });
  return {
    assignment: plan.asg,
    report: reportCompiled(c, plan.asg),
    solver: 'heuristic',
    status,
    steps: ctx.steps,
    message: ctx.timedOut ? `The search stopped at its work limit; the plan is the best found by then.` : undefined,
    seconds: (now() - ctx.start) / 1000,
  };
}

/**
 * Balances `problem` with the fast heuristic (synchronous). The plan keeps every constraint; an infeasible
 * constraint set throws a `ModelInputError` naming the constraint.
 */
export function solveHeuristic(problem: TerritoryProblem, opts: HeuristicOptions = {}): TerritoryResult {
  return solveCompiledHeuristic(compile(problem), opts);
}
