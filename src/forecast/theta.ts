/**
 * The Theta method as R's forecast::thetaf implements it (Hyndman & Billah 2003: simple exponential smoothing
 * with drift equal to half the slope of the least-squares line), with classical multiplicative seasonal
 * adjustment when the 90 % autocorrelation test at lag m says the series is seasonal.
 */
import type { EtsFit, IntervalForecast } from './ets';
import { fitEtsModel, forecastEts } from './ets';
import { leastSquaresLine, normalQuantile } from './numeric';
import { isSeasonal, seasonalFigure } from './series';

/** A seasonal adjustment: the adjusted series and the factors of the next h periods (all 1 when none). */
export interface SeasonalAdjustment {
  adjusted: number[];
  /** Multiplicative factor of each future period 1…h. */
  future: (h: number) => number[];
  seasonal: boolean;
}

/**
 * Classical multiplicative seasonal adjustment when `isSeasonal(y, m)` and all indices are away from zero
 * (R: |index| ≥ 1e-4); otherwise the identity.
 */
export function seasonalAdjustment(y: readonly number[], m: number): SeasonalAdjustment {
  const none: SeasonalAdjustment = { adjusted: [...y], future: (h) => new Array<number>(h).fill(1), seasonal: false };
  if (!isSeasonal(y, m)) return none;
  const fig = seasonalFigure(y, m, 'multiplicative');
  if (fig.some((f) => !(Math.abs(f) >= 1e-4) || !Number.isFinite(f))) return none;
  const n = y.length;
  return {
    adjusted: y.map((v, t) => v / fig[t % m]),
    future: (h) => Array.from({ length: h }, (_, k) => fig[(n + k) % m]),
    seasonal: true,
  };
}

/** The Theta method's parts, for inspection: the SES fit on the adjusted series and the drift per period. */
export interface ThetaModel {
  ses?: EtsFit;
  alpha: number;
  drift: number;
  seasonal: boolean;
}

/**
 * Theta forecasts h periods ahead (season length m; 1 = none) with intervals at `level` (fraction) as R's
 * thetaf: ŷ = SES forecast + b/2·(k − 1 + (1 − (1 − α)ⁿ)/α), intervals ŷ ± z·σ·√(1 + (k − 1)α²), reseasonalised.
 */
export function thetaForecast(
  y: readonly number[],
  m: number,
  h: number,
  level?: number,
): IntervalForecast & { model: ThetaModel } {
  const n = y.length;
  const adj = seasonalAdjustment(y, m);
  const x = adj.adjusted;
  const ses = fitEtsModel(x, 1, { error: 'A', trend: 'N', season: 'N', damped: false });
  const factors = adj.future(h);
  const { slope } = leastSquaresLine(
    x.map((_, i) => i),
    x,
  );
  const drift = slope / 2;
  if (ses === undefined) {
    // Too short for SES (n ≤ 3): the last value plus the drift.
    const mean = factors.map((f, k) => (x[n - 1] + drift * (k + 1)) * f);
    return { mean, model: { alpha: 1, drift, seasonal: adj.seasonal } };
  }
  const alpha = Math.max(1e-10, ses.params.alpha);
  const base = forecastEts(ses, h).mean;
  const shift = (1 - Math.pow(1 - alpha, n)) / alpha;
  const mean = base.map((f, k) => (f + drift * (k + shift)) * factors[k]);
  const model: ThetaModel = { ses, alpha, drift, seasonal: adj.seasonal };
  if (level === undefined) return { mean, model };
  const z = normalQuantile(0.5 + level / 2);
  const sd = Math.sqrt(ses.sigma2);
  // R adds the half-width after reseasonalising the mean (the width itself is not rescaled).
  const half = mean.map((_, k) => z * sd * Math.sqrt(k * alpha * alpha + 1));
  return { mean, lower: mean.map((f, k) => f - half[k]), upper: mean.map((f, k) => f + half[k]), level, model };
}
