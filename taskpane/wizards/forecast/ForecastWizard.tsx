import * as React from 'react';
import { Body1, Field, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { FORECAST_METHODS, type ForecastMethod } from '../../../src/forecast';
import { LinePreview, type LineSeries } from '../../components/ChartPreview';
import { DataTable } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { TextField } from '../../components/TextField';
import { WizardFrame } from '../../components/WizardFrame';
import { WriteOptions } from '../../components/WriteOptions';
import { money, percent } from '../fields';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { PipelineOptions, PipelinePreviewView, PipelineSource } from './PipelineSteps';
import type { ForecastPreview } from './types';
import { useForecastWizard } from './useForecastWizard';

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
 * Forecast: history → horizon, method, confidence → forecast with interval and backtest → write (formulas or
 * values); or, in pipeline mode, an opportunity table → columns and close-date window → weighted pipeline and
 * forecast-category roll-up → write (a SALESOPS.PIPELINE formula or its value, and the roll-up table).
 */
export function ForecastWizard({ port }: WizardProps): React.JSX.Element {
  const w = useForecastWizard(port);
  const styles = useWizardStyles();
  const { form, errors } = w;
  const pipeline = w.mode === 'pipeline';
  const preview = pipeline ? undefined : w.preview;
  return (
    <WizardFrame
      title="Forecast"
      steps={w.steps}
      current={w.step}
      onBack={w.back}
      onNext={() => void w.next()}
      nextLabel={w.step === 3 ? 'Write to workbook' : w.step === 2 ? 'Continue' : 'Next'}
      nextDisabled={w.busy || w.writer.status.kind === 'writing'}
    >
      <div className={styles.form}>
        {w.step === 0 ? (
          <Field label="Forecast from">
            <RadioGroup value={w.mode} onChange={(_, d) => w.setMode(d.value === 'pipeline' ? 'pipeline' : 'history')}>
              <Radio value="history" label="History (time series)" />
              <Radio value="pipeline" label="Pipeline (opportunity table)" />
            </RadioGroup>
          </Field>
        ) : null}
        {pipeline && w.step === 0 ? <PipelineSource w={w} port={port} /> : null}
        {pipeline && w.step === 1 ? <PipelineOptions w={w} /> : null}
        {pipeline && w.step === 2 ? <PipelinePreviewView w={w} /> : null}
        {!pipeline && w.step === 0 ? (
          <>
            <Body1>
              Pick one column or row of past values in time order (a header cell is skipped; blanks are missing values).
            </Body1>
            <SourcePicker
              port={port}
              label="History"
              allowTables={false}
              value={form.history}
              onChange={(v) => w.update('history', v)}
              error={errors.history}
            />
          </>
        ) : null}
        {!pipeline && w.step === 1 && w.data ? (
          <>
            <Text>{`${w.data.values.length} periods of history.`}</Text>
            <div className={styles.row}>
              <div className={styles.half}>
                <TextField
                  label="Horizon (periods)"
                  value={form.horizon}
                  onChange={(v) => w.update('horizon', v)}
                  error={errors.horizon}
                />
              </div>
              <div className={styles.half}>
                <Field
                  label="Method"
                  validationState={errors.method ? 'error' : 'none'}
                  validationMessage={errors.method}
                >
                  <Select value={form.method} onChange={(_, d) => w.update('method', d.value as ForecastMethod)}>
                    {FORECAST_METHODS.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
            </div>
            <div className={styles.row}>
              <div className={styles.half}>
                <TextField
                  label="Seasonality"
                  value={form.seasonality}
                  onChange={(v) => w.update('seasonality', v)}
                  error={errors.seasonality}
                  hint="blank = detect, 0 = none, 12 = monthly"
                />
              </div>
              <div className={styles.half}>
                <TextField
                  label="Confidence"
                  value={form.confidence}
                  onChange={(v) => w.update('confidence', v)}
                  error={errors.confidence}
                  hint="e.g. 0.95; blank = no interval"
                />
              </div>
            </div>
            <TextField
              label="Backtest points"
              value={form.backtest}
              onChange={(v) => w.update('backtest', v)}
              error={errors.backtest}
              hint="the last points held out to measure accuracy"
            />
          </>
        ) : null}
        {w.step === 2 && preview ? (
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
        {w.step === 3 ? (
          <>
            <WriteOptions
              sheetName={form.sheetName}
              onSheetName={(v) => w.update('sheetName', v)}
              sheetError={errors.sheetName}
              output={form.output}
              onOutput={(v) => w.update('output', v)}
              outputLabel={pipeline ? 'Write the weighted pipeline as' : 'Write the forecast as'}
              formulasLabel={
                pipeline
                  ? 'A SALESOPS.PIPELINE formula (updates with the opportunities)'
                  : 'A SALESOPS.FORECAST formula (updates with the history)'
              }
              status={w.writer.status}
            />
          </>
        ) : null}
      </div>
      {w.writer.dialog}
    </WizardFrame>
  );
}
