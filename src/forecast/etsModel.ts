/**
 * The ETS model (Hyndman, Koehler, Ord & Snyder 2008), the approach of R's forecast::ets: its types and the
 * recursions of forecast's etscalc.c (states l, b, s₁…s_m; the update equations are the same for additive and
 * multiplicative errors, only the likelihood differs), with the −2 log-likelihood (up to a constant)
 * n·log(Σe²) [+ 2·Σ log|ŷ| for multiplicative errors]. Fitting is in etsFit.ts, model choice in etsSelect.ts,
 * forecasts and intervals in etsIntervals.ts; ets.ts gathers them.
 * Smoothing parameters are fractions in [0, 1]; β is R's β (β* = β/α in the level-growth form).
 */
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

export const TOL = 1.0e-10;
export const HUGEN = 1.0e10;
/** R ets handles seasons up to 24 periods. */
export const MAX_ETS_SEASON = 24;

/** The R-style name of a model, e.g. ETS(A,Ad,N). */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend}${spec.damped ? 'd' : ''},${spec.season})`;
}

/** One-step-ahead forecast from a state (NaN when a multiplicative trend's growth is negative). */
export function oneStep(
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
export function update(
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
export function etsLikelihood(
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
