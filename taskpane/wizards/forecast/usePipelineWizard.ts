import * as React from 'react';
import type { StageProbabilities } from '../../../src/forecast';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import type { RangeData, WorkbookPort } from '../../workbook/port';
import { guessColumn } from '../columns';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { FieldErrors, WizardStep } from '../steps/types';
import { hasErrors, useStepMachine } from '../steps/useStepMachine';
import {
  buildPipelinePlan,
  computePipeline,
  readOpportunityTable,
  readStageTable,
  validatePipelineOptions,
} from './pipelineModel';
import type { PipelineChecked, PipelineForm, PipelinePreview } from './types';

/** The opportunity and stage tables as read, and the opportunity table's column names. */
export interface PipelineData {
  opps: RangeData;
  stagesRange: RangeData;
  stages: StageProbabilities;
  columns: string[];
}

const INITIAL: PipelineForm = {
  opportunities: { kind: 'range', text: '' },
  stages: { kind: 'range', text: '' },
  amount: '',
  stage: '',
  closeDate: '',
  category: '',
  from: '',
  to: '',
  output: 'formulas',
  sheetName: 'Pipeline',
};

/** Reads the two tables; the field's message when one cannot be read. */
async function readTables(
  port: WorkbookPort,
  form: PipelineForm,
): Promise<PipelineData | { errors: FieldErrors<PipelineForm> }> {
  let opps: RangeData;
  let columns: string[];
  try {
    opps = await readSource(port, form.opportunities);
    columns = readOpportunityTable(opps);
  } catch (e) {
    return { errors: { opportunities: errorMessage(e) } };
  }
  try {
    const stagesRange = await readSource(port, form.stages);
    return { opps, stagesRange, stages: readStageTable(stagesRange), columns };
  } catch (e) {
    return { errors: { stages: errorMessage(e) } };
  }
}

/** State and steps of the pipeline wizard (an opportunity table → weighted pipeline and category roll-up). */
export function usePipelineWizard(port: WorkbookPort) {
  const [data, setData] = React.useState<PipelineData>();
  const [computed, setComputed] = React.useState<{ options: PipelineChecked; preview: PipelinePreview }>();

  const steps: WizardStep<PipelineForm>[] = [
    {
      id: 'opportunities',
      title: 'Opportunities',
      validate: (form) => ({ opportunities: sourceProblem(form.opportunities), stages: sourceProblem(form.stages) }),
      onNext: async ({ form, setForm }) => {
        const read = await readTables(port, form);
        if ('errors' in read) return { errors: read.errors };
        setData(read);
        const { columns } = read;
        const keep = (v: string, ...words: string[]) => (columns.includes(v) ? v : guessColumn(columns, ...words));
        setForm((f) => ({
          ...f,
          amount: keep(f.amount, 'amount', 'value'),
          stage: keep(f.stage, 'stage'),
          closeDate: keep(f.closeDate, 'close', 'date'),
          category: keep(f.category, 'categor'),
        }));
      },
    },
    {
      id: 'columns',
      title: 'Columns',
      // e.g. the core's #N/A for a stage missing from the stage table
      errorField: 'stage',
      onNext: ({ form, setErrors }) => {
        if (!data) return { stay: true };
        const v = validatePipelineOptions(form, data.columns);
        setErrors(v.errors);
        if (!v.options || hasErrors(v.errors)) return { stay: true };
        setComputed({ options: v.options, preview: computePipeline(data.opps, data.stages, v.options) });
      },
    },
    previewStep({ sheetField: 'sheetName', baseName: 'Pipeline' }),
    writeStep({
      errorField: 'sheetName',
      build: ({ form }) =>
        data && computed
          ? {
              plan: buildPipelinePlan(
                form.sheetName,
                data.opps,
                data.stagesRange,
                computed.options,
                computed.preview,
                form.output,
              ),
              summary: `Wrote the weighted pipeline to sheet "${form.sheetName}".`,
            }
          : null,
    }),
  ];
  const m = useStepMachine<PipelineForm>({ port, steps, initialForm: INITIAL });
  return { ...m, data, preview: computed?.preview };
}
