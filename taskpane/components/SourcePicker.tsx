import * as React from 'react';
import { Button, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { TableInfo, WorkbookPort } from '../workbook/port';
import { errorMessage } from './errorMessage';
import { selectionText, type SourceChoice } from './source';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  grow: { flexGrow: 1, minWidth: '160px' },
});

export interface SourcePickerProps {
  port: WorkbookPort;
  label: string;
  value: SourceChoice;
  onChange: (v: SourceChoice) => void;
  /** Validation message shown next to the field. */
  error?: string;
  /** Whether a named table may be chosen (default true). */
  allowTables?: boolean;
}

/** Picks an input: a range (typed, or the current selection) or one of the workbook's tables. */
export function SourcePicker({
  port,
  label,
  value,
  onChange,
  error,
  allowTables = true,
}: SourcePickerProps): React.JSX.Element {
  const styles = useStyles();
  const [tables, setTables] = React.useState<TableInfo[]>([]);
  const [problem, setProblem] = React.useState<string>();
  const id = React.useId();
  React.useEffect(() => {
    if (!allowTables) return;
    let live = true;
    port.listTables().then(
      (t) => live && setTables(t),
      () => live && setTables([]),
    );
    return () => {
      live = false;
    };
  }, [port, allowTables]);
  const takeSelection = async (): Promise<void> => {
    try {
      setProblem(undefined);
      onChange({ kind: 'range', text: await selectionText(port) });
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>{label}</span>
      {allowTables ? (
        <RadioGroup
          layout="horizontal"
          aria-label={`${label}: source`}
          value={value.kind}
          onChange={(_, d) =>
            onChange(d.value === 'table' ? { kind: 'table', name: tables[0]?.name ?? '' } : { kind: 'range', text: '' })
          }
        >
          <Radio value="range" label="Range" />
          <Radio value="table" label="Table" disabled={tables.length === 0} />
        </RadioGroup>
      ) : null}
      {value.kind === 'range' ? (
        <div className={styles.row}>
          <Field
            className={styles.grow}
            label={`${label} range`}
            validationState={error || problem ? 'error' : 'none'}
            validationMessage={error ?? problem}
          >
            <Input
              value={value.text}
              placeholder="Data!A1:D20"
              onChange={(_, d) => onChange({ kind: 'range', text: d.value })}
            />
          </Field>
          <Button onClick={() => void takeSelection()}>Use selection</Button>
        </div>
      ) : (
        <Field label={`${label} table`} validationState={error ? 'error' : 'none'} validationMessage={error}>
          <Select value={value.name} onChange={(_, d) => onChange({ kind: 'table', name: d.value })}>
            {tables.map((t) => (
              <option key={t.name} value={t.name}>
                {`${t.name} (${t.sheet}, ${t.rowCount} rows)`}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
