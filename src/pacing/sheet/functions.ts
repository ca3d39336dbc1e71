/**
 * The cell-level entry points of PACING and ATTAINMENT that the adapters in functions/performance.ts run: read the
 * arguments, call the kernel, shape the result.
 */
import type { ArgValue, CellValue } from '../../shared/cells';
import { pacingRow } from './pacing';
import { attainmentGrid, readAttainment } from './attainment';

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
