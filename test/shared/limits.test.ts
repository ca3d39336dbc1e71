/**
 * Size limits (src/shared/limits.ts): every function refuses an input one step past its documented limit with
 * #NUM! and a message naming the argument, the limit and the way round it, before any computation; inputs at the
 * limit pass the checks. (The 2 s bound inside the limits is checked by `npm run bench limits`, not here.)
 */
import { LIMITS, checkSize, formatCount, listLength, usedLength } from '../../src/shared/limits';
import { ModelInputError } from '../../src/shared/errors';
import type { CellValue } from '../../src/shared/cells';
import { checkTerritorySize } from '../../src/territory/ranges';
import { checkRosterSize } from '../../src/quota';
import { forecastSeries } from '../../src/forecast';
import { EXCEL_FUNCTIONS } from '../../functions/catalog';
import { isExcelError } from '../support/customFunctionsStub';

const {
  TERRITORY: territory,
  FORECAST: forecast,
  CAPACITY: capacityFn,
  RRE: rreFn,
  ALLOCATEQUOTA: allocateQuotaFn,
  HIRES: hiresFn,
  RAMPQUOTA: rampQuotaFn,
  SEASONALQUOTA: seasonalQuotaFn,
  CLAWBACKS: clawbacks,
  COMMISSION: commission,
  DRAW: draw,
  PLANDRAW: planDraw,
  STATEMENT: statement,
} = EXCEL_FUNCTIONS;

const col = (n: number, v: CellValue = 1): CellValue[][] => Array.from({ length: n }, () => [v]);
const row = (n: number, v: CellValue = 1): CellValue[][] => [Array.from({ length: n }, () => v)];
const JAN_1_2024 = 45292;

/** Expects a #NUM! whose message includes every fragment. */
function expectRefused(result: unknown, ...fragments: string[]): void {
  expect(isExcelError(result, '#NUM!')).toBe(true);
  const message = (result as { message?: string }).message ?? '';
  for (const f of fragments) expect(message).toContain(f);
}

describe('limit helpers', () => {
  test('formatCount groups thousands', () => {
    expect([formatCount(0), formatCount(999), formatCount(1000), formatCount(1048576)]).toEqual([
      '0',
      '999',
      '1,000',
      '1,048,576',
    ]);
  });

  test('usedLength ignores trailing blank rows (a whole-column selection) and reads a single row across', () => {
    expect(usedLength([[1], [2], [null], [''], [null]])).toBe(2);
    expect(
      usedLength([
        [1, null],
        [null, 2],
        [null, null],
      ]),
    ).toBe(2);
    expect(usedLength([[1, 2, 3, null, '']])).toBe(3);
    expect(usedLength([[null], [null]])).toBe(0);
    expect(usedLength(7)).toBe(1);
    expect(usedLength(undefined)).toBe(0);
    // A zero is a value (a blank cell passed as 0 is still counted: it is data to the functions that read it).
    expect(usedLength([[1], [0]])).toBe(2);
  });

  test('listLength does not count a text header', () => {
    expect(listLength([['History'], [1], [2]])).toBe(2);
    expect(listLength([['12'], [1]])).toBe(2); // numeric text is a value, not a header
    expect(listLength([[1], [2]])).toBe(2);
  });

  test('checkSize throws a #NUM! (kind "number") input error at limit + 1, nothing at the limit', () => {
    expect(() => checkSize('x', 10, 10, 'things', 'Do less.')).not.toThrow();
    try {
      checkSize('x', 11, 10, 'things', 'Do less.');
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(ModelInputError);
      expect((e as ModelInputError).kind).toBe('number');
      expect((e as Error).message).toBe('x: at most 10 things, got 11. Do less.');
    }
  });
});

describe('every function refuses past its limit with #NUM! and a message (limit and way round)', () => {
  test('FORECAST: history of 100,001 values', () => {
    const r = forecast(col(LIMITS.forecastHistory + 1), 12, 12, 'ets', null);
    expectRefused(r, 'history', '100,000 values', 'got 100,001', 'most recent');
  });

  test('TERRITORY: accounts, reps and accounts × reps, decided from the shapes (no parsing)', () => {
    const metrics = (n: number) => [['Potential'], ...col(n, 5)];
    const reps = (n: number) => [['Rep'], ...Array.from({ length: n }, (_, i) => [`Rep ${i}`])];
    expect(() => checkTerritorySize(metrics(LIMITS.territoryAccounts), reps(10))).not.toThrow();
    expect(() => checkTerritorySize(metrics(1000), reps(LIMITS.territoryReps))).not.toThrow();
    expect(() => checkTerritorySize(metrics(LIMITS.territoryAccounts), reps(200))).not.toThrow();
    expectRefused(
      territory(metrics(LIMITS.territoryAccounts + 1), reps(10)),
      'metrics',
      '50,000 accounts',
      'got 50,001',
      'Split',
    );
    expectRefused(territory(metrics(10), reps(LIMITS.territoryReps + 1)), 'reps', '500 reps', 'got 501');
    // 50,000 × 201 = 10,050,000 pairs > 10,000,000. Text in a metric cell would be #VALUE! after parsing: the
    // refusal comes first.
    const bad = metrics(LIMITS.territoryAccounts);
    bad[1] = ['not a number'];
    expectRefused(territory(bad, reps(201)), 'account-rep pairs', '10,000,000', 'got 10,050,000');
  });

  test('TERRITORY: a whole-column reps range with trailing blanks counts only the names', () => {
    const reps = [['Rep'], ['Ann'], ['Bob'], ...col(100_000, null)];
    expect(() => checkTerritorySize([['Potential'], [1], [2]], reps)).not.toThrow();
  });

  test('roster functions: reps and reps × months', () => {
    expect(() => checkRosterSize(LIMITS.rosterReps, LIMITS.rosterCells / LIMITS.rosterReps)).not.toThrow();
    expect(() => checkRosterSize(10_000, LIMITS.rosterCells / 10_000)).not.toThrow();
    const many = col(LIMITS.rosterReps + 1, JAN_1_2024);
    expectRefused(capacityFn([[1000]], many, JAN_1_2024, 1), 'start_dates', '100,000 reps', 'got 100,001', 'Split');
    expectRefused(allocateQuotaFn(1e6, many, JAN_1_2024, 1), 'start_dates', '100,000 reps');
    expectRefused(
      rreFn(col(10_000, JAN_1_2024), JAN_1_2024, LIMITS.rosterCells / 10_000 + 1),
      '2,400,000 rep-months',
      'got 2,410,000',
    );
  });

  test('month lists: ramp, targets, weights', () => {
    expectRefused(rampQuotaFn(1000, JAN_1_2024, JAN_1_2024, row(LIMITS.months + 1)), 'ramp', '1,200', 'got 1,201');
    expectRefused(hiresFn(row(1201, 1e6), row(1201, 1e5), 1000), 'targets', '1,200 months');
    expectRefused(seasonalQuotaFn(1000, row(1201, 1 / 1201)), 'weights', '1,200 weights');
  });

  test('comp: periods of DRAW, PLANDRAW, CLAWBACKS; rows of tiers and of a plan table', () => {
    const periods = col(LIMITS.periods + 1, 100);
    expectRefused(draw(periods, [[50]]), 'earned', '1,048,576 periods', 'got 1,048,577');
    expectRefused(clawbacks(periods, [[1, 1]]), 'earned', '1,048,576 periods');
    expectRefused(planDraw([['Plan v2']], periods), 'earned', '1,048,576 periods');
    expectRefused(commission(1000, col(LIMITS.rows + 1, 0)), 'tiers', '1,048,576 rows');
    const plan = [['Plan v2'], ...col(LIMITS.planRows, 'band')];
    expectRefused(statement(plan, [['Bookings'], [1]]), 'plan', '10,000 rows', 'got 10,001', 'own table');
  });
});

describe('FORECAST fits its models to the most recent part of a long history', () => {
  // The first part is wild (millions, no season); the recent part is a seasonal series around 100. A fit on the
  // whole history would differ from a fit on the recent part alone; a fit on the windows gives identical numbers.
  const recentPart = (n: number) => Array.from({ length: n }, (_, i) => 100 + (i % 12) * 5 + ((i * 31) % 7));
  const wild = (n: number) => Array.from({ length: n }, (_, i) => 1e6 * ((i * 7919) % 13));

  test(`ETS: the most recent ${LIMITS.etsWindow} values`, () => {
    const y = [...wild(2000), ...recentPart(LIMITS.etsWindow)];
    const whole = forecastSeries(y, 6, { seasonality: 12, method: 'ets', level: 0.9 });
    const recent = forecastSeries(y.slice(-LIMITS.etsWindow), 6, { seasonality: 12, method: 'ets', level: 0.9 });
    expect(whole.mean).toEqual(recent.mean);
    expect(whole.upper).toEqual(recent.upper);
    expect(whole.mean[0]).toBeLessThan(200);
  });

  test(`the other models: the most recent ${LIMITS.forecastWindow} values`, () => {
    const y = [...wild(3000), ...recentPart(LIMITS.forecastWindow)];
    for (const method of ['theta', 'linear'] as const) {
      const whole = forecastSeries(y, 6, { seasonality: 12, method });
      const recent = forecastSeries(y.slice(-LIMITS.forecastWindow), 6, { seasonality: 12, method });
      expect(whole.mean).toEqual(recent.mean);
    }
  });
});
