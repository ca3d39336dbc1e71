/**
 * The forecast domain of the modeling core (re-exported as the `forecast` namespace of src/index.ts).
 *
 * API for callers (custom functions, the forecast wizard):
 * - `forecastSeries(history, horizon, { seasonality?, method?, level? })` → `{ mean, lower?, upper?, method,
 *   seasonLength, model }`. history: numbers in time order, `null` = missing (linearly interpolated);
 *   seasonality as FORECAST.ETS (1/omitted = detect, 0 = none, n ≥ 2 = period); method one of
 *   `FORECAST_METHODS` (`auto` = combination of ETS, Theta and damped trend); level a fraction, e.g. 0.95.
 * - Models: `selectEts(y, m)` (R's ets: AICc choice), `fitEtsModel(y, m, spec, fixed?)`, `forecastEts(fit, h,
 *   level?)`; `thetaForecast`, `dampedForecast`, `naiveForecast`, `seasonalNaiveForecast`, `linearForecast`.
 * - Series tools: `fillMissing`, `detectSeasonLength`, `isSeasonal` (thetaf's 90 % test), `seasonalFigure`.
 * - Accuracy: `accuracy(actuals, forecasts, history?, m?)` → MAE, RMSE, MAPE, sMAPE (fractions), MASE;
 *   `intervalCoverage(actuals, lower, upper)` (fraction).
 * - Pipeline: `stageTable(rows)`, `weightedPipeline(opps, stages, from?, to?)` (money, to the cent),
 *   `rollupCategories(items)` (closed/commit/best case/pipeline/omitted), `projectAttainment(closed, weighted,
 *   quota, elapsed)`.
 * Errors: bad input throws ModelInputError (#VALUE!; unknown stage or category #N/A) naming the argument.
 */
export * from './accuracy';
export * from './ets';
export * from './methods';
export * from './numeric';
export * from './pipeline';
export * from './sheet/pipeline';
export * from './series';
export * from './simple';
export * from './theta';
export { nelderMead, type MinimizeResult } from './optimize';
