/**
 * A small least-recently-used cache of custom-function results. Expensive functions (TERRITORY, FORECAST) use it
 * so that an unrelated recalculation of a large workbook, which calls them again with unchanged arguments,
 * returns at once. Entries are found by a 53-bit hash of the arguments (two FNV-1a lanes over every cell) and
 * confirmed by comparing the arguments cell by cell with a copy kept at store time, so a hash collision can never
 * return another input's result.
 */
import { type ExcelResult, excelCall } from './adapter';

type Arg = unknown;

interface Entry {
  args: Arg[];
  result: ExcelResult | CustomFunctions.Error;
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
function copy(v: Arg): Arg {
  return Array.isArray(v) ? v.map(copy) : v;
}

/** Cell-by-cell equality of two arguments (`undefined` and `null` are both an omitted argument). */
function same(a: Arg, b: Arg): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (a === undefined || a === null) return b === undefined || b === null;
  return Object.is(a, b);
}

export class ResultCache {
  private readonly entries = new Map<number, Entry>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 8) {}

  /** The 53-bit hash of an argument list. */
  static keyOf(args: readonly Arg[]): number {
    h0 = 0x811c9dc5;
    h1 = 0x9747b28c;
    mix(args);
    return (h0 & 0x1fffff) * 2 ** 32 + (h1 >>> 0);
  }

  /** Runs `compute` through `excelCall`, or returns the stored result of an earlier call with equal `args`. */
  call(args: readonly Arg[], compute: () => unknown): ExcelResult | CustomFunctions.Error {
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
    this.entries.delete(key);
    this.entries.set(key, { args: args.map(copy), result });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}
