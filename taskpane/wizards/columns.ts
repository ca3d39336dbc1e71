/**
 * Columns picked by header name in a wizard's input range: the names offered, a first guess, and the column's
 * index, found as the core's tables find columns (`locateColumns`: case, spaces and underscores do not matter).
 */
import { cellText } from '../../src/shared/coerce';
import { locateColumns } from '../../src/shared/table';
import type { RangeData } from '../workbook/port';

/** Header names of a range's first row. */
export function headerNames(data: RangeData): string[] {
  return (data.values[0] ?? []).map((h) => cellText(h));
}

/** Index (0-based, within the range) of the column headed `header`; `arg` names the range in the error. */
export function columnOf(data: RangeData, header: string, arg: string): number {
  return locateColumns(data.values[0] ?? [], { column: { header, kind: 'text', required: true } }, arg).column;
}

/** A guess for a column pick: the first header containing one of the words ('' when none does). */
export function guessColumn(columns: readonly string[], ...words: string[]): string {
  return columns.find((c) => words.some((w) => c.toLowerCase().includes(w))) ?? '';
}
