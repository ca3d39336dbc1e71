import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import { useWriter } from '../../components/useWriter';
import type { RangeData, WorkbookPort } from '../../workbook/port';
import { uniqueSheetName } from '../../workbook/transaction';
import { buildForecastPlan, computeForecast, readHistory, validateForecastOptions } from './model';
import type { ForecastForm, ForecastOptionsChecked, ForecastPreview } from './types';

export const FORECAST_STEPS = ['History', 'Options', 'Preview', 'Write'] as const;

/** State and steps of the forecast wizard. */
export function useForecastWizard(port: WorkbookPort) {
  const [step, setStep] = React.useState(0);
  const [form, setForm] = React.useState<ForecastForm>({
    history: { kind: 'range', text: '' },
    horizon: '12',
    method: 'auto',
    seasonality: '',
    confidence: '0.95',
    backtest: '',
    output: 'formulas',
    sheetName: 'Forecast',
  });
  const [errors, setErrors] = React.useState<Partial<Record<keyof ForecastForm, string>>>({});
  const [data, setData] = React.useState<{ range: RangeData; values: (number | null)[]; cells: string[] }>();
  const [options, setOptions] = React.useState<ForecastOptionsChecked>();
  const [preview, setPreview] = React.useState<ForecastPreview>();
  const [busy, setBusy] = React.useState(false);
  const writer = useWriter(port);
  const update = <K extends keyof ForecastForm>(key: K, value: ForecastForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const next = async (): Promise<void> => {
    setBusy(true);
    try {
      if (step === 0) {
        const p = sourceProblem(form.history);
        if (p) return setErrors({ history: p });
        try {
          const range = await readSource(port, form.history);
          const h = readHistory(range);
          setData({ range, ...h });
          // default backtest: the last fifth of the history, at most the horizon
          setForm((f) => ({ ...f, backtest: f.backtest || String(Math.max(1, Math.floor(h.values.length / 5))) }));
          setStep(1);
        } catch (e) {
          setErrors({ history: errorMessage(e) });
        }
      } else if (step === 1 && data) {
        const v = validateForecastOptions(form, data.values.length);
        setErrors(v.errors);
        if (!v.options) return;
        try {
          setPreview(computeForecast(data.values, v.options));
          setOptions(v.options);
          setStep(2);
        } catch (e) {
          setErrors({ horizon: errorMessage(e) });
        }
      } else if (step === 2) {
        update('sheetName', uniqueSheetName(await port.listSheets(), 'Forecast'));
        setStep(3);
      } else if (step === 3 && data && options && preview) {
        try {
          const plan = buildForecastPlan(form.sheetName, data.range, data.cells, options, preview, form.output);
          await writer.write(plan, `Wrote the forecast to sheet "${form.sheetName}".`);
        } catch (e) {
          setErrors({ sheetName: errorMessage(e) });
        }
      }
    } finally {
      setBusy(false);
    }
  };
  const back = (): void => setStep((s) => Math.max(0, s - 1));
  return { step, form, errors, data, preview, busy, update, next, back, writer };
}
