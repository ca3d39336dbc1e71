/**
 * How `auto` was chosen, without looking at the test sets: every candidate member is fitted to the training part
 * of each series less its last `horizon` values and scored on those held-back values ("holdout"); the chosen
 * combination is then confirmed on the real test parts ("test"). Both data sets are pooled for the choice, so
 * no choice is specific to one of them.
 *
 * Run from the repo root: `npx esbuild bench/forecast/select.ts --bundle --platform=node
 * --outfile=bench/.out/select.cjs && node bench/.out/select.cjs holdout` (or `test`; add a candidate's name to print
 * it per frequency). Members are cached in bench/.out/members-<set>-<stage>.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type IntervalForecast,
  candidateModels,
  dampedForecast,
  fitEtsModel,
  forecastEts,
  isSeasonal,
  naiveForecast,
  seasonalAdjustment,
  seasonalNaiveForecast,
  selectEts,
  thetaForecast,
} from '../../src/forecast';
import { readSeries } from './series';

type Members = Record<string, IntervalForecast>;
interface Row {
  id: string;
  set: string;
  period: string;
  m: number;
  h: number;
  train: number[];
  test: number[];
  members: Members;
  ms: Record<string, number>;
}

const stage = process.argv[2] === 'test' ? 'test' : 'holdout';
const root = process.cwd();
const dataDir = path.resolve(root, '../shared/datasets');
const outDir = path.join(root, 'bench', '.out');

/** SES or Holt on the seasonally adjusted series, reseasonalised (the members of M4's "Comb"). */
function adjustedEts(y: readonly number[], m: number, h: number, trend: boolean): IntervalForecast | undefined {
  const adj = seasonalAdjustment(y, m);
  const fit = fitEtsModel(adj.adjusted, 1, { error: 'A', trend: trend ? 'A' : 'N', season: 'N', damped: false });
  if (!fit) return undefined;
  const f = forecastEts(fit, h, 0.95);
  const k = adj.future(h);
  const sc = (v?: number[]) => v?.map((x, i) => x * k[i]);
  return { mean: sc(f.mean)!, lower: sc(f.lower), upper: sc(f.upper), level: 0.95 };
}

/** The candidate members by name; each returns a 95 % interval forecast or undefined when it cannot be fitted. */
const MEMBERS: Record<string, (y: number[], m: number, h: number) => IntervalForecast | undefined> = {
  ets: (y, m, h) => forecastEts(selectEts(y, m), h, 0.95),
  etsS: (y, m, h) => {
    const seasonal = m > 1 && isSeasonal(y, m);
    const models = candidateModels(y, m).filter((s) => seasonal || s.season === 'N');
    return forecastEts(selectEts(y, m, { models }), h, 0.95);
  },
  etsSA: (y, m, h) => {
    const seasonal = m > 1 && isSeasonal(y, m);
    const models = candidateModels(y, m).filter(
      (s) => (seasonal || s.season === 'N') && (s.error === 'A' || s.season === 'M'),
    );
    return forecastEts(selectEts(y, m, { models }), h, 0.95);
  },
  etsSAf: (y, m, h) => {
    const seasonal = m > 1 && isSeasonal(y, m);
    const models = candidateModels(y, m).filter(
      (s) => (seasonal || s.season === 'N') && (s.error === 'A' || s.season === 'M'),
    );
    return forecastEts(selectEts(y, m, { models, fixSeasonalStates: true }), h, 0.95);
  },
  etsA: (y, m, h) => {
    const models = candidateModels(y, m).filter((s) => s.error === 'A' || s.season === 'M');
    return forecastEts(selectEts(y, m, { models }), h, 0.95);
  },
  etsAf: (y, m, h) => {
    const models = candidateModels(y, m).filter((s) => s.error === 'A' || s.season === 'M');
    return forecastEts(selectEts(y, m, { models, fixSeasonalStates: true }), h, 0.95);
  },
  theta: (y, m, h) => thetaForecast(y, m, h, 0.95),
  damped: (y, m, h) => dampedForecast(y, m, h, 0.95),
  ses: (y, m, h) => adjustedEts(y, m, h, false),
  holt: (y, m, h) => adjustedEts(y, m, h, true),
  naive: (y, _m, h) => naiveForecast(y, h, 0.95),
  snaive: (y, m, h) => (m > 1 && y.length >= m ? seasonalNaiveForecast(y, m, h, 0.95) : undefined),
};

/** Fits the members `row` lacks, timing each (CPU ms). */
function fillMembers(row: Row): void {
  for (const [name, make] of Object.entries(MEMBERS)) {
    if (name in row.ms) continue;
    const t0 = process.cpuUsage();
    try {
      const r = make(row.train, row.m, row.h);
      if (r) row.members[name] = r;
    } catch {
      /* not fittable */
    }
    const dt = process.cpuUsage(t0);
    row.ms[name] = (dt.user + dt.system) / 1000;
  }
}

function load(): Row[] {
  const rows: Row[] = [];
  for (const set of ['m1', 'tourism']) {
    const cache = path.join(outDir, `members-${set}-${stage}.json`);
    let part: Row[] = [];
    if (fs.existsSync(cache)) part = JSON.parse(fs.readFileSync(cache, 'utf8')) as Row[];
    else {
      for (const s of readSeries(path.join(dataDir, `${set}.jsonl`))) {
        const h = s.horizon;
        const m = s.frequency;
        let train = s.train;
        let test = s.test;
        if (stage === 'holdout') {
          if (s.train.length - h < Math.max(8, m + 4)) continue;
          train = s.train.slice(0, s.train.length - h);
          test = s.train.slice(s.train.length - h);
        }
        part.push({ id: s.id, set, period: s.period, m, h, train, test, members: {}, ms: {} });
      }
    }
    const before = JSON.stringify(part.map((r) => Object.keys(r.ms).length));
    for (const r of part) fillMembers(r);
    if (JSON.stringify(part.map((r) => Object.keys(r.ms).length)) !== before)
      fs.writeFileSync(cache, JSON.stringify(part));
    rows.push(...part);
  }
  return rows;
}

interface Acc {
  sp: number;
  pts: number;
  ss: number;
  n: number;
  mase: number;
  inside: number;
}
const blank = (): Acc => ({ sp: 0, pts: 0, ss: 0, n: 0, mase: 0, inside: 0 });

function add(acc: Acc, r: Row, f: IntervalForecast) {
  const m = r.m;
  let scale = 0;
  for (let t = m; t < r.train.length; t++) scale += Math.abs(r.train[t] - r.train[t - m]);
  scale /= r.train.length - m;
  let s = 0;
  let mae = 0;
  for (let i = 0; i < r.h; i++) {
    const a = r.test[i];
    const v = f.mean[i];
    const e = (200 * Math.abs(a - v)) / (Math.abs(a) + Math.abs(v));
    s += e;
    mae += Math.abs(a - v);
    if (f.lower && f.upper && a >= f.lower[i] && a <= f.upper[i]) acc.inside++;
  }
  acc.sp += s;
  acc.pts += r.h;
  acc.ss += s / r.h;
  acc.n++;
  acc.mase += scale > 0 ? mae / r.h / scale : 0;
}

type Pool = 'mean' | 'median';
function combine(fs: IntervalForecast[], pool: Pool): IntervalForecast {
  const h = fs[0].mean.length;
  const mean = new Array<number>(h);
  const lower = new Array<number>(h);
  const upper = new Array<number>(h);
  for (let i = 0; i < h; i++) {
    const v = fs.map((f) => f.mean[i]).sort((a, b) => a - b);
    mean[i] =
      pool === 'mean'
        ? v.reduce((a, b) => a + b, 0) / v.length
        : v.length % 2
          ? v[(v.length - 1) / 2]
          : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    lower[i] = Math.min(...fs.map((f) => f.lower?.[i] ?? Infinity));
    upper[i] = Math.max(...fs.map((f) => f.upper?.[i] ?? -Infinity));
  }
  return { mean, lower, upper, level: 0.95 };
}

const rows = load();
const specs: { name: string; parts: string[]; seasonalOnly?: string[]; pool: Pool }[] = [];
const bases = [
  ['ets', 'theta', 'damped'],
  ['etsS', 'theta', 'damped'],
  ['etsSA', 'theta', 'damped'],
  ['etsSAf', 'theta', 'damped'],
  ['etsA', 'theta'],
  ['etsAf', 'theta'],
  ['etsSAf', 'theta'],
  ['etsAf', 'theta', 'damped'],
  ['etsA', 'theta', 'damped'],
  ['etsA', 'theta', 'damped', 'ses'],
  ['etsSA', 'theta', 'damped', 'ses'],
  ['etsSA', 'theta'],
  ['etsA', 'theta'],
  ['etsSA', 'theta', 'damped', 'naive'],
  ['ses', 'holt', 'damped'],
  ['ets', 'theta', 'damped', 'ses'],
  ['etsS', 'theta', 'damped', 'ses'],
  ['etsS', 'theta', 'damped', 'holt'],
  ['etsS', 'theta', 'damped', 'naive'],
  ['etsS', 'theta', 'ses'],
  ['etsS', 'theta'],
  ['theta', 'damped'],
  ['etsS', 'theta', 'damped', 'ses', 'holt'],
];
for (const parts of bases)
  for (const pool of ['mean', 'median'] as Pool[])
    for (const sn of [true, false])
      specs.push({
        name: `${pool}(${parts.join(',')}${sn ? ',snaive*' : ''})`,
        parts,
        seasonalOnly: sn ? ['snaive'] : [],
        pool,
      });

const results: { name: string; bySet: Record<string, { sp: number; ss: number; mase: number; cov: number }> }[] = [];
const single = ['ets', 'etsS', 'etsSA', 'etsA', 'etsSAf', 'etsAf', 'theta', 'damped', 'ses', 'holt', 'naive'];
for (const name of single) specs.push({ name, parts: [name], pool: 'mean' });
for (const spec of specs) {
  const accs: Record<string, Acc> = {};
  for (const r of rows) {
    const parts = [...spec.parts, ...(r.m > 1 ? (spec.seasonalOnly ?? []) : [])]
      .map((p) => r.members[p])
      .filter((f): f is IntervalForecast => f !== undefined && f.mean.every(Number.isFinite));
    const f = parts.length === 0 ? r.members.naive : parts.length === 1 ? parts[0] : combine(parts, spec.pool);
    for (const k of [r.set, `${r.set}:${r.period}`]) add((accs[k] ??= blank()), r, f);
  }
  const bySet: Record<string, { sp: number; ss: number; mase: number; cov: number }> = {};
  for (const [k, a] of Object.entries(accs))
    bySet[k] = { sp: a.sp / a.pts, ss: a.ss / a.n, mase: a.mase / a.n, cov: a.inside / a.pts };
  results.push({ name: spec.name, bySet });
}
const theta = results.find((r) => r.name === 'theta')!.bySet;
console.log(
  `stage ${stage}: ${rows.filter((r) => r.set === 'm1').length} m1, ${rows.filter((r) => r.set === 'tourism').length} tourism series`,
);
console.log(
  'name | m1 sMAPE(all pts) | ratio to theta | m1 MASE | m1 cov | tour sMAPE(all pts) | ratio | tour MASE | tour cov | mean ratio',
);
const lines = results.map((r) => {
  const a = r.bySet.m1;
  const b = r.bySet.tourism;
  const ra = a.sp / theta.m1.sp;
  const rb = b.sp / theta.tourism.sp;
  return {
    key: (ra + rb) / 2,
    text: `${r.name} | ${a.sp.toFixed(2)} | ${ra.toFixed(3)} | ${a.mase.toFixed(3)} | ${(100 * a.cov).toFixed(1)} | ${b.sp.toFixed(2)} | ${rb.toFixed(3)} | ${b.mase.toFixed(3)} | ${(100 * b.cov).toFixed(1)} | ${((ra + rb) / 2).toFixed(4)}`,
  };
});
lines.sort((x, y) => x.key - y.key);
for (const l of lines) console.log(l.text);
const msum: Record<string, number> = {};
for (const r of rows) for (const [k, v] of Object.entries(r.ms)) msum[k] = (msum[k] ?? 0) + v;
console.log(
  'CPU ms/series:',
  Object.entries(msum)
    .map(([k, v]) => `${k} ${(v / rows.length).toFixed(2)}`)
    .join(', '),
);
if (process.argv[3]) {
  const want = results.find((r) => r.name === process.argv[3]);
  if (want) for (const [k, v] of Object.entries(want.bySet)) console.log(k, JSON.stringify(v));
}
