import type { ForecastMethod } from '../../../src/forecast';
import type { SourceChoice } from '../../components/source';

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
  output: 'formulas' | 'values';
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
