/**
 * A small least-recently-used cache of custom-function results. Expensive functions (TERRITORY, FORECAST) use it
 * so that an unrelated recalculation of a large workbook, which calls them again with unchanged arguments,
 * returns at once. Entries are found by a 53-bit hash of the arguments (two FNV-1a lanes over every cell) and
 * confirmed by comparing the arguments cell by cell with a copy kept at store time, so a hash collision can never
 * return another input's result.
 *
 * Memory is bounded by size, not only by count: every entry holds a copy of its arguments and its result, so the
 * cache keeps at most `maxCells` cells in all (least recently used entries go first) and never stores an entry
 * larger than that on its own.
 */
import { type CheckedResult, excelCall } from './adapter';

type Arg = unknown;

interface Entry {
  args: Arg[];
  result: CheckedResult;
  /** Cells held: of the argument copy and of the result. */
  cells: number;
}

/** Cells of a value: 1 for a scalar, the sum over the items of an array. */
function cellsOf(v: unknown): number {
  if (!Array.isArray(v)) return 1;
  let n = 0;
  for (let i = 0; i < v.length; i++) n += Array.isArray(v[i]) ? (v[i] as unknown[]).length : 1;
  return n;
}

// Two FNV-1a-style lanes over the cells (module state: hashing runs to completion, synchronously).
let h0 = 0;
let h1 = 0;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function step(x: number): void {
  h0 = Math.imul(h0 ^ x, 0x01000193);
  h1 = Math.imul(h1 ^ x, 0x5bd1e995);
}

/** Mixes one value (a cell, or an array of them) into the hash lanes, with a tag per type. */
function mix(v: Arg): void {
  if (Array.isArray(v)) {
    step(5);
    step(v.length);
    for (let i = 0; i < v.length; i++) mix(v[i]);
  } else if (typeof v === 'number') {
    f64[0] = v;
    step(1);
    step(u32[0]);
    step(u32[1]);
  } else if (typeof v === 'string') {
    step(2);
    step(v.length);
    for (let i = 0; i < v.length; i++) step(v.charCodeAt(i));
  } else if (typeof v === 'boolean') {
    step(v ? 19 : 3);
  } else if (v === null || v === undefined) {
    step(4);
  } else {
    step(6);
  }
}

/** Deep copy of an argument (arrays copied, cells as they are). */
export function copy(v: Arg): Arg {
  return Array.isArray(v) ? v.map(copy) : v;
}

/** Cell-by-cell equality of two arguments (`undefined` and `null` are both an omitted argument). */
export function same(a: Arg, b: Arg): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (a === undefined || a === null) return b === undefined || b === null;
  return Object.is(a, b);
}

/** The default bound of a cache's total size: one million cells (about 8–16 MB of copied cells). */
export const DEFAULT_MAX_CELLS = 1_000_000;

export class ResultCache {
  private readonly entries = new Map<number, Entry>();
  private totalCells = 0;
  hits = 0;
  misses = 0;

  /** At most `capacity` entries and `maxCells` cells in all (arguments and results). */
  constructor(
    private readonly capacity = 8,
    private readonly maxCells = DEFAULT_MAX_CELLS,
  ) {}

  /** Entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** Cells held in all entries (argument copies and results). */
  get cells(): number {
    return this.totalCells;
  }

  /** The 53-bit hash of an argument list. */
  static keyOf(args: readonly Arg[]): number {
    h0 = 0x811c9dc5;
    h1 = 0x9747b28c;
    mix(args);
    return (h0 & 0x1fffff) * 2 ** 32 + (h1 >>> 0);
  }

  /**
   * Runs `compute` through `excelCall`, or returns the stored result of an earlier call with equal `args`. `check`
   * (e.g. a size limit) runs first; when it refuses, its error is returned and nothing is stored or copied.
   */
  call(args: readonly Arg[], compute: () => unknown, check?: () => void): CheckedResult {
    if (check !== undefined) {
      const refused = excelCall(() => {
        check();
        return 0;
      });
      if (refused !== 0) return refused;
    }
    const key = ResultCache.keyOf(args);
    const found = this.entries.get(key);
    if (found !== undefined && same(found.args, args)) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.result;
    }
    this.misses++;
    const result = excelCall(compute);
    this.remove(key);
    let cells = cellsOf(result);
    for (const a of args) cells += cellsOf(a);
    if (cells > this.maxCells) return result;
    this.entries.set(key, { args: args.map(copy), result, cells });
    this.totalCells += cells;
    while (this.entries.size > this.capacity || this.totalCells > this.maxCells) {
      this.remove(this.entries.keys().next().value!);
    }
    return result;
  }

  private remove(key: number): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.entries.delete(key);
    this.totalCells -= e.cells;
  }

  clear(): void {
    this.entries.clear();
    this.totalCells = 0;
    this.hits = 0;
    this.misses = 0;
  }
}
