/**
 * A memo of parsed inputs shared between calls of one function filled down a column (the tier memo pattern, for
 * table arguments). CREDITED filled down a 1,000-rep roster is called 1,000 times with the same deals, splits and
 * ownership ranges and a different rep: the first call reads and credits the tables, the others compare the cells
 * with the copy kept (=== on every cell: Excel passes fresh arrays each call, so identity proves nothing) and
 * reuse the result — or the input error, so a bad table is not re-read a thousand times.
 *
 * A few entries (a roster may alternate between two periods' deal tables); least recently used goes first. An
 * entry holds a flat copy of its arguments' cells; inputs are bounded by the documented table limits.
 */

/** Stands in `objs` for a number cell, whose value is in `nums`. */
const NUMBER = { number: true };

/**
 * The cells of an argument list, flat: numbers in `nums` (their `objs` entry is NUMBER), anything else in `objs`
 * (its `nums` entry is NaN, which no number equals). Numbers then compare as doubles, without a generic ===.
 */
interface Cells {
  readonly nums: Float64Array;
  readonly objs: unknown[];
}

interface Entry<T> {
  /** Per argument: rows and columns (−1 rows: a scalar; −1 columns: not a 2-D range). */
  readonly shapes: Int32Array;
  readonly cells: Cells;
  readonly value?: T;
  readonly error?: Error;
}

/** Shape and cells of an argument list, flattened (a miss on null vs undefined only costs time). */
function flatten(args: readonly unknown[]): { shapes: Int32Array; cells: Cells } {
  const shapes = new Int32Array(args.length * 2);
  const all: unknown[] = [];
  args.forEach((a, k) => {
    if (!Array.isArray(a)) {
      shapes[2 * k] = -1;
      all.push(a);
      return;
    }
    shapes[2 * k] = a.length;
    shapes[2 * k + 1] = a.length > 0 && Array.isArray(a[0]) ? (a[0] as unknown[]).length : -1;
    for (const row of a) {
      if (Array.isArray(row)) for (const c of row) all.push(c);
      else all.push(row);
    }
  });
  const nums = new Float64Array(all.length);
  const objs = new Array<unknown>(all.length);
  for (let i = 0; i < all.length; i++) {
    const c = all[i];
    if (typeof c === 'number') {
      nums[i] = c;
      objs[i] = NUMBER;
    } else {
      nums[i] = NaN;
      objs[i] = c;
    }
  }
  return { shapes, cells: { nums, objs } };
}

/** Compares rows of `a` (`w` cells each) with the cells from `at` on: the position after them, or −1. */
function sameGrid(a: readonly unknown[], w: number, nums: Float64Array, objs: unknown[], at: number): number {
  for (let i = 0; i < a.length; i++) {
    const row = a[i] as unknown[];
    if (!Array.isArray(row) || row.length !== w) return -1;
    for (let j = 0; j < w; j++) {
      const c: unknown = row[j];
      if (typeof c === 'number') {
        if (c !== nums[at + j]) return -1;
      } else if (c !== objs[at + j]) return -1;
    }
    at += w;
  }
  return at;
}

/** True when `args` hold exactly the cells of `e` (shape and every cell, compared with ===). */
function sameArgs(e: Entry<unknown>, args: readonly unknown[]): boolean {
  const { shapes } = e;
  const { nums, objs } = e.cells;
  let at = 0;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!Array.isArray(a)) {
      if (shapes[2 * k] !== -1) return false;
      if (typeof a === 'number' ? a !== nums[at] : a !== objs[at]) return false;
      at++;
    } else {
      if (shapes[2 * k] !== a.length || shapes[2 * k + 1] === -1) return false;
      at = sameGrid(a, shapes[2 * k + 1], nums, objs, at);
      if (at < 0) return false;
    }
  }
  return at === objs.length;
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
    const { shapes, cells } = flatten(args);
    let entry: Entry<T>;
    try {
      entry = { shapes, cells, value: parse() };
    } catch (err) {
      entry = { shapes, cells, error: err instanceof Error ? err : new Error(String(err)) };
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
