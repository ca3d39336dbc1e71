/**
 * The exact solver: territory balance as a mixed-integer program solved by HiGHS (the `highs` package: HiGHS
 * compiled to WebAssembly; it runs in Node, browsers and Web Workers). It reports the best plan found and a proven
 * lower bound on the largest deviation, so a heuristic plan can be judged against it.
 *
 * Model (n accounts, R reps, k metrics, T_m total of metric m, s_r share, t_rm = s_r·T_m, w_m weight):
 *   binary x_ar = 1 when unlocked account a goes to eligible rep r (locked accounts are constants);
 *   z ≥ 0, the largest weighted relative deviation (a fraction).
 *   minimise  z + ε · (accounts moved)        ε = 1e-6 / (accounts with a current owner + 1): disruption only
 *                                              breaks ties (all moves together weigh under 1e-6 of z); the
 *                                              objective is passed scaled by 1/ε so moves count in whole units.
 *   Σ_r x_ar = 1                                       each unlocked account has one rep
 *   Σ_a v_am x_ar + L_rm − (t_rm / w_m) z ≤ t_rm       over target by at most z (L: locked accounts' total)
 *   Σ_a v_am x_ar + L_rm + (t_rm / w_m) z ≥ t_rm       under target by at most z   (metrics with T_m > 0, w_m > 0)
 *   min_r ≤ (locked count)_r + Σ_a x_ar ≤ max_r        account counts
 *   Σ_{a has a current owner c_a} x_{a,c_a} ≥ (such accounts) − max moves     move budget (and the same weighted
 *                                                       by the budget metric for a metric budget)
 * Compactness is not modelled. The bound reported for z is HiGHS's dual bound minus the largest possible ε term.
 *
 * Limits, measured on this project's machine (bench/RESULTS.md; 30 s time limit): tiny models (≤ ~15
 * accounts × 4 reps) are proven optimal in under 2 s; 500 × 10 (4,000 binaries) and 5,000 × 50 (201,200)
 * stop at the time limit with the warm start as incumbent and a bound of 0 (the LP relaxation balances
 * fractionally, so only branching can raise the bound); 12,500 × 100 (1 million binaries, ~1 GB resident) gets
 * no bound at all in 30 s; 50,000 × 200 (8 million binaries) aborts inside WebAssembly after ~77 s at 3.3 GB.
 * So models above `maxVariables` (default 500,000) are refused up front with status "gaveUp", and an abort is
 * caught and reported the same way.
 */
import type { Highs, HighsCallbackMap, ModelData } from 'highs';
import { compile, type Compiled, eligible } from './model';
import { reportCompiled } from './report';
import { now, solveCompiledHeuristic } from './heuristic';
import type { ExactOptions, TerritoryProblem, TerritoryResult } from './types';

/** Default cap on binary variables (see the file comment). */
export const DEFAULT_MAX_VARIABLES = 500_000;

/**
 * Loads the HiGHS WebAssembly runtime, a fresh instance per call (the core keeps no state); in a browser pass
 * `loader` to locate highs.wasm. A caller solving many models may load one and pass it as `loadHighs`.
 */
export function loadHighs(loader?: () => Promise<Highs>): Promise<Highs> {
  if (loader !== undefined) return loader();
  return import('highs').then((m) => {
    const load = (m as unknown as { default: (o?: object) => Promise<Highs> }).default;
    return load({});
  });
}

/** Options of the exact solver, plus the HiGHS loader and a warm start. */
export interface ExactRunOptions extends ExactOptions {
  /**
   * Supplies the HiGHS runtime (default: the `highs` package, loaded for this solve). A runtime shared between
   * solves must be dropped when a solve reports that HiGHS failed (an abort leaves it unusable).
   */
  readonly loadHighs?: () => Promise<Highs>;
  /** A start plan (rep index per account); default: the heuristic's plan. `null`: no start. */
  readonly start?: ArrayLike<number> | null;
}

interface Built {
  model: ModelData;
  /** Column j ↔ (account, rep). */
  colAccount: Int32Array;
  colRep: Int32Array;
  z: number;
  epsilon: number;
  withCurrent: number;
}

/** The binary columns x_{a,r}: one per unlocked account and eligible rep, grouped by account. */
interface Columns {
  readonly nb: number;
  readonly colAccount: Int32Array;
  readonly colRep: Int32Array;
  /** Account a's columns are firstCol[a] … firstCol[a + 1] − 1. */
  readonly firstCol: Int32Array;
}

/** The binary columns of `c`. Throws a RangeError when there are more than `maxVariables`. */
function columns(c: Compiled, maxVariables: number): Columns {
  const { n, R } = c;
  let nb = 0;
  for (let a = 0; a < n; a++) {
    if (c.locked[a]) continue;
    for (let r = 0; r < R; r++) if (eligible(c, a, r)) nb++;
  }
  if (nb > maxVariables)
    throw new RangeError(
      `the model has ${nb.toLocaleString('en-US')} binary variables, over the limit of ${maxVariables.toLocaleString('en-US')} for HiGHS in WebAssembly here; use the heuristic`,
    );
  const colAccount = new Int32Array(nb);
  const colRep = new Int32Array(nb);
  const firstCol = new Int32Array(n + 1);
  let j = 0;
  for (let a = 0; a < n; a++) {
    firstCol[a] = j;
    if (c.locked[a]) continue;
    for (let r = 0; r < R; r++)
      if (eligible(c, a, r)) {
        colAccount[j] = a;
        colRep[j] = r;
        j++;
      }
  }
  firstCol[n] = j;
  return { nb, colAccount, colRep, firstCol };
}

/** Constraint rows in CSR form, written one row at a time. */
class Rows {
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];

  /** Adds coefficient `value` of column `col` to the row being written. */
  add(col: number, value: number): void {
    this.indices.push(col);
    this.values.push(value);
  }

  /** Closes the row being written with bounds lo ≤ row ≤ hi. */
  end(lo: number, hi: number): void {
    this.lower.push(lo);
    this.upper.push(hi);
    this.starts.push(this.indices.length);
  }
}

/** Column of account `a` staying with its current owner, or −1 (none: not eligible there, or no owner). */
function stayCol(c: Compiled, cols: Columns, a: number): number {
  for (let q = cols.firstCol[a]; q < cols.firstCol[a + 1]; q++) if (cols.colRep[q] === c.cur[a]) return q;
  return -1;
}

/**
 * Per rep: the balance rows −z·t/w ≤ total − t ≤ z·t/w on every weighted metric (the locked accounts' totals
 * moved to the bounds), and the count row min ≤ accounts ≤ max when bounded.
 */
function repRows(c: Compiled, cols: Columns, z: number, rows: Rows): void {
  const { n, k, R } = c;
  const lockedX = new Float64Array(R * k);
  const lockedCnt = new Int32Array(R);
  for (let a = 0; a < n; a++)
    if (c.locked[a]) {
      const r = c.cur[a];
      lockedCnt[r]++;
      for (let m = 0; m < k; m++) lockedX[r * k + m] += c.v[a * k + m];
    }
  const repCols: number[][] = Array.from({ length: R }, () => []);
  for (let q = 0; q < cols.nb; q++) repCols[cols.colRep[q]].push(q);
  for (let r = 0; r < R; r++) {
    for (let m = 0; m < k; m++) {
      if (c.w[m] <= 0) continue;
      const t = c.target[r * k + m];
      const rhs = t - lockedX[r * k + m];
      for (const sign of [-1, 1]) {
        for (const q of repCols[r]) {
          const val = c.v[cols.colAccount[q] * k + m];
          if (val !== 0) rows.add(q, val);
        }
        rows.add(z, (sign * t) / c.w[m]);
        if (sign < 0) rows.end(-Infinity, rhs);
        else rows.end(rhs, Infinity);
      }
    }
    if (c.minCount[r] > 0 || c.maxCount[r] < n) {
      for (const q of repCols[r]) rows.add(q, 1);
      rows.end(c.minCount[r] - lockedCnt[r], c.maxCount[r] - lockedCnt[r]);
    }
  }
}

/** Move budgets: Σ x_{a,cur} ≥ (unlocked accounts with an owner) − budget, by count and by the budget metric. */
function budgetRows(c: Compiled, cols: Columns, rows: Rows): void {
  if (c.maxMoves === Infinity && c.budgetMetric < 0) return;
  const k = c.k;
  let count = 0;
  let amount = 0;
  const owned: number[] = [];
  for (let a = 0; a < c.n; a++) {
    if (c.locked[a] || c.cur[a] < 0) continue;
    count++;
    if (c.budgetMetric >= 0) amount += c.v[a * k + c.budgetMetric];
    owned.push(a);
  }
  if (c.maxMoves !== Infinity) {
    for (const a of owned) {
      const q = stayCol(c, cols, a);
      if (q >= 0) rows.add(q, 1);
    }
    rows.end(count - c.maxMoves, Infinity);
  }
  if (c.budgetMetric >= 0) {
    for (const a of owned) {
      const q = stayCol(c, cols, a);
      const val = c.v[a * k + c.budgetMetric];
      if (q >= 0 && val !== 0) rows.add(q, val);
    }
    rows.end(amount - c.maxMovedMetric, Infinity);
  }
}

/** Builds the MIP in CSR form. Throws a RangeError when it has more binaries than `maxVariables`. */
function build(c: Compiled, maxVariables: number): Built {
  const n = c.n;
  const cols = columns(c, maxVariables);
  const z = cols.nb;
  const numCols = cols.nb + 1;
  let withCurrent = 0;
  for (let a = 0; a < n; a++) if (c.cur[a] >= 0 && !c.locked[a]) withCurrent++;
  const epsilon = 1e-6 / (withCurrent + 1);
  const rows = new Rows();
  // Each unlocked account has one rep.
  for (let a = 0; a < n; a++) {
    if (c.locked[a]) continue;
    for (let q = cols.firstCol[a]; q < cols.firstCol[a + 1]; q++) rows.add(q, 1);
    rows.end(1, 1);
  }
  repRows(c, cols, z, rows);
  budgetRows(c, cols, rows);
  // Objective scaled by 1/ε so that moves count in whole units: z / ε + moves (HiGHS resolves half a move).
  const colCost = new Float64Array(numCols);
  colCost[z] = 1 / epsilon;
  let offset = 0;
  for (let a = 0; a < n; a++) {
    if (c.locked[a] || c.cur[a] < 0) continue;
    offset += 1;
    const q = stayCol(c, cols, a);
    if (q >= 0) colCost[q] = -1;
  }
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  colUpper[z] = Infinity;
  const integrality = new Int32Array(numCols).fill(1);
  integrality[z] = 0;
  const numRows = rows.lower.length;
  const model: ModelData = {
    numCols,
    numRows,
    offset,
    colCost,
    colLower,
    colUpper,
    rowLower: rows.lower,
    rowUpper: rows.upper,
    integrality,
    matrix: { format: 'csr', numRows, numCols, starts: rows.starts, indices: rows.indices, values: rows.values },
  };
  return { model, colAccount: cols.colAccount, colRep: cols.colRep, z, epsilon, withCurrent };
}

/** Solves a compiled problem exactly (within `timeLimit`); never throws for solver trouble (status "gaveUp"). */
export async function solveCompiledExact(c: Compiled, opts: ExactRunOptions = {}): Promise<TerritoryResult> {
  const t0 = now();
  const seconds = (): number => (now() - t0) / 1000;
  const gaveUp = (message: string): TerritoryResult => ({
    assignment: new Int32Array(0),
    report: undefined,
    solver: 'exact',
    status: 'gaveUp',
    message,
    seconds: seconds(),
  });
  let built: Built;
  try {
    built = build(c, opts.maxVariables ?? DEFAULT_MAX_VARIABLES);
  } catch (e) {
    if (e instanceof RangeError) return gaveUp(`Exact solver not run: ${e.message}.`);
    throw e;
  }
  let start: ArrayLike<number> | undefined;
  if (opts.start === undefined) start = solveCompiledHeuristic(c, { signal: opts.signal }).assignment;
  else if (opts.start !== null) start = opts.start;
  let highs: Highs;
  try {
    highs = await loadHighs(opts.loadHighs);
  } catch (e) {
    return gaveUp(
      `Exact solver unavailable: HiGHS could not be loaded (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  const { model, colAccount, colRep, z, epsilon, withCurrent } = built;
  try {
    return highs.withModel(model, (hm) => {
      hm.options.set({
        time_limit: opts.timeLimit ?? 30,
        output_flag: false,
        mip_rel_gap: 0,
        mip_abs_gap: 0.5,
      });
      if (start !== undefined) {
        const col = new Float64Array(model.numCols);
        for (let q = 0; q < z; q++) col[q] = start[colAccount[q]] === colRep[q] ? 1 : 0;
        const dev = reportCompiled(c, start).largestDeviation;
        col[z] = dev * (1 + 1e-9) + 1e-12;
        try {
          hm.setSolution({ colValue: col });
        } catch {
          // A start HiGHS rejects is only a lost head start.
        }
      }
      const callbacks: HighsCallbackMap = {
        [highs.constants.callbackType.mipInterrupt]: (ev) => {
          if (opts.signal?.aborted) ev.interrupt();
          return undefined;
        },
        [highs.constants.callbackType.mipLogging]: (ev) => {
          const d = ev.data;
          opts.onProgress?.({
            phase: 'exact',
            fraction: d.mip_gap !== undefined && Number.isFinite(d.mip_gap) ? Math.max(0, 1 - d.mip_gap) : 0,
            largestDeviation: d.mip_primal_bound,
            bound: d.mip_dual_bound,
          });
          return undefined;
        },
      };
      const run = hm.run(opts.onProgress !== undefined || opts.signal !== undefined ? callbacks : undefined);
      const S = highs.constants.modelStatus;
      const status = run.modelStatus;
      if (status === S.infeasible)
        return {
          ...gaveUp(
            'The constraints cannot all be met (HiGHS proved the model infeasible): relax the move budget, counts or locks.',
          ),
          status: 'gaveUp' as const,
        };
      const primalStatus = Number(hm.info.get('primal_solution_status'));
      const dualBound = Number(hm.info.get('mip_dual_bound'));
      // dualBound ≤ z/ε + moves for every plan, and moves ≤ withCurrent, so z ≥ ε × (dualBound − withCurrent).
      const bound = Number.isFinite(dualBound) ? Math.max(0, epsilon * (dualBound - withCurrent)) : undefined;
      if (primalStatus < 2) {
        const why = status === S.timeLimit ? 'time limit reached with no plan' : `HiGHS status ${status}`;
        return { ...gaveUp(`Exact solver found no plan: ${why}.`), bound };
      }
      const x = hm.getSolution().colValue;
      const assignment = new Int32Array(c.n);
      for (let a = 0; a < c.n; a++) if (c.locked[a]) assignment[a] = c.cur[a];
      for (let q = 0; q < z; q++) if (x[q] > 0.5) assignment[colAccount[q]] = colRep[q];
      const report = reportCompiled(c, assignment);
      const interrupted = status === S.interrupted;
      return {
        assignment,
        report,
        solver: 'exact' as const,
        status:
          status === S.optimal ? ('optimal' as const) : interrupted ? ('cancelled' as const) : ('feasible' as const),
        bound,
        message:
          status === S.optimal
            ? undefined
            : status === S.timeLimit
              ? 'Time limit reached: the plan is the best found; the bound shows how far from optimal it can be.'
              : `HiGHS stopped with status ${status}.`,
        seconds: seconds(),
      };
    });
  } catch (e) {
    // An abort inside WebAssembly (out of memory on large models) leaves this runtime unusable; the next solve
    // loads its own.
    return gaveUp(
      `Exact solver gave up: HiGHS failed (${e instanceof Error ? e.message : String(e)}); the model is probably too large for WebAssembly memory. Use the heuristic.`,
    );
  }
}

/**
 * Solves `problem` with the exact MIP (asynchronous: HiGHS loads on first use). Invalid input throws a
 * `ModelInputError`; solver limits never throw — the result's status says "gaveUp" with a message instead.
 */
export async function solveExact(problem: TerritoryProblem, opts: ExactRunOptions = {}): Promise<TerritoryResult> {
  return solveCompiledExact(compile(problem), opts);
}
