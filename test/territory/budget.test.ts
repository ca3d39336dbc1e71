/**
 * Issue 24: the move budget used well and the tolerance band. Hand-worked cases (arithmetic in the comments) and
 * fast-check properties on small random books (the exact budget ladder) and larger ones (300–2,000 pairs, the
 * budget chain): more budget never gives a worse plan, the band is met whenever a plan within it exists, locked
 * accounts never move, and the same input gives the same plan.
 */
import fc from 'fast-check';
import { isModelInputError } from '../../src/shared/errors';
import { type TerritoryProblem, balanceReport, solveHeuristic, violations } from '../../src/territory';
import { lcg } from './stream';

describe('tolerance band, by hand', () => {
  // Potential: Ann holds 30, 20, 10, 6 (66), Bob holds 34: total 100, target 50 each, both 32 % off.
  // One move: the 20 → 46 | 54 (8 %); the 10 → 56 | 44 (12 %); the 6 → 60 | 40 (20 %); the 30 → 36 | 64 (28 %).
  // Two moves: the 10 and the 6 → 50 | 50 (0 %), the only way to 0 %.
  const problem: TerritoryProblem = {
    metrics: [[30, 20, 10, 6, 34]],
    reps: [{ name: 'Ann' }, { name: 'Bob' }],
    current: [0, 0, 0, 0, 1],
  };

  test('without a tolerance: 0 % with the two moves 10 and 6', () => {
    const res = solveHeuristic(problem);
    expect(res.report!.largestDeviation).toBe(0);
    expect(Array.from(res.assignment)).toEqual([0, 0, 1, 1, 1]);
    expect(res.report!.accountsMoved).toBe(2);
  });

  test('tolerance 0.10: one move (the 20) puts both within ±10 % (8 %)', () => {
    const res = solveHeuristic(problem, { tolerance: 0.1 });
    expect(res.report!.accountsMoved).toBe(1);
    expect(Array.from(res.assignment)).toEqual([0, 1, 0, 0, 1]);
    expect(res.report!.largestDeviation).toBeCloseTo(0.08, 12); // |46 − 50| / 50
  });

  test('tolerance 0.05: no single move is within ±5 %, so the two moves to 0 %', () => {
    const res = solveHeuristic(problem, { tolerance: 0.05 });
    expect(res.report!.accountsMoved).toBe(2);
    expect(res.report!.largestDeviation).toBe(0);
  });

  test('tolerance 0.4: the current plan (32 %) is already within the band, nothing moves', () => {
    const res = solveHeuristic(problem, { tolerance: 0.4 });
    expect(res.report!.accountsMoved).toBe(0);
  });

  test('a tolerance outside [0, 1) is refused naming the argument', () => {
    expect(() => solveHeuristic(problem, { tolerance: -0.1 })).toThrow(/tolerance/);
    expect(() => solveHeuristic(problem, { tolerance: 1.5 })).toThrow(/tolerance/);
    expect(() => solveHeuristic(problem, { tolerance: Number.NaN })).toThrow(/tolerance/);
  });
});

describe('move budget, by hand', () => {
  // Same book. Budget 1: the best single move is the 20 (8 %); budget 2: 0 % (the 10 and the 6); budget 0: 32 %.
  const problem: TerritoryProblem = {
    metrics: [[30, 20, 10, 6, 34]],
    reps: [{ name: 'Ann' }, { name: 'Bob' }],
    current: [0, 0, 0, 0, 1],
  };
  test.each([
    [0, 0.32, 0],
    [1, 0.08, 1],
    [2, 0, 2],
    [3, 0, 2],
  ])('max_moves %i: largest deviation %f with %i moves', (budget, dev, moves) => {
    const res = solveHeuristic({ ...problem, moveBudget: { maxAccounts: budget } });
    expect(res.report!.largestDeviation).toBeCloseTo(dev, 12);
    expect(res.report!.accountsMoved).toBe(moves);
  });
});

/** A small book: n accounts, R reps, k metrics, everyone with a current owner, some locked. */
const bookArb = fc
  .record({
    n: fc.integer({ min: 2, max: 14 }),
    R: fc.integer({ min: 2, max: 4 }),
    k: fc.integer({ min: 1, max: 2 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    withLocks: fc.boolean(),
  })
  .map((o) => {
    const next = lcg(o.seed);
    const metrics = Array.from({ length: o.k }, () => Array.from({ length: o.n }, () => 1 + next(100)));
    const current = Array.from({ length: o.n }, () => next(o.R));
    const locked = o.withLocks ? current.map(() => next(4) === 0) : undefined;
    const reps = Array.from({ length: o.R }, (_, r) => ({ name: `Rep ${r + 1}` }));
    return { metrics, reps, current, locked } satisfies TerritoryProblem;
  });

/** Solved (not refused) calls since the last reset: each property checks it ran on solved books, not only refusals. */
let solvedCount = 0;

/** Solves, or undefined when the input is refused. */
function trySolve(p: TerritoryProblem, tolerance?: number) {
  try {
    const res = solveHeuristic(p, { tolerance });
    solvedCount++;
    return res;
  } catch (e) {
    if (!isModelInputError(e)) throw e;
    return undefined;
  }
}

describe('a band out of reach is no worse than none (reviewer case, 11 accounts × 4 reps)', () => {
  // Two metrics; 4 reps with targets Σ/4. Without a tolerance the best plan found at max_moves 8 is 76.02 % off
  // (6 moves); with tolerance 0.02 the band cannot be reached, and the search used to stop at 83.60 %, worse than
  // with no tolerance and worse than with max_moves 5 (78.15 %). Now the plan without the band is a candidate too.
  const p: TerritoryProblem = {
    metrics: [
      [856, 842, 85, 67, 24, 48, 94, 903, 49, 11, 407],
      [879, 82, 35, 19, 959, 27, 4, 82, 88, 13, 80],
    ],
    reps: [{ name: 'R0' }, { name: 'R1' }, { name: 'R2' }, { name: 'R3' }],
    current: [0, 0, 1, 2, 0, 0, 0, 0, 0, 1, 0],
    locked: [false, false, false, false, false, true, false, false, false, false, true],
  };

  test.each([0.02, 0.05, 0.5])('tolerance %p: never worse than tolerance 0, and not worse with more budget', (tol) => {
    let prev = Infinity;
    for (const b of [4, 5, 8, 11]) {
      const q = { ...p, moveBudget: { maxAccounts: b } };
      const flat = solveHeuristic(q).report!.largestDeviation;
      const d = solveHeuristic(q, { tolerance: tol }).report!.largestDeviation;
      expect(Math.max(d, tol)).toBeLessThanOrEqual(Math.max(flat, tol) + 1e-12);
      expect(d).toBeLessThanOrEqual(prev + 1e-12);
      prev = d;
    }
    expect(prev).toBeCloseTo(0.76019, 4);
  });
});

/** A larger book (300–2,000 account × rep pairs, above the exact ladder): the budget chain answers there. */
const largeBookArb = fc
  .record({
    n: fc.integer({ min: 60, max: 200 }),
    R: fc.integer({ min: 5, max: 10 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    withLocks: fc.boolean(),
  })
  .map((o) => {
    const next = lcg(o.seed);
    const metrics = [0, 1].map(() => Array.from({ length: o.n }, () => 1 + next(1000)));
    const current = Array.from({ length: o.n }, () => next(o.R));
    const locked = o.withLocks ? current.map(() => next(5) === 0) : undefined;
    const reps = Array.from({ length: o.R }, (_, r) => ({ name: `Rep ${r + 1}` }));
    return { metrics, reps, current, locked } satisfies TerritoryProblem;
  });

describe('more budget never worse on books above the ladder (budget chain)', () => {
  /** Deviation and moves at each budget; counts the budgets whose plan is worse than a smaller budget's. */
  function inversions(p: TerritoryProblem, budgets: number[], tolerance?: number): number {
    let prev = { dev: Infinity, moves: Infinity };
    let count = 0;
    for (const b of budgets) {
      const res = solveHeuristic({ ...p, moveBudget: { maxAccounts: b } }, { tolerance });
      const dev = Math.max(res.report!.largestDeviation, tolerance ?? 0);
      const moves = res.report!.accountsMoved;
      expect(moves).toBeLessThanOrEqual(b);
      expect(violations(p, res.assignment)).toEqual([]);
      // Worse: a higher (band-capped) deviation, or as high with more moves.
      if (dev > prev.dev + 1e-12 || (Math.abs(dev - prev.dev) <= 1e-12 && moves > prev.moves)) count++;
      else prev = { dev, moves };
    }
    return count;
  }

  test('the largest deviation, then the moves, never worsen as max_moves grows (300–2,000 pairs)', () => {
    let books = 0;
    fc.assert(
      fc.property(largeBookArb, fc.integer({ min: 0, max: 40 }), (p, from) => {
        // A dense run of budgets (where a rung boundary falls), then sparse ones up to every account.
        const n = p.current.length;
        const budgets = [...Array.from({ length: 12 }, (_, i) => from + i), 60, Math.ceil(n / 2), n];
        expect(inversions(p, budgets)).toBe(0);
        books++;
      }),
      { seed: 28, numRuns: 4 },
    );
    expect(books).toBe(4);
  });

  test('with tolerance 0.02: band first, then fewest moves, never worse with more budget', () => {
    fc.assert(
      fc.property(largeBookArb, (p) => {
        expect(inversions(p, [0, 5, 8, 9, 12, 13, 18, 19, 27, 28, 40, 41, 61, 62], 0.02)).toBe(0);
      }),
      { seed: 29, numRuns: 3 },
    );
  });
});

describe('budget and band properties', () => {
  beforeEach(() => {
    solvedCount = 0;
  });

  test('more budget never gives a worse plan: the largest deviation does not rise with max_moves', () => {
    fc.assert(
      fc.property(bookArb, (p) => {
        let prev = Infinity;
        for (let b = 0; b <= p.current.length; b++) {
          const res = trySolve({ ...p, moveBudget: { maxAccounts: b } });
          if (res === undefined) return;
          expect(res.report!.accountsMoved).toBeLessThanOrEqual(b);
          expect(res.report!.largestDeviation).toBeLessThanOrEqual(prev + 1e-12);
          prev = res.report!.largestDeviation;
        }
      }),
      { seed: 24, numRuns: 60 },
    );
    expect(solvedCount).toBeGreaterThan(30); // solved books were checked, not only refusals (561 solves here)
  });

  test('with a tolerance: more budget never gives a worse plan, nor does the band against none', () => {
    fc.assert(
      fc.property(bookArb, (p) => {
        let prev = Infinity;
        for (let b = 0; b <= p.current.length; b++) {
          const q = { ...p, moveBudget: { maxAccounts: b } };
          const res = trySolve(q, 0.02);
          if (res === undefined) return;
          const d = res.report!.largestDeviation;
          // Within the band every plan is as good as another; outside it the deviation must not rise.
          expect(Math.max(d, 0.02)).toBeLessThanOrEqual(Math.max(prev, 0.02) + 1e-12);
          expect(Math.max(d, 0.02)).toBeLessThanOrEqual(Math.max(trySolve(q)!.report!.largestDeviation, 0.02) + 1e-12);
          prev = d;
        }
      }),
      { seed: 26, numRuns: 30 },
    );
    expect(solvedCount).toBeGreaterThan(30); // 516 solves here
  });

  test('the band is met whenever a plan within it exists (here: a plan built first)', () => {
    fc.assert(
      fc.property(bookArb, fc.integer({ min: 0, max: 1_000_000 }), (q, seed) => {
        // A second random plan; the band is its largest deviation (so a plan within the band exists).
        const p = { ...q, locked: undefined };
        let s = seed;
        const other = p.current.map(() => ((s = (s * 69069 + 1) % 4294967296), s % p.reps.length));
        const band = balanceReport(p, other).largestDeviation;
        if (band >= 1) return;
        const res = trySolve(p, band);
        if (res === undefined) return;
        expect(res.report!.largestDeviation).toBeLessThanOrEqual(band + 1e-12);
      }),
      { seed: 25, numRuns: 80 },
    );
    expect(solvedCount).toBeGreaterThan(20); // 57 of 80 books had a band below 100 % and were solved
  });

  test('with a tolerance, locked accounts never move and every constraint holds', () => {
    let lockedChecked = 0;
    fc.assert(
      fc.property(bookArb, fc.constantFrom(0.01, 0.05, 0.2), (p, tol) => {
        const res = trySolve(p, tol);
        if (res === undefined) return;
        expect(violations(p, res.assignment)).toEqual([]);
        p.locked?.forEach((l, a) => {
          if (l) {
            expect(res.assignment[a]).toBe(p.current[a]);
            lockedChecked++;
          }
        });
      }),
      { seed: 26, numRuns: 100 },
    );
    expect(solvedCount).toBeGreaterThan(50); // 100 of 100 solved here
    expect(lockedChecked).toBeGreaterThan(0); // locked accounts were generated and checked (448 here)
  });

  test('the same input and tolerance give the same plan', () => {
    fc.assert(
      fc.property(bookArb, fc.constantFrom(0, 0.02, 0.1), (p, tol) => {
        const a = trySolve(p, tol);
        const b = trySolve(p, tol);
        expect(a === undefined).toBe(b === undefined);
        if (a && b) expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
      }),
      { seed: 27, numRuns: 30 },
    );
    expect(solvedCount).toBeGreaterThan(20); // 60 solves (30 books × 2) here
  });
});
