/**
 * The grid's selection, as Excel keeps it: an anchor (the active cell, where typing goes) and a focus (the corner
 * that Shift+click, Shift+arrows and dragging move). Pure: rows and columns are 0-based indices, bounded by the
 * grid's size (`Bounds`, the rows and columns the grid shows).
 */
import { formatCell, formatRange, type Rect } from '../workbook/address';

/** A cell position (0-based). */
export interface GridPoint {
  row: number;
  col: number;
}

/** The selection: the active cell (`anchor`) and the opposite corner of the selected block (`focus`). */
export interface GridSelection {
  anchor: GridPoint;
  focus: GridPoint;
}

/** How many rows and columns the grid has (the selection stays inside). */
export interface Bounds {
  rows: number;
  cols: number;
}

function clamp(p: GridPoint, b: Bounds): GridPoint {
  return {
    row: Math.min(Math.max(0, p.row), Math.max(0, b.rows - 1)),
    col: Math.min(Math.max(0, p.col), Math.max(0, b.cols - 1)),
  };
}

/** One cell selected. */
export function cellSelection(row: number, col: number, b: Bounds): GridSelection {
  const p = clamp({ row, col }, b);
  return { anchor: p, focus: p };
}

/** The block the selection covers. */
export function selectionRect(s: GridSelection): Rect {
  return {
    top: Math.min(s.anchor.row, s.focus.row),
    left: Math.min(s.anchor.col, s.focus.col),
    bottom: Math.max(s.anchor.row, s.focus.row),
    right: Math.max(s.anchor.col, s.focus.col),
  };
}

/** The selection's A1 address: "B2" for one cell, "B2:D9" for a block (what the name box shows). */
export function selectionAddress(s: GridSelection): string {
  const r = selectionRect(s);
  return r.top === r.bottom && r.left === r.right ? formatCell(r.top, r.left) : formatRange(r);
}

/** Arrow key: the active cell moves by (dRow, dCol) and the block collapses to it. */
export function moveBy(s: GridSelection, dRow: number, dCol: number, b: Bounds): GridSelection {
  return cellSelection(s.anchor.row + dRow, s.anchor.col + dCol, b);
}

/** Shift+arrow: the focus corner moves by (dRow, dCol); the active cell stays. */
export function extendBy(s: GridSelection, dRow: number, dCol: number, b: Bounds): GridSelection {
  return { anchor: s.anchor, focus: clamp({ row: s.focus.row + dRow, col: s.focus.col + dCol }, b) };
}

/** Shift+click or a drag over (row, col): the block from the active cell to there. */
export function extendTo(s: GridSelection, row: number, col: number, b: Bounds): GridSelection {
  return { anchor: s.anchor, focus: clamp({ row, col }, b) };
}

/**
 * A column header click: the column's cells from row 1 to the grid's last row (Shift: from the active cell's
 * column to this one). The grid's rows end a little past the used range, so the block covers the data.
 */
export function columnSelection(col: number, b: Bounds, from?: GridSelection): GridSelection {
  const start = from ? from.anchor.col : col;
  return { anchor: clamp({ row: 0, col: start }, b), focus: clamp({ row: b.rows - 1, col }, b) };
}

/** A row header click: the row's cells across the grid's columns (Shift: from the active cell's row). */
export function rowSelection(row: number, b: Bounds, from?: GridSelection): GridSelection {
  const start = from ? from.anchor.row : row;
  return { anchor: clamp({ row: start, col: 0 }, b), focus: clamp({ row, col: b.cols - 1 }, b) };
}

/** Ctrl+A: the used block from A1 (`used`, its bottom-right cell), or the whole grid when the sheet is empty. */
export function selectAll(used: GridPoint | undefined, b: Bounds): GridSelection {
  return { anchor: { row: 0, col: 0 }, focus: clamp(used ?? { row: b.rows - 1, col: b.cols - 1 }, b) };
}

/** True when (row, col) lies in the selected block. */
export function isSelected(s: GridSelection, row: number, col: number): boolean {
  const r = selectionRect(s);
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
