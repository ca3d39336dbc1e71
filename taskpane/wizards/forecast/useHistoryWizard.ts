import * as React from 'react';
import { readSource, sourceProblem } from '../../components/source';
import type { RangeData, WorkbookPort } from '../../workbook/port';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { WizardStep } from '../steps/types';
import { useStepMachine } from '../steps/useStepMachine';
import { buildForecastPlan, computeForecast, readHistory, validateForecastOptions } from './model';
import type { ForecastForm, ForecastOptionsChecked, ForecastPreview } from './types';

const INITIAL: ForecastForm = {
  history: { kind: 'range', text: '' },
  horizon: '12',
  method: 'auto',
  seasonality: '',
  confidence: '0.95',
  backtest: '',
  output: 'formulas',
  sheetName: 'Forecast',
};

/** State and steps of the history forecast wizard (a time series → SALESOPS.FORECAST). */
export function useHistoryWizard(port: WorkbookPort) {
  const [data, setData] = React.useState<{ range: RangeData; values: (number | null)[]; cells: string[] }>();
  const [computed, setComputed] = React.useState<{ options: ForecastOptionsChecked; preview: ForecastPreview }>();

  const steps: WizardStep<ForecastForm>[] = [
    {
      id: 'history',
      title: 'History',
      validate: (form) => ({ history: sourceProblem(form.history) }),
      errorField: 'history',
      onNext: async ({ form, setForm }) => {
        const range = await readSource(port, form.history);
        const h = readHistory(range);
        setData({ range, ...h });
        // default backtest: the last fifth of the history, at most the horizon
        setForm((f) => ({ ...f, backtest: f.backtest || String(Math.max(1, Math.floor(h.values.length / 5))) }));
      },
    },
    {
      id: 'options',
      title: 'Options',
      errorField: 'horizon',
      onNext: ({ form, setErrors }) => {
        if (!data) return { stay: true };
        const v = validateForecastOptions(form, data.values.length);
        setErrors(v.errors);
        if (!v.options) return { stay: true };
        setComputed({ options: v.options, preview: computeForecast(data.values, v.options) });
      },
    },
    previewStep({ sheetField: 'sheetName', baseName: 'Forecast' }),
    writeStep({
      errorField: 'sheetName',
      build: ({ form }) =>
        data && computed
          ? {
              plan: buildForecastPlan(
                form.sheetName,
                data.range,
                data.cells,
                computed.options,
                computed.preview,
                form.output,
              ),
              summary: `Wrote the forecast to sheet "${form.sheetName}".`,
            }
          : null,
    }),
  ];
  const m = useStepMachine<ForecastForm>({ port, steps, initialForm: INITIAL });
  return { ...m, data, preview: computed?.preview };
}
