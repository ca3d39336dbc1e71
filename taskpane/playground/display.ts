/**
 * What a grid cell shows, as Excel decides it (pure): which number format applies to a spilled cell, how wide a
 * column must be for its content, and what a number shows when it is wider than its column (fewer decimals in
 * General, else "###"). Widths are in pixels; text is measured at a fixed width per character (`CHAR_PX`), which
 * is what the grid's font gives for digits.
 */
import type { CellValue } from '../../src/shared/cells';
import { formatValue, isNumeric } from './format';

/** Pixels per character of the grid's 13 px font (digits). */
export const CHAR_PX = 7.5;
/** Horizontal padding of a cell (both sides, borders included), in pixels. */
export const CELL_PADDING_PX = 10;
/** The narrowest and (for text) widest column auto-sizing gives, in pixels. */
export const MIN_COLUMN_PX = 40;
export const MAX_TEXT_COLUMN_PX = 420;

/** Width in pixels the text needs in a cell. */
export function textWidth(text: string): number {
  return Math.ceil(text.length * CHAR_PX) + CELL_PADDING_PX;
}

/**
 * The number format a cell shows with: its own when set; for a spilled cell (no own format), its column's format
 * when the sheet sets one, else its anchor's. Undefined: General.
 */
export function chooseFormat(
  own: string | undefined,
  spilled: boolean,
  columnFormat: string | undefined,
  anchorFormat: string | undefined,
): string | undefined {
  const set = (f: string | undefined) => (f && f.toLowerCase() !== 'general' ? f : undefined);
  if (set(own)) return own;
  if (!spilled) return own;
  return set(columnFormat) ?? set(anchorFormat) ?? own;
}

/**
 * The text a cell of `widthPx` shows for `value` under `format`: text as it is (the grid clips it); a number
 * that does not fit shows, in General, fewer decimals (never fewer integer digits), and otherwise "#" across the cell, as Excel does.
 */
export function fitText(value: CellValue, format: string | undefined, widthPx: number): string {
  const text = formatValue(value, format);
  if (!isNumeric(value) || textWidth(text) <= widthPx) return text;
  const x = value as number;
  const general = !format || format.toLowerCase() === 'general';
  if (general && !Number.isInteger(x) && Math.abs(x) >= 1e-9 && Math.abs(x) < 1e11) {
    // Round to fewer decimals until it fits (Excel's General does this before giving up).
    for (let decimals = 9; decimals >= 0; decimals--) {
      const s = String(Number(x.toFixed(decimals)));
      if (textWidth(s) <= widthPx) return s;
    }
  }
  const n = Math.max(1, Math.floor((widthPx - CELL_PADDING_PX) / CHAR_PX));
  return '#'.repeat(n);
}

/** The width (pixels) a column needs for the texts of its cells: the widest, within the auto-size limits. */
export function columnWidthFor(texts: readonly { text: string; numeric: boolean }[]): number {
  let numeric = 0;
  let other = 0;
  for (const t of texts) {
    const w = textWidth(t.text);
    if (t.numeric) numeric = Math.max(numeric, w);
    else other = Math.max(other, w);
  }
  // Numbers are never cut (they would show ###); long text is capped and clipped, as a user would size it.
  return Math.max(MIN_COLUMN_PX, numeric, Math.min(other, MAX_TEXT_COLUMN_PX));
}
