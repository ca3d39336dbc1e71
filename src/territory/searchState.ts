/**
 * The mutable state of one heuristic search: a plan (rep of every account) with incremental per-rep totals,
 * counts, member lists, deviations and budget use, so that a move costs O(k). With a journal attached (the budget
 * chain), every change is logged and every settled plan (one that keeps every constraint) is offered to a listener.
 */
import { type Compiled, accountDistance, repDeviation } from './model';

/**
 * The changes of one search segment from its base plan, in order (account, new rep), so that any plan the segment
 * passed through can be rebuilt by replaying a prefix.
 */
export class Journal {
  readonly base: Int32Array;
  private log = new Int32Array(2048);
  /** Changes logged so far. */
  length = 0;

  constructor(base: Int32Array) {
    this.base = Int32Array.from(base);
  }

  push(a: number, to: number): void {
    if (2 * this.length + 2 > this.log.length) {
      const grown = new Int32Array(2 * this.log.length);
      grown.set(this.log);
      this.log = grown;
    }
    this.log[2 * this.length] = a;
    this.log[2 * this.length + 1] = to;
    this.length++;
  }

  /** The plan after the first `count` changes (a new array). */
  replay(count: number): Int32Array {
    const asg = Int32Array.from(this.base);
    for (let i = 0; i < count; i++) asg[this.log[2 * i]] = this.log[2 * i + 1];
    return asg;
  }
}

/** Told of every settled plan of a journaled search (called after the change is applied and logged). */
export type SettleListener = (plan: SearchState) => void;

/** The mutable state of one search: a plan with incremental totals, counts, deviations and budget use. */
export class SearchState {
  readonly asg: Int32Array;
  readonly x: Float64Array;
  readonly cnt: Int32Array;
  readonly dev: Float64Array;
  readonly members: number[][];
  readonly pos: Int32Array;
  moves = 0;
  movedMetric = 0;
  /** Per rep: bumped on every change of its members (keys the sorted-members cache). */
  readonly version: Int32Array;
  /** Per rep and metric (`r * k + m`): the sorted unlocked members at a version of the rep. */
  private readonly sortedCache: ({ version: number; sorted: number[]; vals: Float64Array } | undefined)[];
  /** Scratch flags of one per account (for `sortedMembers`), allocated on first use. */
  private mark: Uint8Array | undefined;
  /** Scratch space of one number per rep. */
  readonly scratch: Float64Array;
  /** Work done (evaluations of a rep's totals after a change), shared by every plan of one run. */
  meter: { work: number } = { work: 0 };
  /** The journal of changes (undefined: none kept) and who hears of settled plans. */
  journal: Journal | undefined;
  private listener: SettleListener | undefined;
  /** While journaled: reps outside their count bounds, and Σ km from account to rep (0 without coordinates). */
  private outOfBounds = 0;
  distance = 0;

  constructor(readonly c: Compiled) {
    this.asg = new Int32Array(c.n).fill(-1);
    this.x = new Float64Array(c.R * c.k);
    this.cnt = new Int32Array(c.R);
    this.dev = new Float64Array(c.R);
    this.members = Array.from({ length: c.R }, () => []);
    this.pos = new Int32Array(c.n);
    this.scratch = new Float64Array(c.R);
    this.version = new Int32Array(c.R);
    this.sortedCache = new Array<undefined>(c.R * c.k).fill(undefined);
    // An empty rep is 100 % under target on every metric with a total.
    for (let r = 0; r < c.R; r++) this.dev[r] = repDeviation(c, this.x, r, -1, 0);
  }

  /**
   * The unlocked members of rep `r` sorted by metric `m` (ties by index), with their values; cached per version.
   * A stale entry is brought up to date by merge (the members that stayed keep their order; the few new ones are
   * sorted and merged in), which costs O(members) instead of a full sort.
   */
  sortedMembers(r: number, m: number): { sorted: number[]; vals: Float64Array } {
    const slot = r * this.c.k + m;
    const hit = this.sortedCache[slot];
    if (hit !== undefined && hit.version === this.version[r]) return hit;
    const c = this.c;
    const k = c.k;
    const before = (p: number, q: number) => c.v[p * k + m] - c.v[q * k + m] || p - q;
    let sorted: number[];
    if (hit === undefined) {
      sorted = this.members[r].filter((b) => !c.locked[b]);
      sorted.sort(before);
      this.meter.work += 4 * sorted.length;
    } else {
      const mark = (this.mark ??= new Uint8Array(c.n));
      const kept = hit.sorted.filter((b) => this.asg[b] === r);
      for (const b of kept) mark[b] = 1;
      const added = this.members[r].filter((b) => mark[b] === 0 && !c.locked[b]);
      for (const b of kept) mark[b] = 0;
      added.sort(before);
      sorted = new Array<number>(kept.length + added.length);
      let i = 0;
      let j = 0;
      for (let o = 0; o < sorted.length; o++)
        sorted[o] = j >= added.length || (i < kept.length && before(kept[i], added[j]) < 0) ? kept[i++] : added[j++];
      this.meter.work += (hit.sorted.length + sorted.length) / 4 + 4 * added.length;
    }
    const vals = new Float64Array(sorted.length);
    for (let j = 0; j < sorted.length; j++) vals[j] = c.v[sorted[j] * k + m];
    const entry = { version: this.version[r], sorted, vals };
    this.sortedCache[slot] = entry;
    return entry;
  }

  /** True when account `a` may go to rep `r` (kept local: a hot path). */
  ok(a: number, r: number): boolean {
    const kk = this.c.key[a];
    return kk < 0 || this.c.elig[kk * this.c.R + r] === 1;
  }

  /** Change in accounts moved if `a` goes from `from` (−1: unassigned) to `to`. */
  moveDelta(a: number, from: number, to: number): number {
    const cu = this.c.cur[a];
    if (cu < 0) return 0;
    return (to !== cu ? 1 : 0) - (from >= 0 && from !== cu ? 1 : 0);
  }

  /** True when the budgets allow changes of `dMoves` accounts and `dMetric` of the budget metric. */
  budgetOk(dMoves: number, dMetric: number): boolean {
    return (
      (dMoves <= 0 || this.moves + dMoves <= this.c.maxMoves) &&
      (dMetric <= 0 || this.movedMetric + dMetric <= this.c.maxMovedMetric)
    );
  }

  metricDelta(a: number, dMoves: number): number {
    return this.c.budgetMetric >= 0 ? dMoves * this.c.v[a * this.c.k + this.c.budgetMetric] : 0;
  }

  /**
   * Starts a journal from the plan as it is (every account placed): from now on each change is logged and each
   * settled plan — counts within bounds and budgets kept; locks and eligibility are checked by every search before
   * it changes anything — goes to `listener`, this plan first.
   */
  startJournal(listener: SettleListener): Journal {
    const c = this.c;
    this.journal = new Journal(this.asg);
    this.listener = listener;
    this.outOfBounds = 0;
    for (let r = 0; r < c.R; r++) this.outOfBounds += this.outside(r);
    this.distance = 0;
    if (c.geo !== undefined) for (let a = 0; a < c.n; a++) this.distance += accountDistance(c, a, this.asg[a]);
    this.settle();
    return this.journal;
  }

  /** Stops logging (the changes until `resume` must undo each other exactly: the plan must come back as it was). */
  pause(): Journal | undefined {
    const j = this.journal;
    this.journal = undefined;
    return j;
  }

  resume(j: Journal | undefined): void {
    this.journal = j;
  }

  /** 1 when rep `r` is outside its count bounds. */
  private outside(r: number): number {
    return this.cnt[r] < this.c.minCount[r] || this.cnt[r] > this.c.maxCount[r] ? 1 : 0;
  }

  /** True when the plan keeps the counts and the budgets (tracked while journaled). */
  settled(): boolean {
    return this.outOfBounds === 0 && this.moves <= this.c.maxMoves && this.movedMetric <= this.c.maxMovedMetric;
  }

  private settle(): void {
    if (this.settled()) this.listener!(this);
  }

  /** Puts `a` (unassigned or assigned) with rep `to`, updating totals, counts, members, deviations and budgets. */
  place(a: number, to: number): void {
    const j = this.journal;
    if (j !== undefined) this.placeJournaled(j, a, to);
    else this.move(a, to);
  }

  private placeJournaled(j: Journal, a: number, to: number): void {
    const c = this.c;
    const from = this.asg[a];
    if (from >= 0) this.outOfBounds -= this.outside(from);
    if (to !== from) this.outOfBounds -= this.outside(to);
    if (c.geo !== undefined) this.distance += accountDistance(c, a, to) - (from >= 0 ? accountDistance(c, a, from) : 0);
    this.move(a, to);
    if (from >= 0) this.outOfBounds += this.outside(from);
    if (to !== from) this.outOfBounds += this.outside(to);
    j.push(a, to);
    this.settle();
  }

  private move(a: number, to: number): void {
    const c = this.c;
    const k = c.k;
    const from = this.asg[a];
    const dm = this.moveDelta(a, from, to);
    this.moves += dm;
    this.movedMetric += this.metricDelta(a, dm);
    if (from >= 0) {
      for (let m = 0; m < k; m++) this.x[from * k + m] -= c.v[a * k + m];
      this.cnt[from]--;
      this.version[from]++;
      const list = this.members[from];
      const p = this.pos[a];
      const last = list[list.length - 1];
      list[p] = last;
      this.pos[last] = p;
      list.pop();
      this.dev[from] = repDeviation(c, this.x, from, -1, 0);
    }
    for (let m = 0; m < k; m++) this.x[to * k + m] += c.v[a * k + m];
    this.cnt[to]++;
    this.version[to]++;
    this.pos[a] = this.members[to].length;
    this.members[to].push(a);
    this.asg[a] = to;
    this.dev[to] = repDeviation(c, this.x, to, -1, 0);
  }

  worst(): number {
    let r = 0;
    for (let q = 1; q < this.c.R; q++) if (this.dev[q] > this.dev[r]) r = q;
    return r;
  }

  /** Deviation of rep `r` after removing account `out` (−1 none) and adding account `inn` (−1 none). */
  devSwap(r: number, out: number, inn: number): number {
    this.meter.work++;
    const c = this.c;
    const k = c.k;
    const base = r * k;
    let d = 0;
    for (let m = 0; m < k; m++) {
      const t = this.x[base + m] - (out >= 0 ? c.v[out * k + m] : 0) + (inn >= 0 ? c.v[inn * k + m] : 0);
      const e = Math.abs(t - c.target[base + m]) * c.invTarget[base + m] * c.w[m];
      if (e > d) d = e;
    }
    return d;
  }

  /** The plan's largest deviation (a fraction). */
  largest(): number {
    let d = 0;
    for (let r = 0; r < this.c.R; r++) if (this.dev[r] > d) d = this.dev[r];
    return d;
  }
}
