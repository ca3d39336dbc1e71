/**
 * Aligned ranges: several arguments that are columns of one table (PIPELINE's amounts, stages and close dates;
 * TERRITORY's metrics, current and locked; a roster's quotas, start and end dates). Users select them the same
 * way, header row included or not, so the header is decided **once for the set**, never per range:
 *
 * - The first row is a header when, in every range, each of its cells is blank or text that is not a value of
 *   that range's kind (a number column: not numeric text; a boolean column: not TRUE/FALSE), and at least one
 *   typed range (number, date or boolean) has text there (a 0 counts as blank: Excel for desktop passes blank
 *   cells as 0). A text column alone cannot tell a header ("Stage")
 *   from a value ("Qualify"), so it follows the typed ones.
 * - Every range must then have the same number of rows (trailing rows blank in every range may be trimmed
 *   first, for whole-column selections); otherwise the error names both ranges and asks for the same rows.
 *
 * Rows are returned without the header; `firstRow` is the range row (1-based) of the first returned row.
 */
import { type ArgValue, type CellValue, asGrid, describeValue, isBlankOrZero } from './cells';
import { cellBoolean, checkRectangular, parseNumericText } from './coerce';
import { invalid } from './errors';

/** What a range's cells hold: numbers, dates (numbers), text or booleans. */
export type AlignedKind = 'number' | 'date' | 'text' | 'boolean';

/** One range of an aligned set: a column or row (`table`: several columns, e.g. TERRITORY's metrics). */
export interface AlignedRange {
  readonly arg: string;
  readonly value: ArgValue;
  readonly kind: AlignedKind;
  readonly table?: boolean;
}

/** The rows of each range (without the header), in the order given. */
export interface AlignedRows {
  readonly header: boolean;
  /** Per range: its rows (one cell each for a column or row, every cell for a table). */
  readonly rows: CellValue[][][];
  /** The header cells of each range (empty when there is no header). */
  readonly headerCells: CellValue[][];
  /** Range row (1-based) of the first returned row: 2 with a header, else 1. */
  readonly firstRow: number;
  /** Rows per range including the header. */
  readonly height: number;
}

/** A range as a list of rows: a column or row is one cell a row, a table its rows. */
function rowsOf(r: AlignedRange): CellValue[][] {
  const g = asGrid(r.value);
  checkRectangular(g, r.arg);
  if (g.length === 0 || g[0].length === 0) return [];
  if (r.table) return g;
  if (g[0].length === 1) return g.map((row) => [row[0]]);
  if (g.length === 1) return g[0].map((c) => [c]);
  return invalid(`${r.arg}: expected one row or one column, got ${g.length} rows × ${g[0].length} columns.`);
}

/** True when `c` is text that is not a value of `kind` (a possible header cell). */
function isHeaderText(c: CellValue, kind: AlignedKind): boolean {
  if (typeof c !== 'string' || c.trim() === '') return false;
  if (kind === 'text') return true;
  if (kind === 'boolean') return cellBoolean(c) === undefined;
  return parseNumericText(c) === undefined;
}

/** True when the first row of the set is a header row (see the module comment). */
export function alignedHeader(ranges: readonly { rows: CellValue[][]; kind: AlignedKind }[]): boolean {
  let typedText = false;
  for (const r of ranges) {
    if (r.rows.length === 0) return false;
    for (const c of r.rows[0]) {
      if (isBlankOrZero(c)) continue; // a blank header cell, also as Excel for desktop passes it (0)
      if (!isHeaderText(c, r.kind)) return false;
      if (r.kind !== 'text') typedText = true;
    }
  }
  return typedText;
}

/** `alignedHeader` of ranges as given (for readers that check each range's shape themselves). */
export function alignedHeaderOf(ranges: readonly AlignedRange[]): boolean {
  return alignedHeader(ranges.map((r) => ({ kind: r.kind, rows: rowsOf({ ...r, table: true }) })));
}

/**
 * Reads an aligned set of ranges (omitted ones are left out by the caller). `trimBlankTail`: drop trailing rows
 * that are blank in every range (Excel for desktop passes blank cells as 0, so a 0 counts as blank there too).
 */
export function readAligned(ranges: readonly AlignedRange[], trimBlankTail = false): AlignedRows {
  const all = ranges.map((r) => ({ ...r, rows: rowsOf(r) }));
  const header = alignedHeader(all);
  const blankRow = (row: CellValue[] | undefined) => row === undefined || row.every(isBlankOrZero);
  let n = Math.max(0, ...all.map((r) => r.rows.length));
  if (trimBlankTail) while (n > (header ? 1 : 0) && all.every((r) => blankRow(r.rows[n - 1]))) n--;
  const longest = all.reduce((a, r) => (r.rows.length > a.rows.length ? r : a), all[0]);
  for (const r of all) {
    if (r.rows.length === n) continue;
    if (trimBlankTail && r.rows.length > n && r.rows.slice(n).every(blankRow)) continue;
    const ref = r === longest ? (all.find((x) => x.rows.length !== r.rows.length) ?? r) : longest;
    invalid(
      `${r.arg}: ${r.rows.length} rows but ${ref.arg} has ${ref.rows.length}; select the same rows for every range (each with its header row, or none).`,
    );
  }
  return {
    header,
    rows: all.map((r) => r.rows.slice(header ? 1 : 0, n)),
    headerCells: all.map((r) => (header ? r.rows[0] : [])),
    firstRow: header ? 2 : 1,
    height: n,
  };
}

/** A hint for a value error in row 1 of an aligned set without a header: a header must be in every range. */
export function headerHint(read: AlignedRows, row: number, value: CellValue): string {
  if (read.header || row !== 1 || typeof value !== 'string') return '';
  return ` (${describeValue(value)} looks like a header: a header row is skipped only when every range starts with one)`;
}
