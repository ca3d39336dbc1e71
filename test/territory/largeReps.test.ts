/**
 * Books whose reps hold thousands of accounts: the descent's rounds must not scale with a rep's size, or the work
 * cap stops the search far from balance. Before the round size grew with the focus rep (one move kept per 32 of
 * its accounts, at least 24), a skewed book of 30,000 accounts × 10 reps stopped at 58.3 % and 50,000 × 20 at
 * 77.5 % without any budget.
 */
import { makeBook, planFigures } from '../../bench/territory/books';
import { solveHeuristic } from '../../src/territory';

test('a skewed book of 30,000 accounts × 10 reps is balanced within 1 % without a budget', () => {
  const book = makeBook({ accounts: 30_000, reps: 10, seed: 301, start: 'skewed', lockedFraction: 0 });
  const before = planFigures(book, 10, book.owner);
  // Reps 1 and 2 are drawn with weight 3 against 1 for the other 8: 3/14 ≈ 21 % of the accounts each against a
  // 10 % share, more than 100 % over to begin with.
  expect(before.dev).toBeGreaterThan(1);
  const res = solveHeuristic({
    metrics: [book.potential, book.workload],
    reps: Array.from({ length: 10 }, (_, r) => ({ name: `Rep ${r + 1}` })),
    current: book.owner,
  });
  const after = planFigures(book, 10, res.assignment);
  expect(after.dev).toBeLessThan(0.01);
  expect(res.report!.largestDeviation).toBeCloseTo(after.dev, 9);
});
