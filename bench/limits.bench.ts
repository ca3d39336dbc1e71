/**
 * `npm run bench limits`: the worst cases of every custom function, timed through the built dist/functions.js as
 * it ships, loaded in Node's own context (as Excel's JavaScript runtime runs it; not a `vm` context, whose
 * cross-context arrays are slower). Each case runs in its own worker thread, once, cold (the first call of a
 * freshly loaded bundle, as after opening a workbook), and is cut off after LIMITS_TIMEOUT seconds (default 30).
 *
 * The cases (bench/limitCases.ts, shared with the fuzz test's size dimension) are of two kinds:
 *   - "at the limit": the largest input the function documents (docs/functions.md, "Limits"); it must answer with
 *     a value (not an error) within BOUND_MS (2 s).
 *   - "past the limit": one step past a documented limit; it must be refused at once with #NUM!.
 * Each call's wall-clock and CPU time are measured; the bound holds against the smaller of the two. On a quiet
 * machine they agree (CPU time is a little larger when the garbage collector's helper threads run alongside); on a
 * machine shared with other work, wall time also counts the time the call waited for a core, which is not the
 * call's. The load average is printed with the table.
 * The bench prints a table (slowest first) and exits non-zero when a case misses its bound, so it is the check of
 * the 2 s contract (unit tests assert no timings). LIMITS_ONLY=<text> runs the cases whose name contains it;
 * LIMITS_BUNDLE=<file> times another build (e.g. an earlier commit's dist/functions.js, for a before/after table).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { createCustomFunctionsStub, isExcelError } from '../test/support/customFunctionsStub';
import { type LimitCase, limitCases as cases } from './limitCases';

const ROOT = path.resolve(__dirname, '..');
const BOUND_MS = 2000;
/** A refusal must come at once: within this many ms (reading the arguments' sizes only). */
const REFUSAL_MS = 200;
const TIMEOUT_S = Number(process.env.LIMITS_TIMEOUT || 30);
/** The bundle to time: dist/functions.js (rebuilt when stale), or LIMITS_BUNDLE (e.g. an earlier commit's build). */
const BUNDLE = process.env.LIMITS_BUNDLE
  ? path.resolve(process.env.LIMITS_BUNDLE)
  : path.join(ROOT, 'dist', 'functions.js');

// ---------------------------------------------------------------- worker: load the bundle, run one case
if (!isMainThread) {
  const { index } = workerData as { index: number };
  const c = cases[index];
  const stub = createCustomFunctionsStub();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = stub;
  vm.runInThisContext(fs.readFileSync(BUNDLE, 'utf8'), { filename: 'functions.js' });
  const fn = stub.associations.get(c.fn);
  if (!fn) throw new Error(`no function ${c.fn} in dist/functions.js`);
  const args = c.args();
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn(...args);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  const outcome = isExcelError(result)
    ? `${result.code}${result.message ? ` ${result.message}` : ''}`
    : Array.isArray(result)
      ? `${result.length}×${(result[0] as unknown[]).length}`
      : String(result);
  parentPort!.postMessage({ ms, cpuMs, heapMb, outcome, error: isExcelError(result) ? result.code : undefined });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

interface Outcome {
  /** Wall-clock time of the call. */
  ms: number;
  /** CPU time of the process during the call (the worker's thread, plus the garbage collector's helpers). */
  cpuMs: number;
  outcome: string;
  error?: string;
}

interface Row extends Outcome {
  c: LimitCase;
  /** The figure held against the bound: min(wall, CPU); see the module comment. */
  judged: number;
  ok: boolean;
}

function runCase(index: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const w = new Worker(__filename, { workerData: { index }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    const timer = setTimeout(() => {
      void w.terminate();
      resolve({ ms: Infinity, cpuMs: Infinity, outcome: `did not finish in ${TIMEOUT_S} s`, error: 'timeout' });
    }, TIMEOUT_S * 1000);
    w.once('message', (m: Outcome) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(m);
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      resolve({ ms: NaN, cpuMs: NaN, outcome: `crashed: ${String(e)}`, error: 'crash' });
    });
  });
}

async function main(): Promise<void> {
  // dist/functions.js must be built from the current sources (the same helper as the tests' globalSetup).
  if (!process.env.LIMITS_BUNDLE) {
    const req = createRequire(path.join(ROOT, 'package.json'));
    (req('./test/support/build.js') as { ensureFunctionsBuilt(): void }).ensureFunctionsBuilt();
  }
  const only = process.env.LIMITS_ONLY;
  const load0 = os.loadavg()[0];
  const rows: Row[] = [];
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    if (only && !`${c.fn} ${c.what}`.includes(only)) continue;
    const r = await runCase(i);
    const judged = Math.min(r.ms, r.cpuMs);
    const ok =
      c.kind === 'limit' ? r.error === undefined && judged <= BOUND_MS : r.error === '#NUM!' && judged <= REFUSAL_MS;
    const outcome = r.outcome.length > 90 ? `${r.outcome.slice(0, 89)}…` : r.outcome;
    rows.push({ ...r, c, judged, outcome, ok });
    process.stderr.write(`${ok ? '.' : 'x'}`);
  }
  process.stderr.write('\n');
  rows.sort((a, b) => (Number.isNaN(b.judged) ? 1 : b.judged) - (Number.isNaN(a.judged) ? 1 : a.judged));
  const fmt = (ms: number) =>
    Number.isFinite(ms) ? ms.toFixed(ms < 10 ? 1 : 0) : ms === Infinity ? `> ${TIMEOUT_S * 1000}` : 'n/a';
  console.log(
    `limits bench: ${path.relative(ROOT, BUNDLE)}, each call cold in its own worker, node ${process.version}, ` +
      `${os.cpus().length} CPUs, load average ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}; ` +
      `bound ${BOUND_MS} ms at the limit, ${REFUSAL_MS} ms for a refusal, on min(wall, CPU)`,
  );
  console.log('| function | input | kind | wall ms | CPU ms | result | ok |');
  console.log('|---|---|---|---:|---:|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.c.fn} | ${r.c.what} | ${r.c.kind === 'limit' ? 'at the limit' : 'past it'} | ${fmt(r.ms)} | ${fmt(r.cpuMs)} | ${r.outcome.replace(/\|/g, '\\|')} | ${r.ok ? 'yes' : '**NO**'} |`,
    );
  }
  const slowest = rows.find((r) => r.c.kind === 'limit');
  if (slowest)
    console.log(
      `\nslowest call inside the limits: ${slowest.c.fn} (${slowest.c.what}): ${fmt(slowest.ms)} ms wall, ${fmt(slowest.cpuMs)} ms CPU`,
    );
  const bad = rows.filter((r) => !r.ok);
  if (bad.length) {
    console.log(`${bad.length} case(s) missed their bound: ${bad.map((r) => `${r.c.fn} (${r.c.what})`).join('; ')}`);
    process.exitCode = 1;
  }
}
