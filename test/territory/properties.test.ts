/**
 * Invariants of the territory heuristic on random small problems (fast-check, fixed seeds): every plan keeps every
 * constraint (locks, eligibility, counts, move budgets) or the input is rejected with a ModelInputError; the same
 * input gives the same plan; the report adds up; the plan is never less balanced than the current one.
 */
import fc from 'fast-check';
import { isModelInputError } from '../../src/shared/errors';
import { type TerritoryProblem, balanceReport, solveHeuristic, violations } from '../../src/territory';
import { KEYS, lcg, randomAccounts } from './stream';

const problemArb: fc.Arbitrary<TerritoryProblem> = fc
  .record({
    n: fc.integer({ min: 1, max: 24 }),
    R: fc.integer({ min: 1, max: 5 }),
    k: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    withCurrent: fc.boolean(),
    withLocks: fc.boolean(),
    withKeys: fc.boolean(),
    withCounts: fc.boolean(),
    budget: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    metricBudget: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
    shares: fc.boolean(),
  })
  .map((o) => {
    const next = lcg(o.seed);
    const { metrics, current, locked, accountKeys } = randomAccounts(next, o);
    const reps = Array.from({ length: o.R }, (_, r) => ({
      name: `Rep ${r + 1}`,
      share: o.shares ? 1 + next(3) : undefined,
      keys: o.withKeys && r > 0 ? [KEYS[next(2)]] : undefined,
      minAccounts: o.withCounts ? next(2) : undefined,
      maxAccounts: o.withCounts ? Math.ceil(o.n / o.R) + next(3) : undefined,
    }));
    return {
      metrics,
      reps,
      current,
      locked,
      accountKeys,
      moveBudget:
        o.budget !== undefined || o.metricBudget !== undefined
          ? {
              maxAccounts: o.budget,
              maxMetricFraction: o.metricBudget !== undefined ? { metric: 0, fraction: o.metricBudget } : undefined,
            }
          : undefined,
    } satisfies TerritoryProblem;
  });

/** Solves, or returns undefined when the input is rejected as bad or infeasible (and fails on any other error). */
function trySolve(p: TerritoryProblem, restarts?: number) {
  try {
    return solveHeuristic(p, { restarts });
  } catch (e) {
    if (!isModelInputError(e)) throw e;
    return undefined;
  }
}

describe('territory heuristic invariants', () => {
  test('every plan keeps locks, eligibility, min/max counts and the move budgets', () => {
    let solved = 0;
    fc.assert(
      fc.property(problemArb, (p) => {
        const res = trySolve(p, 2);
        if (res === undefined) return;
        solved++;
        expect(violations(p, res.assignment)).toEqual([]);
        if (p.locked && p.current) p.locked.forEach((l, a) => l && expect(res.assignment[a]).toBe(p.current![a]));
        const budget = p.moveBudget?.maxAccounts;
        if (budget !== undefined) expect(res.report!.accountsMoved).toBeLessThanOrEqual(budget);
      }),
      { seed: 20261128, numRuns: 300 },
    );
    // Most generated problems are feasible: the property is not vacuous.
    expect(solved).toBeGreaterThan(150);
  });

  test('a problem built around a feasible plan (eligibility, min and max counts) is always solved', () => {
    // A hidden plan gives each account a rep; keys and counts are drawn so that the hidden plan keeps them (each
    // rep covers its own accounts' keys, max ≥ its hidden count, min ≤ it, often equal). The heuristic must find
    // some plan.
    const feasibleArb = fc
      .record({
        owners: fc.array(fc.nat(3), { minLength: 1, maxLength: 30 }),
        keyOf: fc.array(fc.nat(2), { minLength: 30, maxLength: 30 }),
        values: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 30, maxLength: 30 }),
        slack: fc.array(fc.nat(2), { minLength: 4, maxLength: 4 }),
        extraKeys: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        anyRep: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      })
      .map((o): TerritoryProblem => {
        const n = o.owners.length;
        const keys = ['a', 'b', 'c'];
        const accountKeys = o.owners.map((_, i) => keys[o.keyOf[i]]);
        const count = [0, 1, 2, 3].map((r) => o.owners.filter((x) => x === r).length);
        const reps = [0, 1, 2, 3].map((r) => {
          const own = new Set(o.owners.flatMap((x, i) => (x === r ? [accountKeys[i]] : [])));
          keys.forEach((k, j) => o.extraKeys[r * 3 + j] && own.add(k));
          return {
            name: `R${r}`,
            ...(o.anyRep[r] ? {} : { keys: [...own] }),
            maxAccounts: count[r] + o.slack[r],
            minAccounts: Math.max(0, count[r] - (o.slack[r] % 2)), // tight (= the hidden count) or one below
          };
        });
        return { metrics: [o.values.slice(0, n)], reps, accountKeys };
      });
    fc.assert(
      fc.property(feasibleArb, (p) => {
        const res = solveHeuristic(p, { restarts: 1 });
        expect(violations(p, res.assignment)).toEqual([]);
      }),
      { seed: 20261129, numRuns: 400 },
    );
  });

  test('the same input gives the same plan', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const a = trySolve(p);
        const b = trySolve(p);
        expect(a === undefined).toBe(b === undefined);
        if (a && b) expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  test('the report adds up: totals are the metric totals, counts the accounts', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const res = trySolve(p, 0);
        if (res === undefined) return;
        const r = res.report!;
        expect(r.reps.reduce((s, x) => s + x.accounts, 0)).toBe(p.metrics[0].length);
        p.metrics.forEach((col, m) => {
          const total = Array.from(col).reduce((s, v) => s + v, 0);
          expect(r.reps.reduce((s, x) => s + x.totals[m], 0)).toBeCloseTo(total, 6);
          for (const rb of r.reps)
            expect(rb.index[m]).toBeCloseTo(total > 0 ? (100 * rb.totals[m]) / rb.targets[m] : 100, 9);
        });
        expect(r.largestDeviation).toBeCloseTo(Math.max(...r.reps.flatMap((x) => x.deviation)), 12);
      }),
      { seed: 99, numRuns: 150 },
    );
  });

  test('never less balanced than the current plan when that plan is complete and feasible', () => {
    let compared = 0;
    fc.assert(
      fc.property(problemArb, (q) => {
        if (!q.current) return;
        // Give unassigned accounts an owner (rep 1) so the current plan is complete.
        const p = { ...q, current: q.current.map((c) => (c < 0 ? 0 : c)) };
        let start: string[];
        try {
          start = violations(p, p.current);
        } catch {
          return;
        }
        if (start.length > 0) return;
        const res = trySolve(p, 2);
        if (res === undefined) return;
        compared++;
        expect(res.report!.largestDeviation).toBeLessThanOrEqual(balanceReport(p, p.current).largestDeviation + 1e-12);
      }),
      { seed: 3, numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(15);
  });
});
