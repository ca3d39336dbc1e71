/**
 * Fitting one ETS model as R's `etsmodel`: initial states from a classical decomposition and a line on the first
 * ≥ 10 points (R's `initstate`), then optimised jointly with the smoothing parameters by Nelder–Mead inside the
 * usual ∩ admissible region.
 */
import { invalid } from '../shared/errors';
import { type AdmissibleScratch, admissibleScratch, checkParams } from './etsAdmissible';
import {
  type EtsFit,
  type EtsParameters,
  type EtsSeasonType,
  type EtsSpec,
  type EtsTrendType,
  etsFilter,
  etsLikelihood,
  etsName,
} from './etsModel';
import { leastSquares, leastSquaresLine } from './numeric';
import { nelderMead } from './optimize';
import { seasonalFigure } from './series';

const LOWER = [1e-4, 1e-4, 1e-4, 0.8];
const UPPER = [0.9999, 0.9999, 0.9999, 0.98];

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
  /**
   * Keep the initial seasonal states at their decomposition values (R's `initstate`) and optimise only the
   * smoothing parameters, level and growth: about 5 dimensions instead of up to 28, so the search is several
   * times shorter. They still count as parameters in the information criteria. Default false (as R).
   */
  fixSeasonalStates?: boolean;
}

type SmoothingName = 'alpha' | 'beta' | 'gamma' | 'phi';

/** The free smoothing parameters of a fit: their names, start values and bounds (lower/upper per α, β, γ, φ). */
interface StartingValues {
  names: SmoothingName[];
  start: number[];
  lower: number[];
  upper: number[];
}

/** R's `initparam`, with the bounds narrowed by the fixed parameters as R's `etsmodel` does. */
function startingValues(spec: EtsSpec, mm: number, fixed: EtsFitOptions): StartingValues {
  const lower = [...LOWER];
  const upper = [...UPPER];
  if (fixed.alpha !== undefined) {
    upper[1] = Math.min(fixed.alpha, upper[1]);
    upper[2] = Math.min(1 - fixed.alpha, upper[2]);
  }
  if (fixed.beta !== undefined) lower[0] = Math.max(fixed.beta, lower[0]);
  if (fixed.gamma !== undefined) upper[0] = Math.min(1 - fixed.gamma, upper[0]);
  const names: SmoothingName[] = [];
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
  return { names, start, lower, upper };
}

/** A parameter vector [free smoothing parameters…, l, b?, s₁ … s_{m−1}] read back as parameters and full state. */
interface Unpacked {
  alpha: number;
  beta?: number;
  gamma?: number;
  phi?: number;
  state: number[];
}

/** Reads a parameter vector: fixed parameters fill the gaps; the last seasonal state follows from normalisation. */
function unpack(par: readonly number[], spec: EtsSpec, mm: number, sv: StartingValues, fixed: EtsFitOptions): Unpacked {
  const get = (k: SmoothingName): number | undefined => {
    const i = sv.names.indexOf(k);
    return i >= 0 ? par[i] : fixed[k];
  };
  const state = par.slice(sv.names.length);
  if (spec.season !== 'N') {
    let sum = 0;
    for (let j = spec.trend !== 'N' ? 2 : 1; j < state.length; j++) sum += state[j];
    state.push((spec.season === 'M' ? mm : 0) - sum);
  }
  return {
    alpha: get('alpha') as number,
    beta: spec.trend !== 'N' ? get('beta') : undefined,
    gamma: spec.season !== 'N' ? get('gamma') : undefined,
    phi: spec.damped ? get('phi') : undefined,
    state,
  };
}

/**
 * The function Nelder–Mead minimises: R's likelihood criterion of a parameter vector, +∞ outside the bounds and
 * the admissible region or with a negative multiplicative seasonal state; no allocation per call.
 */
function likelihoodObjective(
  y: readonly number[],
  spec: EtsSpec,
  mm: number,
  sv: StartingValues,
  fixed: EtsFitOptions,
  scratch: AdmissibleScratch,
): (par: number[]) => number {
  const { names, lower, upper } = sv;
  const nSmooth = names.length;
  const iAlpha = names.indexOf('alpha');
  const iBeta = names.indexOf('beta');
  const iGamma = names.indexOf('gamma');
  const iPhi = names.indexOf('phi');
  const offsetSeason = spec.trend !== 'N' ? 2 : 1;
  const ring = new Float64Array(mm);
  const yArr = Float64Array.from(y);
  const seasonSum = spec.season === 'M' ? mm : 0;
  return (par: number[]): number => {
    const alpha = iAlpha >= 0 ? par[iAlpha] : (fixed.alpha as number);
    const beta = spec.trend !== 'N' ? (iBeta >= 0 ? par[iBeta] : fixed.beta) : undefined;
    const gamma = spec.season !== 'N' ? (iGamma >= 0 ? par[iGamma] : fixed.gamma) : undefined;
    const phi = spec.damped ? (iPhi >= 0 ? par[iPhi] : fixed.phi) : undefined;
    if (!checkParams(alpha, beta, gamma, phi, lower, upper, mm, scratch)) return Infinity;
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
}

/**
 * The fitted model at the optimum: residuals and states by the filter, information criteria with np = number
 * of estimated parameters + 1 (σ), σ² = Σe²/(n − parameters); `undefined` when the recursion broke down.
 */
function fittedModel(
  y: readonly number[],
  spec: EtsSpec,
  mm: number,
  p: Unpacked,
  estimated: number,
  nFixed: number,
): EtsFit | undefined {
  const n = y.length;
  const r = etsFilter(y, spec, mm, p.state, p.alpha, p.beta ?? 0, p.gamma ?? 0, p.phi ?? 1);
  // A perfect fit (Σe² = 0) has criterion −∞, which R keeps (its AICc is −∞ and wins); NaN or +∞ is a failure.
  if (Number.isNaN(r.lik) || r.lik === Infinity) return undefined;
  const np = estimated + 1;
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
    sigma2: sse / (n - (estimated + nFixed)),
    residuals: Array.from(r.e),
    fitted: Array.from(r.fitted),
  };
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
  const mm = spec.season !== 'N' ? m : 1;
  const fixed = options;
  const sv = startingValues(spec, mm, fixed);
  const nFixed = (['alpha', 'beta', 'gamma', 'phi'] as const).filter((k) => fixed[k] !== undefined).length;
  const par0 = [...sv.start, ...initialStates(y, m, spec.trend, spec.season)];
  if (par0.length >= y.length - 1) return undefined;
  const p0 = unpack(par0, spec, mm, sv, fixed);
  const scratch = admissibleScratch(mm); // the admissibility check's buffers, one set per fit
  if (!checkParams(p0.alpha, p0.beta, p0.gamma, p0.phi, sv.lower, sv.upper, mm, scratch)) {
    invalid(`${etsName(spec)}: the fixed smoothing parameters are outside the admissible region.`);
  }
  const objective = likelihoodObjective(y, spec, mm, sv, fixed, scratch);
  const maxEvaluations = options.maxEvaluations ?? 2000;
  // The free part: every parameter, or (seasonal states fixed) the smoothing parameters, level and growth.
  const free = options.fixSeasonalStates ? sv.names.length + (spec.trend !== 'N' ? 2 : 1) : par0.length;
  if (free === par0.length) {
    const opt = nelderMead(objective, par0, maxEvaluations);
    return fittedModel(y, spec, mm, unpack(opt.x, spec, mm, sv, fixed), par0.length, nFixed);
  }
  const full = [...par0];
  const opt = nelderMead(
    (x) => {
      for (let i = 0; i < free; i++) full[i] = x[i];
      return objective(full);
    },
    par0.slice(0, free),
    maxEvaluations,
  );
  for (let i = 0; i < free; i++) full[i] = opt.x[i];
  return fittedModel(y, spec, mm, unpack(full, spec, mm, sv, fixed), par0.length, nFixed);
}
