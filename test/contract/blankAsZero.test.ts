/**
 * Issue 25, item 2: Excel for desktop passes a referenced blank cell as 0. Each decision of the table "A blank
 * cell passed as 0" in docs/functions.md, through the built dist/functions.js. Hand-computed values in comments.
 */
import { callBuilt, col, valueError } from './built';

const JAN_1 = 45292; // 2024-01-01
const CURVE = [
  ['Attainment', 'Multiplier'],
  [0, 0.5],
  [0.5, 1],
  [1, 2],
];
const TIERS = [
  ['Lower bound', 'Rate'],
  [0, 0.05],
  [100000, 0.08],
];

describe('0 means "none" where 0 is not a meaningful value', () => {
  test('PAYOUT cap 0 = no cap, threshold 0 = no threshold', () => {
    // Marginal: 10,000 × (0.5 × 0.5 + 0.5 × 1 + 0.2 × 2) = 11,500, as with both omitted.
    expect(callBuilt('PAYOUT', 1.2, 10000, CURVE)).toBe(11500);
    expect(callBuilt('PAYOUT', 1.2, 10000, CURVE, null, 0)).toBe(11500);
    expect(callBuilt('PAYOUT', 1.2, 10000, CURVE, null, null, 0)).toBe(11500);
    expect(callBuilt('PAYOUT', 1.2, 10000, CURVE, null, 0, 0)).toBe(11500);
    // A real cap still caps: retro 10,000 × 1.2 × 2 = 24,000 capped at 1.5 × 10,000.
    expect(callBuilt('PAYOUT', 1.2, 10000, CURVE, 'retro', 1.5, 0)).toBe(15000);
  });

  test('a method, convention or forecast method of 0 takes its default', () => {
    // 100,000 × 5 % + 50,000 × 8 % = 9,000 (marginal, the default).
    expect(callBuilt('COMMISSION', 150000, TIERS, 0)).toBe(9000);
    expect(callBuilt('PAYOUT', 1.2, 10000, CURVE, 0)).toBe(11500);
    // Start 2024-02-10, February: 12,000 × 0.25 × 20/29 = 2,068.97 in the default "calendar" convention.
    expect(callBuilt('RAMPQUOTA', 12000, JAN_1 + 40, JAN_1 + 31, [[0.25, 0.5, 0.75]], null, 0)).toBe(2068.97);
    expect(callBuilt('ALLOCATEQUOTA', 100, col(JAN_1, JAN_1), JAN_1, 12, 0)).toEqual(col(50, 50));
    // The series 1, 3, …, 11 (six points, step 2) with method 0 = "auto": the same two forecasts as "auto", and
    // numbers (not an error both calls share)
    const byZero = callBuilt('FORECAST', col(1, 3, 5, 7, 9, 11), 2, 0, 0) as number[][];
    expect(byZero).toEqual(callBuilt('FORECAST', col(1, 3, 5, 7, 9, 11), 2, 0, 'auto'));
    expect(byZero.map(([f]) => Number.isFinite(f))).toEqual([true, true]);
    expect(callBuilt('CAPACITY', 10000, col(JAN_1), JAN_1, 2, null, null, 0)).toEqual([[10000, 10000]]);
  });

  test('dates of 0 are blank (0 is not a date): PRORATION start/end, RAMPQUOTA end_date, PIPELINE from/to and close dates', () => {
    const P_START = 46023; // 2026-01-01
    const P_END = 46053; // 2026-01-31
    expect(callBuilt('PRORATION', P_START, P_END, 0, 0, 0)).toBe(1);
    // Start 11 January, 3 days of leave: (21 − 3) / 31.
    expect(callBuilt('PRORATION', P_START, P_END, P_START + 10, 0, 3)).toBeCloseTo(18 / 31, 12);
    // No ramp, started 2024-01-01, end date blank (0): still active in March: 10,000.
    expect(callBuilt('RAMPQUOTA', 10000, JAN_1, JAN_1 + 60, null, 0)).toBe(10000);
    expect(callBuilt('RAMPSCHEDULE', 10000, JAN_1, JAN_1, 2, null, 0)).toEqual([[10000, 10000]]);
    // CAPACITY/RRE end dates of 0 (blank cells on desktop): still active.
    expect(callBuilt('CAPACITY', 10000, col(JAN_1, JAN_1), JAN_1, 2, null, col(0, 0))).toEqual([[20000, 20000]]);
    expect(callBuilt('RRE', col(JAN_1, JAN_1), JAN_1, 2, null, col(0, 0))).toEqual([[2, 2]]);
    const table = [
      ['Qualify', 0.1],
      ['Commit', 0.8],
    ];
    // 1000 × 0.1 + 2000 × 0.8 = 1,700; from/to of 0 are open bounds.
    expect(callBuilt('PIPELINE', col(1000, 2000), col('Qualify', 'Commit'), table, col(45000, 45010), 0, 0)).toBe(1700);
    expect(callBuilt('PIPELINE', col(1000, 2000), col('Qualify', 'Commit'), table, col(45000, 45010), 45005, 0)).toBe(1600); // prettier-ignore
    // A close date of 0 is no date: counted only without bounds.
    expect(callBuilt('PIPELINE', col(1000, 2000), col('Qualify', 'Commit'), table, col(0, 45010))).toBe(1700);
    expect(callBuilt('PIPELINE', col(1000, 2000), col('Qualify', 'Commit'), table, col(0, 45010), 45005)).toBe(1600);
  });

  test('FORECAST confidence 0 = no interval columns', () => {
    // Linear through (1,1)…(4,7): y = 2t − 1 → 9, 11.
    expect(callBuilt('FORECAST', col(1, 3, 5, 7), 2, 0, 'linear', 0)).toEqual(col(9, 11));
  });

  test('trailing ramp zeros after a step above 0 end the ramp; leading zeros are steps of 0 %', () => {
    // {0.25, 0.5, 0.75, 0, 0} as desktop passes {0.25, 0.5, 0.75, blank, blank}: 2,500, 5,000, 7,500, then 100 %.
    const ramp = [[0.25, 0.5, 0.75, 0, 0]];
    expect(callBuilt('RAMPSCHEDULE', 10000, JAN_1, JAN_1, 5, ramp)).toEqual([[2500, 5000, 7500, 10000, 10000]]);
    expect(callBuilt('CAPACITY', 10000, col(JAN_1), JAN_1, 5, ramp)).toEqual([[2500, 5000, 7500, 10000, 10000]]);
    // {0, 0.5}: a first month without quota, then 50 %, then 100 %.
    expect(callBuilt('RAMPSCHEDULE', 10000, JAN_1, JAN_1, 3, [[0, 0.5]])).toEqual([[0, 5000, 10000]]);
  });
});

describe('0 is meaningful but dangerous: refused with a message', () => {
  const header = ['Plan v2', 'Component', 'Measure', 'Target incentive', 'Weight', 'Quota', 'Method', 'Bound', 'Rate'];
  const PLAN = [
    header,
    ['plan', 'AE', null, 10000, null, null, null, null, null],
    ['component', 'Bookings', 'Bookings', null, 1, 1000000, 'marginal', null, null],
    ['band', 'Bookings', null, null, null, null, null, 0, 1],
    ['draw', 'Draw', null, null, null, null, 'recoverable', null, 2000],
  ];
  const ACTUALS = [['Bookings'], [500000]];

  test('PLANPAYOUT and STATEMENT refuse a proration of 0; 0.5 and omitted work', () => {
    // 10,000 × 500,000 / 1,000,000 = 5,000; at proration 0.5: 5,000 × (500,000 / 500,000) = 5,000.
    expect(callBuilt('PLANPAYOUT', PLAN, ACTUALS)).toBe(5000);
    expect(callBuilt('PLANPAYOUT', PLAN, ACTUALS, null, 0.5)).toBe(5000);
    expect(callBuilt('PLANPAYOUT', PLAN, ACTUALS, null, 0)).toEqual(valueError('proration: 0 is refused'));
    expect(callBuilt('STATEMENT', PLAN, ACTUALS, null, 0)).toEqual(valueError('proration: 0 is refused'));
  });

  test("plan-table Cap and Threshold cells of 0 are none, as PAYOUT's", () => {
    const withTerms = (cap: number | null, gate: number | null) => [
      [...header, 'Cap', 'Threshold'],
      ...PLAN.slice(1).map((r, i) => (i === 1 ? [...r, cap, gate] : [...r, null, null])),
    ];
    // Bookings 1,500,000 of 1,000,000: 10,000 × 1.5 = 15,000 uncapped; a cap of 1 would pay 10,000.
    const actuals = [['Bookings'], [1500000]];
    expect(callBuilt('PLANPAYOUT', withTerms(null, null), actuals)).toBe(15000);
    expect(callBuilt('PLANPAYOUT', withTerms(0, 0), actuals)).toBe(15000);
    expect(callBuilt('PLANPAYOUT', withTerms(1, 0), actuals)).toBe(10000);
  });

  test('PLANDRAW refuses one proration of 0 for every period, but keeps a period of 0 in a column', () => {
    expect(callBuilt('PLANDRAW', PLAN, col(1000, 3000), 0)).toEqual(valueError('proration: 0 is refused'));
    // P1 draw 2,000 × 0 = 0: pay the 1,000 earned; P2 draw 2,000 < 3,000 earned: pay 3,000; no balance.
    expect(callBuilt('PLANDRAW', PLAN, col(1000, 3000), col(0, 1))).toEqual([
      [1000, 0],
      [3000, 0],
    ]);
  });

  test('DRAW refuses recoverable = 0 (TRUE/FALSE, or omitted, are read as before)', () => {
    expect(callBuilt('DRAW', col(1000, 3000), 2000, 0)).toEqual(valueError('recoverable: 0 is ambiguous'));
    // Recoverable: P1 pay 2,000, owe 1,000; P2 recover 1,000 → pay 2,000, owe 0.
    expect(callBuilt('DRAW', col(1000, 3000), 2000)).toEqual([
      [2000, 1000],
      [2000, 0],
    ]);
    expect(callBuilt('DRAW', col(1000, 3000), 2000, false)).toEqual([
      [2000, 0],
      [3000, 0],
    ]);
  });
});

describe('0 is meaningful: kept, and documented', () => {
  test('ROUNDMONEY digits 0 rounds to whole units, as ROUND(x, 0); blank (null) is the default 2', () => {
    expect(callBuilt('ROUNDMONEY', 2.675, 0)).toBe(3);
    expect(callBuilt('ROUNDMONEY', 2.675, null)).toBe(2.68);
    expect(callBuilt('ROUNDMONEY', -2.5, 0)).toBe(-3);
  });

  test('DRAW with a draw of 0 carries a negative period as a balance', () => {
    // 1,000; −300 → pay 0, owe 300; 500 → recover 300, pay 200.
    expect(callBuilt('DRAW', col(1000, -300, 500), 0)).toEqual([
      [1000, 0],
      [0, 300],
      [200, 0],
    ]);
  });

  test('TERRITORY max_moves 0 moves nothing but still gives unassigned accounts an owner', () => {
    // Ann owns 50, Bob 10; the unassigned 40 goes to Bob (Ann 50 | Bob 50) without moving anything.
    const r = callBuilt('TERRITORY', col(50, 10, 40), col('Ann', 'Bob'), col('Ann', 'Bob', null), null, 0);
    expect(r).toEqual(col('Ann', 'Bob', 'Bob'));
  });

  test('HIRES and HIRESGAP: attrition, lead_time and over_assignment of 0 are their defaults', () => {
    const t = [[10000, 10000, 20000, 20000]];
    const c = [[10000, 10000, 10000, 10000]];
    // Ramp 50 %, no lead time: a hire in month 2 carries 5,000 there and 10,000 from month 3 → 0, 1, 0, 0.
    expect(callBuilt('HIRES', t, c, 10000, 0.5, 0, 0, 0)).toEqual(callBuilt('HIRES', t, c, 10000, 0.5));
    expect(callBuilt('HIRES', t, c, 10000, 0.5, 0, 0, 0)).toEqual([[0, 1, 0, 0]]);
    expect(callBuilt('HIRESGAP', t, c, 10000, 0.5, 0, 0, 0)).toEqual([[0, 0, 0, 0]]);
  });

  test('PAYOUT and COMMISSION: an attainment, target or amount of 0 is 0 (visible, not a guess)', () => {
    expect(callBuilt('PAYOUT', 0, 10000, CURVE)).toBe(0);
    expect(callBuilt('PAYOUT', 1.2, 0, CURVE)).toBe(0);
    expect(callBuilt('COMMISSION', 0, TIERS)).toBe(0);
  });

  test('FORECAST seasonality 0 = no season (as FORECAST.ETS)', () => {
    expect(callBuilt('FORECAST', col(10, 12, 11, 13), 1, 0, 'naive')).toEqual(col(13));
  });
});
