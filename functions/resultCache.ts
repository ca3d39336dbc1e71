/**
 * A small least-recently-used cache of custom-function results. Expensive functions (TERRITORY, FORECAST) use it
 * so that an unrelated recalculation of a large workbook, which calls them again with unchanged arguments,
 * returns at once. It is the shared argument memo (functions/inputMemo.ts) holding whole results: a call is
 * answered only when its arguments equal a kept copy cell by cell, so another input's result is never returned.
 *
 * Memory is bounded by size, not only by count: every entry holds a copy of its arguments and its result, so the
 * cache keeps at most `maxCells` cells in all (least recently used entries go first) and never stores an entry
 * larger than that on its own.
 */
import { type CheckedResult, excelCall } from './adapter';
import { InputMemo } from './inputMemo';

/** The default bound of a cache's total size: one million cells (about 8–16 MB of copied cells). */
export const DEFAULT_MAX_CELLS = 1_000_000;

export class ResultCache {
  private readonly memo: InputMemo<CheckedResult>;

  /** At most `capacity` entries and `maxCells` cells in all (arguments and results). */
  constructor(capacity = 8, maxCells = DEFAULT_MAX_CELLS) {
    this.memo = new InputMemo(capacity, maxCells);
  }

  /** Entries held. */
  get size(): number {
    return this.memo.size;
  }

  /** Cells held in all entries (argument copies and results). */
  get cells(): number {
    return this.memo.cells;
  }

  /** Calls answered from the cache. */
  get hits(): number {
    return this.memo.hits;
  }

  /** Calls computed. */
  get misses(): number {
    return this.memo.misses;
  }

  /**
   * Runs `compute` through `excelCall`, or returns the stored result of an earlier call with equal `args`. `check`
   * (e.g. a size limit) runs first; when it refuses, its error is returned and nothing is stored or copied.
   */
  call(args: readonly unknown[], compute: () => unknown, check?: () => void): CheckedResult {
    if (check !== undefined) {
      const refused = excelCall(() => {
        check();
        return 0;
      });
      if (refused !== 0) return refused;
    }
    // excelCall turns every throw into an Excel error: errors are results, kept like values
    return this.memo.get(args, () => excelCall(compute));
  }

  clear(): void {
    this.memo.clear();
  }
}
