/**
 * Cell values as Excel hands them to custom functions and as the workbook port reads them.
 */

/** One cell's value: a number, text, a boolean, or `null` for a blank (or an omitted optional argument). */
export type CellValue = number | string | boolean | null;

/**
 * The error values every spreadsheet and the xlsx format know, as a cell shows them; they are also literals in a
 * formula (`=#N/A`) in Excel, LibreOffice and Google Sheets. Newer codes (#SPILL!, #CALC!…) are not.
 */
export const ERROR_LITERALS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
]);

/** A rectangular block of cells, row-major: `grid[row][column]`. */
export type Grid = CellValue[][];

/** An argument as it may arrive: a scalar or a range (2-D array). `undefined` is an omitted optional argument. */
export type ArgValue = CellValue | Grid | undefined;

/** True when `v` is a blank cell: `null`, `undefined` or the empty string. */
export function isBlank(v: unknown): v is null | undefined | '' {
  return v === null || v === undefined || v === '';
}

/**
 * The blank-as-0 rule, stated once: Excel for desktop passes a referenced blank cell (an argument, or a cell of a
 * range) as the number 0; Office on the web passes null. So wherever a 0 cannot be data (a row of zeros, a date,
 * a proration, a cap of "none"), a 0 is read as a blank — `isBlankOrZero` below, `optionalNumberOrNone` and
 * `optionalDateSerial` (coerce.ts) — and a 0 that would be ambiguous is refused with a message quoting this.
 */
export const BLANK_AS_ZERO = 'Excel for desktop passes a blank cell as 0';

/** True when `v` may be a blank cell as Excel passed it (see `BLANK_AS_ZERO`): blank, or the number 0. */
export function isBlankOrZero(v: unknown): boolean {
  return isBlank(v) || v === 0;
}

/** True when `v` is one value for everything: a scalar, or a range of a single cell. */
export function isOneValue(v: unknown): boolean {
  return !isGrid(v) || (v.length === 1 && v[0]?.length === 1);
}

/** True when `v` is a 2-D array (a range). */
export function isGrid(v: unknown): v is Grid {
  return Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]));
}

/** Wraps a scalar into a 1×1 grid; a range is returned as is; a 1-D array becomes one column. */
export function asGrid(v: ArgValue | CellValue[]): Grid {
  if (v === undefined) return [];
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    if (Array.isArray(v[0])) return v as Grid;
    return (v as CellValue[]).map((c) => [c]);
  }
  return [[v]];
}

/** Column `c` of cell `(r, c)` as a spreadsheet letter: 0 → A, 26 → AA. */
export function columnLetter(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A short description of a value for error messages: `"ten"`, `TRUE`, `a blank cell`, `12`. */
export function describeValue(v: unknown): string {
  if (isBlank(v)) return 'a blank cell';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'a non-finite number';
  if (Array.isArray(v)) return 'a range';
  return typeof v;
}
