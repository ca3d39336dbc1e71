/**
 * Opening and saving .xlsx files in the playground with exceljs, the library the sample writer uses (the save
 * goes through the writer's own `computedBookXlsx`). Reading keeps values, formulas (SALESOPS calls in either
 * spelling, `_xldudf_SALESOPS_X(` read back as `SALESOPS.X(`), number formats (per cell and per column), column
 * widths and tables of every worksheet; an array formula becomes a formula at its top-left cell that spills again.
 * Loaded lazily (the library is large), so the first paint does not wait for it.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../src/shared/cells';
import { dateToSerial } from '../../src/shared/dates';
import { toTypedSpelling } from '../../src/share/calls';
import type { SampleCell, SampleSheet } from '../../sample/workbook';
import { type Rect, formatCell, formatRange, parseRange, splitQualified } from '../workbook/address';
import type { MemoryWorkbook } from '../workbook/memory';
import type { FormulaEngine } from './engine';
import { longestRow } from './extent';
import { withoutFilePrefixes } from './futureFunctions';

/** A file the playground cannot open, with the reason in words a user can act on. */
export class NotAWorkbookError extends Error {}

/** Largest file the playground opens (bytes): beyond it the page would run out of memory before finishing. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Why `bytes` (the start of a file named `name`) is not an .xlsx workbook, or `undefined` when it may be one. */
export function workbookFileProblem(name: string, bytes: Uint8Array, size: number): string | undefined {
  if (size === 0) return `"${name}" is empty; it is not an Excel workbook. Nothing was changed.`;
  if (size > MAX_FILE_BYTES) {
    return `"${name}" is ${(size / 1048576).toFixed(0)} MB; the playground opens workbooks up to ${MAX_FILE_BYTES / 1048576} MB. Nothing was changed.`;
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return `"${name}" is an old Excel 97–2003 (.xls) file; save it as .xlsx (Excel Workbook) and open that. Nothing was changed.`;
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return `"${name}" is not an Excel workbook (.xlsx); open a file saved as Excel Workbook (.xlsx). Nothing was changed.`;
  }
  return undefined;
}

/**
 * Formula text as the playground's engine reads it: "=" first, SALESOPS calls typed, no `_xlfn.` prefixes on
 * Excel's future functions (a prefixed name outside Microsoft's list keeps its prefix, so a save writes it back).
 */
export function formulaFromFile(formula: string): string {
  return withoutFilePrefixes(toTypedSpelling(`=${formula.replace(/^=/, '')}`));
}

function cellValueOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // exceljs reads a date cell as a UTC Date: back to its serial (whole days and the time of day).
    const day = dateToSerial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    const ms = v.getUTCHours() * 3_600_000 + v.getUTCMinutes() * 60_000 + v.getUTCSeconds() * 1000;
    return day + ms / 86_400_000;
  }
  if ('error' in v) return v.error;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return cellValueOf(v.result ?? null);
  return null;
}

/** The sheets of an exceljs workbook as the playground loads them, at once (`readXlsx` yields between sheets). */
export function sheetsFromBook(book: ExcelJS.Workbook): SampleSheet[] {
  return withDefinedNames(book, shownWorksheets(book).map(sheetOf));
}

/** The worksheets a user can see or unhide (not Excel's "very hidden" ones). */
function shownWorksheets(book: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return book.worksheets.filter((ws) => ws.state !== 'veryHidden');
}

/** The loaded sheets with the workbook's defined names; refuses a workbook with no sheet to show. */
function withDefinedNames(book: ExcelJS.Workbook, out: SampleSheet[]): SampleSheet[] {
  if (out.length === 0) throw new NotAWorkbookError('The workbook has no worksheet. Nothing was changed.');
  addDefinedNames(book, out);
  return out;
}

/** One worksheet as the sample writer takes it: constants, formulas with their cached results, formats, tables. */
function sheetOf(ws: ExcelJS.Worksheet): SampleSheet {
  const rows: (SampleCell | null)[][] = [];
  const cachedResults: Record<string, CellValue | CellValue[][]> = {};
  const spillCells = new Set<string>();
  const arrayAreas: { anchor: string; area: Rect }[] = [];
  const put = (r: number, c: number, cell: SampleCell) => {
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length <= c) row.push(null);
    row[c] = cell;
  };
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const numberFormat = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
      const v = cell.value as ExcelJS.CellValue & { shareType?: string; ref?: string; formula?: string };
      if (cell.formula) {
        const text = cell.formula;
        if (text) {
          put(r, c, { formula: formulaFromFile(text), numberFormat });
          if (v && typeof v === 'object' && 'result' in v && v.result !== undefined) {
            cachedResults[formatCell(r, c)] = cellValueOf(v.result);
          }
          if (v && typeof v === 'object' && v.shareType === 'array' && v.ref) {
            const area = parseRange(v.ref);
            arrayAreas.push({ anchor: formatCell(r, c), area });
            for (let rr = area.top; rr <= area.bottom; rr++)
              for (let cc = area.left; cc <= area.right; cc++) {
                if (rr !== r || cc !== c) spillCells.add(formatCell(rr, cc));
              }
          }
          return;
        }
      }
      put(r, c, { value: cellValueOf(cell.value), numberFormat });
    });
  });
  // An array formula's cached result is its whole range (kept where the engine cannot compute the formula).
  for (const { anchor, area } of arrayAreas) {
    const first = cachedResults[anchor];
    if (first === undefined || Array.isArray(first) || (area.top === area.bottom && area.left === area.right)) {
      continue;
    }
    const grid: CellValue[][] = [];
    for (let rr = area.top; rr <= area.bottom; rr++) {
      const line: CellValue[] = [];
      for (let cc = area.left; cc <= area.right; cc++) {
        const cell = rows[rr]?.[cc];
        line.push(rr === area.top && cc === area.left ? first : cell && !cell.formula ? (cell.value ?? null) : null);
      }
      grid.push(line);
    }
    cachedResults[anchor] = grid;
  }
  // The cells of an array formula's range hold its cached results: they are the spill, computed again.
  for (const a of spillCells) {
    const { top, left } = parseRange(a);
    const cell = rows[top]?.[left];
    if (cell && !cell.formula) rows[top][left] = cell.numberFormat ? { numberFormat: cell.numberFormat } : null;
  }
  const widths: number[] = [];
  const columnFormats: Record<number, string> = {};
  const colCount = longestRow(rows, ws.columnCount);
  for (let c = 1; c <= colCount; c++) {
    const col = ws.getColumn(c);
    widths.push(col.width ?? 0);
    if (col.numFmt && col.numFmt !== 'General') columnFormats[c - 1] = col.numFmt;
  }
  const tables = tablesOf(ws);
  return { name: ws.name, description: '', rows, tables, widths, columnFormats, cachedResults };
}

/**
 * Puts the workbook's defined names that point at one range of a loaded sheet on that sheet. Names of other
 * kinds (constants, formulas, several areas, Excel's own `_xlnm.` names such as print areas) are not read.
 */
function addDefinedNames(book: ExcelJS.Workbook, sheets: SampleSheet[]): void {
  const model = (book.definedNames as unknown as { model?: { name: string; ranges: string[] }[] }).model ?? [];
  for (const { name, ranges } of model) {
    if (name.startsWith('_xlnm.') || ranges.length !== 1) continue;
    const at = splitQualified(ranges[0]);
    const sheet = at && sheets.find((s) => s.name.toLowerCase() === at.sheet.toLowerCase());
    if (!at || !sheet) continue;
    (sheet.names ??= []).push({ name, address: formatRange(parseRange(at.address)) });
  }
}

function tablesOf(ws: ExcelJS.Worksheet): { name: string; address: string }[] {
  const out: { name: string; address: string }[] = [];
  const list =
    (ws as unknown as { tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }> })
      .tables ?? {};
  for (const t of Object.values(list)) {
    const name = t.table?.name;
    const ref = t.table?.tableRef ?? t.table?.ref;
    if (name && ref && ref.includes(':')) out.push({ name, address: ref.replace(/\$/g, '') });
  }
  return out;
}

async function exceljs(): Promise<typeof ExcelJS> {
  const m = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')) as unknown as {
    default?: typeof ExcelJS;
  } & typeof ExcelJS;
  return m.default ?? m;
}

/** Reads an .xlsx file's bytes into sheets; throws `NotAWorkbookError` with a user-facing message. */
export async function readXlsx(
  name: string,
  bytes: Uint8Array,
  progress?: (done: number, total: number) => void,
): Promise<SampleSheet[]> {
  const problem = workbookFileProblem(name, bytes, bytes.length);
  if (problem) throw new NotAWorkbookError(problem);
  const lib = await exceljs();
  const book = new lib.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new NotAWorkbookError(
      `"${name}" could not be read as an Excel workbook (.xlsx): ${why}. Nothing was changed.`,
    );
  }
  if (book.worksheets.length === 0) {
    throw new NotAWorkbookError(
      `"${name}" is not an Excel workbook (.xlsx): it holds no worksheet. Nothing was changed.`,
    );
  }
  // Sheet by sheet, handing the thread back between sheets so that the progress bar paints on a large file.
  const worksheets = shownWorksheets(book);
  const out: SampleSheet[] = [];
  for (const ws of worksheets) {
    out.push(sheetOf(ws));
    progress?.(out.length, worksheets.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return withDefinedNames(book, out);
}

/** The workbook's sheets as the sample writer takes them: constants and formulas (no spilled results), formats. */
export function sheetsOfWorkbook(
  wb: MemoryWorkbook,
  widths: Record<string, number[]>,
  columnFormats: Record<string, Record<number, string>>,
): SampleSheet[] {
  return wb.sheetNames().map((name) => {
    const used = parseRange(wb.usedRange(name));
    const rows: (SampleCell | null)[][] = [];
    for (let r = 0; r <= used.bottom; r++) {
      const row: (SampleCell | null)[] = [];
      for (let c = 0; c <= used.right; c++) {
        const a = formatCell(r, c);
        const cell = wb.getCell(name, a);
        const numberFormat = cell.numberFormat && cell.numberFormat !== 'General' ? cell.numberFormat : undefined;
        if (cell.formula) row.push({ formula: cell.formula, numberFormat });
        else if (wb.isComputedValue(name, a)) row.push(numberFormat ? { numberFormat } : null);
        else if (cell.value !== null || numberFormat) row.push({ value: cell.value, numberFormat });
        else row.push(null);
      }
      rows.push(row);
    }
    const tables = wb
      .tables()
      .filter((t) => t.sheet === name)
      .map((t) => ({ name: t.name, address: t.address }));
    const names = wb
      .names()
      .filter((n) => n.sheet === name)
      .map((n) => ({ name: n.name, address: n.address }));
    return { name, description: '', rows, tables, names, widths: widths[name], columnFormats: columnFormats[name] };
  });
}

/** The current workbook as .xlsx bytes, written by the sample writer with the engine's results cached. */
export async function writeXlsx(
  wb: MemoryWorkbook,
  engine: FormulaEngine,
  widths: Record<string, number[]>,
  columnFormats: Record<string, Record<number, string>>,
): Promise<Uint8Array> {
  const { computedBookXlsx } = await import(/* webpackChunkName: "exceljs" */ './xlsxWrite');
  const book = computedBookXlsx(sheetsOfWorkbook(wb, widths, columnFormats), wb, engine);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
