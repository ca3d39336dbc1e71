/**
 * Territory balance on hand-checkable cases: optimum, report figures and constraint handling worked out by hand.
 */
import { ModelInputError } from '../../src/shared/errors';
import {
  type TerritoryProblem,
  balanceReport,
  firstUncoveredKey,
  gini,
  solveHeuristic,
  solveTerritory,
  violations,
} from '../../src/territory';

const names = (p: TerritoryProblem, asg: ArrayLike<number>): string[] => Array.from(asg, (r) => p.reps[r].name);

describe('six accounts, two reps, one metric', () => {
  // Potential 50, 40, 30, 30, 20, 10: total 180, target 90 each (equal shares).
  // Today Ann has accounts 1–3 (120, index 133.3), Bob 4–6 (60, index 66.7): largest deviation 30/90 = 1/3.
  const problem: TerritoryProblem = {
    metrics: [[50, 40, 30, 30, 20, 10]],
    reps: [{ name: 'Ann' }, { name: 'Bob' }],
    current: [0, 0, 0, 1, 1, 1],
  };

  test('the current plan is reported as 133.3 | 66.7 with a 1/3 deviation and Gini 1/6', () => {
    const r = balanceReport(problem, [0, 0, 0, 1, 1, 1]);
    expect(r.reps[0].totals).toEqual([120]);
    expect(r.reps[1].totals).toEqual([60]);
    expect(r.reps[0].index[0]).toBeCloseTo(400 / 3, 10); // 100 × 120 / 90
    expect(r.reps[1].index[0]).toBeCloseTo(200 / 3, 10); // 100 × 60 / 90
    expect(r.largestDeviation).toBeCloseTo(1 / 3, 12); // |120 − 90| / 90
    expect(r.maxIndex[0]).toBeCloseTo(400 / 3, 10);
    expect(r.minIndex[0]).toBeCloseTo(200 / 3, 10);
    // Gini of the ratios 4/3 and 2/3: Σᵢⱼ|yᵢ − yⱼ| = 2 × 2/3 = 4/3; 2 n² mean = 2 × 4 × 1 = 8; 4/3 / 8 = 1/6.
    expect(r.gini[0]).toBeCloseTo(1 / 6, 12);
    expect(r.accountsMoved).toBe(0);
  });

  test('the heuristic moves only account 3 (30) to Bob: 90 | 90, one move', () => {
    const res = solveHeuristic(problem);
    expect(names(problem, res.assignment)).toEqual(['Ann', 'Ann', 'Bob', 'Bob', 'Bob', 'Bob']);
    expect(res.report!.largestDeviation).toBe(0);
    expect(res.report!.accountsMoved).toBe(1);
    expect(res.report!.metricMoved).toEqual([30]);
    expect(res.report!.gini[0]).toBe(0);
  });

  test('with no move allowed the plan stays as it is', () => {
    const res = solveHeuristic({ ...problem, moveBudget: { maxAccounts: 0 } });
    expect(Array.from(res.assignment)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  test('a moved-potential budget of 10 % (18) keeps every account of Ann in place', () => {
    // 10 % of 180 = 18. Ann's accounts are 50, 40, 30: each is over 18, so none can leave Ann; moving one of Bob's
    // to Ann only makes things worse. The plan stays; the deviation stays 1/3.
    const res = solveHeuristic({ ...problem, moveBudget: { maxMetricFraction: { metric: 0, fraction: 0.1 } } });
    expect(Array.from(res.assignment)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(res.report!.largestDeviation).toBeCloseTo(1 / 3, 12);
  });

  test('locking account 3 (30) to Ann: deviation 0 needs two moves', () => {
    // Ann keeps the locked 30, so her other accounts must sum to 60: {50, 10} (move 40 out, 10 in) or {40, 20}
    // (50 out, 20 in) — two moves each — or {30, 20, 10} (five moves). One move cannot do it: moving 50 or 40 out
    // leaves Ann 70 or 80. So the optimum is deviation 0 with two moves.
    const res = solveHeuristic({ ...problem, locked: [false, false, true, false, false, false] });
    expect(res.assignment[2]).toBe(0);
    expect(res.report!.largestDeviation).toBe(0);
    expect(res.report!.accountsMoved).toBe(2);
    expect(violations({ ...problem, locked: [false, false, true, false, false, false] }, res.assignment)).toEqual([]);
  });
});

describe('an empty rep is 100 % under target', () => {
  test('with one move allowed, the empty rep gets the account that minimises the largest deviation (22/31)', () => {
    // Potential 1102, 342, 477, 871, 727, 589 (total 4108, target 1027); workload 30, 19, 21, 22, 23, 9 (total 124,
    // target 31). R1 has nothing (deviation 1); accounts 3–5 are locked. Unlocked: a1 (R2), a2 (R4), a6 (R3).
    // One move: a1 → R1 leaves R2 empty (1); a2 → R1 leaves R3 at 2187 (1160/1027 = 1.13); no move: 1.13;
    // a6 → R1: R1 589 (0.426) and 9 (22/31 = 0.710), R3 1598 (0.556) and 45 (0.452), R2 0.073/0.032,
    // R4 819 (0.203) and 40 (0.290) → largest 22/31. (A bug once ignored the empty rep and sent a6 to R4.)
    const p: TerritoryProblem = {
      metrics: [
        [1102, 342, 477, 871, 727, 589],
        [30, 19, 21, 22, 23, 9],
      ],
      reps: [{ name: 'R1' }, { name: 'R2' }, { name: 'R3' }, { name: 'R4' }],
      current: [1, 3, 3, 2, 2, 2],
      locked: [false, false, true, true, true, false],
      moveBudget: { maxAccounts: 1 },
    };
    const res = solveHeuristic(p);
    expect(Array.from(res.assignment)).toEqual([1, 3, 3, 2, 2, 0]);
    expect(res.report!.largestDeviation).toBeCloseTo(22 / 31, 12);
  });
});

describe('unequal shares', () => {
  test('shares 2 : 1 give targets 120 and 60, reached exactly', () => {
    // Accounts 60, 30, 30, 30, 30: total 180; Ann's share 2/3 → 120, Bob's 1/3 → 60.
    const p: TerritoryProblem = {
      metrics: [[60, 30, 30, 30, 30]],
      reps: [
        { name: 'Ann', share: 2 },
        { name: 'Bob', share: 1 },
      ],
    };
    const res = solveHeuristic(p);
    const r = res.report!;
    expect(r.reps[0].targets).toEqual([120]);
    expect(r.reps[1].targets).toEqual([60]);
    expect(r.reps[0].totals).toEqual([120]);
    expect(r.largestDeviation).toBe(0);
    expect(r.reps[0].share).toBeCloseTo(2 / 3, 15);
  });
});

describe('two metrics need a swap', () => {
  test('potential and workload both balance after swapping complementary accounts', () => {
    // Accounts (potential, workload): a1 (10, 1), a2 (10, 1), a3 (2, 5), a4 (2, 5) — totals 24 and 12, targets
    // 12 and 6. Today Ann has a1, a2 (20, 2) and Bob a3, a4 (4, 10): both 66.7 % off. Giving each rep one of each
    // kind gives (12, 6) | (12, 6): deviation 0, two moves (one swap); no single move can do it.
    const p: TerritoryProblem = {
      metrics: [
        [10, 10, 2, 2],
        [1, 1, 5, 5],
      ],
      reps: [{ name: 'Ann' }, { name: 'Bob' }],
      current: [0, 0, 1, 1],
    };
    const res = solveHeuristic(p);
    expect(res.report!.largestDeviation).toBe(0);
    expect(res.report!.accountsMoved).toBe(2);
  });
});

describe('eligibility, counts and compactness', () => {
  test('an account only goes to a rep covering its key; a rep without keys takes any', () => {
    // Values 40, 30, 20, 10 (target 50 each). Without keys {40, 10} | {30, 20} is exact. Key "east" on the 40
    // and Bob covering only "west" forces the 40 to Ann; Ann 40 + 10 = 50 still works.
    const p: TerritoryProblem = {
      metrics: [[40, 30, 20, 10]],
      reps: [{ name: 'Ann' }, { name: 'Bob', keys: ['west'] }],
      accountKeys: ['East', null, null, null],
    };
    const res = solveHeuristic(p);
    expect(res.assignment[0]).toBe(0);
    expect(res.report!.largestDeviation).toBe(0);
    expect(violations(p, res.assignment)).toEqual([]);
  });

  test('firstUncoveredKey: the first account whose key no rep covers (trimmed, any case; keyless reps cover all)', () => {
    const reps = [{ keys: ['East', ' west '] }, { keys: ['North'] }];
    expect(firstUncoveredKey(['east', null, 'WEST', '', 'north'], reps)).toBe(-1);
    expect(firstUncoveredKey(['east', 'South', 'south'], reps)).toBe(1); // account 2: "South" is nobody's
    expect(firstUncoveredKey(['South'], [...reps, {}])).toBe(-1); // a rep without keys takes every key
    expect(firstUncoveredKey(['South'], [...reps, { keys: [] }])).toBe(-1);
  });

  test('a full rep hands an account on so that an account only it may take still finds room', async () => {
    // Potential 10 (West), 40, 30, 20 (East). Ann covers East only; Bob takes any key but at most 1 account.
    // Largest first, the 40 goes to Bob (both empty); then 30 and 20 go to Ann (Bob is full); the West account may
    // only go to Bob, who is full. The only plan is Ann {40, 30, 20} = 90, Bob {10}: the 40 moves to Ann, the
    // West account takes its place. (This threw "no eligible rep with room" before.)
    const p: TerritoryProblem = {
      metrics: [[10, 40, 30, 20]],
      reps: [
        { name: 'Ann', keys: ['East'] },
        { name: 'Bob', maxAccounts: 1 },
      ],
      accountKeys: ['West', 'East', 'East', 'East'],
    };
    for (const res of [solveHeuristic(p), await solveTerritory(p, { solver: 'exact' })]) {
      expect(names(p, res.assignment)).toEqual(['Bob', 'Ann', 'Ann', 'Ann']);
      expect(violations(p, res.assignment)).toEqual([]);
    }
    // Target 50 each: Ann 90 → 40/50 = 0.8 off; Bob 10 → 0.8 off.
    expect(solveHeuristic(p).report!.largestDeviation).toBeCloseTo(0.8, 12);
    // With nobody able to take the West account, the message still names it.
    const none: TerritoryProblem = {
      ...p,
      reps: [
        { name: 'Ann', keys: ['East'] },
        { name: 'Bob', keys: ['East'] },
      ],
    };
    expect(() => solveHeuristic(none)).toThrow(ModelInputError);
  });

  test('a rep below its minimum gets an account through a chain when nobody has one to spare', () => {
    // Accounts: 1 (key a), 2 (key c). R0 covers c (max 1), R1 takes any key (min 1, max 1), R2 covers a (min 1,
    // max 1), R3 covers nothing. R2 can only have account 1, so R1 must have account 2: the only plan is
    // [R2, R1] (R0 and R3 get none). A greedy fill that gave account 2 to R0 or account 1 to R1 gets stuck.
    const p: TerritoryProblem = {
      metrics: [[5, 7]],
      reps: [
        { name: 'R0', keys: ['c'], maxAccounts: 1 },
        { name: 'R1', minAccounts: 1, maxAccounts: 1 },
        { name: 'R2', keys: ['a'], minAccounts: 1, maxAccounts: 1 },
        { name: 'R3', keys: [], maxAccounts: 0 },
      ],
      accountKeys: ['a', 'c'],
    };
    const res = solveHeuristic(p);
    expect(names(p, res.assignment)).toEqual(['R2', 'R1']);
    expect(violations(p, res.assignment)).toEqual([]);
  });

  test('min and max counts are kept even when balance would prefer otherwise', () => {
    // Values 90, 10, 10, 10, 10, 10 (total 140, target 70). Ann needs ≥ 4 accounts, Bob may have ≤ 2.
    // Bob {90}: Bob 90, Ann 50 → 20/70 = 2/7 both. Bob {90, 10}: 100 → 30/70. Bob {10, 10}: Ann 120 → 50/70.
    const p: TerritoryProblem = {
      metrics: [[90, 10, 10, 10, 10, 10]],
      reps: [
        { name: 'Ann', minAccounts: 4 },
        { name: 'Bob', maxAccounts: 2 },
      ],
    };
    const res = solveHeuristic(p);
    const counts = res.report!.reps.map((r) => r.accounts);
    expect(counts[0]).toBeGreaterThanOrEqual(4);
    expect(counts[1]).toBeLessThanOrEqual(2);
    // So 2/7 is optimal.
    expect(res.report!.largestDeviation).toBeCloseTo(2 / 7, 12);
  });

  test('between equally balanced plans, the one nearer the reps’ homes wins', () => {
    // Four accounts of 10: any 2 | 2 split is on target. Ann lives at (0°, 0°), Bob at (0°, 10°); accounts 1, 4 sit
    // at Ann's home, 2, 3 at Bob's. The compact plan is {1, 4} | {2, 3}: total distance 0 km.
    const p: TerritoryProblem = {
      metrics: [[10, 10, 10, 10]],
      reps: [
        { name: 'Ann', home: { lat: 0, lon: 0 } },
        { name: 'Bob', home: { lat: 0, lon: 10 } },
      ],
      coordinates: { lat: [0, 0, 0, 0], lon: [0, 10, 10, 0] },
    };
    const res = solveHeuristic(p);
    expect(Array.from(res.assignment)).toEqual([0, 1, 1, 0]);
    expect(res.report!.totalDistanceKm).toBe(0);
    // The other split puts every account 10° of longitude on the equator away: 2π × 6371.0088 × 10/360 ≈ 1111.95 km.
    expect(balanceReport(p, [1, 0, 0, 1]).totalDistanceKm).toBeCloseTo(4 * ((2 * Math.PI * 6371.0088) / 36), 6);
  });
});

describe('bad input and infeasible constraints throw ModelInputError naming the problem', () => {
  const base: TerritoryProblem = { metrics: [[1, 2, 3]], reps: [{ name: 'Ann' }, { name: 'Bob' }] };
  const cases: [string, TerritoryProblem, RegExp][] = [
    ['negative metric', { ...base, metrics: [[1, -2, 3]] }, /account 2, metric 1.*≥ 0/],
    ['locked with no owner', { ...base, locked: [true, false, false] }, /account 1 is locked but has no current owner/],
    ['duplicate rep', { ...base, reps: [{ name: 'Ann' }, { name: 'ann' }] }, /"ann" appears twice/],
    [
      'zero share',
      { ...base, reps: [{ name: 'Ann', share: 0 }, { name: 'Bob' }] },
      /share of "Ann" must be a number > 0/,
    ],
    [
      'minimums over n',
      {
        ...base,
        reps: [
          { name: 'Ann', minAccounts: 2 },
          { name: 'Bob', minAccounts: 2 },
        ],
      },
      /add up to 4/,
    ],
    [
      'maximums under n',
      {
        ...base,
        reps: [
          { name: 'Ann', maxAccounts: 1 },
          { name: 'Bob', maxAccounts: 1 },
        ],
      },
      /add up to 2/,
    ],
    [
      'uncovered key',
      {
        ...base,
        reps: [
          { name: 'Ann', keys: ['x'] },
          { name: 'Bob', keys: ['x'] },
        ],
        accountKeys: ['y', null, null],
      },
      /no rep covers the key "y"/,
    ],
    [
      'forced move over budget',
      {
        ...base,
        reps: [{ name: 'Ann', keys: ['x'] }, { name: 'Bob' }],
        accountKeys: [null, 'y', null],
        current: [0, 0, 0],
        moveBudget: { maxAccounts: 0 },
      },
      /max_moves: account 2 must leave its current owner/,
    ],
    [
      'minimum unreachable with everything locked',
      {
        ...base,
        reps: [{ name: 'Ann' }, { name: 'Bob', minAccounts: 1 }],
        current: [0, 0, 0],
        locked: [true, true, true],
      },
      /"Bob" needs at least 1 accounts/,
    ],
  ];
  test.each(cases)('%s', (_what, p, message) => {
    expect(() => solveHeuristic(p)).toThrow(ModelInputError);
    expect(() => solveHeuristic(p)).toThrow(message);
  });
});

describe('progress and cancellation', () => {
  const problem: TerritoryProblem = {
    metrics: [Array.from({ length: 200 }, (_, i) => (i * 37) % 101)],
    reps: Array.from({ length: 5 }, (_, r) => ({ name: `R${r}` })),
    current: Array.from({ length: 200 }, () => 0),
  };

  test('progress is reported with fractions in [0, 1]', () => {
    const seen: number[] = [];
    solveHeuristic(problem, { onProgress: (p) => seen.push(p.fraction) });
    expect(seen.length).toBeGreaterThan(0);
    for (const f of seen) expect(f >= 0 && f <= 1).toBe(true);
  });

  test('an aborted token stops the run with status "cancelled" and a feasible plan', () => {
    const res = solveHeuristic(problem, { signal: { aborted: true } });
    expect(res.status).toBe('cancelled');
    expect(violations(problem, res.assignment)).toEqual([]);
  });

  test('solveTerritory runs the heuristic by default', async () => {
    const res = await solveTerritory(problem);
    expect(res.solver).toBe('heuristic');
    expect(res.status).toBe('feasible');
  });
});

describe('gini', () => {
  test('hand-worked values', () => {
    // [1, 3]: Σᵢⱼ|yᵢ − yⱼ| = 4, 2 n² mean = 2 × 4 × 2 = 16 → 0.25.
    expect(gini([1, 3])).toBeCloseTo(0.25, 15);
    // [0, 0, 3]: Σ = 4 × 3 = 12, 2 × 9 × 1 = 18 → 2/3.
    expect(gini([0, 0, 3])).toBeCloseTo(2 / 3, 15);
    expect(gini([5, 5, 5])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });
});
