/**
 * `npm start`'s command line, for every platform, checked on any machine. The bug this guards against: on
 * Windows the script spawned `npx.cmd` with `shell: true` and passed 'npm run dev-server' as one argument; the
 * shell split it, and office-addin-debugging stopped with "too many arguments for 'start'". Now Node runs the
 * tools' JavaScript entries directly (no shell, no npx.cmd), so each argument reaches them as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCommand } = require('../../scripts/startArgs.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const fakeResolve = (id: string) => `/repo/node_modules/${id}`;
const base = { resolve: fakeResolve, port: 3000, packageJson: '/repo/package.json' };

describe('npm start: the command line', () => {
  it('on Windows runs office-addin-debugging with node, one argument per word, no shell', () => {
    const run = startCommand({ ...base, platform: 'win32', execPath: 'C:\\Program Files\\nodejs\\node.exe' });
    expect(run).toEqual({
      mode: 'sideload',
      command: 'C:\\Program Files\\nodejs\\node.exe',
      args: [
        '/repo/node_modules/office-addin-debugging/cli.js',
        'start',
        'manifest.xml',
        'desktop',
        '--app',
        'excel',
        '--dev-server-port',
        '3000',
      ],
      env: { npm_package_json: '/repo/package.json' },
    });
  });

  it('on macOS runs the same command', () => {
    const run = startCommand({ ...base, platform: 'darwin', execPath: '/usr/local/bin/node' });
    expect(run.mode).toBe('sideload');
    expect([run.command, ...run.args]).toEqual([
      '/usr/local/bin/node',
      '/repo/node_modules/office-addin-debugging/cli.js',
      'start',
      'manifest.xml',
      'desktop',
      '--app',
      'excel',
      '--dev-server-port',
      '3000',
    ]);
  });

  it('on Linux serves the add-in and the playground with webpack-cli', () => {
    const run = startCommand({ ...base, platform: 'linux', execPath: '/usr/bin/node' });
    expect(run).toEqual({
      mode: 'serve',
      command: '/usr/bin/node',
      args: ['/repo/node_modules/webpack-cli/bin/cli.js', 'serve', '--mode', 'development'],
      env: {},
    });
  });

  it('serves without sideloading on Windows with --no-excel', () => {
    const run = startCommand({ ...base, platform: 'win32', argv: ['--no-excel'], execPath: 'node.exe' });
    expect(run.mode).toBe('serve');
    expect(run.args).toEqual(['/repo/node_modules/webpack-cli/bin/cli.js', 'serve', '--mode', 'development']);
  });

  it('keeps the npm_package_json npm set, and passes the port as given', () => {
    const run = startCommand({
      ...base,
      platform: 'darwin',
      execPath: 'node',
      port: 8443,
      env: { npm_package_json: '/elsewhere/package.json' },
    });
    expect(run.args.slice(-2)).toEqual(['--dev-server-port', '8443']);
    expect(run.env).toEqual({ npm_package_json: '/elsewhere/package.json' });
  });

  it('refuses a port that is not one', () => {
    for (const port of [0, -1, 70000, 3000.5, NaN]) {
      expect(() => startCommand({ ...base, platform: 'linux', execPath: 'node', port })).toThrow(/port/);
    }
  });

  it('never names a shell, npx or a command string with spaces in an argument', () => {
    for (const platform of ['win32', 'darwin', 'linux', 'freebsd']) {
      const run = startCommand({ ...base, platform, execPath: 'node' });
      expect(run.command).toBe('node');
      for (const a of run.args) expect(a).not.toMatch(/\s|npx|cmd\.exe/);
    }
  });

  it('is read by office-addin-debugging as start(manifest.xml, desktop, {app, devServerPort})', () => {
    const real = startCommand({
      platform: 'win32',
      execPath: process.execPath,
      resolve: (id: string) => require.resolve(id),
      port: 3000,
      packageJson: path.join(ROOT, 'package.json'),
    });
    expect(parsedByDebugging(real.args)).toEqual({
      ok: true,
      manifest: 'manifest.xml',
      platform: 'desktop',
      options: { app: 'excel', devServerPort: '3000', debug: true, liveReload: true, sideload: true },
    });
    // The old command line, as the Windows shell split it, fails in the same parser: the check can fail.
    const old = [real.args[0], 'start', 'manifest.xml', 'desktop', '--dev-server', 'npm', 'run', 'dev-server'];
    expect(parsedByDebugging(old)).toMatchObject({ ok: false, stderr: expect.stringMatching(/too many arguments/) });
    const serve = startCommand({ platform: 'linux', execPath: process.execPath, resolve: require.resolve, port: 3000 });
    expect(fs.existsSync(serve.args[0])).toBe(true);
  });
});

/**
 * Runs office-addin-debugging's own command-line parser (its cli.js, commander) on `args` in a child Node, with
 * the `start` action replaced by one that prints what it was given, so nothing is started.
 */
function parsedByDebugging(args: string[]): Record<string, unknown> {
  const probe = `
    const commands = require(${JSON.stringify(require.resolve('office-addin-debugging/lib/commands.js'))});
    commands.start = (manifest, platform, options) =>
      console.log(JSON.stringify({ ok: true, manifest, platform, options }));
    process.argv = [process.execPath, ...${JSON.stringify(args)}];
    require(process.argv[1]);`;
  const r = spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8', timeout: 30000 });
  if (r.status !== 0 || !r.stdout.trim()) return { ok: false, stderr: r.stderr };
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}
