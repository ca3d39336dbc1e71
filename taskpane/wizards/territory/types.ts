import type { BalanceReport, TerritoryProblem, TerritoryProgress } from '../../../src/territory';
import type { SourceChoice } from '../../components/source';

export interface TerritoryForm {
  accounts: SourceChoice;
  reps: SourceChoice;
  /** Header names of the metric columns to balance. */
  metrics: string[];
  /** Header of the current-owner column ('' = none). */
  owner: string;
  /** Header of the lock column ('' = none). */
  lock: string;
  maxMoves: string;
  solver: 'heuristic' | 'exact';
  reportSheet: string;
}

/** A request to the solver (main thread or worker). */
export interface SolveRequest {
  problem: TerritoryProblem;
  solver: 'heuristic' | 'exact';
}

/** Messages from the worker. */
export type WorkerReply =
  | { type: 'progress'; progress: TerritoryProgress }
  | { type: 'done'; assignment: Int32Array; report: BalanceReport | undefined; status: string; message?: string }
  | { type: 'error'; message: string };
