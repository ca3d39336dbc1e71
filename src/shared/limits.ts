/**
 * The size limits of every custom function, in one table. Custom functions run on the thread the task pane uses,
 * so each call must answer within 2 s: `npm run bench limits` times every function at these limits through the
 * built bundle and fails when a call takes longer. Inputs past a limit are refused up front (before any
 * computation) with #NUM! and a message naming the limit and the way round it. docs/functions.md ("Limits" of each
 * function) and SECURITY.md list the same numbers.
 */
import { type ArgValue, isBlank, isGrid } from './cells';
import { isTextHeaderRow } from './coerce';
import { ModelInputError } from './errors';

export const LIMITS = {
  /** Rows (or columns) of a one-dimensional range read in one pass: a whole column of a sheet. */
  rows: 1_048_576,
  /** Periods of DRAW, PLANDRAW and CLAWBACKS (and rows of CLAWBACKS' clawbacks): a whole column. */
  periods: 1_048_576,
  /** Rows of a plan table (PLANPAYOUT, STATEMENT, PLANDRAW). */
  planRows: 10_000,
  /** Months of a quota horizon, a ramp, a row of targets or seasonality weights (100 years). */
  months: 1_200,
  /** Reps of a roster (CAPACITY, RRE, ALLOCATEQUOTA). */
  rosterReps: 100_000,
  /** Rep-months of a roster computation: reps × months (e.g. 10,000 reps × 240 months). */
  rosterCells: 2_400_000,
  /** Accounts of TERRITORY. */
  territoryAccounts: 50_000,
  /** Reps of TERRITORY. */
  territoryReps: 500,
  /** Account-rep pairs of TERRITORY: accounts × reps (e.g. 50,000 × 200 or 20,000 × 500). */
  territoryPairs: 10_000_000,
  /** Values of FORECAST's history. */
  forecastHistory: 100_000,
  /** FORECAST fits its models to at most this many of the most recent values (the forecast starts after the last). */
  forecastWindow: 20_000,
  /** FORECAST fits ETS models (method "ets", "damped", and in "auto") to at most this many of the most recent values. */
  etsWindow: 1_000,
  /** Periods FORECAST forecasts. */
  forecastHorizon: 10_000,
  /** FORECAST's longest season (8,760: hourly data with a yearly season). */
  forecastSeason: 8_760,
  /** Rows of each table of CREDITED, CREDITS and QUOTARELIEF (deals, splits, ownership, quotas, account quotas). */
  creditRows: 100_000,
  /** Sub-periods of a PACING profile (e.g. 1,200 months, or weeks of 23 years). */
  profilePeriods: 1_200,
  /** Bookings rows of ATTAINMENT: a whole column. */
  bookings: 1_048_576,
  /** Records routed by one ROUTE call. */
  routeRecords: 200_000,
  /** Rows of ROUTE's rules table. */
  routeRules: 1_000,
  /** Reps of ROUTE's reps table. */
  routeReps: 1_000,
  /** Record-condition pairs ROUTE may test: records × rules rows (e.g. 200,000 × 100 or 100,000 × 200). */
  routeTests: 20_000_000,
} as const;

/** A count with thousands separators for messages: 100000 → "100,000". */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Refuses an input past a size limit: throws a #NUM! input error whose message names the argument, the limit, what
 * was given and `wayRound` (what to do instead). `unit` is plural ("values", "accounts").
 */
export function tooLarge(arg: string, count: number, limit: number, unit: string, wayRound: string): never {
  throw new ModelInputError(
    `${arg}: at most ${formatCount(limit)} ${unit}, got ${formatCount(count)}. ${wayRound}`,
    'number',
  );
}

/** `tooLarge` when `count` exceeds `limit`. */
export function checkSize(arg: string, count: number, limit: number, unit: string, wayRound: string): void {
  if (count > limit) tooLarge(arg, count, limit, unit, wayRound);
}

/**
 * The length of a range argument as a list: its rows (or, for a single row, its columns) up to the last one that
 * holds a non-blank cell, so that a whole-column selection with a few values counts only those. Reads at most the
 * cells of the trailing blank rows once; a scalar counts 1, an omitted argument 0.
 */
export function usedLength(v: ArgValue): number {
  if (v === undefined || v === null) return 0;
  if (!isGrid(v)) return 1;
  if (v.length === 1) {
    const row = v[0];
    let n = row.length;
    while (n > 0 && isBlank(row[n - 1])) n--;
    return n;
  }
  let n = v.length;
  while (n > 0) {
    const row = v[n - 1];
    if (!Array.isArray(row) || row.some((c) => !isBlank(c))) break;
    n--;
  }
  return n;
}

/** `usedLength` less a leading text cell (a header), for the length of a list such as a history or a roster. */
export function listLength(v: ArgValue): number {
  const n = usedLength(v);
  if (n === 0 || !isGrid(v)) return n;
  const first = v[0][0];
  return isTextHeaderRow([first]) ? n - 1 : n;
}

/**
 * `listLength` less the blank cells before the first value (after a header): the length of a series whose leading
 * and trailing blanks are dropped, such as a FORECAST history.
 */
export function seriesLength(v: ArgValue): number {
  const n = usedLength(v);
  if (n === 0 || !isGrid(v)) return n;
  const cell = v.length === 1 ? (i: number) => v[0][i] : (i: number) => v[i]?.[0];
  let i = 0;
  const first = cell(0);
  if (isTextHeaderRow([first])) i = 1; // a header, read as the list readers read it
  while (i < n && isBlank(cell(i))) i++;
  return n - i;
}

/** Refuses a list argument (a range read as a list) longer than `limit` (#NUM!); see `checkSize`. */
export function checkListLength(arg: string, v: ArgValue, limit: number, unit: string, wayRound: string): void {
  checkSize(arg, listLength(v), limit, unit, wayRound);
}

/** What to do with a range longer than a whole sheet column (it can only come from a computed array). */
export const SPLIT_RANGE = `Split it into ranges of at most ${formatCount(LIMITS.rows)} rows (a whole column) and combine the results.`;
