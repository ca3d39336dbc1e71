/**
 * Reading a call's arguments for a native formula: scalars (a literal, a one-cell reference or an expression) with
 * the conditions under which the function would refuse them, and tier ranges (two columns of ascending bounds and
 * rates) resolved on the snapshot so that the formula reads exactly the cells the function reads.
 */
import { withoutHeader } from '../../shared/coerce';
import { type ResolvedReference, cellOf, quoteSheet } from '../references';
import {
  type CallArg,
  type TranslateContext,
  isOmitted,
  numberLiteral,
  numberText,
  refText,
  refValues,
  referenceArg,
  refuse,
} from './common';

/** A scalar argument as formula text, and conditions (formula text) that are TRUE where the function errors. */
export interface ScalarArg {
  /** Formula text that evaluates to the argument: a literal, a reference, or a parenthesized expression. */
  text: string;
  /** Set when the argument is a literal number. */
  value?: number;
  /** Set when the argument is a one-cell reference (then blank means "omitted" for optional arguments). */
  cell?: string;
  /** Conditions under which the function errors for this argument. */
  errors: string[];
}

/**
 * A required number argument: a literal, a one-cell reference (blank → the function errors) or a scalar
 * expression (kept as is, in parentheses). A text literal or a range of several cells cannot be translated.
 */
export function requiredNumber(arg: CallArg | undefined, name: string, ctx: TranslateContext): ScalarArg {
  if (isOmitted(arg) || arg === undefined) refuse(`${name} is missing`);
  const n = numberLiteral(arg);
  if (n !== undefined) return { text: numberText(n), value: n, errors: [] };
  if (/^\s*"/.test(arg.text) && !arg.hadCall) refuse(`${name} is a text literal`);
  const ref = referenceArg(arg, ctx);
  if (ref) {
    if (ref.top !== ref.bottom || ref.left !== ref.right) refuse(`${name} is a range of several cells`);
    const v = refValues(ref, ctx)[0]?.[0] ?? null;
    // the function reads "105%" or TRUE its own way; spreadsheets convert text to numbers by their own settings
    if (typeof v === 'boolean' || (typeof v === 'string' && v !== '')) refuse(`${name} holds text or TRUE/FALSE`);
    const text = refText(ref, ctx);
    // Not a number (blank, text, TRUE/FALSE): the function refuses a blank; it would read numeric text and
    // booleans, but comparisons in the formula would not (text > any number in Excel), so refuse those too.
    return { text, cell: text, errors: [`NOT(ISNUMBER(${text}))`] };
  }
  if (/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(arg.text.trim()) && !/^(TRUE|FALSE)$/i.test(arg.text.trim())) {
    refuse(`${name} (${arg.text.trim()}) is a name the workbook snapshot does not define`);
  }
  return { text: `(${arg.text.trim()})`, errors: [] };
}

/**
 * An optional number argument: `undefined` when omitted; a one-cell reference may be blank (= omitted), and its
 * `errors` hold the guard for a cell that is neither blank nor a number (callers add them to theirs).
 */
export function optionalNumberArg(
  arg: CallArg | undefined,
  name: string,
  ctx: TranslateContext,
): ScalarArg | undefined {
  if (isOmitted(arg)) return undefined;
  const a = requiredNumber(arg, name, ctx);
  // a blank cell is the omitted argument; anything else that is not a number is refused
  return { ...a, errors: a.cell ? [`AND(NOT(ISBLANK(${a.cell})),NOT(ISNUMBER(${a.cell})))`] : [] };
}

/**
 * An optional argument where 0 means "none", like a blank (PAYOUT's cap and threshold, RAMPQUOTA's end date,
 * PIPELINE's from and to): `undefined` when omitted or a literal 0; else the formula text of its value (a cell as
 * `(0+cell)`, so that a blank reads 0 in every spreadsheet) and `given`, formula text that is TRUE when it counts
 * (`TRUE` for a literal; `value<>0` for a cell or expression, which a colleague may set to 0 or clear), and the
 * conditions under which the function refuses it (a cell holding text or TRUE/FALSE).
 */
export function optionalNoneAtZero(
  arg: CallArg | undefined,
  name: string,
  ctx: TranslateContext,
): { text: string; value?: number; given: string; errors: string[] } | undefined {
  const a = optionalNumberArg(arg, name, ctx);
  if (a === undefined || a.value === 0) return undefined;
  if (a.value !== undefined) return { text: a.text, value: a.value, given: 'TRUE', errors: a.errors };
  const text = a.cell ? `(0+${a.cell})` : a.text;
  return { text, given: `${text}<>0`, errors: a.errors };
}

/** A tier range as the function reads it: the data rows (header left out) as cell references. */
export interface TierRange {
  /** Lower bounds and rates, one formula reference per tier row. */
  lowers: string[];
  rates: string[];
  /** The data rows as one range reference (for COUNT). */
  data: string;
  /** Conditions under which the function would refuse the range after a colleague's edit. */
  errors: string[];
}

/**
 * Reads a two-column tier range argument (COMMISSION tiers, PAYOUT curve) on the snapshot, as `readRateRange`
 * would: one text header row is left out; every other row must hold two numbers with strictly ascending bounds
 * (blank rows, text or out-of-order bounds cannot be translated: the formula would not skip or refuse the same
 * way). The guards make the formula an error, as the function is, when a cell becomes blank or non-numeric or
 * the bounds stop ascending.
 */
export function tierRange(arg: CallArg | undefined, name: string, ctx: TranslateContext): TierRange {
  const ref = referenceArg(arg, ctx);
  if (!ref) refuse(`${name} is not a range reference the snapshot can resolve`);
  const grid = refValues(ref, ctx);
  if (ref.right - ref.left !== 1) refuse(`${name} does not have two columns`);
  if (ref.bottom - ref.top + 1 !== grid.length) refuse(`${name} is a whole-column range`);
  const { header, rows } = withoutHeader(grid);
  const first = header ? 1 : 0;
  if (rows.length === 0) refuse(`${name} has no tier rows`);
  rows.forEach((row, i) => {
    const [a, b] = row;
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) {
      refuse(`${name} row ${i + first + 1} is not two numbers (blank rows and text are read differently)`);
    }
    if (i > 0 && !(a > (rows[i - 1][0] as number))) refuse(`${name} bounds are not strictly ascending`);
  });
  const cell = (r: number, c: number) => cellText(ref, r + first, c, ctx);
  const lowers = rows.map((_, i) => cell(i, 0));
  const rates = rows.map((_, i) => cell(i, 1));
  const dataRef: ResolvedReference = { ...ref, top: ref.top + first };
  const data = refText(dataRef, ctx);
  const errors = [`COUNT(${data})<>${2 * rows.length}`];
  for (let i = 1; i < lowers.length; i++) errors.push(`${lowers[i]}<=${lowers[i - 1]}`);
  return { lowers, rates, data, errors };
}

/** One cell of a resolved reference as formula text (sheet prefix only when on another sheet). */
export function cellText(ref: ResolvedReference, row: number, col: number, ctx: TranslateContext): string {
  const same = ref.sheet.toLowerCase() === ctx.sheet.toLowerCase();
  const local = cellOf({ ...ref, sheet: undefined }, row, col, false);
  return same ? local : `${quoteSheet(ref.sheet)}!${local}`;
}

/** `body`, or the #VALUE! error where any of `errors` holds. */
export function guarded(errors: readonly string[], body: string): string {
  if (errors.length === 0) return body;
  return `IF(OR(${errors.join(',')}),#VALUE!,${body})`;
}
