/**
 * A1 references in formula text: parsing and formatting (`B2`, `$B$2`, `A1:B5`, `A:A`, `1:3`, `Sheet!A1`,
 * `'Quoted sheet'!A1:B2`), resolving defined names and structured table references (`Tiers[Rate]`,
 * `Tiers[[#Data],[Rate]]`, `Tiers[#All]`) against a workbook snapshot, and reading a reference's values.
 * Rows and columns are 0-based here, as in a `Grid`.
 */
import { type CellValue, type Grid, columnLetter } from '../shared/cells';
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from './types';

/** Excel's grid: 1,048,576 rows × 16,384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells (0-based, inclusive) on a sheet, with the `$` flags it was written with. */
export interface Reference {
  /** The sheet named in the text (unquoted), or `undefined` for a reference to the formula's own sheet. */
  sheet?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** `$` before the column / row of the first and last corners. */
  absCol?: [boolean, boolean];
  absRow?: [boolean, boolean];
}

/** A reference resolved to its sheet (as the snapshot spells it). */
export interface ResolvedReference extends Reference {
  sheet: string;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COL = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

/** Column letters to a 0-based index ("A" → 0, "AA" → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

interface Corner {
  row?: number;
  col?: number;
  absRow: boolean;
  absCol: boolean;
}

function corner(text: string): Corner | undefined {
  let m = CELL.exec(text);
  if (m) {
    const col = columnIndex(m[2]);
    const row = Number(m[4]) - 1;
    if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return undefined;
    return { col, row, absCol: m[1] === '$', absRow: m[3] === '$' };
  }
  m = COL.exec(text);
  if (m) {
    const col = columnIndex(m[2]);
    return col < MAX_COLS ? { col, absCol: m[1] === '$', absRow: false } : undefined;
  }
  m = ROW.exec(text);
  if (m) {
    const row = Number(m[2]) - 1;
    return row >= 0 && row < MAX_ROWS ? { row, absRow: m[1] === '$', absCol: false } : undefined;
  }
  return undefined;
}

/** Splits `Sheet!A1` / `'It''s'!A1` into the sheet (unquoted) and the address; no sheet → `undefined`. */
function splitSheet(text: string): { sheet?: string; address: string } | undefined {
  const t = text.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < t.length) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += t[i++];
    }
    if (t[i] !== "'" || t[i + 1] !== '!') return undefined;
    return { sheet: name, address: t.slice(i + 2) };
  }
  const bang = t.lastIndexOf('!');
  if (bang < 0) return { address: t };
  const sheet = t.slice(0, bang);
  if (!/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(sheet)) return undefined;
  return { sheet, address: t.slice(bang + 1) };
}

/**
 * Parses an A1 reference (`B2`, `$A$2:$B$6`, `A:A`, `$1:$3`, `Sheet1!A1`, `'Comp plan'!A2:B6`); `undefined`
 * when the text is anything else.
 */
export function parseReference(text: string): Reference | undefined {
  const parts = splitSheet(text);
  if (!parts) return undefined;
  const pieces = parts.address.split(':');
  if (pieces.length > 2) return undefined;
  const a = corner(pieces[0]);
  const b = pieces.length === 2 ? corner(pieces[1]) : a;
  if (!a || !b) return undefined;
  const kindA = a.row === undefined ? 'col' : a.col === undefined ? 'row' : 'cell';
  const kindB = b.row === undefined ? 'col' : b.col === undefined ? 'row' : 'cell';
  if (kindA !== kindB || (pieces.length === 1 && kindA !== 'cell')) return undefined;
  const r0 = a.row ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c0 = a.col ?? 0;
  const c1 = b.col ?? MAX_COLS - 1;
  return {
    sheet: parts.sheet,
    top: Math.min(r0, r1),
    bottom: Math.max(r0, r1),
    left: Math.min(c0, c1),
    right: Math.max(c0, c1),
    absCol: [a.absCol, b.absCol],
    absRow: [a.absRow, b.absRow],
  };
}

/** A sheet name as a formula writes it: quoted (with `''` for a quote) unless it is a plain name. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** One cell's A1 address (0-based row and column), with `$` flags. */
export function cellAddress(row: number, col: number, absCol = false, absRow = false): string {
  return `${absCol ? '$' : ''}${columnLetter(col)}${absRow ? '$' : ''}${row + 1}`;
}

/** The A1 address of a rectangle without `$`: `B2` or `B2:D10`. */
export function rangeAddress(r: { top: number; left: number; bottom: number; right: number }): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Formats a reference, with its sheet when it has one (and `withSheet`), keeping its `$` flags. */
export function formatReference(ref: Reference, withSheet = true): string {
  const [ac0, ac1] = ref.absCol ?? [false, false];
  const [ar0, ar1] = ref.absRow ?? [false, false];
  const a = cellAddress(ref.top, ref.left, ac0, ar0);
  const b = cellAddress(ref.bottom, ref.right, ac1, ar1);
  const body = ref.top === ref.bottom && ref.left === ref.right ? a : `${a}:${b}`;
  return withSheet && ref.sheet !== undefined ? `${quoteSheet(ref.sheet)}!${body}` : body;
}

/** One cell of a reference as text, with the reference's sheet and `$` flags (row/col offsets from its corner). */
export function cellOf(ref: Reference, row: number, col: number, withSheet = true): string {
  const [ac] = ref.absCol ?? [false, false];
  const [ar] = ref.absRow ?? [false, false];
  const a = cellAddress(ref.top + row, ref.left + col, ac, ar);
  return withSheet && ref.sheet !== undefined ? `${quoteSheet(ref.sheet)}!${a}` : a;
}

/** The sheet of `book` named `name` (case-insensitive, as Excel compares sheet names). */
export function findSheet(book: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const key = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === key);
}

function findTable(book: WorkbookSnapshot, name: string): TableSnapshot | undefined {
  const key = name.toLowerCase();
  return book.tables?.find((t) => t.name.toLowerCase() === key);
}

/** A structured reference `Table[…]` resolved to its cells, or `undefined` when it is not one we can read. */
function resolveTableRef(book: WorkbookSnapshot, text: string): ResolvedReference | undefined {
  const m = /^([A-Za-z_\\][A-Za-z0-9_.\\]*)\[(.*)\]$/s.exec(text.trim());
  if (!m) return undefined;
  const table = findTable(book, m[1]);
  if (!table) return undefined;
  const whole = parseReference(table.address);
  if (!whole) return undefined;
  const sheet = findSheet(book, table.sheet)?.name ?? table.sheet;
  const inner = m[2].trim();
  // Items: "Col", "[Col]", "[#Data],[Col]", "[#All]", "#Data", "[Col1]:[Col2]"; "" = the data body.
  let special = '#Data';
  let cols: string[] = [];
  if (inner === '') cols = [];
  else if (!inner.startsWith('[')) {
    if (inner.startsWith('#')) special = inner;
    else cols = [inner];
  } else {
    const items = inner.split(/\]\s*,\s*\[/).map((s) => s.replace(/^\[/, '').replace(/\]$/, ''));
    for (const item of items) {
      if (item.startsWith('#')) special = item;
      else {
        const span = item.split(/\]\s*:\s*\[/);
        cols.push(...span);
      }
    }
  }
  const key = special.toLowerCase();
  let top = whole.top;
  let bottom = whole.bottom;
  if (key === '#data') top = whole.top + 1;
  else if (key === '#headers') bottom = whole.top;
  else if (key !== '#all') return undefined;
  if (top > bottom) return undefined;
  let left = whole.left;
  let right = whole.right;
  if (cols.length > 0) {
    const unescape = (c: string) => c.replace(/'(.)/g, '$1').trim().toLowerCase();
    const idx = cols.map((c) => table.columns.findIndex((name) => name.toLowerCase() === unescape(c)));
    if (idx.some((i) => i < 0) || cols.length > 2) return undefined;
    left = whole.left + Math.min(...idx);
    right = whole.left + Math.max(...idx);
  }
  return {
    sheet,
    top,
    bottom,
    left,
    right,
    absCol: [true, true],
    absRow: [true, true],
  };
}

/**
 * Resolves a formula argument that is a reference: an A1 reference (on `sheet` when it names none), a defined
 * name, or a structured table reference. `undefined` for anything else (a number, an expression, an unknown
 * name or sheet).
 */
export function resolveReference(book: WorkbookSnapshot, sheet: string, text: string): ResolvedReference | undefined {
  const t = text.trim();
  const direct = parseReference(t);
  if (direct) {
    const s = findSheet(book, direct.sheet ?? sheet);
    return s ? { ...direct, sheet: s.name } : undefined;
  }
  if (/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(t) && book.names) {
    const key = Object.keys(book.names).find((k) => k.toLowerCase() === t.toLowerCase());
    if (key !== undefined) {
      const target = book.names[key].replace(/^=/, '');
      const ref = parseReference(target);
      if (!ref || ref.sheet === undefined) return undefined;
      const s = findSheet(book, ref.sheet);
      return s ? { ...ref, sheet: s.name } : undefined;
    }
  }
  return resolveTableRef(book, t);
}

/** The values of a reference on its sheet, as a rectangular grid (cells past the sheet's data are blank). */
export function valuesOf(book: WorkbookSnapshot, ref: ResolvedReference): Grid {
  const s = findSheet(book, ref.sheet);
  const rows = s?.values ?? [];
  // Whole columns / rows stop at the data: nothing past the last row or column the snapshot holds.
  const lastRow = ref.bottom === MAX_ROWS - 1 ? Math.max(rows.length - 1, ref.top) : ref.bottom;
  let lastCol = ref.right;
  if (ref.right === MAX_COLS - 1) {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    lastCol = Math.max(width - 1, ref.left);
  }
  const out: Grid = [];
  for (let r = ref.top; r <= lastRow; r++) {
    const row: CellValue[] = [];
    for (let c = ref.left; c <= lastCol; c++) {
      const code = s?.errors?.[cellAddress(r, c)];
      row.push(code ?? rows[r]?.[c] ?? null);
    }
    out.push(row);
  }
  return out;
}

/** Offsets of text outside string literals and quoted sheet names, split into tokens at operators. */
function referenceTokens(formula: string): string[] {
  const tokens: string[] = [];
  let cur = '';
  let depthBracket = 0;
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i];
    if (c === '"') {
      // skip a string literal
      if (cur) tokens.push(cur);
      cur = '';
      i++;
      while (i < formula.length && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      continue;
    }
    if (c === "'") {
      // a quoted sheet name belongs to the token
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      cur += formula.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '[') depthBracket++;
    if (c === ']') depthBracket--;
    if (depthBracket === 0 && /[\s,;()+\-*/^&=<>{}%]/.test(c)) {
      if (cur) tokens.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur) tokens.push(cur);
  return tokens;
}

/**
 * The references `formula` reads, resolved on `book` (A1 references, defined names, structured references), in
 * order of appearance. Function names, numbers, strings and unknown names are left out.
 */
export function referencesIn(book: WorkbookSnapshot, sheet: string, formula: string): ResolvedReference[] {
  const out: ResolvedReference[] = [];
  for (const t of referenceTokens(formula.replace(/^=/, ''))) {
    if (/^[0-9.]+(e\d+)?$/i.test(t) || /^(TRUE|FALSE)$/i.test(t)) continue;
    const ref = resolveReference(book, sheet, t);
    if (ref) out.push(ref);
  }
  return out;
}
