/**
 * The size cases of every custom function, shared by `npm run bench limits` (bench/limits.bench.ts: each case
 * timed through the built bundle) and the fuzz test's size dimension (test/fuzz: each case's result checked):
 *   - "limit": the largest input the function documents (docs/functions.md, "Limits"): it must answer with a value
 *     (not an error), within 2 s in the bench;
 *   - "past": one step past a documented limit: it must be refused at once with #NUM! and a message.
 * Inputs are seeded, so every run computes the same.
 */
import { LIMITS } from '../src/shared/limits';
import { creditTables } from './creditData';
import { bookings, leads, routeReps, routeRules } from './performance/instances';

let seed = 20261130;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const JAN_1_2024 = 45292;
const col = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => [f(i)]);
const row = (n: number, f: (i: number) => unknown) => [Array.from({ length: n }, (_, i) => f(i))];

/** A monthly-looking series: trend, a 12-period season and noise. */
const series = (n: number) =>
  col(n, (i) => Math.round(1000 + 0.5 * i + 200 * Math.sin((2 * Math.PI * i) / 12) + 80 * rand()));
const tiers = (n: number) => [
  ['Lower bound', 'Rate'],
  ...Array.from({ length: n }, (_, i) => [i * 1000, 0.01 + i / (n * 10)]),
];
const curve = (n: number) => [
  ['Attainment', 'Multiplier'],
  ...Array.from({ length: n }, (_, i) => [i / 100, 1 + i / n]),
];
const starts = (n: number) => col(n, () => JAN_1_2024 - 1500 + Math.floor(rand() * 2500));
const rampCells = row(12, (i) => (i + 1) / 12);

/** Plan table (layout 2) with `components` components of 3 bands each and a draw row. */
function plan(components: number): unknown[][] {
  const pad = (...c: unknown[]) => [...c, ...new Array<null>(11 - c.length).fill(null)];
  const rows: unknown[][] = [
    [
      'Plan v2',
      'Component',
      'Measure',
      'Target incentive',
      'Weight',
      'Quota',
      'Method',
      'Bound',
      'Rate',
      'Cap',
      'Threshold',
    ],
    pad('plan', 'AE', null, 10000),
  ];
  for (let c = 0; c < components; c++) {
    rows.push(pad('component', `C${c}`, `M${c}`, null, 1 / components, 1000, 'marginal'));
    for (let b = 0; b < 3; b++) rows.push(pad('band', `C${c}`, null, null, null, null, null, b * 0.5, 1 + b / 2));
  }
  rows.push(pad('draw', 'Draw', null, null, null, null, 'recoverable', null, 500));
  return rows;
}
const actuals = (components: number) => [
  Array.from({ length: components }, (_, c) => `M${c}`),
  Array.from({ length: components }, () => Math.round(rand() * 2000)),
];

/** TERRITORY's metrics, reps and current owners: `accounts` × 2 metrics, `reps` reps, everyone owned. */
function territoryArgs(accounts: number, reps: number): unknown[] {
  const metrics = [
    ['Potential', 'Workload'],
    ...Array.from({ length: accounts }, () => [Math.round(rand() * 1e6) / 100, Math.round(rand() * 100)]),
  ];
  const repCol = [['Rep'], ...Array.from({ length: reps }, (_, i) => [`Rep ${i + 1}`])];
  const current = [['Owner'], ...Array.from({ length: accounts }, () => [`Rep ${1 + Math.floor(rand() * reps)}`])];
  return [metrics, repCol, current, null, null];
}

export interface LimitCase {
  fn: string;
  what: string;
  /** "limit": inside the documented limits, must answer within BOUND_MS; "past": must be refused with #NUM!. */
  kind: 'limit' | 'past';
  args: () => unknown[];
}

const L = LIMITS;
const H = L.forecastHistory;
const plans = (rows: number) => Math.floor((rows - 3) / 4);
const roster = (reps: number, months: number): LimitCase[] => [
  {
    fn: 'CAPACITY',
    what: `${reps} reps × ${months} months`,
    kind: 'limit',
    args: () => [10000, starts(reps), JAN_1_2024, months, rampCells, null, null],
  },
  {
    fn: 'RRE',
    what: `${reps} reps × ${months} months`,
    kind: 'limit',
    args: () => [starts(reps), JAN_1_2024, months, rampCells, null, null],
  },
  {
    fn: 'ALLOCATEQUOTA',
    what: `${reps} reps × ${months} months`,
    kind: 'limit',
    args: () => [1e8, starts(reps), JAN_1_2024, months, 'even', null, rampCells, null],
  },
];
export const limitCases: LimitCase[] = [
  // ---- forecast: the documented maximum history, and the cases
  { fn: 'FORECAST', what: `ets, ${H} values, season 12`, kind: 'limit', args: () => [series(H), 12, 12, 'ets', 0.95] },
  {
    fn: 'FORECAST',
    what: `ets, 10000 values, season 12`,
    kind: 'limit',
    args: () => [series(10_000), 12, 12, 'ets', 0.95],
  },
  {
    fn: 'FORECAST',
    what: `ets, 10000 values of noise, season 12`,
    kind: 'limit',
    args: () => [col(10_000, () => 1000 + 300 * rand()), 12, 12, 'ets', 0.95],
  },
  {
    fn: 'FORECAST',
    what: `auto, ${H} values, season 12`,
    kind: 'limit',
    args: () => [series(H), 12, 12, 'auto', 0.95],
  },
  {
    fn: 'FORECAST',
    what: `auto, ${H} values, season detected`,
    kind: 'limit',
    args: () => [series(H), 12, null, 'auto', null],
  },
  {
    fn: 'FORECAST',
    what: `auto, ${H} values, season ${L.forecastSeason}`,
    kind: 'limit',
    args: () => [series(H), 100, L.forecastSeason, 'auto', 0.95],
  },
  {
    fn: 'FORECAST',
    what: `damped, ${H} values, season 24, horizon ${L.forecastHorizon}`,
    kind: 'limit',
    args: () => [series(H), L.forecastHorizon, 24, 'damped', 0.95],
  },
  { fn: 'FORECAST', what: `history ${H + 1} values`, kind: 'past', args: () => [series(H + 1), 12, 12, 'ets', null] },
  {
    fn: 'PIPELINE',
    what: `${L.rows} opportunities`,
    kind: 'limit',
    args: () => {
      const n = L.rows;
      return [
        col(n, () => Math.round(rand() * 1e5)),
        col(n, (i) => ['Lead', 'Won', 'Commit'][i % 3]),
        [
          ['Lead', 0.1],
          ['Commit', 0.7],
          ['Won', 1],
        ],
        col(n, () => JAN_1_2024 + Math.floor(rand() * 365)),
        JAN_1_2024,
        JAN_1_2024 + 180,
      ];
    },
  },
  {
    fn: 'ACCURACY',
    what: `${L.rows} periods`,
    kind: 'limit',
    args: () => [series(L.rows), series(L.rows), series(L.rows), 12],
  },
  // ---- territory
  {
    fn: 'TERRITORY',
    what: `${L.territoryAccounts} accounts × ${L.territoryPairs / L.territoryAccounts} reps`,
    kind: 'limit',
    args: () => territoryArgs(L.territoryAccounts, L.territoryPairs / L.territoryAccounts),
  },
  {
    fn: 'TERRITORY',
    what: `${L.territoryPairs / L.territoryReps} accounts × ${L.territoryReps} reps`,
    kind: 'limit',
    args: () => territoryArgs(L.territoryPairs / L.territoryReps, L.territoryReps),
  },
  {
    fn: 'TERRITORY',
    what: `${L.territoryAccounts} accounts × 10 reps`,
    kind: 'limit',
    args: () => territoryArgs(L.territoryAccounts, 10),
  },
  {
    fn: 'TERRITORY',
    what: `${L.territoryAccounts + 1} accounts × 10 reps`,
    kind: 'past',
    args: () => territoryArgs(L.territoryAccounts + 1, 10),
  },
  {
    fn: 'TERRITORY',
    what: `1000 accounts × ${L.territoryReps + 1} reps`,
    kind: 'past',
    args: () => territoryArgs(1000, L.territoryReps + 1),
  },
  {
    fn: 'TERRITORY',
    what: `${L.territoryAccounts} accounts × ${L.territoryPairs / L.territoryAccounts + 1} reps`,
    kind: 'past',
    args: () => territoryArgs(L.territoryAccounts, L.territoryPairs / L.territoryAccounts + 1),
  },
  {
    fn: 'BALANCE',
    what: `${L.territoryAccounts} accounts × ${L.territoryReps} reps`,
    kind: 'limit',
    args: () => {
      const [metrics, reps, current] = territoryArgs(L.territoryAccounts, L.territoryReps);
      return [current, metrics, reps];
    },
  },
  // ---- quota: roster functions at reps × months
  ...roster(L.rosterReps, L.rosterCells / L.rosterReps),
  ...roster(10_000, L.rosterCells / 10_000),
  ...roster(L.rosterCells / L.months, L.months),
  {
    fn: 'CAPACITY',
    what: `${L.rosterReps + 1} reps`,
    kind: 'past',
    args: () => [10000, starts(L.rosterReps + 1), JAN_1_2024, 1, null, null, null],
  },
  {
    fn: 'RRE',
    what: `10000 reps × ${L.rosterCells / 10_000 + 1} months`,
    kind: 'past',
    args: () => [starts(10_000), JAN_1_2024, L.rosterCells / 10_000 + 1, null, null, null],
  },
  {
    fn: 'ALLOCATEQUOTA',
    what: `${L.rosterReps + 1} reps`,
    kind: 'past',
    args: () => [1e6, starts(L.rosterReps + 1), JAN_1_2024, 1, null, null, null, null],
  },
  {
    fn: 'RAMPSCHEDULE',
    what: `${L.months} months, ramp ${L.months}`,
    kind: 'limit',
    args: () => [10000, JAN_1_2024, JAN_1_2024, L.months, row(L.months, (i) => Math.min(1, i / L.months)), null, null],
  },
  {
    fn: 'RAMPQUOTA',
    what: `ramp ${L.months}`,
    kind: 'limit',
    args: () => [10000, JAN_1_2024, JAN_1_2024 + 30000, row(L.months, (i) => Math.min(1, i / L.months)), null, null],
  },
  {
    fn: 'RAMPQUOTA',
    what: `ramp ${L.months + 1}`,
    kind: 'past',
    args: () => [10000, JAN_1_2024, JAN_1_2024 + 30000, row(L.months + 1, () => 1), null, null],
  },
  {
    fn: 'HIRES',
    what: `${L.months} months, ramp 12`,
    kind: 'limit',
    args: () => [row(L.months, (i) => 1e6 + 1e4 * i), row(L.months, () => 8e5), 10000, rampCells, 0.02, 3, 0.1],
  },
  {
    fn: 'HIRESGAP',
    what: `${L.months} months, ramp 12`,
    kind: 'limit',
    args: () => [row(L.months, (i) => 1e6 + 1e4 * i), row(L.months, () => 8e5), 10000, rampCells, 0.02, 3, 0.1],
  },
  {
    fn: 'HIRES',
    what: `${L.months + 1} months`,
    kind: 'past',
    args: () => [row(L.months + 1, () => 1e6), row(L.months + 1, () => 8e5), 10000, null, null, null, null],
  },
  {
    fn: 'SEASONALQUOTA',
    what: `${L.months} weights`,
    kind: 'limit',
    args: () => [1.2e6, row(L.months, () => 1 / L.months)],
  },
  {
    fn: 'SEASONALQUOTA',
    what: `${L.months + 1} weights`,
    kind: 'past',
    args: () => [1.2e6, row(L.months + 1, () => 1 / (L.months + 1))],
  },
  // ---- comp
  {
    fn: 'DRAW',
    what: `${L.periods} periods`,
    kind: 'limit',
    args: () => [col(L.periods, () => Math.round(rand() * 4000)), [[2000]], true],
  },
  {
    fn: 'DRAW',
    what: `${L.periods + 1} periods`,
    kind: 'past',
    args: () => [col(L.periods + 1, () => 1), [[2000]], true],
  },
  {
    fn: 'CLAWBACKS',
    what: `${L.periods} periods, ${L.periods} clawbacks`,
    kind: 'limit',
    args: () => [
      col(L.periods, () => Math.round(rand() * 4000)),
      [
        ['Period', 'Amount', 'Ref'],
        ...Array.from({ length: L.periods }, (_, i) => [1 + (i % L.periods), Math.round(rand() * 100), `D${i}`]),
      ],
    ],
  },
  {
    fn: 'CLAWBACKS',
    what: `${L.periods + 1} periods`,
    kind: 'past',
    args: () => [col(L.periods + 1, () => 1), [[1, 1]]],
  },
  {
    fn: 'PLANDRAW',
    what: `${L.periods} periods`,
    kind: 'limit',
    args: () => [plan(3), col(L.periods, () => Math.round(rand() * 4000)), col(L.periods, () => 1)],
  },
  {
    fn: 'PLANDRAW',
    what: `${L.periods + 1} periods`,
    kind: 'past',
    args: () => [plan(3), col(L.periods + 1, () => 1), null],
  },
  {
    fn: 'COMMISSION',
    what: `${L.rows} rows (header and tiers)`,
    kind: 'limit',
    args: () => [123456789, tiers(L.rows - 1), null],
  },
  { fn: 'COMMISSION', what: `${L.rows + 1} rows`, kind: 'past', args: () => [123456789, tiers(L.rows), null] },
  {
    fn: 'PAYOUT',
    what: `${L.rows} rows (header and curve)`,
    kind: 'limit',
    args: () => [1.3, 10000, curve(L.rows - 1), 'linear', 2, 0.5],
  },
  {
    fn: 'PLANPAYOUT',
    what: `plan of ${4 * plans(L.planRows) + 3} rows`,
    kind: 'limit',
    args: () => [plan(plans(L.planRows)), actuals(plans(L.planRows)), null, 1],
  },
  {
    fn: 'STATEMENT',
    what: `plan of ${4 * plans(L.planRows) + 3} rows`,
    kind: 'limit',
    args: () => [plan(plans(L.planRows)), actuals(plans(L.planRows)), null, 1],
  },
  {
    fn: 'STATEMENT',
    what: `plan of ${4 * (plans(L.planRows) + 1) + 3} rows`,
    kind: 'past',
    args: () => [plan(plans(L.planRows) + 1), actuals(plans(L.planRows) + 1), null, 1],
  },
  // ---- crediting: every table at its row limit (the period holds every deal), and one row past it
  {
    fn: 'CREDITS',
    what: `${L.creditRows} deals, ${L.creditRows} ownership rows, ${L.creditRows} split rows`,
    kind: 'limit',
    args: () => {
      const t = creditTables({ deals: L.creditRows, ownership: L.creditRows, splits: L.creditRows, reps: 1000 });
      return [t.deals, t.splits, t.ownership, null, null];
    },
  },
  {
    fn: 'CREDITED',
    what: `${L.creditRows + 1} deals`,
    kind: 'past',
    args: () => ['Rep 1', creditTables({ deals: L.creditRows + 1, ownership: 2, splits: 2, reps: 10 }).deals, null, null, null, null], // prettier-ignore
  },
  {
    fn: 'QUOTARELIEF',
    what: `${L.creditRows / 2} accounts, ${L.creditRows} ownership rows, 1000 reps × 120 months`,
    kind: 'limit',
    args: () => {
      const t = creditTables({ deals: 1, ownership: L.creditRows, splits: 1, reps: 1000 });
      const quotas = [['Rep', 'Quota'], ...Array.from({ length: 1000 }, (_, i) => [`Rep ${i + 1}`, 1e5])];
      // Each account of the ownership table has two rows (it moves once), so it covers creditRows / 2 accounts.
      const accounts = [['Account', 'Quota'], ...Array.from({ length: L.creditRows / 2 }, (_, a) => [`A-${a}`, 1000 + (a % 97)])]; // prettier-ignore
      return [quotas, accounts, t.ownership, 45658, 45658, 120];
    },
  },
  // ---- performance and routing
  {
    fn: 'ROUTE',
    what: `${L.routeRecords} records × ${L.routeTests / L.routeRecords} rules rows × ${L.routeReps} reps (40 teams)`,
    kind: 'limit',
    args: () => [
      leads(L.routeRecords),
      routeRules(L.routeTests / L.routeRecords, 40),
      routeReps(40, L.routeReps / 40),
      null,
    ],
  },
  {
    fn: 'ROUTE',
    what: `${L.routeTests / L.routeRules} records × ${L.routeRules} rules rows × ${L.routeReps} reps in one team`,
    kind: 'limit',
    args: () => [leads(L.routeTests / L.routeRules), routeRules(L.routeRules, 1), routeReps(1, L.routeReps), null],
  },
  {
    fn: 'ROUTE',
    what: `${L.routeRecords + 1} records`,
    kind: 'past',
    args: () => [leads(L.routeRecords + 1), routeRules(10, 4), routeReps(4, 5), null],
  },
  {
    fn: 'ROUTE',
    what: `${L.routeRecords} records × ${L.routeTests / L.routeRecords + 1} rules rows`,
    kind: 'past',
    args: () => [leads(L.routeRecords), routeRules(L.routeTests / L.routeRecords + 1, 4), routeReps(4, 5), null],
  },
  {
    fn: 'ROUTE',
    what: `${L.routeRules + 1} rules rows`,
    kind: 'past',
    args: () => [leads(10), routeRules(L.routeRules + 1, 4), routeReps(4, 5), null],
  },
  {
    fn: 'ROUTE',
    what: `${L.routeReps + 1} reps`,
    kind: 'past',
    args: () => [leads(10), routeRules(10, 4), routeReps(1, L.routeReps + 1), null],
  },
  {
    fn: 'ATTAINMENT',
    what: `${L.bookings} bookings rows × 1000 reps`,
    kind: 'limit',
    args: () => {
      const b = bookings(L.bookings - 1, 1000);
      return [b.reps, b.bookings, b.quotas, 45292, 45657];
    },
  },
  {
    fn: 'ATTAINMENT',
    what: `${L.bookings + 1} bookings rows`,
    kind: 'past',
    args: () => {
      const b = bookings(L.bookings, 10);
      return [b.reps, b.bookings, b.quotas, null, null];
    },
  },
  {
    fn: 'FISCALPERIOD',
    what: `${L.rows} dates, "454"`,
    kind: 'limit',
    args: () => [col(L.rows, (i) => 40000 + (i % 20000)), '454', 2, 1, 'nearest'],
  },
  {
    fn: 'FISCALPERIOD',
    what: `${L.rows + 1} dates`,
    kind: 'past',
    args: () => [col(L.rows + 1, (i) => 40000 + (i % 20000)), '454', 2, 1, 'nearest'],
  },
  {
    fn: 'PACING',
    what: `profile of ${L.profilePeriods} months`,
    kind: 'limit',
    // 1 Jan 2000 (36526) to 31 Dec 2099 (73050): 1,200 months
    args: () => [1e6, 1e7, 36526, 73050, 50000, col(L.profilePeriods, (i) => 1 + (i % 12))],
  },
  {
    fn: 'PACING',
    what: `profile of ${L.profilePeriods + 1} months`,
    kind: 'past',
    args: () => [1e6, 1e7, 36526, 73081, 50000, col(L.profilePeriods + 1, (i) => 1 + (i % 12))],
  },
];
