/**
 * The SALESOPS quota wrappers called directly (as Excel calls them: omitted optional arguments are null, ranges
 * are 2-D arrays): coercion of Excel values and errors as #VALUE! with a message.
 */
import { EXCEL_FUNCTIONS } from '../../functions/catalog';
import { serial } from './helpers';

// Excel passes omitted optional arguments as null and may pass a scalar where a range is declared: call the
// wrappers with Excel's loose argument types.
type ExcelFn = (...args: unknown[]) => unknown;
const {
  ALLOCATEQUOTA: allocateQuotaFn,
  CAPACITY: capacityFn,
  HIRES: hiresFn,
  HIRESGAP: hiresGapFn,
  RAMPQUOTA: rampQuotaFn,
  RAMPSCHEDULE: rampScheduleFn,
  RRE: rreFn,
  SEASONALQUOTA: seasonalQuotaFn,
} = EXCEL_FUNCTIONS as Record<string, ExcelFn>;

const JAN_1 = serial('2024-01-01');
const JAN_17 = serial('2024-01-17');
const FEB_15 = serial('2024-02-15');

function expectValueError(got: unknown, messagePart: string): void {
  expect(got).toMatchObject({ code: '#VALUE!' });
  expect((got as { message: string }).message).toContain(messagePart);
}

describe('RAMPQUOTA', () => {
  test('ramp as a row with percent text and trailing blanks; omitted optional arguments', () => {
    // 12000 × 0.25 × 15/31 = 1451.61 (see test/quota/schedule.test.ts).
    expect(rampQuotaFn(12000, JAN_17, serial('2024-01-31'), [['25%', 0.5, 0.75, null, '']], null, null)).toBe(1451.61);
  });

  test('ramp as a column with a header; the anniversary convention', () => {
    // Feb 2024 with the anniversary convention: 12000 × 10.5/29 = 4344.83 (see schedule.test.ts).
    expect(
      rampQuotaFn(12000, JAN_17, serial('2024-02-10'), [['Ramp'], [0.25], [0.5], [0.75]], null, 'Anniversary'),
    ).toBe(4344.83);
  });

  test('no ramp; an end date; a month after the end is 0', () => {
    expect(rampQuotaFn(1000, JAN_1, serial('2024-03-31'), null, null, null)).toBe(1000);
    expect(rampQuotaFn(1000, JAN_1, serial('2024-03-31'), null, serial('2024-02-29'), null)).toBe(0);
  });

  test('errors', () => {
    expectValueError(rampQuotaFn(1000, JAN_1, JAN_1, [[0.5, 2]], null, null), 'ramp: tenure month 2');
    expectValueError(rampQuotaFn(1000, JAN_1, JAN_1, [[0.5, null, 0.7]], null, null), 'ramp: item 2 is blank');
    expectValueError(rampQuotaFn(1000, JAN_1, JAN_1, null, serial('2023-06-30'), null), 'end_date');
    expectValueError(rampQuotaFn('lots', JAN_1, JAN_1, null, null, null), 'full_quota');
    expectValueError(rampQuotaFn(1000, 'soon', JAN_1, null, null, null), 'start_date');
    expectValueError(rampQuotaFn(1000, JAN_1, JAN_1, null, null, 'fiscal'), 'convention');
  });
});

describe('RAMPSCHEDULE', () => {
  test('one row; the "next" convention', () => {
    // Start Jan 17, "next": 1451.61, 3000, 6000, 9000 (see schedule.test.ts).
    expect(rampScheduleFn(12000, JAN_17, JAN_1, 4, [[0.25, 0.5, 0.75]], null, 'next')).toEqual([
      [1451.61, 3000, 6000, 9000],
    ]);
  });

  test('months out of range, including a huge count (no hang)', () => {
    expectValueError(rampScheduleFn(1000, JAN_1, JAN_1, 0, null, null, null), 'months');
    expectValueError(rampScheduleFn(1000, JAN_1, JAN_1, 1e9, null, null, null), 'at most 1200');
    expectValueError(rampScheduleFn(1000, JAN_1, JAN_1, 2.5, null, null, null), 'whole number');
  });
});

describe('CAPACITY and RRE', () => {
  test('quota column with header, start dates with header, blank end date = active', () => {
    // A 10000 from Jan 1 (ends Feb 29), B 8000 from Feb 15; ramp 0.5.
    // Jan: 5000. Feb: 10000 + 8000 × 0.5 × 15/29 (2068.97) = 12068.97. Mar: A gone, B 8000.
    const got = capacityFn(
      [['Quota'], [10000], [8000]],
      [['Start'], [JAN_1], [FEB_15]],
      JAN_1,
      3,
      [[0.5]],
      [['End'], [serial('2024-02-29')], [null]],
      null,
    );
    expect(got).toEqual([[5000, 12068.97, 8000]]);
  });

  test('a blank end date passed as 0 or "" (some Excel builds) means still active', () => {
    expect(capacityFn(100, [[JAN_1], [JAN_1]], JAN_1, 2, null, [[0], ['']], null)).toEqual([[200, 200]]);
  });

  test('one quota for everyone', () => {
    expect(capacityFn(100, [[JAN_1], [JAN_1]], JAN_1, 2, null, null, null)).toEqual([[200, 200]]);
  });

  test('RRE counts reps, not money', () => {
    // A: 0.5, 1; B (Feb 15): 0, 7.5/29.
    const got = rreFn([[JAN_1], [FEB_15]], JAN_1, 2, [[0.5]], null, null) as number[][];
    expect(got[0][0]).toBeCloseTo(0.5, 12);
    expect(got[0][1]).toBeCloseTo(1 + 7.5 / 29, 12);
  });

  test('errors', () => {
    expectValueError(capacityFn([[1], [2], [3]], [[JAN_1], [JAN_1]], JAN_1, 2, null, null, null), 'full_quotas');
    expectValueError(capacityFn(1, [[JAN_1], [null]], JAN_1, 2, null, null, null), 'start_dates: item 2');
    expectValueError(capacityFn(1, [[JAN_1]], JAN_1, 2, null, [[JAN_1], [JAN_1]], null), 'end_dates');
    expectValueError(capacityFn(1, [[FEB_15]], JAN_1, 2, null, [[JAN_17]], null), 'end_dates: rep 1');
    expectValueError(
      capacityFn(
        1,
        [
          [JAN_1, JAN_1],
          [JAN_1, JAN_1],
        ],
        JAN_1,
        2,
        null,
        null,
        null,
      ),
      'start_dates',
    );
  });
});

describe('HIRES', () => {
  test('one hire a month ahead because of the ramp (contract sample), with text percent attrition 0%', () => {
    expect(
      hiresFn([[10000, 10000, 20000, 20000]], [[10000, 10000, 10000, 10000]], 10000, [[0.5]], '0%', 1, null),
    ).toEqual([[0, 1, 0, 0]]);
  });

  test('over-assignment as a percent', () => {
    // Required 1000 × 1.1 = 1100 vs capacity 1000: ⌈100/100⌉ = 1 hire in month 1.
    expect(hiresFn([[1000]], [[1000]], 100, null, null, null, '10%')).toEqual([[1]]);
  });

  test('errors', () => {
    expectValueError(hiresFn([[1, 2]], [[1]], 1, null, null, null, null), 'capacity');
    expectValueError(hiresFn([[1]], [[1]], 1, [[1, 0.5]], null, null, null), 'never steps down');
    expectValueError(hiresFn([[1]], [[1]], 1, null, 1.5, null, null), 'attrition');
    expectValueError(hiresFn([[1]], [[1]], 1, null, null, -1, null), 'lead_time');
    expectValueError(hiresFn([[1]], [[1]], 0, null, null, null, null), 'full_quota');
  });
});

describe('HIRESGAP', () => {
  test('what no plan can cover: lead time and a zero first ramp step', () => {
    // Ramp 0, 0.5, 1; lead time 1; targets 150 a month against 100. Month 1 inside the lead time: 50 left.
    // Month 2: a month-2 hire is at step 0: 50 left. Month 3: a month-2 hire carries 0.5 × 100 = 50: met.
    expect(hiresGapFn([[150, 150, 150, 150]], [[100, 100, 100, 100]], 100, [[0, 0.5]], null, 1, null)).toEqual([
      [50, 50, 0, 0],
    ]);
    expect(hiresFn([[150, 150, 150, 150]], [[100, 100, 100, 100]], 100, [[0, 0.5]], null, 1, null)).toEqual([
      [0, 1, 0, 0],
    ]);
  });

  test('a lead time beyond the horizon: no hires, every short month left', () => {
    expect(hiresFn([[150, 150]], [[100, 200]], 100, null, null, 5, null)).toEqual([[0, 0]]);
    expect(hiresGapFn([[150, 150]], [[100, 200]], 100, null, null, 5, null)).toEqual([[50, 0]]);
  });
});

describe('SEASONALQUOTA and ALLOCATEQUOTA', () => {
  test('seasonality with percent text', () => {
    // 1000 × 25% = 250, × 75% = 750.
    expect(seasonalQuotaFn(1000, [['25%', '75%']])).toEqual([[250, 750]]);
    expectValueError(seasonalQuotaFn(1000, [[0.5, 0.6]]), 'sum to 1');
  });

  test('allocation by prior-year share, one column out', () => {
    // 3 : 1 of 1000 → 750, 250.
    expect(allocateQuotaFn(1000, [[JAN_1], [JAN_1]], JAN_1, 12, 'prior', [[300], [100]], null, null)).toEqual([
      [750],
      [250],
    ]);
    expectValueError(allocateQuotaFn(1000, [[JAN_1], [JAN_1]], JAN_1, 12, 'weight', [[1]], null, null), 'basis');
    expectValueError(allocateQuotaFn(1000, [[JAN_1]], JAN_1, 12, 'random', null, null, null), 'method');
  });
});
