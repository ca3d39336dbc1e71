/**
 * The heuristic's first balance phase: a descent on a smooth objective without plateaus, for books far from
 * balance (random or skewed owners). The objective is Φ = Σ_r Σ_m g(e_rm) with e_rm = w_m (x_rm − t_rm) / t_rm the
 * signed weighted relative deviation of rep r on metric m and g(e) = max(0, |e| − τ)² (τ the tolerance band; 0:
 * plain squares). Unlike the largest deviation, Φ falls with every useful move, so no move that helps is left
 * unmade for want of lowering the maximum at once.
 *
 * Each round takes the rep with the largest penalty φ_r = Σ_m g(e_rm) (the focus) and the reps most complementary
 * to it (deviation vectors pointing the opposite way); it scores every move of one account out of or into the focus
 * by the fall of Φ per unit of move budget spent (a move back to the current owner or of an account already moved
 * costs nothing and counts as a quarter), then applies the best ones in order, each re-checked against the totals as
 * they are by then. With no move, swaps are searched (each account of the focus against a window of the partner's
 * accounts nearest the exchange that would even out the worst metric). A focus with nothing to gain is set aside
 * until one of its reps' totals changes. Every change keeps locks, eligibility, counts and the move budgets.
 * The phase ends when every rep is within `floor` on every metric, nothing helps, or `stop()` says so.
 */
import { EARTH_KM, accountDistance } from './model';
import type { SearchState } from './searchState';
import { lowerBound } from '../shared/search';

/** Partners (most complementary reps) searched per round. */
const PARTNERS = 8;
/** Moves applied per round at most (each re-checked before it is applied). */
const BATCH = 24;
/** On large reps, up to one in this many of the focus rep's accounts per round (so rounds do not scale with n / R). */
const BATCH_SHARE = 32;
/** Rounds over every rep for compactness (with coordinates). */
const COMPACTION_PASSES = 4;
/** Half-width of the swap window. */
const WINDOW = 8;

/** The descent's objective and its bookkeeping over one plan. */
class Descent {
  readonly c: SearchState['c'];
  /** φ_r: the penalty of each rep. */
  readonly phi: Float64Array;
  /** Set aside: no improving change found while the rep's totals stayed as they are. */
  readonly stuck: Uint8Array;
  /** Scratch: the totals of one rep after a change. */
  private readonly t: Float64Array;
  /** The least fall of Φ that counts (rounding noise below it could otherwise make changes cycle). */
  minGain = 0;
  /**
   * With coordinates: the weight μ of distance in the objective (Φ + μ · Σ km from account to its rep's anchor),
   * scaled so that taking an average account an average distance away costs as much balance as half an average
   * account's share of a rep's target; 0 without coordinates. And each rep's nearest reps (by anchor).
   */
  readonly mu: number;
  readonly near: Int32Array[] | undefined;
  /** cos(latitude) of each account (for the equirectangular distance). */
  private readonly cosLat: Float64Array;

  constructor(
    readonly plan: SearchState,
    readonly tol: number,
    withDistance = true,
  ) {
    this.c = plan.c;
    this.phi = new Float64Array(this.c.R);
    this.stuck = new Uint8Array(this.c.R);
    this.t = new Float64Array(this.c.k);
    for (let r = 0; r < this.c.R; r++) this.phi[r] = this.penalty(r, -1, -1);
    const c = this.c;
    const g = c.geo;
    if (g === undefined || g.repLat.some(Number.isNaN) || !withDistance) {
      this.mu = 0;
      this.near = undefined;
      this.cosLat = new Float64Array(0);
      return;
    }
    this.cosLat = g.lat.map(Math.cos);
    let sum = 0;
    for (let a = 0; a < c.n; a++) sum += accountDistance(c, a, plan.asg[a]);
    const meanKm = sum / c.n || 1;
    const share = c.R / c.n;
    this.mu = (0.5 * share * share) / meanKm;
    this.near = g.near;
  }

  /**
   * μ × (km from `a` to `to`'s anchor − km to `from`'s): what moving `a` adds to the objective's distance term.
   * Distances by the equirectangular approximation (within a few tenths of a percent of great-circle below
   * 1,000 km; the report uses great-circle).
   */
  distanceCost(a: number, from: number, to: number): number {
    if (this.mu === 0) return 0;
    // Two square roots and their lookups: about one unit of work (measured, so the cap bounds time with coordinates).
    this.plan.meter.work++;
    return this.mu * (this.flatKm(a, to) - this.flatKm(a, from));
  }

  private flatKm(a: number, r: number): number {
    const g = this.c.geo!;
    const dx = (g.lon[a] - g.repLon[r]) * this.cosLat[a];
    const dy = g.lat[a] - g.repLat[r];
    return EARTH_KM * Math.sqrt(dx * dx + dy * dy);
  }

  /** φ of rep `r` after removing account `out` and adding account `inn` (−1: none). */
  penalty(r: number, out: number, inn: number): number {
    this.plan.meter.work++;
    const c = this.c;
    const k = c.k;
    const x = this.plan.x;
    let s = 0;
    for (let m = 0; m < k; m++) {
      const i = r * k + m;
      let v = x[i];
      if (out >= 0) v -= c.v[out * k + m];
      if (inn >= 0) v += c.v[inn * k + m];
      let e = Math.abs(v - c.target[i]) * c.invTarget[i] * c.w[m];
      e -= this.tol;
      if (e > 0) s += e * e;
    }
    return s;
  }

  /** Fall of Φ when `a` moves from its rep to `to` (≤ 0: no use). */
  moveGain(a: number, to: number): number {
    const from = this.plan.asg[a];
    return (
      this.phi[from] +
      this.phi[to] -
      this.penalty(from, a, -1) -
      this.penalty(to, -1, a) -
      this.distanceCost(a, from, to)
    );
  }

  /** Fall of Φ when `a` (in r) and `b` (in q) trade places. */
  swapGain(r: number, q: number, a: number, b: number): number {
    const moved = this.distanceCost(a, r, q) + this.distanceCost(b, q, r);
    return this.phi[r] + this.phi[q] - this.penalty(r, a, b) - this.penalty(q, b, a) - moved;
  }

  /** True when `a` may move to `to` now (lock, eligibility, counts, budgets). */
  canMove(a: number, to: number): boolean {
    const p = this.plan;
    const c = this.c;
    const from = p.asg[a];
    if (to === from || c.locked[a] || !p.ok(a, to)) return false;
    if (p.cnt[from] <= c.minCount[from] || p.cnt[to] >= c.maxCount[to]) return false;
    const dm = p.moveDelta(a, from, to);
    return p.budgetOk(dm, p.metricDelta(a, dm));
  }

  /** Applies a move and refreshes the two reps' penalties and set-aside flags. */
  apply(a: number, to: number): void {
    const from = this.plan.asg[a];
    this.plan.place(a, to);
    this.phi[from] = this.penalty(from, -1, -1);
    this.phi[to] = this.penalty(to, -1, -1);
    this.stuck[from] = 0;
    this.stuck[to] = 0;
  }

  /** The `PARTNERS` reps most complementary to `r` (smallest Σ_m e_rm·e_qm; ties by index). */
  partners(r: number): number[] {
    const c = this.c;
    const { k, R } = c;
    const x = this.plan.x;
    const er = this.t;
    for (let m = 0; m < k; m++) {
      const i = r * k + m;
      er[m] = (x[i] - c.target[i]) * c.invTarget[i] * c.w[m];
    }
    const out: number[] = [];
    const score: number[] = [];
    for (let q = 0; q < R; q++) {
      if (q === r) continue;
      let s = 0;
      for (let m = 0; m < k; m++) {
        const i = q * k + m;
        s += er[m] * (x[i] - c.target[i]) * c.invTarget[i] * c.w[m];
      }
      if (out.length === PARTNERS && s >= score[PARTNERS - 1]) continue;
      let j = out.length < PARTNERS ? out.length : PARTNERS - 1;
      while (j > 0 && s < score[j - 1]) {
        out[j] = out[j - 1];
        score[j] = score[j - 1];
        j--;
      }
      out[j] = q;
      score[j] = s;
    }
    if (this.near === undefined) return out;
    // With coordinates: the nearest reps first, then the most complementary (accounts move between neighbours).
    const mixed = Array.from(this.near[r].slice(0, PARTNERS / 2));
    for (const q of out) if (mixed.length < PARTNERS && !mixed.includes(q)) mixed.push(q);
    return mixed;
  }
}

/** Budget weight of a change that spends `cost` moves: a free change (cost ≤ 0) counts as a quarter of a move. */
function perMove(gain: number, cost: number): number {
  return cost > 0.25 ? gain / cost : 4 * gain;
}

/** The candidate moves of one round: the best `cap` by score (account, destination), kept sorted. */
class TopMoves {
  a = new Int32Array(BATCH);
  to = new Int32Array(BATCH);
  score = new Float64Array(BATCH);
  size = 0;
  cap = BATCH;

  /** Empties the list and sets how many moves it keeps (at least `BATCH`). */
  reset(cap: number): void {
    this.size = 0;
    this.cap = Math.max(BATCH, cap);
    if (this.cap > this.a.length) {
      this.a = new Int32Array(this.cap);
      this.to = new Int32Array(this.cap);
      this.score = new Float64Array(this.cap);
    }
  }

  /** True when a move scoring `score` would not be kept. */
  full(score: number): boolean {
    return this.size === this.cap && score <= this.score[this.cap - 1];
  }

  /** Offers a move; kept when among the best `cap` so far (ties: the earlier offer). */
  offer(a: number, to: number, score: number): void {
    if (this.full(score)) return;
    let j = this.size < this.cap ? this.size++ : this.cap - 1;
    while (j > 0 && score > this.score[j - 1]) {
      this.a[j] = this.a[j - 1];
      this.to[j] = this.to[j - 1];
      this.score[j] = this.score[j - 1];
      j--;
    }
    this.a[j] = a;
    this.to[j] = to;
    this.score[j] = score;
  }
}

/** One round on focus rep `r`; the number of accounts whose rep changed (0: nothing helps `r` now). */
function round(d: Descent, r: number, top: TopMoves): number {
  const p = d.plan;
  const c = d.c;
  const k = c.k;
  const partners = d.partners(r);
  // Signs of r's deviations: a rep over target on every metric gains nothing from an account moved in, and the
  // reverse; those directions are skipped.
  let anyOver = false;
  let anyUnder = false;
  for (let m = 0; m < k; m++) {
    const i = r * k + m;
    if (c.w[m] === 0) continue;
    if (p.x[i] > c.target[i]) anyOver = true;
    if (p.x[i] < c.target[i]) anyUnder = true;
  }
  top.reset(Math.ceil(p.members[r].length / BATCH_SHARE));
  if (anyOver && p.cnt[r] > c.minCount[r]) {
    const open = partners.filter((q) => p.cnt[q] < c.maxCount[q]);
    const mine = p.members[r];
    for (let i = 0; i < mine.length; i++) {
      const a = mine[i];
      if (c.locked[a]) continue;
      // An account with its current owner costs a move wherever it goes: skipped at once when none is left.
      if (c.cur[a] === r && !p.budgetOk(1, p.metricDelta(a, 1))) continue;
      const gr = d.phi[r] - d.penalty(r, a, -1);
      if (gr <= 0) continue;
      for (const q of open) {
        if (!p.ok(a, q)) continue;
        const gb = gr + d.phi[q] - d.penalty(q, -1, a);
        const dm = p.moveDelta(a, r, q);
        // Distance never pays for a move (disruption comes before compactness): a move must help balance.
        if (dm > 0 && gb <= d.minGain) continue;
        const g = gb - d.distanceCost(a, r, q);
        if (g <= d.minGain) continue;
        const s = perMove(g, dm);
        if (top.full(s)) continue;
        if (!p.budgetOk(dm, p.metricDelta(a, dm))) continue;
        top.offer(a, q, s);
      }
    }
  }
  if (anyUnder && p.cnt[r] < c.maxCount[r]) {
    for (const q of partners) {
      if (p.cnt[q] <= c.minCount[q]) continue;
      const theirs = p.members[q];
      for (let i = 0; i < theirs.length; i++) {
        const a = theirs[i];
        if (c.locked[a] || !p.ok(a, r)) continue;
        const dm = p.moveDelta(a, q, r);
        if (!p.budgetOk(dm, p.metricDelta(a, dm))) continue;
        const gr = d.phi[r] - d.penalty(r, -1, a);
        if (gr <= 0) continue;
        const gb = gr + d.phi[q] - d.penalty(q, a, -1);
        if (dm > 0 && gb <= d.minGain) continue;
        const g = gb - d.distanceCost(a, q, r);
        if (g <= d.minGain) continue;
        const s = perMove(g, dm);
        if (top.full(s)) continue;
        top.offer(a, r, s);
      }
    }
  }
  let applied = 0;
  for (let j = 0; j < top.size; j++) {
    const a = top.a[j];
    const to = top.to[j];
    // Re-check against the totals as they are now (earlier moves of this round changed them).
    if (p.asg[a] === to || !d.canMove(a, to)) continue;
    const g = d.moveGain(a, to);
    const from = p.asg[a];
    if (g <= d.minGain || (p.moveDelta(a, from, to) > 0 && g + d.distanceCost(a, from, to) <= d.minGain)) continue;
    d.apply(a, to);
    applied++;
  }
  if (applied > 0) return applied;
  return swapRound(d, r, partners);
}

/** Best swap between focus `r` and a partner (windowed); 1 when one was applied, else 0. */
function swapRound(d: Descent, r: number, partners: readonly number[]): number {
  const p = d.plan;
  const c = d.c;
  const k = c.k;
  // The metric on which r is worst.
  let mw = 0;
  let dw = -1;
  for (let m = 0; m < k; m++) {
    const i = r * k + m;
    const e = Math.abs(p.x[i] - c.target[i]) * c.invTarget[i] * c.w[m];
    if (e > dw) {
      dw = e;
      mw = m;
    }
  }
  let bestA = -1;
  let bestB = -1;
  let bestS = 0;
  // With the move budget spent, an account with its current owner could only swap with one coming home (rare):
  // only accounts already moved are searched then, which keeps rounds on a spent budget cheap.
  const mine = p.budgetOk(1, 0) ? p.members[r] : p.members[r].filter((a) => c.cur[a] !== r);
  if (mine.length === 0) return 0;
  for (const q of partners) {
    const ir = r * k + mw;
    const iq = q * k + mw;
    // Exchange δ = v_a − v_b that evens out r and q on metric mw.
    const delta = (p.x[ir] * c.target[iq] - p.x[iq] * c.target[ir]) / (c.target[ir] + c.target[iq] || 1);
    const { sorted, vals } = p.sortedMembers(q, mw);
    if (sorted.length === 0) continue;
    for (let i = 0; i < mine.length; i++) {
      const a = mine[i];
      if (c.locked[a] || !p.ok(a, q)) continue;
      const want = c.v[a * k + mw] - delta;
      const lo = lowerBound(vals, want);
      const jFrom = Math.max(0, lo - WINDOW);
      const jTo = Math.min(vals.length, lo + WINDOW);
      for (let j = jFrom; j < jTo; j++) {
        const b = sorted[j];
        if (!p.ok(b, r)) continue;
        const dmA = p.moveDelta(a, r, q);
        const dmB = p.moveDelta(b, q, r);
        if (!p.budgetOk(dmA + dmB, p.metricDelta(a, dmA) + p.metricDelta(b, dmB))) continue;
        const g = d.swapGain(r, q, a, b);
        if (g <= d.minGain) continue;
        if (dmA + dmB > 0 && d.mu > 0 && g + d.distanceCost(a, r, q) + d.distanceCost(b, q, r) <= d.minGain) continue;
        const s = perMove(g, dmA + dmB);
        if (s <= bestS) continue;
        bestS = s;
        bestA = a;
        bestB = b;
      }
    }
  }
  if (bestA < 0) return 0;
  const q = p.asg[bestB];
  d.apply(bestA, q);
  d.apply(bestB, r);
  return 2;
}

/**
 * Runs the descent on `plan` (see the module comment) until every rep is within `floor` (a fraction; at least the
 * tolerance) on every metric, nothing helps, or `stop()` returns true. Returns the changes applied. `withDistance`
 * false: balance alone, even with coordinates (no distance term, partners by complementarity only).
 */
export function descend(
  plan: SearchState,
  tolerance: number,
  floor: number,
  stop: () => boolean,
  withDistance = true,
): number {
  const d = new Descent(plan, tolerance, withDistance);
  const R = d.c.R;
  const top = new TopMoves();
  let changes = 0;
  let sinceReset = 0;
  for (let it = 0; ; it++) {
    if ((it & 7) === 0) {
      if (stop()) break;
      let total = 0;
      for (let q = 0; q < R; q++) total += d.phi[q];
      d.minGain = 1e-9 * total + 1e-15;
    }
    let r = -1;
    for (let q = 0; q < R; q++) {
      if (d.stuck[q] || plan.dev[q] <= floor || d.phi[q] <= 0) continue;
      if (r < 0 || d.phi[q] > d.phi[r]) r = q;
    }
    if (r < 0) {
      // Every rep needing help is set aside: once more from the start if anything changed since the last time.
      if (sinceReset === 0) break;
      d.stuck.fill(0);
      sinceReset = 0;
      continue;
    }
    const applied = round(d, r, top);
    if (applied === 0) d.stuck[r] = 1;
    changes += applied;
    sinceReset += applied;
  }
  // With coordinates: compaction rounds on every rep in turn (balance penalties stay in the objective, so a rep
  // within the band stays there while accounts move to nearer neighbours).
  if (d.mu > 0) {
    for (let pass = 0; pass < COMPACTION_PASSES && !stop(); pass++) {
      let moved = 0;
      for (let r = 0; r < R && !stop(); r++) moved += round(d, r, top);
      changes += moved;
      if (moved === 0) break;
    }
  }
  return changes;
}
