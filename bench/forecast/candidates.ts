/**
 * Candidate members for non-seasonal series tried by bench/forecast/select.ts (fourth round, issue 22; the
 * random walk with drift, the one adopted, is `driftForecast` in src/forecast/simple.ts): SES with an optimised
 * drift (ARIMA(0,1,1) with drift), and the optimised Theta method in its static (OTM) and dynamic (DOTM) forms
 * (Fiorucci, Pellegrini, Louzada & Petropoulos 2016, "Models for optimising the theta method and their
 * relationship to state space models", IJF 32). Written from the papers' equations.
 */
import { type IntervalForecast, nelderMead, normalQuantile } from '../../src/forecast';

/** Scale of a series (mean |y|, 1 when 0) so that the optimiser's parameters are of order 1. */
function scaleOf(y: readonly number[]): number {
  const s = y.reduce((a, v) => a + Math.abs(v), 0) / y.length;
  return s > 0 ? s : 1;
}

/**
 * SES with drift (ARIMA(0,1,1) with drift): ℓ_t = ℓ_{t−1} + c + α·e_t, e_t = y_t − ℓ_{t−1} − c; ℓ_0, α ∈ [0.01, 1],
 * c by least squares of the one-step errors (Nelder–Mead). Forecast ℓ_n + k·c; interval σ·√(1 + (k − 1)α²).
 */
export function sesDriftForecast(y: readonly number[], h: number, level: number): IntervalForecast {
  const s = scaleOf(y);
  const x = y.map((v) => v / s);
  const n = x.length;
  const sse = (p: number[]): number => {
    const [l0, a, c] = p;
    if (!(a >= 0.01 && a <= 1)) return Infinity;
    let l = l0;
    let ss = 0;
    for (let t = 0; t < n; t++) {
      const e = x[t] - l - c;
      ss += e * e;
      l = l + c + a * e;
    }
    return ss;
  };
  const c0 = (x[n - 1] - x[0]) / (n - 1);
  const best = nelderMead(sse, [x[0] - c0, 0.5, c0]);
  const [l0, a, c] = best.x;
  let l = l0;
  for (let t = 0; t < n; t++) l = l + c + a * (x[t] - l - c);
  const sigma = Math.sqrt(best.value / Math.max(1, n - 3)) * s;
  const z = normalQuantile(0.5 + level / 2);
  const mean = Array.from({ length: h }, (_, k) => (l + c * (k + 1)) * s);
  const half = mean.map((_, k) => z * sigma * Math.sqrt(1 + k * a * a));
  return { mean, lower: mean.map((f, k) => f - half[k]), upper: mean.map((f, k) => f + half[k]), level };
}

/**
 * The optimised Theta method as a state space model (Fiorucci et al. 2016, eqs. for SSOTM / DOTM):
 *   μ_t = ℓ_{t−1} + (1 − 1/θ)·[(1 − α)^{t−1}·A_{t−1} + ((1 − (1 − α)^t)/α)·B_{t−1}],  ℓ_t = α·y_t + (1 − α)·ℓ_{t−1},
 * forecast ŷ_{n+k} = ℓ_n + (1 − 1/θ)·[(1 − α)^n·A_n + (k − 1 + (1 − (1 − α)^{n+1})/α)·B_n],
 * with A, B the intercept and slope of the least-squares line y ≈ A + B·t (t = 1…): of the whole series (static,
 * OTM) or of y_1…y_t at each t (dynamic, DOTM; A_1 = y_1, B_1 = 0). ℓ_0, α ∈ [0.1, 0.99], θ ≥ 1 minimise the
 * one-step squared errors. θ = 1 is SES; θ = 2 with the static line is the classical Theta method.
 * Interval σ·√(1 + (k − 1)α²) as thetaf.
 */
export function optimisedThetaForecast(
  y: readonly number[],
  h: number,
  level: number,
  dynamic: boolean,
  fixedTheta?: number,
): IntervalForecast & { theta: number; alpha: number } {
  const s = scaleOf(y);
  const x = y.map((v) => v / s);
  const n = x.length;
  // A_t, B_t after t values (index t − 1), dynamic or static.
  const A = new Array<number>(n);
  const B = new Array<number>(n);
  let st = 0;
  let sy = 0;
  let stt = 0;
  let sty = 0;
  for (let t = 1; t <= n; t++) {
    st += t;
    sy += x[t - 1];
    stt += t * t;
    sty += t * x[t - 1];
    const d = t * stt - st * st;
    const b = t > 1 && d > 0 ? (t * sty - st * sy) / d : 0;
    B[t - 1] = b;
    A[t - 1] = (sy - b * st) / t;
  }
  if (!dynamic) {
    A.fill(A[n - 1]);
    B.fill(B[n - 1]);
  }
  const sse = (p: number[]): number => {
    const [l0, a] = p;
    const th = fixedTheta ?? p[2];
    if (!(a >= 0.1 && a <= 0.99) || !(th >= 1 && th <= 50)) return Infinity;
    const w = 1 - 1 / th;
    let l = l0;
    let ss = 0;
    let pw = 1; // (1 − α)^{t−1}
    for (let t = 1; t <= n; t++) {
      // A_{t−1}, B_{t−1}: the line before y_t (for t = 1: y_1's own, as no line exists yet).
      const i = t >= 2 ? t - 2 : 0;
      const mu = l + w * (pw * A[i] + ((1 - pw * (1 - a)) / a) * B[i]);
      const e = x[t - 1] - mu;
      ss += e * e;
      l = a * x[t - 1] + (1 - a) * l;
      pw *= 1 - a;
    }
    return ss;
  };
  const start = fixedTheta === undefined ? [x[0], 0.5, 2] : [x[0], 0.5];
  const best = nelderMead(sse, start);
  const [l0, a] = best.x;
  const th = fixedTheta ?? best.x[2];
  let l = l0;
  for (let t = 0; t < n; t++) l = a * x[t] + (1 - a) * l;
  const w = 1 - 1 / th;
  const pn = Math.pow(1 - a, n);
  const sigma = Math.sqrt(best.value / Math.max(1, n - start.length)) * s;
  const z = normalQuantile(0.5 + level / 2);
  const mean = Array.from(
    { length: h },
    (_, k) => (l + w * (pn * A[n - 1] + (k + (1 - pn * (1 - a)) / a) * B[n - 1])) * s,
  );
  const half = mean.map((_, k) => z * sigma * Math.sqrt(1 + k * a * a));
  return {
    mean,
    lower: mean.map((f, k) => f - half[k]),
    upper: mean.map((f, k) => f + half[k]),
    level,
    theta: th,
    alpha: a,
  };
}
