import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { type SourceChoice, readSource, sourceProblem } from '../../components/source';
import type { WorkbookPort } from '../../workbook/port';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { WizardStep } from '../steps/types';
import { hasErrors, useStepMachine } from '../steps/useStepMachine';
import { buildCreditWrite, computeCredit, readPeriod } from './compute';
import type { CreditErrors, CreditForm, CreditPreview } from './types';

const INITIAL: CreditForm = {
  deals: { kind: 'range', text: '' },
  splits: { kind: 'range', text: '' },
  ownership: { kind: 'range', text: '' },
  fromMonth: '',
  toMonth: '',
  sheetName: 'Credits',
};

/** A range or table left empty: an optional table not given. */
const isEmpty = (c: SourceChoice) => (c.kind === 'range' ? c.text.trim() === '' : c.name === '');

/** State and steps of the Credit wizard. */
export function useCreditWizard(port: WorkbookPort) {
  const [preview, setPreview] = React.useState<CreditPreview>();
  const steps: WizardStep<CreditForm, CreditErrors>[] = [
    {
      id: 'tables',
      title: 'Tables',
      validate: (form) => ({
        deals: sourceProblem(form.deals),
        splits: isEmpty(form.splits) ? undefined : sourceProblem(form.splits),
        ownership: isEmpty(form.ownership) ? undefined : sourceProblem(form.ownership),
        ...readPeriod(form).errors,
      }),
      errorField: 'deals',
      onNext: async ({ form }) => {
        const period = readPeriod(form);
        if (hasErrors(period.errors)) return { errors: period.errors };
        try {
          const deals = (await readSource(port, form.deals)).values;
          const splits = isEmpty(form.splits) ? undefined : (await readSource(port, form.splits)).values;
          const ownership = isEmpty(form.ownership) ? undefined : (await readSource(port, form.ownership)).values;
          setPreview(computeCredit(deals, splits, ownership, period));
        } catch (e) {
          return { errors: { deals: errorMessage(e) } };
        }
      },
    },
    previewStep({ sheetField: 'sheetName', baseName: 'Credits' }),
    writeStep({
      errorField: 'sheetName',
      build: ({ form }) =>
        preview
          ? {
              plan: buildCreditWrite(form.sheetName, preview),
              summary: `Wrote ${preview.trail.length - 1} credits for ${preview.perRep.length} reps to sheet "${form.sheetName}".`,
            }
          : null,
    }),
  ];
  const m = useStepMachine<CreditForm, CreditErrors>({ port, steps, initialForm: INITIAL });
  const update = <K extends keyof CreditForm>(key: K, value: CreditForm[K]): void => {
    m.setForm((f) => ({ ...f, [key]: value }));
    m.clearErrors(key);
  };
  return { ...m, preview, update };
}
