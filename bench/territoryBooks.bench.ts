/**
 * `npm run bench territoryBooks`: SALESOPS.TERRITORY on messy books (issue 24), timed through the built
 * dist/functions.js as it ships (loaded in Node's own context with a stand-in `CustomFunctions`, as the limits
 * bench does). Instances: bench/territory/books.ts — 50,000 accounts × 200 reps, potential heavy-tailed
 * 1,000–20,000, workload partly correlated, current owners random / balanced / skewed, 20 % locked or none.
 *
 * Tables: (1) the issue's table (locked 20 %/none × max_moves 5,000/none) on each seed; (2) the budget ladder
 * 0 … 10 % of the accounts and the tolerance variant (0.02) on each start; each row: wall and CPU time of the call,
 * largest deviation of the plan over reps and both metrics, accounts moved. The result cache is bypassed (every
 * call has new arguments). Wall time on a shared machine includes waiting for a core: CPU time is the steadier.
 *
 * (3) `monotone`: max_moves on dense grids (300 × 10 seed 1: 0…30; 50,000 × 200: 600…800 by BOOKS_GRID_STEP,
 * default 10; reps ten times larger, 50,000 × 20 with skewed owners: 500…9,000 by 25 × that step) and the number of
 * inversions (a larger budget with a worse plan; must be 0). (4) `bound`: lower
 * bounds on the moves and the band any plan can reach (bench/territory/moveBound.ts).
 *
 * Environment: BOOKS_SEEDS=101,102 (seeds), BOOKS_TABLES=issue,ladder,monotone,bound (which tables), BOOKS_BUNDLE=<file> (time
 * another build, e.g. an earlier commit's dist/functions.js, for a before/after table), BOOKS_CORE=1 (call the
 * core's solveHeuristic, bundled as it ships, without parsing the ranges or writing the result; the search is the
 * same, stopped by the same deterministic work cap).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { createCustomFunctionsStub, isExcelError } from '../test/support/customFunctionsStub';
import { type BookStart, bookArgs, makeBook, planFigures } from './territory/books';
import { solveHeuristic } from '../src/territory/heuristic';
import { bandLowerBound, movesLowerBound } from './territory/moveBound';

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = process.env.BOOKS_BUNDLE
  ? path.resolve(process.env.BOOKS_BUNDLE)
  : path.join(ROOT, 'dist', 'functions.js');
const SEEDS = (process.env.BOOKS_SEEDS ?? '101,102').split(',').map(Number);
const TABLES = (process.env.BOOKS_TABLES ?? 'issue,ladder,monotone,bound').split(',');
const CORE = process.env.BOOKS_CORE === '1';
const N = 50_000;
const R = 200;

type Territory = (...args: unknown[]) => unknown;

function load(): Territory {
  if (!process.env.BOOKS_BUNDLE) {
    const req = createRequire(path.join(ROOT, 'package.json'));
    (req('./test/support/build.js') as { ensureFunctionsBuilt(): void }).ensureFunctionsBuilt();
  }
  const stub = createCustomFunctionsStub();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = stub;
  vm.runInThisContext(fs.readFileSync(BUNDLE, 'utf8'), { filename: 'functions.js' });
  const fn = stub.associations.get('TERRITORY');
  if (!fn) throw new Error(`no TERRITORY in ${BUNDLE}`);
  return fn;
}

interface Row {
  seed: number;
  start: BookStart;
  locked: string;
  budget: string;
  tolerance: string;
  wallMs: number;
  cpuMs: number;
  dev: number;
  moves: number;
  error?: string;
}

function run(
  fn: Territory,
  seed: number,
  start: BookStart,
  lockedFraction: number,
  maxMoves: number | null,
  tolerance: number | null,
): Row {
  const book = makeBook({ accounts: N, reps: R, seed, start, lockedFraction });
  const [metrics, reps, current, locked] = bookArgs(book, R, lockedFraction > 0);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = CORE
    ? [
        ['Assigned rep'],
        ...Array.from(
          solveHeuristic(
            {
              metrics: [book.potential, book.workload],
              reps: Array.from({ length: R }, (_, r) => ({ name: `Rep ${r + 1}` })),
              current: book.owner,
              locked: lockedFraction > 0 ? book.locked : undefined,
              moveBudget: maxMoves === null ? undefined : { maxAccounts: maxMoves },
            },
            { tolerance: tolerance ?? undefined },
          ).assignment,
          (r) => [`Rep ${r + 1}`],
        ),
      ]
    : fn(metrics, reps, current, locked ?? null, maxMoves, tolerance);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const row: Row = {
    seed,
    start,
    locked: lockedFraction > 0 ? `${Math.round(lockedFraction * 100)} %` : 'none',
    budget: maxMoves === null ? 'none' : maxMoves.toLocaleString('en-US'),
    tolerance: tolerance === null ? '—' : String(tolerance),
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    dev: NaN,
    moves: NaN,
  };
  if (isExcelError(out)) return { ...row, error: `${out.code} ${out.message ?? ''}` };
  const rows = out as unknown[][];
  const plan = new Int32Array(N);
  for (let a = 0; a < N; a++) plan[a] = Number(String(rows[a + 1][0]).slice(4)) - 1;
  const f = planFigures(book, R, plan);
  return { ...row, dev: f.dev, moves: f.moves };
}

function print(title: string, rows: Row[]): void {
  console.log(`\n${title}\n`);
  console.log('| seed | start | locked | max_moves | tolerance | wall s | CPU s | largest deviation | moves |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const fig = r.error ?? `${(100 * r.dev).toFixed(2)} % | ${r.moves.toLocaleString('en-US')}`;
    console.log(
      `| ${r.seed} | ${r.start} | ${r.locked} | ${r.budget} | ${r.tolerance} | ${(r.wallMs / 1000).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(2)} | ${fig} |`,
    );
  }
}

/** What no plan can beat (bench/territory/moveBound.ts): moves needed for ±2 %, the narrowest band per budget. */
function printBounds(): void {
  const budgets = [500, 1000, 2500, 5000];
  console.log('\nLower bounds for any plan (no solver involved):\n');
  console.log(`| seed | start | locked | moves needed for ±2 % | ${budgets.map((b) => `band at ${b}`).join(' | ')} |`);
  console.log(`|---|---|---|---|${budgets.map(() => '---').join('|')}|`);
  for (const start of ['random', 'skewed', 'balanced'] as BookStart[])
    for (const seed of SEEDS)
      for (const lf of [0, 0.2]) {
        const b = makeBook({ accounts: N, reps: R, seed, start, lockedFraction: lf });
        const book = {
          values: [b.potential, b.workload],
          owner: b.owner,
          locked: lf > 0 ? b.locked : undefined,
          reps: R,
        };
        const bands = budgets.map((m) => `≥ ${(100 * bandLowerBound(book, m)).toFixed(2)} %`);
        const locked = lf > 0 ? '20 %' : 'none';
        console.log(
          `| ${seed} | ${start} | ${locked} | ≥ ${movesLowerBound(book, 0.02).toLocaleString('en-US')} | ${bands.join(' | ')} |`,
        );
      }
}

/**
 * Largest deviation and moves of `fn` on `book` at each budget of `budgets` (through TERRITORY, or the core with
 * BOOKS_CORE=1), and the inversions: budgets whose plan is worse (higher deviation beyond 1e-12, or as high with
 * more moves) than the plan of a smaller budget.
 */
function budgetGrid(
  fn: Territory,
  accounts: number,
  reps: number,
  seed: number,
  budgets: number[],
  start: BookStart = 'random',
): string {
  const book = makeBook({ accounts, reps, seed, start, lockedFraction: 0 });
  const [metrics, repArgs, current] = bookArgs(book, reps, false);
  let best = { dev: Infinity, moves: Infinity };
  let inversions = 0;
  let cpuMax = 0;
  const shown: string[] = [];
  for (const b of budgets) {
    const cpu0 = process.cpuUsage();
    const plan = CORE
      ? solveHeuristic({
          metrics: [book.potential, book.workload],
          reps: Array.from({ length: reps }, (_, r) => ({ name: `Rep ${r + 1}` })),
          current: book.owner,
          moveBudget: { maxAccounts: b },
        }).assignment
      : (() => {
          const out = fn(metrics, repArgs, current, null, b, null);
          if (isExcelError(out)) throw new Error(`${out.code} ${out.message ?? ''}`);
          const rows = out as unknown[][];
          return Int32Array.from({ length: accounts }, (_, a) => Number(String(rows[a + 1][0]).slice(4)) - 1);
        })();
    const cpu = process.cpuUsage(cpu0);
    cpuMax = Math.max(cpuMax, (cpu.user + cpu.system) / 1e6);
    const f = planFigures(book, reps, plan);
    const worse = f.dev > best.dev + 1e-12 || (Math.abs(f.dev - best.dev) <= 1e-12 && f.moves > best.moves);
    if (worse) inversions++;
    else best = { dev: f.dev, moves: f.moves };
    shown.push(`${b}: ${(100 * f.dev).toFixed(2)} %${worse ? ' (worse)' : ''}`);
    process.stderr.write('.');
  }
  const first = budgets[0];
  const last = budgets[budgets.length - 1];
  return (
    `| ${accounts.toLocaleString('en-US')} × ${reps}${start === 'random' ? '' : ` ${start}`} | ${seed} | ${first}…${last} (${budgets.length} budgets) | ` +
    `${inversions} | ${cpuMax.toFixed(2)} | ${shown.filter((_, i) => i % Math.ceil(budgets.length / 8) === 0 || i === budgets.length - 1).join('; ')} |`
  );
}

/** Monotonicity in max_moves on dense budget grids (random owners): the number of inversions must be 0. */
function monotone(fn: Territory): void {
  const rows: string[] = [];
  rows.push(
    budgetGrid(
      fn,
      300,
      10,
      1,
      Array.from({ length: 31 }, (_, b) => b),
    ),
  );
  const step = Number(process.env.BOOKS_GRID_STEP ?? 10);
  const large: number[] = [];
  for (let b = 600; b <= 800; b += step) large.push(b);
  for (const seed of SEEDS) rows.push(budgetGrid(fn, N, R, seed, large));
  // Reps of 2,500 accounts (above the chain's 250 a rep: one search at each budget), skewed owners, where budgets
  // bind up to about 8,000 moves.
  const wide: number[] = [];
  for (let b = 500; b <= 9000; b += 25 * step) wide.push(b);
  for (const seed of SEEDS) rows.push(budgetGrid(fn, N, R / 10, seed, wide, 'skewed'));
  console.log('\nMore budget never worse (random owners unless said, no locks; inversions must be 0):\n');
  console.log('| accounts × reps | seed | max_moves | inversions | max CPU s | largest deviation at some budgets |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

function main(): void {
  const fn = load();
  const load0 = os.loadavg()[0];
  const what = CORE ? 'core solveHeuristic' : path.relative(ROOT, BUNDLE);
  console.log(`territoryBooks: ${what}, ${N} accounts × ${R} reps, node ${process.version}`);
  // Warm-up on a small book, so the first timed call is not the JIT's first.
  const warm = makeBook({ accounts: 2000, reps: 20, seed: 1, start: 'random', lockedFraction: 0 });
  const [wm, wr, wc] = bookArgs(warm, 20, false);
  fn(wm, wr, wc, null, null, null);
  if (TABLES.includes('issue')) {
    const rows: Row[] = [];
    for (const seed of SEEDS)
      for (const lf of [0.2, 0])
        for (const mm of [5000, null]) {
          rows.push(run(fn, seed, 'random', lf, mm, null));
          process.stderr.write('.');
        }
    print("Issue 24's table (random current owners):", rows);
  }
  if (TABLES.includes('ladder')) {
    const rows: Row[] = [];
    const budgets: (number | null)[] = [0, 500, 1000, 2500, 5000, null];
    for (const start of ['random', 'skewed', 'balanced'] as BookStart[])
      for (const seed of SEEDS) {
        for (const mm of budgets) {
          rows.push(run(fn, seed, start, 0, mm, null));
          process.stderr.write('.');
        }
        rows.push(run(fn, seed, start, 0, null, 0.02));
        rows.push(run(fn, seed, start, 0.2, null, 0.02));
        rows.push(run(fn, seed, start, 0.2, 5000, 0.02));
      }
    print('Budget ladder (0 … 10 % of the accounts) and tolerance 0.02:', rows);
  }
  if (TABLES.includes('monotone')) monotone(fn);
  if (TABLES.includes('bound')) printBounds();
  console.log(`\nload average ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} CPUs, shared)`);
}

main();
