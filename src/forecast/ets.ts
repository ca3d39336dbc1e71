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
 *
 * This module gathers the parts: the model and its recursions (etsModel.ts), the parameter region
 * (etsAdmissible.ts), fitting one model (etsFit.ts), choosing among models (etsSelect.ts), forecasts and
 * intervals (etsIntervals.ts).
 */
export {
  type EtsErrorType,
  type EtsFit,
  type EtsParameters,
  type EtsSeasonType,
  type EtsSpec,
  type EtsTrendType,
  type IntervalForecast,
  MAX_ETS_SEASON,
  etsFilter,
  etsName,
} from './etsModel';
export { admissible, rootsWithinUnitCircle } from './etsAdmissible';
export { type EtsFitOptions, fitEtsModel, initialStates } from './etsFit';
export { type EtsSelectOptions, candidateModels, selectEts } from './etsSelect';
export { etsPointForecast, forecastEts, simulateIntervals } from './etsIntervals';
