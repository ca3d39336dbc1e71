// `npm run bench [name…]`: runs bench/<name>.bench.ts (all of them when no name is given) with tsx, one after
// another so that timings do not compete for the 2 cores. Each benchmark prints its own table with ratios
// against a peer measured in the same run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('bench');
const wanted = process.argv.slice(2);
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const run = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
if (run.length === 0) {
  console.error(`bench: nothing matches ${wanted.join(' ')} (have: ${all.join(', ') || 'none'})`);
  process.exit(2);
}
let failed = 0;
for (const f of run) {
  console.log(`\n=== bench/${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
