/**
 * A1 addresses for the workbook port: parsing and formatting cells ("B2", "$B$2") and rectangular ranges
 * ("B2:D10"), plus workbook name rules (sheets, tables, defined names). Rows and columns are 0-based here.
 */
import { columnLetter } from '../../src/shared/cells';
import { invalid } from '../../src/shared/errors';

/** Excel's grid: 1,048,576 rows × 16,384 columns (A..XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A cell position, 0-based. */
export interface CellRef {
  row: number;
  col: number;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Column letters to a 0-based column index: "A" → 0, "AA" → 26; `undefined` when not letters. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses one cell address ("B2", "$B$2"); `undefined` when it is not a cell inside Excel's grid. */
export function tryParseCell(address: string): CellRef | undefined {
  const m = CELL.exec(address.trim());
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col === undefined || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

/** Parses one cell address; throws a `ModelInputError` naming `arg` when it is not one. */
export function parseCell(address: string, arg = 'address'): CellRef {
  const ref = tryParseCell(address);
  if (!ref) invalid(`${arg}: "${address}" is not a cell address like B2 (columns A to XFD, rows 1 to ${MAX_ROWS}).`);
  return ref;
}

/** Parses "B2:D10" or a single cell "B2" (corners in any order); `undefined` when it is not a range. */
export function tryParseRange(address: string): Rect | undefined {
  const parts = address.split(':');
  if (parts.length > 2) return undefined;
  const a = tryParseCell(parts[0]);
  const b = parts.length === 2 ? tryParseCell(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Parses a range address; throws a `ModelInputError` naming `arg` when it is not one. */
export function parseRange(address: string, arg = 'address'): Rect {
  const r = tryParseRange(address);
  if (!r) invalid(`${arg}: "${address}" is not a range address like B2:D10.`);
  return r;
}

/** Formats a 0-based cell as "B2". */
export function formatCell(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Formats a rectangle as "B2:D10" (or "B2" for one cell). */
export function formatRange(r: Rect): string {
  const a = formatCell(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${formatCell(r.bottom, r.right)}`;
}

/** The rectangle of a `rows × cols` block whose top-left cell is `at`. */
export function blockRect(at: CellRef, rows: number, cols: number): Rect {
  return { top: at.row, left: at.col, bottom: at.row + rows - 1, right: at.col + cols - 1 };
}

/** True when the rectangle lies inside Excel's grid. */
export function rectInGrid(r: Rect): boolean {
  return (
    r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROWS && r.right < MAX_COLS && r.top <= r.bottom && r.left <= r.right
  );
}

/** True when two rectangles share at least one cell. */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Quotes a sheet name for use in a formula when it needs it: `Plan` → `Plan`, `Q1 plan` → `'Q1 plan'`. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !tryParseCell(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `sheet!address` as a formula reference, quoting the sheet name when needed. */
export function qualified(sheet: string, address: string): string {
  return `${sheetRef(sheet)}!${address}`;
}

/** Why `name` cannot be a worksheet name (Excel's rules), or `undefined` when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a sheet name cannot be empty';
  if (name.length > 31) return `"${name}" is longer than 31 characters`;
  if (/[:\\/?*[\]]/.test(name)) return `"${name}" contains one of : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'")) return `"${name}" starts or ends with an apostrophe`;
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return undefined;
}

/** Why `name` cannot be a table or defined name (Excel's rules), or `undefined` when it can. */
export function definedNameProblem(name: string): string | undefined {
  if (name === '') return 'a name cannot be empty';
  if (name.length > 255) return `"${name.slice(0, 20)}..." is longer than 255 characters`;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
    return `"${name}" must start with a letter or underscore and hold only letters, digits, _ and .`;
  if (tryParseCell(name) || /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name))
    return `"${name}" looks like a cell reference`;
  return undefined;
}

/** Splits "Sheet!A1:B2" or "'My sheet'!A1" into sheet and address; a bare address gets `defaultSheet`. */
export function splitQualified(text: string, defaultSheet?: string): { sheet: string; address: string } | undefined {
  const t = text.trim();
  const bang = t.lastIndexOf('!');
  let sheet = bang >= 0 ? t.slice(0, bang).trim() : defaultSheet;
  const address = (bang >= 0 ? t.slice(bang + 1) : t).trim().replace(/\$/g, '').toUpperCase();
  if (sheet === undefined || sheet === '' || !tryParseRange(address)) return undefined;
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address };
}
