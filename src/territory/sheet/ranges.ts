/**
 * Excel ranges ↔ territory problems, for SALESOPS.TERRITORY and SALESOPS.BALANCE. Coercion goes through
 * src/shared/coerce.ts; errors name the argument and the range row (1-based, the header being row 1).
 *
 * Header rule (ranges stay aligned row by row):
 * - `metrics` and the account-aligned ranges (`current`, `locked`, `assignment`) are columns of one table: the
 *   header is decided once for the set (src/shared/aligned.ts): row 1 is a header when metrics' first row holds
 *   only non-numeric text (e.g. "Potential", "Workload") and the aligned ranges' first cells are blank or text
 *   that is not a value (not TRUE/FALSE in `locked`). A column of names cannot tell a header "Owner" from a rep
 *   called "Owner", so it follows `metrics`. The aligned ranges must have the same number of rows as `metrics`.
 * - `reps` with two columns (name, share) has a header when its first row is all text (the share cell is not a
 *   number). `reps` with one column follows `metrics`: its first row is skipped when `metrics` has a header row.
 * - Entirely blank rows at the end of `reps` are ignored.
 * Blank cells may arrive as null, "" or 0 (some Excel builds): in name columns a 0 counts as blank unless a rep is
 * called "0"; in `locked` 0 is FALSE; in `metrics` a blank is an error but 0 is a value.
 */
import {
  type ArgValue,
  type CellValue,
  type Grid,
  asGrid,
  describeValue,
  isBlank,
  isBlankOrZero,
} from '../../shared/cells';
import { type AlignedRange, alignedHeaderOf } from '../../shared/aligned';
import { cellBoolean, cellNumber, cellText, checkRectangular, isTextHeaderRow } from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import { LIMITS, checkSize } from '../../shared/limits';
import type { BalanceReport, RepSpec, TerritoryProblem } from '../types';

const SPLIT =
  'Split the territory into regions (e.g. by country or segment) and balance each region with its own call.';

/**
 * Refuses a TERRITORY problem past its size limits (#NUM!), from the ranges' shapes alone, before any parsing:
 * at most `LIMITS.territoryAccounts` accounts, `LIMITS.territoryReps` reps and `LIMITS.territoryPairs`
 * accounts × reps (the heuristic's work grows with both).
 */
export function checkTerritorySize(metrics: ArgValue, reps: ArgValue): void {
  const g = asGrid(metrics);
  const metricsHeader = g.length > 0 && Array.isArray(g[0]) && isTextHeaderRow(g[0]);
  const accounts = g.length - (metricsHeader ? 1 : 0);
  const r = asGrid(reps);
  let last = r.length;
  while (last > 0 && (!Array.isArray(r[last - 1]) || r[last - 1].every(isBlankOrZero))) last--;
  const repsHeader =
    last > 0 && (Array.isArray(r[0]) && r[0].length === 2 ? isTextHeaderRow(r[0]) : metricsHeader) ? 1 : 0;
  const repCount = Math.max(0, last - repsHeader);
  checkSize('metrics', accounts, LIMITS.territoryAccounts, 'accounts', SPLIT);
  checkSize('reps', repCount, LIMITS.territoryReps, 'reps', SPLIT);
  checkSize('metrics', accounts * repCount, LIMITS.territoryPairs, 'account-rep pairs (accounts × reps)', SPLIT);
}

/** Parsed `metrics`: columns of numbers, names, and whether row 1 was a header. */
export interface MetricsRange {
  readonly columns: Float64Array[];
  readonly names: string[];
  readonly hasHeader: boolean;
  /** Rows of the range including the header (the height every account-aligned range must have). */
  readonly height: number;
}

/**
 * Parses `metrics`: N rows × k columns of numbers ≥ 0, optionally under a header row of names. `aligned`: the
 * account-aligned ranges given with it (current, locked, assignment): the header is decided once for the set.
 */
export function parseMetrics(metrics: ArgValue, aligned: readonly AlignedRange[] = []): MetricsRange {
  const g = asGrid(metrics);
  checkRectangular(g, 'metrics');
  if (g.length === 0 || g[0].length === 0) invalid('metrics: the range is empty.');
  const hasHeader = alignedHeaderOf([
    { arg: 'metrics', value: g, kind: 'number' },
    ...aligned.filter((r) => !omitted(r.value)),
  ]);
  const first = hasHeader ? 1 : 0;
  if (g.length - first === 0) invalid('metrics: there are no account rows under the header.');
  const k = g[0].length;
  const columns = Array.from({ length: k }, () => new Float64Array(g.length - first));
  for (let i = first; i < g.length; i++) {
    for (let m = 0; m < k; m++) {
      const cell = g[i][m];
      const where = `metrics: row ${i + 1}, column ${m + 1}`;
      if (isBlank(cell)) invalid(`${where} is blank; enter a number ≥ 0 (0 for none).`);
      const x = typeof cell === 'boolean' ? undefined : cellNumber(cell);
      if (x === undefined) invalid(`${where}: expected a number, got ${describeValue(cell)}.`);
      if (x < 0) invalid(`${where}: ${x} is negative; metrics must be ≥ 0.`);
      columns[m][i - first] = x;
    }
  }
  const names = Array.from({ length: k }, (_, m) => (hasHeader ? cellText(g[0][m]) : '') || `Metric ${m + 1}`);
  return { columns, names, hasHeader, height: g.length };
}

/** Parsed `reps`: specs and a name → index lookup (case-insensitive). */
export interface RepsRange {
  readonly reps: RepSpec[];
  readonly index: Map<string, number>;
  /** The first row's name when it was skipped as a header (for a clearer message if it was a rep after all). */
  readonly skippedHeader?: string;
}

/** Parses `reps`: one column of names, or two columns (name, target share > 0; shares are normalised). */
export function parseReps(reps: ArgValue, metricsHasHeader: boolean): RepsRange {
  const g = asGrid(reps);
  checkRectangular(g, 'reps');
  if (g.length === 0 || g[0].length === 0) invalid('reps: the range is empty.');
  const w = g[0].length;
  if (w > 2) invalid(`reps: expected one column (names) or two (name, share), got ${w} columns.`);
  const hasHeader = w === 2 ? isTextHeaderRow(g[0]) : metricsHasHeader;
  let last = g.length - 1;
  while (last >= 0 && g[last].every(isBlankOrZero)) last--;
  const out: RepSpec[] = [];
  const index = new Map<string, number>();
  for (let i = hasHeader ? 1 : 0; i <= last; i++) {
    const row = g[i];
    const name = cellText(row[0]);
    if (name === '') invalid(`reps: row ${i + 1} has no name.`);
    const key = name.toLowerCase();
    if (index.has(key)) invalid(`reps: row ${i + 1}: "${name}" appears twice.`);
    let share: number | undefined;
    if (w === 2) {
      const cell = row[1];
      if (!isBlank(cell)) {
        const s = typeof cell === 'boolean' ? undefined : cellNumber(cell);
        if (s === undefined) invalid(`reps: row ${i + 1}: the share must be a number, got ${describeValue(cell)}.`);
        if (!(s > 0)) invalid(`reps: row ${i + 1}: the share of "${name}" must be > 0, got ${s}.`);
        share = s;
      }
    }
    index.set(key, out.length);
    out.push(share === undefined ? { name } : { name, share });
  }
  if (out.length === 0) invalid('reps: no rep names found.');
  return { reps: out, index, skippedHeader: hasHeader ? cellText(g[0][0]) : undefined };
}

/** One column aligned with `metrics` (same height; first row skipped when metrics has a header). */
function alignedColumn(v: ArgValue, arg: string, m: MetricsRange): CellValue[] {
  const g: Grid = asGrid(v);
  checkRectangular(g, arg);
  if (g.length > 0 && g[0].length !== 1) invalid(`${arg}: expected one column, got ${g[0].length} columns.`);
  if (g.length !== m.height)
    invalid(
      `${arg}: ${g.length} rows but metrics has ${m.height}${m.hasHeader ? ' (with its header row)' : ''}; select ranges of the same height.`,
    );
  return g.slice(m.hasHeader ? 1 : 0).map((r) => r[0]);
}

/** Rep indexes of a column of names aligned with `metrics`; blank → −1 when `blankOk`, else an error. */
function repColumn(v: ArgValue, arg: string, m: MetricsRange, reps: RepsRange, blankOk: boolean): Int32Array {
  const cells = alignedColumn(v, arg, m);
  const out = new Int32Array(cells.length);
  const first = m.hasHeader ? 2 : 1;
  // Some Excel builds pass blank cells as 0: a 0 is blank unless a rep is called "0".
  const zeroIsBlank = !reps.index.has('0');
  for (let i = 0; i < cells.length; i++) {
    const name = cells[i] === 0 && zeroIsBlank ? '' : cellText(cells[i]);
    if (name === '') {
      if (!blankOk) invalid(`${arg}: row ${i + first} is blank; every account needs a rep.`);
      out[i] = -1;
      continue;
    }
    const r = reps.index.get(name.toLowerCase());
    if (r === undefined) {
      const hint =
        reps.skippedHeader !== undefined && reps.skippedHeader.toLowerCase() === name.toLowerCase()
          ? ` (the first row of reps was read as a header because metrics has one: add a header row to reps)`
          : '';
      invalid(`${arg}: row ${i + first}: "${name}" is not a rep listed in reps${hint}.`);
    }
    out[i] = r;
  }
  return out;
}

/** True when `v` is an omitted optional argument (Excel passes null; a blank single cell counts too). */
export function omitted(v: ArgValue): boolean {
  if (v === undefined || v === null) return true;
  if (!Array.isArray(v)) return isBlank(v);
  const g = asGrid(v);
  return g.length === 0 || (g.length === 1 && g[0].length === 1 && isBlank(g[0][0]));
}

/** The problem described by the arguments of SALESOPS.TERRITORY (equal metric weights). */
export function parseTerritoryRanges(
  metrics: ArgValue,
  reps: ArgValue,
  current: ArgValue,
  locked: ArgValue,
  maxMoves: number | undefined,
): { problem: TerritoryProblem; metrics: MetricsRange; reps: RepsRange } {
  const m = parseMetrics(metrics, [
    { arg: 'current', value: current, kind: 'text' },
    { arg: 'locked', value: locked, kind: 'boolean' },
  ]);
  const rr = parseReps(reps, m.hasHeader);
  const n = m.columns[0].length;
  const first = m.hasHeader ? 2 : 1;
  const cur = omitted(current) ? new Int32Array(n).fill(-1) : repColumn(current, 'current', m, rr, true);
  let lock: Uint8Array | undefined;
  if (!omitted(locked)) {
    const cells = alignedColumn(locked, 'locked', m);
    lock = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = cells[i];
      if (isBlank(c)) continue;
      const b = cellBoolean(c);
      if (b === undefined) invalid(`locked: row ${i + first}: expected TRUE or FALSE, got ${describeValue(c)}.`);
      if (b && cur[i] < 0)
        invalid(
          `locked: row ${i + first} is locked but has no current owner; enter its owner in current or unlock it.`,
        );
      lock[i] = b ? 1 : 0;
    }
  }
  const problem: TerritoryProblem = {
    metrics: m.columns,
    metricNames: m.names,
    reps: rr.reps,
    current: cur,
    locked: lock,
    moveBudget: maxMoves === undefined ? undefined : { maxAccounts: maxMoves },
    firstRow: first,
  };
  return { problem, metrics: m, reps: rr };
}

/** The assignment column of SALESOPS.BALANCE as rep indexes (every row must name a listed rep). */
export function parseAssignment(assignment: ArgValue, m: MetricsRange, reps: RepsRange): Int32Array {
  return repColumn(assignment, 'assignment', m, reps, false);
}

/**
 * The spilled balance report of SALESOPS.BALANCE. Columns: Rep, Accounts, then for each metric "<name> total" and
 * "<name> index" (100 × total / target; 100 = on target), then "Deviation" (the rep's largest |index − 100| over
 * metrics, in index points = percent of target). Last row: "Largest deviation", blank, and under each metric's
 * index column that metric's largest |index − 100|; under Deviation the overall largest.
 */
export function balanceGrid(report: BalanceReport): (string | number)[][] {
  const k = report.metricNames.length;
  const header: string[] = ['Rep', 'Accounts'];
  for (const name of report.metricNames) header.push(`${name} total`, `${name} index`);
  header.push('Deviation');
  const rows: (string | number)[][] = [header];
  for (const r of report.reps) {
    const row: (string | number)[] = [r.name, r.accounts];
    let dev = 0;
    for (let m = 0; m < k; m++) {
      row.push(r.totals[m], r.index[m]);
      dev = Math.max(dev, Math.abs(r.index[m] - 100));
    }
    row.push(dev);
    rows.push(row);
  }
  const last: (string | number)[] = ['Largest deviation', ''];
  let overall = 0;
  for (let m = 0; m < k; m++) {
    const d = Math.max(...report.reps.map((r) => Math.abs(r.index[m] - 100)));
    overall = Math.max(overall, d);
    last.push('', d);
  }
  last.push(overall);
  rows.push(last);
  return rows;
}
