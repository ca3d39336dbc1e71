/**
 * The forecast custom functions (SALESOPS namespace): one declaration each; the work is done by the entry points
 * of src/forecast/sheet/functions.ts.
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { ResultCache } from './resultCache';
import { accuracyOf, checkForecastSize, forecastOf, pipelineOf } from '../src/forecast/sheet/functions';

/** FORECAST fits a family of models: unchanged arguments return the stored result (an unrelated recalculation). */
export const forecastCache = new ResultCache(16);

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
    fn: (history, horizon, seasonality, method, confidence) =>
      forecastCache.call(
        [history, horizon, seasonality, method, confidence],
        () => forecastOf(history, horizon, seasonality, method, confidence),
        () => checkForecastSize(history),
      ),
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
    fn: (amounts, stages, stage_probabilities, close_dates, from, to) =>
      excelCall(pipelineOf, amounts, stages, stage_probabilities, close_dates, from, to),
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
    fn: (actuals, forecasts, history, seasonality) => excelCall(accuracyOf, actuals, forecasts, history, seasonality),
  },
];
