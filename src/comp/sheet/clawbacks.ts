/**
 * The clawbacks range of SALESOPS.CLAWBACKS, as Excel passes it: two or three columns (period, amount,
 * optional reference such as the deal id), one optional header row of text, entirely blank rows skipped (also rows of
 * zeros: blank cells as Excel for desktop passes them).
 */
import { type ArgValue, asGrid, describeValue, isBlankOrZero } from '../../shared/cells';
import { cellNumber, cellText, checkRectangular, withoutHeader } from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import type { Clawback } from '../draws';
import { LIMITS, SPLIT_RANGE, checkSize } from '../../shared/limits';

const COLUMNS = ['period', 'amount', 'reference'] as const;

/**
 * Reads clawback rows (period: 1-based index into the earnings column; amount: currency taken back, ≥ 0); errors
 * name the cell (`clawbacks: row 3, column 2 (amount): expected a number, got "ten"`, rows counted within the
 * range, header included). An omitted or all-blank range is no clawbacks.
 */
export function readClawbacks(range: ArgValue, arg = 'clawbacks'): Clawback[] {
  if (range === null || range === undefined) return [];
  const grid = asGrid(range);
  checkSize(arg, grid.length, LIMITS.periods + 1, 'rows', SPLIT_RANGE);
  checkRectangular(grid, arg);
  // A row of zeros is never a clawback (there is no period 0): blank cells as Excel for desktop passes them.
  if (grid.length === 0 || grid.every((r) => r.every(isBlankOrZero))) return [];
  const width = grid[0].length;
  if (width !== 2 && width !== 3) {
    invalid(`${arg}: expected two or three columns (period, amount, optional reference), got ${width}.`);
  }
  const { header, rows } = withoutHeader(grid);
  const first = header ? 2 : 1;
  const out: Clawback[] = [];
  rows.forEach((row, i) => {
    if (row.every(isBlankOrZero)) return;
    const num = (col: 0 | 1): number => {
      const v = row[col];
      const n = typeof v === 'boolean' ? undefined : cellNumber(v);
      if (n === undefined) {
        invalid(
          `${arg}: row ${i + first}, column ${col + 1} (${COLUMNS[col]}): expected a number, got ${describeValue(v)}.`,
        );
      }
      return n;
    };
    const reference = width === 3 && !isBlankOrZero(row[2]) ? cellText(row[2]) : '';
    out.push({ period: num(0), amount: num(1), ...(reference !== '' ? { reference } : {}) });
  });
  return out;
}
