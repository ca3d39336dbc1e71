/**
 * Forecast accuracy and speed against R's forecast package, in one command: `npm run bench forecast`.
 *
 * For each data set (M1, Tourism: JSON lines with train/test/horizon/frequency), runs bench/forecast/peer.R
 * with Rscript (forecast(ets(x), h) and thetaf(x, h), 95 % intervals), then the project's methods on the same
 * series, and prints sMAPE (%) and MASE per frequency and overall (means over series), sMAPE averaged over all
 * forecasts (every series × horizon point weighted equally, as the M competitions report it), 95 % interval coverage
 * (share of test points inside), CPU time per series (user + system, both sides, so that other load on a shared
 * machine does not count), and ratios to R. The row "auto before" is the `auto` of before issue 22 (the mean of
 * our ets, theta, damped and, for seasonal data, snaive, with the envelope of their intervals), assembled from
 * those rows' forecasts; its CPU time is the sum of theirs.
 *
 * Environment: FORECAST_BENCH_DATA (default ../shared/datasets from the repo root), FORECAST_BENCH_SETS
 * (default "m1,tourism"), FORECAST_BENCH_STRIDE (every k-th series, a subset with every frequency in
 * proportion), FORECAST_BENCH_LIMIT (at most N series of each set after the stride), FORECAST_BENCH_FRESH_R=1.
 * R's results (forecasts and CPU seconds per series) are cached by series id in bench/.out/forecast-r-<set>.jsonl:
 * R runs only on series missing from the cache (R's ets over all 2,312 series takes an hour of CPU), unless
 * FORECAST_BENCH_FRESH_R=1 empties the cache first. R's ets is deterministic, so cached forecasts are R's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ForecastMethod, combineForecasts, forecastSeries } from '../src/forecast';
import { seriesErrors } from './forecast/metrics';
import { type Series, readSeries } from './forecast/series';

interface PeerPart {
  mean: number[];
  lower: number[];
  upper: number[];
  seconds: number;
  method?: string;
}
interface PeerRecord {
  id: string;
  ets: PeerPart;
  theta: PeerPart;
}
interface Score {
  smape: number;
  /** Sum of the sMAPE of every point (÷ points gives the all-forecasts mean). */
  smapeSum: number;
  h: number;
  mase: number;
  inside: number;
  points: number;
  ms: number;
}

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(root, process.env.FORECAST_BENCH_DATA ?? '../shared/datasets');
const sets = (process.env.FORECAST_BENCH_SETS ?? 'm1,tourism').split(',').map((s) => s.trim());
const limit = process.env.FORECAST_BENCH_LIMIT ? Number(process.env.FORECAST_BENCH_LIMIT) : Infinity;
const outDir = path.join(root, 'bench', '.out');
fs.mkdirSync(outDir, { recursive: true });

const OURS: ForecastMethod[] = ['auto', 'ets', 'theta', 'damped', 'naive', 'snaive'];

function score(s: Series, mean: number[], lower: number[] | undefined, upper: number[] | undefined, ms: number): Score {
  const e = seriesErrors(s.train, s.test, s.frequency, s.horizon, mean, lower, upper);
  return {
    smape: e.smapeSum / s.horizon,
    smapeSum: e.smapeSum,
    h: s.horizon,
    mase: e.mae / e.scale,
    inside: e.inside,
    points: lower ? s.horizon : 0,
    ms,
  };
}

function summarise(scores: Score[]) {
  const n = scores.length;
  const points = scores.reduce((a, s) => a + s.points, 0);
  return {
    smape: scores.reduce((a, s) => a + s.smape, 0) / n,
    smapePoints: scores.reduce((a, s) => a + s.smapeSum, 0) / scores.reduce((a, s) => a + s.h, 0),
    mase: scores.reduce((a, s) => a + s.mase, 0) / n,
    coverage: points ? scores.reduce((a, s) => a + s.inside, 0) / points : NaN,
    ms: scores.reduce((a, s) => a + s.ms, 0) / n,
  };
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');

for (const set of sets) {
  const file = path.join(dataDir, `${set}.jsonl`);
  const all = readSeries(file);
  const stride = Number(process.env.FORECAST_BENCH_STRIDE ?? 1);
  const series = all.filter((_, i) => i % stride === 0).slice(0, limit);
  const peerFile = path.join(outDir, `forecast-r-${set}.jsonl`);
  if (process.env.FORECAST_BENCH_FRESH_R === '1' && fs.existsSync(peerFile)) fs.unlinkSync(peerFile);
  const readPeer = () =>
    fs.existsSync(peerFile)
      ? fs
          .readFileSync(peerFile, 'utf8')
          .split('\n')
          .filter((l) => l.trim().endsWith('}'))
          .map((l) => JSON.parse(l) as PeerRecord)
      : [];
  const cached = new Set(readPeer().map((p) => p.id));
  const missing = series.filter((s) => !cached.has(s.id));
  if (missing.length > 0) {
    const input = path.join(outDir, `forecast-r-${set}-input.jsonl`);
    const output = path.join(outDir, `forecast-r-${set}-new.jsonl`);
    fs.writeFileSync(input, missing.map((s) => JSON.stringify(s)).join('\n') + '\n');
    const t0 = performance.now();
    const r = spawnSync('Rscript', [path.join(root, 'bench', 'forecast', 'peer.R'), input, output], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0)
      throw new Error(`Rscript failed (status ${r.status}); is R with the forecast package installed?`);
    fs.appendFileSync(peerFile, fs.readFileSync(output, 'utf8'));
    console.log(
      `R: ${missing.length} series in ${((performance.now() - t0) / 1000).toFixed(1)} s (wall, incl. start-up)`,
    );
  }
  const peer = readPeer();
  const byId = new Map(peer.map((p) => [p.id, p]));

  const scores = new Map<string, Score[]>();
  const add = (method: string, s: Series, sc: Score) => {
    const k = `${method}|${s.period}`;
    if (!scores.has(k)) scores.set(k, []);
    scores.get(k)!.push(sc);
  };
  // Warm up the JIT on a few series so that per-series times are steady-state, as R's are after loading.
  for (const s of series.slice(0, 5))
    forecastSeries(s.train, s.horizon, {
      seasonality: s.frequency === 1 ? 0 : s.frequency,
      method: 'auto',
      level: 0.95,
    });
  for (const s of series) {
    const p = byId.get(s.id);
    if (!p) throw new Error(`R output has no series ${s.id}`);
    add('R ets', s, score(s, p.ets.mean, p.ets.lower, p.ets.upper, p.ets.seconds * 1000));
    add('R thetaf', s, score(s, p.theta.mean, p.theta.lower, p.theta.upper, p.theta.seconds * 1000));
    const got = new Map<string, { f: ReturnType<typeof forecastSeries>; ms: number }>();
    for (const method of OURS) {
      const t0 = process.cpuUsage();
      const f = forecastSeries(s.train, s.horizon, {
        seasonality: s.frequency === 1 ? 0 : s.frequency,
        method,
        level: 0.95,
      });
      const dt = process.cpuUsage(t0);
      const ms = (dt.user + dt.system) / 1000;
      got.set(method, { f, ms });
      add(method, s, score(s, f.mean, f.lower, f.upper, ms));
    }
    const members = ['ets', 'theta', 'damped', ...(s.frequency > 1 ? ['snaive'] : [])].map((k) => got.get(k)!);
    const before = combineForecasts(
      members.map((x) => x.f),
      0.95,
    );
    const beforeMs = members.reduce((a, x) => a + x.ms, 0);
    add('auto before', s, score(s, before.mean, before.lower, before.upper, beforeMs));
  }
  const periods = [...new Set(series.map((s) => s.period))];
  const methods = ['R ets', 'R thetaf', 'auto before', ...OURS];
  const overall = (method: string) => summarise(periods.flatMap((p) => scores.get(`${method}|${p}`) ?? []));
  const rEts = overall('R ets');
  const rTheta = overall('R thetaf');
  const head = [
    'method',
    ...periods.map((p) => `sMAPE ${p.toLowerCase()}`),
    'sMAPE all (series mean)',
    'sMAPE all forecasts',
    ...periods.map((p) => `MASE ${p.toLowerCase()}`),
    'MASE all',
    '95% coverage',
    'CPU ms/series',
    'time vs R ets',
    'sMAPE vs best R',
    'MASE vs best R',
    'sMAPE all forecasts vs R thetaf',
  ];
  const rows = methods.map((m) => {
    const o = overall(m);
    return [
      m,
      ...periods.map((p) => f2(summarise(scores.get(`${m}|${p}`)!).smape)),
      f2(o.smape),
      f2(o.smapePoints),
      ...periods.map((p) => f3(summarise(scores.get(`${m}|${p}`)!).mase)),
      f3(o.mase),
      Number.isFinite(o.coverage) ? `${(100 * o.coverage).toFixed(1)}%` : '–',
      o.ms.toFixed(2),
      `${(rEts.ms / o.ms).toFixed(1)}× faster`,
      f3(o.smape / Math.min(rEts.smape, rTheta.smape)),
      f3(o.mase / Math.min(rEts.mase, rTheta.mase)),
      f3(o.smapePoints / rTheta.smapePoints),
    ];
  });
  const counts = periods.map((p) => `${p.toLowerCase()} ${series.filter((s) => s.period === p).length}`).join(', ');
  console.log(`\n### ${set} (${series.length} series${stride > 1 ? `, 1 in ${stride}` : ''}: ${counts})\n`);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('\nRatios below 1 in the last two columns mean more accurate than the better of R ets and R thetaf.');
}
