/**
 * How `auto` was chosen, without looking at the test sets: every candidate member is fitted to the training part
 * of each series less its last `horizon` values and scored on those held-back values ("holdout"); the chosen
 * combination is then confirmed on the real test parts ("test"). Both data sets are pooled for the choice, so
 * no choice is specific to one of them. "holdout2" holds back the `horizon` values before those (a second
 * origin); "holdouts" pools both origins. Candidates: `name:w` weights a member, `name*` joins only on
 * seasonal series (m > 1), `name~` only on non-seasonal ones; "median(…)" pools by the median, "mixed(…)" by
 * the mean on seasonal and the median on non-seasonal series.
 *
 * Run from the repo root: `npx esbuild bench/forecast/select.ts --bundle --platform=node
 * --outfile=bench/.out/select.cjs && node bench/.out/select.cjs holdout` (or `holdout2`, `holdouts`, `test`; add
 * candidates' names, separated by |, to print them per frequency). Members are cached in bench/.out/members-<set>-<stage>.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type IntervalForecast,
  autoEts,
  candidateModels,
  dampedForecast,
  driftForecast,
  fitEtsModel,
  forecastEts,
  isSeasonal,
  naiveForecast,
  seasonalAdjustment,
  seasonalNaiveForecast,
  selectEts,
  thetaForecast,
} from '../../src/forecast';
import { optimisedThetaForecast, sesDriftForecast } from './candidates';
import { seriesErrors } from './metrics';
import { type MemberRow, readSeries } from './series';

type Row = MemberRow;

type Stage = 'holdout' | 'holdout2' | 'test';
/** `holdouts` pools two origins: the last `horizon` training values (holdout) and the `horizon` before them. */
const stageArg = ['test', 'holdout2', 'holdouts'].includes(process.argv[2]) ? process.argv[2] : 'holdout';
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
  etsAuto: (y, m, h) => {
    const fit = autoEts(y, m);
    return fit ? forecastEts(fit, h, 0.95) : undefined;
  },
  theta: (y, m, h) => thetaForecast(y, m, h, 0.95),
  damped: (y, m, h) => dampedForecast(y, m, h, 0.95),
  ses: (y, m, h) => adjustedEts(y, m, h, false),
  holt: (y, m, h) => adjustedEts(y, m, h, true),
  naive: (y, _m, h) => naiveForecast(y, h, 0.95),
  snaive: (y, m, h) => (m > 1 && y.length > m ? seasonalNaiveForecast(y, m, h, 0.95) : undefined),
  // Fourth round: members for non-seasonal series only (m = 1).
  rwd: (y, m, h) => (m === 1 ? driftForecast(y, h, 0.95) : undefined),
  sesd: (y, m, h) => (m === 1 ? sesDriftForecast(y, h, 0.95) : undefined),
  otm: (y, m, h) => (m === 1 ? optimisedThetaForecast(y, h, 0.95, false) : undefined),
  otm2: (y, m, h) => (m === 1 ? optimisedThetaForecast(y, h, 0.95, false, 2) : undefined),
  dotm: (y, m, h) => (m === 1 ? optimisedThetaForecast(y, h, 0.95, true) : undefined),
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

function load(stage: Stage): Row[] {
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
        if (stage !== 'test') {
          const back = stage === 'holdout' ? h : 2 * h;
          const end = s.train.length - back;
          if (end < Math.max(8, m + 4)) continue;
          train = s.train.slice(0, end);
          test = s.train.slice(end, end + h);
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
  const e = seriesErrors(r.train, r.test, r.m, r.h, f.mean, f.lower, f.upper);
  acc.inside += e.inside;
  acc.sp += e.smapeSum;
  acc.pts += r.h;
  acc.ss += e.smapeSum / r.h;
  acc.n++;
  acc.mase += e.scale > 0 ? e.mae / e.scale : 0;
}

/** `mixed`: the mean on seasonal series (m > 1), the median on non-seasonal ones. */
type Pool = 'mean' | 'median' | 'mixed';
/** Pools the members' point forecasts (weighted mean or median) with the envelope of their intervals. */
function combine(fs: IntervalForecast[], pool: Pool, weights: number[]): IntervalForecast {
  const h = fs[0].mean.length;
  const mean = new Array<number>(h);
  const lower = new Array<number>(h);
  const upper = new Array<number>(h);
  const wsum = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < h; i++) {
    const v = fs.map((f) => f.mean[i]).sort((a, b) => a - b);
    mean[i] =
      pool === 'mean'
        ? fs.reduce((a, f, j) => a + weights[j] * f.mean[i], 0) / wsum
        : v.length % 2
          ? v[(v.length - 1) / 2]
          : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    lower[i] = Math.min(...fs.map((f) => f.lower?.[i] ?? Infinity));
    upper[i] = Math.max(...fs.map((f) => f.upper?.[i] ?? -Infinity));
  }
  return { mean, lower, upper, level: 0.95 };
}

const rows = stageArg === 'holdouts' ? [...load('holdout'), ...load('holdout2')] : load(stageArg as Stage);
/** A candidate: members (name or name:weight; a trailing * = seasonal series only), pooled by `pool`. */
const specs: { name: string; parts: string[]; pool: Pool }[] = [];
const bases = [
  ['etsAuto', 'theta', 'snaive*'],
  ['etsAuto', 'theta', 'damped', 'snaive*'],
  ['etsAuto', 'theta', 'damped'],
  ['etsAuto', 'theta'],
  ['etsAuto:2', 'theta', 'snaive*'],
  ['etsAuto:2', 'theta:2', 'snaive*'],
  ['etsAuto:3', 'theta:2', 'snaive*'],
  ['etsAuto:2', 'theta', 'damped', 'snaive*'],
  ['etsAuto:2', 'theta:2', 'damped', 'snaive*'],
  ['etsAuto', 'theta', 'damped', 'snaive*:0.5'],
  ['etsAuto', 'theta', 'ses', 'snaive*'],
  ['etsAuto', 'theta', 'holt', 'snaive*'],
  ['etsAuto', 'theta', 'damped', 'ses', 'snaive*'],
  ['etsAuto', 'theta', 'damped', 'naive', 'snaive*'],
  ['etsAf', 'theta', 'snaive*'],
  ['etsA', 'theta', 'snaive*'],
  ['ets', 'theta', 'damped', 'snaive*'],
  ['etsAuto', 'ets', 'theta', 'damped', 'snaive*'],
  ['etsAuto', 'etsA', 'theta', 'snaive*'],
  ['etsAuto', 'theta', 'damped~', 'snaive*'],
  ['etsAuto:2', 'theta:2', 'damped~', 'snaive*'],
  ['etsAuto', 'theta', 'holt~', 'snaive*'],
  ['etsAuto', 'theta', 'damped~', 'ses~', 'snaive*'],
  // Fourth round (non-seasonal members).
  ['etsAuto', 'theta*', 'dotm~', 'snaive*'],
  ['etsAuto', 'theta*', 'otm~', 'snaive*'],
  ['etsAuto', 'theta', 'dotm~', 'snaive*'],
  ['etsAuto', 'theta', 'otm~', 'snaive*'],
  ['etsAuto', 'theta', 'rwd~', 'snaive*'],
  ['etsAuto', 'theta', 'sesd~', 'snaive*'],
  ['etsAuto', 'theta', 'dotm~', 'damped~', 'snaive*'],
  ['etsAuto', 'theta', 'rwd~', 'damped~', 'snaive*'],
  ['etsAuto', 'theta', 'dotm~', 'rwd~', 'snaive*'],
  ['etsAuto', 'theta*', 'dotm~', 'rwd~', 'snaive*'],
  ['etsAuto', 'theta*', 'sesd~', 'snaive*'],
  ['etsAuto:2', 'theta:2', 'dotm~', 'snaive*'],
  // Fourth round, after seeing that rwd alone is the best single member on yearly holdouts of both sets
  // (weight 0: in the interval envelope, not in the point forecast).
  ['etsAuto*', 'etsAuto~:0', 'theta*', 'theta~:0', 'rwd~', 'snaive*'],
  ['etsAuto*', 'theta*', 'rwd~', 'snaive*'],
  ['etsAuto', 'theta', 'rwd~:2', 'snaive*'],
  ['etsAuto*', 'theta', 'rwd~', 'snaive*'],
  ['etsAuto', 'theta*', 'rwd~', 'snaive*'],
  ['etsAuto*', 'theta*', 'rwd~', 'dotm~', 'snaive*'],
  ['etsAuto*', 'etsAuto~:0', 'theta', 'rwd~', 'snaive*'],
  ['etsAuto', 'theta*', 'theta~:0', 'rwd~', 'snaive*'],
  ['etsAuto*', 'etsAuto~:0', 'theta*', 'theta~:0', 'rwd~', 'dotm~', 'snaive*'],
];
for (const [b, parts] of bases.entries())
  for (const pool of ['mean', 'median', 'mixed'] as Pool[]) {
    if (pool !== 'mean' && parts.some((p) => p.includes(':'))) continue;
    if (pool === 'mixed' && b < 23) continue; // fourth round only
    specs.push({ name: `${pool}(${parts.join(',')})`, parts, pool });
  }

const results: {
  name: string;
  bySet: Record<string, { sp: number; ss: number; mase: number; cov: number; n: number }>;
}[] = [];
const single = [
  'ets',
  'etsS',
  'etsSA',
  'etsA',
  'etsSAf',
  'etsAf',
  'etsAuto',
  'theta',
  'damped',
  'ses',
  'holt',
  'naive',
  'rwd',
  'sesd',
  'otm',
  'otm2',
  'dotm',
];
for (const name of single) specs.push({ name, parts: [name], pool: 'mean' });
for (const spec of specs) {
  const accs: Record<string, Acc> = {};
  for (const r of rows) {
    const picked = spec.parts
      .map((p) => {
        const [name, w] = p.split(':');
        // name* = seasonal series (m > 1) only; name~ = non-seasonal series (m = 1) only.
        const skip = (name.endsWith('*') && r.m === 1) || (name.endsWith('~') && r.m > 1);
        return { f: skip ? undefined : r.members[name.replace(/[*~]$/, '')], w: Number(w ?? 1) };
      })
      .filter((x): x is { f: IntervalForecast; w: number } => x.f !== undefined && x.f.mean.every(Number.isFinite));
    const parts = picked.map((x) => x.f);
    const weights = picked.map((x) => x.w);
    const f =
      parts.length === 0
        ? r.members.naive
        : parts.length === 1
          ? parts[0]
          : combine(parts, spec.pool === 'mixed' ? (r.m > 1 ? 'mean' : 'median') : spec.pool, weights);
    for (const k of [r.set, `${r.set}:${r.period}`]) add((accs[k] ??= blank()), r, f);
  }
  const bySet: Record<string, { sp: number; ss: number; mase: number; cov: number; n: number }> = {};
  for (const [k, a] of Object.entries(accs))
    bySet[k] = { sp: a.sp / a.pts, ss: a.ss / a.n, mase: a.mase / a.n, cov: a.inside / a.pts, n: a.n };
  results.push({ name: spec.name, bySet });
}
const theta = results.find((r) => r.name === 'theta')!.bySet;
console.log(
  `stage ${stageArg}: ${rows.filter((r) => r.set === 'm1').length} m1, ${rows.filter((r) => r.set === 'tourism').length} tourism series`,
);
console.log(
  'name | m1 sMAPE(all pts) | ratio to theta | m1 MASE | m1 cov | tour sMAPE(all pts) | ratio | tour MASE | tour cov | mean ratio | pooled MASE',
);
const lines = results.map((r) => {
  const a = r.bySet.m1;
  const b = r.bySet.tourism;
  const ra = a.sp / theta.m1.sp;
  const rb = b.sp / theta.tourism.sp;
  const pooledMase = (a.mase * a.n + b.mase * b.n) / (a.n + b.n);
  return {
    key: (ra + rb) / 2,
    text: `${r.name} | ${a.sp.toFixed(2)} | ${ra.toFixed(3)} | ${a.mase.toFixed(3)} | ${(100 * a.cov).toFixed(1)} | ${b.sp.toFixed(2)} | ${rb.toFixed(3)} | ${b.mase.toFixed(3)} | ${(100 * b.cov).toFixed(1)} | ${((ra + rb) / 2).toFixed(4)} | ${pooledMase.toFixed(4)}`,
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
for (const name of (process.argv[3] ?? '').split('|').filter(Boolean)) {
  const want = results.find((r) => r.name === name);
  if (!want) continue;
  console.log(name);
  for (const [k, v] of Object.entries(want.bySet))
    console.log(`  ${k}: sMAPE ${v.sp.toFixed(2)} MASE ${v.mase.toFixed(3)} cov ${(100 * v.cov).toFixed(1)} n ${v.n}`);
}
