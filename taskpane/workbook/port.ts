/**
 * The workbook port: the only way wizards read from and write to a workbook. Implemented by the Excel adapter
 * (Office.js) and by the in-memory adapter (playground, UI tests). Addresses are A1-style without the sheet
 * ("B2", "B2:D10"); sheets are named separately.
 */
import type { CellValue, Grid } from '../../src/shared/cells';
import type { SheetSnapshot } from '../../src/share/types';

/** A block of cells read from the workbook: values, number formats and (where the cell has one) formulas. */
export interface RangeData {
  sheet: string;
  /** The block's address on its sheet, e.g. "A1:C20". */
  address: string;
  values: Grid;
  /** Number format codes, same shape as `values` ("General", "0.00%", "$#,##0.00", "yyyy-mm-dd"…). */
  numberFormats: string[][];
  /** Formulas, same shape as `values` ("" where the cell holds a constant). */
  formulas: string[][];
}

/** A whole sheet as `readSheet` gives it: a share's `SheetSnapshot` with its errors and spills always present. */
export type SheetData = Required<SheetSnapshot>;

/** A table of the workbook (an Excel table / ListObject). */
export interface TableInfo {
  name: string;
  sheet: string;
  /** Address of the whole table including its header row. */
  address: string;
  columns: string[];
  rowCount: number;
}

/** A cell to write: a constant, or a formula (text starting with "="). */
export type WriteCell = CellValue | { formula: string };

/** One block to write at `sheet!address` (top-left cell; the block's size comes from `cells`). */
export interface BlockWrite {
  sheet: string;
  /** Top-left cell, e.g. "B2". */
  at: string;
  cells: WriteCell[][];
  /** Optional number formats, same shape as `cells` (or a single row applied to every row). */
  numberFormats?: string[][];
}

export interface ChartSpec {
  sheet: string;
  /** The data range on `sheet` (first row = series names, first column = categories). */
  source: string;
  type: 'line' | 'column' | 'bar' | 'columnClustered' | 'area' | 'xyScatter';
  title: string;
  /** Where to put the chart's top-left corner, e.g. "H2". */
  at: string;
  seriesBy?: 'columns' | 'rows';
}

/** A custom document property's value (Excel: `workbook.properties.custom`). */
export type DocumentPropertyValue = string | number | boolean;

/**
 * Everything a wizard may write, validated and applied together: one batch, all or nothing.
 * `newSheets` are created first, then `copySheets`; `tables` and `names` are created or replaced after the blocks
 * are written; `properties` and `autoOpenTaskpane` go with the same write (undone with it when it fails).
 */
export interface WritePlan {
  newSheets?: string[];
  /** Sheets to copy (cells, formulas and number formats) under a new name, added at the end of the workbook. */
  copySheets?: { from: string; to: string }[];
  blocks?: BlockWrite[];
  tables?: { name: string; sheet: string; address: string; replace?: boolean }[];
  names?: { name: string; sheet: string; address: string }[];
  charts?: ChartSpec[];
  /** Custom document properties to set (added, or replaced when one has that name). */
  properties?: Record<string, DocumentPropertyValue>;
  /**
   * Open the task pane automatically when the document is opened by someone who has the add-in (Excel:
   * the `Office.AutoShowTaskpaneWithDocument` document setting); `undefined` leaves the setting as it is.
   */
  autoOpenTaskpane?: boolean;
}

/** Non-empty cells of a sheet that the user agreed to overwrite (addresses like "C2"). */
export interface OverwriteApproval {
  sheet: string;
  cells: string[];
}

/** The port. Every method is async (Office.js is). */
export interface WorkbookPort {
  listSheets(): Promise<string[]>;
  listTables(): Promise<TableInfo[]>;
  /** The user's current selection (the playground: its selected cells). */
  readSelection(): Promise<RangeData>;
  readRange(sheet: string, address: string): Promise<RangeData>;
  /** A named table's values (header row included). */
  readTable(name: string): Promise<RangeData>;
  /**
   * A whole sheet as a snapshot for sharing: values and formulas from A1 to the bottom-right of its used range,
   * the cells holding an error (by address), and the areas of spilled results (by anchor, where the host tells).
   */
  readSheet(sheet: string): Promise<SheetData>;
  /** Workbook-scope defined names and what they refer to, without the leading "=": `{ Tiers: "Plan!$A$2:$B$6" }`. */
  listNames(): Promise<Record<string, string>>;
  /** The addresses within `sheet!address` whose cells are not empty (values or formulas); [] when all are empty. */
  nonEmptyCells(sheet: string, address: string): Promise<string[]>;
  /**
   * Applies a whole plan in one batch; on failure nothing of the plan remains in the workbook. With `approved`,
   * the batch first re-checks its target cells and writes nothing if any non-empty one is not in `approved` (a cell
   * the user edited after confirming the overwrite), so the check and the write cannot be split by an edit.
   */
  apply(plan: WritePlan, approved?: readonly OverwriteApproval[]): Promise<void>;
}
