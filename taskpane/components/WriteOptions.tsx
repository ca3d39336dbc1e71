import * as React from 'react';
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { StatusMessage } from './StatusMessage';
import { TextField } from './TextField';
import type { WriteStatus } from './useWriter';

/** How a wizard writes its result: live SALESOPS formulas, or plain values. */
export type WriteOutput = 'formulas' | 'values';

/** A field's props as the step machine's `field(key)` gives them. */
interface Binding<T> {
  value: T;
  onChange: (v: T) => void;
  error?: string;
}

/** What the write step reads from a wizard's step machine: its sheet name and output fields, and its writer. */
export interface WriteMachine {
  field(key: 'sheetName'): Binding<string>;
  field(key: 'output'): Binding<WriteOutput>;
  writer: { status: WriteStatus };
}

export interface WriteOptionsProps {
  /** The wizard's step machine (a form with `sheetName` and `output`). */
  w: WriteMachine;
  /** The radio group's label, e.g. "Write the forecast as". */
  outputLabel: string;
  /** The formulas choice, e.g. "A SALESOPS.FORECAST formula (updates with the history)". */
  formulasLabel: string;
}

/** The write step shared by the wizards: the new sheet's name, formulas or values, and the write status. */
export function WriteOptions({ w, outputLabel, formulasLabel }: WriteOptionsProps): React.JSX.Element {
  const output = w.field('output');
  return (
    <>
      <TextField label="New sheet name" {...w.field('sheetName')} />
      <Field label={outputLabel}>
        <RadioGroup
          value={output.value}
          onChange={(_, d) => output.onChange(d.value === 'values' ? 'values' : 'formulas')}
        >
          <Radio value="formulas" label={formulasLabel} />
          <Radio value="values" label="Values" />
        </RadioGroup>
      </Field>
      <StatusMessage status={w.writer.status} />
    </>
  );
}
