/**
 * Forecast accuracy measures. Errors are actual − forecast. Percentages are returned as fractions
 * (0.12 = 12 %): MAPE = mean |e/a|, sMAPE = mean 2|e|/(|a| + |f|) (0 … 2), as the M competitions define it
 * before multiplying by 100. MASE divides the MAE by the in-sample MAE of the seasonal naive forecast.
 */
import { invalid } from '../shared/errors';

/** The measures ACCURACY reports. `mape`/`smape`/`mase` are `undefined` when they cannot be computed. */
export interface AccuracyMeasures {
  mae: number;
  rmse: number;
  /** Mean absolute percentage error (fraction); undefined when an actual is 0. */
  mape?: number;
  /** Symmetric MAPE (fraction, 0 … 2); pairs with actual = forecast = 0 count as 0. */
  smape: number;
  /** Mean absolute scaled error; needs the history and its seasonal-naive MAE > 0. */
  mase?: number;
}

/** Mean absolute error of the seasonal naive method in-sample: mean |y_t − y_{t−m}|, t = m+1 … n. */
export function naiveScale(history: readonly number[], m = 1): number | undefined {
  if (history.length <= m) return undefined;
  let s = 0;
  for (let t = m; t < history.length; t++) s += Math.abs(history[t] - history[t - m]);
  return s / (history.length - m);
}

/** All measures for paired `actuals` and `forecasts` (same length ≥ 1); MASE when `history` is given. */
export function accuracy(
  actuals: readonly number[],
  forecasts: readonly number[],
  history?: readonly number[],
  m = 1,
): AccuracyMeasures {
  const n = actuals.length;
  if (n === 0) invalid('actuals: at least one value is required.');
  if (forecasts.length !== n) invalid(`forecasts: expected ${n} values (as many as actuals), got ${forecasts.length}.`);
  let abs = 0;
  let sq = 0;
  let pct = 0;
  let sym = 0;
  let pctOk = true;
  for (let i = 0; i < n; i++) {
    const e = actuals[i] - forecasts[i];
    abs += Math.abs(e);
    sq += e * e;
    if (actuals[i] === 0) pctOk = false;
    else pct += Math.abs(e / actuals[i]);
    const d = Math.abs(actuals[i]) + Math.abs(forecasts[i]);
    sym += d === 0 ? 0 : (2 * Math.abs(e)) / d;
  }
  const out: AccuracyMeasures = { mae: abs / n, rmse: Math.sqrt(sq / n), smape: sym / n };
  if (pctOk) out.mape = pct / n;
  if (history) {
    const scale = naiveScale(history, m);
    if (scale !== undefined && scale > 0) out.mase = abs / n / scale;
  }
  return out;
}

/** The share of actuals inside [lower, upper] (inclusive), as a fraction. */
export function intervalCoverage(
  actuals: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  const n = actuals.length;
  if (n === 0) invalid('actuals: at least one value is required.');
  if (lower.length !== n || upper.length !== n) invalid(`lower/upper: expected ${n} values each.`);
  let inside = 0;
  for (let i = 0; i < n; i++) if (actuals[i] >= lower[i] && actuals[i] <= upper[i]) inside++;
  return inside / n;
}
