/**
 * Rate tables: ascending lower bounds, each with a rate. A bound belongs to the tier it starts (lower bound ≤ x).
 * The same shape serves commission tiers on an amount (bounds in currency, rates as fractions of the amount) and
 * attainment bands of a payout curve (bounds as attainment fractions, rates as multipliers).
 */
import { type ArgValue, asGrid, describeValue, isBlank } from '../shared/cells';
import { cellNumber, checkRectangular, isTextHeaderRow, withoutHeader } from '../shared/coerce';
import { invalid } from '../shared/errors';
import { LIMITS, SPLIT_RANGE, tooLarge } from '../shared/limits';

/** One tier: it applies from `lower` (inclusive) up to the next tier's lower bound. */
export interface RateTier {
  readonly lower: number;
  readonly rate: number;
}

/**
 * A validated rate table: strictly ascending finite lower bounds, finite rates (parallel arrays), and the marginal
 * amount at each lower bound (`below[i]` = Σ_{j<i} rates[j] × (lowers[j+1] − lowers[j]), added up in tier order
 * just as a marginal sum over the slices would). Build it with `rateTable` or `parseRateRange`.
 */
export interface RateTable {
  readonly lowers: readonly number[];
  readonly rates: readonly number[];
  readonly below: readonly number[];
}

/** The table of already-validated parallel arrays, with its `below` sums. */
function tableOf(lowers: number[], rates: number[]): RateTable {
  const below = new Array<number>(lowers.length);
  let sum = 0;
  for (let i = 0; i < lowers.length; i++) {
    below[i] = sum;
    if (i + 1 < lowers.length) sum += rates[i] * (lowers[i + 1] - lowers[i]);
  }
  return { lowers, rates, below };
}

/** One slice of a marginal calculation: the part of [lower, upper) that `x` covers, times the tier's rate. */
export interface RateSlice {
  /** 0-based tier index. */
  readonly tier: number;
  readonly lower: number;
  /** The next tier's lower bound, or `Infinity` for the top tier. */
  readonly upper: number;
  /** Length of the covered part of the tier: min(x, upper) − lower. */
  readonly base: number;
  readonly rate: number;
  /** base × rate, unrounded. */
  readonly amount: number;
}

/**
 * Builds a rate table from tiers, checking that bounds are finite and strictly ascending and rates finite.
 * `arg` names the argument in messages; an empty list is a valid table that pays 0 everywhere.
 */
export function rateTable(tiers: readonly RateTier[], arg = 'tiers'): RateTable {
  const lowers: number[] = [];
  const rates: number[] = [];
  tiers.forEach((t, i) => {
    if (!Number.isFinite(t.lower)) invalid(`${arg}: tier ${i + 1}: the lower bound must be a finite number.`);
    if (!Number.isFinite(t.rate)) invalid(`${arg}: tier ${i + 1}: the rate must be a finite number.`);
    if (i > 0 && !(t.lower > lowers[i - 1])) {
      invalid(
        `${arg}: tier ${i + 1}: lower bound ${t.lower} is not above the previous bound ${lowers[i - 1]}; sort the tiers ascending with distinct bounds.`,
      );
    }
    lowers.push(t.lower);
    rates.push(t.rate);
  });
  return tableOf(lowers, rates);
}

/** The tiers of a table as `{ lower, rate }` records. */
export function tiersOf(table: RateTable): RateTier[] {
  return table.lowers.map((lower, i) => ({ lower, rate: table.rates[i] }));
}

/** Index of the tier containing `x` (the last with lower ≤ x), or −1 below the first bound. */
export function tierIndex(x: number, table: RateTable): number {
  const lowers = table.lowers;
  let lo = 0;
  let hi = lowers.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lowers[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Marginal (graduated) amount: Σ rate_i × length of [lower_i, x] inside tier i. Units: x's units × rate
 * (currency × fraction = currency for commission). 0 at or below the first bound; continuous in x.
 * Computed as below[i] + rate_i × (x − lower_i) for the tier i with lower_i < x ≤ lower_{i+1}: the same additions
 * in the same order as summing `marginalSlices`, so the two agree to the last bit.
 */
export function marginalAmount(x: number, table: RateTable): number {
  const lowers = table.lowers;
  let i = lowers.length - 1;
  while (i >= 0 && x <= lowers[i]) i--;
  return i < 0 ? 0 : table.below[i] + table.rates[i] * (x - lowers[i]);
}

/** Retroactive amount: the whole x at the rate of the tier containing x (0 below the first bound). */
export function retroAmount(x: number, table: RateTable): number {
  const i = tierIndex(x, table);
  return i < 0 ? 0 : x * table.rates[i];
}

/** The slices a marginal calculation of `x` adds up (tiers x does not reach are left out). */
export function marginalSlices(x: number, table: RateTable): RateSlice[] {
  const out: RateSlice[] = [];
  const n = table.lowers.length;
  for (let i = 0; i < n; i++) {
    const lower = table.lowers[i];
    if (x <= lower) break;
    const upper = i + 1 < n ? table.lowers[i + 1] : Infinity;
    const base = Math.min(x, upper) - lower;
    out.push({ tier: i, lower, upper, base, rate: table.rates[i], amount: base * table.rates[i] });
  }
  return out;
}

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
 * The last few rate tables read by `numericPairs`, with their cells (bound, rate, bound, rate, …), and the last
 * header row above one. A column of COMMISSION or PAYOUT cells passes the same tier range to every call, so a
 * range whose cells equal a remembered one's (compared cell by cell, no allocation) gets the same validated table
 * back. Several entries, because Excel may calculate a row at a time: a COMMISSION column on one tier range next
 * to a PAYOUT column on a curve alternates between two ranges. Tables are read-only, so sharing one is safe.
 * (Cells sit in Float64Arrays: comparing against them costs about half of comparing against plain arrays.)
 */
const MEMO_SIZE = 4;
const memoTables: RateTable[] = [];
const memoCells: Float64Array[] = [];
let memoNext = 0;
/** The entry that answered last (checked first: one column of calls hits it every time). */
let lastTable: RateTable | undefined;
let lastCells: Float64Array = new Float64Array(0);
let lastHeader0: unknown;
let lastHeader1: unknown;

/**
 * The common case, quickly: every row is two finite numbers with strictly ascending bounds, after an optional
 * header row of text (which `withoutHeader` would drop, as the rows below it hold numbers). `undefined` when
 * anything else is there; the general path then reads (or rejects) the range.
 */
function numericPairs(range: ArgValue): RateTable | undefined {
  if (!Array.isArray(range) || range.length === 0) return undefined;
  const first = range[0];
  if (!Array.isArray(first) || first.length !== 2) return undefined;
  const h0: unknown = first[0];
  const h1: unknown = first[1];
  let start: number;
  if (typeof h0 === 'number') start = 0;
  else if (h0 === lastHeader0 && h1 === lastHeader1 && lastHeader0 !== undefined) start = 1;
  else if (isTextHeaderRow(first)) start = 1;
  else return undefined;
  const n = range.length - start;
  if (n <= 0) return undefined;
  // The last answer's cells, compared here rather than through `sameCells`: written out, the optimizing compiler
  // keeps this loop in the caller (measured: 35 vs 55 ms a million calls).
  const cells = lastCells;
  if (lastTable !== undefined && cells.length === 2 * n) {
    let same = true;
    for (let i = 0; i < n; i++) {
      const row = range[i + start];
      if (!Array.isArray(row) || row.length !== 2 || row[0] !== cells[2 * i] || row[1] !== cells[2 * i + 1]) {
        same = false;
        break;
      }
    }
    if (same) return lastTable;
  }
  return rememberedPairs(range, start, n) ?? readNumericPairs(range, start, h0, h1);
}

/** The remembered table whose cells rows `start…` of `range` hold, made the last one; `undefined` if none. */
function rememberedPairs(range: readonly unknown[], start: number, n: number): RateTable | undefined {
  for (let k = 0; k < memoCells.length; k++) {
    const cells = memoCells[k];
    if (cells.length === 2 * n && sameCells(range, start, cells)) {
      lastTable = memoTables[k];
      lastCells = cells;
      return lastTable;
    }
  }
  return undefined;
}

/** True when rows `start…` of `range` are two-cell rows holding exactly `cells` (=== on every cell). */
function sameCells(range: readonly unknown[], start: number, cells: Float64Array): boolean {
  const n = cells.length >> 1;
  for (let i = 0; i < n; i++) {
    const row = range[i + start];
    if (!Array.isArray(row) || row.length !== 2 || row[0] !== cells[2 * i] || row[1] !== cells[2 * i + 1]) {
      return false;
    }
  }
  return true;
}

/** `numericPairs` for a range not remembered: reads rows `start…` and remembers them (replacing the oldest). */
function readNumericPairs(range: readonly unknown[], start: number, h0: unknown, h1: unknown): RateTable | undefined {
  const n = range.length - start;
  const lowers = new Array<number>(n);
  const rates = new Array<number>(n);
  const cells = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const row = range[i + start];
    if (!Array.isArray(row) || row.length !== 2) return undefined;
    const a: unknown = row[0];
    const b: unknown = row[1];
    if (typeof a !== 'number' || typeof b !== 'number' || a - a !== 0 || b - b !== 0) return undefined;
    if (i > 0 && !(a > lowers[i - 1])) return undefined;
    lowers[i] = a;
    rates[i] = b;
    cells[2 * i] = a;
    cells[2 * i + 1] = b;
  }
  const table = tableOf(lowers, rates);
  memoTables[memoNext] = table;
  memoCells[memoNext] = cells;
  memoNext = (memoNext + 1) % MEMO_SIZE;
  lastTable = table;
  lastCells = cells;
  if (start === 1) {
    lastHeader0 = h0;
    lastHeader1 = h1;
  }
  return table;
}

function cellOf(v: unknown, arg: string, row: number, col: number, name: string): number {
  const n = typeof v === 'boolean' ? undefined : cellNumber(v);
  if (n === undefined) {
    invalid(`${arg}: row ${row}, column ${col} (${name}): expected a number, got ${describeValue(v)}.`);
  }
  return n;
}
