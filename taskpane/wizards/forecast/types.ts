import type { CategoryRollup, ForecastMethod } from '../../../src/forecast';
import type { SourceChoice } from '../../components/source';
import type { WriteOutput } from '../../components/WriteOptions';

export interface ForecastForm {
  history: SourceChoice;
  horizon: string;
  method: ForecastMethod;
  /** Blank = detect (as FORECAST.ETS), 0 = none, n ≥ 2 = season length. */
  seasonality: string;
  /** Blank = no interval; else a fraction like 0.95 (or 95%). */
  confidence: string;
  /** How many of the last history points to hold out for the backtest. */
  backtest: string;
  output: WriteOutput;
  sheetName: string;
}

export interface ForecastOptionsChecked {
  horizon: number;
  method: ForecastMethod;
  seasonality?: number;
  level?: number;
  backtest: number;
}

export interface ForecastPreview {
  /** History as read (null = missing), trailing blanks dropped. */
  history: (number | null)[];
  mean: number[];
  lower?: number[];
  upper?: number[];
  model: string;
  seasonLength: number;
  backtest?: { points: number; mae: number; smape: number; mape?: number; mase?: number; forecasts: number[] };
}

/** What the forecast tab forecasts from: a history series, or an opportunity table (weighted pipeline). */
export type ForecastMode = 'history' | 'pipeline';

/**
 * The pipeline wizard's picks: the opportunity table, its columns (header names), the stage table, the window,
 * and how and where to write.
 */
export interface PipelineForm {
  opportunities: SourceChoice;
  stages: SourceChoice;
  /** Header names of the chosen columns ('' = not chosen; close date and category are optional). */
  amount: string;
  stage: string;
  closeDate: string;
  category: string;
  /** Close-date window as YYYY-MM-DD ('' = open). */
  from: string;
  to: string;
  output: WriteOutput;
  sheetName: string;
}

export interface PipelineChecked {
  amount: string;
  stage: string;
  closeDate?: string;
  category?: string;
  from?: number;
  to?: number;
}

/** The pipeline preview: the weighted total and (with a category column) the forecast-category roll-up. */
export interface PipelinePreview {
  /** Opportunities counted (within the window). */
  counted: number;
  weighted: number;
  rollup?: CategoryRollup;
}
