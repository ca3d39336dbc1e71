/**
 * Sharing a workbook with colleagues who do not have the add-in: the types shared by the core (`src/share/`), the
 * `npm run share` command, the sample and the Share wizard. A workbook is read into a `WorkbookSnapshot`; the core
 * plans how each SALESOPS cell is converted (a native Excel formula with the same references, or its values), and
 * what the Provenance sheet holds; the surfaces write that plan.
 */
import type { CellValue, Grid } from '../shared/cells';

/** How a SALESOPS call is spelled in a formula's text. */
export type CallSpelling =
  /** As a user types it: `SALESOPS.PAYOUT(`. */
  | 'typed'
  /** As Excel saves a JavaScript custom function in the file: `_xldudf_SALESOPS_PAYOUT(`. */
  | 'stored';

/** One SALESOPS call found in a formula's text. */
export interface FoundCall {
  /** The function's name in upper case, without the namespace: `PAYOUT`. */
  name: string;
  spelling: CallSpelling;
  /** Offset of the call's first character (the namespace or the `_xldudf_` prefix) in the formula text. */
  start: number;
  /** Offset one past the call's closing parenthesis. */
  end: number;
  /** Each argument's text, trimmed, as written (`""` for an omitted argument); `[]` for a call with none. */
  args: string[];
  /** Nesting depth: 0 for a call that is not inside another SALESOPS call's arguments. */
  depth: number;
}

/** One sheet as read: values and formulas from A1 (row-major, `values[row][col]`; rows may be ragged). */
export interface SheetSnapshot {
  name: string;
  values: Grid;
  /** Same shape as `values` where present: the formula text with its leading `=`, or `""` for a constant. */
  formulas: string[][];
  /** Cells that hold an error value, by A1 address: the error code (`#N/A`, `#VALUE!`, `#NAME?`…). */
  errors?: Record<string, string>;
  /** Spilled results, by the anchor cell's A1 address: the whole spill area (`"F2:H40"`, anchor included). */
  spills?: Record<string, string>;
}

/** An Excel table (ListObject) of the workbook, for structured references (`Tiers[Rate]`). */
export interface TableSnapshot {
  name: string;
  sheet: string;
  /** The whole table, header row included: `"A1:C20"`. */
  address: string;
  columns: string[];
}

/** A workbook as read by a surface (Excel, the in-memory workbook, an xlsx file). */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Defined names (workbook scope) and what they refer to: `{ Tiers: "'Comp plan'!$A$2:$B$6" }`. */
  names?: Record<string, string>;
  tables?: TableSnapshot[];
}

/** How one cell was converted. */
export type ConversionKind =
  /** A native Excel formula over the same references, exact to the cent. */
  | 'native'
  /** The values it showed (every cell of a spilled result gets its own value). */
  | 'value';

/** One SALESOPS cell (a formula with at least one SALESOPS call) and what the shared copy holds instead. */
export interface ConvertedCell {
  sheet: string;
  /** The formula's cell (the anchor of a spilled result), A1. */
  address: string;
  /** The original formula, as read (with its leading `=`). */
  original: string;
  /** The SALESOPS functions it calls, upper case, in order of appearance (repeats removed). */
  functions: string[];
  kind: ConversionKind;
  /** For `native`: the formula to write (with its leading `=`). */
  formula?: string;
  /**
   * For `native` over a spilled result (SEASONALQUOTA): one formula per cell of `area`, row-major, each with its
   * leading `=` (`formulas[0][0] === formula`). Write each to its cell; absent for a one-cell result.
   */
  formulas?: string[][];
  /** The values shown: a 1×1 grid, or the whole spill block anchored at `address`. Errors as their code text. */
  values: Grid;
  /** A1 address of the block `values` covers (`"B2"` or `"F2:H40"`). */
  area: string;
  /** Lower-case hex SHA-256 of the input values the formula read (see docs/sharing.md for the canonical form). */
  fingerprint: string;
  /** Why the cell was converted to values rather than a native formula, when it was (for the preview). */
  reason?: string;
}

/** Options of a share. */
export interface ShareOptions {
  /** The add-in's version, written to the Provenance sheet. */
  version: string;
  /** When the copy was made (written as an ISO 8601 UTC timestamp). */
  now: Date;
  /** Prefer values over native formulas for every cell (a "values only" copy). Default false. */
  valuesOnly?: boolean;
}

/** What a share will do, before anything is written. */
export interface SharePlan {
  cells: ConvertedCell[];
  /** Counts by function name and by kind, for the scan step: `{ PAYOUT: { native: 30, value: 4 } }`. */
  counts: Record<string, Record<ConversionKind, number>>;
  /** The Provenance sheet's rows, header rows included, ready to write from A1 (readable without the add-in). */
  provenance: CellValue[][];
}

/** One formula to put back, read from a Provenance sheet. */
export interface RestoreEntry {
  sheet: string;
  address: string;
  /** The original SALESOPS formula, with its leading `=`. */
  formula: string;
  /** The area the shared copy wrote for it (cleared before the formula goes back so that it can spill). */
  area: string;
}
