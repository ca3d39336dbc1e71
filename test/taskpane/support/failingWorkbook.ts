import { type MemoryCell, MemoryWorkbook, type SheetCells } from '../../../taskpane/workbook/memory';
import type { OverwriteApproval, WritePlan } from '../../../taskpane/workbook/port';

/**
 * An in-memory workbook whose N-th block-cell write of the next `apply` throws (counted from 1), after N-1 cells
 * went to the copy `apply` builds — a write Excel refuses part way through a batch. With `persistent`, every later
 * `apply` fails the same way until told otherwise.
 */
export class FailingWorkbook extends MemoryWorkbook {
  private failOn: number | undefined;
  private persistent = false;
  private writes = 0;

  /** Fails the `n`-th cell write of the next `apply` (of every later one with `persistent`); `undefined`: none. */
  failWrite(n: number | undefined, persistent = false): void {
    this.failOn = n;
    this.persistent = persistent;
  }

  override apply(plan: WritePlan, approved?: readonly OverwriteApproval[]): Promise<void> {
    this.writes = 0;
    return super.apply(plan, approved).finally(() => {
      if (!this.persistent) this.failOn = undefined;
    });
  }

  protected override writeBlockCell(cells: SheetCells, row: number, col: number, cell: MemoryCell): void {
    this.writes += 1;
    if (this.writes === this.failOn) throw new Error(`Injected failure on write ${this.writes}.`);
    super.writeBlockCell(cells, row, col, cell);
  }
}
