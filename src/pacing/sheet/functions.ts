/**
 * The cell-level entry points of PACING, ATTAINMENT and ROUTE that the adapters in
 * functions/performance.ts run: read the arguments, call the kernel, shape the result.
 */
import type { ArgValue, CellValue } from '../../shared/cells';
import type { CellError } from '../../shared/errors';
import { pacingRow } from './pacing';
import { attainmentGrid, readAttainment } from './attainment';
import { routeColumn } from '../../routing/cells';

/** PACING: one row (expected to date, pace, projected attainment, gap to quota). */
export const pacingOf = pacingRow;

/** ATTAINMENT: the header, one row per rep, the team row. */
export function attainmentOf(
  reps: ArgValue,
  bookings: ArgValue,
  quotas: ArgValue,
  from: ArgValue,
  to: ArgValue,
): CellValue[][] {
  return attainmentGrid(readAttainment(reps, bookings, quotas, from, to));
}

/** ROUTE: a header cell, then each record's rep or a #N/A with the reason. */
export function routeOf(
  records: ArgValue,
  rules: ArgValue,
  reps: ArgValue,
  load: ArgValue,
): (CellValue | CellError)[][] {
  return routeColumn(records, rules, reps, load);
}
