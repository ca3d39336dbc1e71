import * as React from 'react';
import { Body1, Text } from '@fluentui/react-components';
import { ColumnSelect } from '../../components/ColumnSelect';
import { DataTable } from '../../components/DataTable';
import { SourcePicker } from '../../components/SourcePicker';
import { TextField } from '../../components/TextField';
import { WriteOptions } from '../../components/WriteOptions';
import type { WorkbookPort } from '../../workbook/port';
import { money } from '../fields';
import { FieldRow } from '../FieldRow';
import { rollupRows } from './pipelineCompute';
import type { usePipelineWizard } from './usePipelineWizard';

type Wizard = ReturnType<typeof usePipelineWizard>;

/** The first step: the opportunity table and the stage-probability table. */
function PipelineSource({ w, port }: { w: Wizard; port: WorkbookPort }): React.JSX.Element {
  return (
    <>
      <Body1>
        Pick the opportunity table (a header row, then one row per opportunity) and the stage probabilities (two
        columns: stage name, win probability as a fraction or percent).
      </Body1>
      <SourcePicker port={port} label="Opportunities" {...w.field('opportunities')} />
      <SourcePicker port={port} label="Stage probabilities" allowTables={false} {...w.field('stages')} />
    </>
  );
}

/** The columns and the close-date window. */
function PipelineColumns({ w }: { w: Wizard }): React.JSX.Element | null {
  if (!w.data) return null;
  const columns = w.data.columns;
  return (
    <>
      <Text>{`${w.data.opps.values.length - 1} rows of opportunities; ${w.data.stages.size} stages.`}</Text>
      <FieldRow>
        <ColumnSelect label="Amount column" columns={columns} {...w.field('amount')} empty="(choose)" />
        <ColumnSelect label="Stage column" columns={columns} {...w.field('stage')} empty="(choose)" />
      </FieldRow>
      <FieldRow>
        <ColumnSelect label="Close-date column" columns={columns} {...w.field('closeDate')} />
        <ColumnSelect label="Forecast category column" columns={columns} {...w.field('category')} />
      </FieldRow>
      <FieldRow>
        <TextField label="Close from" {...w.field('from')} hint="YYYY-MM-DD; blank = no lower bound" />
        <TextField label="Close to" {...w.field('to')} hint="YYYY-MM-DD; blank = no upper bound" />
      </FieldRow>
    </>
  );
}

/** The preview: the weighted total and the forecast-category roll-up. */
function PipelinePreviewView({ w }: { w: Wizard }): React.JSX.Element | null {
  const p = w.preview;
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

/**
 * The pipeline's steps: an opportunity table → columns and close-date window → weighted pipeline and
 * forecast-category roll-up → write (a SALESOPS.PIPELINE formula or its value, and the roll-up table).
 */
export function PipelineSteps({ w, port }: { w: Wizard; port: WorkbookPort }): React.JSX.Element {
  return (
    <>
      {w.stepId === 'opportunities' ? <PipelineSource w={w} port={port} /> : null}
      {w.stepId === 'columns' ? <PipelineColumns w={w} /> : null}
      {w.stepId === 'preview' ? <PipelinePreviewView w={w} /> : null}
      {w.stepId === 'write' ? (
        <WriteOptions
          w={w}
          outputLabel="Write the weighted pipeline as"
          formulasLabel="A SALESOPS.PIPELINE formula (updates with the opportunities)"
        />
      ) : null}
    </>
  );
}
