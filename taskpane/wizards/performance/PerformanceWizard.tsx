import * as React from 'react';
import { Body1, Button, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { BarPreview } from '../../components/ChartPreview';
import { DataTable } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { WizardFrame } from '../../components/WizardFrame';
import { isoDate as day } from '../../../src/shared/dates';
import type { CalendarKind } from '../../../src/calendar';
import { money, percent } from '../fields';
import { FieldRow } from '../FieldRow';
import { useWizardStyles } from '../styles';
import type { WizardProps } from '../types';
import { usePerformanceWizard } from './usePerformanceWizard';
import type { PerformanceLine } from './types';

const ratio = (x: number | null): string => (x === null ? '—' : percent(x));
const row = (l: PerformanceLine): string[] => [
  l.rep,
  money(l.booked),
  money(l.quota),
  ratio(l.attainment),
  money(l.expected),
  l.pace === null ? '—' : l.pace.toFixed(2),
];

/** Performance: bookings and quotas → calendar → attainment and pace per rep → routing test → write. */
export function PerformanceWizard({ port }: WizardProps): React.JSX.Element {
  const w = usePerformanceWizard(port);
  const styles = useWizardStyles();
  const tableId = React.useId(); // the chart's text alternative: the table of the same figures
  const { form, result, routing } = w;
  return (
    <WizardFrame title="Performance" {...w.frame}>
      <div className={styles.form}>
        {w.stepId === 'data' ? (
          <>
            <Body1>
              Bookings: three columns with a header row — rep, date, amount. Quotas for the period: two columns — rep,
              quota.
            </Body1>
            <SourcePicker port={port} label="Bookings" {...w.field('bookings')} />
            <SourcePicker port={port} label="Quotas" {...w.field('quotas')} />
          </>
        ) : null}
        {w.stepId === 'period' ? (
          <>
            <Field label="Fiscal calendar">
              <RadioGroup
                layout="horizontal"
                value={form.calendar}
                onChange={(_, d) => w.update('calendar', d.value as CalendarKind)}
              >
                <Radio value="calendar" label="Months" />
                <Radio value="445" label="4-4-5" />
                <Radio value="454" label="4-5-4" />
                <Radio value="544" label="5-4-4" />
              </RadioGroup>
            </Field>
            <FieldRow>
              <TextField
                label="Year starts in month"
                {...w.field('yearStartMonth')}
                hint="1–12; week calendars end on the Saturday nearest the end of the month before"
              />
              <TextField label="As of" {...w.field('asOf')} hint="YYYY-MM-DD; the day counts as elapsed" />
            </FieldRow>
            <TextField
              label="Profile of the quarter's periods (optional)"
              {...w.field('profile')}
              hint="e.g. 0.25, 0.30, 0.45; empty: linear by calendar days"
            />
          </>
        ) : null}
        {w.stepId === 'preview' && result ? (
          <>
            <Text weight="semibold">{`FY${result.year} Q${result.quarter}: ${day(result.start)} to ${day(result.end)}, as of ${day(result.asOf)} (${result.calendarLabel}).`}</Text>
            <Text>{`Team: ${money(result.team.booked)} booked of ${money(result.team.quota)} (${ratio(result.team.attainment)}); expected to date ${money(result.team.expected)}, pace ${result.team.pace === null ? '—' : result.team.pace.toFixed(2)}.`}</Text>
            <BarPreview
              title="Booked vs expected to date, per rep"
              describedBy={tableId}
              groups={result.lines.map((l) => ({
                name: l.rep,
                bars: [
                  { legend: 'Booked', value: l.booked },
                  { legend: 'Expected to date', value: l.expected },
                ],
              }))}
            />
            <Text role="note">
              {result.behind.length === 0
                ? 'No rep is behind pace.'
                : `Behind pace (${result.behind.length}): ${result.behind.map((l) => `${l.rep} ${(l.pace as number).toFixed(2)}`).join(', ')}.`}
            </Text>
            <DataTable
              id={tableId}
              caption="Attainment and pace per rep"
              header={['Rep', 'Booked', 'Quota', 'Attainment', 'Expected', 'Pace']}
              rows={[...result.lines.map(row), row(result.team)]}
            />
          </>
        ) : null}
        {w.stepId === 'routing' ? (
          <>
            <Body1>
              Optional: test rules of engagement on a sample of records before you use SALESOPS.ROUTE. Records: a table
              with a header row; rules: Priority, Field, Operator, Value, Assign to; reps: Rep, Team, Weight, Capacity,
              Active. Leave them empty to skip.
            </Body1>
            <SourcePicker port={port} label="Records" {...w.field('records')} />
            <SourcePicker port={port} label="Rules" {...w.field('rules')} />
            <SourcePicker port={port} label="Routing reps" {...w.field('routingReps')} />
            <TextField label="Records to test" {...w.field('sampleSize')} hint="the first records of the table" />
            <Button onClick={() => void w.testRules()} disabled={w.testing}>
              Test rules
            </Button>
            {routing ? (
              <>
                <Text role="status">{`${routing.tested} records tested: ${routing.tested - routing.unrouted.reduce((s, u) => s + u.count, 0)} routed.`}</Text>
                <DataTable
                  caption="Records per rep"
                  header={['Rep', 'Team', 'Records', 'Share']}
                  rows={routing.perRep.map((r) => [
                    r.rep,
                    r.team,
                    String(r.count),
                    routing.tested > 0 ? percent(r.count / routing.tested) : '—',
                  ])}
                />
                {routing.unrouted.length > 0 ? (
                  <DataTable
                    caption="Not routed (#N/A), by reason"
                    header={['Reason', 'Records']}
                    rows={routing.unrouted.map((u) => [u.reason, String(u.count)])}
                  />
                ) : null}
              </>
            ) : null}
          </>
        ) : null}
        {w.stepId === 'write' ? (
          <>
            <TextField label="New sheet" {...w.field('sheetName')} />
            <Text>
              Writes the attainment and pacing table (values), a chart of booked vs expected to date per rep
              {routing ? ' and the routing distribution' : ''}.
            </Text>
            <StatusMessage status={w.writer.status} />
          </>
        ) : null}
      </div>
    </WizardFrame>
  );
}
