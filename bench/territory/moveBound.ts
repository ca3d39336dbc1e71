/**
 * Lower bounds on what any plan can reach on a book (issue 24's targets, checked against what is possible): the
 * fewest accounts that must move to bring every rep within a band of its target on every metric, and the
 * narrowest band a move budget can reach. Targets are equal shares (the mean), as in the messy-book bench.
 *
 * The bound: a rep above (1 + band) × target on metric m must shed at least the excess, and no set of its
 * movable accounts sheds it with fewer accounts than its largest ones on m; a rep below (1 − band) × target must
 * receive the deficit, at best in the largest movable accounts of the book. Every moved account leaves exactly
 * one rep and joins exactly one, so moves ≥ max(Σ_r out_r, Σ_r in_r), where out_r (in_r) is the largest such
 * count over the metrics. It ignores that one account carries all metrics at once, so it is a bound, not a plan.
 */

/** A book: values[m][a] per metric and account, owner[a] (rep index), locked[a] (1 = cannot move). */
export interface BoundBook {
  readonly values: readonly ArrayLike<number>[];
  readonly owner: ArrayLike<number>;
  readonly locked?: ArrayLike<number>;
  readonly reps: number;
}

/** Fewest accounts taken from the front of `desc` (sorted descending) whose sum reaches `need`; ∞ if none does. */
function fewest(desc: readonly number[], need: number): number {
  let k = 0;
  while (need > 1e-9) {
    if (k >= desc.length) return Infinity;
    need -= desc[k++];
  }
  return k;
}

/** Lower bound on the accounts moved by any plan with every rep within ±band (a fraction) of the mean. */
export function movesLowerBound(book: BoundBook, band: number): number {
  const R = book.reps;
  const n = book.owner.length;
  const out = new Array<number>(R).fill(0);
  const inn = new Array<number>(R).fill(0);
  for (const v of book.values) {
    const mine: number[][] = Array.from({ length: R }, () => []);
    const sum = new Array<number>(R).fill(0);
    const movable: number[] = [];
    let total = 0;
    for (let a = 0; a < n; a++) {
      sum[book.owner[a]] += v[a];
      total += v[a];
      if (book.locked?.[a]) continue;
      mine[book.owner[a]].push(v[a]);
      movable.push(v[a]);
    }
    movable.sort((p, q) => q - p);
    const mean = total / R;
    for (let r = 0; r < R; r++) {
      if (sum[r] > (1 + band) * mean) {
        out[r] = Math.max(
          out[r],
          fewest(
            mine[r].sort((p, q) => q - p),
            sum[r] - (1 + band) * mean,
          ),
        );
      } else if (sum[r] < (1 - band) * mean) {
        inn[r] = Math.max(inn[r], fewest(movable, (1 - band) * mean - sum[r]));
      }
    }
  }
  const total = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  return Math.max(total(out), total(inn));
}

/** Lower bound on the largest deviation (a fraction) any plan moving at most `budget` accounts can reach. */
export function bandLowerBound(book: BoundBook, budget: number): number {
  let lo = 0;
  let hi = 1;
  while (movesLowerBound(book, hi) > budget) hi *= 2;
  // Bisection on the band: movesLowerBound falls as the band widens. 1e-5 is far below the figures reported.
  while (hi - lo > 1e-5) {
    const mid = (lo + hi) / 2;
    if (movesLowerBound(book, mid) <= budget) hi = mid;
    else lo = mid;
  }
  return lo;
}
