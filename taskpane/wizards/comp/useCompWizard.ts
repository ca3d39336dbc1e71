import * as React from 'react';
import type { CompPlan } from '../../../src/comp';
import type { RangeData } from '../../workbook/port';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import { useWriter } from '../../components/useWriter';
import type { WorkbookPort } from '../../workbook/port';
import { uniqueSheetName, uniqueTableName } from '../../workbook/transaction';
import { numberField } from '../fields';
import {
  TEMPLATES,
  buildCompPlan,
  paidWithDrawCurve,
  parsePlan,
  payoutCurve,
  planToRows,
  rosterCost,
  whatIf,
} from './model';
import type { CompForm, CompTemplateId, WhatIf } from './types';

export const COMP_STEPS = ['Template', 'Tiers', 'Preview', 'Write'] as const;

export interface CompPreview {
  curve: { x: number; y: number }[];
  /** With a draw: what a first period pays at each point of `curve`. */
  paidCurve?: { x: number; y: number }[];
  /** With a draw: its label, amount per period and kind, for the preview's note. */
  draw?: { name: string; amount: number; recoverable: boolean };
  whatIf: WhatIf[];
  reps: number;
  rosterCost?: number;
}

/** State and steps of the comp plan wizard. */
export function useCompWizard(port: WorkbookPort) {
  const [step, setStep] = React.useState(0);
  const [form, setForm] = React.useState<CompForm>({
    template: 'accelerator',
    rows: planToRows(TEMPLATES.accelerator.plan),
    roster: { kind: 'range', text: '' },
    repCount: '10',
    sheetName: 'Comp plan',
    tableName: 'CompPlan',
    writePayoutColumn: false,
  });
  const [errors, setErrors] = React.useState<Partial<Record<keyof CompForm, string>>>({});
  const [plan, setPlan] = React.useState<CompPlan>();
  const [roster, setRoster] = React.useState<RangeData>();
  const [preview, setPreview] = React.useState<CompPreview>();
  const [busy, setBusy] = React.useState(false);
  const writer = useWriter(port);
  const update = <K extends keyof CompForm>(key: K, value: CompForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const chooseTemplate = (t: CompTemplateId): void => {
    setForm((f) => ({ ...f, template: t, rows: planToRows(TEMPLATES[t].plan) }));
  };

  const next = async (): Promise<void> => {
    setBusy(true);
    try {
      if (step === 0) setStep(1);
      else if (step === 1) {
        const errs: Partial<Record<keyof CompForm, string>> = {};
        let p: CompPlan | undefined;
        try {
          p = parsePlan(form.rows);
        } catch (e) {
          errs.rows = errorMessage(e);
        }
        const reps = numberField(form.repCount, 'Reps', { min: 1, max: 100000, integer: true });
        if (!reps.ok) errs.repCount = reps.error;
        let r: RangeData | undefined;
        const hasRoster = form.roster.kind === 'table' || form.roster.text.trim() !== '';
        if (hasRoster) {
          const problem = sourceProblem(form.roster);
          if (problem) errs.roster = problem;
          else
            try {
              r = await readSource(port, form.roster);
            } catch (e) {
              errs.roster = errorMessage(e);
            }
        }
        setErrors(errs);
        if (!p || Object.values(errs).some(Boolean)) return;
        try {
          const cost = r ? rosterCost(p, r) : undefined;
          const n = cost?.reps ?? (reps.ok ? (reps.value ?? 1) : 1);
          const curve = payoutCurve(p);
          setPreview({
            curve,
            paidCurve: paidWithDrawCurve(p, curve),
            draw: p.draw
              ? { name: p.draw.name ?? 'Draw', amount: p.draw.amount, recoverable: p.draw.recoverable }
              : undefined,
            whatIf: whatIf(p, n),
            reps: n,
            rosterCost: cost?.cost,
          });
          setPlan(p);
          setRoster(r);
          setStep(2);
        } catch (e) {
          setErrors({ [r ? 'roster' : 'rows']: errorMessage(e) });
        }
      } else if (step === 2) {
        const [sheets, tables] = await Promise.all([port.listSheets(), port.listTables()]);
        setForm((f) => ({
          ...f,
          sheetName: uniqueSheetName(sheets, 'Comp plan'),
          tableName: uniqueTableName(
            tables.map((t) => t.name),
            'CompPlan',
          ),
          writePayoutColumn: roster !== undefined,
        }));
        setStep(3);
      } else if (step === 3 && plan) {
        try {
          const w = buildCompPlan(plan, form.sheetName, form.tableName, form.writePayoutColumn ? roster : undefined);
          await writer.write(
            w,
            `Wrote plan table ${form.tableName} to sheet "${form.sheetName}"${form.writePayoutColumn && roster ? ' and a payout column next to the roster' : ''}.${plan.draw ? ' Pay its draw across periods with =SALESOPS.PLANDRAW(<plan table>, <earned column>).' : ''}`,
          );
        } catch (e) {
          setErrors({ sheetName: errorMessage(e) });
        }
      }
    } finally {
      setBusy(false);
    }
  };
  const back = (): void => setStep((s) => Math.max(0, s - 1));
  return { step, form, errors, preview, roster, busy, update, chooseTemplate, next, back, writer };
}
