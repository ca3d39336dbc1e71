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

type Cells = unknown[];

interface Entry<T> {
  /** Per argument: its shape (rows, columns; −1 for a scalar) and its cells row by row. */
  readonly shapes: Int32Array;
  readonly cells: Cells;
  readonly value?: T;
  readonly error?: Error;
}

/** Shape and cells of an argument list, flattened. */
function flatten(args: readonly unknown[]): { shapes: Int32Array; cells: Cells } {
  const shapes = new Int32Array(args.length * 2);
  const cells: Cells = [];
  args.forEach((a, k) => {
    if (!Array.isArray(a)) {
      shapes[2 * k] = -1;
      cells.push(a ?? null);
      return;
    }
    shapes[2 * k] = a.length;
    shapes[2 * k + 1] = a.length > 0 && Array.isArray(a[0]) ? (a[0] as unknown[]).length : 0;
    for (const row of a) {
      if (Array.isArray(row)) for (const c of row) cells.push(c ?? null);
      else cells.push(row ?? null);
    }
  });
  return { shapes, cells };
}

/** True when `args` hold exactly the cells of `e` (shape and every cell, null and undefined alike). */
function sameArgs(e: Entry<unknown>, args: readonly unknown[]): boolean {
  const { shapes, cells } = e;
  let at = 0;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!Array.isArray(a)) {
      if (shapes[2 * k] !== -1 || (a ?? null) !== cells[at++]) return false;
      continue;
    }
    if (shapes[2 * k] !== a.length) return false;
    const w = shapes[2 * k + 1];
    for (let i = 0; i < a.length; i++) {
      const row: unknown = a[i];
      if (!Array.isArray(row)) return false;
      if (row.length !== w) return false;
      for (let j = 0; j < w; j++) {
        const c: unknown = row[j];
        if ((c === undefined ? null : c) !== cells[at++]) return false;
      }
    }
  }
  return at === cells.length;
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
