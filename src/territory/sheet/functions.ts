/**
 * The territory custom functions from their cell arguments (as Excel passes them). They use the heuristic solver
 * and the range readers only (not the exact solver), so functions.js stays free of the HiGHS WebAssembly runtime
 * and every call is synchronous. functions/territory.ts passes them to its result cache (TERRITORY) or `excelCall`.
 */
import type { ArgValue, Grid } from '../../shared/cells';
import { toInteger, toNumber } from '../../shared/coerce';
import { LIMITS, SPLIT_RANGE, checkListLength } from '../../shared/limits';
import { solveHeuristic } from '../heuristic';
import { balanceReport } from '../report';
import { balanceGrid, omitted, parseAssignment, parseMetrics, parseReps, parseTerritoryRanges } from './ranges';

/**
 * TERRITORY: the assigned rep name of each account row, one column (with a header cell when metrics has one).
 * `tolerance`: the band as a fraction (omitted: balance as far as it goes).
 */
export function territoryOf(
  metrics: ArgValue,
  reps: ArgValue,
  current: ArgValue,
  locked: ArgValue,
  maxMoves: ArgValue,
  tolerance: ArgValue,
): Grid {
  const budget = omitted(maxMoves) ? undefined : toInteger(maxMoves, 'max_moves', 0);
  const tol = omitted(tolerance) ? undefined : toNumber(tolerance, 'tolerance');
  const parsed = parseTerritoryRanges(metrics, reps, current, locked, budget);
  const result = solveHeuristic(parsed.problem, { tolerance: tol });
  const names = Array.from(result.assignment, (r) => [parsed.reps.reps[r].name]);
  return parsed.metrics.hasHeader ? [['Assigned rep'], ...names] : names;
}

/** BALANCE: the balance report of an assignment, a header row, one row per rep and a "Largest deviation" row. */
export function balanceOf(assignment: ArgValue, metrics: ArgValue, reps: ArgValue): Grid {
  checkListLength('metrics', metrics, LIMITS.rows, 'accounts', SPLIT_RANGE);
  const m = parseMetrics(metrics, [{ arg: 'assignment', value: assignment, kind: 'text' }]);
  const rr = parseReps(reps, m.hasHeader);
  const asg = parseAssignment(assignment, m, rr);
  const report = balanceReport(
    { metrics: m.columns, metricNames: m.names, reps: rr.reps, firstRow: m.hasHeader ? 2 : 1 },
    asg,
  );
  return balanceGrid(report);
}
