/**
 * Time-series preparation: limits, missing values, classical decomposition, the seasonality test of R's
 * thetaf, and detection of the season length when it is not given (as Excel's FORECAST.ETS does).
 */
import { invalid } from '../shared/errors';
import { LIMITS, checkSize, formatCount } from '../shared/limits';
import { leastSquares } from './numeric';

/** The longest history accepted (src/shared/limits.ts); models are fitted to the most recent part of it. */
export const MAX_HISTORY = LIMITS.forecastHistory;
/** The longest forecast horizon accepted, in periods. */
export const MAX_HORIZON = LIMITS.forecastHorizon;
/** The longest season length accepted (ETS seasonal models go to 24, as in R; longer seasons use the others). */
export const MAX_SEASON = LIMITS.forecastSeason;

/** Checks the length of a history against MAX_HISTORY (#NUM! past it, naming the way round). */
export function checkHistoryLength(count: number, arg = 'history'): void {
  checkSize(
    arg,
    count,
    MAX_HISTORY,
    'values',
    `Give the most recent ${formatCount(MAX_HISTORY)} values or fewer (the models are fitted to the most recent ${formatCount(LIMITS.forecastWindow)} anyway).`,
  );
}

/** The last `count` values of `y` (all of them when it is shorter): the part of a long history models are fitted to. */
export function recent(y: readonly number[], count: number): readonly number[] {
  return y.length > count ? y.slice(y.length - count) : y;
}

/**
 * Fills missing values (`null`) by linear interpolation between the nearest known neighbours; leading and
 * trailing gaps take the nearest known value. At least two known values are required (`arg` names the input).
 */
export function fillMissing(values: readonly (number | null)[], arg = 'history'): number[] {
  checkHistoryLength(values.length, arg);
  const known: number[] = [];
  values.forEach((v, i) => {
    if (v !== null) {
      if (!Number.isFinite(v)) invalid(`${arg}: item ${i + 1} is not a finite number.`);
      known.push(i);
    }
  });
  if (known.length < 2) invalid(`${arg}: at least two numbers are required, got ${known.length}.`);
  const out = new Array<number>(values.length);
  for (let i = 0; i < known[0]; i++) out[i] = values[known[0]] as number;
  for (let k = 0; k < known.length; k++) {
    const i = known[k];
    out[i] = values[i] as number;
    if (k + 1 < known.length) {
      const j = known[k + 1];
      const a = values[i] as number;
      const b = values[j] as number;
      for (let t = i + 1; t < j; t++) out[t] = a + ((b - a) * (t - i)) / (j - i);
    }
  }
  const last = known[known.length - 1];
  for (let i = last + 1; i < values.length; i++) out[i] = values[last] as number;
  return out;
}

/** The centred moving average of classical decomposition (2×m MA for even m); `NaN` where it is undefined. */
export function centredMovingAverage(y: readonly number[], m: number): number[] {
  const n = y.length;
  const out = new Array<number>(n).fill(NaN);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 0) {
      s = 0.5 * y[t - half] + 0.5 * y[t + half];
      for (let k = -half + 1; k < half; k++) s += y[t + k];
    } else {
      for (let k = -half; k <= half; k++) s += y[t + k];
    }
    out[t] = s / m;
  }
  return out;
}

/**
 * The seasonal indices of classical decomposition (R's `decompose`): `figure[k]` for the season position k
 * (0 = the position of the first observation), normalised to mean 1 (multiplicative) or mean 0 (additive).
 * Requires at least two full seasons.
 */
export function seasonalFigure(y: readonly number[], m: number, type: 'additive' | 'multiplicative'): number[] {
  const trend = centredMovingAverage(y, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < y.length; t++) {
    if (Number.isNaN(trend[t])) continue;
    const v = type === 'additive' ? y[t] - trend[t] : y[t] / trend[t];
    sums[t % m] += v;
    counts[t % m]++;
  }
  const fig = sums.map((s, k) => s / counts[k]);
  const avg = fig.reduce((a, b) => a + b, 0) / m;
  return fig.map((f) => (type === 'additive' ? f - avg : f / avg));
}

/** The autocorrelations r[1..maxLag] of `y` (R's `acf`: sums over n, not n − k). Index 0 of the result is lag 1. */
export function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  let mu = 0;
  for (const v of y) mu += v;
  mu /= n;
  let c0 = 0;
  for (const v of y) c0 += (v - mu) * (v - mu);
  // Centred once (the same differences as computed in the loop before, so the sums are bit-identical).
  const d = new Float64Array(n);
  for (let t = 0; t < n; t++) d[t] = y[t] - mu;
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += d[t] * d[t - k];
    out.push(c0 > 0 ? c / c0 : 0);
  }
  return out;
}

/** True when all values are equal (to 1e-8 relative, as R's `is.constant` via `all.equal`). */
export function isConstant(y: readonly number[]): boolean {
  const scale = Math.abs(y[0]) || 1;
  return y.every((v) => Math.abs(v - y[0]) <= 1.5e-8 * scale);
}

/**
 * The seasonality test of R's `thetaf` (90 % one-sided): the lag-m autocorrelation exceeds 1.645 times its
 * standard error √((1 + 2 Σ_{k<m} r_k²) / n). Needs m > 1, a non-constant series and n > 2m.
 */
export function isSeasonal(y: readonly number[], m: number): boolean {
  const n = y.length;
  if (m <= 1 || n <= 2 * m || isConstant(y)) return false;
  const r = autocorrelations(y, m);
  let s = 0;
  for (let k = 0; k < m - 1; k++) s += r[k] * r[k];
  const stat = Math.sqrt((1 + 2 * s) / n);
  return Math.abs(r[m - 1]) / stat > 1.6448536269514722;
}

/**
 * Detects the season length of `y` when it is not given (as FORECAST.ETS's seasonality = 1): the series is
 * detrended by a least-squares line, and among lags 2 … n/2 the one whose autocorrelation is a local peak and
 * the highest above the 95 % white-noise band 1.96/√n is the period. Returns 1 (no seasonality) when none is.
 */
export function detectSeasonLength(y: readonly number[]): number {
  const n = y.length;
  if (n < 6 || isConstant(y)) return 1;
  const maxLag = Math.min(Math.floor(n / 2), MAX_SEASON);
  const coef = leastSquares(
    y.map((_, t) => [1, t]),
    y,
  );
  const resid = y.map((v, t) => v - coef[0] - coef[1] * t);
  const r = autocorrelations(resid, maxLag + 1);
  const band = 1.96 / Math.sqrt(n);
  let best = 1;
  let bestR = band;
  for (let k = 2; k <= maxLag; k++) {
    const rk = r[k - 1];
    const prev = r[k - 2];
    const next = k < r.length ? r[k] : -Infinity;
    if (rk > prev && rk >= next && rk > bestR) {
      best = k;
      bestR = rk;
    }
  }
  return best;
}
