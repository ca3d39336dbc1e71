/**
 * The mutable state of one heuristic search: a plan (rep of every account) with incremental per-rep totals,
 * counts, member lists, deviations and budget use, so that a move costs O(k).
 */
import { type Compiled, repDeviation } from './model';

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
  private readonly sortedCache: (
    { version: number; metric: number; sorted: number[]; vals: Float64Array } | undefined
  )[];
  /** Scratch space of one number per rep. */
  readonly scratch: Float64Array;
  /** Work done (evaluations of a rep's totals after a change), shared by every plan of one run. */
  meter: { work: number } = { work: 0 };

  constructor(readonly c: Compiled) {
    this.asg = new Int32Array(c.n).fill(-1);
    this.x = new Float64Array(c.R * c.k);
    this.cnt = new Int32Array(c.R);
    this.dev = new Float64Array(c.R);
    this.members = Array.from({ length: c.R }, () => []);
    this.pos = new Int32Array(c.n);
    this.scratch = new Float64Array(c.R);
    this.version = new Int32Array(c.R);
    this.sortedCache = new Array<undefined>(c.R).fill(undefined);
    // An empty rep is 100 % under target on every metric with a total.
    for (let r = 0; r < c.R; r++) this.dev[r] = repDeviation(c, this.x, r, -1, 0);
  }

  /** The unlocked members of rep `r` sorted by metric `m` (ties by index), with their values; cached per version. */
  sortedMembers(r: number, m: number): { sorted: number[]; vals: Float64Array } {
    const hit = this.sortedCache[r];
    if (hit !== undefined && hit.version === this.version[r] && hit.metric === m) return hit;
    const c = this.c;
    const k = c.k;
    const sorted = this.members[r].filter((b) => !c.locked[b]);
    sorted.sort((p, q) => c.v[p * k + m] - c.v[q * k + m] || p - q);
    const vals = new Float64Array(sorted.length);
    for (let j = 0; j < sorted.length; j++) vals[j] = c.v[sorted[j] * k + m];
    const entry = { version: this.version[r], metric: m, sorted, vals };
    this.sortedCache[r] = entry;
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

  /** Puts `a` (unassigned or assigned) with rep `to`, updating totals, counts, members, deviations and budgets. */
  place(a: number, to: number): void {
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
