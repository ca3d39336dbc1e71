/**
 * Writes a `SharePlan` (src/share) into an exceljs workbook read from a file: each SALESOPS cell becomes its native
 * formula (with its computed result cached, so the copy shows numbers before any recalculation; a spilled result
 * translated cell by cell gets one formula per cell) or its values (every cell of a spilled result its own value),
 * and a visible Provenance sheet is added. Every other cell, number
 * format, table and name is left as read. Shared formulas are spelled out cell by cell first, so that replacing a
 * shared formula's first cell cannot change the formulas of the cells that shared it.
 */
import ExcelJS from 'exceljs';
import { type CellValue, ERROR_LITERALS } from '../../src/shared/cells';
import { PROVENANCE_SHEET, isProvenanceSheet } from '../../src/share';
import type { ConvertedCell, SharePlan } from '../../src/share/types';
import { formatCell, parseRange, type Rect } from '../../taskpane/workbook/address';
import { isFormulaValue, type ArrayFormulaValue } from './readSnapshot';

/** The error codes an xlsx cell can hold; any other (#SPILL!, #ERROR!…) is cached as #VALUE!. */
const FILE_ERRORS = ERROR_LITERALS;
const ENGINE_ERRORS = new Set([...FILE_ERRORS, '#SPILL!', '#ERROR!', '#CALC!', '#FIELD!', '#BUSY!']);

type Cached = number | string | boolean | { error: ExcelJS.CellErrorValue['error'] } | null;

/** A computed value as an xlsx cell holds it: error codes as errors, everything else as is. */
export function cachedValue(v: CellValue): Cached {
  if (typeof v === 'string' && ENGINE_ERRORS.has(v)) {
    return { error: (FILE_ERRORS.has(v) ? v : '#VALUE!') as ExcelJS.CellErrorValue['error'] };
  }
  return v;
}

/** Replaces every shared formula of `book` by the same formula written out in each cell. */
export function unshareFormulas(book: ExcelJS.Workbook): void {
  for (const ws of book.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (!isFormulaValue(v)) return;
        const shared = v as { sharedFormula?: string; shareType?: string; result?: unknown };
        if (shared.sharedFormula === undefined && shared.shareType !== 'shared') return;
        const formula = cell.formula;
        if (!formula) return;
        cell.value = { formula, result: shared.result } as ExcelJS.CellFormulaValue;
      }),
    );
  }
}

function eachCell(r: Rect, fn: (row: number, col: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

function inside(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** Writes one converted cell; `stored` is the array-formula area the file held at its address, if any. */
function writeCell(ws: ExcelJS.Worksheet, cell: ConvertedCell, stored: string | undefined): void {
  const anchor = parseRange(cell.address);
  const area = parseRange(cell.area);
  // Cells of the old array area that the new result does not cover are emptied (formats stay).
  if (stored) {
    eachCell(parseRange(stored), (row, col) => {
      if (!inside(area, row, col)) ws.getCell(formatCell(row, col)).value = null;
    });
  }
  const valueAt = (row: number, col: number): CellValue => cell.values[row - area.top]?.[col - area.left] ?? null;
  eachCell(area, (row, col) => {
    const target = ws.getCell(formatCell(row, col));
    const v = cachedValue(valueAt(row, col));
    const own = cell.kind === 'native' ? cell.formulas?.[row - area.top]?.[col - area.left] : undefined;
    if (own) {
      // A spilled result translated cell by cell: each cell its own native formula.
      const result = (v ?? undefined) as ExcelJS.CellFormulaValue['result'];
      target.value = { formula: own.replace(/^=/, ''), result };
      return;
    }
    if (cell.kind === 'native' && row === anchor.top && col === anchor.left) {
      const formula = (cell.formula ?? '').replace(/^=/, '');
      const result = (v ?? undefined) as ExcelJS.CellFormulaValue['result'];
      const single = area.top === area.bottom && area.left === area.right;
      target.value = single
        ? { formula, result }
        : ({
            formula,
            result,
            shareType: 'array',
            ref: cell.area,
          } as ArrayFormulaValue as unknown as ExcelJS.CellValue);
      return;
    }
    target.value = v;
  });
}

/** The workbook's sheet named Provenance, in any case (Excel's sheet names ignore case). */
export function provenanceSheetOf(book: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return book.worksheets.find((ws) => isProvenanceSheet(ws.name));
}

/** Adds the visible Provenance sheet with the plan's rows from A1. */
function addProvenance(book: ExcelJS.Workbook, rows: CellValue[][]): void {
  const ws = book.addWorksheet(PROVENANCE_SHEET, { state: 'visible' });
  rows.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === null) return;
      // Original formulas are text here: a string starting with "=" is written as a string, never a formula.
      ws.getCell(formatCell(r, c)).value = v;
    }),
  );
  const widths: number[] = [];
  for (const line of rows) {
    line.forEach((v, c) => (widths[c] = Math.max(widths[c] ?? 8, Math.min(60, String(v ?? '').length + 2))));
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/**
 * Applies `plan` to `book` (read from the input file), adding the Provenance sheet. `storedSpills` gives, per
 * sheet, the array-formula areas as the file stored them (anchor → area), cleared before a result is written.
 */
export function writePlan(
  book: ExcelJS.Workbook,
  plan: SharePlan,
  storedSpills: Record<string, Record<string, string>> = {},
): void {
  if (provenanceSheetOf(book)) {
    throw new Error(`the workbook already has a sheet named ${provenanceSheetOf(book)!.name}`);
  }
  unshareFormulas(book);
  for (const cell of plan.cells) {
    const ws = book.getWorksheet(cell.sheet);
    if (!ws) throw new Error(`the plan names a sheet the workbook does not have: ${cell.sheet}`);
    writeCell(ws, cell, storedSpills[cell.sheet]?.[cell.address]);
  }
  addProvenance(book, plan.provenance);
  // Excel recalculates the native formulas (and what reads them) when the copy is opened.
  book.calcProperties.fullCalcOnLoad = true;
}
