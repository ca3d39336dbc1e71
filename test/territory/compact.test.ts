/**
 * The price-based compact start (src/territory/compact.ts): its plan against a hand-worked optimum and a HiGHS-proven
 * one, and, through the heuristic, every constraint kept when coordinates and homes are given (fast-check).
 */
import fc from 'fast-check';
import { isModelInputError } from '../../src/shared/errors';
import { priceAssignment } from '../../src/territory/compact';
import { type TerritoryProblem, compile, loadHighs, solveHeuristic, violations } from '../../src/territory';
import { accountDistance } from '../../src/territory/model';
import { DEGREE_KM, equatorBook } from './equator';
import { KEYS, lcg, randomAccounts } from './stream';

/** The priced plan of every account of `p` from scratch (nothing fixed), with room for all its rounds. */
function priced(p: TerritoryProblem, band: number): Int32Array | undefined {
  const c = compile(p);
  const free = Array.from({ length: c.n }, (_, a) => a);
  return priceAssignment(c, free, new Int32Array(c.n).fill(-1), band, { work: 0 }, 1e12);
}

function totalKm(p: TerritoryProblem, plan: Int32Array): number {
  const c = compile(p);
  let s = 0;
  for (let a = 0; a < c.n; a++) s += accountDistance(c, a, plan[a]);
  return s;
}

describe('price-based assignment, by hand', () => {
  // Four accounts of potential 10 on the equator at longitude 0, 1, 2 and 10; Ann lives at 0, Bob at 10. Balanced
  // plans give each rep two accounts; the nearest is Ann {0, 1}, Bob {2, 10}: 0 + 1° + 8° + 0 = 9° (Ann {0, 2},
  // Bob {1, 10}: 0 + 2° + 9° + 0 = 11°; Ann {1, 2}, Bob {0, 10}: 1° + 2° + 10° + 0 = 13°; any plan with Ann {10}
  // is longer still). Prices: account 2 goes to Bob once Ann's price exceeds Bob's by 6° (8° − 2°), account 1 stays
  // while the gap is below 8° (9° − 1°); a gap in between gives the optimum.
  const problem = equatorBook([10, 10, 10, 10], [0, 1, 2, 10]);

  test('the prices find Ann {0, 1}, Bob {2, 10}: balanced, 9° of travel', () => {
    const plan = priced(problem, 0)!;
    expect(Array.from(plan)).toEqual([0, 0, 1, 1]);
    expect(totalKm(problem, plan)).toBeCloseTo(9 * DEGREE_KM, 6);
  });

  test('without homes for every rep there is no priced plan (the construction keeps its rules)', () => {
    const noHome = { ...problem, reps: [problem.reps[0], { name: 'Bob' }] };
    expect(priced(noHome, 0)).toBeUndefined();
  });
});

describe('price-based assignment against the HiGHS optimum', () => {
  // 60 accounts on a 10° × 10° patch (seeded), 3 reps with homes in it, one metric of 1 per account (a count), so a
  // balanced plan gives each rep exactly 20. The assignment LP (min Σ km, each account once, each rep 20) is totally
  // unimodular: its optimum is the best balanced plan, proven by HiGHS.
  const draw = lcg(12345);
  const next = () => draw(2147483648) / 2147483648;
  const n = 60;
  const lat = Array.from({ length: n }, () => 40 + 10 * next());
  const lon = Array.from({ length: n }, () => -100 + 10 * next());
  const problem: TerritoryProblem = {
    metrics: [Array.from({ length: n }, () => 1)],
    reps: [
      { name: 'A', home: { lat: 42, lon: -98 } },
      { name: 'B', home: { lat: 44, lon: -97 } },
      { name: 'C', home: { lat: 48, lon: -92 } },
    ],
    coordinates: { lat, lon },
  };

  async function optimum(): Promise<number> {
    const highs = await loadHighs();
    const c = compile(problem);
    const R = c.R;
    const cost = new Float64Array(n * R);
    for (let a = 0; a < n; a++) for (let r = 0; r < R; r++) cost[a * R + r] = accountDistance(c, a, r);
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const lo: number[] = [];
    const hi: number[] = [];
    // Rows: each account once (= 1), then each rep's count (= 20).
    const row = (cols: number[], b: number) => {
      for (const j of cols) {
        indices.push(j);
        values.push(1);
      }
      lo.push(b);
      hi.push(b);
      starts.push(indices.length);
    };
    for (let a = 0; a < n; a++)
      row(
        [0, 1, 2].map((r) => a * R + r),
        1,
      );
    for (let r = 0; r < R; r++)
      row(
        Array.from({ length: n }, (_, a) => a * R + r),
        20,
      );
    const numRows = lo.length;
    const numCols = n * R;
    return highs.withModel(
      {
        numCols,
        numRows,
        offset: 0,
        colCost: cost,
        colLower: new Float64Array(numCols),
        colUpper: new Float64Array(numCols).fill(1),
        rowLower: lo,
        rowUpper: hi,
        matrix: { format: 'csr', numRows, numCols, starts, indices, values },
      },
      (hm) => {
        hm.options.set({ output_flag: false });
        const run = hm.run();
        expect(run.modelStatus).toBe(highs.constants.modelStatus.optimal);
        return Number(hm.info.get('objective_function_value'));
      },
    );
  }

  test('the priced plan and the heuristic both find the proven optimum (18,929 km, 20 accounts each)', async () => {
    const best = await optimum();
    const counts = (plan: ArrayLike<number>) => [0, 1, 2].map((r) => Array.from(plan).filter((x) => x === r).length);
    // Not a trivial case: the nearest-home carve is unbalanced, so balance costs distance.
    const c = compile(problem);
    const carve = Array.from({ length: n }, (_, a) =>
      [0, 1, 2].reduce((p, r) => (accountDistance(c, a, r) < accountDistance(c, a, p) ? r : p), 0),
    );
    expect(counts(carve)).not.toEqual([20, 20, 20]);
    const plan = priced(problem, 0)!;
    expect(counts(plan)).toEqual([20, 20, 20]);
    expect(totalKm(problem, plan) / best).toBeCloseTo(1, 9);
    const res = solveHeuristic(problem);
    expect(counts(res.assignment)).toEqual([20, 20, 20]);
    expect(res.report!.totalDistanceKm / best).toBeCloseTo(1, 9);
  });
});

describe('with coordinates, every constraint still holds', () => {
  const caseArb: fc.Arbitrary<{ problem: TerritoryProblem; tolerance: number }> = fc
    .record({
      n: fc.integer({ min: 1, max: 40 }),
      R: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      withCurrent: fc.boolean(),
      withLocks: fc.boolean(),
      withKeys: fc.boolean(),
      withCounts: fc.boolean(),
      allHomes: fc.boolean(),
      tolerance: fc.constantFrom(0, 0.02, 0.1),
    })
    .map((o) => {
      const next = lcg(o.seed);
      const { metrics, current, locked, accountKeys } = randomAccounts(next, { ...o, k: 2 });
      const reps = Array.from({ length: o.R }, (_, r) => ({
        name: `Rep ${r + 1}`,
        home: o.allHomes || next(3) > 0 ? { lat: 30 + next(20), lon: -120 + next(40) } : undefined,
        keys: o.withKeys && r > 0 ? [KEYS[next(2)]] : undefined,
        minAccounts: o.withCounts ? next(3) : undefined,
        maxAccounts: o.withCounts ? Math.ceil(o.n / o.R) + next(3) : undefined,
      }));
      const coordinates = {
        lat: Array.from({ length: o.n }, () => 30 + next(2000) / 100),
        lon: Array.from({ length: o.n }, () => -120 + next(4000) / 100),
      };
      const problem: TerritoryProblem = { metrics, reps, current, locked, accountKeys, coordinates };
      return { problem, tolerance: o.tolerance };
    });

  test('locks, eligibility and min/max counts hold for every plan (or the input is refused)', () => {
    let solved = 0;
    fc.assert(
      fc.property(caseArb, ({ problem: p, tolerance }) => {
        let res;
        try {
          res = solveHeuristic(p, { restarts: 2, tolerance });
        } catch (e) {
          if (!isModelInputError(e)) throw e;
          return;
        }
        solved++;
        expect(violations(p, res.assignment)).toEqual([]);
        if (p.locked && p.current) p.locked.forEach((l, a) => l && expect(res.assignment[a]).toBe(p.current![a]));
      }),
      { seed: 20261130, numRuns: 300 },
    );
    expect(solved).toBeGreaterThan(150);
  });

  test('the priced plan itself keeps locks and eligibility (every preferred rep may take the account)', () => {
    // Books large enough for prices to matter (30–80 accounts of 100–1,000, 2–4 reps, every rep at home), with keys
    // and locks: a priced plan is returned for most of them, and must never give an account to a rep whose keys
    // exclude it.
    const bookArb = fc
      .record({
        n: fc.integer({ min: 30, max: 80 }),
        R: fc.integer({ min: 2, max: 4 }),
        seed: fc.integer({ min: 0, max: 1_000_000 }),
        withLocks: fc.boolean(),
      })
      .map((o): TerritoryProblem => {
        const next = lcg(o.seed);
        const current = Array.from({ length: o.n }, () => next(o.R));
        return {
          metrics: [Array.from({ length: o.n }, () => 100 + next(900))],
          reps: Array.from({ length: o.R }, (_, r) => ({
            name: `Rep ${r + 1}`,
            home: { lat: 30 + next(20), lon: -120 + next(40) },
            keys: r === 0 ? undefined : [KEYS[r % 2]],
          })),
          current,
          locked: o.withLocks ? current.map(() => next(5) === 0) : undefined,
          accountKeys: Array.from({ length: o.n }, () => (next(3) === 0 ? null : KEYS[next(2)])),
          coordinates: {
            lat: Array.from({ length: o.n }, () => 30 + next(2000) / 100),
            lon: Array.from({ length: o.n }, () => -120 + next(4000) / 100),
          },
        };
      });
    let planned = 0;
    fc.assert(
      fc.property(bookArb, (p) => {
        const c = compile(p);
        const free = Array.from({ length: c.n }, (_, a) => a).filter((a) => !c.locked[a]);
        const fixed = new Int32Array(c.n).fill(-1);
        for (let a = 0; a < c.n; a++) if (c.locked[a]) fixed[a] = c.cur[a];
        const plan = priceAssignment(c, free, fixed, 0.01, { work: 0 }, 1e12);
        if (plan === undefined) return;
        planned++;
        for (let a = 0; a < c.n; a++) {
          const kk = c.key[a];
          // A locked account stays with its owner (eligible or not); every other goes to a rep that takes its key.
          if (c.locked[a]) expect(plan[a]).toBe(c.cur[a]);
          else expect(kk < 0 || c.elig[kk * c.R + plan[a]] === 1).toBe(true);
        }
      }),
      { seed: 20261131, numRuns: 200 },
    );
    expect(planned).toBeGreaterThan(100);
  });
});
