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
  /** An error thrown by a step's Next that names no field (shown by the frame); cleared by the next move. */
  stepError?: string;
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
    /** Back is disabled while Next works (its result would land on another step). */
    backDisabled: boolean;
    onNext: () => void;
    nextLabel: string;
    nextDisabled: boolean;
    /** The step-level error (`stepError`), shown in an alert. */
    error?: string;
    /** The writer's overwrite dialog, rendered by the frame. */
    dialog: React.JSX.Element;
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
  const [stepError, setStepError] = React.useState<string>();
  // The step shown, as of the last move: Next's outcome applies only if the step it started on is still shown.
  const shown = React.useRef(0);
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

  const move = (to: number): void => {
    shown.current = to;
    setStepError(undefined);
    setStep(to);
  };

  /** Applies the outcome of step `from`'s Next: messages keep the step; otherwise on to the step after `from`. */
  const settle = (from: number, outcome: StepResult<E>): void => {
    if (outcome && 'errors' in outcome) {
      setErrors(outcome.errors);
      if (hasErrors(outcome.errors)) return;
    } else if (outcome && 'stay' in outcome) return;
    else if (outcome && 'goTo' in outcome) return move(indexOf(outcome.goTo));
    else setErrors({} as E);
    move(Math.min(from + 1, steps.length - 1));
  };

  /** Never rejects: an error goes to the step's `errorField`, or to `stepError` when it names none. */
  const next = async (): Promise<void> => {
    const from = current;
    const s = steps[from];
    shown.current = from;
    setStepError(undefined);
    setBusy(true);
    try {
      const invalid = s.validate?.(form);
      if (invalid && hasErrors(invalid)) return setErrors(invalid);
      const outcome = await s.onNext?.({ form, port, writer, setForm, setErrors });
      // The user left the step meanwhile (goTo, or Back from code): its result no longer applies.
      if (shown.current !== from) return;
      settle(from, outcome);
    } catch (e) {
      if (shown.current !== from) return;
      if (s.errorField === undefined) setStepError(errorMessage(e));
      else setErrors({ [s.errorField]: errorMessage(e) } as E);
    } finally {
      setBusy(false);
    }
  };
  const back = (): void => move(Math.max(0, current - 1));
  const goTo = (id: string): void => {
    setErrors({} as E);
    move(indexOf(id));
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
    stepError,
    next,
    back,
    goTo,
    writer,
    frame: {
      steps: steps.map((s) => s.title),
      current,
      onBack: opts.noBack ? undefined : back,
      backDisabled: busy,
      onNext: () => void next(),
      nextLabel: steps[current].nextLabel ?? 'Next',
      nextDisabled: busy || opts.blocked === true || writer.status.kind === 'writing',
      error: stepError,
      dialog: writer.dialog,
    },
  };
}
