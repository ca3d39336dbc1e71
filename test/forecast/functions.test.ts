/** The custom-function wrappers called directly, as Excel calls them (omitted optional arguments are null). */
import { EXCEL_FUNCTIONS } from '../../functions/catalog';

const { ACCURACY: accuracyMeasures, FORECAST: forecast, PIPELINE: pipeline } = EXCEL_FUNCTIONS;

const col = (...v: (number | string | null)[]) => v.map((x) => [x]);
const isError = (v: unknown) => v instanceof CustomFunctions.Error;
/** An omitted optional range argument: Excel passes null. */
const NONE = null as unknown as any[][];

describe('SALESOPS.FORECAST', () => {
  test('one column of point forecasts, or three with confidence', () => {
    // Linear: y = 2t − 1 → 9, 11, 13.
    expect(forecast(col(1, 3, 5, 7), 3, 0, 'linear', null)).toEqual([[9], [11], [13]]);
    const withBounds = forecast(col(1, 3, 5, 7, 9, 11, 14, 15), 4, null, null, 0.95) as number[][];
    expect(withBounds).toHaveLength(4);
    for (const [f, lo, up] of withBounds) {
      expect(lo).toBeLessThanOrEqual(f);
      expect(up).toBeGreaterThanOrEqual(f);
    }
  });

  test('a history in one row works as in one column', () => {
    expect(forecast([[1, 3, 5, 7]], 1, 0, 'linear', null)).toEqual([[9]]);
  });

  test('a header cell is skipped', () => {
    expect(forecast(col('Sales', 10, 12, 15), 1, 0, 'naive', null)).toEqual([[15]]);
  });

  test.each([
    [col(1, 'x', 3), 2, null, 'history'],
    [col(1), 2, null, 'history'],
    [col(1, 2, 3), 0, null, 'horizon'],
    [col(1, 2, 3), 10001, null, 'horizon'],
    [col(1, 2, 3), 2.5, null, 'horizon'],
    [col(1, 2, 3), 2, 1, 'confidence'],
    [col(1, 2, 3), 2, -0.1, 'confidence'], // 0 is "no intervals" (a blank cell on desktop): test/contract/blankAsZero
  ])('bad input %# is #VALUE! naming the argument', (history, horizon, confidence, name) => {
    const r = forecast(history, horizon, null, null, confidence) as unknown as CustomFunctions.Error;
    expect(isError(r)).toBe(true);
    expect(r.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(r.message).toContain(name);
  });

  test('the history limit counts the series, not the rows selected', () => {
    // 100,000 values (the limit) under a header and 3 blank rows: 100,004 rows, accepted; naive → the last value
    const series = Array.from({ length: 100_000 }, (_, i) => [i + 1]);
    const rows = [['Sales'], [null], [null], [null], ...series] as unknown as any[][];
    expect(forecast(rows, 1, 0, 'naive', null)).toEqual([[100_000]]);
    // one value more is refused up front with #NUM! naming the limit
    const r = forecast([...rows, [100_001]], 1, 0, 'naive', null) as unknown as CustomFunctions.Error;
    expect(r.code).toBe(CustomFunctions.ErrorCode.invalidNumber);
    expect(r.message).toMatch(/^history: at most 100,000 values, got 100,001\./);
  });

  test('a negative season length is refused', () => {
    const r = forecast(col(1, 2, 3, 4), 2, -3, null, null) as unknown as CustomFunctions.Error;
    expect(r.message).toContain('seasonality');
  });
});

describe('SALESOPS.PIPELINE', () => {
  const table = [
    ['Stage', 'Probability'],
    ['Qualify', '10%'],
    ['Commit', 0.8],
  ];
  test('weighted total; trailing blank rows of a whole-column selection are ignored', () => {
    // 1000·0.1 + 2000·0.8 = 1700.
    expect(pipeline(col(1000, 2000, null, null), col('Qualify', 'Commit', null, null), table, NONE, null, null)).toBe(
      1700,
    );
  });
  test('window needs close dates', () => {
    const r = pipeline(col(1000), col('Qualify'), table, NONE, 45000, null) as CustomFunctions.Error;
    expect(r.message).toContain('close_dates');
  });
  test('unknown stage is #N/A', () => {
    const r = pipeline(col(1000), col('Won'), table, NONE, null, null) as CustomFunctions.Error;
    expect(r.code).toBe(CustomFunctions.ErrorCode.notAvailable);
    expect(r.message).toContain('Won');
  });
});

describe('SALESOPS.ACCURACY', () => {
  test('five measures; MASE needs history', () => {
    const r = accuracyMeasures(col(10, 20), col(12, 18), NONE, null) as unknown[][];
    expect(r.map((row: unknown[]) => row[0])).toEqual(['MAE', 'RMSE', 'MAPE', 'sMAPE', 'MASE']);
    expect(r[0][1]).toBe(2);
    expect(r[4][1]).toContain('needs history');
  });
  test('seasonal MASE', () => {
    // m = 2: history 10, 20, 12, 22 → scale 2; MAE 1 → 0.5.
    const r = accuracyMeasures(col(5), col(6), col(10, 20, 12, 22), 2) as number[][];
    expect(r[4][1]).toBeCloseTo(0.5, 12);
  });
});
