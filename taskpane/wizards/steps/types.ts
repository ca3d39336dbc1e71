/**
 * The wizards' step machine, as data: a wizard is a list of steps (id, title, what Next checks and does); one hook
 * (`useStepMachine`) holds the form, the current step, the field messages and the busy flag for every wizard.
 */
import type * as React from 'react';
import type { Writer } from '../../components/useWriter';
import type { WorkbookPort } from '../../workbook/port';

/** Validation messages by field (a wizard may widen it, e.g. with one message per profile). */
export type FieldErrors<F> = Partial<Record<keyof F, string>>;

/** What a step's Next did: move on (`undefined`), stay and show messages, stay silently, or jump to a step. */
export type StepResult<E> = void | { errors: E } | { stay: true } | { goTo: string };

/** What a step's Next may use: the form as typed, the port, the writer, and setters for the form and messages. */
export interface StepContext<F, E> {
  form: F;
  port: WorkbookPort;
  writer: Writer;
  /** Replaces form fields (without clearing their messages). */
  setForm: React.Dispatch<React.SetStateAction<F>>;
  /** Replaces the messages shown next to the fields. */
  setErrors: React.Dispatch<React.SetStateAction<E>>;
}

/** One step of a wizard. */
export interface WizardStep<F, E = FieldErrors<F>> {
  /** Stable name of the step (for `goTo` and tests); unique within the wizard. */
  id: string;
  /** The step's name in the numbered step list. */
  title: string;
  /** The forward button's label on this step (default "Next"). */
  nextLabel?: string;
  /** Synchronous checks of the form before `onNext`: any message keeps the wizard on this step. */
  validate?: (form: F) => E;
  /**
   * What Next does (read, compute, write), after `validate` passed. A thrown error is shown at `errorField`
   * (in the frame's alert when the step names none). Not given: Next just moves on.
   */
  onNext?: (ctx: StepContext<F, E>) => StepResult<E> | Promise<StepResult<E>>;
  /** The field that shows an error thrown by `onNext`. */
  errorField?: keyof E;
}
