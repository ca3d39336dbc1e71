/**
 * Fourth round of issue 22, a check on holdout data only: the random walk with drift against the mean of ETS and
 * Theta on the non-seasonal holdout histories — yearly series (declared without a season) and monthly/quarterly
 * series in which `detectSeasonLength` finds none — with rules on the series' own properties (lag-1
 * autocorrelation of the changes, a t-test of the drift, length). Reads the member caches of select.ts (run
 * `node bench/.out/select.cjs holdouts` first). Run from the repo root: `npx esbuild bench/forecast/nonseasonal.ts
 * --bundle --platform=node --outfile=bench/.out/nonseasonal.cjs && node bench/.out/nonseasonal.cjs`.
 */
import fs from 'node:fs';
import {
  autoEts,
  combineForecasts,
  detectSeasonLength,
  driftForecast,
  forecastEts,
  thetaForecast,
  type IntervalForecast,
} from '../../src/forecast';
import { seriesErrors } from './metrics';
import type { MemberRow } from './series';
function r1diff(y: readonly number[]): number {
  const d = y.slice(1).map((v, i) => v - y[i]);
  const mu = d.reduce((a, b) => a + b, 0) / d.length;
  let num = 0,
    den = 0;
  for (let i = 0; i < d.length; i++) {
    den += (d[i] - mu) ** 2;
    if (i > 0) num += (d[i] - mu) * (d[i - 1] - mu);
  }
  return den > 0 ? num / den : 0;
}
type Cand = (p: {
  ets?: IntervalForecast;
  theta: IntervalForecast;
  drift: IntervalForecast;
  r1: number;
  y: number[];
}) => IntervalForecast;
const env = (ps: IntervalForecast[], mean: number[]) => ({ ...combineForecasts(ps, 0.95), mean });
const parts3 = (p: Parameters<Cand>[0]) => [...(p.ets ? [p.ets] : []), p.theta, p.drift];
const cands: Record<string, Cand> = {
  current: (p) => combineForecasts([...(p.ets ? [p.ets] : []), p.theta], 0.95),
  drift: (p) => env(parts3(p), p.drift.mean),
  mean3: (p) => combineForecasts(parts3(p), 0.95),
  'mean(theta,drift)': (p) => env(parts3(p), combineForecasts([p.theta, p.drift], 0.95).mean),
};
function tstat(y: readonly number[]): number {
  const n = y.length;
  const c = (y[n - 1] - y[0]) / (n - 1);
  let ss = 0;
  for (let t = 1; t < n; t++) ss += (y[t] - y[t - 1] - c) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 2));
  return sd > 0 ? Math.abs(c) / (sd / Math.sqrt(n - 1)) : Infinity;
}
for (const tau of [1, 1.645, 1.96, 2.576])
  cands[`drift if |t|>=${tau}`] = (p) => (tstat(p.y) >= tau ? cands.drift(p) : cands.current(p));
for (const L of [30, 50]) cands[`drift if n<=${L}`] = (p) => (p.y.length <= L ? cands.drift(p) : cands.current(p));
const acc: Record<string, Record<string, { n: number; pts: number; s: number; m: number; c: number }>> = {};
const r1s: Record<string, number[]> = {};
for (const f of ['m1-holdout', 'm1-holdout2', 'tourism-holdout', 'tourism-holdout2']) {
  const rows = JSON.parse(fs.readFileSync(`bench/.out/members-${f}.json`, 'utf8')) as MemberRow[];
  for (const r of rows) {
    if (r.m !== 1 && detectSeasonLength(r.train) !== 1) continue;
    const group = r.m === 1 ? `${r.set}:yearly` : `${r.set}:sub-annual, none detected`;
    const fit = autoEts(r.train, 1);
    const p = {
      ets: fit ? forecastEts(fit, r.h, 0.95) : undefined,
      theta: thetaForecast(r.train, 1, r.h, 0.95),
      drift: driftForecast(r.train, r.h, 0.95),
      r1: r1diff(r.train),
      y: r.train,
    };
    (r1s[group] ??= []).push(p.r1);
    for (const [name, c] of Object.entries(cands)) {
      const fc = c(p);
      const e = seriesErrors(r.train, r.test, r.m, r.h, fc.mean, fc.lower, fc.upper);
      const a = ((acc[group] ??= {})[name] ??= { n: 0, pts: 0, s: 0, m: 0, c: 0 });
      a.n++;
      a.pts += r.h;
      a.s += e.smapeSum;
      a.m += e.scale > 0 ? e.mae / e.scale : 0;
      a.c += e.inside;
    }
  }
}
for (const [g, byName] of Object.entries(acc)) {
  const q = r1s[g].sort((a, b) => a - b);
  void q;
  console.log(
    `${g} (n ${q.length}; r1 quartiles ${[0.25, 0.5, 0.75].map((p) => q[Math.floor(p * q.length)].toFixed(2)).join(' ')})`,
  );
  for (const [name, a] of Object.entries(byName))
    console.log(
      `  ${name}: sMAPE ${(a.s / a.pts).toFixed(2)} MASE ${(a.m / a.n).toFixed(3)} cov ${((100 * a.c) / a.pts).toFixed(1)}`,
    );
}
