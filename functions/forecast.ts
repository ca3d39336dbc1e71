/**
 * Custom functions of the forecast domain (SALESOPS namespace): thin wrappers over src/forecast/.
 */
import { excelCall } from './adapter';
import { ResultCache } from './resultCache';
import { type ArgValue, isBlank } from '../src/shared/cells';
import {
  optionalChoice,
  optionalNumber,
  toInteger,
  toNumberSeries,
  toNumberVector,
  toVector,
} from '../src/shared/coerce';
import { checkSerial } from '../src/shared/dates';
import { invalid } from '../src/shared/errors';
import { LIMITS, SPLIT_RANGE, checkListLength, listLength } from '../src/shared/limits';
import {
  FORECAST_METHODS,
  MAX_HORIZON,
  checkHistoryLength,
  type Opportunity,
  accuracy,
  forecastSeries,
  readOpportunity,
  readStageProbabilities,
  weightedPipeline,
} from '../src/forecast';

/** FORECAST fits a family of models: unchanged arguments return the stored result (an unrelated recalculation). */
export const forecastCache = new ResultCache(16);

/**
 * Forecasts the next periods of a series: ETS, Theta, linear trend, naive or seasonal naive, or (auto) their best combination.
 * @customfunction FORECAST
 * @param history Past values in time order, one column or one row (blank cells are missing values, filled by interpolation).
 * @param horizon Number of periods to forecast (1 to 10000).
 * @param [seasonality] Season length: omitted or 1 = detect, 0 = none, n ≥ 2 = n periods (12 for monthly data).
 * @param [method] "auto" (default), "ets", "theta", "damped", "linear", "naive" or "snaive".
 * @param [confidence] Prediction-interval level as a fraction, e.g. 0.95; adds lower and upper columns.
 * @returns horizon rows: the forecast, or forecast, lower and upper when confidence is given.
 */
export function forecast(history: any[][], horizon: any, seasonality?: any, method?: any, confidence?: any): any[][] {
  return forecastCache.call(
    [history, horizon, seasonality, method, confidence],
    () => {
      const values = toNumberSeries(history, 'history');
      const h = toInteger(horizon, 'horizon', 1, MAX_HORIZON);
      const season = optionalNumber(seasonality, 'seasonality');
      const m = optionalChoice(method, 'method', FORECAST_METHODS, 'auto');
      const level = optionalNumber(confidence, 'confidence');
      const f = forecastSeries(values, h, { seasonality: season, method: m, level });
      if (level === undefined) return f.mean.map((v) => [v]);
      return f.mean.map((v, i) => [v, (f.lower as number[])[i], (f.upper as number[])[i]]);
    },
    () => checkHistoryLength(listLength(history)),
  ) as any[][];
}

/**
 * Weighted pipeline: the sum of amount × stage probability over opportunities closing within [from, to].
 * @customfunction PIPELINE
 * @param amounts Opportunity amounts, one column (a header cell is skipped).
 * @param stages Stage of each opportunity, same length as amounts.
 * @param stage_probabilities Two columns: stage name and win probability as a fraction (0.4 or 40%).
 * @param [close_dates] Close date of each opportunity (Excel dates); needed when from or to is given.
 * @param [from] First close date counted (inclusive); omitted = no lower bound.
 * @param [to] Last close date counted (inclusive); omitted = no upper bound.
 * @returns The weighted pipeline amount, rounded to the cent.
 */
export function pipeline(
  amounts: any[][],
  stages: any[][],
  stage_probabilities: any[][],
  close_dates?: any[][],
  from?: any,
  to?: any,
): any {
  return excelCall(() => {
    checkListLength('amounts', amounts as ArgValue, LIMITS.rows, 'opportunities', SPLIT_RANGE);
    const amountCells = toVector(amounts as ArgValue, 'amounts');
    const stageCells = toVector(stages as ArgValue, 'stages');
    const dateCells = isBlank(close_dates) ? undefined : toVector(close_dates as ArgValue, 'close_dates');
    // Rows where amount and stage are both blank (the end of a whole-column selection) are skipped.
    let n = Math.max(amountCells.length, stageCells.length);
    while (n > 0 && isBlank(amountCells[n - 1]) && isBlank(stageCells[n - 1])) n--;
    const a = amountCells.slice(0, n);
    const s = stageCells.slice(0, n);
    if (a.length !== n || s.length !== n) {
      invalid(`stages: expected ${a.length} stages (one per amount), got ${stageCells.length}.`);
    }
    if (dateCells !== undefined && dateCells.length < n) {
      invalid(`close_dates: expected ${n} dates (one per amount), got ${dateCells.length}.`);
    }
    const table = readStageProbabilities(stage_probabilities as ArgValue, 'stage_probabilities');
    const names = { amount: 'amounts', stage: 'stages', closeDate: 'close_dates' };
    const opps: Opportunity[] = [];
    for (let i = 0; i < n; i++) {
      const o = readOpportunity(a[i], s[i], dateCells?.[i], i + 1, names);
      if (o !== undefined) opps.push(o);
    }
    const lo = optionalNumber(from, 'from');
    const hi = optionalNumber(to, 'to');
    if ((lo !== undefined || hi !== undefined) && dateCells === undefined) {
      invalid('close_dates: required when from or to is given.');
    }
    return weightedPipeline(
      opps,
      table,
      lo === undefined ? undefined : checkSerial(lo, 'from'),
      hi === undefined ? undefined : checkSerial(hi, 'to'),
    );
  });
}

/**
 * Forecast accuracy: MAE, RMSE, MAPE and sMAPE (fractions), and MASE when the history is given.
 * @customfunction ACCURACY
 * @param actuals Actual values, one column or row.
 * @param forecasts Forecasts of the same periods, same length as actuals.
 * @param [history] Values before the forecast period, for the scale of MASE.
 * @param [seasonality] Season length for MASE's seasonal naive scale (default 1: naive).
 * @returns Two columns: measure name and value (5 rows).
 */
export function accuracyMeasures(actuals: any[][], forecasts: any[][], history?: any[][], seasonality?: any): any[][] {
  return excelCall(() => {
    for (const [arg, v] of [
      ['actuals', actuals],
      ['forecasts', forecasts],
      ['history', history],
    ] as const)
      checkListLength(arg, v as ArgValue, LIMITS.rows, 'values', SPLIT_RANGE);
    const a = toNumberVector(actuals as ArgValue, 'actuals');
    const f = toNumberVector(forecasts as ArgValue, 'forecasts');
    const hist = isBlank(history) ? undefined : toNumberVector(history as ArgValue, 'history');
    const mRaw = optionalNumber(seasonality, 'seasonality', 1);
    const m = mRaw === 0 ? 1 : toInteger(mRaw, 'seasonality', 1, MAX_HORIZON);
    if (hist !== undefined && hist.length <= m) {
      invalid(`history: MASE needs more than ${m} values (the season length), got ${hist.length}.`);
    }
    const r = accuracy(a, f, hist, m);
    return [
      ['MAE', r.mae],
      ['RMSE', r.rmse],
      ['MAPE', r.mape ?? 'n/a: an actual is 0'],
      ['sMAPE', r.smape],
      ['MASE', r.mase ?? (hist === undefined ? 'n/a: needs history' : 'n/a: history is constant')],
    ];
  }) as any[][];
}
