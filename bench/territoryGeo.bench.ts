/**
 * `npm run bench territoryGeo`: compact territories (issue 24). Accounts clustered around 30 cities in a
 * 18° × 45° box, rep homes in the cities (by account count), two metrics as in bench/territory/books.ts, no current
 * owner (designing territories from scratch). SALESOPS.TERRITORY is called through the built dist/functions.js
 * with tolerance 0.02, the metrics range carrying Latitude/Longitude columns and the reps range Rep/Latitude/
 * Longitude columns. Compared with:
 *  - the nearest-home carve (each account to its nearest home: the most compact plan, unbalanced; its mean
 *    distance is a true lower bound for every plan);
 *  - a balanced baseline: the same call without coordinates (distance measured afterwards);
 *  - a bound: the transport LP "every rep within ±2 % of target on both metrics, least total distance", each
 *    account restricted to its 10 nearest homes plus the reps for which it is among their 3 × n / R nearest
 *    accounts, plus the arcs of the measured plans that are within ±2 % (without these the LP is infeasible on
 *    some books), solved by HiGHS (restricting the arcs makes
 *    it an estimate of the LP bound, not a proof: the full LP could use another arc; the carve's figure is the
 *    proven bound).
 * Mean distance: great-circle km from each account to its rep's home; "vs LP" is the ratio to the LP bound.
 *
 * Environment: BOOKS_GEO=5000x50,50000x200 (sizes), GEO_SEEDS=7 (seeds), GEO_CORE=1 (call the core's
 * solveHeuristic, bundled as it ships, instead of dist/functions.js), GEO_LP=10000 (largest account count whose LP
 * is solved; larger sizes use GEO_LP_KM=<n>x<R>:<km>,… when given, e.g. a bound solved once and recorded),
 * GEO_LP_LIMIT=120 (HiGHS time limit, s), GEO_LP_K=10 and GEO_LP_REACH=3 (the LP's arcs), GEO_WORK=<units> (with
 * GEO_CORE=1: the work cap, to see whether more work would help).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import highsLoader from 'highs';
import { createCustomFunctionsStub, isExcelError } from '../test/support/customFunctionsStub';
import { solveHeuristic } from '../src/territory/heuristic';
import { type GeoBook, geoBook } from './territory/geoBooks';

const ROOT = path.resolve(__dirname, '..');
const SIZES = (process.env.BOOKS_GEO ?? '5000x50,50000x200').split(',').map((s) => s.split('x').map(Number));
const SEEDS = (process.env.GEO_SEEDS ?? '7').split(',').map(Number);
const CORE = process.env.GEO_CORE === '1';
const LP_MAX = Number(process.env.GEO_LP ?? 10_000);
const LP_LIMIT = Number(process.env.GEO_LP_LIMIT ?? 120);
const LP_K = Number(process.env.GEO_LP_K ?? 10);
const LP_REACH = Number(process.env.GEO_LP_REACH ?? 3);
const LP_KNOWN = new Map(
  (process.env.GEO_LP_KM ?? '')
    .split(',')
    .filter((s) => s.includes(':'))
    .map((s) => [s.split(':')[0], Number(s.split(':')[1])] as const),
);
const TOL = 0.02;
const DEG = Math.PI / 180;

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * DEG) / 2);
  const s2 = Math.sin(((lon2 - lon1) * DEG) / 2);
  const h = s1 * s1 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * s2 * s2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function figures(b: GeoBook, plan: Int32Array): { dev: number; meanKm: number } {
  const sum = new Float64Array(2 * b.R);
  let tp = 0;
  let tw = 0;
  let d = 0;
  for (let a = 0; a < b.n; a++) {
    sum[2 * plan[a]] += b.pot[a];
    sum[2 * plan[a] + 1] += b.wl[a];
    tp += b.pot[a];
    tw += b.wl[a];
    d += km(b.lat[a], b.lon[a], b.hLat[plan[a]], b.hLon[plan[a]]);
  }
  let dev = 0;
  for (let r = 0; r < b.R; r++)
    dev = Math.max(dev, Math.abs(sum[2 * r] / (tp / b.R) - 1), Math.abs(sum[2 * r + 1] / (tw / b.R) - 1));
  return { dev, meanKm: d / b.n };
}

function nearest(b: GeoBook, a: number, count: number): number[] {
  const d = Array.from({ length: b.R }, (_, r) => km(b.lat[a], b.lon[a], b.hLat[r], b.hLon[r]));
  return Array.from({ length: b.R }, (_, r) => r)
    .sort((p, q) => d[p] - d[q] || p - q)
    .slice(0, count);
}

/** The LP bound's mean km per account (NaN when HiGHS did not prove optimality) and how it was found. */
async function lpBound(b: GeoBook, plans: readonly Int32Array[]): Promise<{ km: number; note: string }> {
  const highs = await highsLoader();
  const K = Math.min(LP_K, b.R);
  // Arcs: each account's K nearest homes, plus each rep's REACH × n / R nearest accounts (without them a rep far
  // from most accounts cannot fill its book and the restricted LP is infeasible).
  const arcs: Set<number>[] = Array.from({ length: b.n }, (_, a) => new Set(nearest(b, a, K)));
  const reach = Math.ceil((LP_REACH * b.n) / b.R);
  for (let r = 0; r < b.R; r++) {
    const d = Float64Array.from({ length: b.n }, (_, a) => km(b.lat[a], b.lon[a], b.hLat[r], b.hLon[r]));
    const order = Array.from({ length: b.n }, (_, a) => a).sort((p, q) => d[p] - d[q] || p - q);
    for (let i = 0; i < Math.min(reach, b.n); i++) arcs[order[i]].add(r);
  }
  // And the arcs of the plans measured (so the LP is feasible whenever one of them is within ±2 %).
  for (const plan of plans) for (let a = 0; a < b.n; a++) arcs[a].add(plan[a]);
  const colA: number[] = [];
  const colR: number[] = [];
  const cost: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (let a = 0; a < b.n; a++) {
    for (const r of [...arcs[a]].sort((p, q) => p - q)) {
      indices.push(colA.length);
      values.push(1);
      colA.push(a);
      colR.push(r);
      cost.push(km(b.lat[a], b.lon[a], b.hLat[r], b.hLon[r]));
    }
    lo.push(1);
    hi.push(1);
    starts.push(indices.length);
  }
  const nc = colA.length;
  const byRep: number[][] = Array.from({ length: b.R }, () => []);
  for (let q = 0; q < nc; q++) byRep[colR[q]].push(q);
  let tp = 0;
  let tw = 0;
  for (let a = 0; a < b.n; a++) {
    tp += b.pot[a];
    tw += b.wl[a];
  }
  for (let r = 0; r < b.R; r++)
    for (const [vals, t] of [
      [b.pot, tp / b.R],
      [b.wl, tw / b.R],
    ] as const) {
      for (const q of byRep[r]) {
        indices.push(q);
        values.push(vals[colA[q]]);
      }
      lo.push(t * (1 - TOL));
      hi.push(t * (1 + TOL));
      starts.push(indices.length);
    }
  const numRows = lo.length;
  const t0 = performance.now();
  return highs.withModel<{ km: number; note: string }>(
    {
      numCols: nc,
      numRows,
      offset: 0,
      colCost: Float64Array.from(cost),
      colLower: new Float64Array(nc),
      colUpper: new Float64Array(nc).fill(1),
      rowLower: lo,
      rowUpper: hi,
      matrix: { format: 'csr', numRows, numCols: nc, starts, indices, values },
    },
    (hm) => {
      hm.options.set({ output_flag: false, time_limit: LP_LIMIT });
      const run = hm.run();
      const obj = Number(hm.info.get('objective_function_value'));
      const s = ((performance.now() - t0) / 1000).toFixed(1);
      return run.modelStatus === highs.constants.modelStatus.optimal
        ? { km: obj / b.n, note: `LP optimal, HiGHS ${s} s` }
        : { km: NaN, note: `LP status ${run.modelStatus} after ${s} s` };
    },
  );
}

function load(): (...args: unknown[]) => unknown {
  const req = createRequire(path.join(ROOT, 'package.json'));
  (req('./test/support/build.js') as { ensureFunctionsBuilt(): void }).ensureFunctionsBuilt();
  const stub = createCustomFunctionsStub();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = stub;
  vm.runInThisContext(fs.readFileSync(path.join(ROOT, 'dist', 'functions.js'), 'utf8'), { filename: 'functions.js' });
  return stub.associations.get('TERRITORY')!;
}

type Territory = (...args: unknown[]) => unknown;

/** One call with tolerance 0.02 (through TERRITORY, or the core with GEO_CORE=1): its plan's figures and times. */
function call(fn: Territory, b: GeoBook, withGeo: boolean) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = CORE ? callCore(b, withGeo) : callSheet(fn, b, withGeo);
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  return { ...figures(b, plan), plan, wall, cpu: (cu.user + cu.system) / 1e6 };
}

function callCore(b: GeoBook, withGeo: boolean): Int32Array {
  return solveHeuristic(
    {
      metrics: [b.pot, b.wl],
      reps: Array.from({ length: b.R }, (_, r) => ({
        name: `Rep ${r + 1}`,
        home: withGeo ? { lat: b.hLat[r], lon: b.hLon[r] } : undefined,
      })),
      coordinates: withGeo ? { lat: b.lat, lon: b.lon } : undefined,
    },
    { tolerance: TOL, maxWork: process.env.GEO_WORK ? Number(process.env.GEO_WORK) : undefined },
  ).assignment;
}

function callSheet(fn: Territory, b: GeoBook, withGeo: boolean): Int32Array {
  const metrics: unknown[][] = [
    withGeo ? ['Potential', 'Workload', 'Latitude', 'Longitude'] : ['Potential', 'Workload'],
  ];
  for (let a = 0; a < b.n; a++) metrics.push(withGeo ? [b.pot[a], b.wl[a], b.lat[a], b.lon[a]] : [b.pot[a], b.wl[a]]);
  const reps: unknown[][] = withGeo ? [['Rep', 'Latitude', 'Longitude']] : [['Rep']];
  for (let r = 0; r < b.R; r++) reps.push(withGeo ? [`Rep ${r + 1}`, b.hLat[r], b.hLon[r]] : [`Rep ${r + 1}`]);
  const out = fn(metrics, reps, null, null, null, TOL);
  if (isExcelError(out)) throw new Error(`${out.code} ${out.message}`);
  const rows = out as unknown[][];
  const plan = new Int32Array(b.n);
  for (let a = 0; a < b.n; a++) plan[a] = Number(String(rows[a + 1][0]).slice(4)) - 1;
  return plan;
}

async function main(): Promise<void> {
  const fn = CORE ? () => undefined : load();
  console.log(
    `territoryGeo: ${CORE ? 'core solveHeuristic' : 'dist/functions.js'}, node ${process.version}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log('| accounts × reps | seed | plan | time (wall / CPU s) | largest deviation | mean km to home | vs LP |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [n, R] of SIZES)
    for (const seed of SEEDS) {
      const b = geoBook(n, R, seed);
      const carve = new Int32Array(n);
      for (let a = 0; a < n; a++) carve[a] = nearest(b, a, 1)[0];
      const fc = figures(b, carve);
      const base = call(fn, b, false);
      const geo = call(fn, b, true);
      const within = [base, geo].filter((x) => x.dev <= TOL + 1e-9).map((x) => x.plan);
      const lp =
        n <= LP_MAX
          ? await lpBound(b, within)
          : LP_KNOWN.has(`${n}x${R}`)
            ? { km: LP_KNOWN.get(`${n}x${R}`)!, note: 'recorded' }
            : undefined;
      const vs = (mk: number) => (lp && Number.isFinite(lp.km) ? `${(100 * (mk / lp.km - 1)).toFixed(1)} %` : '—');
      const row = (plan: string, t: string, dev: number, mk: number) =>
        console.log(
          `| ${n} × ${R} | ${seed} | ${plan} | ${t} | ${(100 * dev).toFixed(2)} % | ${mk.toFixed(1)} | ${vs(mk)} |`,
        );
      row('nearest-home carve (proven bound on distance)', '—', fc.dev, fc.meanKm);
      row(
        'balanced baseline: TERRITORY(…, tolerance 0.02) without coordinates',
        `${base.wall.toFixed(2)} / ${base.cpu.toFixed(2)}`,
        base.dev,
        base.meanKm,
      );
      row(
        'TERRITORY(…, tolerance 0.02) with Latitude/Longitude',
        `${geo.wall.toFixed(2)} / ${geo.cpu.toFixed(2)}`,
        geo.dev,
        geo.meanKm,
      );
      if (lp)
        console.log(
          `| ${n} × ${R} | ${seed} | transport LP, ±2 %, arcs: ${LP_K} nearest homes, ${LP_REACH}× share reach, the plans above within ±2 % (${lp.note}) | — | ≤ 2.00 % | ${lp.km.toFixed(1)} | — |`,
        );
    }
}

void main();
