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
const ACTUALS = [
  ['Bookings', 'New logos'],
  [1200000, 8],
];

export const samples: FunctionSample[] = [
  // 100,000 × 0.05 + 150,000 × 0.08 + 50,000 × 0.10 = 5,000 + 12,000 + 5,000 = 22,000
  { id: 'COMMISSION', what: 'marginal tiers', args: [300000, TIERS, null], expect: 22000 },
  // 300,000 × 0.10 = 30,000
  { id: 'COMMISSION', what: 'retro tiers', args: [300000, TIERS, 'retro'], expect: 30000 },
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
];
