/**
 * Custom functions of the territory domain (SALESOPS namespace): thin wrappers over src/territory/.
 * They import the heuristic and the range helpers only (not the exact solver), so functions.js stays free of the
 * HiGHS WebAssembly runtime and every call is synchronous.
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { ResultCache } from './resultCache';
import { toInteger } from '../src/shared/coerce';
import { LIMITS, SPLIT_RANGE, checkListLength } from '../src/shared/limits';
import { solveHeuristic } from '../src/territory/heuristic';
import { balanceReport } from '../src/territory/report';
import {
  balanceGrid,
  checkTerritorySize,
  omitted,
  parseAssignment,
  parseMetrics,
  parseReps,
  parseTerritoryRanges,
} from '../src/territory/ranges';

/** TERRITORY is expensive (a local search over every account): unchanged arguments return the stored result. */
export const territoryCache = new ResultCache(8);

function territory(metrics: any[][], reps: any[][], current?: any[][], locked?: any[][], max_moves?: any): any[][] {
  return territoryCache.call(
    [metrics, reps, current, locked, max_moves],
    () => {
      const budget = omitted(max_moves) ? undefined : toInteger(max_moves, 'max_moves', 0);
      const parsed = parseTerritoryRanges(metrics, reps, current, locked, budget);
      const result = solveHeuristic(parsed.problem);
      const names = Array.from(result.assignment, (r) => [parsed.reps.reps[r].name]);
      return parsed.metrics.hasHeader ? [['Assigned rep'], ...names] : names;
    },
    () => checkTerritorySize(metrics, reps),
  ) as any[][];
}

function balance(assignment: any[][], metrics: any[][], reps: any[][]): any[][] {
  return excelCall(() => {
    checkListLength('metrics', metrics, LIMITS.rows, 'accounts', SPLIT_RANGE);
    const m = parseMetrics(metrics, [{ arg: 'assignment', value: assignment, kind: 'text' }]);
    const rr = parseReps(reps, m.hasHeader);
    const asg = parseAssignment(assignment, m, rr);
    const report = balanceReport(
      { metrics: m.columns, metricNames: m.names, reps: rr.reps, firstRow: m.hasHeader ? 2 : 1 },
      asg,
    );
    return balanceGrid(report);
  }) as any[][];
}

/** The territory functions, in the order of functions.json. */
export const TERRITORY_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'TERRITORY',
    description:
      "Assigns each account to a rep so that every rep's book is as close as possible to its target share of every metric, moving as few accounts as possible from their current owner. Spills one column of rep names, one per account row.",
    parameters: [
      {
        name: 'metrics',
        description:
          'Accounts in rows, one numeric column per metric (potential, workload…), all balanced with equal weight; a header row of names is optional.',
        dimensionality: 'matrix',
      },
      {
        name: 'reps',
        description:
          'One column of rep names, or two columns: name and target share (shares are normalised; default equal).',
        dimensionality: 'matrix',
      },
      {
        name: 'current',
        description:
          'One column of current owner names, the same rows as metrics (both with their header row or both without; blank = unassigned).',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'locked',
        description: 'One column of TRUE/FALSE, the same rows as metrics; a locked account keeps its current owner.',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'max_moves',
        description: 'The most accounts whose owner may differ from current (omitted: no limit).',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: territory,
  },
  {
    name: 'BALANCE',
    description:
      "The balance report of an assignment: per rep, the account count, each metric's total and index vs target (100 = on target), and the rep's largest deviation; a last row with the largest deviations.",
    parameters: [
      {
        name: 'assignment',
        description: 'One column of rep names aligned with metrics (e.g. the result of SALESOPS.TERRITORY).',
        dimensionality: 'matrix',
      },
      {
        name: 'metrics',
        description: 'Accounts in rows, one numeric column per metric; a header row of names is optional.',
        dimensionality: 'matrix',
      },
      {
        name: 'reps',
        description: 'One column of rep names, or two columns: name and target share.',
        dimensionality: 'matrix',
      },
    ],
    result: 'matrix',
    fn: balance,
  },
];
