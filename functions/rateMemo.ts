/**
 * The last few rate tables read for COMMISSION and PAYOUT, with their cells (bound, rate, bound, rate, …) and the
 * last header row above one. A column of COMMISSION or PAYOUT cells passes the same tier range to every call, so a
 * range whose cells equal a remembered one's (compared cell by cell, no allocation) gets the same validated table
 * back. Several entries, because Excel may calculate a row at a time: a COMMISSION column on one tier range next
 * to a PAYOUT column on a curve alternates between two ranges. Tables are read-only, so sharing one is safe.
 * Module state, like functions/resultCache.ts: the core (src/comp/sheet/rates.ts) reads every range afresh.
 */
import type { ArgValue } from '../src/shared/cells';
import { isTextHeaderRow } from '../src/shared/coerce';
import { type RateTable, parseRateRange } from '../src/comp';

const MEMO_SIZE = 4;
const memoTables: RateTable[] = [];
const memoCells: Float64Array[] = [];
let memoNext = 0;
/** The entry that answered last (checked first: one column of calls hits it every time). */
let lastTable: RateTable | undefined;
let lastCells: Float64Array = new Float64Array(0);
let lastHeader0: unknown;
let lastHeader1: unknown;

/** `parseRateRange(range, arg, columns)`, answered from memory when the range holds a remembered table's cells. */
export function rememberedRateRange(range: ArgValue, arg: string, columns?: readonly [string, string]): RateTable {
  if (!Array.isArray(range) || range.length === 0) return parseRateRange(range, arg, columns);
  const first = range[0];
  if (!Array.isArray(first) || first.length !== 2) return parseRateRange(range, arg, columns);
  const h0: unknown = first[0];
  const h1: unknown = first[1];
  let start: number;
  if (typeof h0 === 'number') start = 0;
  else if (h0 === lastHeader0 && h1 === lastHeader1 && lastHeader0 !== undefined) start = 1;
  else if (isTextHeaderRow(first)) start = 1;
  else return parseRateRange(range, arg, columns);
  const n = range.length - start;
  if (n <= 0) return parseRateRange(range, arg, columns);
  // The last answer's cells, compared here rather than through `sameCells` (see the comp section of
  // bench/RESULTS.md for why this loop is written out).
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
  return rememberedPairs(range, start, n) ?? readAndRemember(range, arg, columns, start, h0, h1);
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

/**
 * A range not remembered: reads it with the core, and remembers its table (replacing the oldest) when every row
 * from `start` is two finite numbers with ascending bounds (the ranges the fast path above can match).
 */
function readAndRemember(
  range: readonly unknown[],
  arg: string,
  columns: readonly [string, string] | undefined,
  start: number,
  h0: unknown,
  h1: unknown,
): RateTable {
  const table = parseRateRange(range as ArgValue, arg, columns);
  const cells = numericCells(range, start);
  if (cells === undefined) return table;
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

/** The cells of rows `start…` when each is two finite numbers, bounds strictly ascending; else `undefined`. */
function numericCells(range: readonly unknown[], start: number): Float64Array | undefined {
  const n = range.length - start;
  const cells = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const row = range[i + start];
    if (!Array.isArray(row) || row.length !== 2) return undefined;
    const a: unknown = row[0];
    const b: unknown = row[1];
    if (typeof a !== 'number' || typeof b !== 'number' || a - a !== 0 || b - b !== 0) return undefined;
    if (i > 0 && !(a > cells[2 * i - 2])) return undefined;
    cells[2 * i] = a;
    cells[2 * i + 1] = b;
  }
  return cells;
}
