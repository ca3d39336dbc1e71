import * as React from 'react';
import { Body1, Field, Select, Text } from '@fluentui/react-components';
import { FORECAST_METHODS, type ForecastMethod } from '../../../src/forecast';
import { LinePreview, type LineSeries } from '../../components/ChartPreview';
import { DataTable } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { TextField } from '../../components/TextField';
import { WriteOptions } from '../../components/WriteOptions';
import { money, percent } from '../fields';
import { FieldRow } from '../FieldRow';
import type { WorkbookPort } from '../../workbook/port';
import type { ForecastPreview } from './types';
import type { useHistoryWizard } from './useHistoryWizard';

type HistoryWizard = ReturnType<typeof useHistoryWizard>;

function chartSeries(p: ForecastPreview): LineSeries[] {
  const n = p.history.length;
  const at = (ys: number[]) => ys.map((y, i) => ({ x: n + i + 1, y }));
  const series: LineSeries[] = [
    { legend: 'Actual', points: p.history.flatMap((y, i) => (y === null ? [] : [{ x: i + 1, y }])) },
    { legend: 'Forecast', points: at(p.mean) },
  ];
  if (p.lower && p.upper)
    series.push({ legend: 'Lower', points: at(p.lower) }, { legend: 'Upper', points: at(p.upper) });
  return series;
}

/**
 * The history forecast's steps: history → horizon, method, confidence → forecast with interval and backtest →
 * write (a SALESOPS.FORECAST formula or values).
 */
export function HistorySteps({ w, port }: { w: HistoryWizard; port: WorkbookPort }): React.JSX.Element {
  const { form, errors, preview } = w;
  return (
    <>
      {w.stepId === 'history' ? (
        <>
          <Body1>
            Pick one column or row of past values in time order (a header cell is skipped; blanks are missing values).
          </Body1>
          <SourcePicker port={port} label="History" allowTables={false} {...w.field('history')} />
        </>
      ) : null}
      {w.stepId === 'options' && w.data ? (
        <>
          <Text>{`${w.data.values.length} periods of history.`}</Text>
          <FieldRow>
            <TextField label="Horizon (periods)" {...w.field('horizon')} />
            <Field label="Method" validationState={errors.method ? 'error' : 'none'} validationMessage={errors.method}>
              <Select value={form.method} onChange={(_, d) => w.update('method', d.value as ForecastMethod)}>
                {FORECAST_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </Select>
            </Field>
          </FieldRow>
          <FieldRow>
            <TextField label="Seasonality" {...w.field('seasonality')} hint="blank = detect, 0 = none, 12 = monthly" />
            <TextField label="Confidence" {...w.field('confidence')} hint="e.g. 0.95; blank = no interval" />
          </FieldRow>
          <TextField
            label="Backtest points"
            {...w.field('backtest')}
            hint="the last points held out to measure accuracy"
          />
        </>
      ) : null}
      {w.stepId === 'preview' && preview ? (
        <>
          <LinePreview title="Forecast" series={chartSeries(preview)} />
          <Text>{`Model: ${preview.model}; season length ${preview.seasonLength}.`}</Text>
          {preview.backtest ? (
            <DataTable
              caption={`Backtest on the last ${preview.backtest.points} points`}
              header={['Measure', 'Value']}
              rows={[
                ['MAE', money(preview.backtest.mae)],
                ['sMAPE', percent(preview.backtest.smape)],
                ['MAPE', preview.backtest.mape === undefined ? 'n/a' : percent(preview.backtest.mape)],
                ['MASE', preview.backtest.mase === undefined ? 'n/a' : preview.backtest.mase.toFixed(3)],
              ]}
            />
          ) : (
            <Text>No backtest (no points held out, or a held-out point is blank).</Text>
          )}
          <DataTable
            caption="Forecast"
            header={preview.lower ? ['Period', 'Forecast', 'Lower', 'Upper'] : ['Period', 'Forecast']}
            rows={preview.mean.map((m, i) => [
              String(preview.history.length + i + 1),
              money(m),
              ...(preview.lower && preview.upper ? [money(preview.lower[i]), money(preview.upper[i])] : []),
            ])}
          />
        </>
      ) : null}
      {w.stepId === 'write' ? (
        <>
          <WriteOptions
            w={w}
            outputLabel="Write the forecast as"
            formulasLabel="A SALESOPS.FORECAST formula (updates with the history)"
          />
        </>
      ) : null}
    </>
  );
}
