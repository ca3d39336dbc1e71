/**
 * Reads an exceljs workbook into a `WorkbookSnapshot` (src/share/types.ts): every sheet's values (dates as Excel
 * serial numbers, errors as their code text), formulas as stored in the file (`_xldudf_SALESOPS_PAYOUT(`…, shared
 * formulas spelled out for each cell), error cells, array-formula areas, defined names and tables. It also returns
 * the array-formula areas as the file stores them, which the writer clears before writing a converted result.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../src/shared/cells';
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../../src/share/types';
import { formatCell, tryParseRange } from '../../taskpane/workbook/address';

/** An array formula as exceljs reads and writes it (its typings omit this shape). */
export interface ArrayFormulaValue {
  formula: string;
  result?: ExcelJS.CellFormulaValue['result'];
  shareType: 'array';
  ref: string;
}

/** A snapshot and, per sheet, the array-formula areas as stored: anchor A1 → area (`"C2:C3001"`). */
export interface ReadWorkbook {
  snapshot: WorkbookSnapshot;
  storedSpills: Record<string, Record<string, string>>;
}

/** Excel's serial number of 1970-01-01 (1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;
/** Days between the 1900 and the 1904 date systems' day 0. */
const DATE_1904_OFFSET = 1_462;

/** The Excel serial number (days, 1900 system unless `date1904`) exceljs read as `d`. */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return date1904 ? serial - DATE_1904_OFFSET : serial;
}

type Scalar = CellValue | { error: string };

/** A cell's value or a formula's cached result as a snapshot scalar (errors kept apart). */
function scalarOf(v: unknown, date1904: boolean): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('hyperlink' in o)
      return typeof o.text === 'string' ? o.text : typeof o.hyperlink === 'string' ? o.hyperlink : '';
    if ('formula' in o || 'sharedFormula' in o) return scalarOf(o.result, date1904);
  }
  return null;
}

/** True when the exceljs cell value is a formula (plain, shared or array). */
export function isFormulaValue(v: unknown): v is { formula?: string; sharedFormula?: string; result?: unknown } {
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
}

/** Reads one worksheet. */
function readSheet(ws: ExcelJS.Worksheet, date1904: boolean): { sheet: SheetSnapshot; spills: Record<string, string> } {
  const values: Grid = [];
  const formulas: string[][] = [];
  const errors: Record<string, string> = {};
  const spills: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const raw = cell.value;
      const scalar = scalarOf(raw, date1904);
      let formula = '';
      if (isFormulaValue(raw)) {
        const text = cell.formula;
        if (text) formula = `=${text}`;
        const a = raw as Partial<ArrayFormulaValue>;
        if (a.shareType === 'array' && typeof a.ref === 'string' && tryParseRange(a.ref))
          spills[formatCell(r, c)] = a.ref;
      }
      while (values.length <= r) values.push([]);
      while (formulas.length <= r) formulas.push([]);
      const vr = values[r];
      const fr = formulas[r];
      while (vr.length < c) vr.push(null);
      while (fr.length < c) fr.push('');
      if (scalar !== null && typeof scalar === 'object') {
        errors[formatCell(r, c)] = scalar.error;
        vr[c] = scalar.error;
      } else {
        vr[c] = scalar;
      }
      fr[c] = formula;
    });
  });
  const sheet: SheetSnapshot = { name: ws.name, values, formulas };
  if (Object.keys(errors).length > 0) sheet.errors = errors;
  if (Object.keys(spills).length > 0) sheet.spills = { ...spills };
  return { sheet, spills };
}

/** The workbook's range names: name → `'Sheet'!$A$1:$B$2` (the first range of a name with several). */
function readNames(book: ExcelJS.Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  const model = book.definedNames.model as unknown as { name: string; ranges: string[] }[];
  for (const n of model ?? []) {
    if (n.name && n.ranges?.length) out[n.name] = n.ranges[0];
  }
  return out;
}

/** The workbook's tables, header row included. */
function readTables(book: ExcelJS.Workbook): TableSnapshot[] {
  const out: TableSnapshot[] = [];
  for (const ws of book.worksheets) {
    for (const t of ws.getTables() as unknown as { name?: string; table?: Record<string, unknown> }[]) {
      const model = t.table ?? {};
      const address = (model.tableRef ?? model.ref) as string | undefined;
      const name = (model.name ?? t.name) as string | undefined;
      if (!name || !address) continue;
      const columns = ((model.columns ?? []) as { name?: string }[]).map((c) => String(c.name ?? ''));
      out.push({ name, sheet: ws.name, address, columns });
    }
  }
  return out;
}

/** Reads `book` into a snapshot (values are the cached results the file holds). */
export function readSnapshot(book: ExcelJS.Workbook): ReadWorkbook {
  const date1904 = Boolean((book.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets: SheetSnapshot[] = [];
  const storedSpills: Record<string, Record<string, string>> = {};
  for (const ws of book.worksheets) {
    const { sheet, spills } = readSheet(ws, date1904);
    sheets.push(sheet);
    storedSpills[ws.name] = spills;
  }
  const snapshot: WorkbookSnapshot = { sheets };
  const names = readNames(book);
  if (Object.keys(names).length > 0) snapshot.names = names;
  const tables = readTables(book);
  if (tables.length > 0) snapshot.tables = tables;
  return { snapshot, storedSpills };
}
