import * as React from 'react';
import {
  Body1,
  Button,
  Checkbox,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { BarPreview } from '../../components/ChartPreview';
import { ColumnSelect } from '../../components/ColumnSelect';
import { DataTable } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { WizardFrame } from '../../components/WizardFrame';
import { percent } from '../fields';
import { FieldRow } from '../FieldRow';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { budgetMetric } from './compute';
import { useTerritoryWizard } from './useTerritoryWizard';

/** A quantity for the preview's sentences: 1234.5 → "1,234.5". */
function amount(x: number, digits = 2): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Territory carve: accounts and reps → columns and options → solve (worker, progress, Cancel) → write owners + report. */
export function TerritoryWizard({ port }: WizardProps): React.JSX.Element {
  const w = useTerritoryWizard(port);
  const styles = useWizardStyles();
  const { form, errors, run } = w;
  return (
    <WizardFrame title="Territory carve" {...w.frame}>
      <div className={styles.form}>
        {w.stepId === 'accounts' ? (
          <>
            <Body1>
              Accounts: a header row, then one account a row. Reps: a header row (Rep, and optionally Share, Keys,
              Latitude, Longitude, Min accounts, Max accounts), then one rep a row.
            </Body1>
            <SourcePicker port={port} label="Accounts" {...w.field('accounts')} />
            <SourcePicker port={port} label="Reps" {...w.field('reps')} />
          </>
        ) : null}
        {w.stepId === 'options' ? (
          <>
            {/* a group, not a Field: a Field would give every checkbox the same id */}
            <div
              role="group"
              aria-labelledby="territory-metrics-label"
              aria-describedby={errors.metrics ? 'territory-metrics-error' : undefined}
            >
              <Text id="territory-metrics-label" weight="semibold">
                Metrics to balance
              </Text>
              <div className={styles.row}>
                {w.columns.map((c) => (
                  <Checkbox
                    key={c}
                    label={c}
                    checked={form.metrics.includes(c)}
                    onChange={(_, d) =>
                      w.update(
                        'metrics',
                        d.checked === true ? [...form.metrics, c] : form.metrics.filter((m) => m !== c),
                      )
                    }
                  />
                ))}
              </div>
              {errors.metrics ? (
                <Text id="territory-metrics-error" role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
                  {errors.metrics}
                </Text>
              ) : null}
            </div>
            <FieldRow>
              <ColumnSelect label="Current owner" columns={w.columns} {...w.field('owner')} />
              <ColumnSelect label="Lock" columns={w.columns} {...w.field('lock')} />
            </FieldRow>
            <ColumnSelect
              label="Eligibility column"
              columns={w.columns}
              {...w.field('eligibility')}
              hint={
                w.repsColumns.keys
                  ? 'An account with a key goes to a rep whose Keys include it (a rep without Keys takes any).'
                  : 'The reps range has no Keys column: any rep may take any account.'
              }
            />
            <FieldRow>
              <ColumnSelect label="Latitude column" columns={w.columns} {...w.field('latitude')} />
              <ColumnSelect label="Longitude column" columns={w.columns} {...w.field('longitude')} />
            </FieldRow>
            <TextField label="Most accounts moved" {...w.field('maxMoves')} hint="blank = no limit" />
            <FieldRow>
              <TextField
                label="Most of a metric moved"
                {...w.field('maxMetricFraction')}
                hint="of its total: 10% or 0.1; blank = no limit"
              />
              <ColumnSelect
                label="Metric for that limit"
                value={budgetMetric(form)}
                columns={form.metrics}
                empty={false}
                onChange={(v) => w.update('budgetMetric', v)}
              />
            </FieldRow>
            <Field label="Solver">
              <RadioGroup
                layout="horizontal"
                value={form.solver}
                onChange={(_, d) => w.update('solver', d.value === 'exact' ? 'exact' : 'heuristic')}
              >
                <Radio value="heuristic" label="Fast (heuristic)" />
                <Radio value="exact" label="Exact (small problems)" />
              </RadioGroup>
            </Field>
            {errors.reps ? <ErrorMessage message={errors.reps} /> : null}
            {w.running ? (
              <>
                <Field
                  label="Solving"
                  validationMessage={
                    w.progress ? `${w.progress.phase} ${Math.round(w.progress.fraction * 100)}%` : 'starting'
                  }
                  validationState="none"
                >
                  <ProgressBar value={w.progress?.fraction} max={1} />
                </Field>
                <Button onClick={w.cancel}>Cancel</Button>
              </>
            ) : null}
            {w.note ? <Text role="status">{w.note}</Text> : null}
          </>
        ) : null}
        {w.stepId === 'preview' && run ? (
          <>
            <BarPreview
              title={`${run.report.metricNames[0]} index vs target (100) by rep`}
              groups={run.report.reps.map((r, i) => ({
                name: r.name,
                bars: [
                  ...(run.before ? [{ legend: 'Before', value: run.before.reps[i].index[0] }] : []),
                  { legend: 'After', value: r.index[0] },
                ],
              }))}
            />
            <Text weight="semibold">{`Accounts moved: ${run.report.accountsMoved}. Largest deviation: ${percent(run.report.largestDeviation)}${
              run.before ? ` (was ${percent(run.before.largestDeviation)})` : ''
            }.`}</Text>
            {run.metricBudget
              ? (() => {
                  const m = run.metricBudget.metric;
                  const total = run.report.reps.reduce((s, r) => s + r.totals[m], 0);
                  const moved = run.report.metricMoved[m];
                  return (
                    <Text>{`${run.report.metricNames[m]} moved: ${amount(moved)} of ${amount(total)} (${percent(
                      total > 0 ? moved / total : 0,
                    )}; limit ${percent(run.metricBudget.fraction)}).`}</Text>
                  );
                })()
              : null}
            {run.coordinates ? (
              <Text>{`Distance from accounts to their rep's home (or current centre): ${amount(run.report.totalDistanceKm, 0)} km in all${
                run.before ? ` (was ${amount(run.before.totalDistanceKm, 0)} km)` : ''
              }.`}</Text>
            ) : null}
            <DataTable
              caption="Balance by rep"
              header={['Rep', 'Accounts', ...run.report.metricNames.map((m) => `${m} index`)]}
              rows={run.report.reps.map((r) => [r.name, String(r.accounts), ...r.index.map((x) => x.toFixed(1))])}
            />
          </>
        ) : null}
        {w.stepId === 'write' ? (
          <>
            <TextField label="Report sheet name" {...w.field('reportSheet')} />
            <Text>A “New owner” column is written right of the accounts range.</Text>
            <StatusMessage status={w.writer.status} />
          </>
        ) : null}
      </div>
    </WizardFrame>
  );
}
