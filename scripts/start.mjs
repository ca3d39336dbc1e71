// `npm start`: the main job. Where desktop Excel can be sideloaded (Windows, macOS) it builds, serves and
// sideloads the add-in with office-addin-debugging. Elsewhere (Linux, CI, or with --no-excel) it serves the
// add-in over HTTPS on port 3000 and prints the URL of the stand-alone playground, which needs no Excel.
import { spawn } from 'node:child_process';
import https from 'node:https';
import process from 'node:process';

const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const base = `https://localhost:${port}/`;
const canSideload =
  (process.platform === 'win32' || process.platform === 'darwin') && !process.argv.includes('--no-excel');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (canSideload) {
  const child = spawn(
    npx,
    [
      'office-addin-debugging',
      'start',
      'manifest.xml',
      'desktop',
      '--dev-server',
      'npm run dev-server',
      '--dev-server-port',
      String(port),
    ],
    { stdio: 'inherit', shell: process.platform === 'win32' },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Desktop Excel cannot be sideloaded on ${process.platform}: serving the add-in and the stand-alone playground.`,
  );
  const server = spawn(npx, ['webpack', 'serve', '--mode', 'development'], { stdio: ['ignore', 'pipe', 'inherit'] });
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
        console.log(
          '  The HTTPS certificate comes from office-addin-dev-certs (~/.office-addin-dev-certs). To trust it,',
        );
        console.log(
          '  run `npx office-addin-dev-certs install` once (it asks for admin rights), or accept the browser warning.',
        );
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
