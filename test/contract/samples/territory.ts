import type { FunctionSample } from '../harness';

// Six accounts, two reps, one metric (potential). Total 50+40+30+30+20+10 = 180, so each rep's target is 90.
// Today Ann owns accounts 1–3 (50+40+30 = 120, index 133.3) and Bob 4–6 (30+20+10 = 60, index 66.7).
// Moving account 3 (30) to Bob gives 90 | 90, deviation 0, with one move; every other zero-deviation plan needs
// at least two moves (e.g. swapping 50 ↔ 20), so the lexicographic optimum (balance, then fewest moves) is unique.
const potential = [['Potential'], [50], [40], [30], [30], [20], [10]];
const repsWithHeader = [['Rep'], ['Ann'], ['Bob']];
const current = [['Owner'], ['Ann'], ['Ann'], ['Ann'], ['Bob'], ['Bob'], ['Bob']];

// BALANCE of the current plan on two metrics. Potential: targets 90; Ann 120 → index 100·120/90 = 400/3,
// Bob 60 → 200/3. Hours 10,10,10,10,10,30: total 80, targets 40; Ann 30 → index 75, Bob 50 → 125.
// Deviation per rep = max |index − 100| = max(100/3, 25) = 100/3 for both; last row: potential 100/3, hours 25.
const twoMetrics = [
  ['Potential', 'Hours'],
  [50, 10],
  [40, 10],
  [30, 10],
  [30, 10],
  [20, 10],
  [10, 30],
];

export const samples: FunctionSample[] = [
  {
    id: 'TERRITORY',
    what: 'one move evens 120 | 60 to 90 | 90 (header rows skipped, header cell spilled)',
    args: [potential, repsWithHeader, current, null, null],
    expect: [['Assigned rep'], ['Ann'], ['Ann'], ['Bob'], ['Bob'], ['Bob'], ['Bob']],
  },
  {
    id: 'TERRITORY',
    what: 'unknown rep in current',
    args: [potential, repsWithHeader, [['Owner'], ['Ann'], ['Zed'], ['Ann'], ['Bob'], ['Bob'], ['Bob']], null, null],
    expect: { error: '#VALUE!', messageIncludes: 'current: row 3: "Zed" is not a rep' },
  },
  {
    id: 'BALANCE',
    what: 'totals, index vs target and the largest deviation',
    args: [current, twoMetrics, repsWithHeader],
    expect: [
      ['Rep', 'Accounts', 'Potential total', 'Potential index', 'Hours total', 'Hours index', 'Deviation'],
      ['Ann', 3, 120, 400 / 3, 30, 75, 100 / 3],
      ['Bob', 3, 60, 200 / 3, 50, 125, 100 / 3],
      ['Largest deviation', '', '', 100 / 3, '', 25, 100 / 3],
    ],
  },
  {
    id: 'BALANCE',
    what: 'assignment and metrics of different heights',
    args: [[['Owner'], ['Ann'], ['Bob']], twoMetrics, repsWithHeader],
    expect: { error: '#VALUE!', messageIncludes: 'assignment: 3 rows but metrics has 7' },
  },
];
