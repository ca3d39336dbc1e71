import fc from 'fast-check';
import {
  type RateTable,
  marginalAmount,
  marginalSlices,
  parseRateRange,
  rateTable,
  retroAmount,
  tierIndex,
} from '../../src/comp';
import { rememberedRateRange } from '../../functions/rateMemo';
import { messageOf } from '../support/messageOf';

// Three tiers: 5 % from 0, 8 % from 100,000, 10 % from 250,000.
const T = rateTable([
  { lower: 0, rate: 0.05 },
  { lower: 100_000, rate: 0.08 },
  { lower: 250_000, rate: 0.1 },
]);

describe('marginal commission', () => {
  test('each slice at its tier rate', () => {
    // 100,000 × 0.05 + 150,000 × 0.08 + 50,000 × 0.10 = 5,000 + 12,000 + 5,000 = 22,000
    expect(marginalAmount(300_000, T)).toBeCloseTo(22_000, 9);
    // 60,000 × 0.05 = 3,000
    expect(marginalAmount(60_000, T)).toBeCloseTo(3_000, 9);
  });

  test('exactly at a bound: the upper tier starts there but holds nothing yet', () => {
    // 100,000 × 0.05 = 5,000 ; 100,000 × 0.05 + 150,000 × 0.08 = 17,000
    expect(marginalAmount(100_000, T)).toBeCloseTo(5_000, 9);
    expect(marginalAmount(250_000, T)).toBeCloseTo(17_000, 9);
  });

  test('zero and negative amounts (net returns) earn 0: below the first bound nothing is paid', () => {
    expect(marginalAmount(0, T)).toBe(0);
    expect(marginalAmount(-5_000, T)).toBe(0);
  });

  test('first bound above zero: nothing below it, only the part above it counts', () => {
    const t = rateTable([{ lower: 50_000, rate: 0.1 }]);
    expect(marginalAmount(40_000, t)).toBe(0);
    // (60,000 − 50,000) × 0.10 = 1,000
    expect(marginalAmount(60_000, t)).toBeCloseTo(1_000, 9);
  });

  test('empty tiers pay nothing', () => {
    const t = rateTable([]);
    expect(marginalAmount(1_000, t)).toBe(0);
    expect(retroAmount(1_000, t)).toBe(0);
  });

  test('the slices add up to the amount', () => {
    const s = marginalSlices(300_000, T);
    expect(s.map((x) => x.base)).toEqual([100_000, 150_000, 50_000]);
    expect(s.map((x) => x.rate)).toEqual([0.05, 0.08, 0.1]);
    expect(s[2].upper).toBe(Infinity);
    expect(s.reduce((a, x) => a + x.amount, 0)).toBeCloseTo(22_000, 9);
  });
});

describe('retroactive commission', () => {
  test('the whole amount at the rate of the highest tier reached', () => {
    // 300,000 × 0.10 = 30,000 (the classic: far more than the marginal 22,000)
    expect(retroAmount(300_000, T)).toBeCloseTo(30_000, 9);
    // 99,999.99 × 0.05 = 4,999.9995
    expect(retroAmount(99_999.99, T)).toBeCloseTo(4_999.9995, 9);
  });

  test('a bound belongs to the upper tier', () => {
    // 100,000 × 0.08 = 8,000
    expect(retroAmount(100_000, T)).toBeCloseTo(8_000, 9);
    expect(tierIndex(100_000, T)).toBe(1);
    expect(tierIndex(-1, T)).toBe(-1);
  });

  test('zero and negative amounts earn 0', () => {
    expect(retroAmount(0, T)).toBe(0);
    expect(retroAmount(-1_000, T)).toBe(0);
  });
});

describe('rate tables are validated', () => {
  test('unsorted or repeated bounds', () => {
    expect(
      messageOf(() =>
        rateTable([
          { lower: 100, rate: 0.1 },
          { lower: 100, rate: 0.2 },
        ]),
      ),
    ).toMatch(/tiers: tier 2: lower bound 100 is not above the previous bound 100/);
  });

  test('non-finite rate', () => {
    expect(messageOf(() => rateTable([{ lower: 0, rate: NaN }]))).toMatch(/tier 1: the rate/);
  });
});

describe('parseRateRange: tiers as Excel passes them', () => {
  test('skips one header row of text and blank rows; reads "5%" text as 0.05', () => {
    const t = parseRateRange(
      [
        ['Lower bound', 'Rate'],
        [0, '5%'],
        [null, null],
        ['100,000', 0.08],
      ],
      'tiers',
    );
    // below: the marginal amount at each bound, 0 at 0 and 100,000 × 5 % = 5,000 at 100,000
    expect(t).toEqual({ lowers: [0, 100_000], rates: [0.05, 0.08], below: [0, 5_000] });
  });

  test('blank cells as Excel for desktop passes them (0): rows of two zeros that cannot be tiers are blank rows', () => {
    // A tier range selected with room to grow: rows 5–6 are blank in the sheet; desktop Excel sends [0, 0].
    const desktop = [
      ['Lower bound', 'Rate'],
      [0, 0.05],
      [100_000, 0.08],
      [0, 0],
      [250_000, 0.1],
      [0, 0],
      [0, 0],
    ];
    const t = parseRateRange(desktop, 'tiers');
    expect(t.lowers).toEqual([0, 100_000, 250_000]);
    expect(t.rates).toEqual([0.05, 0.08, 0.1]);
    // The same range as Office on the web passes it (null for blanks) reads the same.
    const web = desktop.map((r) => (r[0] === 0 && r[1] === 0 ? [null, null] : r));
    expect(parseRateRange(web, 'tiers')).toEqual(t);
    // 300,000 marginal: 100,000 × 5 % + 150,000 × 8 % + 50,000 × 10 % = 5,000 + 12,000 + 5,000 = 22,000
    expect(marginalAmount(300_000, t)).toBeCloseTo(22_000, 9);
    // A first row [0, 0] is a real tier (0 % from 0); so is [0, 0] above a negative bound (0 % from 0).
    expect(
      parseRateRange(
        [
          [0, 0],
          [1000, 0.1],
          [0, 0],
        ],
        'tiers',
      ).lowers,
    ).toEqual([0, 1000]);
    expect(
      parseRateRange(
        [
          [-500, 0.02],
          [0, 0],
        ],
        'tiers',
      ).lowers,
    ).toEqual([-500, 0]);
    // … on the general reader's path too (a text cell sends the range there)
    expect(
      parseRateRange(
        [
          [-500, '2%'],
          [0, 0],
        ],
        'tiers',
      ).lowers,
    ).toEqual([-500, 0]);
    // A zero bound with a non-zero rate after a higher bound is still the user's error.
    expect(() =>
      parseRateRange(
        [
          [0, 0.05],
          [100, 0.08],
          [0, 0.1],
        ],
        'tiers',
      ),
    ).toThrow(/row 3, column 1.*0 is not above/);
    // Text zeros are typed, not blanks: still an error.
    expect(() =>
      parseRateRange(
        [
          [0, 0.05],
          [100, 0.08],
          ['0', '0'],
        ],
        'tiers',
      ),
    ).toThrow(/0 is not above/);
  });

  test('errors name the cell, counting the header as row 1', () => {
    expect(
      messageOf(() =>
        parseRateRange(
          [
            ['Lower', 'Rate'],
            [0, 0.05],
            [100, 'ten'],
          ],
          'tiers',
        ),
      ),
    ).toBe('tiers: row 3, column 2 (rate): expected a number, got "ten".');
    expect(messageOf(() => parseRateRange([[0, true]], 'tiers'))).toBe(
      'tiers: row 1, column 2 (rate): expected a number, got TRUE.',
    );
    expect(messageOf(() => parseRateRange([[0, null]], 'tiers'))).toMatch(/row 1, column 2 \(rate\): .*blank/);
  });

  test('unsorted bounds name the row', () => {
    expect(
      messageOf(() =>
        parseRateRange(
          [
            [100, 0.1],
            [50, 0.2],
          ],
          'tiers',
        ),
      ),
    ).toMatch(/^tiers: row 2, column 1 \(lower bound\): 50 is not above the previous bound 100/);
  });

  test('wrong shape, header only, empty', () => {
    expect(messageOf(() => parseRateRange([[0, 0.1, 3]], 'tiers'))).toMatch(/expected two columns/);
    expect(messageOf(() => parseRateRange([['Lower', 'Rate']], 'tiers'))).toMatch(/tiers: no rows/);
    expect(messageOf(() => parseRateRange([], 'tiers'))).toMatch(/tiers: no rows/);
    expect(messageOf(() => parseRateRange(5, 'tiers'))).toMatch(/expected two columns/);
    expect(messageOf(() => parseRateRange([[0, 0.1], [1]], 'tiers'))).toMatch(/not rectangular/);
  });
});

// ---- properties -------------------------------------------------------------------------------------------------

/** Tables with distinct ascending bounds from 0 up and non-negative rates (`ascending`: rates sorted too). */
const tableArb = (ascending: boolean) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 })
    .chain((bounds) =>
      fc.tuple(
        fc.constant([...bounds].sort((a, b) => a - b)),
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: bounds.length, maxLength: bounds.length }),
      ),
    )
    .map(([lowers, rates]) =>
      rateTable(lowers.map((lower, i) => ({ lower, rate: (ascending ? [...rates].sort((a, b) => a - b) : rates)[i] }))),
    );
const amountArb = fc.double({ min: -100_000, max: 2_000_000, noNaN: true });

describe('properties', () => {
  test('marginal commission is non-decreasing in the amount (non-negative rates)', () => {
    fc.assert(
      fc.property(tableArb(false), amountArb, amountArb, (t, a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        return marginalAmount(x, t) <= marginalAmount(y, t) + 1e-9 * Math.max(1, Math.abs(marginalAmount(y, t)));
      }),
      { seed: 301, numRuns: 500 },
    );
  });

  test('marginal commission is continuous: a change of δ moves it by at most max rate × δ (also across bounds)', () => {
    fc.assert(
      fc.property(tableArb(false), amountArb, fc.double({ min: 0, max: 100, noNaN: true }), fc.nat(5), (t, x, d, k) => {
        const maxRate = Math.max(...t.rates);
        // also probe just below a bound
        const at = k < t.lowers.length ? t.lowers[k] - d : x;
        const gap = Math.abs(marginalAmount(at + d, t) - marginalAmount(at, t));
        return gap <= maxRate * d + 1e-6;
      }),
      { seed: 302, numRuns: 500 },
    );
  });

  test('marginalAmount is bit-for-bit the tier-by-tier sum of its slices (the statement adds the same numbers)', () => {
    // The reference: the slices added up from the lowest tier, as a statement lists them.
    const sliceSum = (x: number, t: RateTable) => {
      let sum = 0;
      for (const s of marginalSlices(x, t)) sum += s.amount;
      return sum;
    };
    fc.assert(
      fc.property(tableArb(false), amountArb, fc.nat(6), fc.boolean(), (t, x, k, exactlyAtBound) => {
        // also probe exactly at a bound, where the lower tier's slice is full and the upper tier's is empty
        const at = exactlyAtBound && k < t.lowers.length ? t.lowers[k] : x;
        return Object.is(marginalAmount(at, t), sliceSum(at, t));
      }),
      { seed: 304, numRuns: 1000 },
    );
    // NaN stays NaN, as the slice sum gives (callers reject it before; the kernel does not hide it as 0)
    expect(marginalAmount(NaN, rateTable([{ lower: 0, rate: 0.1 }]))).toBeNaN();
  });

  test('retro ≥ marginal when rates ascend (amounts ≥ 0, bounds ≥ 0)', () => {
    fc.assert(
      fc.property(tableArb(true), fc.double({ min: 0, max: 2_000_000, noNaN: true }), (t, x) => {
        return retroAmount(x, t) >= marginalAmount(x, t) - 1e-9 * Math.max(1, x);
      }),
      { seed: 303, numRuns: 500 },
    );
  });
});

describe('rememberedRateRange (functions/rateMemo.ts) remembers the last four numeric ranges, and never returns a stale one', () => {
  test('four ranges in turn are all remembered; a fifth pushes out the oldest', () => {
    const grid = (k: number) => [
      ['Lower bound', 'Rate'],
      [0, 0.01 * k],
      [1000 * k, 0.02 * k],
    ];
    const first = [1, 2, 3, 4].map((k) => rememberedRateRange(grid(k), 'tiers'));
    // Alternating among four ranges (fresh copies each call, as Excel passes them): the same tables come back.
    for (let round = 0; round < 3; round++) {
      [1, 2, 3, 4].forEach((k, i) => expect(rememberedRateRange(grid(k), 'tiers')).toBe(first[i]));
    }
    rememberedRateRange(grid(5), 'tiers'); // replaces the oldest entry (range 1)
    const again = rememberedRateRange(grid(1), 'tiers');
    expect(again).not.toBe(first[0]); // read afresh …
    expect(again).toEqual(first[0]); // … to the same values
    expect(rememberedRateRange(grid(5), 'tiers').rates).toEqual([0.05, 0.1]);
  });

  test('same cells → the same table; a changed cell (same array or a new one) → the new values', () => {
    const grid: (string | number)[][] = [
      ['Lower bound', 'Rate'],
      [0, 0.05],
      [100_000, 0.08],
    ];
    const a = rememberedRateRange(grid, 'tiers');
    // A fresh copy with equal cells, as Excel passes the same range to the next cell's call.
    expect(
      rememberedRateRange(
        grid.map((r) => [...r]),
        'tiers',
      ),
    ).toBe(a);
    grid[2][1] = 0.09; // edited in place
    const b = rememberedRateRange(grid, 'tiers');
    expect(b.rates).toEqual([0.05, 0.09]);
    // 150,000 marginal: 100,000 × 5 % + 50,000 × 9 % = 5,000 + 4,500 = 9,500
    expect(marginalAmount(150_000, b)).toBeCloseTo(9_500, 9);
    grid[2][0] = 0; // now unsorted: the memo must not hide the error
    expect(() => rememberedRateRange(grid, 'tiers')).toThrow(/row 3, column 1 \(lower bound\): 0 is not above/);
    // One row fewer, same leading cells: a different table.
    expect(rememberedRateRange([[0, 0.05]], 'tiers').lowers).toEqual([0]);
  });
});

describe('rememberedRateRange memo: a property over sequences of ranges', () => {
  // Small ranges as Excel passes them: an optional text header (one of two, so headers repeat), then rows of
  // [bound, rate] drawn from few values (so consecutive ranges often share cells), sometimes a cell as text
  // ("5%"), sometimes bounds out of order. Each range is parsed in turn; the result must be what a parse
  // with no memory gives: the expected table, or the error.
  const cellArb = fc.constantFrom(0, 1, 2, 0.05, 0.1);
  const rangeArb = fc.record({
    // ['Lower bound', 5] is no header (it holds a number): an error, even right after a range headed 'Lower bound'
    header: fc.constantFrom(undefined, ['Lower bound', 'Rate'], ['Attainment', 'Multiplier'], ['Lower bound', 5]),
    rows: fc.array(fc.tuple(cellArb, cellArb), { minLength: 1, maxLength: 4 }),
    textCell: fc.boolean(),
  });

  test('every result equals a fresh reading of its own cells', () => {
    fc.assert(
      fc.property(fc.array(rangeArb, { minLength: 1, maxLength: 8 }), (ranges) => {
        for (const { header, rows, textCell } of ranges) {
          const grid: (string | number)[][] = rows.map(([a, b]) => [a, b]);
          if (textCell) grid[0][1] = `${+(Number(grid[0][1]) * 100).toPrecision(12)}%`;
          if (header) grid.unshift([...header]);
          if (header && typeof header[1] === 'number') {
            expect(() => rememberedRateRange(grid, 'tiers')).toThrow(
              /row 1, column 1 \(lower bound\): expected a number/,
            );
            continue;
          }
          // The rows a fresh reading keeps: a later [0, 0] (numbers, as desktop Excel passes blanks) after a bound
          // ≥ 0 is a blank row; any other row must have a bound above the previous one.
          const kept: [number, number][] = [];
          let ascending = true;
          rows.forEach(([a, b], i) => {
            const typedZeros = a === 0 && b === 0 && !(textCell && i === 0);
            if (kept.length > 0 && typedZeros && kept[kept.length - 1][0] >= 0) return;
            if (kept.length > 0 && !(a > kept[kept.length - 1][0])) ascending = false;
            kept.push([a, b]);
          });
          if (!ascending) {
            expect(() => rememberedRateRange(grid, 'tiers')).toThrow(/is not above the previous bound/);
            continue;
          }
          const t = rememberedRateRange(grid, 'tiers');
          expect(t.lowers).toEqual(kept.map((r) => r[0]));
          expect(t.rates).toEqual(kept.map((r) => r[1]));
          // below[i]: the marginal amount at bound i, Σ_{j<i} rate_j × (bound_{j+1} − bound_j)
          let sum = 0;
          const below = kept.map((r, i) => {
            const at = sum;
            if (i + 1 < kept.length) sum += r[1] * (kept[i + 1][0] - r[0]);
            return at;
          });
          expect(t.below).toEqual(below);
        }
      }),
      { seed: 305, numRuns: 400 },
    );
  });
});
