/**
 * The one place where Excel-like argument values are coerced into the types the core computes with.
 *
 * Policy (the same for every function; documented in docs/functions.md):
 * - Numbers: finite numbers pass. Numeric text is read the way Excel reads it in arithmetic: spaces around,
 *   thousands separators ("1,000"), a leading currency sign ("$1,200.50"), a trailing percent ("12%" = 0.12),
 *   an exponent ("1e3"), accounting negatives ("(100)" = -100). Any other text is an error naming the argument.
 * - Booleans: TRUE/FALSE count as 1/0 where a single number is expected (as in `=1+TRUE`), but inside a range
 *   of numbers they are an error naming the cell (Excel's SUM would silently skip them; we refuse to guess).
 * - Blanks: `null`, `undefined` and "" are blank. A blank required argument is an error; a blank optional
 *   argument takes its default. Inside ranges each function says what a blank means (0, missing, or an error).
 * - Ranges: a 2-D array. A one-row or one-column range (or a single value) is a vector. A range may start
 *   with one header row of text, which is skipped.
 * - Excel data types (Stocks, Geography, other entities, formatted numbers) arrive as objects, because the
 *   generated functions.json allows custom data for `any` parameters. They are read as the value they show:
 *   `basicValue` for a number, text, boolean or formatted number, the display `text` for an entity (so a
 *   Stocks cell is its name where text is expected, and an error naming the argument where a number is: use
 *   one of its fields, e.g. `=A2.Price`). See `dataTypeValue`; only values that are objects pay for it.
 */
import { type ArgValue, type CellValue, type Grid, asGrid, describeValue, isBlank, isGrid } from './cells';
import { checkSerial } from './dates';
import { invalid } from './errors';

/** The fields of an Excel data type value (Excel.CellValue's JSON: DoubleCellValue, EntityCellValue, …) read here. */
interface DataTypeFields {
  type?: unknown;
  basicType?: unknown;
  basicValue?: unknown;
  text?: unknown;
}

/**
 * The plain value of a cell holding an Excel data type, as Excel shows it in a formula: Double/FormattedNumber →
 * its number, String → its text, Boolean → TRUE/FALSE, Empty → blank, Error → its code ("#DIV/0!"), an entity
 * (Entity, LinkedEntity such as Stocks or Geography) → its display text; any other shape → its basicValue, else
 * its text, else "#VALUE!". Called only for values that are objects, so numbers and text pay nothing.
 */
export function dataTypeValue(v: object): CellValue {
  if (Array.isArray(v)) return '#VALUE!';
  const d = v as DataTypeFields;
  const b = d.basicValue;
  switch (d.type) {
    case 'Double':
    case 'FormattedNumber':
      if (typeof b === 'number') return b;
      break;
    case 'String':
      if (typeof b === 'string') return b;
      break;
    case 'Boolean':
      if (typeof b === 'boolean') return b;
      break;
    case 'Empty':
      return null;
    case 'Error':
      return typeof b === 'string' ? b : '#VALUE!';
    case 'Entity':
    case 'LinkedEntity':
      if (typeof d.text === 'string') return d.text;
      break;
  }
  if (d.basicType !== 'Error' && (typeof b === 'number' || typeof b === 'string' || typeof b === 'boolean')) return b;
  if (typeof d.text === 'string') return d.text;
  return typeof b === 'string' ? b : '#VALUE!';
}

/** `v` itself, or its plain value when it is an Excel data type (an object that is not a range). */
function plain(v: unknown): CellValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? dataTypeValue(v) : (v as CellValue);
}

const NUMERIC_TEXT = /^\(?[-+]?[$€£¥]?[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][-+]?\d+)?%?\)?$/;

/**
 * True when `text` starts with a Latin letter: such text is never numeric (NUMERIC_TEXT starts with a bracket,
 * sign, currency sign, digit or point), so header cells such as "Lower bound" are answered without a regex.
 */
function startsWithLetter(text: string): boolean {
  const c0 = text.charCodeAt(0) | 0x20;
  return c0 >= 0x61 && c0 <= 0x7a;
}

/** Reads numeric text the way Excel does in arithmetic ("1,000" → 1000, "12%" → 0.12); `undefined` if not numeric. */
export function parseNumericText(text: string): number | undefined {
  if (startsWithLetter(text)) return undefined;
  const s = text.trim();
  if (s === '' || !NUMERIC_TEXT.test(s) || !/\d/.test(s)) return undefined;
  const paren = s.startsWith('(') || s.endsWith(')');
  if (paren && !(s.startsWith('(') && s.endsWith(')'))) return undefined;
  let body = paren ? s.slice(1, -1) : s;
  const percent = body.endsWith('%');
  if (percent) body = body.slice(0, -1);
  body = body.replace(/[$€£¥,]/g, '');
  if (/^[-+]{2}/.test(body)) return undefined;
  const n = Number(body);
  if (!Number.isFinite(n)) return undefined;
  const scaled = percent ? n / 100 : n;
  // Excel keeps no negative zero: "-0", "(0)" and "-0%" read as 0 (`+ 0` turns -0 into 0)
  return (paren ? -scaled : scaled) + 0;
}

/** The numeric value of a cell, or `undefined` when it is blank or not numeric (booleans are not numbers here). */
export function cellNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return parseNumericText(v);
  if (typeof v === 'object' && v !== null) return cellNumber(dataTypeValue(v));
  return undefined;
}

/** A required single number (`arg` names the argument in messages); booleans count as 1/0. */
export function toNumber(v: ArgValue, arg: string): number {
  // A finite number, the common case, first and short; everything else out of line (see the comp section of
  // bench/RESULTS.md for why).
  if (typeof v === 'number' && v - v === 0) return v;
  return readNumber(v, arg);
}

/** `toNumber` for anything but a finite number: ranges of one cell, blanks, booleans, numeric text, errors. */
function readNumber(v: ArgValue, arg: string): number {
  const cell = single(v, arg);
  if (isBlank(cell)) invalid(`${arg}: a number is required, got a blank cell.`);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) invalid(`${arg}: expected a finite number.`);
    return cell;
  }
  const n = parseNumericText(cell);
  if (n === undefined) invalid(`${arg}: expected a number, got ${describeValue(cell)}${dataTypeHint(v)}.`);
  return n;
}

/** For a message: how to use a linked data type (e.g. a Stocks cell) where a number is expected, else "". */
function dataTypeHint(v: ArgValue): string {
  const c: unknown = Array.isArray(v) ? v[0]?.[0] : v;
  return typeof c === 'object' && c !== null && (c as DataTypeFields).type !== 'Error'
    ? ' (a data type: refer to one of its number fields instead, e.g. =A2.Price)'
    : '';
}

/** An optional single number: `fallback` when omitted or blank. */
export function optionalNumber(v: ArgValue, arg: string, fallback: number): number;
export function optionalNumber(v: ArgValue, arg: string, fallback?: undefined): number | undefined;
export function optionalNumber(v: ArgValue, arg: string, fallback?: number): number | undefined {
  if (v === null || v === undefined) return fallback; // omitted: the common case, without a call
  const cell = single(v, arg);
  return isBlank(cell) ? fallback : toNumber(cell, arg);
}

/**
 * An optional number where 0 means "none", like a blank: Excel for desktop passes a referenced blank cell as 0,
 * so 0 must not be a value of the argument (a cap or a threshold of 0: see the table in docs/functions.md).
 */
export function optionalNumberOrNone(v: ArgValue, arg: string): number | undefined {
  const n = optionalNumber(v, arg);
  return n === 0 ? undefined : n;
}

/** A required Excel date (serial; a date cell is one): text or a blank is an error that says a date is expected. */
export function toDateSerial(v: ArgValue, arg: string): number {
  const cell = single(v, arg);
  if (isBlank(cell)) invalid(`${arg}: a date is required, got a blank cell.`);
  const n = typeof cell === 'boolean' ? undefined : cellNumber(cell);
  if (n === undefined)
    invalid(`${arg}: expected an Excel date (a date cell or serial number), got ${describeValue(cell)}.`);
  return checkSerial(n, arg);
}

/** An optional Excel date: omitted, blank or 0 (never a date; Excel for desktop passes blanks as 0) → `undefined`. */
export function optionalDateSerial(v: ArgValue, arg: string): number | undefined {
  if (v === null || v === undefined) return undefined;
  const cell = single(v, arg);
  return isBlank(cell) || cell === 0 ? undefined : toDateSerial(cell, arg);
}

/** A required whole number within [min, max] (fractions are an error, not truncated). */
export function toInteger(v: ArgValue, arg: string, min = -Infinity, max = Infinity): number {
  const n = toNumber(v, arg);
  if (!Number.isInteger(n)) invalid(`${arg}: expected a whole number, got ${n}.`);
  if (n < min) invalid(`${arg}: must be at least ${min}, got ${n}.`);
  if (n > max) invalid(`${arg}: must be at most ${max}, got ${n}.`);
  return n;
}

/** An optional boolean: TRUE/FALSE, 1/0 (any non-zero number is TRUE), or the text "TRUE"/"FALSE". */
export function optionalBoolean(v: ArgValue, arg: string, fallback: boolean): boolean {
  const cell = single(v, arg);
  if (isBlank(cell)) return fallback;
  const b = cellBoolean(cell);
  if (b === undefined) invalid(`${arg}: expected TRUE or FALSE, got ${describeValue(cell)}.`);
  return b;
}

/** A cell read as a boolean (TRUE/FALSE, numbers, "true"/"false"/"yes"/"no"); `undefined` if it is not one. */
export function cellBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'object' && v !== null) return cellBoolean(dataTypeValue(v));
  if (typeof v === 'number') return Number.isFinite(v) ? v !== 0 : undefined;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true' || s === 'yes') return true;
    if (s === 'false' || s === 'no') return false;
  }
  return undefined;
}

/** A required piece of text (numbers are turned into text; blanks are an error). */
export function toText(v: ArgValue, arg: string): string {
  const cell = single(v, arg);
  if (isBlank(cell)) invalid(`${arg}: text is required, got a blank cell.`);
  return cellText(cell);
}

/** A cell as trimmed text ("" for a blank). */
export function cellText(v: CellValue | undefined): string {
  if (typeof v === 'object' && v !== null) return cellText(dataTypeValue(v));
  if (isBlank(v)) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

/** An optional choice among `choices` (case-insensitive, trimmed); `fallback` when omitted, blank or 0. */
export function optionalChoice<T extends string>(v: ArgValue, arg: string, choices: readonly T[], fallback: T): T {
  return v === null || v === undefined ? fallback : readChoice(v, arg, choices, fallback);
}

/** `optionalChoice` for an argument that was given. */
function readChoice<T extends string>(v: ArgValue, arg: string, choices: readonly T[], fallback: T): T {
  const cell = single(v, arg);
  // 0 is never a choice: it is a blank cell as Excel for desktop passes it.
  if (isBlank(cell) || cell === 0) return fallback;
  const s = cellText(cell).toLowerCase();
  const found = choices.find((c) => c.toLowerCase() === s);
  if (found === undefined) {
    invalid(`${arg}: expected one of ${choices.map((c) => `"${c}"`).join(', ')}, got ${describeValue(cell)}.`);
  }
  return found;
}

/** The single cell of a scalar argument; a 1×1 range counts as a single value, a larger range is an error. */
export function single(v: ArgValue, arg: string): CellValue {
  if (v === undefined) return null;
  if (!Array.isArray(v)) return plain(v);
  const g = asGrid(v);
  if (g.length === 0 || g[0].length === 0) return null;
  if (g.length === 1 && g[0].length === 1) return plain(g[0][0]);
  return invalid(`${arg}: expected a single value, got a range of ${g.length} × ${g[0].length} cells.`);
}

/** True when `row` looks like a header: no numeric cell, and at least one non-numeric text cell. */
export function isTextHeaderRow(row: readonly CellValue[]): boolean {
  let text = false;
  for (let i = 0; i < row.length; i++) {
    const c = plain(row[i]);
    if (isBlank(c)) continue;
    if (typeof c !== 'string' || (!startsWithLetter(c) && parseNumericText(c) !== undefined)) return false;
    text = true;
  }
  return text;
}

/** A range with its header row removed when the first row is text and some later row holds a number. */
export function withoutHeader(grid: Grid): { header: CellValue[] | undefined; rows: Grid } {
  if (grid.length >= 1 && isTextHeaderRow(grid[0])) {
    const rest = grid.slice(1);
    if (rest.length === 0 || rest.some((r) => r.some((c) => cellNumber(c) !== undefined || typeof c === 'boolean'))) {
      return { header: grid[0], rows: rest };
    }
  }
  return { header: undefined, rows: grid };
}

/** Rejects ragged arrays: every row of a range must have the same number of cells. */
export function checkRectangular(grid: Grid, arg: string): void {
  const w = grid.length > 0 ? grid[0].length : 0;
  for (let r = 0; r < grid.length; r++) {
    if (!Array.isArray(grid[r]) || grid[r].length !== w)
      invalid(`${arg}: the range is not rectangular (row ${r + 1}).`);
  }
}

/**
 * A one-row or one-column range (or a single value) as a flat list of cells, in order; a header cell of text
 * at the start is dropped when `dropHeader` says so. A range with several rows and columns is an error.
 */
export function toVector(v: ArgValue, arg: string, dropHeader = true): CellValue[] {
  if (v === undefined) return [];
  if (!isGrid(v)) return [v];
  checkRectangular(v, arg);
  if (v.length === 0 || v[0].length === 0) return [];
  let flat: CellValue[];
  if (v[0].length === 1) flat = v.map((r) => r[0]);
  else if (v.length === 1) flat = [...v[0]];
  else return invalid(`${arg}: expected one row or one column, got ${v.length} rows × ${v[0].length} columns.`);
  if (dropHeader && flat.length > 1 && isTextHeaderRow([flat[0]])) {
    const rest = flat.slice(1);
    if (rest.some((c) => cellNumber(c) !== undefined)) flat = rest;
  }
  return flat;
}

/** What a blank cell means inside a numeric range. */
export type BlankPolicy = 'error' | 'zero' | 'skip';

/**
 * A one-row or one-column range of numbers (header cell skipped). Blanks follow `blank`; text or a boolean
 * is an error naming the position (1-based, after the header).
 */
export function toNumberVector(v: ArgValue, arg: string, blank: BlankPolicy = 'error'): number[] {
  const cells = toVector(v, arg);
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = plain(cells[i]);
    if (isBlank(c)) {
      if (blank === 'zero') out.push(0);
      else if (blank === 'error') invalid(`${arg}: item ${i + 1} is blank; a number is required.`);
      continue;
    }
    const n = cellNumber(c);
    if (n === undefined) invalid(`${arg}: item ${i + 1}: expected a number, got ${describeValue(c)}.`);
    out.push(n);
  }
  return out;
}

/** A numeric series where blanks are missing values (`null`), for time series with gaps. */
export function toNumberSeries(v: ArgValue, arg: string): (number | null)[] {
  return toVector(v, arg).map((cell, i) => {
    const c = plain(cell);
    if (isBlank(c)) return null;
    const n = cellNumber(c);
    if (n === undefined) invalid(`${arg}: item ${i + 1}: expected a number or a blank, got ${describeValue(c)}.`);
    return n;
  });
}

/** A number or a vector of numbers broadcast to `length` items (a single number repeats). */
export function toNumberOrVector(v: ArgValue, arg: string, length: number, blank: BlankPolicy = 'error'): number[] {
  const values = toNumberVector(v, arg, blank);
  if (values.length === 1) return new Array<number>(length).fill(values[0]);
  if (values.length !== length) invalid(`${arg}: expected one number or ${length} items, got ${values.length}.`);
  return values;
}

/** `toNumberOrVector` for an optional argument: `undefined` when it is omitted or a single blank cell. */
export function optionalNumberOrVector(v: ArgValue, arg: string, length: number): number[] | undefined {
  const one = plain(Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v);
  return isBlank(one) ? undefined : toNumberOrVector(v, arg, length);
}
