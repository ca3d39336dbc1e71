/**
 * Reading a formula's references for the dependency graph: fast-formula-parser's DepParser, keeping every
 * reference. The parser's own drops a cell or a range that an earlier range covers by rows and columns, whatever
 * their sheets (`$E$42` after `Accounts!$E$2:$F$3001` went missing, so a change of E42 recalculated nothing).
 */
import { DepParser, type CellRef, type RangeRef } from 'fast-formula-parser';

/**
 * A DepParser whose `parse` returns every cell and range reference of a formula, in order, with its sheet; a
 * defined name counts as the cell or range `onVariable` gives for it.
 */
export function exactDepParser(onVariable?: (name: string) => CellRef | RangeRef | null): DepParser {
  const parser = new DepParser(onVariable ? { onVariable } : undefined);
  type Ref = { sheet?: string; row?: number; from?: { row?: number } };
  const hooks = parser as unknown as {
    data: Ref[];
    position?: { sheet: string };
    getCell: (ref: Ref) => number;
    getRange: (ref: Ref) => number[][];
  };
  const add = (ref: Ref) => hooks.data.push({ ...ref, sheet: ref.sheet ?? hooks.position?.sheet });
  hooks.getCell = (ref) => {
    if (ref.row !== null && ref.row !== undefined) add(ref);
    return 0;
  };
  hooks.getRange = (ref) => {
    if (ref.from?.row !== null && ref.from?.row !== undefined) add(ref);
    return [[0]];
  };
  return parser;
}
