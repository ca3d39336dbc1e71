/**
 * Rate ranges as Excel passes them: two columns (lower bound, rate), an optional header row of text, into a
 * validated `RateTable` (../rates.ts) with errors that name the cell. Stateless: functions/rateMemo.ts remembers
 * the tables of recent ranges for the custom functions.
 */
import { type ArgValue, asGrid, describeValue, isBlank } from '../../shared/cells';
import { cellNumber, checkRectangular, isTextHeaderRow, withoutHeader } from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import { LIMITS, SPLIT_RANGE, tooLarge } from '../../shared/limits';
import { type RateTable, tableOf } from '../rates';

/** Column names of a commission rate range, for messages. */
export const RATE_COLUMNS: readonly [string, string] = ['lower bound', 'rate'];

/** Column names of a payout curve range, for messages. */
export const CURVE_COLUMNS: readonly [string, string] = ['attainment lower bound', 'rate'];

/**
 * Reads a two-column range (lower bound, rate) into a rate table, as Excel passes it: one optional header row of
 * text is skipped, entirely blank rows are skipped (so is a row of two zeros after a bound of 0 or more: blank
 * cells as Excel for desktop passes them), anything else that is not a number is an error naming the
 * cell (`tiers: row 3, column 2 (rate): expected a number, got "ten"`; rows counted within the range, header
 * included). Bounds must be strictly ascending. `columns` names the two columns in messages.
 */
export function parseRateRange(
  range: ArgValue,
  arg: string,
  columns: readonly [string, string] = RATE_COLUMNS,
): RateTable {
  if (Array.isArray(range) && range.length > LIMITS.rows) tooLarge(arg, range.length, LIMITS.rows, 'rows', SPLIT_RANGE);
  return numericPairs(range) ?? readRateRange(range, arg, columns);
}

/** `parseRateRange` for everything but the all-numeric common case: blanks, text numbers, and the errors. */
function readRateRange(range: ArgValue, arg: string, columns: readonly [string, string]): RateTable {
  const grid = asGrid(range);
  checkRectangular(grid, arg);
  const { header, rows } = withoutHeader(grid);
  const width = grid.length > 0 ? grid[0].length : 0;
  if (width !== 2 && grid.length > 0) {
    invalid(`${arg}: expected two columns (${columns[0]}, ${columns[1]}), got ${width}.`);
  }
  const first = header ? 2 : 1;
  const lowers: number[] = [];
  const rates: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const a = row[0];
    const b = row[1];
    let lower: number;
    let rate: number;
    if (typeof a === 'number' && typeof b === 'number' && a - a === 0 && b - b === 0) {
      lower = a;
      rate = b;
    } else {
      if (isBlank(a) && isBlank(b)) continue;
      lower = cellOf(a, arg, r + first, 1, columns[0]);
      rate = cellOf(b, arg, r + first, 2, columns[1]);
    }
    const n = lowers.length;
    // Excel for desktop passes blank cells as 0 (Office on the web passes null): a row of two zeros that cannot be
    // a tier — its bound would not be above the previous one, which is 0 or more — is a blank row, as on the web.
    if (n > 0 && a === 0 && b === 0 && lowers[n - 1] >= 0) continue;
    if (n > 0 && !(lower > lowers[n - 1])) {
      invalid(
        `${arg}: row ${r + first}, column 1 (${columns[0]}): ${lower} is not above the previous bound ${lowers[n - 1]}; sort the rows ascending with distinct bounds.`,
      );
    }
    lowers.push(lower);
    rates.push(rate);
  }
  if (lowers.length === 0) {
    invalid(`${arg}: no rows; expected rows of two numbers (${columns[0]}, ${columns[1]}).`);
  }
  return tableOf(lowers, rates);
}

/**
 * The common case, quickly: every row is two finite numbers with strictly ascending bounds, after an optional
 * header row of text (which `withoutHeader` would drop, as the rows below it hold numbers). `undefined` when
 * anything else is there; the general path then reads (or rejects) the range.
 */
function numericPairs(range: ArgValue): RateTable | undefined {
  const start = numericStart(range);
  if (start === undefined) return undefined;
  const n = (range as unknown[]).length - start;
  const lowers = new Array<number>(n);
  const rates = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const row: unknown = (range as unknown[])[i + start];
    if (!Array.isArray(row) || row.length !== 2) return undefined;
    const a: unknown = row[0];
    const b: unknown = row[1];
    if (typeof a !== 'number' || typeof b !== 'number' || a - a !== 0 || b - b !== 0) return undefined;
    if (i > 0 && !(a > lowers[i - 1])) return undefined;
    lowers[i] = a;
    rates[i] = b;
  }
  return tableOf(lowers, rates);
}

/**
 * Where the rows of a two-column rate range start: 0 when its first cell is a number, 1 after a header row of
 * text; `undefined` when the range is not two columns wide or has no row below the header.
 */
function numericStart(range: ArgValue): number | undefined {
  if (!Array.isArray(range) || range.length === 0) return undefined;
  const first: unknown = range[0];
  if (!Array.isArray(first) || first.length !== 2) return undefined;
  let start: number;
  if (typeof first[0] === 'number') start = 0;
  else if (isTextHeaderRow(first)) start = 1;
  else return undefined;
  return range.length > start ? start : undefined;
}

function cellOf(v: unknown, arg: string, row: number, col: number, name: string): number {
  const n = typeof v === 'boolean' ? undefined : cellNumber(v);
  if (n === undefined) {
    invalid(`${arg}: row ${row}, column ${col} (${name}): expected a number, got ${describeValue(v)}.`);
  }
  return n;
}
