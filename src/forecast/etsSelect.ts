/**
 * Automatic ETS model choice as R's `ets(y)`: every admissible member of the restricted family (no additive
 * error with multiplicative season, no multiplicative trend, no multiplicative error or season on non-positive
 * data) is fitted and the lowest AICc wins.
 */
import { invalid } from '../shared/errors';
import { fitEtsModel } from './etsFit';
import {
  type EtsErrorType,
  type EtsFit,
  type EtsSeasonType,
  type EtsSpec,
  type EtsTrendType,
  MAX_ETS_SEASON,
  etsName,
} from './etsModel';
import { isConstant } from './series';

/** Options of automatic ETS selection. */
export interface EtsSelectOptions {
  /** Consider multiplicative trends (R: allow.multiplicative.trend = FALSE by default). */
  allowMultiplicativeTrend?: boolean;
  /** Only additive components. */
  additiveOnly?: boolean;
  /** Restrict to these models (e.g. [{error:'A',trend:'A',season:'N',damped:true}]); default: the whole family. */
  models?: readonly EtsSpec[];
  /** Passed to every fit (fitEtsModel's option; default false, as R). */
  fixSeasonalStates?: boolean;
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
    const fit = fitEtsModel(y, m, spec, { fixSeasonalStates: options.fixSeasonalStates });
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
