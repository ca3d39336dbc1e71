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
  /** Header of the accounts' eligibility-key column ('' = none: any rep may take any account). */
  eligibility: string;
  /** Headers of the accounts' latitude and longitude columns (decimal degrees; both or neither, '' = none). */
  latitude: string;
  longitude: string;
  /** Most accounts that may change owner, as typed ('' = no limit). */
  maxMoves: string;
  /** Most of one metric that may change owner, as typed: a fraction of its total ("0.1") or a percent ("10%"). */
  maxMetricFraction: string;
  /** Header of the metric that limit applies to (one of `metrics`; '' or a metric no longer chosen = the first). */
  budgetMetric: string;
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
