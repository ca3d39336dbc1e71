/**
 * Writes a workbook held in the playground (sheets, Excel tables, defined names, number formats, widths) as an
 * exceljs workbook,
 * each formula with its cached result as the playground's engine computed it, so the file shows numbers before
 * the add-in loads. SALESOPS calls are stored as Excel stores them (`_xldudf_SALESOPS_PAYOUT(`), newer functions
 * with their `_xlfn.` prefix (`_xlfn.STDEV.S(`). A formula that
 * spills is written as an array formula over its spill range (Excel shows it as {=...}); errors are cached as
 * Excel errors. Used by the playground's Download and by scripts/sample/xlsx.ts (the sample files).
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/shared/cells';
import { toStoredSpelling } from '../../src/share';
import { formatCell, formatRange, qualified } from '../workbook/address';
import type { FormulaEngine } from './engine';
import type { MemoryWorkbook } from '../workbook/memory';
import type { SampleSheet } from '../../sample/workbook';
import { longestRow } from './extent';
import { withFilePrefixes } from './futureFunctions';

/** An array formula cell as exceljs writes and reads it (its typings omit this shape). */
export interface ArrayFormulaValue {
  formula: string;
  result?: ExcelJS.CellFormulaValue['result'];
  shareType: 'array';
  ref: string;
}

type CachedResult = number | string | boolean | Date | { error: ExcelJS.CellErrorValue['error'] } | undefined;

function cached(value: CellValue, errorCode: string | undefined): CachedResult {
  if (errorCode) return { error: errorCode as ExcelJS.CellErrorValue['error'] };
  return value === null ? undefined : value;
}

/**
 * The .xlsx workbook of `sheets` (cells, formats, widths, tables) with each formula's cached result read from
 * `mem` as `engine` computed it (the playground's Download uses it on its live workbook).
 */
export function computedBookXlsx(sheets: SampleSheet[], mem: MemoryWorkbook, engine: FormulaEngine): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Sales Ops Modeler';
  book.created = new Date(Date.UTC(2026, 0, 1));
  book.calcProperties.fullCalcOnLoad = false;
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name);
    s.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const [c, f] of Object.entries(s.columnFormats ?? {})) ws.getColumn(Number(c) + 1).numFmt = f;
    const height = Math.max(s.rows.length, 1);
    const width = longestRow(s.rows, 1);
    // Spill areas of formula anchors, read back from the computed workbook.
    const spilled = new Set<string>();
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < (s.rows[r]?.length ?? 0); c++) {
        const cell = s.rows[r][c];
        if (!cell?.formula) continue;
        const address = formatCell(r, c);
        const computed = mem.getCell(s.name, address);
        const err = engine.errorAt(s.name, address)?.code;
        const area = engine.spillAreaOf(s.name, address);
        // Stored as Excel stores a custom function call (`_xldudf_SALESOPS_PAYOUT(`), so that Excel computes it
        // again when the add-in loads, as it does for a workbook saved by Excel; and each function newer than
        // the 2007 format with its `_xlfn.` prefix, without which Excel reads an unknown function (#NAME?).
        const formula = withFilePrefixes(toStoredSpelling(cell.formula)).slice(1);
        const target = ws.getCell(address);
        if (area) {
          target.value = {
            formula,
            result: cached(computed.value, err),
            shareType: 'array',
            ref: formatRange(area),
          } as ArrayFormulaValue as unknown as ExcelJS.CellValue;
          for (let rr = area.top; rr <= area.bottom; rr++) {
            for (let cc = area.left; cc <= area.right; cc++) {
              if (rr === r && cc === c) continue;
              const a = formatCell(rr, cc);
              spilled.add(a);
              const out = cached(mem.getCell(s.name, a).value, engine.errorAt(s.name, a)?.code);
              ws.getCell(a).value = out === undefined ? null : out;
              if (cell.numberFormat) ws.getCell(a).numFmt = cell.numberFormat;
            }
          }
        } else {
          const value: ExcelJS.CellFormulaValue = { formula, result: cached(computed.value, err) };
          target.value = value;
        }
      }
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const cell = s.rows[r]?.[c];
        const address = formatCell(r, c);
        if (!cell) continue;
        if (!cell.formula && !spilled.has(address)) ws.getCell(address).value = cell.value ?? null;
        if (cell.numberFormat) ws.getCell(address).numFmt = cell.numberFormat;
      }
    }
    if (s.rows.length > 0) {
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    }
    for (const t of s.tables) addTable(ws, t.name, t.address);
    for (const n of s.names ?? []) book.definedNames.add(qualified(s.name, absolute(n.address)), n.name);
  }
  return book;
}

/** "A1:B2" as "$A$1:$B$2", as Excel stores a defined name's range. */
function absolute(address: string): string {
  return address
    .split(':')
    .map((c) => c.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}

/** Declares an Excel table over cells already written (header row included), keeping their values and formats. */
function addTable(ws: ExcelJS.Worksheet, name: string, address: string): void {
  const [from, to] = address.split(':');
  const first = ws.getCell(from);
  const last = ws.getCell(to);
  const top = Number(first.row);
  const left = Number(first.col);
  const bottom = Number(last.row);
  const right = Number(last.col);
  const columns: ExcelJS.TableColumnProperties[] = [];
  for (let c = left; c <= right; c++) columns.push({ name: ws.getCell(top, c).text, filterButton: true });
  const rows: ExcelJS.CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const row: ExcelJS.CellValue[] = [];
    const fmt: (string | undefined)[] = [];
    for (let c = left; c <= right; c++) {
      row.push(ws.getCell(r, c).value);
      fmt.push(ws.getCell(r, c).numFmt);
    }
    rows.push(row);
    formats.push(fmt);
  }
  ws.addTable({
    name,
    ref: from,
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns,
    rows,
  });
  formats.forEach((fmt, i) =>
    fmt.forEach((f, j) => {
      if (f) ws.getCell(top + 1 + i, left + j).numFmt = f;
    }),
  );
}
