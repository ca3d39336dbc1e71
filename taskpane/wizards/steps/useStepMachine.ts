import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { type Writer, useWriter } from '../../components/useWriter';
import type { WorkbookPort } from '../../workbook/port';
import type { FieldErrors, StepResult, WizardStep } from './types';

/** Whether a set of field messages holds at least one message. */
export function hasErrors(errors: object): boolean {
  return Object.values(errors).some(Boolean);
}

export interface StepMachineOptions<F, E> {
  port: WorkbookPort;
  /** The steps in order; may be rebuilt on every render (their `onNext` closes over the wizard's state). */
  steps: readonly WizardStep<F, E>[];
  initialForm: F | (() => F);
  /** Keeps the forward button disabled (e.g. while a solver runs), besides while busy or writing. */
  blocked?: boolean;
  /** Hides Back (e.g. while a solver runs). */
  noBack?: boolean;
  /** Adjusts the form after a field changed (e.g. fields that follow another); `prev` is the form before. */
  derive?: (prev: F, next: F) => F;
  /** Fields whose messages clear together (e.g. a pair checked together): a change to one clears all. */
  clearTogether?: readonly (readonly (keyof F & keyof E)[])[];
}

/** What `useStepMachine` returns: the form, the step, the messages, the writer and the frame's navigation props. */
export interface StepMachine<F, E> {
  /** Index of the current step. */
  step: number;
  /** Id of the current step. */
  stepId: string;
  form: F;
  setForm: React.Dispatch<React.SetStateAction<F>>;
  errors: E;
  setErrors: React.Dispatch<React.SetStateAction<E>>;
  /** Sets one field and clears its message. */
  update: <K extends keyof F>(key: K, value: F[K]) => void;
  /** A field's props for its input: `value`, `onChange` (through `update`) and `error`. */
  field: <K extends keyof F>(key: K) => { value: F[K]; onChange: (v: F[K]) => void; error?: string };
  /** Clears the messages of `keys`. */
  clearErrors: (...keys: (keyof E)[]) => void;
  busy: boolean;
  /** Runs the current step's checks and work, then moves on as the step says. */
  next: () => Promise<void>;
  back: () => void;
  /** Shows the step `id` (e.g. back to the first when the input kind changes); clears the messages. */
  goTo: (id: string) => void;
  writer: Writer;
  /** Navigation props for `WizardFrame`: step titles, current step, Back/Next and the forward label. */
  frame: {
    steps: string[];
    current: number;
    onBack?: () => void;
    onNext: () => void;
    nextLabel: string;
    nextDisabled: boolean;
  };
}

/** The one step flow of every wizard: steps as data, Next/Back, busy, field messages and the writer. */
export function useStepMachine<F, E extends object = FieldErrors<F>>(
  opts: StepMachineOptions<F, E>,
): StepMachine<F, E> {
  const { port, steps } = opts;
  const [step, setStep] = React.useState(0);
  const [form, setForm] = React.useState<F>(opts.initialForm);
  const [errors, setErrors] = React.useState<E>({} as E);
  const [busy, setBusy] = React.useState(false);
  const writer = useWriter(port);
  const current = Math.min(step, steps.length - 1);
  const indexOf = (id: string): number => {
    const i = steps.findIndex((s) => s.id === id);
    if (i < 0) throw new Error(`No wizard step "${id}".`);
    return i;
  };

  const clearErrors = (...keys: (keyof E)[]): void =>
    setErrors((e) => ({ ...e, ...Object.fromEntries(keys.map((k) => [k, undefined])) }));
  const update = <K extends keyof F>(key: K, value: F[K]): void => {
    setForm((f) => {
      const changed = { ...f, [key]: value };
      return opts.derive ? opts.derive(f, changed) : changed;
    });
    const together = opts.clearTogether?.find((g) => (g as readonly PropertyKey[]).includes(key));
    clearErrors(...(together ?? [key as unknown as keyof E]));
  };
  const field = <K extends keyof F>(key: K) => {
    const error = (errors as Partial<Record<PropertyKey, unknown>>)[key];
    return {
      value: form[key],
      onChange: (v: F[K]) => update(key, v),
      error: typeof error === 'string' ? error : undefined,
    };
  };

  /** Applies a step's outcome: messages keep the step; otherwise on to the next step (the last one stays). */
  const settle = (outcome: StepResult<E>): void => {
    if (outcome && 'errors' in outcome) {
      setErrors(outcome.errors);
      if (hasErrors(outcome.errors)) return;
    } else if (outcome && 'stay' in outcome) return;
    else if (outcome && 'goTo' in outcome) return setStep(indexOf(outcome.goTo));
    else setErrors({} as E);
    setStep((s) => Math.min(s + 1, steps.length - 1));
  };

  const next = async (): Promise<void> => {
    const s = steps[current];
    setBusy(true);
    try {
      const invalid = s.validate?.(form);
      if (invalid && hasErrors(invalid)) return setErrors(invalid);
      let outcome: StepResult<E>;
      try {
        outcome = await s.onNext?.({ form, port, writer, setForm, setErrors });
      } catch (e) {
        if (s.errorField === undefined) throw e;
        return setErrors({ [s.errorField]: errorMessage(e) } as E);
      }
      settle(outcome);
    } finally {
      setBusy(false);
    }
  };
  const back = (): void => setStep((s) => Math.max(0, s - 1));
  const goTo = (id: string): void => {
    setErrors({} as E);
    setStep(indexOf(id));
  };

  return {
    step: current,
    stepId: steps[current].id,
    form,
    setForm,
    errors,
    setErrors,
    update,
    field,
    clearErrors,
    busy,
    next,
    back,
    goTo,
    writer,
    frame: {
      steps: steps.map((s) => s.title),
      current,
      onBack: opts.noBack ? undefined : back,
      onNext: () => void next(),
      nextLabel: steps[current].nextLabel ?? 'Next',
      nextDisabled: busy || opts.blocked === true || writer.status.kind === 'writing',
    },
  };
}
