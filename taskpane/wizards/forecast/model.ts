/**
 * The forecast wizard's model: read the history, validate options, run the forecast core (src/forecast) with a
 * backtest on the last points, and build the write plan. Pure (no React).
 */
import { toNumberSeries, toVector } from '../../../src/shared/coerce';
import { invalid } from '../../../src/shared/errors';
import { FORECAST_METHODS, MAX_HORIZON, accuracy, forecastSeries } from '../../../src/forecast';
import { formatCell, formatRange, parseRange, qualified } from '../../workbook/address';
import type { WriteOutput } from '../../components/WriteOptions';
import type { RangeData, WriteCell, WritePlan } from '../../workbook/port';
import { fractionField, numberField } from '../fields';
import type { ForecastForm, ForecastOptionsChecked, ForecastPreview } from './types';

/** The history series (null = missing) with the sheet cell of each item; a header cell is skipped. */
export function readHistory(data: RangeData): { values: (number | null)[]; cells: string[] } {
  const values = toNumberSeries(data.values, 'History');
  const all = toVector(data.values, 'History', false);
  const skip = all.length - values.length;
  const r = parseRange(data.address);
  const column = data.values[0].length === 1;
  const cells = values.map((_, i) =>
    column ? formatCell(r.top + skip + i, r.left) : formatCell(r.top, r.left + skip + i),
  );
  let last = values.length;
  while (last > 0 && values[last - 1] === null) last--;
  if (values.slice(0, last).filter((v) => v !== null).length < 2)
    invalid('History: at least two numbers are needed to forecast.');
  return { values: values.slice(0, last), cells: cells.slice(0, last) };
}

/** Field-by-field validation; `errors` maps a field to its message. */
export function validateForecastOptions(
  form: ForecastForm,
  historyLength: number,
): { options?: ForecastOptionsChecked; errors: Partial<Record<keyof ForecastForm, string>> } {
  const errors: Partial<Record<keyof ForecastForm, string>> = {};
  const h = numberField(form.horizon, 'Horizon', { min: 1, max: MAX_HORIZON, integer: true });
  if (!h.ok) errors.horizon = h.error;
  const s = numberField(form.seasonality, 'Seasonality', {
    min: 0,
    max: Math.max(2, Math.floor(historyLength / 2)),
    integer: true,
    optional: true,
  });
  if (!s.ok) errors.seasonality = s.error;
  let level: number | undefined;
  if (form.confidence.trim() !== '') {
    const c = fractionField(form.confidence, 'Confidence', 0.999);
    if (!c.ok) errors.confidence = c.error;
    else if (c.value <= 0) errors.confidence = 'Confidence must be above 0, e.g. 0.95 or 95%.';
    else level = c.value;
  }
  const b = numberField(form.backtest, 'Backtest points', {
    min: 0,
    max: Math.max(0, historyLength - 2),
    integer: true,
  });
  if (!b.ok) errors.backtest = b.error;
  if (!FORECAST_METHODS.includes(form.method)) errors.method = `Method must be one of ${FORECAST_METHODS.join(', ')}.`;
  if (Object.values(errors).some(Boolean) || !h.ok || !s.ok || !b.ok) return { errors };
  return {
    errors,
    options: { horizon: h.value ?? 1, method: form.method, seasonality: s.value, level, backtest: b.value ?? 0 },
  };
}

/** The forecast of the whole history, and the backtest: forecast of the last `backtest` points from the rest. */
export function computeForecast(history: (number | null)[], o: ForecastOptionsChecked): ForecastPreview {
  const f = forecastSeries(history, o.horizon, {
    seasonality: o.seasonality,
    method: o.method,
    level: o.level,
  });
  const out: ForecastPreview = {
    history,
    mean: f.mean,
    lower: f.lower,
    upper: f.upper,
    model: f.model,
    seasonLength: f.seasonLength,
  };
  const k = o.backtest;
  const held = history.slice(history.length - k);
  if (k > 0 && held.every((v) => v !== null)) {
    const train = history.slice(0, history.length - k);
    const bt = forecastSeries(train, k, { seasonality: o.seasonality, method: o.method });
    const trainNumbers = train.filter((v): v is number => v !== null);
    const a = accuracy(held, bt.mean, trainNumbers, bt.seasonLength);
    out.backtest = { points: k, mae: a.mae, smape: a.smape, mape: a.mape, mase: a.mase, forecasts: bt.mean };
  }
  return out;
}

/**
 * A new sheet from A1: Period | Actual | Forecast [| Lower | Upper]; one row per history point, then one per
 * forecast period. With formulas, Actual cells reference the history and the first forecast row holds
 * `=SALESOPS.FORECAST(history, horizon, [seasonality], method, [confidence])`, which spills the forecast rows.
 * A line chart of the whole block shows actuals, forecast and interval.
 */
export function buildForecastPlan(
  sheet: string,
  data: RangeData,
  cells: string[],
  o: ForecastOptionsChecked,
  p: ForecastPreview,
  output: WriteOutput,
): WritePlan {
  const withInterval = o.level !== undefined && p.lower !== undefined && p.upper !== undefined;
  const width = withInterval ? 5 : 3;
  const n = p.history.length;
  const header: WriteCell[] = withInterval
    ? ['Period', 'Actual', 'Forecast', 'Lower', 'Upper']
    : ['Period', 'Actual', 'Forecast'];
  const rows: WriteCell[][] = [header];
  p.history.forEach((v, i) => {
    const actual: WriteCell = output === 'formulas' ? { formula: `=${qualified(data.sheet, cells[i])}` } : v;
    rows.push([i + 1, actual, ...Array.from({ length: width - 2 }, () => null)]);
  });
  const hist = qualified(data.sheet, formatRange(parseRange(data.address)).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2'));
  const args = [hist, String(o.horizon), o.seasonality === undefined ? '' : String(o.seasonality), `"${o.method}"`];
  if (withInterval) args.push(String(o.level));
  for (let j = 0; j < o.horizon; j++) {
    const row: WriteCell[] = [n + j + 1, null];
    if (output === 'formulas') row.push(j === 0 ? { formula: `=SALESOPS.FORECAST(${args.join(',')})` } : null);
    else row.push(p.mean[j]);
    if (withInterval) {
      if (output === 'formulas') row.push(null, null);
      else row.push((p.lower as number[])[j], (p.upper as number[])[j]);
    }
    rows.push(row);
  }
  const last = formatCell(rows.length - 1, width - 1);
  return {
    newSheets: [sheet],
    blocks: [
      { sheet, at: 'A1', cells: rows, numberFormats: [['0', ...Array.from({ length: width - 1 }, () => '#,##0.00')]] },
    ],
    charts: [
      {
        sheet,
        source: `A1:${last}`,
        type: 'line',
        title: 'Forecast',
        at: formatCell(0, width + 1),
        seriesBy: 'columns',
      },
    ],
  };
}
