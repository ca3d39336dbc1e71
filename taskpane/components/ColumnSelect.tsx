import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';

export interface ColumnSelectProps {
  label: string;
  /** The header name chosen ('' = none). */
  value: string;
  /** The header names offered (see `headerNames`). */
  columns: readonly string[];
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  /** The empty choice's label ("(none)" by default, "(choose)" for a required pick); false: no empty choice. */
  empty?: string | false;
}

/** Picks one column of a wizard's input by its header name; disabled while there are none to pick. */
export function ColumnSelect(props: ColumnSelectProps): React.JSX.Element {
  const empty = props.empty ?? '(none)';
  return (
    <Field
      label={props.label}
      validationState={props.error ? 'error' : 'none'}
      validationMessage={props.error}
      hint={props.hint}
    >
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)} disabled={props.columns.length === 0}>
        {empty === false ? null : <option value="">{empty}</option>}
        {props.columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </Select>
    </Field>
  );
}
