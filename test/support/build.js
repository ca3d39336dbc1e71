/* eslint-env node */
// Builds dist/ for the tests when it is missing or older than a source: the functions (fast) for the contract
// and fuzz tests, the pages for the browser and security tests. SALESOPS_E2E_NO_BUILD=1 uses the pages as they are.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..', '..');
const DIST = path.join(root, 'dist');

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

/** True when every output exists and is newer than every source. */
function fresh(outputs, sources) {
  const outs = outputs.map((f) => path.join(DIST, f));
  if (!outs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outs.map((f) => fs.statSync(f).mtimeMs));
  return sources.every((s) => newestMtime(path.join(root, s)) <= built);
}

/** The public URL of the tests' production builds (which need one): ADDIN_PUBLIC_URL, or the dev server's. */
const TEST_PUBLIC_URL = process.env.ADDIN_PUBLIC_URL || 'https://localhost:3000/';

function webpack(args, what) {
  const env = { ...process.env, ADDIN_PUBLIC_URL: TEST_PUBLIC_URL };
  delete env.OFFICE_JS; // production pages load Office.js from the CDN; the browser tests serve it from the npm copy
  try {
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    throw new Error(
      `Building ${what} failed (\`npx webpack --mode production ${args.join(' ')}\`; webpack's errors are above).`,
    );
  }
}

function ensureFunctionsBuilt() {
  if (
    fresh(
      ['functions.js', 'functions.json'],
      ['src', 'functions', 'webpack.config.js', 'scripts/functionsJsonPlugin.cjs', 'package.json'],
    )
  )
    return;
  webpack(['--env', 'functionsOnly'], 'the functions');
}

function ensurePagesBuilt() {
  if (process.env.SALESOPS_E2E_NO_BUILD === '1') {
    if (!fs.existsSync(path.join(DIST, 'playground.html'))) {
      throw new Error('SALESOPS_E2E_NO_BUILD=1 but dist/ has no playground.html.');
    }
    return;
  }
  const sources = ['src', 'functions', 'taskpane', 'sample', 'webpack.config.js', 'package.json'];
  if (fresh(['playground.html', 'playground.js', 'taskpane.html', 'taskpane.js'], sources)) return;
  webpack(['--config-name', 'pages'], 'the pages');
}

module.exports = { ensureFunctionsBuilt, ensurePagesBuilt, root };
