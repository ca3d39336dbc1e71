/**
 * The balance report of an assignment (per-rep totals, index vs target, deviations, Gini, disruption, distance) and
 * a constraint checker that lists every rule a plan breaks.
 */
import { invalid } from '../shared/errors';
import { type Compiled, accountDistance, compile, eligible } from './model';
import type { BalanceReport, RepBalance, TerritoryProblem } from './types';

/**
 * Gini coefficient (fraction, 0 = equal) of non-negative values with equal weight: Σᵢⱼ|yᵢ − yⱼ| / (2 n² mean),
 * computed in O(n log n) from the sorted values. 0 when all values are 0.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const y = [...values].sort((p, q) => p - q);
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += y[i];
    weighted += (2 * (i + 1) - n - 1) * y[i];
  }
  return sum > 0 ? weighted / (n * sum) : 0;
}

/** Checks that `assignment` holds one rep index per account. */
export function checkAssignment(c: Compiled, assignment: ArrayLike<number>): void {
  if (assignment.length !== c.n) invalid(`assignment: ${assignment.length} owners for ${c.n} accounts.`);
  for (let a = 0; a < c.n; a++) {
    const r = assignment[a];
    if (!(Number.isInteger(r) && r >= 0 && r < c.R))
      invalid(`assignment: ${c.label(a)} has owner ${String(r)}; expected a rep index 0…${c.R - 1}.`);
  }
}

/** The balance report of `assignment` (rep index per account) for a compiled problem. */
export function reportCompiled(c: Compiled, assignment: ArrayLike<number>): BalanceReport {
  checkAssignment(c, assignment);
  const { n, k, R } = c;
  const x = new Float64Array(R * k);
  const count = new Int32Array(R);
  const metricMoved = new Array<number>(k).fill(0);
  let moved = 0;
  let dist = 0;
  for (let a = 0; a < n; a++) {
    const r = assignment[a];
    count[r]++;
    for (let m = 0; m < k; m++) x[r * k + m] += c.v[a * k + m];
    if (c.cur[a] >= 0 && c.cur[a] !== r) {
      moved++;
      for (let m = 0; m < k; m++) metricMoved[m] += c.v[a * k + m];
    }
    dist += accountDistance(c, a, r);
  }
  const reps: RepBalance[] = [];
  const maxIndex = new Array<number>(k).fill(-Infinity);
  const minIndex = new Array<number>(k).fill(Infinity);
  const byMetric = new Array<number>(k).fill(0);
  let largest = 0;
  let worst = { rep: 0, metric: 0 };
  for (let r = 0; r < R; r++) {
    const totals: number[] = [];
    const targets: number[] = [];
    const index: number[] = [];
    const deviation: number[] = [];
    for (let m = 0; m < k; m++) {
      const t = c.target[r * k + m];
      const tot = x[r * k + m];
      totals.push(tot);
      targets.push(t);
      const idx = t > 0 ? (100 * tot) / t : 100;
      index.push(idx);
      const d = t > 0 ? (c.w[m] * Math.abs(tot - t)) / t : 0;
      deviation.push(d);
      if (idx > maxIndex[m]) maxIndex[m] = idx;
      if (idx < minIndex[m]) minIndex[m] = idx;
      if (d > byMetric[m]) byMetric[m] = d;
      if (d > largest) {
        largest = d;
        worst = { rep: r, metric: m };
      }
    }
    reps.push({ rep: r, name: c.names[r], share: c.share[r], accounts: count[r], totals, targets, index, deviation });
  }
  const giniByMetric = Array.from({ length: k }, (_, m) => gini(reps.map((rb) => rb.index[m] / 100)));
  return {
    metricNames: c.metricNames,
    reps,
    maxIndex,
    minIndex,
    largestDeviationByMetric: byMetric,
    largestDeviation: largest,
    worst,
    gini: giniByMetric,
    accountsMoved: moved,
    metricMoved,
    totalDistanceKm: dist,
  };
}

/** The balance report of `assignment` (rep index per account) for `problem`. */
export function balanceReport(problem: TerritoryProblem, assignment: ArrayLike<number>): BalanceReport {
  return reportCompiled(compile(problem), assignment);
}

/**
 * Every constraint `assignment` breaks (locks, eligibility, min/max counts, move budgets), as readable lines; an
 * empty list means the plan is feasible.
 */
export function violationsCompiled(c: Compiled, assignment: ArrayLike<number>): string[] {
  checkAssignment(c, assignment);
  const out: string[] = [];
  const count = new Int32Array(c.R);
  let moved = 0;
  let movedMetric = 0;
  for (let a = 0; a < c.n; a++) {
    const r = assignment[a];
    count[r]++;
    if (c.locked[a] && r !== c.cur[a]) out.push(`${c.label(a)} is locked to "${c.names[c.cur[a]]}"`);
    if (!c.locked[a] && !eligible(c, a, r)) out.push(`${c.label(a)} is not eligible for "${c.names[r]}"`);
    if (c.cur[a] >= 0 && c.cur[a] !== r) {
      moved++;
      if (c.budgetMetric >= 0) movedMetric += c.v[a * c.k + c.budgetMetric];
    }
  }
  for (let r = 0; r < c.R; r++) {
    if (count[r] < c.minCount[r]) out.push(`"${c.names[r]}" has ${count[r]} accounts, fewer than ${c.minCount[r]}`);
    if (count[r] > c.maxCount[r]) out.push(`"${c.names[r]}" has ${count[r]} accounts, more than ${c.maxCount[r]}`);
  }
  if (moved > c.maxMoves) out.push(`${moved} accounts moved, more than the budget of ${c.maxMoves}`);
  if (movedMetric > c.maxMovedMetric) out.push(`${movedMetric} of metric ${c.budgetMetric + 1} moved, over budget`);
  return out;
}

/** Every constraint `assignment` breaks for `problem` (empty = feasible). */
export function violations(problem: TerritoryProblem, assignment: ArrayLike<number>): string[] {
  return violationsCompiled(compile(problem), assignment);
}
