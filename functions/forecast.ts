/**
 * Custom functions of the forecast domain (SALESOPS namespace): thin wrappers over src/forecast/.
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { ResultCache } from './resultCache';
import { type AlignedRange, headerHint, readAligned } from '../src/shared/aligned';
import { type ArgValue, isBlank } from '../src/shared/cells';
import {
  optionalChoice,
  optionalDateSerial,
  optionalNumber,
  optionalNumberOrNone,
  toInteger,
  toNumberSeries,
  toNumberVector,
} from '../src/shared/coerce';
import { invalid } from '../src/shared/errors';
import { LIMITS, SPLIT_RANGE, checkListLength, seriesLength } from '../src/shared/limits';
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

function forecast(history: any[][], horizon: any, seasonality?: any, method?: any, confidence?: any): any[][] {
  return forecastCache.call(
    [history, horizon, seasonality, method, confidence],
    () => {
      const values = toNumberSeries(history, 'history');
      const h = toInteger(horizon, 'horizon', 1, MAX_HORIZON);
      const season = optionalNumber(seasonality, 'seasonality');
      const m = optionalChoice(method, 'method', FORECAST_METHODS, 'auto');
      const level = optionalNumberOrNone(confidence, 'confidence'); // 0: no intervals (a blank cell on desktop)
      const f = forecastSeries(values, h, { seasonality: season, method: m, level });
      if (level === undefined) return f.mean.map((v) => [v]);
      return f.mean.map((v, i) => [v, (f.lower as number[])[i], (f.upper as number[])[i]]);
    },
    () => checkHistoryLength(seriesLength(history)), // leading blanks and a header do not count
  ) as any[][];
}

function pipeline(
  amounts: any[][],
  stages: any[][],
  stage_probabilities: any[][],
  close_dates?: any[][],
  from?: any,
  to?: any,
): any {
  return excelCall(() => {
    checkListLength('amounts', amounts as ArgValue, LIMITS.rows, 'opportunities', SPLIT_RANGE);
    // One table's columns: the header is decided once for the set (src/shared/aligned.ts).
    const ranges: AlignedRange[] = [
      { arg: 'amounts', value: amounts as ArgValue, kind: 'number' },
      { arg: 'stages', value: stages as ArgValue, kind: 'text' },
    ];
    const hasDates = !isBlank(close_dates);
    if (hasDates) ranges.push({ arg: 'close_dates', value: close_dates as ArgValue, kind: 'date' });
    const read = readAligned(ranges, true);
    const [a, s, d] = read.rows;
    const table = readStageProbabilities(stage_probabilities as ArgValue, 'stage_probabilities');
    const names = { amount: 'amounts', stage: 'stages', closeDate: 'close_dates' };
    const opps: Opportunity[] = [];
    for (let i = 0; i < a.length; i++) {
      const o = readOpportunity(a[i][0], s[i][0], d?.[i][0], i + 1, names, headerHint(read, i + 1, a[i][0]));
      if (o !== undefined) opps.push(o);
    }
    const lo = optionalDateSerial(from, 'from'); // 0 (a blank cell on desktop) is an open bound
    const hi = optionalDateSerial(to, 'to');
    if ((lo !== undefined || hi !== undefined) && !hasDates) {
      invalid('close_dates: required when from or to is given.');
    }
    return weightedPipeline(opps, table, lo, hi);
  });
}

function accuracyMeasures(actuals: any[][], forecasts: any[][], history?: any[][], seasonality?: any): any[][] {
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

/** The forecast functions, in the order of functions.json. */
export const FORECAST_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'FORECAST',
    description:
      'Forecasts the next periods of a series: ETS, Theta, linear trend, naive or seasonal naive, or (auto) their best combination.',
    parameters: [
      {
        name: 'history',
        description:
          'Past values in time order, one column or one row (blank cells are missing values, filled by interpolation).',
        dimensionality: 'matrix',
      },
      { name: 'horizon', description: 'Number of periods to forecast (1 to 10000).' },
      {
        name: 'seasonality',
        description: 'Season length: omitted or 1 = detect, 0 = none, n ≥ 2 = n periods (12 for monthly data).',
        optional: true,
      },
      {
        name: 'method',
        description: '"auto" (default; also "combination"), "ets", "theta", "damped", "linear", "naive" or "snaive".',
        optional: true,
      },
      {
        name: 'confidence',
        description:
          'Prediction-interval level as a fraction, e.g. 0.95; adds lower and upper columns (omitted or 0: none).',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: forecast,
  },
  {
    name: 'PIPELINE',
    description:
      'Weighted pipeline: the sum of amount × stage probability over opportunities closing within [from, to].',
    parameters: [
      {
        name: 'amounts',
        description:
          'Opportunity amounts, one column; select the same rows for amounts, stages and close_dates, all with their header row or all without.',
        dimensionality: 'matrix',
      },
      {
        name: 'stages',
        description: 'Stage of each opportunity, same rows as amounts (names match ignoring case and spaces).',
        dimensionality: 'matrix',
      },
      {
        name: 'stage_probabilities',
        description: 'Two columns: stage name and win probability as a fraction (0.4 or 40%).',
        dimensionality: 'matrix',
      },
      {
        name: 'close_dates',
        description:
          'Close date of each opportunity (Excel dates), same rows as amounts; needed when from or to is given.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'from',
        description: 'First close date counted (inclusive); omitted or 0 = no lower bound.',
        optional: true,
      },
      {
        name: 'to',
        description: 'Last close date counted (inclusive); omitted or 0 = no upper bound.',
        optional: true,
      },
    ],
    fn: pipeline,
  },
  {
    name: 'ACCURACY',
    description: 'Forecast accuracy: MAE, RMSE, MAPE and sMAPE (fractions), and MASE when the history is given.',
    parameters: [
      { name: 'actuals', description: 'Actual values, one column or row.', dimensionality: 'matrix' },
      {
        name: 'forecasts',
        description: 'Forecasts of the same periods, same length as actuals.',
        dimensionality: 'matrix',
      },
      {
        name: 'history',
        description: 'Values before the forecast period, for the scale of MASE.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'seasonality',
        description: "Season length for MASE's seasonal naive scale (default 1: naive).",
        optional: true,
      },
    ],
    result: 'matrix',
    fn: accuracyMeasures,
  },
];
