/**
 * The cell-level entry point of ROUTE that the adapter in functions/performance.ts runs: read the arguments, call
 * the kernel, shape the result.
 */
import type { ArgValue, CellValue } from '../../shared/cells';
import type { CellError } from '../../shared/errors';
import { routeColumn } from './route';

/** ROUTE: a header cell, then each record's rep or a #N/A with the reason. */
export function routeOf(
  records: ArgValue,
  rules: ArgValue,
  reps: ArgValue,
  load: ArgValue,
): (CellValue | CellError)[][] {
  return routeColumn(records, rules, reps, load);
}
