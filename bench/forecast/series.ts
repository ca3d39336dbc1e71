/** The forecast benchmark's series files (bench/.data/<set>.jsonl, one JSON series a line), read for both benches. */
import fs from 'node:fs';
import type { IntervalForecast } from '../../src/forecast';

/** One series: its training values, the held-out test values, the seasonal frequency and the horizon (periods). */
export interface Series {
  id: string;
  period: string;
  frequency: number;
  horizon: number;
  train: number[];
  test: number[];
}

/** Every series of a .jsonl file, in file order. */
export function readSeries(file: string): Series[] {
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Series);
}

/**
 * One history of select.ts's member cache (bench/.out/members-<set>-<stage>.json): the series cut at a holdout
 * origin (or its test split), each member's forecast and its CPU milliseconds. Read by select.ts and nonseasonal.ts.
 */
export interface MemberRow {
  id: string;
  set: string;
  period: string;
  m: number;
  h: number;
  train: number[];
  test: number[];
  members: Record<string, IntervalForecast>;
  ms: Record<string, number>;
}
