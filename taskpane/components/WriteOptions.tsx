import * as React from 'react';
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { StatusMessage } from './StatusMessage';
import { TextField } from './TextField';
import type { WriteStatus } from './useWriter';

/** How a wizard writes its result: live SALESOPS formulas, or plain values. */
export type WriteOutput = 'formulas' | 'values';

export interface WriteOptionsProps {
  sheetName: string;
  onSheetName: (v: string) => void;
  sheetError?: string;
  output: WriteOutput;
  onOutput: (v: WriteOutput) => void;
  /** The radio group's label, e.g. "Write the forecast as". */
  outputLabel: string;
  /** The formulas choice, e.g. "A SALESOPS.FORECAST formula (updates with the history)". */
  formulasLabel: string;
  status: WriteStatus;
}

/** The write step shared by the wizards: the new sheet's name, formulas or values, and the write status. */
export function WriteOptions(p: WriteOptionsProps): React.JSX.Element {
  return (
    <>
      <TextField label="New sheet name" value={p.sheetName} onChange={p.onSheetName} error={p.sheetError} />
      <Field label={p.outputLabel}>
        <RadioGroup value={p.output} onChange={(_, d) => p.onOutput(d.value === 'values' ? 'values' : 'formulas')}>
          <Radio value="formulas" label={p.formulasLabel} />
          <Radio value="values" label="Values" />
        </RadioGroup>
      </Field>
      <StatusMessage status={p.status} />
    </>
  );
}
