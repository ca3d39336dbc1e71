/**
 * One entry point for statistical forecasts: validates the inputs, fills missing values, resolves the season
 * length (given, none, or detected) and runs the chosen method. `auto` is the combination: for seasonal data
 * the mean of ETS (additive errors, or multiplicative error with a multiplicative season), Theta and the
 * seasonal naive forecast, with the envelope of their intervals; with seasonality 0 (no season by nature), the
 * random walk with drift inside the envelope of the ETS, Theta and drift intervals. It was chosen on a holdout
 * of the training parts of M1 and Tourism and confirmed on their test parts (bench/RESULTS.md,
 * bench/forecast/select.ts).
 */
import { invalid, isModelInputError } from '../shared/errors';
import {
  type EtsFit,
  type IntervalForecast,
  MAX_ETS_SEASON,
  candidateModels,
  forecastEts,
  fitEtsModel,
  selectEts,
} from './ets';
import { LIMITS } from '../shared/limits';
import { MAX_HORIZON, MAX_SEASON, detectSeasonLength, fillMissing, recent } from './series';
import { driftForecast, linearForecast, naiveForecast, seasonalNaiveForecast } from './simple';
import { seasonalAdjustment, thetaForecast } from './theta';

/** The forecasting methods. */
export const FORECAST_METHODS = ['auto', 'ets', 'theta', 'damped', 'combination', 'linear', 'naive', 'snaive'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Options of `forecastSeries`. */
export interface ForecastOptions {
  /** Season length as in FORECAST.ETS: 1 or omitted = detect, 0 = none, n ≥ 2 = n periods per season. */
  seasonality?: number;
  /** Default `auto`. */
  method?: ForecastMethod;
  /** Prediction-interval level as a fraction in (0, 1), e.g. 0.95; no interval when omitted. */
  level?: number;
}

/** A forecast: point forecasts and, when a level was asked for, the interval bounds. */
export interface ForecastResult extends IntervalForecast {
  /** The method that produced it (`auto` resolves to `combination`; too-short series fall back to `naive`). */
  method: ForecastMethod;
  /** Season length used (1 = none). */
  seasonLength: number;
  /** A description of the fitted model, e.g. "ETS(M,Ad,N)". */
  model: string;
}

/**
 * Damped trend: ETS(A,Ad,N) on the seasonally adjusted series (classical multiplicative, when seasonal),
 * reseasonalised. The ETS model is fitted to the most recent `LIMITS.etsWindow` adjusted values.
 */
export function dampedForecast(
  y: readonly number[],
  m: number,
  h: number,
  level?: number,
): IntervalForecast | undefined {
  const adj = seasonalAdjustment(y, m);
  const fit = fitEtsModel(recent(adj.adjusted, LIMITS.etsWindow), 1, {
    error: 'A',
    trend: 'A',
    season: 'N',
    damped: true,
  });
  if (fit === undefined) return undefined;
  const f = forecastEts(fit, h, level);
  const k = adj.future(h);
  const scale = (v: number[] | undefined) => v?.map((x, i) => x * k[i]);
  return { mean: scale(f.mean) as number[], lower: scale(f.lower), upper: scale(f.upper), level: f.level };
}

/**
 * Combines forecasts: the point forecast is the mean of the members'; the interval is their envelope (the
 * lowest lower bound and the highest upper bound), which accounts for the disagreement between the models —
 * the mean of the bounds covers too little on the benchmark (88–91 % for a nominal 95 %).
 */
export function combineForecasts(parts: readonly IntervalForecast[], level?: number): IntervalForecast {
  const h = parts[0].mean.length;
  const mean = Array.from({ length: h }, (_, i) => parts.reduce((s, p) => s + p.mean[i], 0) / parts.length);
  if (level === undefined || parts.some((p) => p.lower === undefined || p.upper === undefined)) return { mean };
  const lower = Array.from({ length: h }, (_, i) => Math.min(...parts.map((p) => (p.lower as number[])[i])));
  const upper = Array.from({ length: h }, (_, i) => Math.max(...parts.map((p) => (p.upper as number[])[i])));
  return { mean, lower, upper, level };
}

/**
 * The ETS member of `auto`: the lowest-AICc model of R's family less the models with a multiplicative error
 * and no multiplicative season (their point forecasts are those of the additive-error twin; leaving them out
 * was more accurate on the holdout and fits 6 of 15 models fewer). With three seasons or more the initial
 * seasonal states stay at the decomposition's values (a faster fit); with fewer they come from a trend line
 * and one sine/cosine pair only, so the optimiser repairs them. `undefined` when no model can be fitted.
 */
export function autoEts(y: readonly number[], m: number): EtsFit | undefined {
  const models = candidateModels(y, m).filter((spec) => spec.error === 'A' || spec.season === 'M');
  const fixSeasonalStates = y.length >= FIX_SEASONS_FROM * m;
  return tryOrUndefined(() => selectEts(y, m, { models, fixSeasonalStates }));
}
/**
 * Seasons of history from which `auto` keeps the initial seasonal states fixed: below 3, `initialStates` fits
 * them by regression on a trend and one harmonic (as R), and fixing them was worse on a simulation of short
 * monthly series (26 values: sMAPE 27.9 fixed vs 20.8 free; equal from 36 on).
 */
export const FIX_SEASONS_FROM = 3;

/** The value of `compute`, or `undefined` when it reports bad input (a model that cannot be fitted). */
function tryOrUndefined<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (e) {
    if (isModelInputError(e)) return undefined;
    throw e;
  }
}

/** Checks the horizon (whole number 1 … 10,000) and level (fraction in (0, 1)). */
export function checkForecastArgs(horizon: number, level: number | undefined): void {
  if (!Number.isInteger(horizon) || horizon < 1)
    invalid(`horizon: expected a whole number of periods ≥ 1, got ${horizon}.`);
  if (horizon > MAX_HORIZON) invalid(`horizon: at most ${MAX_HORIZON} periods, got ${horizon}.`);
  if (level !== undefined && !(level > 0 && level < 1)) {
    invalid(`confidence: expected a fraction between 0 and 1 (e.g. 0.95), got ${level}.`);
  }
}

/** Resolves FORECAST.ETS's seasonality argument to a season length (1 = none). */
export function resolveSeasonLength(y: readonly number[], seasonality: number | undefined): number {
  if (seasonality === undefined || seasonality === 1) return detectSeasonLength(y);
  if (!Number.isInteger(seasonality) || seasonality < 0) {
    invalid(`seasonality: expected 0 (none), 1 (detect) or a whole number of periods ≥ 2, got ${seasonality}.`);
  }
  if (seasonality > MAX_SEASON) invalid(`seasonality: at most ${MAX_SEASON} periods, got ${seasonality}.`);
  return seasonality === 0 ? 1 : seasonality;
}

/**
 * Forecasts `horizon` periods after `history` (values in time order; `null` = missing, filled by linear
 * interpolation; leading and trailing blanks are dropped, so the forecast starts after the last value). Models
 * are fitted to the most recent `LIMITS.forecastWindow` values, ETS models to the most recent `LIMITS.etsWindow`.
 * Units: forecasts are in the units of the history, one per period.
 */
export function forecastSeries(
  history: readonly (number | null)[],
  horizon: number,
  options: ForecastOptions = {},
): ForecastResult {
  const level = options.level;
  checkForecastArgs(horizon, level);
  let first = 0;
  let last = history.length;
  while (first < last && history[first] === null) first++;
  while (last > first && history[last - 1] === null) last--;
  // Every model is fitted to the most recent part of a long history (the forecast starts after its last value);
  // ETS models to a shorter part still (each fit evaluates the likelihood over the series up to 2,000 times).
  const y = recent(fillMissing(history.slice(first, last)), LIMITS.forecastWindow);
  const yEts = recent(y, LIMITS.etsWindow);
  const m = resolveSeasonLength(y, options.seasonality);
  const method = options.method ?? 'auto';
  const h = horizon;
  const done = (f: IntervalForecast, used: ForecastMethod, model: string): ForecastResult => ({
    ...f,
    method: used,
    seasonLength: m,
    model,
  });
  switch (method) {
    case 'naive':
      return done(naiveForecast(y, h, level), 'naive', 'naive');
    case 'snaive':
      if (y.length < m)
        invalid(`seasonality: a season of ${m} periods needs at least ${m} values in history, got ${y.length}.`);
      return done(seasonalNaiveForecast(y, m, h, level), 'snaive', `seasonal naive (m = ${m})`);
    case 'linear':
      return done(linearForecast(y, h, level), 'linear', 'linear trend');
    default:
      break;
  }
  if (y.length < 4) return done(naiveForecast(y, h, level), 'naive', 'naive (fewer than 4 values)');
  switch (method) {
    case 'ets': {
      if (m > MAX_ETS_SEASON) {
        invalid(
          `seasonality: "ets" fits seasons of up to ${MAX_ETS_SEASON} periods (as R), not ${m}; use method "auto" (it adds seasonal naive), "theta" or "snaive", or seasonality 0 for ETS without a season.`,
        );
      }
      const fit = selectEts(yEts, m);
      return done(forecastEts(fit, h, level), 'ets', fit.name);
    }
    case 'theta':
      return done(thetaForecast(y, m, h, level), 'theta', 'Theta');
    case 'damped': {
      const f = dampedForecast(y, m, h, level);
      return f ? done(f, 'damped', 'damped trend') : done(naiveForecast(y, h, level), 'naive', 'naive');
    }
    default: {
      // Every member that can be fitted takes part (ETS may have no admissible model on a tiny series).
      const fit = autoEts(yEts, m);
      const parts: IntervalForecast[] = [thetaForecast(y, m, h, level)];
      if (fit) parts.unshift(forecastEts(fit, h, level));
      // Seasonal naive needs more than one season: with exactly m values it is the history itself, with an
      // interval of zero width, and its forecasts ignore any trend (1 … 12 with m = 12 gives 1 … 12 again).
      const seasonal = m > 1 && y.length > m;
      if (seasonal) parts.push(seasonalNaiveForecast(y, m, h, level));
      const names = [...(fit ? [fit.name] : []), 'Theta', ...(seasonal ? ['seasonal naive'] : [])];
      if (options.seasonality === 0) {
        // Declared without a season (yearly data, R's frequency 1): the random walk with drift's point forecasts
        // inside the envelope of all three intervals. When detection merely finds no season (often noisy monthly
        // data) the mean of ETS and Theta stays: the drift was worse there on the holdout (bench/RESULTS.md).
        const drift = driftForecast(y, h, level);
        const envelope = combineForecasts([...parts, drift], level);
        const model = `random walk with drift, interval the envelope of ${names.join(', ')}, drift`;
        return done({ ...envelope, mean: drift.mean }, 'combination', model);
      }
      return done(combineForecasts(parts, level), 'combination', `mean of ${names.join(', ')}`);
    }
  }
}
