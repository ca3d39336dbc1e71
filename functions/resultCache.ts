/**
 * A small least-recently-used cache of custom-function results, keyed by the exact serialization of the
 * arguments (a string Map key: equal keys mean equal arguments, so a hit can never return another input's
 * result). Expensive functions (TERRITORY, FORECAST) use it so that an unrelated recalculation of a large
 * workbook, which calls them again with unchanged arguments, returns at once.
 */
import { type ExcelResult, excelCall } from './adapter';

export class ResultCache {
  private readonly entries = new Map<string, ExcelResult | CustomFunctions.Error>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 8) {}

  /** The key of an argument list: JSON of the values (Excel passes only numbers, text, booleans, null, arrays). */
  static keyOf(args: readonly unknown[]): string {
    return JSON.stringify(args, (_k, v: unknown) => (v === undefined ? null : v));
  }

  /** Runs `compute` through `excelCall`, or returns the stored result of an earlier call with equal `args`. */
  call(args: readonly unknown[], compute: () => unknown): ExcelResult | CustomFunctions.Error {
    const key = ResultCache.keyOf(args);
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const result = excelCall(compute);
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return result;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}
