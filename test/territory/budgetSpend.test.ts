/**
 * A binding move budget is spent while a move still helps. Before the staged descent, a budget between two rungs
 * of the budget chain took the plan of the rung below: 20,000 accounts × 100 reps (seed 1, random owners) used 24
 * of 50 moves, 86 of 120 and of 150, 158 of 200 and 215 of 250, each plan still 7–16 % off. Now: 47, 120, 129,
 * 200 and 249 (at 150 the last 21 moves find no change that lowers the largest deviation).
 */
import { makeBook, planFigures } from '../../bench/territory/books';
import { solveHeuristic } from '../../src/territory';

const N = 20_000;
const R = 100;
const book = makeBook({ accounts: N, reps: R, seed: 1, start: 'random', lockedFraction: 0 });
const reps = Array.from({ length: R }, (_, r) => ({ name: `Rep ${r + 1}` }));

test.each([50, 120, 150, 200, 250])(
  'max_moves %i: at least 85 %% spent, and the plan better than with less',
  (budget) => {
    const solve = (maxAccounts: number) =>
      solveHeuristic({
        metrics: [book.potential, book.workload],
        reps,
        current: book.owner,
        moveBudget: { maxAccounts },
      });
    const res = solve(budget);
    const f = planFigures(book, R, res.assignment);
    // Far from balance at these budgets (the book starts 25.0 % off; tolerance 0.02 takes 377 moves).
    expect(f.dev).toBeGreaterThan(0.02);
    expect(f.moves).toBeLessThanOrEqual(budget);
    expect(f.moves).toBeGreaterThanOrEqual(0.85 * budget);
    const less = planFigures(book, R, solve(Math.floor(0.8 * budget)).assignment);
    expect(f.dev).toBeLessThan(less.dev);
  },
);
