/**
 * Performance and routing benchmark (`npm run bench performance`), through dist/functions.js as it ships (loaded
 * in Node's own context with a recording CustomFunctions, as bench/limits.bench.ts does).
 *
 * - ROUTE: 100,000 leads × 50 rules rows × 500 reps (20 teams of 25; weights 1–3, every fifth rep capped at 200,
 *   every 25th inactive). Target < 1 s. Peer: a naive implementation (bench/performance/naive.ts) in the same run;
 *   the bench checks both give the same column.
 * - ATTAINMENT: 1,000,000 bookings over 200 reps. Target < 1 s. Peer: a naive Map-by-normalised-name sum; the
 *   bench checks both give the same booked figures.
 * Each is the median of 3 calls (wall and CPU ms). The machine may be shared: CPU time is the steadier figure and
 * the ratio to the peer measured in the same run is the comparable one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { createCustomFunctionsStub, isExcelError } from '../test/support/customFunctionsStub';
import { bookings, leads, routeReps, routeRules } from './performance/instances';
import { naiveBooked, naiveRoute } from './performance/naive';

const ROOT = path.resolve(__dirname, '..');
const req = createRequire(path.join(ROOT, 'package.json'));
(req('./test/support/build.js') as { ensureFunctionsBuilt(): void }).ensureFunctionsBuilt();
const stub = createCustomFunctionsStub();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = stub;
vm.runInThisContext(fs.readFileSync(path.join(ROOT, 'dist', 'functions.js'), 'utf8'), { filename: 'functions.js' });
const fn = (id: string) => stub.associations.get(id)!;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
function timed<T>(f: () => T, runs = 3): { wall: number; cpu: number; result: T } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    result = f();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: med(wall), cpu: med(cpu), result };
}

const rows: string[] = [];
const line = (what: string, ours: { wall: number; cpu: number }, peer: { wall: number; cpu: number }, ok: string) =>
  rows.push(
    `| ${what} | ${ours.wall.toFixed(0)} | ${ours.cpu.toFixed(0)} | ${peer.wall.toFixed(0)} | ${peer.cpu.toFixed(0)} | ${(peer.cpu / ours.cpu).toFixed(1)}× | ${ok} |`,
  );

// ROUTE
const records = leads(100_000);
const rules = routeRules(50, 20);
const reps = routeReps(20, 25);
const route = timed(() => fn('ROUTE')(records, rules, reps, null) as unknown[][]);
if (isExcelError(route.result))
  throw new Error(`ROUTE failed: ${String((route.result as { message?: string }).message)}`);
const naive = timed(() => naiveRoute(records, rules, reps), 1);
const ours = route.result.slice(1).map(([c]) => (isExcelError(c) ? '#N/A' : c));
const same = ours.every((c, i) => c === naive.result[i]);
const routed = ours.filter((c) => c !== '#N/A').length;
line(
  'ROUTE 100,000 records × 50 rules × 500 reps',
  route,
  naive,
  `${same ? 'same column' : 'DIFFERENT'}; ${routed} routed`,
);

// ATTAINMENT
const b = bookings(1_000_000, 200);
const att = timed(() => fn('ATTAINMENT')(b.reps, b.bookings, b.quotas, null, null) as unknown[][]);
if (isExcelError(att.result)) throw new Error('ATTAINMENT failed');
const peer = timed(() => naiveBooked(b.reps, b.bookings));
const agree = peer.result.every((x, i) => Math.abs(x - (att.result[i + 1][1] as number)) < 0.005);
line('ATTAINMENT 1,000,000 bookings × 200 reps', att, peer, agree ? 'same booked' : 'DIFFERENT');

console.log(
  `node ${process.version}; load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; ${os.cpus().length} CPUs`,
);
console.log('| case | ours wall ms | ours CPU ms | peer wall ms | peer CPU ms | peer ÷ ours (CPU) | check |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
const slow = route.cpu > 1000 || att.cpu > 1000;
if (!same || !agree) process.exit(1);
if (slow) console.log('note: a case took over 1 s of CPU');
