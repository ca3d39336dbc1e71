import fc from 'fast-check';
import { bandLowerBound, movesLowerBound } from '../../bench/territory/moveBound';

/** Fewest accounts moved by any plan (all R^n of them) with every rep within ±band of the mean; ∞ if none. */
function exactMoves(values: number[][], owner: number[], locked: number[], R: number, band: number): number {
  const n = owner.length;
  let best = Infinity;
  const plan = new Array<number>(n).fill(0);
  for (let code = 0; code < R ** n; code++) {
    let c = code;
    let moves = 0;
    let ok = true;
    for (let a = 0; a < n; a++) {
      plan[a] = c % R;
      c = Math.floor(c / R);
      if (plan[a] !== owner[a]) {
        if (locked[a]) ok = false;
        moves++;
      }
    }
    if (!ok || moves >= best) continue;
    const within = values.every((v) => {
      const mean = v.reduce((s, x) => s + x, 0) / R;
      const sum = new Array<number>(R).fill(0);
      v.forEach((x, a) => (sum[plan[a]] += x));
      return sum.every((s) => Math.abs(s - mean) <= band * mean + 1e-9);
    });
    if (within) best = moves;
  }
  return best;
}

describe('move lower bound (bench/territory/moveBound.ts)', () => {
  it('matches hand-computed cases', () => {
    // One metric, rep 0 holds 10, 6, 4 and rep 1 holds 2: total 22, mean 11. Band 10 %: rep 0 must shed
    // 20 − 12.1 = 7.9, and its largest account (10) does it alone; rep 1 must gain 9.9 − 2 = 7.9, one account.
    // Bound 1; moving the 10 gives 10 and 12, both within 11 ± 1.1, so the bound is reached.
    const book = { values: [[10, 6, 4, 2]], owner: [0, 0, 0, 1], reps: 2 };
    expect(movesLowerBound(book, 0.1)).toBe(1);
    expect(exactMoves(book.values, book.owner, [0, 0, 0, 0], 2, 0.1)).toBe(1);
    // Four accounts of 5 with rep 0, none with rep 1: mean 10, band 0: rep 0 sheds 10 = two accounts of 5.
    expect(movesLowerBound({ values: [[5, 5, 5, 5]], owner: [0, 0, 0, 0], reps: 2 }, 0)).toBe(2);
    // Locked: the 10 cannot move, so rep 0 sheds 7.9 with 6 and 4 (two accounts).
    expect(movesLowerBound({ ...book, locked: [1, 0, 0, 0] }, 0.1)).toBe(2);
    // Nothing movable can shed the excess: no plan exists, the bound is infinite.
    expect(movesLowerBound({ ...book, locked: [1, 1, 1, 0] }, 0.1)).toBe(Infinity);
  });

  it('never exceeds the fewest moves of any plan (exhaustive on tiny books)', () => {
    const book = fc.integer({ min: 2, max: 3 }).chain((R) =>
      fc.integer({ min: 2, max: 6 }).chain((n) =>
        fc.record({
          R: fc.constant(R),
          values: fc.array(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: n, maxLength: n }), {
            minLength: 1,
            maxLength: 2,
          }),
          owner: fc.array(fc.integer({ min: 0, max: R - 1 }), { minLength: n, maxLength: n }),
          locked: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
          band: fc.constantFrom(0, 0.05, 0.1, 0.25, 0.5),
        }),
      ),
    );
    let compared = 0;
    fc.assert(
      fc.property(book, ({ R, values, owner, locked, band }) => {
        const exact = exactMoves(values, owner, locked, R, band);
        const bound = movesLowerBound({ values, owner, locked, reps: R }, band);
        if (exact < Infinity) compared++;
        expect(bound).toBeLessThanOrEqual(exact);
        // The band bound: no plan within `exact` moves is inside a band narrower than the bound.
        if (exact < Infinity)
          expect(bandLowerBound({ values, owner, locked, reps: R }, exact)).toBeLessThanOrEqual(band + 1e-5);
      }),
      { numRuns: 300, seed: 24 },
    );
    expect(compared).toBeGreaterThan(50);
  });
});
