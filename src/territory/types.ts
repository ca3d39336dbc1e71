/**
 * Territory balance: the input problem, the solver options and the result, as plain data (structured-clone safe,
 * so a Web Worker can receive and return them). Units: metric values are in the user's units (currency, hours,
 * counts); shares are fractions (normalised to sum to 1); deviations are fractions (0.05 = 5 % off target);
 * indexes are percent of target (100 = on target); distances are kilometres.
 */

/** A point on the globe in decimal degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** One rep (territory owner). */
export interface RepSpec {
  /** The rep's name, unique (case-insensitive). */
  readonly name: string;
  /** Relative size of the rep's book (any positive number; normalised over all reps). Default 1 (equal books). */
  readonly share?: number;
  /** Home location, for compactness. */
  readonly home?: GeoPoint;
  /** Fewest accounts the rep must own (default 0). */
  readonly minAccounts?: number;
  /** Most accounts the rep may own (default unlimited). */
  readonly maxAccounts?: number;
  /**
   * Eligibility keys the rep covers (segment, region, industry…). An account with a key may only go to a rep whose
   * `keys` include it; a rep without `keys` takes any account. Keys compare case-insensitively.
   */
  readonly keys?: readonly string[];
}

/** A number per account, as an array or a typed array. */
export type NumberColumn = readonly number[] | Float64Array;

/**
 * The territory problem, column-wise so that 50,000 accounts stay cheap: `metrics[m][a]` is metric `m` of
 * account `a`. Rep references (`current`) are indexes into `reps`, −1 for none.
 */
export interface TerritoryProblem {
  /** k ≥ 1 metric columns, each of n non-negative finite numbers (potential, workload, revenue, a 1 for count…). */
  readonly metrics: readonly NumberColumn[];
  /** Names of the metrics, for reports (default "Metric 1"…). */
  readonly metricNames?: readonly string[];
  /** Weight of each metric in the balance objective (default 1 each); a weight multiplies that metric's deviations. */
  readonly metricWeights?: readonly number[];
  readonly reps: readonly RepSpec[];
  /** Current owner of each account: a rep index, or −1 for unassigned. Omitted: all unassigned. */
  readonly current?: readonly number[] | Int32Array;
  /** Locked accounts keep their current owner (a locked account must have one). */
  readonly locked?: readonly boolean[] | Uint8Array;
  /** Eligibility key of each account (`null`/"" = any rep). */
  readonly accountKeys?: readonly (string | null)[];
  /** Account locations, for compactness (both columns, n each, decimal degrees). */
  readonly coordinates?: { readonly lat: NumberColumn; readonly lon: NumberColumn };
  /** Disruption budget: the most accounts that may change owner, and/or the most of one metric that may move. */
  readonly moveBudget?: MoveBudget;
  /**
   * For messages about Excel ranges: the range row of account 1 (2 when the ranges have a header row), so errors
   * say "row 7". Omitted: messages say "account 6".
   */
  readonly firstRow?: number;
}

/**
 * Disruption budget. An account "moves" when it has a current owner and is assigned to another rep; giving an
 * unassigned account an owner is not a move.
 */
export interface MoveBudget {
  /** The most accounts that may move (a whole number ≥ 0). */
  readonly maxAccounts?: number;
  /** The most of metric `metric` that may move, as a fraction of that metric's total (0.1 = 10 %). */
  readonly maxMetricFraction?: { readonly metric: number; readonly fraction: number };
}

/** Progress of a long run, reported now and then. */
export interface TerritoryProgress {
  readonly phase: 'construct' | 'balance' | 'disruption' | 'compactness' | 'exact';
  /** Rough completion of the run, 0 … 1. */
  readonly fraction: number;
  /** The largest deviation of the best plan so far (a fraction), when known. */
  readonly largestDeviation?: number;
  /** Exact solver only: the proven lower bound on the largest deviation so far. */
  readonly bound?: number;
}

/** A minimal cancellation token (an `AbortSignal` fits): the run stops soon after `aborted` turns true. */
export interface CancelToken {
  readonly aborted: boolean;
}

/** Options shared by both solvers. */
export interface SolveOptions {
  /** Called now and then with progress (synchronously, from the solving thread). */
  readonly onProgress?: (p: TerritoryProgress) => void;
  /** Stops the run early; the best plan found so far is returned with status "cancelled". */
  readonly signal?: CancelToken;
}

/** Options of the heuristic. */
export interface HeuristicOptions extends SolveOptions {
  /**
   * Extra randomised restarts (seeded, so still deterministic) when the problem is small enough. Default: automatic
   * (more for small problems, none for large ones).
   */
  readonly restarts?: number;
  /** Seed of the PRNG used by restarts (default 1). */
  readonly seed?: number;
  /** Cap on local-search steps (default 40 × accounts + 1000). */
  readonly maxSteps?: number;
  /**
   * Tolerance band (a fraction, e.g. 0.02 = every rep within ±2 % of target on every metric). With it the search
   * first brings every rep within the band (or as close as the constraints allow), then moves as few accounts as
   * possible: plans are compared by max(largest deviation, tolerance), then by accounts moved. Default 0: balance
   * as far as it goes (lexicographic: largest deviation, then accounts moved).
   */
  readonly tolerance?: number;
  /**
   * Cap on the search's work, in evaluations of a rep's totals after a change (default 20 million,
   * `DEFAULT_MAX_WORK`, about a second of CPU at most here): past it the best plan so far is kept and only the short
   * closing phases (undoing moves that do not pay, compactness) run. Deterministic: the same input stops at the same
   * point on every machine.
   */
  readonly maxWork?: number;
}

/** Options of the exact MIP solver. */
export interface ExactOptions extends SolveOptions {
  /** Wall-clock limit for HiGHS in seconds (default 30). */
  readonly timeLimit?: number;
  /** Models with more binary variables than this are refused up front (default 500,000; see exact.ts). */
  readonly maxVariables?: number;
}

/** How a solve ended. */
export type SolveStatus =
  /** Exact solver: optimality proven. */
  | 'optimal'
  /** A feasible plan; heuristic: a local optimum; exact: stopped by a limit with an incumbent. */
  | 'feasible'
  /** Stopped by the cancel token; the plan is the best found so far (may be the start plan). */
  | 'cancelled'
  /** Exact solver only: no plan (time limit without incumbent, model too large, or solver failure). */
  | 'gaveUp';

/** Totals and balance of one rep. */
export interface RepBalance {
  readonly rep: number;
  readonly name: string;
  /** Target share (fraction, normalised). */
  readonly share: number;
  readonly accounts: number;
  /** Total of each metric. */
  readonly totals: readonly number[];
  /** Target of each metric: share × metric total. */
  readonly targets: readonly number[];
  /** Index vs target per metric: 100 × total / target (100 = on target; 100 when the metric's total is 0). */
  readonly index: readonly number[];
  /** Weighted relative deviation per metric: weight × |total − target| / target (a fraction). */
  readonly deviation: readonly number[];
}

/** The balance report of an assignment. */
export interface BalanceReport {
  readonly metricNames: readonly string[];
  readonly reps: readonly RepBalance[];
  /** Per metric: the largest and smallest rep index. */
  readonly maxIndex: readonly number[];
  readonly minIndex: readonly number[];
  /** Per metric: the largest weighted relative deviation over reps (fraction). */
  readonly largestDeviationByMetric: readonly number[];
  /** The objective's first level: the largest weighted relative deviation over every rep and metric (fraction). */
  readonly largestDeviation: number;
  /** Where the largest deviation is (rep and metric indexes). */
  readonly worst: { readonly rep: number; readonly metric: number };
  /** Per metric: Gini coefficient of the reps' totals relative to their targets (0 = perfectly even; fraction). */
  readonly gini: readonly number[];
  /** Accounts whose owner differs from their current owner (unassigned accounts not counted). */
  readonly accountsMoved: number;
  /** Per metric: the amount that changed owner. */
  readonly metricMoved: readonly number[];
  /** Compactness: total distance (km) from accounts to their rep's home (or the rep's centroid); 0 without coordinates. */
  readonly totalDistanceKm: number;
}

/** A plan and how it was found. */
export interface TerritoryResult {
  /** The rep index of each account. Empty when the exact solver gave up. */
  readonly assignment: Int32Array;
  readonly report: BalanceReport | undefined;
  readonly solver: 'heuristic' | 'exact';
  readonly status: SolveStatus;
  /** Exact solver: a proven lower bound on the largest deviation (fraction). */
  readonly bound?: number;
  /** Why the exact solver gave up, or other notes. */
  readonly message?: string;
  /** Local-search steps (heuristic) applied. */
  readonly steps?: number;
  readonly seconds: number;
}
