import type { FunctionSample } from '../harness';

const TIERS = [
  ['Lower bound', 'Rate'],
  [0, 0.05],
  [100000, 0.08],
  [250000, 0.1],
];
const CURVE = [
  ['Attainment', 'Multiplier'],
  [0, 0.5],
  [0.5, 1],
  [1, 2],
];
const row = (...cells: (string | number | null)[]) => [...cells, ...new Array<null>(11 - cells.length).fill(null)];
/** Target 10,000: Bookings 70 % (quota 1,000,000, rate 1 then 1.5 above 100 %), Logos 30 % (quota 10, retro 1). */
const PLAN = [
  [
    'Plan v1',
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
  row('plan', 'AE', null, 10000),
  row('component', 'Bookings', 'Bookings', null, 0.7, 1000000, 'marginal'),
  row('band', 'Bookings', null, null, null, null, null, 0, 1),
  row('band', 'Bookings', null, null, null, null, null, 1, 1.5),
  row('component', 'Logos', 'New logos', null, 0.3, 10, 'retro'),
  row('band', 'Logos', null, null, null, null, null, 0, 1),
];
/** PLAN in layout version 2, with a recoverable draw of 5,000 per period. */
const PLAN_WITH_DRAW = [
  ['Plan v2', ...PLAN[0].slice(1)],
  ...PLAN.slice(1),
  row('draw', 'New-hire draw', null, null, null, null, 'recoverable', null, 5000),
];
/** Layout version 3: Logos as a formula component (30 % of 10,000 × min(logos / 10, 2)). */
const PLAN_WITH_FORMULA = [
  [...PLAN[0].map((h) => (h === 'Plan v1' ? 'Plan v3' : h)), 'Formula'],
  ...PLAN.slice(1, 5).map((r) => [...r, null]),
  [...row('formula', 'Logos', 'New logos', null, 0.3, 10), 'min(attainment, 2) * target_incentive'],
];
const ACTUALS = [
  ['Bookings', 'New logos'],
  [1200000, 8],
];

export const samples: FunctionSample[] = [
  // 100,000 × 0.05 + 150,000 × 0.08 + 50,000 × 0.10 = 5,000 + 12,000 + 5,000 = 22,000
  { id: 'COMMISSION', what: 'marginal tiers', args: [300000, TIERS, null], expect: 22000 },
  // 300,000 × 0.10 = 30,000
  { id: 'COMMISSION', what: 'retro tiers', args: [300000, TIERS, 'retro'], expect: 30000 },
  // Blank rows below the tiers, as Excel for desktop passes them ([0, 0]): read as blank rows → 22,000 as above.
  {
    id: 'COMMISSION',
    what: 'blank rows passed as zeros',
    args: [300000, [...TIERS, [0, 0], [0, 0]], null],
    expect: 22000,
  },
  // exactly at a bound, retro: the bound belongs to the upper tier → 100,000 × 0.08 = 8,000
  { id: 'COMMISSION', what: 'bound belongs to the upper tier', args: [100000, TIERS, 'retro'], expect: 8000 },
  {
    id: 'COMMISSION',
    what: 'non-numeric rate',
    args: [1000, [[0, 'five']], null],
    expect: { error: '#VALUE!', messageIncludes: 'tiers: row 1, column 2 (rate)' },
  },
  {
    id: 'COMMISSION',
    what: 'unknown method',
    args: [1000, TIERS, 'stepped'],
    expect: { error: '#VALUE!', messageIncludes: 'method' },
  },
  // 10,000 × (0.5 × 0.5 + 0.5 × 1 + 0.2 × 2) = 10,000 × 1.15 = 11,500
  { id: 'PAYOUT', what: 'marginal accelerator at 120 %', args: [1.2, 10000, CURVE, null, null, null], expect: 11500 },
  // retro 10,000 × 1.2 × 2 = 24,000, capped at 1.5 × 10,000 = 15,000
  { id: 'PAYOUT', what: 'retro with a cap', args: [1.2, 10000, CURVE, 'retro', 1.5, null], expect: 15000 },
  { id: 'PAYOUT', what: 'below the threshold', args: [0.49, 10000, CURVE, null, null, 0.5], expect: 0 },
  {
    id: 'PAYOUT',
    what: 'negative cap',
    args: [1, 10000, CURVE, null, -1, null],
    expect: { error: '#VALUE!', messageIncludes: 'cap' },
  },
  {
    id: 'PAYOUT',
    what: 'unsorted bounds',
    args: [
      1,
      10000,
      [
        [1, 1],
        [0.5, 2],
      ],
      null,
      null,
      null,
    ],
    expect: { error: '#VALUE!', messageIncludes: 'curve: row 2, column 1' },
  },
  // draw 2,000: earned 1,000 → pay 2,000, owe 1,000; earned 3,000 → recover 1,000, pay 2,000, owe 0
  {
    id: 'DRAW',
    what: 'recoverable draw',
    args: [[[1000], [3000]], [[2000]], null],
    expect: [
      [2000, 1000],
      [2000, 0],
    ],
  },
  // non-recoverable: max(1,000, 2,000) = 2,000, max(3,000, 2,000) = 3,000
  {
    id: 'DRAW',
    what: 'non-recoverable draw',
    args: [[[1000], [3000]], [[2000]], false],
    expect: [
      [2000, 0],
      [3000, 0],
    ],
  },
  {
    id: 'DRAW',
    what: 'negative draw',
    args: [[[1000]], [[-5]], null],
    expect: { error: '#VALUE!', messageIncludes: 'draw' },
  },
  // Bookings 7,000 × 1 + 7,000 × 0.2 × 1.5 = 9,100; Logos 3,000 × 0.8 × 1 = 2,400; total 11,500
  { id: 'PLANPAYOUT', what: 'plan table and a rep row', args: [PLAN, ACTUALS, null, null], expect: 11500 },
  // Bookings as above 9,100; Logos by formula: min(8 / 10, 2) × 3,000 = 2,400; total 11,500
  {
    id: 'PLANPAYOUT',
    what: 'a plan table with a formula component (v3)',
    args: [PLAN_WITH_FORMULA, ACTUALS, null, null],
    expect: 11500,
  },
  {
    id: 'PLANPAYOUT',
    what: 'a formula reading an unknown variable',
    args: [
      PLAN_WITH_FORMULA.map((r, i) => (i === 5 ? [...r.slice(0, 11), 'min(attainmnt, 2) * target_incentive'] : r)),
      ACTUALS,
      null,
      null,
    ],
    expect: { error: '#VALUE!', messageIncludes: 'plan: row 6, column "Formula": formula "min(attainmnt, 2)' },
  },
  {
    id: 'PLANPAYOUT',
    what: 'a plan measure with no actual',
    args: [PLAN, [['Bookings'], [5]], null, null],
    expect: { error: '#N/A', messageIncludes: 'New logos' },
  },
  {
    id: 'PLANPAYOUT',
    what: 'bad plan cell',
    args: [PLAN.map((r, i) => (i === 3 ? r.map((c, j) => (j === 8 ? 'ten' : c)) : r)), ACTUALS, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'plan: row 4, column "Rate"' },
  },
  {
    id: 'STATEMENT',
    what: 'statement lines and total',
    args: [PLAN, ACTUALS, null, null],
    expect: [
      ['Component', 'Measure', 'Item', 'Base', 'Rate', 'Amount'],
      ['Bookings', 'Bookings', 'band 0%–100%', 7000, 1, 7000],
      ['Bookings', 'Bookings', 'band 100%–∞', 1400, 1.5, 2100],
      ['Logos', 'New logos', 'band 0%–∞ (retro)', 2400, 1, 2400],
      ['Total', '', '', '', '', 11500],
    ],
  },
  {
    id: 'STATEMENT',
    what: 'proration out of range',
    args: [PLAN, ACTUALS, null, 1.5],
    expect: { error: '#VALUE!', messageIncludes: 'proration' },
  },
  // Recoverable draw 5,000: P1 earned 3,000 < 5,000 → paid 5,000, balance 2,000; P2 earned 9,000: recover
  // min(9,000 − 5,000, 2,000) = 2,000 → paid 7,000, balance 0; P3 earned 4,000 → paid 5,000, balance 1,000.
  {
    id: 'PLANDRAW',
    what: 'recoverable draw from the plan table',
    args: [PLAN_WITH_DRAW, [[3000], [9000], [4000]], null],
    expect: [
      [5000, 2000],
      [7000, 0],
      [5000, 1000],
    ],
  },
  // Prorated: the draw 5,000 × 0.5 = 2,500 in P1 (joined mid-period), 5,000 after. P1 earned 1,000 → paid 2,500,
  // owed 1,500; P2 earned 9,000 → recover min(4,000, 1,500) = 1,500 → paid 7,500, owed 0.
  {
    id: 'PLANDRAW',
    what: 'a draw prorated in the first period',
    args: [PLAN_WITH_DRAW, [[1000], [9000]], [[0.5], [1]]],
    expect: [
      [2500, 1500],
      [7500, 0],
    ],
  },
  // One proration for every period: 5,000 × 0.5 = 2,500 each; earned 1,000 → paid 2,500, owed 1,500, then 3,000.
  {
    id: 'PLANDRAW',
    what: 'one proration for every period',
    args: [PLAN_WITH_DRAW, [[1000], [1000]], 0.5],
    expect: [
      [2500, 1500],
      [2500, 3000],
    ],
  },
  {
    id: 'PLANDRAW',
    what: 'a proration above 1',
    args: [PLAN_WITH_DRAW, [[1000]], 1.5],
    expect: { error: '#VALUE!', messageIncludes: 'proration: item 1: expected a fraction from 0 to 1' },
  },
  {
    id: 'PLANDRAW',
    what: 'a plan without a draw row',
    args: [PLAN, [[3000]], null],
    expect: { error: '#N/A', messageIncludes: 'no draw row' },
  },
  // Earned 1,000 / 2,000 / 500; clawbacks 300 in period 2 and 800 in period 3 → 1,000 / 1,700 / −300.
  {
    id: 'CLAWBACKS',
    what: 'reversals booked in later periods',
    args: [
      [[1000], [2000], [500]],
      [
        ['Period', 'Amount', 'Deal'],
        [2, 300, 'D-17'],
        [3, 800, 'D-22'],
      ],
    ],
    expect: [[1000], [1700], [-300]],
  },
  {
    id: 'CLAWBACKS',
    what: 'a period past the last one',
    args: [[[1000], [2000]], [[3, 100]]],
    expect: { error: '#VALUE!', messageIncludes: 'clawbacks: item 1: period must be a whole number from 1 to 2' },
  },
  {
    id: 'CLAWBACKS',
    what: 'text amount',
    args: [[[1000]], [[1, 'lots']]],
    expect: { error: '#VALUE!', messageIncludes: 'clawbacks: row 1, column 2 (amount)' },
  },
  // January 2026 = serials 46023 … 46053 (31 days); start 11 Jan (46033) → 21 days on the plan, 3 days of leave:
  // (21 − 3) / 31 = 18 / 31 = 0.58064516…
  { id: 'PRORATION', what: 'mid-month start with leave', args: [46023, 46053, 46033, null, 3], expect: 18 / 31 },
  // Leaves 20 Jan (46042): 46023 … 46042 = 20 days → 20 / 31
  { id: 'PRORATION', what: 'mid-month end', args: [46023, 46053, null, 46042, null], expect: 20 / 31 },
  {
    id: 'PRORATION',
    what: 'end before start',
    args: [46023, 46053, 46040, 46030, null],
    expect: { error: '#VALUE!', messageIncludes: 'end_date' },
  },
];
