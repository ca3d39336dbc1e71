import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import { useWriter } from '../../components/useWriter';
import type { RangeData, WorkbookPort } from '../../workbook/port';
import { uniqueSheetName } from '../../workbook/transaction';
import type { StageProbabilities } from '../../../src/forecast';
import { buildForecastPlan, computeForecast, readHistory, validateForecastOptions } from './model';
import {
  buildPipelinePlan,
  computePipeline,
  guessColumn,
  readOpportunityTable,
  readStageTable,
  validatePipelineOptions,
} from './pipelineModel';
import type {
  ForecastForm,
  ForecastMode,
  ForecastOptionsChecked,
  ForecastPreview,
  PipelineChecked,
  PipelineForm,
  PipelinePreview,
} from './types';

export const FORECAST_STEPS = ['History', 'Options', 'Preview', 'Write'] as const;
export const PIPELINE_STEPS = ['Opportunities', 'Columns', 'Preview', 'Write'] as const;

interface PipelineData {
  opps: RangeData;
  stagesRange: RangeData;
  stages: StageProbabilities;
  columns: string[];
}

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
  const [mode, setModeState] = React.useState<ForecastMode>('history');
  const [pform, setPform] = React.useState<PipelineForm>({
    opportunities: { kind: 'range', text: '' },
    stages: { kind: 'range', text: '' },
    amount: '',
    stage: '',
    closeDate: '',
    category: '',
    from: '',
    to: '',
  });
  const [perrors, setPerrors] = React.useState<Partial<Record<keyof PipelineForm, string>>>({});
  const [pdata, setPdata] = React.useState<PipelineData>();
  const [poptions, setPoptions] = React.useState<PipelineChecked>();
  const [ppreview, setPpreview] = React.useState<PipelinePreview>();
  const writer = useWriter(port);
  const update = <K extends keyof ForecastForm>(key: K, value: ForecastForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const updatePipeline = <K extends keyof PipelineForm>(key: K, value: PipelineForm[K]): void => {
    setPform((f) => ({ ...f, [key]: value }));
    setPerrors((e) => ({ ...e, [key]: undefined }));
  };
  const setMode = (m: ForecastMode): void => {
    setModeState(m);
    setStep(0);
    setErrors({});
    setPerrors({});
  };

  const nextPipeline = async (): Promise<void> => {
    if (step === 0) {
      const errs: Partial<Record<keyof PipelineForm, string>> = {
        opportunities: sourceProblem(pform.opportunities),
        stages: sourceProblem(pform.stages),
      };
      if (errs.opportunities || errs.stages) return setPerrors(errs);
      let opps: RangeData;
      let columns: string[];
      try {
        opps = await readSource(port, pform.opportunities);
        columns = readOpportunityTable(opps);
      } catch (e) {
        return setPerrors({ opportunities: errorMessage(e) });
      }
      try {
        const stagesRange = await readSource(port, pform.stages);
        const stages = readStageTable(stagesRange);
        setPdata({ opps, stagesRange, stages, columns });
      } catch (e) {
        return setPerrors({ stages: errorMessage(e) });
      }
      const keep = (v: string, ...words: string[]) => (columns.includes(v) ? v : guessColumn(columns, ...words));
      setPform((f) => ({
        ...f,
        amount: keep(f.amount, 'amount', 'value'),
        stage: keep(f.stage, 'stage'),
        closeDate: keep(f.closeDate, 'close', 'date'),
        category: keep(f.category, 'categor'),
      }));
      setPerrors({});
      setStep(1);
    } else if (step === 1 && pdata) {
      const v = validatePipelineOptions(pform, pdata.columns);
      setPerrors(v.errors);
      if (!v.options) return;
      try {
        setPpreview(computePipeline(pdata.opps, pdata.stages, v.options));
        setPoptions(v.options);
        setStep(2);
      } catch (e) {
        // e.g. the core's #N/A for a stage missing from the stage table
        setPerrors({ stage: errorMessage(e) });
      }
    } else if (step === 2) {
      update('sheetName', uniqueSheetName(await port.listSheets(), 'Pipeline'));
      setStep(3);
    } else if (step === 3 && pdata && poptions && ppreview) {
      try {
        const plan = buildPipelinePlan(form.sheetName, pdata.opps, pdata.stagesRange, poptions, ppreview, form.output);
        await writer.write(plan, `Wrote the weighted pipeline to sheet "${form.sheetName}".`);
      } catch (e) {
        setErrors({ sheetName: errorMessage(e) });
      }
    }
  };

  const next = async (): Promise<void> => {
    setBusy(true);
    try {
      if (mode === 'pipeline') {
        await nextPipeline();
      } else if (step === 0) {
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
  return {
    step,
    mode,
    setMode,
    steps: mode === 'pipeline' ? PIPELINE_STEPS : FORECAST_STEPS,
    form,
    errors,
    data,
    preview,
    pform,
    perrors,
    pdata,
    ppreview,
    busy,
    update,
    updatePipeline,
    next,
    back,
    writer,
  };
}
