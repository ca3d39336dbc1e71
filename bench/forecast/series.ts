/** The forecast benchmark's series files (bench/.data/<set>.jsonl, one JSON series a line), read for both benches. */
import fs from 'node:fs';

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
