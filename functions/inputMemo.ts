/**
 * The one memo of the custom functions' table arguments: a value computed from arguments, found again by comparing
 * a later call's cells with a copy kept. Used for parsed inputs shared between calls of one function filled down a
 * column, by CREDITED, CREDITS and QUOTARELIEF (functions/credit.ts) and the plan tables of PLANPAYOUT, STATEMENT
 * and PLANDRAW (functions/planCache.ts), and for whole results of TERRITORY and FORECAST
 * (functions/resultCache.ts), bounded there by cells held as well as by entries. CREDITED filled down a 1,000-rep roster is called
 * 1,000 times with the same deals, splits and ownership ranges and a different rep: the first call reads and
 * credits the tables, the others compare the cells with the copy kept (=== on every cell: Excel passes fresh
 * arrays each call, so identity proves nothing) and reuse the result — or the input error, so a bad table is not
 * re-read a thousand times.
 *
 * A few entries (a roster may alternate between two periods' deal tables); least recently used goes first. An
 * entry holds a copy of its arguments' rows (the cells are scalars); inputs are bounded by the documented table
 * limits.
 */

/**
 * A copy of one argument: a scalar as it is; an array (a 2-D range, or a 1-D list) as a new outer array whose rows
 * are copies (`slice`) of the argument's rows — the cells themselves are scalars, kept by value.
 */
type ArgCopy = unknown;

interface Entry<T> {
  /** Per argument, its copy (see `copyArg`). */
  readonly args: readonly ArgCopy[];
  readonly value?: T;
  readonly error?: Error;
  /** Cells held: of the argument copies and of the value. */
  readonly cells: number;
}

/** Cells of a value: 1 for a scalar, the sum over the items of an array (rows of a 2-D range count their cells). */
function cellsOf(v: unknown): number {
  if (!Array.isArray(v)) return 1;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const r: unknown = v[i];
    n += Array.isArray(r) ? r.length : 1;
  }
  return n;
}

/** Two cells are the same input: equal (===), or both an omitted argument (null and undefined). */
const sameCell = (a: unknown, b: unknown): boolean => a === b || (a == null && b == null);

/** A copy of `a` that later calls' arguments are compared with (rows copied; Excel may reuse nothing, or all). */
function copyArg(a: unknown): ArgCopy {
  if (!Array.isArray(a)) return a;
  const out = new Array<unknown>(a.length);
  for (let i = 0; i < a.length; i++) {
    const r: unknown = a[i];
    out[i] = Array.isArray(r) ? r.slice() : r;
  }
  return out;
}

/**
 * True when `a` holds exactly the cells of `c` (its copy): same shape, and every cell === its copy. The hot loop
 * of a column filled down a roster (every call after the first compares ~780,000 cells): plain row-array loops,
 * one `!==` a cell, no call or allocation per cell, out at the first difference. `===` is exact for cells (numbers
 * by value, strings by content, booleans, null); NaN, which no cell holds, only makes a miss.
 */
function sameArg(a: unknown, c: ArgCopy): boolean {
  if (!Array.isArray(a)) return sameCell(a, c);
  if (!Array.isArray(c)) return false;
  const n = a.length;
  if (n !== c.length) return false;
  for (let i = 0; i < n; i++) {
    const r: unknown = a[i];
    const s: unknown = c[i];
    if (!Array.isArray(r)) {
      if (r !== s && !sameCell(r, s)) return false;
      continue;
    }
    if (!Array.isArray(s)) return false;
    const w = r.length;
    if (w !== s.length) return false;
    for (let j = 0; j < w; j++) {
      if (r[j] !== s[j] && !sameCell(r[j], s[j])) return false;
    }
  }
  return true;
}

/**
 * True when `args` hold exactly the cells of entry `e`. Shapes first (a resized range is out without reading a
 * cell), then the scalars, then the ranges cell by cell.
 */
function sameArgs(e: Entry<unknown>, args: readonly unknown[]): boolean {
  const copies = e.args;
  if (copies.length !== args.length) return false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const c = copies[k];
    if (Array.isArray(a)) {
      if (!Array.isArray(c) || a.length !== c.length) return false;
    } else if (!sameCell(a, c)) return false;
  }
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (Array.isArray(a) && !sameArg(a, copies[k])) return false;
  }
  return true;
}

/** A least-recently-used memo of values computed from arguments, compared cell by cell (see the file comment). */
export class InputMemo<T> {
  private entries: Entry<T>[] = [];
  private totalCells = 0;
  hits = 0;
  misses = 0;

  /** At most `capacity` entries and `maxCells` cells in all (argument copies and values; default: no bound). */
  constructor(
    private readonly capacity = 2,
    private readonly maxCells = Infinity,
  ) {}

  /** Entries held. */
  get size(): number {
    return this.entries.length;
  }

  /** Cells held in all entries (argument copies and values). */
  get cells(): number {
    return this.totalCells;
  }

  /**
   * The value `parse()` gave for arguments with these cells, computing it (or its error) once. An entry larger
   * than `maxCells` on its own is computed and returned but not kept.
   */
  get(args: readonly unknown[], parse: () => T): T {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (sameArgs(e, args)) {
        this.hits++;
        if (i > 0) {
          this.entries.splice(i, 1);
          this.entries.unshift(e);
        }
        if (e.error !== undefined) throw e.error;
        return e.value as T;
      }
    }
    this.misses++;
    let value: T | undefined;
    let error: Error | undefined;
    try {
      value = parse();
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    this.keep(args, value, error);
    if (error !== undefined) throw error;
    return value as T;
  }

  /** Keeps a copy of `args` with their value or error, then evicts the least recently used beyond the bounds. */
  private keep(args: readonly unknown[], value: T | undefined, error: Error | undefined): void {
    let cells = 0;
    if (this.maxCells !== Infinity) {
      cells = error === undefined ? cellsOf(value) : 1;
      for (const a of args) cells += cellsOf(a);
      if (cells > this.maxCells) return;
    }
    this.entries.unshift({ args: args.map(copyArg), value, error, cells });
    this.totalCells += cells;
    while (this.entries.length > this.capacity || this.totalCells > this.maxCells) {
      this.totalCells -= this.entries.pop()!.cells;
    }
  }

  clear(): void {
    this.entries = [];
    this.totalCells = 0;
    this.hits = 0;
    this.misses = 0;
  }
}
