import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { type SourceChoice, readSource, readSourceFor, sourceLeftEmpty, sourceProblem } from '../../components/source';
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

/** Reads an optional table for `field`: undefined when left empty, else its values or the read error there. */
async function readOptional(port: WorkbookPort, c: SourceChoice, field: keyof CreditForm) {
  if (sourceLeftEmpty(c)) return { values: undefined };
  const r = await readSourceFor(port, c, field);
  return r.data ? { values: r.data.values } : { errors: r.errors };
}

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
        splits: sourceLeftEmpty(form.splits) ? undefined : sourceProblem(form.splits),
        ownership: sourceLeftEmpty(form.ownership) ? undefined : sourceProblem(form.ownership),
        roster: sourceLeftEmpty(form.roster) ? undefined : sourceProblem(form.roster),
        ...readPeriod(form).errors,
      }),
      errorField: 'deals',
      onNext: async ({ form }) => {
        const period = readPeriod(form);
        if (hasErrors(period.errors)) return { errors: period.errors };
        let r: RangeData | undefined;
        if (!sourceLeftEmpty(form.roster)) {
          try {
            r = await readSource(port, form.roster);
          } catch (e) {
            return { errors: { roster: errorMessage(e) } };
          }
          if (r.values.length < 2) return { errors: { roster: 'Roster: a header row, then one rep name a row.' } };
        }
        // Each table read on its own: a read error shows under its own picker.
        const deals = await readSourceFor(port, form.deals, 'deals');
        const splits = await readOptional(port, form.splits, 'splits');
        const ownership = await readOptional(port, form.ownership, 'ownership');
        if (!deals.data || splits.errors || ownership.errors)
          return { errors: { ...deals.errors, ...splits.errors, ...ownership.errors } };
        try {
          setCredit(computeCredit(deals.data.values, splits.values, ownership.values, period));
        } catch (e) {
          const message = errorMessage(e); // names its table: "splits: row 3: …"
          return { errors: { [/^(splits|ownership)\b/.exec(message)?.[1] ?? 'deals']: message } };
        }
        setRoster(r);
      },
    },
    {
      id: 'relief',
      title: 'Quota relief',
      validate: (form) => {
        if (sourceLeftEmpty(form.quotas)) return {}; // no quotas: no relief
        return {
          quotas: sourceLeftEmpty(form.ownership)
            ? 'Quotas: quota relief needs the Ownership table (Tables step).'
            : undefined,
          accountQuotas: sourceLeftEmpty(form.accountQuotas)
            ? 'Account quotas: choose the monthly quota contribution per account (Account, Quota).'
            : sourceProblem(form.accountQuotas),
          ...readReliefOptions(form).errors,
        };
      },
      errorField: 'quotas',
      onNext: async ({ form }) => {
        if (sourceLeftEmpty(form.quotas)) {
          setRelief(undefined);
          return;
        }
        const { options, errors } = readReliefOptions(form);
        if (!options) return { errors };
        const q = await readSourceFor(port, form.quotas, 'quotas');
        const a = await readSourceFor(port, form.accountQuotas, 'accountQuotas');
        const o = await readSourceFor(port, form.ownership, 'ownership');
        if (!q.data || !a.data || !o.data) return { errors: { ...q.errors, ...a.errors, ...o.errors } };
        const r = computeRelief(q.data.values, a.data.values, o.data.values, options);
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
          splits: sourceLeftEmpty(form.splits) ? undefined : form.splits,
          ownership: sourceLeftEmpty(form.ownership) ? undefined : form.ownership,
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
  const preview: CreditPreview | undefined = credit ? { ...credit, relief } : undefined;
  return { ...m, preview, roster };
}
