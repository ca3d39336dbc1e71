import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { type SourceChoice, readSource, sourceProblem } from '../../components/source';
import type { RangeData, WorkbookPort } from '../../workbook/port';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { WizardStep } from '../steps/types';
import { hasErrors, useStepMachine } from '../steps/useStepMachine';
import { buildCreditWrite, computeCredit, computeRelief, readPeriod, readReliefOptions } from './compute';
import type { CreditErrors, CreditForm, CreditPreview } from './types';

const blankRange = (): SourceChoice => ({ kind: 'range', text: '' });

const INITIAL: CreditForm = {
  deals: blankRange(),
  splits: blankRange(),
  ownership: blankRange(),
  fromMonth: '',
  toMonth: '',
  roster: blankRange(),
  quotas: blankRange(),
  accountQuotas: blankRange(),
  baselineDate: '',
  firstMonth: '',
  months: '12',
  sheetName: 'Credits',
};

/** A range or table left empty: an optional table not given. */
const isEmpty = (c: SourceChoice) => (c.kind === 'range' ? c.text.trim() === '' : c.name === '');

/** Reads an optional source: undefined when left empty. */
const readOptional = async (port: WorkbookPort, c: SourceChoice) =>
  isEmpty(c) ? undefined : (await readSource(port, c)).values;

/** State and steps of the Credit wizard. */
export function useCreditWizard(port: WorkbookPort) {
  const [credit, setCredit] = React.useState<CreditPreview>();
  const [relief, setRelief] = React.useState<(string | number)[][]>();
  const [roster, setRoster] = React.useState<RangeData>();
  const steps: WizardStep<CreditForm, CreditErrors>[] = [
    {
      id: 'tables',
      title: 'Tables',
      validate: (form) => ({
        deals: sourceProblem(form.deals),
        splits: isEmpty(form.splits) ? undefined : sourceProblem(form.splits),
        ownership: isEmpty(form.ownership) ? undefined : sourceProblem(form.ownership),
        roster: isEmpty(form.roster) ? undefined : sourceProblem(form.roster),
        ...readPeriod(form).errors,
      }),
      errorField: 'deals',
      onNext: async ({ form }) => {
        const period = readPeriod(form);
        if (hasErrors(period.errors)) return { errors: period.errors };
        let r: RangeData | undefined;
        if (!isEmpty(form.roster)) {
          try {
            r = await readSource(port, form.roster);
          } catch (e) {
            return { errors: { roster: errorMessage(e) } };
          }
          if (r.values.length < 2) return { errors: { roster: 'Roster: a header row, then one rep name a row.' } };
        }
        try {
          const deals = (await readSource(port, form.deals)).values;
          const [splits, ownership] = [await readOptional(port, form.splits), await readOptional(port, form.ownership)]; // prettier-ignore
          setCredit(computeCredit(deals, splits, ownership, period));
          setRoster(r);
        } catch (e) {
          return { errors: { deals: errorMessage(e) } };
        }
      },
    },
    {
      id: 'relief',
      title: 'Quota relief',
      validate: (form) => {
        if (isEmpty(form.quotas)) return {}; // no quotas: no relief
        return {
          quotas: isEmpty(form.ownership) ? 'Quotas: quota relief needs the Ownership table (Tables step).' : undefined,
          accountQuotas: isEmpty(form.accountQuotas)
            ? 'Account quotas: choose the monthly quota contribution per account (Account, Quota).'
            : sourceProblem(form.accountQuotas),
          ...readReliefOptions(form).errors,
        };
      },
      errorField: 'quotas',
      onNext: async ({ form }) => {
        if (isEmpty(form.quotas)) {
          setRelief(undefined);
          return;
        }
        const { options, errors } = readReliefOptions(form);
        if (!options) return { errors };
        const read = async (field: keyof CreditForm, c: SourceChoice) => {
          try {
            return { values: (await readSource(port, c)).values };
          } catch (e) {
            return { errors: { [field]: errorMessage(e) } as CreditErrors };
          }
        };
        const q = await read('quotas', form.quotas);
        const a = await read('accountQuotas', form.accountQuotas);
        const o = await read('ownership', form.ownership);
        if (!q.values || !a.values || !o.values) return { errors: { ...q.errors, ...a.errors, ...o.errors } };
        const r = computeRelief(q.values, a.values, o.values, options);
        if (!r.relief) return { errors: r.errors.ownership ? { quotas: r.errors.ownership } : r.errors };
        setRelief(r.relief);
      },
    },
    previewStep({ sheetField: 'sheetName', baseName: 'Credits' }),
    writeStep({
      errorField: 'sheetName',
      build: ({ form }) => {
        if (!credit) return null;
        const preview = { ...credit, relief };
        const period = readPeriod(form);
        const refs = {
          deals: form.deals,
          splits: isEmpty(form.splits) ? undefined : form.splits,
          ownership: isEmpty(form.ownership) ? undefined : form.ownership,
          from: period.from,
          to: period.to,
        };
        const quotas = relief ? ` and relieved quotas for ${relief.length - 1} reps` : '';
        const column = roster ? `, and ${roster.values.length - 1} SALESOPS.CREDITED formulas beside the roster` : '';
        return {
          plan: buildCreditWrite(form.sheetName, preview, roster ? { data: roster, refs } : undefined),
          summary: `Wrote ${preview.trail.length - 1} credits for ${preview.perRep.length} reps${quotas} to sheet "${form.sheetName}"${column}.`, // prettier-ignore
        };
      },
    }),
  ];
  const m = useStepMachine<CreditForm, CreditErrors>({ port, steps, initialForm: INITIAL });
  const update = <K extends keyof CreditForm>(key: K, value: CreditForm[K]): void => {
    m.setForm((f) => ({ ...f, [key]: value }));
    m.clearErrors(key);
  };
  const preview: CreditPreview | undefined = credit ? { ...credit, relief } : undefined;
  return { ...m, preview, roster, update };
}
