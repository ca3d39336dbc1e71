/**
 * Column widths of the grid, per sheet, in pixels: auto-sized to the content when a sheet is first shown and
 * again when the background computation finishes (at least the width the file or sample gave), a column the user
 * dragged keeps its width, and `autosize(col)` (double-click on the header edge) fits one column again.
 */
import * as React from 'react';
import { parseRange } from '../workbook/address';
import type { MemoryWorkbook } from '../workbook/memory';
import { cellView } from './cellView';
import { CHAR_PX, columnWidthFor } from './display';
import type { FormulaEngine } from './engine';

/** Width of a column with nothing to size it by, in pixels. */
export const DEFAULT_COLUMN_PX = 96;

/** Widths (pixels) the content of `sheet`'s columns needs, from column A to the used range's last column. */
export function contentWidths(
  wb: MemoryWorkbook,
  engine: FormulaEngine,
  sheet: string,
  columnFormats: Record<number, string> | undefined,
  only?: number,
): number[] {
  const used = parseRange(wb.usedRange(sheet));
  const out: number[] = [];
  for (let c = 0; c <= used.right; c++) {
    if (only !== undefined && c !== only) continue;
    const texts: { text: string; numeric: boolean }[] = [];
    for (let r = 0; r <= used.bottom; r++) {
      const v = cellView(wb, engine, sheet, r, c, Infinity, columnFormats);
      if (v.text !== '') texts.push({ text: v.text, numeric: v.numeric });
    }
    out[c] = texts.length === 0 ? DEFAULT_COLUMN_PX : columnWidthFor(texts);
  }
  return out;
}

export interface ColumnWidths {
  /** Width of column `c` in pixels. */
  widthOf(c: number): number;
  /** Fits column `c` to its content (and forgets a width the user dragged). */
  autosize(c: number): void;
  /** Sets column `c` to `px` pixels (a drag of the header edge). */
  resize(c: number, px: number): void;
}

/** The widths of `sheet`'s columns; `computed` turns true when the background computation is done. */
export function useColumnWidths(
  wb: MemoryWorkbook,
  engine: FormulaEngine,
  sheet: string,
  given: number[] | undefined,
  columnFormats: Record<number, string> | undefined,
  computed: boolean,
): ColumnWidths {
  const auto = React.useRef(new Map<string, number[]>());
  const user = React.useRef(new Map<string, Map<number, number>>());
  const [, setTick] = React.useState(0);
  // Sized again once the formulas have values (their text sets the width).
  React.useEffect(() => {
    if (computed) {
      auto.current.clear();
      setTick((t) => t + 1);
    }
  }, [computed]);
  let widths = auto.current.get(sheet);
  if (!widths) {
    widths = contentWidths(wb, engine, sheet, columnFormats);
    auto.current.set(sheet, widths);
  }
  const fitted = widths;
  const mine = user.current.get(sheet);
  return {
    widthOf: (c) =>
      mine?.get(c) ?? Math.max(fitted[c] ?? DEFAULT_COLUMN_PX, given?.[c] ? Math.round(given[c] * CHAR_PX) : 0),
    autosize: (c) => {
      user.current.get(sheet)?.delete(c);
      const w = contentWidths(wb, engine, sheet, columnFormats, c)[c] ?? DEFAULT_COLUMN_PX;
      const m = user.current.get(sheet) ?? new Map<number, number>();
      m.set(c, w);
      user.current.set(sheet, m);
      setTick((t) => t + 1);
    },
    resize: (c, px) => {
      const m = user.current.get(sheet) ?? new Map<number, number>();
      m.set(c, Math.max(16, Math.round(px)));
      user.current.set(sheet, m);
      setTick((t) => t + 1);
    },
  };
}
