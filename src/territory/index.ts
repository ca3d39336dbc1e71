/**
 * Territory balance: fair, low-disruption assignment of accounts to reps.
 *
 * API (all plain data; safe to post to and from a Web Worker):
 * - `solveHeuristic(problem, options?) → TerritoryResult` — synchronous, fast (50,000 accounts × 200 reps in
 *   under a second of CPU here), deterministic. Use it for any size; the Excel function uses it.
 * - `solveExact(problem, options?) → Promise<TerritoryResult>` — the MIP with HiGHS (WebAssembly); reports the
 *   best plan and a proven lower bound (`bound`) within `timeLimit` seconds. Large models are refused with status
 *   "gaveUp" and a message (never a throw). In a browser, pass `loadHighs` to locate highs.wasm.
 * - `solveTerritory(problem, { solver: 'heuristic' | 'exact', ... })` — both behind one async interface.
 * - `balanceReport(problem, assignment) → BalanceReport` — per-rep totals, index vs target (100 = on target),
 *   max/min index, largest deviation, Gini, accounts and metric moved, distance.
 * - `violations(problem, assignment) → string[]` — every constraint a plan breaks (empty = feasible).
 * - Excel-range helpers used by SALESOPS.TERRITORY/BALANCE: `parseTerritoryRanges`, `balanceGrid` (see ranges.ts).
 *
 * Objective (lexicographic): (1) balance — minimise the largest weighted relative deviation
 * w_m·|total_rm − s_r·T_m| / (s_r·T_m) over every rep r and metric m (s_r the normalised target share, T_m the
 * metric's total); (2) disruption — fewest accounts moved away from their current owner; (3) compactness — least
 * total distance from accounts to their rep's home (or the centroid of its current accounts) where coordinates
 * exist. Constraints: locks (a locked account keeps its current owner, even if not eligible), eligibility keys,
 * a move budget (count and/or fraction of one metric), min/max account counts per rep. Bad or infeasible input
 * throws `ModelInputError` (→ #VALUE! in Excel) naming the account, rep or constraint.
 *
 * Progress and cancellation: pass `onProgress` (called synchronously now and then) and `signal` (anything with a
 * boolean `aborted`, e.g. an AbortSignal); a cancelled run returns the best plan so far with status "cancelled".
 * Determinism: the same input and options give the same plan (seeded PRNG for restarts, ties by index).
 */
import { solveCompiledExact, type ExactRunOptions } from './exact';
import { solveCompiledHeuristic } from './heuristic';
import { compile } from './model';
import type { HeuristicOptions, TerritoryProblem, TerritoryResult } from './types';

export * from './types';
export { solveHeuristic, mulberry32 } from './heuristic';
export { solveExact, loadHighs, DEFAULT_MAX_VARIABLES, type ExactRunOptions } from './exact';
export { balanceReport, violations, gini } from './report';
export { compile, firstUncoveredKey, type Compiled } from './model';
export * from './sheet/ranges';
export * from './sheet/repsTable';

/** Either solver behind one interface. */
export type SolveTerritoryOptions =
  ({ readonly solver?: 'heuristic' } & HeuristicOptions) | ({ readonly solver: 'exact' } & ExactRunOptions);

/** Solves `problem` with the chosen solver (default the heuristic). */
export async function solveTerritory(
  problem: TerritoryProblem,
  options: SolveTerritoryOptions = {},
): Promise<TerritoryResult> {
  const c = compile(problem);
  if (options.solver === 'exact') return solveCompiledExact(c, options);
  return Promise.resolve(solveCompiledHeuristic(c, options));
}
