/**
 * `npm run bench cache`: what the result cache of the expensive functions saves on an unrelated recalculation.
 * Excel recalculates a volatile or dirty workbook by calling every function again; when TERRITORY's or FORECAST's
 * arguments did not change, the call returns the stored result. Measured in the same run:
 *   - first call (a miss: parse + solve), repeated call with equal arguments (a hit: serialize + look up),
 *   - the floor: reading every cell of the arguments once (what a hit, which compares them all, must at least do).
 * Each figure is the median of 5 runs.
 */
import { createCustomFunctionsStub } from '../test/support/customFunctionsStub';
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctionsStub();

import { EXCEL_FUNCTIONS } from '../functions/catalog';
import { territoryCache } from '../functions/territory';
import { forecastCache } from '../functions/forecast';

const { TERRITORY: territory, FORECAST: forecast } = EXCEL_FUNCTIONS;

const RUNS = 5;
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
/** Reads every cell once (a count of the non-blank ones, so the loop is not optimised away). */
function readEveryCell(args: unknown[]): number {
  let n = 0;
  for (const a of args) {
    if (!Array.isArray(a)) n += a == null ? 0 : 1;
    else for (const row of a as unknown[][]) for (const c of row) n += c == null ? 0 : 1;
  }
  return n;
}
function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

interface Row {
  name: string;
  miss: number;
  hit: number;
  floor: number;
}
const rows: Row[] = [];

function measure(name: string, args: unknown[], call: () => unknown, clear: () => void): void {
  const miss: number[] = [];
  const hit: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    clear();
    miss.push(time(call));
    hit.push(time(call));
    floor.push(time(() => readEveryCell(args)));
  }
  rows.push({ name, miss: median(miss), hit: median(hit), floor: median(floor) });
}

// TERRITORY: 10,000 accounts × 2 metrics, 50 reps, everyone currently with a rep, a 500-move budget.
const N = 10_000;
const reps = [['Rep'], ...Array.from({ length: 50 }, (_, i) => [`Rep ${i + 1}`])];
const metrics = [
  ['Potential', 'Workload'],
  ...Array.from({ length: N }, () => [Math.round(rand() * 1e6) / 100, Math.round(rand() * 100)]),
];
const current = [['Owner'], ...Array.from({ length: N }, (_, i) => [`Rep ${(i % 37) + 1}`])];
const tArgs = [metrics, reps, current, null, 500];
measure(
  'TERRITORY 10,000 × 2 metrics, 50 reps',
  tArgs,
  () => territory(metrics, reps, current, undefined, 500),
  () => territoryCache.clear(),
);

// FORECAST: 120 monthly points, 12 ahead, auto with a 95 % interval (when the forecast functions use the cache).
{
  const f = forecast;
  const cache = forecastCache;
  const history = Array.from({ length: 120 }, (_, i) => [
    1000 + 5 * i + 200 * Math.sin((2 * Math.PI * i) / 12) + 50 * rand(),
  ]);
  measure(
    'FORECAST 120 points, h = 12, auto, 95 %',
    [history, 12, 12, 'auto', 0.95],
    () => f(history, 12, 12, 'auto', 0.95),
    () => cache.clear(),
  );
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1));
console.log(
  '| function | first call (ms) | repeated call, cached (ms) | floor: hash the arguments (ms) | speed-up | hit / floor |',
);
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${fmt(r.miss)} | ${fmt(r.hit)} | ${fmt(r.floor)} | ${(r.miss / r.hit).toFixed(0)}× | ${(r.hit / r.floor).toFixed(2)}× |`,
  );
}
