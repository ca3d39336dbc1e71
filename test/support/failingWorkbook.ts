/**
 * A MemoryWorkbook whose writes can be made to fail, for the all-or-nothing tests: the test hook lives here, not
 * in the production adapter (taskpane/workbook/memory.ts only calls `beforeCellWrite` and `afterApply`).
 */
import { MemoryWorkbook } from '../../taskpane/workbook/memory';

export class FailingMemoryWorkbook extends MemoryWorkbook {
  /** When set to N, the N-th cell write of the next `apply` throws (counted from 1). */
  private failOnWrite: number | undefined;
  /** The injected failure stays for every later `apply` (a write Excel keeps refusing). */
  private failPersistently = false;

  /**
   * The N-th cell write (from 1) of the next `apply` throws, after N-1 cells went to the copy; with `persistent`,
   * of every later `apply` too (until called again).
   */
  injectWriteFailure(n: number | undefined, persistent = false): void {
    this.failOnWrite = n;
    this.failPersistently = persistent;
  }

  protected override beforeCellWrite(n: number): void {
    if (this.failOnWrite !== undefined && n === this.failOnWrite) {
      if (!this.failPersistently) this.failOnWrite = undefined;
      throw new Error(`Injected failure on write ${n}.`);
    }
  }

  protected override afterApply(): void {
    if (!this.failPersistently) this.failOnWrite = undefined;
  }
}
