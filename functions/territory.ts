/**
 * The territory custom functions (SALESOPS namespace): one declaration each; the work is done by the entry points
 * of src/territory/sheet/functions.ts (heuristic solver only: functions.js carries no HiGHS runtime).
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { ResultCache } from './resultCache';
import { checkTerritorySize } from '../src/territory/sheet/ranges';
import { balanceOf, territoryOf } from '../src/territory/sheet/functions';

/** TERRITORY is expensive (a local search over every account): unchanged arguments return the stored result. */
export const territoryCache = new ResultCache(8);

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
    fn: (metrics, reps, current, locked, max_moves) =>
      territoryCache.call(
        [metrics, reps, current, locked, max_moves],
        () => territoryOf(metrics, reps, current, locked, max_moves),
        () => checkTerritorySize(metrics, reps),
      ),
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
    fn: (assignment, metrics, reps) => excelCall(balanceOf, assignment, metrics, reps),
  },
];
