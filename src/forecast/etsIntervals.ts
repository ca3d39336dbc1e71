/**
 * ETS forecasts and prediction intervals: point forecasts as R's `etsforecast`; analytic variances for R's
 * classes 1–3 (Hyndman et al. 2008, ch. 6), otherwise by simulation with a seeded generator.
 */
import { type EtsFit, type IntervalForecast, TOL, oneStep, update } from './etsModel';
import { SeededRandom, normalQuantile, sortedQuantile } from './numeric';

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
