/**
 * The forecast custom functions from their cell arguments (as Excel passes them): each reads its arguments, calls
 * the calculations of src/forecast and shapes the result. functions/forecast.ts passes them to `excelCall` (or to
 * its result cache, for FORECAST).
 */
import { type AlignedRange, headerHint, readAligned } from '../../shared/aligned';
import { type ArgValue, type Grid, isBlank } from '../../shared/cells';
import {
  optionalChoice,
  optionalDateSerial,
  optionalNumber,
  optionalNumberOrNone,
  toInteger,
  toNumberSeries,
  toNumberVector,
} from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import { LIMITS, SPLIT_RANGE, checkListLength, seriesLength } from '../../shared/limits';
import { type AccuracyMeasures, accuracy } from '../accuracy';
import { FORECAST_METHODS, forecastSeries } from '../methods';
import { MAX_HORIZON, checkHistoryLength } from '../series';
import { type Opportunity, weightedPipeline } from '../pipeline';
import { readOpportunity, readStageProbabilities } from './pipeline';

/** FORECAST's size limit, checked before anything is read: leading blanks and a header do not count (#NUM!). */
export function checkForecastSize(history: ArgValue): void {
  checkHistoryLength(seriesLength(history));
}

/** FORECAST: `horizon` rows of the forecast, or of forecast, lower and upper bound when a confidence is given. */
export function forecastOf(
  history: ArgValue,
  horizon: ArgValue,
  seasonality: ArgValue,
  method: ArgValue,
  confidence: ArgValue,
): number[][] {
  const values = toNumberSeries(history, 'history');
  const h = toInteger(horizon, 'horizon', 1, MAX_HORIZON);
  const season = optionalNumber(seasonality, 'seasonality');
  const m = optionalChoice(method, 'method', FORECAST_METHODS, 'auto');
  const level = optionalNumberOrNone(confidence, 'confidence'); // 0: no intervals (BLANK_AS_ZERO)
  const f = forecastSeries(values, h, { seasonality: season, method: m, level });
  if (level === undefined) return f.mean.map((v) => [v]);
  return f.mean.map((v, i) => [v, (f.lower as number[])[i], (f.upper as number[])[i]]);
}

/** PIPELINE: the weighted pipeline of the opportunities closing within [from, to] (money, to the cent). */
export function pipelineOf(
  amounts: ArgValue,
  stages: ArgValue,
  stageProbabilities: ArgValue,
  closeDates: ArgValue,
  from: ArgValue,
  to: ArgValue,
): number {
  checkListLength('amounts', amounts, LIMITS.rows, 'opportunities', SPLIT_RANGE);
  // One table's columns: the header is decided once for the set (src/shared/aligned.ts).
  const ranges: AlignedRange[] = [
    { arg: 'amounts', value: amounts, kind: 'number' },
    { arg: 'stages', value: stages, kind: 'text' },
  ];
  const hasDates = !isBlank(closeDates);
  if (hasDates) ranges.push({ arg: 'close_dates', value: closeDates, kind: 'date' });
  const read = readAligned(ranges, true);
  const [a, s, d] = read.rows;
  const table = readStageProbabilities(stageProbabilities, 'stage_probabilities');
  const names = { amount: 'amounts', stage: 'stages', closeDate: 'close_dates' };
  const opps: Opportunity[] = [];
  for (let i = 0; i < a.length; i++) {
    const o = readOpportunity(a[i][0], s[i][0], d?.[i][0], i + 1, names, headerHint(read, i + 1, a[i][0]));
    if (o !== undefined) opps.push(o);
  }
  const lo = optionalDateSerial(from, 'from'); // 0 (BLANK_AS_ZERO) is an open bound
  const hi = optionalDateSerial(to, 'to');
  if ((lo !== undefined || hi !== undefined) && !hasDates) {
    invalid('close_dates: required when from or to is given.');
  }
  return weightedPipeline(opps, table, lo, hi);
}

/** ACCURACY's table: measure name and value, "n/a: …" where a measure is undefined. */
function accuracyGrid(r: AccuracyMeasures, hasHistory: boolean): Grid {
  return [
    ['MAE', r.mae],
    ['RMSE', r.rmse],
    ['MAPE', r.mape ?? 'n/a: an actual is 0'],
    ['sMAPE', r.smape],
    ['MASE', r.mase ?? (hasHistory ? 'n/a: history is constant' : 'n/a: needs history')],
  ];
}

/** ACCURACY: MAE, RMSE, MAPE, sMAPE (fractions) and MASE, two columns. A seasonality of 0 is 1 (naive). */
export function accuracyOf(actuals: ArgValue, forecasts: ArgValue, history: ArgValue, seasonality: ArgValue): Grid {
  for (const [arg, v] of [
    ['actuals', actuals],
    ['forecasts', forecasts],
    ['history', history],
  ] as const)
    checkListLength(arg, v, LIMITS.rows, 'values', SPLIT_RANGE);
  const a = toNumberVector(actuals, 'actuals');
  const f = toNumberVector(forecasts, 'forecasts');
  const hist = isBlank(history) ? undefined : toNumberVector(history, 'history');
  const mRaw = optionalNumber(seasonality, 'seasonality', 1);
  const m = mRaw === 0 ? 1 : toInteger(mRaw, 'seasonality', 1, MAX_HORIZON);
  if (hist !== undefined && hist.length <= m) {
    invalid(`history: MASE needs more than ${m} values (the season length), got ${hist.length}.`);
  }
  return accuracyGrid(accuracy(a, f, hist, m), hist !== undefined);
}
