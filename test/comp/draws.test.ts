import fc from 'fast-check';
import {
  applyClawbacks,
  checkProration,
  clawbackSchedule,
  drawSchedule,
  planDrawSchedule,
  prorationFactor,
  readClawbacks,
  readPlanTable,
} from '../../src/comp';
import { AE_PLAN } from './fixtures';
import { dateToSerial } from '../../src/shared/dates';

const paidAndBalance = (rows: ReturnType<typeof drawSchedule>) => rows.map((r) => [r.paid, r.balance]);

describe('recoverable draw', () => {
  test('shortfall becomes a balance, recovered from later excess', () => {
    // draw 2,000. P1 earned 1,000 < 2,000: pay 2,000, balance 1,000.
    // P2 earned 3,000: excess 1,000, recover min(1,000, 1,000) = 1,000, pay 2,000, balance 0. P3: pay 5,000.
    expect(paidAndBalance(drawSchedule([1000, 3000, 5000], [2000, 2000, 2000], true))).toEqual([
      [2000, 1000],
      [2000, 0],
      [5000, 0],
    ]);
  });

  test('partial recovery over two periods', () => {
    // P1 earned 0: pay 2,000, balance 2,000. P2 earned 2,500: excess 500, recover 500, pay 2,000, balance 1,500.
    // P3 earned 4,000: excess 2,000, recover 1,500, pay 2,500, balance 0.
    const rows = drawSchedule([0, 2500, 4000], [2000, 2000, 2000], true);
    expect(paidAndBalance(rows)).toEqual([
      [2000, 2000],
      [2000, 1500],
      [2500, 0],
    ]);
    expect(rows.map((r) => r.recovered)).toEqual([0, 500, 1500]);
  });

  test('earned exactly the draw: pay the draw, nothing owed or recovered', () => {
    expect(paidAndBalance(drawSchedule([2000], [2000], true))).toEqual([[2000, 0]]);
  });

  test('amounts are taken to the cent and computed in cents', () => {
    // 100.005 → 100.01 (half away from zero); shortfall 150 − 100.01 = 49.99
    expect(paidAndBalance(drawSchedule([100.005], [150], true))).toEqual([[150, 49.99]]);
  });
});

describe('non-recoverable draw', () => {
  test('pays the greater of earned and draw; the balance stays 0', () => {
    // max(1,000, 2,000) = 2,000 ; max(3,000, 2,000) = 3,000 ; max(−500, 2,000) = 2,000
    expect(paidAndBalance(drawSchedule([1000, 3000, -500], [2000, 2000, 2000], false))).toEqual([
      [2000, 0],
      [3000, 0],
      [2000, 0],
    ]);
  });
});

describe('clawbacks', () => {
  test('a reversal in a later period is carried as a balance by a recoverable draw of 0', () => {
    // earned 5,000, 4,000, 3,000; a 6,000 clawback in period 2 → 5,000, −2,000, 3,000.
    // P1 pay 5,000. P2: −2,000 < 0: pay 0, balance 2,000. P3: excess 3,000, recover 2,000, pay 1,000.
    // Total paid 6,000 = 12,000 earned − 6,000 clawed back.
    const earned = applyClawbacks([5000, 4000, 3000], [{ period: 2, amount: 6000, reference: 'deal 42' }]);
    expect(earned).toEqual([5000, -2000, 3000]);
    expect(paidAndBalance(drawSchedule(earned, [0, 0, 0], true))).toEqual([
      [5000, 0],
      [0, 2000],
      [1000, 0],
    ]);
  });

  test('bad clawbacks name the item', () => {
    expect(() => applyClawbacks([1, 2], [{ period: 3, amount: 1, reference: 'deal 7' }])).toThrow(
      'clawbacks: item 1 (deal 7): period must be a whole number from 1 to 2, got 3.',
    );
    expect(() => applyClawbacks([1, 2], [{ period: 1, amount: -5 }])).toThrow(/amount must be zero or more/);
  });
});

describe('draw errors', () => {
  test('negative draw, length mismatch', () => {
    expect(() => drawSchedule([1], [-1], true)).toThrow('draw: item 1 must be zero or more, got -1.');
    expect(() => drawSchedule([1, 2], [1], true)).toThrow(/draw: expected one number or 2 items/);
  });
});

describe('draw properties', () => {
  const cents = fc.integer({ min: -500_000, max: 2_000_000 }).map((c) => c / 100);
  const draws = fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100);
  test('a draw never pays less than the draw; recoverable: Σ paid − Σ earned = the balance still owed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, draws), { minLength: 1, maxLength: 24 }), fc.boolean(), (periods, rec) => {
        const rows = drawSchedule(
          periods.map((p) => p[0]),
          periods.map((p) => p[1]),
          rec,
        );
        const paidNotLess = rows.every((r) => r.paid >= r.draw);
        const toC = (x: number) => Math.round(x * 100);
        const owed = rows.reduce((s, r) => s + toC(r.paid) - toC(r.earned), 0);
        const conserved = rec ? owed === toC(rows[rows.length - 1].balance) : rows.every((r) => r.balance === 0);
        return paidNotLess && conserved && rows.every((r) => r.balance >= 0);
      }),
      { seed: 321, numRuns: 1000 },
    );
  });
});

describe('proration by calendar days', () => {
  const jan1 = dateToSerial(2026, 1, 1);
  const jan31 = dateToSerial(2026, 1, 31);
  test('a start inside the period, leave, an end inside the period', () => {
    // start Jan 11: active Jan 11–31 = 21 of 31 days
    expect(prorationFactor({ periodStart: jan1, periodEnd: jan31, start: dateToSerial(2026, 1, 11) })).toBeCloseTo(
      21 / 31,
      12,
    );
    // plus 5 days of leave: (21 − 5) / 31 = 16/31
    expect(
      prorationFactor({ periodStart: jan1, periodEnd: jan31, start: dateToSerial(2026, 1, 11), leaveDays: 5 }),
    ).toBeCloseTo(16 / 31, 12);
    // end Jan 10: Jan 1–10 = 10 of 31
    expect(prorationFactor({ periodStart: jan1, periodEnd: jan31, end: dateToSerial(2026, 1, 10) })).toBeCloseTo(
      10 / 31,
      12,
    );
    // whole period: 1 ; left before the period: 0
    expect(prorationFactor({ periodStart: jan1, periodEnd: jan31 })).toBe(1);
    expect(prorationFactor({ periodStart: jan1, periodEnd: jan31, start: jan1 - 40, end: jan1 - 1 })).toBe(0);
  });

  test('errors', () => {
    expect(() => prorationFactor({ periodStart: jan31, periodEnd: jan1 })).toThrow(/period_end/);
    expect(() => prorationFactor({ periodStart: jan1, periodEnd: jan31, leaveDays: 40 })).toThrow(/leave_days/);
    expect(() => checkProration(1.5)).toThrow(/proration: expected a fraction from 0 to 1/);
  });
});

describe('clawbacks in cents and the clawbacks range', () => {
  test('net earnings per period, to the cent', () => {
    // earned 1,000.005 → 1,000.01 (half away from zero); 2,000; 500.
    // Clawbacks: 300.104 → 300.10 in P2; 800 + 0.555 → 800.00 + 0.56 in P3.
    // Net: 1,000.01 | 2,000 − 300.10 = 1,699.90 | 500 − 800 − 0.56 = −300.56
    expect(
      clawbackSchedule(
        [1000.005, 2000, 500],
        [
          { period: 2, amount: 300.104 },
          { period: 3, amount: 800 },
          { period: 3, amount: 0.555 },
        ],
      ),
    ).toEqual([1000.01, 1699.9, -300.56]);
  });

  test('property: Σ net = Σ earned − Σ clawbacks exactly in cents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e8, max: 1e8 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 1e7 })), { maxLength: 8 }),
        (earnedCents, raw) => {
          const earned = earnedCents.map((c) => c / 100);
          const claws = raw.map(([p, c]) => ({ period: (p % earned.length) + 1, amount: c / 100 }));
          const net = clawbackSchedule(earned, claws);
          const sum = (xs: number[]) => xs.reduce((a, b) => a + Math.round(b * 100), 0);
          expect(sum(net)).toBe(sum(earned) - sum(claws.map((c) => c.amount)));
        },
      ),
      { seed: 77, numRuns: 500 },
    );
  });

  test('readClawbacks: header, references, blank rows, omitted range, and cell errors', () => {
    expect(
      readClawbacks([
        ['Period', 'Amount', 'Deal'],
        [2, '1,200.50', 'D-9'],
        [null, null, null],
        [3, 50, null],
      ]),
    ).toEqual([
      { period: 2, amount: 1200.5, reference: 'D-9' },
      { period: 3, amount: 50 },
    ]);
    expect(readClawbacks(null)).toEqual([]);
    expect(readClawbacks([[null, null]])).toEqual([]);
    // Room for future clawbacks, as Excel for desktop passes the empty rows (zeros): the same two clawbacks.
    expect(
      readClawbacks([
        ['Period', 'Amount', 'Deal'],
        [2, '1,200.50', 'D-9'],
        [0, 0, 0],
        [3, 50, 0], // no deal id: 0 on desktop, not a reference "0"
        [0, 0, 0],
      ]),
    ).toEqual([
      { period: 2, amount: 1200.5, reference: 'D-9' },
      { period: 3, amount: 50 },
    ]);
    expect(readClawbacks([[0, 0]])).toEqual([]);
    // A zero period with an amount is still an error (period 0 does not exist).
    expect(() => applyClawbacks([100], readClawbacks([[0, 40]]))).toThrow(/period must be a whole number from 1/);
    expect(() => readClawbacks([[1, 2, 3, 4]])).toThrow(/clawbacks: expected two or three columns/);
    expect(() =>
      readClawbacks([
        ['Period', 'Amount'],
        [1, true],
      ]),
    ).toThrow('clawbacks: row 2, column 2 (amount): expected a number, got TRUE.');
  });
});

describe("the plan table's draw", () => {
  test('planDrawSchedule pays the draw row across periods', () => {
    const withDraw = [
      ...AE_PLAN,
      ['draw', null, null, null, null, null, 'non-recoverable', null, 3000, null, null, null],
    ];
    const plan = readPlanTable(withDraw);
    // Non-recoverable 3,000: max(1,000, 3,000) = 3,000; max(4,500, 3,000) = 4,500; balance always 0.
    expect(paidAndBalance(planDrawSchedule(plan, [1000, 4500]))).toEqual([
      [3000, 0],
      [4500, 0],
    ]);
    expect(() => planDrawSchedule(readPlanTable(AE_PLAN), [1000])).toThrow(/no draw row/);
  });

  test('a prorated draw: each period draw × its proration, to the cent, then paid as usual', () => {
    const withDraw = [...AE_PLAN, ['draw', null, null, null, null, null, 'recoverable', null, 6000, null, null, null]];
    const plan = readPlanTable(withDraw);
    // Started on the 15th of a 31-day month: 17/31 of the period on the plan.
    // P1: draw 6,000 × 17/31 = 3,290.3225… → 3,290.32; earned 1,000 < 3,290.32 → paid 3,290.32, owed 2,290.32.
    // P2: draw 6,000; earned 9,000 → 3,000 above the draw, recover min(3,000, 2,290.32) = 2,290.32
    //     → paid 9,000 − 2,290.32 = 6,709.68, owed 0.
    // P3: earned 4,000 < 6,000 → paid 6,000, owed 2,000.
    const s = planDrawSchedule(plan, [1000, 9000, 4000], 'plan', [17 / 31, 1, 1]);
    expect(s.map((p) => p.draw)).toEqual([3290.32, 6000, 6000]);
    expect(paidAndBalance(s)).toEqual([
      [3290.32, 2290.32],
      [6709.68, 0],
      [6000, 2000],
    ]);
    // A period off the plan entirely (proration 0) has no draw: earned 500 is paid, nothing owed.
    expect(paidAndBalance(planDrawSchedule(plan, [500], 'plan', [0]))).toEqual([[500, 0]]);
    expect(() => planDrawSchedule(plan, [1000, 9000], 'plan', [0.5, 1.5])).toThrow(
      "proration: item 2: expected a fraction from 0 to 1 (share of the period's calendar days), got 1.5.",
    );
    expect(() => planDrawSchedule(plan, [1000, 9000], 'plan', [0.5])).toThrow(
      'proration: expected one number or 2 items (one per period), got 1.',
    );
  });
});
