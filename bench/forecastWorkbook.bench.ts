/**
 * `npm run bench forecastWorkbook` (also run by `npm run bench forecast`): FORECAST as a workbook uses it — one
 * call per row, filled down, each over a different series, through the custom function as it ships (argument
 * coercion, the result cache, the default `auto` method, a 95 % interval). Cases:
 *   - 500 rows of 36-point monthly series (seasonality 12, 12 ahead): the recalculation of a forecast per rep;
 *   - 50 rows of 3 years of weekly bookings (seasonality 52, 13 ahead);
 *   - 50 rows of 2 years of daily values (seasonality 7, 28 ahead).
 * Each series is trend × season × noise from a seeded generator, so the next values are known: the sanity
 * columns report the sMAPE against them beside that of seasonal naive, and whether every row is finite with
 * lower ≤ forecast ≤ upper. The cache holds 16 results, so 500 distinct rows are all recomputed (a full
 * recalculation); times are wall and CPU (user + system) of the whole fill-down.
 */
import { createCustomFunctionsStub } from '../test/support/customFunctionsStub';
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctionsStub();

import { performance } from 'node:perf_hooks';
import { EXCEL_FUNCTIONS } from '../functions/catalog';
import { forecastCache } from '../functions/forecast';

const forecast = EXCEL_FUNCTIONS.FORECAST;

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

/** n + h values: level × (1 + growth)^t × seasonal factor × (1 + noise); growth −20 % … +30 % a year. */
function series(n: number, h: number, m: number, perYear: number): { history: number[]; future: number[] } {
  const level = 50 + 950 * rand();
  const growth = Math.pow(0.8 + 0.5 * rand(), 1 / perYear) - 1;
  const amp = 0.1 + 0.3 * rand();
  const phase = rand() * m;
  const noise = 0.03 + 0.1 * rand();
  const v = Array.from({ length: n + h }, (_, t) => {
    const season = 1 + amp * Math.sin((2 * Math.PI * (t + phase)) / m);
    return Math.round(level * Math.pow(1 + growth, t) * season * Math.max(0.2, 1 + noise * gauss()) * 100) / 100;
  });
  return { history: v.slice(0, n), future: v.slice(n) };
}

const smape = (a: number[], f: number[]) =>
  a.reduce((s, x, i) => s + (200 * Math.abs(x - f[i])) / (Math.abs(x) + Math.abs(f[i])), 0) / a.length;

interface Case {
  name: string;
  perYear: number;
  rows: number;
  n: number;
  h: number;
  m: number;
}
const cases: Case[] = [
  { name: 'monthly, 36 points, season 12, 12 ahead', perYear: 12, rows: 500, n: 36, h: 12, m: 12 },
  { name: 'weekly, 3 years (156 points), season 52, 13 ahead', perYear: 52, rows: 50, n: 156, h: 13, m: 52 },
  { name: 'daily, 2 years (730 points), season 7, 28 ahead', perYear: 365, rows: 50, n: 730, h: 28, m: 7 },
];

// Warm-up on other series so that the times are steady-state, as after the add-in has run a while.
for (let i = 0; i < 20; i++)
  forecast(
    series(36, 12, 12, 12).history.map((x) => [x]),
    12,
    12,
    'auto',
    0.95,
  );

console.log(
  '| case | rows | wall ms | CPU ms | CPU ms/row | sMAPE auto | sMAPE snaive | rows finite, lower ≤ f ≤ upper |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const c of cases) {
  const data = Array.from({ length: c.rows }, () => series(c.n, c.h, c.m, c.perYear));
  forecastCache.clear();
  const out: unknown[][][] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const d of data)
    out.push(
      forecast(
        d.history.map((x) => [x]),
        c.h,
        c.m,
        'auto',
        0.95,
      ) as unknown[][],
    );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  let ok = 0;
  let sAuto = 0;
  let sNaive = 0;
  out.forEach((rows, i) => {
    const f = rows.map((r) => r[0] as number);
    const good = rows.every(
      (r) =>
        r.length === 3 &&
        r.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
        (r[1] as number) <= (r[0] as number) &&
        (r[0] as number) <= (r[2] as number),
    );
    if (good) ok++;
    const d = data[i];
    sAuto += smape(d.future, f);
    sNaive += smape(
      d.future,
      d.future.map((_, k) => d.history[d.history.length - c.m + (k % c.m)]),
    );
  });
  console.log(
    `| ${c.name} | ${c.rows} | ${wall.toFixed(0)} | ${cpuMs.toFixed(0)} | ${(cpuMs / c.rows).toFixed(2)} | ${(sAuto / c.rows).toFixed(2)} | ${(sNaive / c.rows).toFixed(2)} | ${ok}/${c.rows} |`,
  );
}
