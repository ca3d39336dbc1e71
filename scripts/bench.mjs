// `npm run bench [name…]`: runs bench/<name>.bench.ts (all of them when no name is given), one after another so
// that timings do not compete for the 2 cores. Each benchmark prints its own table with ratios against a peer
// measured in the same run.
//
// Each bench is first bundled with esbuild (our sources in one module, packages left as imports), the way webpack
// ships functions.js: calls between our modules are then direct calls, as in the add-in. (Run through tsx's
// per-file transform, every cross-module call goes through an export getter, which made the comp adapters look
// about 3× slower than what ships.)
import { build } from 'esbuild';
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
  const out = path.join(dir, '.out', 'bundles', f.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [path.join(dir, f)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    define: { __dirname: JSON.stringify(dir) },
    logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, [out], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
