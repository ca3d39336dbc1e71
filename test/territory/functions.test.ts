/**
 * SALESOPS.TERRITORY and SALESOPS.BALANCE called directly (functions/territory.ts), as Excel calls them:
 * omitted optional arguments arrive as null, ranges as 2-D arrays.
 */
import { EXCEL_FUNCTIONS } from '../../functions/catalog';
import { isExcelError } from '../support/customFunctionsStub';

const { BALANCE: balance, TERRITORY: territory } = EXCEL_FUNCTIONS;

const err = (v: unknown): { code: string; message?: string } => {
  expect(isExcelError(v)).toBe(true);
  return v as { code: string; message?: string };
};

describe('SALESOPS.TERRITORY', () => {
  test('no header rows: the spill has one name per account row', () => {
    // 40, 30, 20, 10 → target 50 each; no current plan, so largest-first: 40 → Ann, 30 → Bob, 20 → Bob (50),
    // 10 → Ann (50). Deviation 0.
    const out = territory([[40], [30], [20], [10]], [['Ann'], ['Bob']], null as any, null as any, null);
    expect(out).toEqual([['Ann'], ['Bob'], ['Bob'], ['Ann']]);
  });

  test('with a header row in metrics, the first row of reps and current is a header too, and the spill starts with one', () => {
    const out = territory(
      [['Potential'], [50], [40], [30], [30], [20], [10]],
      [['Rep'], ['Ann'], ['Bob']],
      [['Owner'], ['Ann'], ['Ann'], ['Ann'], ['Bob'], ['Bob'], ['Bob']],
      null as any,
      null,
    );
    // One move (account 3, 30) evens 120 | 60 to 90 | 90.
    expect(out).toEqual([['Assigned rep'], ['Ann'], ['Ann'], ['Bob'], ['Bob'], ['Bob'], ['Bob']]);
  });

  test('two-column reps with shares (header detected by its text share cell)', () => {
    // 60, 30, 30, 30, 30 (180) with shares 2 : 1 → targets 120 | 60; Bob gets two 30s.
    const out = territory(
      [[60], [30], [30], [30], [30]],
      [
        ['Rep', 'Share'],
        ['Ann', 2],
        ['Bob', 1],
      ],
      null as any,
      null as any,
      null,
    ) as unknown[][];
    const bob = out.filter((r: unknown[]) => r[0] === 'Bob').length;
    expect(bob).toBe(2);
    expect(out[0]).toEqual(['Ann']);
  });

  test('locked accounts keep their owner and max_moves caps the moves', () => {
    const metrics = [[50], [40], [30], [30], [20], [10]];
    const reps = [['Ann'], ['Bob']];
    const current = [['Ann'], ['Ann'], ['Ann'], ['Bob'], ['Bob'], ['Bob']];
    // Account 3 locked: a zero-deviation plan needs two moves (see hand.test.ts); with max_moves 1 the best single
    // move is 40 → Bob: Ann 80, Bob 100, deviation 10/90.
    const locked = [[false], [false], [true], [false], [false], [false]];
    const out = territory(metrics, reps, current, locked, 1) as unknown[][];
    expect(out[2]).toEqual(['Ann']);
    const moved = out.filter((r: unknown[], i: number) => r[0] !== current[i][0]).length;
    expect(moved).toBeLessThanOrEqual(1);
    expect(out).toEqual([['Ann'], ['Bob'], ['Ann'], ['Bob'], ['Bob'], ['Bob']]);
    // max_moves 0: nothing moves.
    expect(territory(metrics, reps, current, locked, 0)).toEqual(current);
  });

  test('blank cells passed as "" or 0 (some Excel builds) are blanks in current and trailing reps rows', () => {
    // 40, 30, 20, 10: total 100, targets 50 | 50; the only even splits are {40, 10} | {30, 20}. Accounts 1–3 are
    // unassigned (0, "", null), account 4 (10) is Bob's. Ann {30, 20} | Bob {40, 10} is even with no move; the
    // other even split moves account 4. So: Bob, Ann, Ann, Bob. The reps rows 0 and "" are ignored.
    const out = territory(
      [[40], [30], [20], [10]],
      [['Ann'], ['Bob'], [0], ['']],
      [[0], [''], [null], ['Bob']],
      null as any,
      null,
    );
    expect(out).toEqual([['Bob'], ['Ann'], ['Ann'], ['Bob']]);
  });

  test('a one-column reps range without a header under a metrics header: the message explains the rule', () => {
    const e = err(
      territory([['Potential'], [5], [7]], [['Ann'], ['Bob']], [['Owner'], ['Ann'], ['Bob']], null as any, null),
    );
    expect(e.message).toContain(
      'current: row 2: "Ann" is not a rep listed in reps (the first row of reps was read as a header',
    );
  });

  test('is deterministic across calls', () => {
    const metrics = Array.from({ length: 60 }, (_, i) => [(i * 7919) % 97, (i * 31) % 13]);
    const reps = [['A'], ['B'], ['C'], ['D']];
    const a = territory(metrics, reps, null as any, null as any, null);
    const b = territory(metrics, reps, null as any, null as any, null);
    expect(a).toEqual(b);
  });

  const metrics = [['Potential'], [50], [40], [30]];
  const reps = [['Rep'], ['Ann'], ['Bob']];
  test.each([
    [
      'negative metric',
      [['Potential'], [50], [-4], [30]],
      reps,
      null,
      null,
      null,
      'metrics: row 3, column 1: -4 is negative',
    ],
    [
      'text metric',
      [['Potential'], [50], ['lots'], [30]],
      reps,
      null,
      null,
      null,
      'metrics: row 3, column 1: expected a number',
    ],
    [
      'unknown rep in current',
      metrics,
      reps,
      [['Owner'], ['Ann'], ['Cy'], ['Bob']],
      null,
      null,
      'current: row 3: "Cy" is not a rep',
    ],
    [
      'locked with no owner',
      metrics,
      reps,
      [['Owner'], ['Ann'], [null], ['Bob']],
      [['Lock'], [false], [true], [false]],
      null,
      'locked: row 3 is locked but has no current owner',
    ],
    [
      'locked without current',
      metrics,
      reps,
      null,
      [['Lock'], [true], [false], [false]],
      null,
      'locked: row 2 is locked but has no current owner',
    ],
    ['mismatched rows', metrics, reps, [['Owner'], ['Ann'], ['Bob']], null, null, 'current: 3 rows but metrics has 4'],
    ['bad max_moves', metrics, reps, null, null, -1, 'max_moves: must be at least 0'],
    ['fractional max_moves', metrics, reps, null, null, 1.5, 'max_moves: expected a whole number'],
    ['duplicate rep', metrics, [['Rep'], ['Ann'], ['ann']], null, null, null, 'reps: row 3: "ann" appears twice'],
    [
      'bad share',
      [[1], [2]],
      [
        ['Ann', 0],
        ['Bob', 1],
      ],
      null,
      null,
      null,
      'reps: row 1: the share of "Ann" must be > 0',
    ],
  ])('%s → #VALUE! naming it', (_what, m, r, cur, lock, mm, message) => {
    const e = err(territory(m as any, r as any, cur as any, lock as any, mm));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toContain(message);
  });

  test('text max_moves → #VALUE! naming max_moves', () => {
    // (In TERRITORY the only infeasible constraint is a locked account without an owner, covered above: keeping
    // every account with its current owner always meets max_moves.)
    const e = err(territory([[1], [2]], [['Ann'], ['Bob']], null as any, null as any, 'two'));
    expect(e.message).toContain('max_moves');
  });
});

describe('SALESOPS.BALANCE', () => {
  test('report of the plan TERRITORY returns: every index 100, deviation 0', () => {
    const metrics = [['Potential'], [50], [40], [30], [30], [20], [10]];
    const reps = [['Rep'], ['Ann'], ['Bob']];
    const asg = territory(
      metrics,
      reps,
      [['Owner'], ['Ann'], ['Ann'], ['Ann'], ['Bob'], ['Bob'], ['Bob']],
      null as any,
      null,
    );
    expect(balance(asg, metrics, reps)).toEqual([
      ['Rep', 'Accounts', 'Potential total', 'Potential index', 'Deviation'],
      ['Ann', 2, 90, 100, 0],
      ['Bob', 4, 90, 100, 0],
      ['Largest deviation', '', '', 0, 0],
    ]);
  });

  test('no header: metrics are named "Metric 1"…; shares set the targets', () => {
    // Shares 3 : 1 of 100 → targets 75 | 25. Ann has 60 (index 80), Bob 40 (index 160): deviation 60.
    const out = balance(
      [['Ann'], ['Bob']],
      [[60], [40]],
      [
        ['Ann', 3],
        ['Bob', 1],
      ],
    );
    expect(out).toEqual([
      ['Rep', 'Accounts', 'Metric 1 total', 'Metric 1 index', 'Deviation'],
      ['Ann', 1, 60, 80, 20],
      ['Bob', 1, 40, 160, 60],
      ['Largest deviation', '', '', 60, 60],
    ]);
  });

  test.each([
    ['blank assignment', [['Ann'], [null]], [[1], [2]], 'assignment: row 2 is blank'],
    ['unknown rep', [['Ann'], ['Zoe']], [[1], [2]], 'assignment: row 2: "Zoe" is not a rep'],
    [
      'two columns',
      [
        ['Ann', 'x'],
        ['Bob', 'y'],
      ],
      [[1], [2]],
      'assignment: expected one column',
    ],
  ])('%s → #VALUE!', (_what, asg, m, message) => {
    const e = err(balance(asg as any, m as any, [['Ann'], ['Bob']]));
    expect(e.message).toContain(message);
  });
});
