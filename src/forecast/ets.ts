/**
 * Exponential smoothing in innovations state-space form (Hyndman, Koehler, Ord & Snyder 2008), the approach of
 * R's forecast::ets, ported so that the same series gives the same model:
 * - the recursions of forecast's etscalc.c (states l, b, s₁…s_m; the update equations are the same for additive
 *   and multiplicative errors, only the likelihood differs);
 * - −2 log-likelihood (up to a constant) n·log(Σe²) [+ 2·Σ log|ŷ| for multiplicative errors];
 * - initial states from a classical decomposition and a line on the first ≥10 points (R's `initstate`), then
 *   optimised jointly with the smoothing parameters by Nelder–Mead inside the usual ∩ admissible region;
 * - model choice by AICc over the restricted family (no additive error with multiplicative season, no
 *   multiplicative trend, no multiplicative error or season on non-positive data);
 * - prediction intervals: analytic for R's classes 1–3, otherwise by simulation with a seeded generator.
 * Smoothing parameters are fractions in [0, 1]; β is R's β (β* = β/α in the level-growth form).
 */
import { invalid } from '../shared/errors';
import { nelderMead } from './optimize';
import { SeededRandom, leastSquares, leastSquaresLine, normalQuantile, sortedQuantile } from './numeric';
import { isConstant, seasonalFigure } from './series';

export type EtsErrorType = 'A' | 'M';
export type EtsTrendType = 'N' | 'A' | 'M';
export type EtsSeasonType = 'N' | 'A' | 'M';

/** One member of the ETS family: ETS(error, trend[d], season). */
export interface EtsSpec {
  error: EtsErrorType;
  trend: EtsTrendType;
  season: EtsSeasonType;
  damped: boolean;
}

/** Smoothing parameters (fractions); `beta`, `gamma`, `phi` are absent when the model has no such component. */
export interface EtsParameters {
  alpha: number;
  beta?: number;
  gamma?: number;
  phi?: number;
}

/** A fitted ETS model. States are ordered [l, b?, s₁ … s_m] with s_m the season of the next period. */
export interface EtsFit {
  spec: EtsSpec;
  /** The name R prints, e.g. "ETS(M,Ad,N)". */
  name: string;
  /** Season length used by the model (1 when it has no season). */
  m: number;
  params: EtsParameters;
  initialState: number[];
  finalState: number[];
  /** Log-likelihood as R reports it: −½·(n·log Σe² [+ 2 Σ log|ŷ|]). */
  logLik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Residual variance Σe²/(n − number of parameters); relative errors for multiplicative-error models. */
  sigma2: number;
  /** One-step residuals (relative for multiplicative errors) and fitted values. */
  residuals: number[];
  fitted: number[];
}

/** Point forecasts with optional interval bounds at `level` (a fraction, e.g. 0.95). */
export interface IntervalForecast {
  mean: number[];
  lower?: number[];
  upper?: number[];
  level?: number;
}

const TOL = 1.0e-10;
const HUGEN = 1.0e10;
const LOWER = [1e-4, 1e-4, 1e-4, 0.8];
const UPPER = [0.9999, 0.9999, 0.9999, 0.98];
/** R ets handles seasons up to 24 periods. */
export const MAX_ETS_SEASON = 24;

/** The R-style name of a model, e.g. ETS(A,Ad,N). */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend}${spec.damped ? 'd' : ''},${spec.season})`;
}

/** One-step-ahead forecast from a state (NaN when a multiplicative trend's growth is negative). */
function oneStep(
  l: number,
  b: number,
  s: Float64Array,
  m: number,
  trend: EtsTrendType,
  season: EtsSeasonType,
  phi: number,
): number {
  let f: number;
  if (trend === 'N') f = l;
  else if (trend === 'A') f = l + phi * b;
  else if (b < 0) return NaN;
  else f = l * Math.pow(b, phi);
  if (season === 'A') f += s[m - 1];
  else if (season === 'M') f *= s[m - 1];
  return f;
}

/** The state update of etscalc.c after observing y (in place on l/b/s, returned as [l, b]). */
function update(
  l0: number,
  b0: number,
  s: Float64Array,
  m: number,
  trend: EtsTrendType,
  season: EtsSeasonType,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  y: number,
): [number, number] {
  let q: number;
  let phib: number;
  if (trend === 'N') {
    q = l0;
    phib = 0;
  } else if (trend === 'A') {
    phib = phi * b0;
    q = l0 + phib;
  } else if (Math.abs(phi - 1) < TOL) {
    phib = b0;
    q = l0 * b0;
  } else {
    phib = Math.pow(b0, phi);
    q = l0 * phib;
  }
  const sOld = season === 'N' ? 0 : s[m - 1];
  let p: number;
  if (season === 'N') p = y;
  else if (season === 'A') p = y - sOld;
  else p = Math.abs(sOld) < TOL ? HUGEN : y / sOld;
  const l = q + alpha * (p - q);
  let b = b0;
  if (trend !== 'N') {
    let r: number;
    if (trend === 'A') r = l - l0;
    else r = Math.abs(l0) < TOL ? HUGEN : l / l0;
    b = phib + (beta / alpha) * (r - phib);
  }
  if (season !== 'N') {
    let t: number;
    if (season === 'A') t = y - q;
    else t = Math.abs(q) < TOL ? HUGEN : y / q;
    for (let j = m - 1; j > 0; j--) s[j] = s[j - 1];
    s[0] = sOld + gamma * (t - sOld);
  }
  return [l, b];
}

interface FilterResult {
  /** −2 log-likelihood up to a constant; NaN when the recursion broke down. */
  lik: number;
  e: Float64Array;
  fitted: Float64Array;
  finalState: number[];
}

/**
 * Runs the ETS recursions over y from `state` (full state [l, b?, s₁…s_m]) with given parameters; returns the
 * residuals, fitted values, final state and R's likelihood criterion. `beta`/`gamma` are ignored without trend
 * or season; `phi` is 1 for undamped trends.
 */
export function etsFilter(
  y: readonly number[],
  spec: EtsSpec,
  m: number,
  state: readonly number[],
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
): FilterResult {
  const n = y.length;
  const mm = spec.season === 'N' ? 1 : m;
  let l = state[0];
  let b = spec.trend !== 'N' ? state[1] : 0;
  const s = new Float64Array(mm);
  if (spec.season !== 'N') for (let j = 0; j < mm; j++) s[j] = state[(spec.trend !== 'N' ? 2 : 1) + j];
  const e = new Float64Array(n);
  const fitted = new Float64Array(n);
  let sse = 0;
  let logf = 0;
  for (let i = 0; i < n; i++) {
    const f = oneStep(l, b, s, mm, spec.trend, spec.season, phi);
    if (Number.isNaN(f)) return { lik: NaN, e, fitted, finalState: [] };
    fitted[i] = f;
    if (spec.error === 'A') e[i] = y[i] - f;
    else e[i] = (y[i] - f) / (Math.abs(f) < TOL ? f + TOL : f);
    [l, b] = update(l, b, s, mm, spec.trend, spec.season, alpha, beta, gamma, phi, y[i]);
    sse += e[i] * e[i];
    logf += Math.log(Math.abs(f));
  }
  let lik = n * Math.log(sse);
  if (spec.error === 'M') lik += 2 * logf;
  const finalState = [l];
  if (spec.trend !== 'N') finalState.push(b);
  if (spec.season !== 'N') finalState.push(...s);
  return { lik, e, fitted, finalState };
}

/**
 * The likelihood criterion alone (as `etsFilter(...).lik`), without allocations: the seasonal states live in
 * the ring buffer `ring` (length ≥ m). `state` holds [l, b?, s₁ … s_{m−1}] from `offset`; `lastSeason` is s_m.
 * Used inside the optimiser, where it runs thousands of times per model.
 */
function etsLikelihood(
  y: Float64Array,
  spec: EtsSpec,
  m: number,
  state: readonly number[],
  offset: number,
  lastSeason: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  ring: Float64Array,
): number {
  const n = y.length;
  const trend = spec.trend === 'N' ? 0 : spec.trend === 'A' ? 1 : 2;
  const season = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const multErr = spec.error === 'M';
  let l = state[offset];
  let b = trend !== 0 ? state[offset + 1] : 0;
  const so = offset + (trend !== 0 ? 2 : 1);
  // ring[(pos − 1 − j) mod m] = s_{j+1}: the oldest (next season) is at pos.
  let pos = 0;
  if (season !== 0) {
    for (let j = 0; j < m - 1; j++) ring[m - 1 - j] = state[so + j];
    ring[0] = lastSeason;
  }
  const dampedPow = Math.abs(phi - 1) >= TOL;
  const ba = beta / alpha;
  let sse = 0;
  // Σ log|f| as the log of a running product, renormalised before it leaves the double range.
  let logf = 0;
  let prod = 1;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    let q: number;
    let phib = 0;
    if (trend === 0) q = l;
    else if (trend === 1) {
      phib = phi * b;
      q = l + phib;
    } else {
      if (b < 0) return NaN;
      phib = dampedPow ? Math.pow(b, phi) : b;
      q = l * phib;
    }
    let sOld = 0;
    let f = q;
    let p = yi;
    if (season === 1) {
      sOld = ring[pos];
      f = q + sOld;
      p = yi - sOld;
    } else if (season === 2) {
      sOld = ring[pos];
      f = q * sOld;
      p = Math.abs(sOld) < TOL ? HUGEN : yi / sOld;
    }
    let e: number;
    if (multErr) {
      e = (yi - f) / (Math.abs(f) < TOL ? f + TOL : f);
      prod *= Math.abs(f);
      if (prod > 1e250 || prod < 1e-250) {
        logf += Math.log(prod);
        prod = 1;
      }
    } else e = yi - f;
    sse += e * e;
    const lNew = q + alpha * (p - q);
    if (trend === 1) b = phib + ba * (lNew - l - phib);
    else if (trend === 2) b = phib + ba * ((Math.abs(l) < TOL ? HUGEN : lNew / l) - phib);
    if (season !== 0) {
      const t = season === 1 ? yi - q : Math.abs(q) < TOL ? HUGEN : yi / q;
      ring[pos] = sOld + gamma * (t - sOld);
      pos = pos + 1 === m ? 0 : pos + 1;
    }
    l = lNew;
  }
  let lik = n * Math.log(sse);
  if (multErr) lik += 2 * (logf + Math.log(prod));
  return lik;
}

// Work buffers of the Schur–Cohn test (it runs inside the optimiser; no allocation per call).
let scratchA = new Float64Array(32);
let scratchB = new Float64Array(32);

/**
 * True when all roots of the polynomial Σ c_k z^k (increasing order, c_last ≠ 0) have modulus ≤ 1 + 1e-10
 * (the Schur–Cohn test on p((1 + 1e-10)·z); R's `admissible` computes the roots with polyroot).
 */
export function rootsWithinUnitCircle(coefficients: readonly number[]): boolean {
  const len = coefficients.length;
  if (scratchA.length < len) {
    scratchA = new Float64Array(2 * len);
    scratchB = new Float64Array(2 * len);
  }
  let a = scratchA;
  let next = scratchB;
  let scale = 1;
  for (let k = 0; k < len; k++) {
    a[k] = coefficients[k] * scale;
    scale *= 1 + 1e-10;
  }
  for (let d = len - 1; d >= 1; d--) {
    const a0 = a[0];
    const ad = a[d];
    if (!(Math.abs(a0) < Math.abs(ad))) return false;
    for (let k = 0; k < d; k++) next[k] = ad * a[k + 1] - a0 * a[d - 1 - k];
    // Rescale to keep the magnitudes near 1.
    const norm = Math.abs(next[d - 1]) || 1;
    for (let k = 0; k < d; k++) next[k] /= norm;
    const t = a;
    a = next;
    next = t;
  }
  return true;
}

/** R's `admissible`: the forecastability region of the parameters (Hyndman et al. 2008, ch. 10). */
export function admissible(
  alpha: number,
  beta: number | undefined,
  gamma: number | undefined,
  phi: number | undefined,
  m: number,
): boolean {
  const ph = phi ?? 1;
  if (ph < 0 || ph > 1 + 1e-8) return false;
  if (gamma === undefined) {
    if (alpha < 1 - 1 / ph || alpha > 1 + 1 / ph) return false;
    if (beta !== undefined && (beta < alpha * (ph - 1) || beta > (1 + ph) * (2 - alpha))) return false;
  } else if (m > 1) {
    const be = beta ?? 0;
    if (gamma < Math.max(1 - 1 / ph - alpha, 0) || gamma > 1 + 1 / ph - alpha) return false;
    if (alpha < 1 - 1 / ph - (gamma * (1 - m + ph + ph * m)) / (2 * ph * m)) return false;
    if (be < -(1 - ph) * (gamma / m + alpha)) return false;
    const P = [ph * (1 - alpha - gamma), alpha + be - alpha * ph + gamma - 1];
    for (let k = 0; k < m - 2; k++) P.push(alpha + be - alpha * ph);
    P.push(alpha + be - ph, 1);
    if (!rootsWithinUnitCircle(P)) return false;
  }
  return true;
}

/** R's `check.param` with bounds = "both": the usual bounds and admissibility. */
function checkParams(
  alpha: number,
  beta: number | undefined,
  gamma: number | undefined,
  phi: number | undefined,
  lower: readonly number[],
  upper: readonly number[],
  m: number,
): boolean {
  if (alpha < lower[0] || alpha > upper[0]) return false;
  if (beta !== undefined && (beta < lower[1] || beta > alpha || beta > upper[1])) return false;
  if (phi !== undefined && (phi < lower[3] || phi > upper[3])) return false;
  if (gamma !== undefined && (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])) return false;
  return admissible(alpha, beta, gamma, phi, m);
}

/** R's `initstate`: [l, b?, s₀ … s_{m−2}] (the last seasonal state is implied by normalisation). */
export function initialStates(y: readonly number[], m: number, trend: EtsTrendType, season: EtsSeasonType): number[] {
  const n = y.length;
  let ySa: number[] = [...y];
  let initSeas: number[] = [];
  let mm = 1;
  if (season !== 'N') {
    mm = m;
    if (n < 4) invalid('history: too few values for a seasonal model.');
    let seasonal: number[];
    if (n < 3 * m) {
      // R: tslm(y ~ trend + fourier(y, 1)); the "seasonal" part is y net of (or divided by) the trend line.
      const design = y.map((_, i) => {
        const t = i + 1;
        const row = [1, t];
        if (m > 2) row.push(Math.sin((2 * Math.PI * t) / m));
        row.push(Math.cos((2 * Math.PI * t) / m));
        return row;
      });
      const c = leastSquares(design, y);
      seasonal = y.map((v, i) => (season === 'A' ? v - c[0] - c[1] * (i + 1) : v / (c[0] + c[1] * (i + 1))));
    } else {
      const fig = seasonalFigure(y, m, season === 'A' ? 'additive' : 'multiplicative');
      seasonal = y.map((_, i) => fig[i % m]);
    }
    initSeas = seasonal.slice(1, m).reverse();
    if (season === 'A') ySa = y.map((v, i) => v - seasonal[i]);
    else {
      initSeas = initSeas.map((v) => Math.max(v, 0.01));
      const sum = initSeas.reduce((a, b) => a + b, 0);
      if (sum > m) {
        const denom = initSeas.reduce((a, b) => a + b + 0.01, 0);
        initSeas = initSeas.map((v) => v / denom);
      }
      ySa = y.map((v, i) => v / Math.max(seasonal[i], 0.01));
    }
  }
  const maxn = Math.min(Math.max(10, 2 * mm), ySa.length);
  const head = ySa.slice(0, maxn);
  if (trend === 'N') return [head.reduce((a, b) => a + b, 0) / maxn, ...initSeas];
  const { intercept, slope } = leastSquaresLine(
    head.map((_, i) => i + 1),
    head,
  );
  let l0: number;
  let b0: number;
  if (trend === 'A') {
    l0 = intercept;
    b0 = slope;
    if (Math.abs(l0 + b0) < 1e-8) {
      l0 *= 1 + 0.001;
      b0 *= 1 - 0.001;
    }
  } else {
    l0 = intercept + slope;
    if (Math.abs(l0) < 1e-8) l0 = 1e-7;
    b0 = (intercept + 2 * slope) / l0;
    l0 = l0 / b0;
    if (Math.abs(b0) > 1e10) b0 = Math.sign(b0) * 1e10;
    if (l0 < 1e-8 || b0 < 1e-8) {
      l0 = Math.max(ySa[0], 0.001);
      b0 = Math.max(ySa[1] / ySa[0], 0.001);
    }
  }
  return [l0, b0, ...initSeas];
}

/** Options of a single ETS fit: fixed smoothing parameters (estimated when absent). */
export interface EtsFitOptions {
  alpha?: number;
  beta?: number;
  gamma?: number;
  phi?: number;
  /** Maximum likelihood evaluations (R: 2000). */
  maxEvaluations?: number;
}

/**
 * Fits one ETS model to y (season length m) by maximum likelihood, as R's `etsmodel`. Returns `undefined`
 * when the model has as many parameters as observations less one (R gives it an infinite AICc).
 */
export function fitEtsModel(
  y: readonly number[],
  m: number,
  spec: EtsSpec,
  options: EtsFitOptions = {},
): EtsFit | undefined {
  const n = y.length;
  const mm = spec.season !== 'N' ? m : 1;
  const lower = [...LOWER];
  const upper = [...UPPER];
  const fixed = options;
  if (fixed.alpha !== undefined) {
    upper[1] = Math.min(fixed.alpha, upper[1]);
    upper[2] = Math.min(1 - fixed.alpha, upper[2]);
  }
  if (fixed.beta !== undefined) lower[0] = Math.max(fixed.beta, lower[0]);
  if (fixed.gamma !== undefined) upper[0] = Math.min(1 - fixed.gamma, upper[0]);
  // R's initparam.
  const names: ('alpha' | 'beta' | 'gamma' | 'phi')[] = [];
  const start: number[] = [];
  let alpha0 = fixed.alpha;
  if (alpha0 === undefined) {
    alpha0 = lower[0] + (0.2 * (upper[0] - lower[0])) / mm;
    if (alpha0 > 1 || alpha0 < 0) alpha0 = lower[0] + 0.002;
    names.push('alpha');
    start.push(alpha0);
  }
  if (spec.trend !== 'N' && fixed.beta === undefined) {
    const up = Math.min(upper[1], alpha0);
    let beta0 = lower[1] + 0.1 * (up - lower[1]);
    if (beta0 < 0 || beta0 > alpha0) beta0 = alpha0 - 0.001;
    names.push('beta');
    start.push(beta0);
  }
  if (spec.season !== 'N' && fixed.gamma === undefined) {
    const up = Math.min(upper[2], 1 - alpha0);
    let gamma0 = lower[2] + 0.05 * (up - lower[2]);
    if (gamma0 < 0 || gamma0 > 1 - alpha0) gamma0 = 1 - alpha0 - 0.001;
    names.push('gamma');
    start.push(gamma0);
  }
  if (spec.damped && fixed.phi === undefined) {
    let phi0 = lower[3] + 0.99 * (upper[3] - lower[3]);
    if (phi0 < 0 || phi0 > 1) phi0 = upper[3] - 0.001;
    names.push('phi');
    start.push(phi0);
  }
  const nFixed = ['alpha', 'beta', 'gamma', 'phi'].filter((k) => fixed[k as keyof EtsFitOptions] !== undefined).length;
  const init = initialStates(y, m, spec.trend, spec.season);
  const nSmooth = start.length;
  const par0 = [...start, ...init];
  if (par0.length >= n - 1) return undefined;
  const offsetSeason = spec.trend !== 'N' ? 2 : 1;
  const unpack = (par: readonly number[]) => {
    const get = (k: 'alpha' | 'beta' | 'gamma' | 'phi'): number | undefined => {
      const i = names.indexOf(k);
      return i >= 0 ? par[i] : fixed[k];
    };
    const alpha = get('alpha') as number;
    const beta = spec.trend !== 'N' ? get('beta') : undefined;
    const gamma = spec.season !== 'N' ? get('gamma') : undefined;
    const phi = spec.damped ? get('phi') : undefined;
    const state = par.slice(nSmooth);
    if (spec.season !== 'N') {
      let sum = 0;
      for (let j = offsetSeason; j < state.length; j++) sum += state[j];
      state.push((spec.season === 'M' ? mm : 0) - sum);
    }
    return { alpha, beta, gamma, phi, state };
  };
  const iAlpha = names.indexOf('alpha');
  const iBeta = names.indexOf('beta');
  const iGamma = names.indexOf('gamma');
  const iPhi = names.indexOf('phi');
  const ring = new Float64Array(mm);
  const yArr = Float64Array.from(y);
  const seasonSum = spec.season === 'M' ? mm : 0;
  const objective = (par: number[]): number => {
    const alpha = iAlpha >= 0 ? par[iAlpha] : (fixed.alpha as number);
    const beta = spec.trend !== 'N' ? (iBeta >= 0 ? par[iBeta] : fixed.beta) : undefined;
    const gamma = spec.season !== 'N' ? (iGamma >= 0 ? par[iGamma] : fixed.gamma) : undefined;
    const phi = spec.damped ? (iPhi >= 0 ? par[iPhi] : fixed.phi) : undefined;
    if (!checkParams(alpha, beta, gamma, phi, lower, upper, mm)) return Infinity;
    let last = 0;
    if (spec.season !== 'N') {
      let sum = 0;
      for (let j = nSmooth + offsetSeason; j < par.length; j++) {
        sum += par[j];
        if (spec.season === 'M' && par[j] < 0) return Infinity;
      }
      last = seasonSum - sum;
      if (spec.season === 'M' && last < 0) return Infinity;
    }
    const lik = etsLikelihood(yArr, spec, mm, par, nSmooth, last, alpha, beta ?? 0, gamma ?? 0, phi ?? 1, ring);
    if (Number.isNaN(lik)) return Infinity;
    return lik < -1e10 ? -1e10 : lik;
  };
  {
    const p = unpack(par0);
    if (!checkParams(p.alpha, p.beta, p.gamma, p.phi, lower, upper, mm)) {
      invalid(`${etsName(spec)}: the fixed smoothing parameters are outside the admissible region.`);
    }
  }
  const opt = nelderMead(objective, par0, options.maxEvaluations ?? 2000);
  const p = unpack(opt.x);
  const r = etsFilter(y, spec, mm, p.state, p.alpha, p.beta ?? 0, p.gamma ?? 0, p.phi ?? 1);
  // A perfect fit (Σe² = 0) has criterion −∞, which R keeps (its AICc is −∞ and wins); NaN or +∞ is a failure.
  if (Number.isNaN(r.lik) || r.lik === Infinity) return undefined;
  const np = par0.length + 1;
  const aic = r.lik + 2 * np;
  const bic = r.lik + Math.log(n) * np;
  const aicc = aic + (2 * np * (np + 1)) / (n - np - 1);
  let sse = 0;
  for (const e of r.e) sse += e * e;
  const params: EtsParameters = { alpha: p.alpha };
  if (p.beta !== undefined) params.beta = p.beta;
  if (p.gamma !== undefined) params.gamma = p.gamma;
  if (p.phi !== undefined) params.phi = p.phi;
  return {
    spec,
    name: etsName(spec),
    m: mm,
    params,
    initialState: p.state,
    finalState: r.finalState,
    logLik: -0.5 * r.lik,
    aic,
    aicc,
    bic,
    sigma2: sse / (n - (par0.length + nFixed)),
    residuals: Array.from(r.e),
    fitted: Array.from(r.fitted),
  };
}

/** Options of automatic ETS selection. */
export interface EtsSelectOptions {
  /** Consider multiplicative trends (R: allow.multiplicative.trend = FALSE by default). */
  allowMultiplicativeTrend?: boolean;
  /** Only additive components. */
  additiveOnly?: boolean;
  /** Restrict to these models (e.g. [{error:'A',trend:'A',season:'N',damped:true}]); default: the whole family. */
  models?: readonly EtsSpec[];
}

/** The candidate models R's ets("ZZZ") tries, in R's order, after its restrictions. */
export function candidateModels(y: readonly number[], m: number, options: EtsSelectOptions = {}): EtsSpec[] {
  const n = y.length;
  const seasonal = m > 1 && n > m && m <= MAX_ETS_SEASON;
  const positive = y.every((v) => v > 0);
  const out: EtsSpec[] = [];
  const errors: EtsErrorType[] = ['A', 'M'];
  const trends: EtsTrendType[] = options.allowMultiplicativeTrend ? ['N', 'A', 'M'] : ['N', 'A'];
  const seasons: EtsSeasonType[] = seasonal ? ['N', 'A', 'M'] : ['N'];
  for (const error of errors)
    for (const trend of trends)
      for (const season of seasons)
        for (const damped of [true, false]) {
          if (trend === 'N' && damped) continue;
          if (error === 'A' && (trend === 'M' || season === 'M')) continue;
          if (error === 'M' && trend === 'M' && season === 'A') continue;
          if (options.additiveOnly && (error === 'M' || trend === 'M' || season === 'M')) continue;
          if (!positive && (error === 'M' || season === 'M')) continue;
          out.push({ error, trend, season, damped });
        }
  return out;
}

/**
 * Fits every candidate model and returns the one with the lowest AICc (R's `ets(y)`). A constant series gets
 * simple exponential smoothing with α = 0.99999 and zero variance, as in R. Needs at least 4 values (the
 * smallest model, ETS(A,N,N), has 2 parameters plus σ).
 */
export function selectEts(y: readonly number[], m: number, options: EtsSelectOptions = {}): EtsFit {
  if (y.length < 2) invalid('history: at least two numbers are required.');
  if (isConstant(y)) {
    const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N', damped: false };
    return {
      spec,
      name: etsName(spec),
      m: 1,
      params: { alpha: 0.99999 },
      initialState: [y[0]],
      finalState: [y[y.length - 1]],
      logLik: Infinity,
      aic: -Infinity,
      aicc: -Infinity,
      bic: -Infinity,
      sigma2: 0,
      residuals: y.map((v) => v - y[0]),
      fitted: y.map(() => y[0]),
    };
  }
  const models = options.models ?? candidateModels(y, m, options);
  let best: EtsFit | undefined;
  for (const spec of models) {
    if (spec.season !== 'N' && !(m > 1 && y.length > m && m <= MAX_ETS_SEASON)) continue;
    const fit = fitEtsModel(y, m, spec);
    if (fit && !Number.isNaN(fit.aicc) && fit.aicc < Infinity && (best === undefined || fit.aicc < best.aicc))
      best = fit;
  }
  if (best === undefined) {
    invalid(
      `history: no exponential smoothing model can be fitted to ${y.length} values; give more history or use another method.`,
    );
  }
  return best;
}

/** Point forecasts 1…h from a state (R's etsforecast); NaN for a multiplicative trend with negative growth. */
export function etsPointForecast(
  fit: Pick<EtsFit, 'spec' | 'm' | 'params'>,
  state: readonly number[],
  h: number,
): number[] {
  const { spec, m } = fit;
  const phi = spec.damped ? (fit.params.phi as number) : 1;
  const l = state[0];
  const b = spec.trend !== 'N' ? state[1] : 0;
  const off = spec.trend !== 'N' ? 2 : 1;
  const out = new Array<number>(h);
  let phistar = phi;
  for (let i = 0; i < h; i++) {
    let f: number;
    if (spec.trend === 'N') f = l;
    else if (spec.trend === 'A') f = l + phistar * b;
    else if (b < 0) f = NaN;
    else f = l * Math.pow(b, phistar);
    let j = m - 1 - i;
    while (j < 0) j += m;
    if (spec.season === 'A') f += state[off + j];
    else if (spec.season === 'M') f *= state[off + j];
    out[i] = f;
    phistar += Math.abs(phi - 1) < TOL ? 1 : Math.pow(phi, i + 1);
  }
  return out;
}

/** Class 1 (additive error, linear model): means, variances and the c_j of Hyndman et al. (2008) eq. 6.1. */
function class1(fit: EtsFit, h: number): { mu: number[]; variance: number[]; c: number[] } {
  const { spec, m, params, finalState: x } = fit;
  const p = x.length;
  const phi = spec.damped ? (params.phi as number) : 1;
  const hasTrend = spec.trend === 'A';
  const hasSeason = spec.season === 'A';
  // Row vector r = H·F^j, advanced by r ← r·F.
  let r: Float64Array = new Float64Array(p);
  r[0] = 1;
  if (hasTrend) r[1] = phi;
  if (hasSeason) r[p - 1] = 1;
  const G = new Float64Array(p);
  G[0] = params.alpha;
  if (hasTrend) G[1] = params.beta as number;
  // The new seasonal state is s₁ (R's class1 puts γ in position 3, which is s₂ when there is no trend).
  if (hasSeason) G[hasTrend ? 2 : 1] = params.gamma as number;
  const mulF = (v: Float64Array): Float64Array => {
    const out = new Float64Array(p);
    out[0] = v[0];
    if (hasTrend) out[1] = phi * v[0] + phi * v[1];
    if (hasSeason) {
      const s0 = p - m;
      // F[s0, p−1] = 1 and F[s0+k, s0+k−1] = 1: column s0+k−1 of r·F gets r[s0+k]; column p−1 gets r[s0].
      for (let k = 1; k < m; k++) out[s0 + k - 1] = v[s0 + k];
      out[p - 1] = v[s0];
    }
    return out;
  };
  const mu = new Array<number>(h);
  const c = new Array<number>(h);
  for (let i = 0; i < h; i++) {
    let a = 0;
    let g = 0;
    for (let k = 0; k < p; k++) {
      a += r[k] * x[k];
      g += r[k] * G[k];
    }
    mu[i] = a;
    c[i] = g;
    r = mulF(r);
  }
  const variance = new Array<number>(h);
  let cum = 0;
  for (let i = 0; i < h; i++) {
    variance[i] = fit.sigma2 * (1 + cum);
    cum += c[i] * c[i];
  }
  return { mu, variance, c };
}

/** Class 2 (multiplicative error, linear mean): variances by the θ recursion of R's class2. */
function class2(fit: EtsFit, h: number): { mu: number[]; variance: number[] } {
  const { mu, c } = class1(fit, h);
  const s2 = fit.sigma2;
  const theta = new Array<number>(h);
  theta[0] = mu[0] * mu[0];
  for (let j = 1; j < h; j++) {
    let s = 0;
    for (let k = 0; k < j; k++) s += c[k] * c[k] * theta[j - 1 - k];
    theta[j] = mu[j] * mu[j] + s2 * s;
  }
  return { mu, variance: theta.map((t, i) => (1 + s2) * t - mu[i] * mu[i]) };
}

/** Dense matrix helpers for class 3 (row-major Float64Array, size r×c). */
function matMul(a: Float64Array, ar: number, ac: number, b: Float64Array, bc: number): Float64Array {
  const out = new Float64Array(ar * bc);
  for (let i = 0; i < ar; i++)
    for (let k = 0; k < ac; k++) {
      const v = a[i * ac + k];
      if (v === 0) continue;
      for (let j = 0; j < bc; j++) out[i * bc + j] += v * b[k * bc + j];
    }
  return out;
}
function transpose(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return out;
}
function kron(a: Float64Array, ar: number, ac: number, b: Float64Array, br: number, bc: number): Float64Array {
  const out = new Float64Array(ar * br * ac * bc);
  const cols = ac * bc;
  for (let i = 0; i < ar; i++)
    for (let j = 0; j < ac; j++)
      for (let k = 0; k < br; k++)
        for (let l = 0; l < bc; l++) out[(i * br + k) * cols + j * bc + l] = a[i * ac + j] * b[k * bc + l];
  return out;
}

/** Class 3 (multiplicative error and season, linear trend): R's class3 moment recursion. */
function class3(fit: EtsFit, h: number): { mu: number[]; variance: number[] } {
  const { spec, m, params, finalState: x, sigma2: s2 } = fit;
  const k = spec.trend === 'N' ? 1 : 2;
  const phi = spec.damped ? (params.phi as number) : 1;
  // With a damped trend the mean is (l + φb)·s and the growth b' = φb + β(l + φb)ε, so H1 = [1, φ] and
  // F1, G1 carry φ in their second column; R's class3 uses [1, 1] there (its means ignore φ for one step).
  const H1 = k === 1 ? Float64Array.of(1) : Float64Array.of(1, phi);
  const H2 = new Float64Array(m);
  H2[m - 1] = 1;
  const F1 = k === 1 ? Float64Array.of(1) : Float64Array.of(1, phi, 0, phi);
  const beta = params.beta as number;
  const G1 =
    k === 1 ? Float64Array.of(params.alpha) : Float64Array.of(params.alpha, params.alpha * phi, beta, beta * phi);
  const F2 = new Float64Array(m * m);
  F2[m - 1] = 1;
  for (let i = 1; i < m; i++) F2[i * m + (i - 1)] = 1;
  const G2 = new Float64Array(m * m);
  G2[m - 1] = params.gamma as number;
  let Mh: Float64Array = new Float64Array(k * m);
  for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) Mh[i * m + j] = x[i] * x[k + j];
  const d = k * m;
  let Vh: Float64Array = new Float64Array(d * d);
  const H21 = kron(H2, 1, m, H1, 1, k);
  const F21 = kron(F2, m, m, F1, k, k);
  const G21 = kron(G2, m, m, G1, k, k);
  const K = kron(G2, m, m, F1, k, k);
  const K2 = kron(F2, m, m, G1, k, k);
  for (let i = 0; i < K.length; i++) K[i] += K2[i];
  const F21t = transpose(F21, d, d);
  const G21t = transpose(G21, d, d);
  const Kt = transpose(K, d, d);
  const F2t = transpose(F2, m, m);
  const G2t = transpose(G2, m, m);
  const mu = new Array<number>(h);
  const variance = new Array<number>(h);
  // vec(Mh) is column-major in R: element (i, j) of the k×m matrix at index j·k + i.
  const vec = (M: Float64Array) => {
    const v = new Float64Array(d);
    for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) v[j * k + i] = M[i * m + j];
    return v;
  };
  for (let step = 0; step < h; step++) {
    let mval = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) mval += H1[i] * Mh[i * m + j] * H2[j];
    mu[step] = mval;
    const hv = matMul(matMul(H21, 1, d, Vh, d), 1, d, transpose(H21, 1, d), 1)[0];
    variance[step] = (1 + s2) * hv + s2 * mval * mval;
    const v = vec(Mh);
    const vv = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) vv[i * d + j] = v[i] * v[j];
    const FVF = matMul(matMul(F21, d, d, Vh, d), d, d, F21t, d);
    const FVG = matMul(matMul(F21, d, d, Vh, d), d, d, G21t, d);
    const GVF = matMul(matMul(G21, d, d, Vh, d), d, d, F21t, d);
    const VpV = new Float64Array(d * d);
    const V3 = new Float64Array(d * d);
    for (let i = 0; i < d * d; i++) {
      VpV[i] = Vh[i] + vv[i];
      V3[i] = 3 * Vh[i] + 2 * vv[i];
    }
    const KVK = matMul(matMul(K, d, d, VpV, d), d, d, Kt, d);
    const GVG = matMul(matMul(G21, d, d, V3, d), d, d, G21t, d);
    const next = new Float64Array(d * d);
    for (let i = 0; i < d * d; i++) next[i] = FVF[i] + s2 * (FVG[i] + GVF[i] + KVK[i] + s2 * GVG[i]);
    Vh = next;
    const a = matMul(matMul(F1, k, k, Mh, m), k, m, F2t, m);
    const b = matMul(matMul(G1, k, k, Mh, m), k, m, G2t, m);
    const nm = new Float64Array(k * m);
    for (let i = 0; i < k * m; i++) nm[i] = a[i] + b[i] * s2;
    Mh = nm;
  }
  return { mu, variance };
}

/**
 * Simulated prediction intervals: `paths` future sample paths with normal innovations N(0, σ²) from a
 * generator seeded with `seed`; bounds are the empirical quantiles at each step.
 */
export function simulateIntervals(
  fit: EtsFit,
  h: number,
  level: number,
  paths = 2000,
  seed = 20240601,
): { lower: number[]; upper: number[] } {
  const { spec, m, params } = fit;
  const rng = new SeededRandom(seed);
  const sd = Math.sqrt(fit.sigma2);
  const phi = spec.damped ? (params.phi as number) : 1;
  const off = spec.trend !== 'N' ? 2 : 1;
  const ls = new Float64Array(paths);
  const bs = new Float64Array(paths);
  const ss: Float64Array[] = [];
  for (let i = 0; i < paths; i++) {
    ls[i] = fit.finalState[0];
    bs[i] = spec.trend !== 'N' ? fit.finalState[1] : 0;
    const s = new Float64Array(m);
    if (spec.season !== 'N') for (let j = 0; j < m; j++) s[j] = fit.finalState[off + j];
    ss.push(s);
  }
  const lower = new Array<number>(h);
  const upper = new Array<number>(h);
  const draws = new Float64Array(paths);
  for (let t = 0; t < h; t++) {
    let count = 0;
    for (let i = 0; i < paths; i++) {
      const f = oneStep(ls[i], bs[i], ss[i], m, spec.trend, spec.season, phi);
      const e = rng.normal() * sd;
      const y = spec.error === 'A' ? f + e : f * (1 + e);
      if (Number.isFinite(y)) draws[count++] = y;
      [ls[i], bs[i]] = update(
        ls[i],
        bs[i],
        ss[i],
        m,
        spec.trend,
        spec.season,
        params.alpha,
        params.beta ?? 0,
        params.gamma ?? 0,
        phi,
        y,
      );
    }
    const sorted = draws.slice(0, count).sort();
    lower[t] = sortedQuantile(sorted, 0.5 - level / 2);
    upper[t] = sortedQuantile(sorted, 0.5 + level / 2);
  }
  return { lower, upper };
}

/**
 * Forecasts h periods ahead from a fitted model, with a prediction interval at `level` (a fraction in (0, 1))
 * when given: analytic variances for R's classes 1–3 (normal bounds ŷ ± z·√v), simulation otherwise.
 */
export function forecastEts(fit: EtsFit, h: number, level?: number): IntervalForecast {
  const mean = etsPointForecast(fit, fit.finalState, h);
  if (level === undefined) return { mean };
  const { spec } = fit;
  let variance: number[] | undefined;
  if (spec.trend !== 'M' && spec.season !== 'M')
    variance = spec.error === 'A' ? class1(fit, h).variance : class2(fit, h).variance;
  else if (spec.error === 'M' && spec.season === 'M' && spec.trend !== 'M') {
    const d = (spec.trend === 'N' ? 1 : 2) * fit.m;
    // The moment recursion costs ~10·d³ per step; very long horizons fall back to simulation.
    if (h * 10 * d * d * d <= 2e8) variance = class3(fit, h).variance;
  }
  if (variance) {
    const z = normalQuantile(0.5 + level / 2);
    return {
      mean,
      lower: mean.map((f, i) => f - z * Math.sqrt(Math.max(variance[i], 0))),
      upper: mean.map((f, i) => f + z * Math.sqrt(Math.max(variance[i], 0))),
      level,
    };
  }
  const sim = simulateIntervals(fit, h, level);
  return { mean, lower: sim.lower, upper: sim.upper, level };
}
