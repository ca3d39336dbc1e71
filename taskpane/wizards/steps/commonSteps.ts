/**
 * The steps every writing wizard ends with: the preview (whose Continue proposes a sheet name not yet taken) and
 * the write (builds the workbook writes from the form and writes them all or nothing, asking before overwriting).
 */
import type { WritePlan } from '../../workbook/port';
import type { WritePlanOptions } from '../../workbook/transaction';
import { uniqueSheetName } from '../../workbook/transaction';
import type { FieldErrors, StepContext, WizardStep } from './types';

/** Fields of `F` that hold text (a sheet name field must be one). */
type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F];

/**
 * The preview step: Next ("Continue") fills `sheetField` with `baseName`, or "baseName 2"… when taken.
 * `alsoSet` may fill more fields from the workbook's sheet names (e.g. a table name).
 */
export function previewStep<F, E = FieldErrors<F>>(opts: {
  sheetField: TextKey<F>;
  baseName: string;
  title?: string;
  alsoSet?: (ctx: StepContext<F, E>) => Promise<Partial<F>> | Partial<F>;
}): WizardStep<F, E> {
  return {
    id: 'preview',
    title: opts.title ?? 'Preview',
    nextLabel: 'Continue',
    onNext: async (ctx) => {
      const [sheets, more] = await Promise.all([ctx.port.listSheets(), opts.alsoSet?.(ctx)]);
      const name = uniqueSheetName(sheets, opts.baseName);
      ctx.setForm((f) => ({ ...f, [opts.sheetField]: name, ...more }));
    },
  };
}

/** What a wizard writes: the workbook writes, the sentence shown once written, and the write's options. */
export interface WizardWrite {
  plan: WritePlan;
  summary: string;
  options?: WritePlanOptions;
}

/**
 * The write step ("Write to workbook"): `build` turns the form into the writes (null: nothing ready to write);
 * an error thrown while building shows at `errorField` (the sheet name field, usually). The writer's own errors
 * (a refused or failed write) show in its status.
 */
export function writeStep<F, E = FieldErrors<F>>(opts: {
  errorField: keyof E;
  build: (ctx: StepContext<F, E>) => WizardWrite | null | Promise<WizardWrite | null>;
  title?: string;
}): WizardStep<F, E> {
  return {
    id: 'write',
    title: opts.title ?? 'Write',
    nextLabel: 'Write to workbook',
    errorField: opts.errorField,
    onNext: async (ctx) => {
      const w = await opts.build(ctx);
      if (w) await ctx.writer.write(w.plan, w.summary, w.options);
      return { stay: true };
    },
  };
}
