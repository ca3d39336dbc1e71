/**
 * Benchmark forecasts: naive (last value), seasonal naive (value one season earlier), random walk with drift
 * and the least-squares linear trend (Excel's FORECAST.LINEAR on x = 1…n). Each has normal prediction intervals
 * from its residuals.
 */
import { invalid } from '../shared/errors';
import type { IntervalForecast } from './ets';
import { leastSquaresLine, normalQuantile } from './numeric';

/** Naive: every forecast is the last value; interval variance σ²·h with σ² the mean squared one-step change. */
export function naiveForecast(y: readonly number[], h: number, level?: number): IntervalForecast {
  return seasonalNaiveForecast(y, 1, h, level);
}

/**
 * Seasonal naive: the forecast for period n + k is the value of the same season in the last observed season,
 * y[n − m + ((k − 1) mod m)]. Interval variance σ²·(⌊(k − 1)/m⌋ + 1), σ² the mean squared seasonal difference.
 */
export function seasonalNaiveForecast(y: readonly number[], m: number, h: number, level?: number): IntervalForecast {
  const n = y.length;
  if (m < 1 || n < m) invalid(`seasonality: a season of ${m} periods needs at least ${m} values, got ${n}.`);
  const mean = Array.from({ length: h }, (_, k) => y[n - m + (k % m)]);
  if (level === undefined) return { mean };
  let ss = 0;
  let count = 0;
  for (let t = m; t < n; t++) {
    ss += (y[t] - y[t - m]) ** 2;
    count++;
  }
  const sigma = count > 0 ? Math.sqrt(ss / count) : 0;
  const z = normalQuantile(0.5 + level / 2);
  const half = mean.map((_, k) => z * sigma * Math.sqrt(Math.floor(k / m) + 1));
  return { mean, lower: mean.map((f, k) => f - half[k]), upper: mean.map((f, k) => f + half[k]), level };
}

/**
 * Random walk with drift: the last value plus k times the mean one-step change, c = (y_n − y_1)/(n − 1), for
 * period n + k. Interval variance σ²·k, σ² = Σ(y_t − y_{t−1} − c)²/(n − 2) (0 with fewer than 3 values).
 */
export function driftForecast(y: readonly number[], h: number, level?: number): IntervalForecast {
  const n = y.length;
  if (n < 2) invalid(`history: the random walk with drift needs at least 2 values, got ${n}.`);
  const c = (y[n - 1] - y[0]) / (n - 1);
  const mean = Array.from({ length: h }, (_, k) => y[n - 1] + c * (k + 1));
  if (level === undefined) return { mean };
  let ss = 0;
  for (let t = 1; t < n; t++) ss += (y[t] - y[t - 1] - c) ** 2;
  const sigma = n > 2 ? Math.sqrt(ss / (n - 2)) : 0;
  const z = normalQuantile(0.5 + level / 2);
  const half = mean.map((_, k) => z * sigma * Math.sqrt(k + 1));
  return { mean, lower: mean.map((f, k) => f - half[k]), upper: mean.map((f, k) => f + half[k]), level };
}

/**
 * Linear trend: the least-squares line through (t, y_t), t = 1…n, extended to t = n + k (FORECAST.LINEAR).
 * Intervals are the regression prediction intervals with the normal quantile: s·√(1 + 1/n + (t − t̄)²/Sxx).
 */
export function linearForecast(y: readonly number[], h: number, level?: number): IntervalForecast {
  const n = y.length;
  const t = y.map((_, i) => i + 1);
  const { intercept, slope } = leastSquaresLine(t, y);
  const mean = Array.from({ length: h }, (_, k) => intercept + slope * (n + k + 1));
  if (level === undefined) return { mean };
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * t[i]) ** 2;
  const s = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  const tbar = (n + 1) / 2;
  const sxx = (n * (n * n - 1)) / 12;
  const z = normalQuantile(0.5 + level / 2);
  const half = mean.map((_, k) => z * s * Math.sqrt(1 + 1 / n + (n + k + 1 - tbar) ** 2 / sxx));
  return { mean, lower: mean.map((f, k) => f - half[k]), upper: mean.map((f, k) => f + half[k]), level };
}
