/**
 * QUOTARELIEF defects found in review (issue 18), worked by hand: moves before the baseline date, the rep × month
 * limit, a baseline owner with no quota row, an account quota with no owner. Each expected figure has its
 * arithmetic in a comment. Dates are Excel serials built with dateToSerial.
 */
import { quotaReliefOf } from '../../src/credit/sheet/functions';
import type { CellValue } from '../../src/shared/cells';
import { dateToSerial } from '../../src/shared/dates';
import { ModelInputError } from '../../src/shared/errors';

const D = (y: number, m: number, d: number) => dateToSerial(y, m, d);
type Rows = CellValue[][];

const QUOTAS: Rows = [
  ['Rep', 'Quota'],
  ['Ann', 10_000],
  ['Ben', 8_000],
];
const A1_3100: Rows = [
  ['Account', 'Quota'],
  ['A1', 3100],
];
/** A1 moves from Ann to Ben on 2026-03-14 (Ann's row ends the 13th; both dates inclusive). */
const MOVE_MAR_14: Rows = [
  ['Account', 'Rep', 'From', 'To'],
  ['A1', 'Ann', D(2025, 1, 1), D(2026, 3, 13)],
  ['A1', 'Ben', D(2026, 3, 14), null],
];

function errorOf(f: () => unknown): ModelInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof ModelInputError) return e;
    throw e;
  }
  throw new Error('expected a ModelInputError');
}

describe('QUOTARELIEF: moves before the baseline date', () => {
  test('a move a week before the baseline gives no relief: the set quotas already hold it', () => {
    // Baseline 2026-03-20: Ben owns A1 (since the 14th), so Ben's 8,000 already includes its 3,100. Days 1–20 of
    // March count as Ben's (the baseline owner's), days 21–31 are Ben's too: no change after the baseline → no
    // relief. Ann 10,000, Ben 8,000. (Before the fix: Ann's 13 days = 3,100 × 13/31 = 1,300 → 11,300 / 6,700.)
    expect(quotaReliefOf(QUOTAS, A1_3100, MOVE_MAR_14, D(2026, 3, 20), D(2026, 3, 1), 1)).toEqual([
      ['Rep', '2026-03'],
      ['Ann', 10_000],
      ['Ben', 8_000],
    ]);
  });

  test('a baseline after the horizon: moves before it give no relief in the horizon', () => {
    // Baseline 2026-07-01, move Ann → Ben on 2026-03-01, horizon Jan–Mar: every day of the horizon is before the
    // baseline, so all of it counts as Ben's (the baseline owner's) → 0 relief; quotas as set: Ann 10,000, Ben
    // 8,000 each month. (Before the fix: Jan and Feb Ann +3,100 → 13,100, Ben −3,100 → 4,900.)
    const own: Rows = [
      ['Account', 'Rep', 'From', 'To'],
      ['A1', 'Ann', D(2025, 1, 1), D(2026, 2, 28)],
      ['A1', 'Ben', D(2026, 3, 1), null],
    ];
    expect(quotaReliefOf(QUOTAS, A1_3100, own, D(2026, 7, 1), D(2026, 1, 1), 3)).toEqual([
      ['Rep', '2026-01', '2026-02', '2026-03'],
      ['Ann', 10_000, 10_000, 10_000],
      ['Ben', 8_000, 8_000, 8_000],
    ]);
  });

  test('a baseline inside the month of a later move: only the days after the move are relieved', () => {
    // Baseline 2026-03-10 (Ann owns A1), move to Ben on the 14th: days 1–10 count as Ann's, 11–13 are Ann's, 14–31
    // Ben's → Ben gets 3,100 × 18/31 = 1,800, Ann 10,000 − 1,800 = 8,200, Ben 8,000 + 1,800 = 9,800.
    expect(quotaReliefOf(QUOTAS, A1_3100, MOVE_MAR_14, D(2026, 3, 10), D(2026, 3, 1), 1)).toEqual([
      ['Rep', '2026-03'],
      ['Ann', 8_200],
      ['Ben', 9_800],
    ]);
  });

  test('a move back and forth before the baseline and one after it: only the later one counts', () => {
    // Ann → Ben on 2026-02-10, Ben → Ann on 2026-02-20, baseline 2026-03-01 (Ann owns A1), Ann → Ben on 2026-04-01.
    // February is before the baseline: all Ann's, no relief. March: no change. April: Ben all month → Ann −3,100
    // = 6,900, Ben +3,100 = 11,100.
    const own: Rows = [
      ['Account', 'Rep', 'From', 'To'],
      ['A1', 'Ann', D(2025, 1, 1), D(2026, 2, 9)],
      ['A1', 'Ben', D(2026, 2, 10), D(2026, 2, 19)],
      ['A1', 'Ann', D(2026, 2, 20), D(2026, 3, 31)],
      ['A1', 'Ben', D(2026, 4, 1), null],
    ];
    expect(quotaReliefOf(QUOTAS, A1_3100, own, D(2026, 3, 1), D(2026, 2, 1), 3)).toEqual([
      ['Rep', '2026-02', '2026-03', '2026-04'],
      ['Ann', 10_000, 10_000, 6_900],
      ['Ben', 8_000, 8_000, 11_100],
    ]);
  });
});

describe('QUOTARELIEF: the rep × month limit counts every rep, not only the quotas rows', () => {
  /** One quota rep Q owning A0, and `k` accounts moving X_i → Y_i on 2026-03-14 (2k reps found only in ownership). */
  function moving(k: number): Rows {
    const rows: Rows = [['Account', 'Rep', 'From', 'To'], ['A0', 'Q', D(2025, 1, 1), null]]; // prettier-ignore
    for (let i = 0; i < k; i++) {
      rows.push([`A${i + 1}`, `X${i}`, D(2025, 1, 1), D(2026, 3, 13)], [`A${i + 1}`, `Y${i}`, D(2026, 3, 14), null]);
    }
    return rows;
  }
  const quotas: Rows = [
    ['Rep', 'Quota'],
    ['Q', 5_000],
  ];
  const a0: Rows = [
    ['Account', 'Quota'],
    ['A0', 1_000],
  ];

  test('1 quota rep + 1,000 moving accounts × 1,200 months is refused with #NUM! before allocating', () => {
    // Distinct reps: Q + 1,000 X_i + 1,000 Y_i = 2,001; × 1,200 months = 2,401,200 > 2,400,000 (LIMITS.rosterCells).
    // The quotas rows alone (1 × 1,200 = 1,200) passed the old check.
    const e = errorOf(() => quotaReliefOf(quotas, a0, moving(1_000), D(2026, 1, 1), D(2026, 1, 1), 1_200));
    expect(e.kind).toBe('number');
    expect(e.message).toMatch(/^quotas and ownership: at most 2,400,000 rep-months/);
    expect(e.message).toContain('got 2,401,200');
    expect(e.message).toContain('2,001 × 1,200');
    expect(e.message).toMatch(/Split the accounts .* or shorten the horizon/);
  });

  test('one rep fewer fits: 1 + 2 × 999 = 1,999 reps × 1,200 months = 2,398,800 ≤ 2,400,000', () => {
    const grid = quotaReliefOf(quotas, a0, moving(999), D(2026, 1, 1), D(2026, 1, 1), 1_200);
    // Only Q has an account quota and it never moves: one row, 5,000 every month.
    expect(grid.length).toBe(2);
    expect(grid[1][0]).toBe('Q');
    // 1 name + 1,200 months = 1,201 cells (an empty row would pass every() below vacuously)
    expect(grid[1]).toHaveLength(1_201);
    expect(grid[1].slice(1).every((x) => x === 5_000)).toBe(true);
  });
});

describe('QUOTARELIEF: reps and accounts missing from quotas, account_quotas or ownership', () => {
  test('a baseline owner with no quota row is #VALUE! naming the ownership row and rep', () => {
    // Zed owns A1 on the baseline 2026-01-01 but is not in quotas; A1 moves to Ben on March 14. Before the fix:
    // a row "Zed, −1,800, −3,100" (0 − 3,100 × 18/31, 0 − 3,100) spilled silently.
    const own: Rows = [
      ['Account', 'Rep', 'From', 'To'],
      ['A1', 'Zed', D(2025, 1, 1), D(2026, 3, 13)],
      ['A1', 'Ben', D(2026, 3, 14), null],
    ];
    const e = errorOf(() => quotaReliefOf(QUOTAS, A1_3100, own, D(2026, 1, 1), D(2026, 3, 1), 2));
    expect(e.kind).toBe('value');
    expect(e.message).toBe(
      "ownership: row 2: Zed owns account A1 on baseline_date but has no row in quotas; add the rep's quota.",
    );
  });

  test('a baseline owner with no quota row is refused also when the account does not move in the horizon', () => {
    // The set quotas must hold what each baseline owner owns: the error does not depend on the horizon.
    const own: Rows = [
      ['Account', 'Rep', 'From', 'To'],
      ['A1', 'Ann', D(2025, 1, 1), null],
      ['A2', 'Zed', D(2025, 1, 1), null],
    ];
    const aq: Rows = [
      ['Account', 'Quota'],
      ['A1', 3100],
      ['A2', 500],
    ];
    expect(errorOf(() => quotaReliefOf(QUOTAS, aq, own, D(2026, 1, 1), D(2026, 3, 1), 1)).message).toMatch(
      /^ownership: row 3: Zed owns account A2 on baseline_date/,
    );
  });

  test('a gaining rep with no quota row (a new hire) starts from 0', () => {
    // Ann owns A1 on the baseline; it moves to Cy (not in quotas) on March 14. March: 3,100 × 18/31 = 1,800 →
    // Ann 10,000 − 1,800 = 8,200, Cy 0 + 1,800. April: Ann 10,000 − 3,100 = 6,900, Cy 3,100. Ben unchanged.
    const own: Rows = [
      ['Account', 'Rep', 'From', 'To'],
      ['A1', 'Ann', D(2025, 1, 1), D(2026, 3, 13)],
      ['A1', 'Cy', D(2026, 3, 14), null],
    ];
    expect(quotaReliefOf(QUOTAS, A1_3100, own, D(2026, 1, 1), D(2026, 3, 1), 2)).toEqual([
      ['Rep', '2026-03', '2026-04'],
      ['Ann', 8_200, 6_900],
      ['Ben', 8_000, 8_000],
      ['Cy', 1_800, 3_100],
    ]);
  });

  test('an account quota no ownership row covers is #N/A naming its row and account', () => {
    // "A-17" in account_quotas, "A17" in ownership: before the fix A-17's 900 was dropped silently.
    const own: Rows = [
      ['Account', 'Rep', 'From', 'To'],
      ['A1', 'Ann', D(2025, 1, 1), null],
      ['A17', 'Ben', D(2025, 1, 1), null],
    ];
    const aq: Rows = [
      ['Account', 'Quota'],
      ['A1', 3100],
      ['A-17', 900],
    ];
    const e = errorOf(() => quotaReliefOf(QUOTAS, aq, own, D(2026, 1, 1), D(2026, 3, 1), 1));
    expect(e.kind).toBe('notAvailable');
    expect(e.message).toBe('account_quotas: row 3: no ownership row covers account A-17; add its owner or remove it.');
  });
});
