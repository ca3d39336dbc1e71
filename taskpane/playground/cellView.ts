/**
 * What the grid shows in one cell of a `MemoryWorkbook` computed by a `FormulaEngine`: the format that applies
 * (a spilled cell's from its column or its anchor, see display.ts), the text that fits the column, and its state.
 */
import type { CellValue } from '../../src/shared/cells';
import { formatCell } from '../workbook/address';
import type { MemoryWorkbook } from '../workbook/memory';
import { chooseFormat, fitText } from './display';
import type { FormulaEngine } from './engine';
import { formatValue, isNumeric } from './format';

/** One cell as the grid draws it. */
export interface CellView {
  value: CellValue;
  formula?: string;
  /** The number format that applies (undefined: General). */
  format?: string;
  /** Text fitted to the column (numbers too wide show ### as in Excel). */
  text: string;
  numeric: boolean;
  error?: { code: string; message?: string };
  /** A formula not computed yet. */
  pending: boolean;
  /** The value is the opened file's cached result: the playground cannot compute this formula. */
  fromFile: boolean;
}

/** The view of `sheet` row `row`, column `col`, in a column `widthPx` wide (Infinity: unfitted). */
export function cellView(
  wb: MemoryWorkbook,
  engine: FormulaEngine,
  sheet: string,
  row: number,
  col: number,
  widthPx: number,
  columnFormats: Record<number, string> | undefined,
): CellView {
  const a = formatCell(row, col);
  const cell = wb.getCell(sheet, a);
  const error = engine.errorAt(sheet, a);
  const pending = cell.formula !== undefined && engine.isPending(sheet, a);
  const spill = cell.formula ? undefined : engine.spillFormulaAt(sheet, a);
  const anchorFormat = spill ? wb.getCell(sheet, spill.anchor).numberFormat : undefined;
  const format = chooseFormat(cell.numberFormat, spill !== undefined, columnFormats?.[col], anchorFormat);
  const numeric = isNumeric(cell.value) && !error;
  const text = pending
    ? '…'
    : error
      ? error.code
      : Number.isFinite(widthPx)
        ? fitText(cell.value, format, widthPx)
        : formatValue(cell.value, format);
  const fromFile = cell.formula !== undefined && engine.isFromFile(sheet, a);
  return { value: cell.value, formula: cell.formula, format, text, numeric, error, pending, fromFile };
}
