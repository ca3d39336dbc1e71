/**
 * Territory balance benchmark (`npm run bench territory`).
 *
 * Instances (bench/territory/instances.ts, seed 7): 500 accounts × 10 reps, 5,000 × 50 and 50,000 × 200; two
 * metrics (potential, workload), every account with a random current owner, 20 % locked, a move budget of 10 % of
 * the accounts. For each: the heuristic (median of 3 runs: wall and CPU time, largest deviation, moves), a plain JS
 * loop floor (one pass adding every account's metrics into its rep's totals — what any method must at least do),
 * and HiGHS with a time limit, warm-started from the heuristic plan (status, largest deviation, proven bound, or
 * why it gave up). Ratios are against the floor measured in the same run. The machine is shared: CPU time is the
 * steadier figure; wall time includes waiting for the CPU.
 *
 * Options (environment, since `npm run bench` passes no arguments): TERRITORY_HIGHS_SECONDS=N (default 30),
 * TERRITORY_HIGHS=0 to skip HiGHS.
 */
import { randomInstance } from './territory/instances';
import { solveHeuristic } from '../src/territory/heuristic';
import { loadHighs, solveExact } from '../src/territory/exact';
import type { TerritoryProblem } from '../src/territory/types';

const highsSeconds = Number(process.env.TERRITORY_HIGHS_SECONDS ?? 30);
// One HiGHS runtime for the run (the core loads one per solve); dropped when a solve gives up (an abort spoils it).
let highs: ReturnType<typeof loadHighs> | undefined;
const sharedHighs = () => (highs ??= loadHighs());
const runHighs = process.env.TERRITORY_HIGHS !== '0';

const sizes: [number, number][] = [
  [500, 10],
  [5_000, 50],
  [50_000, 200],
];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

/** The floor: one pass accumulating each account's metrics into its current rep's totals. */
function floor(p: TerritoryProblem): number {
  const n = p.metrics[0].length;
  const k = p.metrics.length;
  const R = p.reps.length;
  const cur = p.current!;
  const totals = new Float64Array(R * k);
  for (let a = 0; a < n; a++) for (let m = 0; m < k; m++) totals[cur[a] * k + m] += p.metrics[m][a];
  let s = 0;
  for (let i = 0; i < totals.length; i++) s += totals[i];
  return s;
}

const pct = (x: number | undefined): string => (x === undefined ? '—' : `${(100 * x).toFixed(3)} %`);

async function main(): Promise<void> {
  console.log(`node ${process.version}; HiGHS time limit ${highsSeconds} s`);
  const rows: string[] = [];
  for (const [n, R] of sizes) {
    const p = randomInstance({ accounts: n, reps: R, seed: 7, lockedFraction: 0.2, budgetFraction: 0.1 });
    // Floor: many repetitions, per-call time.
    const reps = Math.max(3, Math.floor(2_000_000 / n));
    let sink = 0;
    const f0 = performance.now();
    for (let i = 0; i < reps; i++) sink += floor(p);
    const floorMs = (performance.now() - f0) / reps;
    const wall: number[] = [];
    const cpu: number[] = [];
    let dev = 0;
    let moves = 0;
    let start = 0;
    let plan: Int32Array | undefined;
    for (let i = 0; i < 3; i++) {
      const c0 = cpuMs();
      const t0 = performance.now();
      const res = solveHeuristic(p);
      wall.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
      dev = res.report!.largestDeviation;
      moves = res.report!.accountsMoved;
      plan = res.assignment;
      if (i === 0) start = res.steps ?? 0;
    }
    let exact = 'not run';
    if (runHighs) {
      const t0 = performance.now();
      const e = await solveExact(p, { timeLimit: highsSeconds, start: plan, loadHighs: sharedHighs });
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      if (e.status === 'gaveUp') highs = undefined;
      exact =
        e.status === 'gaveUp'
          ? `gave up after ${secs} s: ${e.message}`
          : `${e.status} in ${secs} s: deviation ${pct(e.report?.largestDeviation)}, bound ${pct(e.bound)}`;
    }
    const line = [
      `${n.toLocaleString('en-US')} × ${R}`,
      `${median(wall).toFixed(0)} ms`,
      `${median(cpu).toFixed(0)} ms`,
      pct(dev),
      `${moves} / ${Math.floor(0.1 * n)}`,
      `${start}`,
      `${floorMs.toFixed(3)} ms`,
      `${(median(cpu) / floorMs).toFixed(0)}×`,
      exact,
    ].join(' | ');
    rows.push(`| ${line} |`);
    console.log(`| ${line} |`);
    if (sink === -1) console.log(sink);
  }
  console.log(
    '\n| size | heuristic wall (median of 3) | heuristic CPU | largest deviation | moves / budget | steps | floor (1 pass) | CPU ÷ floor | HiGHS (warm start) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

void main();
