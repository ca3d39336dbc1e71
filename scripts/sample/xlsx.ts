/**
 * Turns the sample workbook into an exceljs workbook: every sheet, its Excel tables, number formats, and each
 * formula with its cached result computed by the playground's engine over the same SALESOPS.* functions (the
 * writer is taskpane/playground/xlsxWrite.ts, which the playground's Download uses too).
 */
import type ExcelJS from 'exceljs';
import { loadSample } from '../../taskpane/playground/loadSample';
import { computedBookXlsx } from '../../taskpane/playground/xlsxWrite';
import type { SampleSheet } from '../../sample/workbook';

export type { ArrayFormulaValue } from '../../taskpane/playground/xlsxWrite';

/** Builds the .xlsx workbook of `sheets`, computing every formula first. */
export function buildSampleXlsx(sheets: SampleSheet[]): ExcelJS.Workbook {
  const { workbook: mem, engine } = loadSample(sheets);
  return computedBookXlsx(sheets, mem, engine);
}
