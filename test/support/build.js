/* eslint-env node */
// Builds dist/ (functions only, fast) when dist/functions.js or functions.json is missing or older than a source.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..', '..');
const SOURCES = ['src', 'functions', 'webpack.config.js', 'package.json'];

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

function distIsFresh() {
  const outs = ['dist/functions.js', 'dist/functions.json'].map((f) => path.join(root, f));
  if (!outs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outs.map((f) => fs.statSync(f).mtimeMs));
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

function ensureFunctionsBuilt() {
  if (distIsFresh()) return;
  execFileSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'functionsOnly'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

module.exports = { ensureFunctionsBuilt, root };
