/**
 * Tables as ranges: a header row of column names, then one record a row. Parsing finds columns by header name
 * (case- and space-insensitive, with aliases), coerces each cell by the column's kind with the shared coercion
 * policy, and reports errors that name the cell: `plan: row 4, column "Rate": expected a number, got "ten"`.
 * Rows are numbered 1-based within the range, the header being row 1.
 */
import { type CellValue, type Grid, asGrid, describeValue, isBlank, isBlankOrZero } from './cells';
import { cellBoolean, cellNumber, cellText, checkRectangular } from './coerce';
import { invalid } from './errors';
import { MAX_SERIAL, checkSerial } from './dates';

/** The kind of a column: `number` (any finite number), `date` (an Excel date serial), `text`, `boolean`. */
export type ColumnKind = 'number' | 'date' | 'text' | 'boolean';

type KindValue<K extends ColumnKind> = K extends 'number' | 'date' ? number : K extends 'text' ? string : boolean;

/** One column of a table layout. Optional columns may be absent from the header; their blank cells are `undefined`. */
export interface ColumnSpec<K extends ColumnKind = ColumnKind> {
  readonly header: string;
  readonly kind: K;
  readonly required?: boolean;
  readonly aliases?: readonly string[];
}

/** A table layout: column key → spec. */
export type TableLayout = Record<string, ColumnSpec>;

/** A parsed record: required columns hold their value, optional ones may be `undefined`; `row` is the range row. */
export type TableRecord<L extends TableLayout> = {
  [K in keyof L]: L[K]['required'] extends true ? KindValue<L[K]['kind']> : KindValue<L[K]['kind']> | undefined;
} & { readonly row: number };

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_%()]+/g, ' ')
    .trim();

/** Finds each layout column in `header`; a missing required column is an error that lists what was found. */
export function locateColumns<L extends TableLayout>(
  header: readonly CellValue[],
  layout: L,
  arg: string,
): Record<keyof L, number> {
  const names = header.map((h) => norm(cellText(h)));
  const out = {} as Record<keyof L, number>;
  for (const key of Object.keys(layout) as (keyof L & string)[]) {
    const spec = layout[key];
    const wanted = [spec.header, ...(spec.aliases ?? [])].map(norm);
    const idx = names.findIndex((n) => wanted.includes(n));
    if (idx < 0 && spec.required) {
      invalid(
        `${arg}: the header row has no column "${spec.header}" (found ${header.map((h) => `"${cellText(h)}"`).join(', ') || 'nothing'}).`,
      );
    }
    out[key] = idx;
  }
  return out;
}

/** Coerces one cell by `kind`; `where` names the cell for the error message. */
export function coerceCell(value: CellValue, kind: ColumnKind, where: string): number | string | boolean {
  switch (kind) {
    case 'number': {
      const n = typeof value === 'boolean' ? undefined : cellNumber(value);
      if (n === undefined) invalid(`${where}: expected a number, got ${describeValue(value)}.`);
      return n;
    }
    case 'date': {
      const n = typeof value === 'boolean' ? undefined : cellNumber(value);
      if (n === undefined) invalid(`${where}: expected a date, got ${describeValue(value)}.`);
      return checkSerial(n, where);
    }
    case 'boolean': {
      const b = cellBoolean(value);
      if (b === undefined) invalid(`${where}: expected TRUE or FALSE, got ${describeValue(value)}.`);
      return b;
    }
    case 'text':
      return cellText(value);
  }
}

/**
 * Parses a range whose first row is the header into typed records. Entirely blank rows are skipped.
 * A blank cell in a required column is an error; in an optional column it is `undefined`.
 * `zeroRowsBlank`: also skip rows whose every cell is blank or 0 — Excel for desktop passes blank cells as 0 — for
 * tables where such a row can never be data (e.g. one with a required text column such as a row type).
 */
export function parseTable<L extends TableLayout>(
  range: Grid | CellValue,
  layout: L,
  arg: string,
  zeroRowsBlank = false,
): TableRecord<L>[] {
  const grid = asGrid(range);
  checkRectangular(grid, arg);
  if (grid.length === 0) invalid(`${arg}: the table is empty; expected a header row and at least one row.`);
  const cols = locateColumns(grid[0], layout, arg);
  const keys = Object.keys(layout);
  const specs = keys.map((k) => layout[k]);
  const at = keys.map((k) => cols[k]);
  const records: TableRecord<L>[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row.every(zeroRowsBlank ? isBlankOrZero : isBlank)) continue;
    const rec: Record<string, unknown> = { row: r + 1 };
    for (let k = 0; k < keys.length; k++) {
      const spec = specs[k];
      const c = at[k];
      const value = c >= 0 ? row[c] : null;
      // The common cells without building a message: a finite number, a date serial in range, text.
      if (
        typeof value === 'number' &&
        value - value === 0 &&
        value !== 0 &&
        spec.kind !== 'text' &&
        spec.kind !== 'boolean'
      ) {
        if (spec.kind === 'number') {
          rec[keys[k]] = value;
          continue;
        }
        if (value >= 1 && value < MAX_SERIAL + 1) {
          rec[keys[k]] = Math.floor(value);
          continue;
        }
      } else if (typeof value === 'string' && spec.kind === 'text') {
        const t = value.trim();
        if (t !== '') {
          rec[keys[k]] = t;
          continue;
        }
      }
      const where = `${arg}: row ${r + 1}, column "${c >= 0 ? cellText(grid[0][c]) : spec.header}"`;
      if (isBlank(value)) {
        if (spec.required) invalid(`${where}: a value is required, got a blank cell.`);
        rec[keys[k]] = undefined;
      } else {
        rec[keys[k]] = coerceCell(value, spec.kind, where);
      }
    }
    records.push(rec as TableRecord<L>);
  }
  return records;
}

/** Builds a range from a header and rows (`undefined` cells become blanks), padding short rows. */
export function toGrid(header: readonly string[], rows: readonly (readonly (CellValue | undefined)[])[]): Grid {
  const w = Math.max(header.length, ...rows.map((r) => r.length));
  const pad = (r: readonly (CellValue | undefined)[]): CellValue[] =>
    Array.from({ length: w }, (_, i) => (r[i] === undefined ? null : r[i]));
  return [pad(header), ...rows.map(pad)];
}
