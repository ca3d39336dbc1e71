import * as React from 'react';
import { Field, Input } from '@fluentui/react-components';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  /** Validation message shown next to the field (the field is marked invalid when set). */
  error?: string;
  hint?: string;
  placeholder?: string;
}

/** A labelled text input with its validation message and hint right under it. */
export function TextField({ label, value, onChange, error, hint, placeholder }: TextFieldProps): React.JSX.Element {
  return (
    <Field label={label} validationState={error ? 'error' : 'none'} validationMessage={error} hint={hint}>
      <Input value={value} placeholder={placeholder} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
