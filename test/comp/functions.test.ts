/** The SALESOPS comp wrappers called directly, with arguments as Excel passes them (omitted optional → null). */
import { EXCEL_FUNCTIONS } from '../../functions/catalog';
import { isExcelError } from '../support/customFunctionsStub';
import { AE_PLAN, withCell } from './fixtures';

const {
  COMMISSION: commission,
  DRAW: draw,
  PAYOUT: payout,
  PLANPAYOUT: planPayout,
  STATEMENT: statement,
} = EXCEL_FUNCTIONS;

const TIERS = [
  ['Lower bound', 'Rate'],
  [0, 0.05],
  [100_000, 0.08],
  [250_000, 0.1],
];
const CURVE = [
  ['Attainment', 'Multiplier'],
  [0, 0.5],
  [0.5, 1],
  [1, 2],
];
const ACTUALS = [
  ['Rep', 'Bookings', 'New logos', 'Multi-year deals'],
  ['Ann', 1_200_000, 12, 2],
];

/** An omitted optional range argument: Excel passes null (the TS signature says `any[][] | undefined`). */
const OMITTED = null as unknown as any[][];

const expectError = (v: unknown, code: string, includes: string) => {
  expect(isExcelError(v, code)).toBe(true);
  expect((v as { message?: string }).message ?? '').toContain(includes);
};

describe('SALESOPS.COMMISSION', () => {
  test('marginal by default, retro on request', () => {
    // 100,000 × 5 % + 150,000 × 8 % + 50,000 × 10 % = 22,000 ; retro 300,000 × 10 % = 30,000
    expect(commission(300_000, TIERS, null)).toBe(22_000);
    expect(commission(300_000, TIERS, 'Retro')).toBe(30_000);
    expect(commission(300_000, TIERS, 'retroactive')).toBe(30_000);
    // retro 99,999.99 × 5 % = 4,999.9995 → rounded once, half away from zero → 5,000.00
    expect(commission(99_999.99, TIERS, 'retro')).toBe(5_000);
    // numeric text is read as Excel reads it
    expect(commission('$300,000', TIERS, '')).toBe(22_000);
  });

  test('blank rows as Excel passes them (null or "") are skipped', () => {
    expect(commission(300_000, [...TIERS, ['', ''], [null, null]], null)).toBe(22_000);
  });

  test('zero, negative, below the first bound', () => {
    expect(commission(0, TIERS, null)).toBe(0);
    expect(commission(-10_000, TIERS, null)).toBe(0);
    expect(commission(40_000, [[50_000, 0.1]], null)).toBe(0);
  });

  test('bad arguments are #VALUE! naming them', () => {
    expectError(commission('ten', TIERS, null), '#VALUE!', 'amount: expected a number, got "ten"');
    expectError(commission(1, TIERS, 'stepped'), '#VALUE!', 'method: expected one of');
    expectError(
      commission(
        1,
        [
          ['Lower', 'Rate'],
          [0, 'five'],
        ],
        null,
      ),
      '#VALUE!',
      'tiers: row 2, column 2 (rate)',
    );
    expectError(
      commission(
        1,
        [
          [100, 0.1],
          [0, 0.2],
        ],
        null,
      ),
      '#VALUE!',
      'tiers: row 2, column 1 (lower bound): 0 is not above the previous bound 100',
    );
    expectError(commission(1, [['Lower', 'Rate']], null), '#VALUE!', 'tiers: no rows');
    expectError(commission(1, [[0, 0.1, 5]], null), '#VALUE!', 'tiers: expected two columns');
  });
});

describe('SALESOPS.PAYOUT', () => {
  test('marginal, retro, linear; cap and threshold', () => {
    // 120 %: 10,000 × (0.5 × 0.5 + 0.5 × 1 + 0.2 × 2) = 10,000 × 1.15 = 11,500
    expect(payout(1.2, 10_000, CURVE, null, null, null)).toBe(11_500);
    // retro: 10,000 × 1.2 × 2 = 24,000 ; capped at 1.5 × 10,000 = 15,000
    expect(payout(1.2, 10_000, CURVE, 'retro', null, null)).toBe(24_000);
    expect(payout(1.2, 10_000, CURVE, 'retro', 1.5, null)).toBe(15_000);
    // "120%" text attainment, cap exactly reached: cap 1.15 × 10,000 = 11,500
    expect(payout('120%', 10_000, CURVE, null, 1.15, null)).toBe(11_500);
    // threshold 50 %: 49 % pays 0, 50 % pays 10,000 × 0.25 = 2,500
    expect(payout(0.49, 10_000, CURVE, null, null, 0.5)).toBe(0);
    expect(payout(0.5, 10_000, CURVE, null, null, 0.5)).toBe(2_500);
    // linear through (0,0), (1,1), (2,3): 150 % → 1 + 2 × 0.5 = 2 → 20,000
    expect(
      payout(
        1.5,
        10_000,
        [
          [0, 0],
          [1, 1],
          [2, 3],
        ],
        'linear',
        null,
        null,
      ),
    ).toBe(20_000);
  });

  test('bad arguments', () => {
    expectError(payout(1, 10_000, CURVE, null, -1, null), '#VALUE!', 'cap: must be zero or more');
    expectError(payout(1, -5, CURVE, null, null, null), '#VALUE!', 'target_incentive: must be zero or more');
    expectError(payout('lots', 5, CURVE, null, null, null), '#VALUE!', 'attainment');
    expectError(payout(1, 5, CURVE, 'flat', null, null), '#VALUE!', 'method');
    expectError(payout(1, 5, CURVE, null, null, 'half'), '#VALUE!', 'threshold');
    expectError(payout(1, 5, [[0, 'x']], null, null, null), '#VALUE!', 'curve: row 1, column 2 (rate)');
  });
});

describe('SALESOPS.DRAW', () => {
  test('recoverable (default) spills [paid, balance] per period', () => {
    // draw 2,000: 1,000 → pay 2,000, owe 1,000; 3,000 → recover 1,000, pay 2,000, owe 0; 5,000 → pay 5,000
    expect(draw([[1000], [3000], [5000]], [[2000]], null)).toEqual([
      [2000, 1000],
      [2000, 0],
      [5000, 0],
    ]);
  });

  test('non-recoverable, and a draw per period', () => {
    expect(draw([['Earned'], [1000], [3000]], [[2500], [1000]], false)).toEqual([
      [2500, 0],
      [3000, 0],
    ]);
  });

  test('bad arguments', () => {
    expectError(draw([[1000]], [[-1]], null), '#VALUE!', 'draw: item 1 must be zero or more');
    expectError(draw([[1000], [2000]], [[1], [2], [3]], null), '#VALUE!', 'draw: expected one number or 2 items');
    expectError(draw([[1000], ['x']], [[1]], null), '#VALUE!', 'earned: item 2');
    expectError(draw([[1000]], [[1]], 'maybe'), '#VALUE!', 'recoverable');
  });
});

describe('SALESOPS.PLANPAYOUT and SALESOPS.STATEMENT', () => {
  test('a plan table and a rep row are enough', () => {
    // 7,000 + 2,100 + 910 (kicker) + 3,600 + 500 = 14,110 (see plan.test.ts)
    expect(planPayout(AE_PLAN, ACTUALS, OMITTED, null)).toBe(14_110);
    // bare row + names, prorated to half: 9,105 (see plan.test.ts)
    expect(planPayout(AE_PLAN, [[600_000, 12, 2]], [['Bookings', 'New logos', 'Multi-year deals']], 0.5)).toBe(9_105);
  });

  test('the statement spills header, lines and total; lines add up to the total', () => {
    const s = statement(AE_PLAN, ACTUALS, OMITTED, null) as unknown[][];
    expect(s[0]).toEqual(['Component', 'Measure', 'Item', 'Base', 'Rate', 'Amount']);
    expect(s[s.length - 1]).toEqual(['Total', '', '', '', '', 14_110]);
    expect(s.slice(1, -1).map((r: unknown[]) => r[5])).toEqual([7_000, 2_100, 910, 3_600, 500]);
  });

  test('#N/A for a measure with no actual, #VALUE! for a bad plan or proration', () => {
    expectError(planPayout(AE_PLAN, [['Bookings'], [5]], OMITTED, null), '#N/A', 'no value for measure "New logos"');
    expectError(statement(AE_PLAN, [['Bookings'], [5]], OMITTED, null), '#N/A', 'New logos');
    expectError(planPayout(withCell(3, 8, 'ten'), ACTUALS, OMITTED, null), '#VALUE!', 'plan: row 4, column "Rate"');
    expectError(planPayout(AE_PLAN, ACTUALS, OMITTED, 2), '#VALUE!', 'proration');
    expectError(planPayout(AE_PLAN.slice(1), ACTUALS, OMITTED, null), '#VALUE!', 'schema marker');
  });
});
