import * as React from 'react';
import { Body1, Radio, RadioGroup, Field, Text } from '@fluentui/react-components';
import { LinePreview } from '../../components/ChartPreview';
import { DataTable } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { TextField } from '../../components/TextField';
import { WizardFrame } from '../../components/WizardFrame';
import { WriteOptions } from '../../components/WriteOptions';
import { isoMonth, serialToDate } from '../../../src/shared/dates';
import { money } from '../fields';
import { FieldRow } from '../FieldRow';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { own } from './compute';
import { useQuotaWizard } from './useQuotaWizard';

const monthLabel = (serial: number): string => {
  const d = serialToDate(serial);
  return isoMonth(d.year, d.month);
};

/** Quota and capacity: roster → options → capacity vs target and hires → write the monthly quota schedule. */
export function QuotaWizard({ port }: WizardProps): React.JSX.Element {
  const w = useQuotaWizard(port);
  const styles = useWizardStyles();
  const { form, errors, result } = w;
  return (
    <WizardFrame title="Quota and capacity" {...w.frame}>
      <div className={styles.form}>
        {w.stepId === 'roster' ? (
          <>
            <Body1>
              The roster needs a header row with Rep, Full quota (per month), Start date and, optionally, End date and
              Profile (new hire, replacement, internal transfer or a name of your own; blank: the team ramp).
            </Body1>
            <SourcePicker port={port} label="Roster" {...w.field('roster')} />
          </>
        ) : null}
        {w.stepId === 'options' ? (
          <>
            <Text>{`${w.reps.length} reps read from the roster.`}</Text>
            <FieldRow>
              <TextField label="First month" placeholder="2026-01" {...w.field('firstMonth')} hint="YYYY-MM" />
              <TextField label="Months" {...w.field('months')} />
            </FieldRow>
            <TextField
              label="Ramp (fractions by tenure month)"
              {...w.field('ramp')}
              hint="e.g. 0.25, 0.5, 0.75 — then 100%; empty: no ramp"
            />
            {w.profiles.length > 0 ? (
              <>
                <Text>Reps with a profile carry its ramp; reps without one, the team ramp above.</Text>
                {w.profiles.map((p) => (
                  <TextField
                    key={p.key}
                    label={`Ramp: ${p.label}`}
                    value={own(form.profileRamps, p.key) ?? ''}
                    onChange={(v) => w.updateProfileRamp(p.key, v)}
                    error={own(errors.profileRamps, p.key)}
                    hint={p.kind ? undefined : 'A profile of your own: starts from the team ramp'}
                  />
                ))}
              </>
            ) : null}
            <Field label="Target by month">
              <RadioGroup
                layout="horizontal"
                value={form.targetMode}
                onChange={(_, d) => w.update('targetMode', d.value === 'range' ? 'range' : 'flat')}
              >
                <Radio value="flat" label="Same every month" />
                <Radio value="range" label="From a range" />
              </RadioGroup>
            </Field>
            {form.targetMode === 'flat' ? (
              <TextField label="Monthly target" {...w.field('flatTarget')} />
            ) : (
              <SourcePicker port={port} label="Targets" allowTables={false} {...w.field('targetRange')} />
            )}
            <FieldRow>
              <TextField label="Monthly attrition" {...w.field('attrition')} hint="e.g. 2% of the tenured team" />
              <TextField label="Hiring lead time (months)" {...w.field('leadTime')} />
            </FieldRow>
          </>
        ) : null}
        {w.stepId === 'preview' && result ? (
          <>
            <LinePreview
              title="Capacity vs target"
              series={[
                { legend: 'Target', points: result.targets.map((y, x) => ({ x: x + 1, y })) },
                { legend: 'Expected capacity', points: result.expected.map((y, x) => ({ x: x + 1, y })) },
                { legend: 'Capacity with hires', points: result.capacityWithHires.map((y, x) => ({ x: x + 1, y })) },
              ]}
            />
            <Text weight="semibold">{`Hires needed: ${result.totalHires} (new hires carry the roster's average full quota and ${
              result.hireProfile ? `the "${result.hireProfile.label}" ramp` : 'the team ramp'
            }).`}</Text>
            {result.unmet.length > 0 ? (
              <Text role="note">{`${result.unmet.length} month(s) cannot be met by hiring (lead time or ramp): ${result.unmet
                .map((u) => monthLabel(result.monthSerials[u.month]))
                .join(', ')}.`}</Text>
            ) : null}
            <DataTable
              caption="Capacity and hires by month"
              header={['Month', 'Target', 'Capacity', 'Hires']}
              rows={result.monthSerials.map((m, i) => [
                monthLabel(m),
                money(result.targets[i]),
                money(result.expected[i]),
                String(result.hires[i]),
              ])}
            />
            {w.profiles.length > 0 ? (
              <DataTable
                caption="Ramp profile by rep"
                header={['Rep', 'Profile', 'Month 1 quota']}
                rows={w.reps.map((r, i) => [
                  r.name,
                  r.profile
                    ? (w.profiles.find((p) => p.key === r.profile?.key)?.label ?? r.profile.label)
                    : 'Team ramp',
                  money(result.schedules[i][0]),
                ])}
              />
            ) : null}
          </>
        ) : null}
        {w.stepId === 'write' ? (
          <>
            <WriteOptions
              w={w}
              outputLabel="Write quotas as"
              formulasLabel="SALESOPS.RAMPSCHEDULE formulas (update with the roster)"
            />
          </>
        ) : null}
      </div>
    </WizardFrame>
  );
}
