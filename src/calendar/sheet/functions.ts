/**
 * The cell-level entry point of FISCALPERIOD that the adapter in functions/performance.ts runs: read the arguments,
 * call the kernel, shape the result.
 */
import type { ArgValue, CellValue } from '../../shared/cells';
import { fiscalPeriodRows, readCalendar } from './fiscal';

/** FISCALPERIOD: one row (fiscal year, quarter, period, period start, period end) per date. */
export function fiscalPeriodOf(
  date: ArgValue,
  calendar: ArgValue,
  yearStartMonth: ArgValue,
  weekStart: ArgValue,
  yearEndRule: ArgValue,
): CellValue[][] {
  return fiscalPeriodRows(date, readCalendar(calendar, yearStartMonth, weekStart, yearEndRule));
}
