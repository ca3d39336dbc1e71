/**
 * `npm run bench territoryGeo`: compact territories (issue 24). Accounts clustered around 30 cities in a
 * 18° × 45° box, rep homes in the cities (by account count), two metrics as in bench/territory/books.ts, no current
 * owner (designing territories from scratch). SALESOPS.TERRITORY is called through the built dist/functions.js
 * with tolerance 0.02, the metrics range carrying Latitude/Longitude columns and the reps range Rep/Latitude/
 * Longitude columns. Compared with:
 *  - the nearest-home carve (each account to its nearest home: the most compact plan, unbalanced; its mean
 *    distance is a true lower bound for every plan);
 *  - a balanced baseline: the same call without coordinates (distance measured afterwards);
 *  - the LP bound: the transport LP "every rep within ±2 % of target on both metrics, least total distance" on
 *    every (account, rep) arc, solved by column generation with HiGHS (see lpBound). It is a lower bound on the
 *    mean distance of every plan within ±2 %. (Before, the bench solved the LP on some arcs only, an estimate
 *    that moved with the plans measured and read 7 % high at 50,000 × 200.)
 * Mean distance: great-circle km from each account to its rep's home; "vs LP" is the ratio to the LP bound.
 *
 * Environment: BOOKS_GEO=5000x50,50000x200 (sizes), GEO_SEEDS=7 (seeds), GEO_CORE=1 (call the core's
 * solveHeuristic, bundled as it ships, instead of dist/functions.js), GEO_LP=10000 (largest account count whose LP
 * is solved; larger sizes use GEO_LP_KM=<n>x<R>:<km>,… when given, e.g. a bound solved once and recorded),
 * GEO_LP_LIMIT=120 (HiGHS time limit per round, s), GEO_LP_K=10 and GEO_LP_REACH=3 (the LP's first arcs),
 * GEO_LP_ROUNDS=12 (column generation rounds at most), GEO_WORK=<units> (with
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
const LP_ROUNDS = Number(process.env.GEO_LP_ROUNDS ?? 12);
/** Reduced cost (km) below which an arc joins the LP: HiGHS's dual tolerance leaves a few at −10⁻⁶ for ever. */
const PRICED_BELOW = 1e-4;
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

/**
 * The LP bound's mean km per account, by column generation: the transport LP ("every rep within ±2 % of target on
 * both metrics, least total distance") starts on each account's LP_K nearest homes, the reps for which it is among
 * their LP_REACH × n / R nearest accounts, and the arcs of `plans` (the measured plans within ±2 %: without them the
 * first LP is infeasible on some books). Each round HiGHS solves the LP on the arcs so far; its row prices y then
 * give, for every (account, rep) pair, the reduced cost km − u_a − Σ_m y_rm · v_am, and each account's (up to 5)
 * most negative arcs join the LP. The same prices give the Lagrangian bound
 *   Σ_a min_r (km_ar − Σ_m y_rm · v_am) + Σ_rm (y_rm > 0 ? y_rm · lo_rm : y_rm · hi_rm),
 * a lower bound on every plan within ±2 % whatever y is (each plan's km is at least its Lagrangian); the best over
 * the rounds is reported, and equals the full LP once no arc prices below zero. NaN when HiGHS did not prove a
 * round optimal.
 */
async function lpBound(b: GeoBook, plans: readonly Int32Array[]): Promise<{ km: number; note: string }> {
  const highs = await highsLoader();
  const { n, R } = b;
  const dist = new Float64Array(n * R);
  for (let a = 0; a < n; a++)
    for (let r = 0; r < R; r++) dist[a * R + r] = km(b.lat[a], b.lon[a], b.hLat[r], b.hLon[r]);
  const K = Math.min(LP_K, R);
  const arcs: Set<number>[] = Array.from({ length: n }, (_, a) => new Set(nearest(b, a, K)));
  const reach = Math.ceil((LP_REACH * n) / R);
  for (let r = 0; r < R; r++) {
    const order = Array.from({ length: n }, (_, a) => a).sort((p, q) => dist[p * R + r] - dist[q * R + r] || p - q);
    for (let i = 0; i < Math.min(reach, n); i++) arcs[order[i]].add(r);
  }
  for (const plan of plans) for (let a = 0; a < n; a++) arcs[a].add(plan[a]);
  let tp = 0;
  let tw = 0;
  for (let a = 0; a < n; a++) {
    tp += b.pot[a];
    tw += b.wl[a];
  }
  const lo = [(tp / R) * (1 - TOL), (tw / R) * (1 - TOL)];
  const hi = [(tp / R) * (1 + TOL), (tw / R) * (1 + TOL)];
  const t0 = performance.now();
  let bound = -Infinity;
  let last = NaN;
  let rounds = 0;
  for (; rounds < LP_ROUNDS;) {
    rounds++;
    const solved = restrictedLp(highs, b, arcs, dist, lo, hi);
    if (solved === undefined)
      return { km: NaN, note: `round ${rounds} not optimal after ${((performance.now() - t0) / 1000).toFixed(0)} s` };
    last = solved.km;
    const y = solved.rowDual;
    let lagrangian = 0;
    for (let r = 0; r < R; r++)
      for (let m = 0; m < 2; m++) {
        const yr = y[n + 2 * r + m];
        lagrangian += yr > 0 ? yr * lo[m] : yr * hi[m];
      }
    let added = 0;
    const cand: [number, number][] = [];
    for (let a = 0; a < n; a++) {
      let least = Infinity;
      cand.length = 0;
      for (let r = 0; r < R; r++) {
        const priced = dist[a * R + r] - y[n + 2 * r] * b.pot[a] - y[n + 2 * r + 1] * b.wl[a];
        least = Math.min(least, priced);
        if (!arcs[a].has(r) && priced - y[a] < -PRICED_BELOW) cand.push([priced, r]);
      }
      lagrangian += least;
      cand.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      for (const [, r] of cand.slice(0, 5)) arcs[a].add(r);
      added += Math.min(5, cand.length);
    }
    bound = Math.max(bound, lagrangian / n);
    if (added === 0 || last - bound < 1e-5 * last) break;
  }
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  return {
    km: bound,
    note: `column generation, ${rounds} rounds, last restricted LP ${last.toFixed(1)} km, HiGHS and pricing ${s} s`,
  };
}

/** The transport LP on `arcs` (see lpBound): mean km per account and the row prices, or undefined if not optimal. */
function restrictedLp(
  highs: Awaited<ReturnType<typeof highsLoader>>,
  b: GeoBook,
  arcs: readonly Set<number>[],
  dist: Float64Array,
  lo: readonly number[],
  hi: readonly number[],
): { km: number; rowDual: Float64Array } | undefined {
  const colA: number[] = [];
  const colR: number[] = [];
  const cost: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLo: number[] = [];
  const rowHi: number[] = [];
  for (let a = 0; a < b.n; a++) {
    for (const r of [...arcs[a]].sort((p, q) => p - q)) {
      indices.push(colA.length);
      values.push(1);
      colA.push(a);
      colR.push(r);
      cost.push(dist[a * b.R + r]);
    }
    rowLo.push(1);
    rowHi.push(1);
    starts.push(indices.length);
  }
  const nc = colA.length;
  const byRep: number[][] = Array.from({ length: b.R }, () => []);
  for (let q = 0; q < nc; q++) byRep[colR[q]].push(q);
  for (let r = 0; r < b.R; r++)
    [b.pot, b.wl].forEach((vals, m) => {
      for (const q of byRep[r]) {
        indices.push(q);
        values.push(vals[colA[q]]);
      }
      rowLo.push(lo[m]);
      rowHi.push(hi[m]);
      starts.push(indices.length);
    });
  const numRows = rowLo.length;
  return highs.withModel<{ km: number; rowDual: Float64Array } | undefined>(
    {
      numCols: nc,
      numRows,
      offset: 0,
      colCost: Float64Array.from(cost),
      colLower: new Float64Array(nc),
      colUpper: new Float64Array(nc).fill(1),
      rowLower: rowLo,
      rowUpper: rowHi,
      matrix: { format: 'csr', numRows, numCols: nc, starts, indices, values },
    },
    (hm) => {
      hm.options.set({ output_flag: false, time_limit: LP_LIMIT });
      const run = hm.run();
      if (run.modelStatus !== highs.constants.modelStatus.optimal) return undefined;
      const obj = Number(hm.info.get('objective_function_value'));
      return { km: obj / b.n, rowDual: Float64Array.from(hm.getSolution().rowDual) };
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
          `| ${n} × ${R} | ${seed} | LP bound: transport LP, ±2 %, on every arc (${lp.note}) | — | ≤ 2.00 % | ${lp.km.toFixed(1)} | — |`,
        );
    }
}

void main();
