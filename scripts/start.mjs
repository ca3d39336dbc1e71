// `npm start`: the main job. Where desktop Excel can be sideloaded (Windows, macOS) it makes sure the dev
// certificate exists and is trusted, then builds, serves and sideloads the add-in with office-addin-debugging.
// Elsewhere (Linux, CI, or with --no-excel) it serves the add-in over HTTPS on port 3000 and prints the URL of the
// stand-alone playground, which needs no Excel. The command line comes from startArgs.cjs (no shell).
import { spawn } from 'node:child_process';
import https from 'node:https';
import path from 'node:path';
import process from 'node:process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureCertificates } from './certs.cjs';
import { startCommand } from './startArgs.cjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const base = `https://localhost:${port}/`;
const run = startCommand({
  platform: process.platform,
  argv: process.argv.slice(2),
  execPath: process.execPath,
  resolve: (id) => require.resolve(id),
  port,
  packageJson: path.join(root, 'package.json'),
  env: process.env,
});

// Before the dev server starts, so that what happened to the certificate is said here, in the foreground.
try {
  await ensureCertificates();
} catch (e) {
  console.error(`certs: could not make the dev certificate: ${e instanceof Error ? e.message : String(e)}`);
  console.error(
    '  Check that ~/.office-addin-dev-certs (or OFFICE_ADDIN_CERT_DIR) is writable, then run npm start again.',
  );
  process.exit(1);
}
const childEnv = { ...process.env, ...run.env, SALESOPS_CERTS_CHECKED: '1' };

if (run.mode === 'sideload') {
  const child = spawn(run.command, run.args, { cwd: root, stdio: 'inherit', env: childEnv });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
} else {
  console.log(
    `Desktop Excel cannot be sideloaded on ${process.platform}${process.argv.includes('--no-excel') ? ' with --no-excel' : ''}: serving the add-in and the stand-alone playground.`,
  );
  const server = spawn(run.command, run.args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: childEnv,
  });
  let announced = false;
  server.stdout.on('data', (chunk) => {
    if (process.env.SALESOPS_VERBOSE) process.stdout.write(chunk);
    if (!announced && /compiled/.test(String(chunk))) void announce();
  });
  server.on('exit', (code) => process.exit(code ?? 1));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));

  async function announce() {
    for (let i = 0; i < 120 && !announced; i++) {
      if (await answers(`${base}playground.html`)) {
        announced = true;
        console.log('');
        console.log(`  Playground (no Excel needed):  ${base}playground.html`);
        console.log(`  Task pane page:                ${base}taskpane.html`);
        console.log(
          `  Manifest to sideload:          ${base}manifest.xml  (Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in)`,
        );
        console.log('');
        console.log('  The HTTPS certificate (see the certs: line) is not trusted here unless you trusted it: run');
        console.log(
          '  `npx office-addin-dev-certs install` once, or open the task pane page above and accept the warning.',
        );
        console.log('  Excel on the web in Chrome/Edge 141+ asks to allow "Local Network Access" (apps on this');
        console.log('  device): allow it, or the task pane stays blank and SALESOPS cells show #NAME?.');
        console.log('  Press Ctrl+C to stop.');
      } else {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

function answers(url) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}
