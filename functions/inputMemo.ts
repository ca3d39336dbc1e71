/**
 * A memo of parsed inputs shared between calls of one function filled down a column (the tier memo pattern, for
 * table arguments), used by CREDITED, CREDITS and QUOTARELIEF (functions/credit.ts) and by the plan tables of
 * PLANPAYOUT, STATEMENT and PLANDRAW (functions/planCache.ts). CREDITED filled down a 1,000-rep roster is called
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
}

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
  if (!Array.isArray(a)) return a === c;
  if (!Array.isArray(c)) return false;
  const n = a.length;
  if (n !== c.length) return false;
  for (let i = 0; i < n; i++) {
    const r: unknown = a[i];
    const s: unknown = c[i];
    if (!Array.isArray(r)) {
      if (r !== s) return false;
      continue;
    }
    if (!Array.isArray(s)) return false;
    const w = r.length;
    if (w !== s.length) return false;
    for (let j = 0; j < w; j++) {
      if (r[j] !== s[j]) return false;
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
    } else if (a !== c) return false;
  }
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (Array.isArray(a) && !sameArg(a, copies[k])) return false;
  }
  return true;
}

export class InputMemo<T> {
  private entries: Entry<T>[] = [];
  hits = 0;
  misses = 0;

  /** At most `capacity` entries. */
  constructor(private readonly capacity = 2) {}

  /** The value `parse(...args)` gave for arguments with these cells, computing it (or its error) once. */
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
    const copies = args.map(copyArg);
    let entry: Entry<T>;
    try {
      entry = { args: copies, value: parse() };
    } catch (err) {
      entry = { args: copies, error: err instanceof Error ? err : new Error(String(err)) };
    }
    this.entries.unshift(entry);
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    if (entry.error !== undefined) throw entry.error;
    return entry.value as T;
  }

  clear(): void {
    this.entries = [];
    this.hits = 0;
    this.misses = 0;
  }
}
