import * as React from 'react';
import { Body1, Checkbox, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { PLAN_TABLE_HEADER } from '../../../src/comp';
import { LinePreview } from '../../components/ChartPreview';
import { DataTable } from '../../components/DataTable';
import { GridEditor } from '../../components/GridEditor';
import { SourcePicker } from '../../components/SourcePicker';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { WizardFrame } from '../../components/WizardFrame';
import { money, percent } from '../fields';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { FormulaFields } from './FormulaFields';
import { TEMPLATES } from './compute';
import type { CompTemplateId } from './types';
import { useCompWizard } from './useCompWizard';

/** Comp plan: template → tiers grid → payout curve and what-if → plan table (+ PLANPAYOUT column). */
export function CompWizard({ port }: WizardProps): React.JSX.Element {
  const w = useCompWizard(port);
  const styles = useWizardStyles();
  const { form, errors, preview } = w;
  return (
    <WizardFrame title="Comp plan" {...w.frame}>
      <div className={styles.form}>
        {w.stepId === 'template' ? (
          <Field label="Start from a template">
            <RadioGroup value={form.template} onChange={(_, d) => w.chooseTemplate(d.value as CompTemplateId)}>
              {(Object.keys(TEMPLATES) as CompTemplateId[]).map((k) => (
                <Radio key={k} value={k} label={TEMPLATES[k].label} />
              ))}
            </RadioGroup>
          </Field>
        ) : null}
        {w.stepId === 'tiers' ? (
          <>
            <Body1>
              Edit the plan table: a plan row (target incentive per period), one row per component (weight, quota,
              method, cap, threshold) and its bands (attainment bound, rate multiplier), and optionally a draw row (Rate
              = draw per period; Method = recoverable or non-recoverable), or formula rows (a rule in the Formula
              column, checked below as you type). Fractions: 1.5 = 150 %.
            </Body1>
            <GridEditor
              caption="Plan table"
              columns={[...PLAN_TABLE_HEADER]}
              rows={form.rows}
              onChange={(rows) => w.update('rows', rows)}
            />
            <FormulaFields rows={form.rows} onChange={(rows) => w.update('rows', rows)} />
            {errors.rows ? <ErrorMessage message={errors.rows} /> : null}
            <SourcePicker
              port={port}
              label="Roster (optional: header row of measure names, one rep a row)"
              {...w.field('roster')}
            />
            <TextField label="Reps (for the cost of plan without a roster)" {...w.field('repCount')} />
          </>
        ) : null}
        {w.stepId === 'preview' && preview ? (
          <>
            <LinePreview
              title="Payout by attainment (%)"
              series={[
                { legend: 'Payout per rep', points: preview.curve },
                ...(preview.paidCurve
                  ? [{ legend: 'Paid in a first period (with draw)', points: preview.paidCurve }]
                  : []),
              ]}
            />
            {preview.draw ? (
              <Body1>
                {`${preview.draw.name}: ${money(preview.draw.amount)} per period, ${preview.draw.recoverable ? 'recoverable (a shortfall is owed back from later earnings above the draw)' : 'non-recoverable (a shortfall is not owed back)'}.`}
              </Body1>
            ) : null}
            <DataTable
              caption="What-if"
              header={[
                'Attainment',
                'Payout per rep',
                `Cost for ${preview.reps} reps`,
                ...(preview.draw ? ['Paid with draw', 'Owed after'] : []),
              ]}
              rows={preview.whatIf.map((x) => [
                percent(x.attainment, 0),
                money(x.payoutPerRep),
                money(x.cost),
                ...(preview.draw ? [money(x.paidWithDraw ?? 0), money(x.drawOwed ?? 0)] : []),
              ])}
            />
            {preview.rosterCost !== undefined ? (
              <Text weight="semibold">{`Cost of plan at the roster's actuals: ${money(preview.rosterCost)}`}</Text>
            ) : null}
          </>
        ) : null}
        {w.stepId === 'write' ? (
          <>
            <TextField label="New sheet name" {...w.field('sheetName')} />
            <TextField label="Table name" value={form.tableName} onChange={(v) => w.update('tableName', v)} />
            {w.roster ? (
              <Checkbox
                checked={form.writePayoutColumn}
                onChange={(_, d) => w.update('writePayoutColumn', d.checked === true)}
                label="Add a Payout column of SALESOPS.PLANPAYOUT formulas next to the roster"
              />
            ) : null}
            <StatusMessage status={w.writer.status} />
          </>
        ) : null}
      </div>
    </WizardFrame>
  );
}
