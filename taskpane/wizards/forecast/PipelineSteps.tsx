import * as React from 'react';
import { Body1, Field, Select, Text } from '@fluentui/react-components';
import { DataTable } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { TextField } from '../../components/TextField';
import type { WorkbookPort } from '../../workbook/port';
import { money } from '../fields';
import { useWizardStyles } from '../styles';
import { rollupRows } from './pipelineModel';
import type { useForecastWizard } from './useForecastWizard';

type Wizard = ReturnType<typeof useForecastWizard>;

function ColumnSelect(props: {
  label: string;
  value: string;
  columns: string[];
  onChange: (v: string) => void;
  error?: string;
  optional?: boolean;
}): React.JSX.Element {
  return (
    <Field label={props.label} validationState={props.error ? 'error' : 'none'} validationMessage={props.error}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{props.optional ? '(none)' : '(choose)'}</option>
        {props.columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Step 0 of pipeline mode: the opportunity table and the stage-probability table. */
export function PipelineSource({ w, port }: { w: Wizard; port: WorkbookPort }): React.JSX.Element {
  return (
    <>
      <Body1>
        Pick the opportunity table (a header row, then one row per opportunity) and the stage probabilities (two
        columns: stage name, win probability as a fraction or percent).
      </Body1>
      <SourcePicker
        port={port}
        label="Opportunities"
        value={w.pform.opportunities}
        onChange={(v) => w.updatePipeline('opportunities', v)}
        error={w.perrors.opportunities}
      />
      <SourcePicker
        port={port}
        label="Stage probabilities"
        allowTables={false}
        value={w.pform.stages}
        onChange={(v) => w.updatePipeline('stages', v)}
        error={w.perrors.stages}
      />
    </>
  );
}

/** Step 1 of pipeline mode: the columns and the close-date window. */
export function PipelineOptions({ w }: { w: Wizard }): React.JSX.Element | null {
  const styles = useWizardStyles();
  if (!w.pdata) return null;
  const { pform, perrors } = w;
  const columns = w.pdata.columns;
  return (
    <>
      <Text>{`${w.pdata.opps.values.length - 1} rows of opportunities; ${w.pdata.stages.size} stages.`}</Text>
      <div className={styles.row}>
        <div className={styles.half}>
          <ColumnSelect
            label="Amount column"
            value={pform.amount}
            columns={columns}
            onChange={(v) => w.updatePipeline('amount', v)}
            error={perrors.amount}
          />
        </div>
        <div className={styles.half}>
          <ColumnSelect
            label="Stage column"
            value={pform.stage}
            columns={columns}
            onChange={(v) => w.updatePipeline('stage', v)}
            error={perrors.stage}
          />
        </div>
      </div>
      <div className={styles.row}>
        <div className={styles.half}>
          <ColumnSelect
            label="Close-date column"
            value={pform.closeDate}
            columns={columns}
            onChange={(v) => w.updatePipeline('closeDate', v)}
            error={perrors.closeDate}
            optional
          />
        </div>
        <div className={styles.half}>
          <ColumnSelect
            label="Forecast category column"
            value={pform.category}
            columns={columns}
            onChange={(v) => w.updatePipeline('category', v)}
            error={perrors.category}
            optional
          />
        </div>
      </div>
      <div className={styles.row}>
        <div className={styles.half}>
          <TextField
            label="Close from"
            value={pform.from}
            onChange={(v) => w.updatePipeline('from', v)}
            error={perrors.from}
            hint="YYYY-MM-DD; blank = no lower bound"
          />
        </div>
        <div className={styles.half}>
          <TextField
            label="Close to"
            value={pform.to}
            onChange={(v) => w.updatePipeline('to', v)}
            error={perrors.to}
            hint="YYYY-MM-DD; blank = no upper bound"
          />
        </div>
      </div>
    </>
  );
}

/** Step 2 of pipeline mode: the weighted total and the forecast-category roll-up. */
export function PipelinePreviewView({ w }: { w: Wizard }): React.JSX.Element | null {
  const p = w.ppreview;
  if (!p) return null;
  return (
    <>
      <Text weight="semibold">{`Weighted pipeline: ${money(p.weighted)}`}</Text>
      <Text>{`${p.counted} opportunities within the close-date window.`}</Text>
      {p.rollup ? (
        <DataTable
          caption="Forecast categories"
          header={['Category', 'Amount', 'Roll-up']}
          rows={rollupRows(p).map(([c, a, r]) => [c, money(a), r === null ? '' : money(r)])}
        />
      ) : (
        <Text>No forecast category column chosen: no roll-up.</Text>
      )}
    </>
  );
}
