/**
 * What every translator shares: an argument as the translator sees it, the result type, and helpers to read an
 * argument as a literal, a reference (resolved on the snapshot) or a scalar expression.
 */
import type { Grid } from '../../shared/cells';
import { parseNumericText } from '../../shared/coerce';
import { MAX_SERIAL } from '../../shared/dates';
import { type ResolvedReference, formatReference, resolveReference, valuesOf } from '../references';
import type { WorkbookSnapshot } from '../types';

/** Where a call sits: the workbook (for references and their values) and the formula's sheet. */
export interface TranslateContext {
  book: WorkbookSnapshot;
  sheet: string;
}

/** One argument of a call. */
export interface CallArg {
  /** The argument's native text: as written, or with its own SALESOPS calls already translated. */
  text: string;
  /** True when the argument held a SALESOPS call (now translated): an expression, never a reference. */
  hadCall: boolean;
}

/** A translation: the native text of the call, or why there is none. */
export type Translation = { native: string } | { reason: string };

/** Translates one call (its arguments already translated) in `ctx`. */
export type Translator = (args: readonly CallArg[], ctx: TranslateContext) => Translation;

/** Thrown inside a translator to give up with a reason (caught by `translateWith`). */
export class NoTranslation extends Error {}

/** Gives up on the translation with `reason`. */
export function refuse(reason: string): never {
  throw new NoTranslation(reason);
}

/** Runs a translator body, turning a `refuse` into a reason. */
export function translateWith(body: () => string): Translation {
  try {
    return { native: body() };
  } catch (e) {
    if (e instanceof NoTranslation) return { reason: e.message };
    throw e;
  }
}

/** True when the argument was left out (`F(a,,c)`, or past the last one given). */
export function isOmitted(arg: CallArg | undefined): boolean {
  return arg === undefined || arg.text.trim() === '';
}

/** A number literal (`12`, `-0.5`, `1e3`, `25%`), or `undefined`. */
export function numberLiteral(arg: CallArg | undefined): number | undefined {
  if (arg === undefined || arg.hadCall) return undefined;
  const t = arg.text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(t)) return undefined;
  return parseNumericText(t);
}

/** A string literal's text (`"retro"` → `retro`), or `undefined`. */
export function stringLiteral(arg: CallArg | undefined): string | undefined {
  if (arg === undefined || arg.hadCall) return undefined;
  const m = /^"((?:[^"]|"")*)"$/.exec(arg.text.trim());
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/** The argument as a reference on the snapshot (A1, defined name or table), or `undefined`. */
export function referenceArg(arg: CallArg | undefined, ctx: TranslateContext): ResolvedReference | undefined {
  if (arg === undefined || arg.hadCall || isOmitted(arg)) return undefined;
  return resolveReference(ctx.book, ctx.sheet, arg.text);
}

/** A resolved reference as formula text, from the formula's sheet: no sheet prefix when on the same sheet. */
export function refText(ref: ResolvedReference, ctx: TranslateContext): string {
  const same = ref.sheet.toLowerCase() === ctx.sheet.toLowerCase();
  return formatReference(same ? { ...ref, sheet: undefined } : ref);
}

/** The values a reference holds in the snapshot. */
export function refValues(ref: ResolvedReference, ctx: TranslateContext): Grid {
  return valuesOf(ctx.book, ref);
}

/**
 * A choice argument (method, convention) as its lower-case text: a string literal, or `fallback` when omitted,
 * `""` or the number 0 (the function reads 0 as a blank cell, as Excel for desktop passes one). Anything else (a
 * reference a colleague could change, an expression) cannot be translated.
 */
export function choiceArg(arg: CallArg | undefined, name: string, fallback: string): string {
  if (isOmitted(arg)) return fallback;
  if (numberLiteral(arg) === 0) return fallback;
  const s = stringLiteral(arg);
  if (s === undefined) refuse(`${name} is not a text literal ("…"), so the formula cannot fix its method`);
  return s.trim() === '' ? fallback : s.trim().toLowerCase();
}

/** One past the largest date serial the functions accept (9999-12-31 plus the day's fraction), as formula text. */
export const LAST_SERIAL = String(MAX_SERIAL + 1);

/** Formula text of an Excel error value that a native formula returns where the function gives an error. */
export const VALUE_ERROR = '#VALUE!';

/** A number as formula text (shortest round-trip form). */
export function numberText(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}
