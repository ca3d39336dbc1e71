import * as React from 'react';
import type { CompPlan } from '../../../src/comp';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceLeftEmpty, sourceProblem } from '../../components/source';
import type { RangeData, WorkbookPort } from '../../workbook/port';
import { uniqueTableName } from '../../workbook/transaction';
import { numberField } from '../fields';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { FieldErrors, WizardStep } from '../steps/types';
import { hasErrors, useStepMachine } from '../steps/useStepMachine';
import {
  TEMPLATES,
  buildCompWrite,
  paidWithDrawCurve,
  parsePlan,
  payoutCurve,
  planToRows,
  rosterCost,
  whatIf,
} from './compute';
import type { CompForm, CompTemplateId, WhatIf } from './types';

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

const INITIAL = (): CompForm => ({
  template: 'accelerator',
  rows: planToRows(TEMPLATES.accelerator.plan),
  roster: { kind: 'range', text: '' },
  repCount: '10',
  sheetName: 'Comp plan',
  tableName: 'CompPlan',
  writePayoutColumn: false,
});

/** The comp plan's preview: payout curve (and with a draw, the first period's pay), what-if and roster cost. */
function previewOf(plan: CompPlan, reps: number, roster: RangeData | undefined): CompPreview {
  const cost = roster ? rosterCost(plan, roster) : undefined;
  const n = cost?.reps ?? reps;
  const curve = payoutCurve(plan);
  return {
    curve,
    paidCurve: paidWithDrawCurve(plan, curve),
    draw: plan.draw
      ? { name: plan.draw.name ?? 'Draw', amount: plan.draw.amount, recoverable: plan.draw.recoverable }
      : undefined,
    whatIf: whatIf(plan, n),
    reps: n,
    rosterCost: cost?.cost,
  };
}

/** State and steps of the comp plan wizard. */
export function useCompWizard(port: WorkbookPort) {
  const [read, setRead] = React.useState<{ plan: CompPlan; roster?: RangeData; preview: CompPreview }>();

  const steps: WizardStep<CompForm>[] = [
    { id: 'template', title: 'Template' },
    {
      id: 'tiers',
      title: 'Tiers',
      onNext: async ({ form }) => {
        const errors: FieldErrors<CompForm> = {};
        let plan: CompPlan | undefined;
        try {
          plan = parsePlan(form.rows);
        } catch (e) {
          errors.rows = errorMessage(e);
        }
        const reps = numberField(form.repCount, 'Reps', { min: 1, max: 100000, integer: true });
        if (!reps.ok) errors.repCount = reps.error;
        let roster: RangeData | undefined;
        if (!sourceLeftEmpty(form.roster, { tableModeCounts: true })) {
          const problem = sourceProblem(form.roster);
          if (problem) errors.roster = problem;
          else
            try {
              roster = await readSource(port, form.roster);
            } catch (e) {
              errors.roster = errorMessage(e);
            }
        }
        if (!plan || hasErrors(errors)) return { errors };
        try {
          setRead({ plan, roster, preview: previewOf(plan, reps.ok ? (reps.value ?? 1) : 1, roster) });
        } catch (e) {
          return { errors: { [roster ? 'roster' : 'rows']: errorMessage(e) } };
        }
      },
    },
    previewStep({
      sheetField: 'sheetName',
      baseName: 'Comp plan',
      alsoSet: async ({ port: p }) => ({
        tableName: uniqueTableName(
          (await p.listTables()).map((t) => t.name),
          'CompPlan',
        ),
        writePayoutColumn: read?.roster !== undefined,
      }),
    }),
    writeStep({
      errorField: 'sheetName',
      build: ({ form }) => {
        if (!read) return null;
        const { plan, roster } = read;
        const withPayout = form.writePayoutColumn && roster !== undefined;
        return {
          plan: buildCompWrite(plan, form.sheetName, form.tableName, withPayout ? roster : undefined),
          summary: `Wrote plan table ${form.tableName} to sheet "${form.sheetName}"${withPayout ? ' and a payout column next to the roster' : ''}.${plan.draw ? ' Pay its draw across periods with =SALESOPS.PLANDRAW(<plan table>, <earned column>).' : ''}`,
        };
      },
    }),
  ];
  const m = useStepMachine<CompForm>({ port, steps, initialForm: INITIAL });
  const chooseTemplate = (t: CompTemplateId): void => {
    m.setForm((f) => ({ ...f, template: t, rows: planToRows(TEMPLATES[t].plan) }));
  };
  return { ...m, preview: read?.preview, roster: read?.roster, chooseTemplate };
}
