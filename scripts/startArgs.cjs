// The command line `npm start` runs, as a pure function of the platform, so that it can be tested for every
// platform on any machine. No shell is involved: Node itself (process.execPath) runs the JavaScript entry of
// office-addin-debugging or webpack-cli, so nothing is joined, split or re-quoted, and Windows needs no `npx.cmd`
// (which Node refuses to spawn without a shell since the fix for CVE-2024-27980).

/** Platforms where office-addin-debugging can sideload the add-in into desktop Excel. */
const SIDELOAD_PLATFORMS = ['win32', 'darwin'];

/**
 * What `npm start` runs: `{ mode, command, args, env }`. `mode` is "sideload" (desktop Excel via office-addin-debugging,
 * which starts the dev server itself from package.json's `scripts["dev-server"]`) on Windows and macOS, or
 * "serve" (the dev server alone, for the playground and Excel on the web) elsewhere or with `--no-excel`.
 * `resolve` maps a package file to its absolute path (require.resolve); `port` is the dev server's TCP port;
 * `packageJson` the path of package.json, passed on as `npm_package_json` (where office-addin-debugging reads the
 * dev-server script) when the script was not started by npm.
 */
function startCommand({ platform, argv = [], execPath, resolve, port, packageJson, env = {} }) {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`invalid dev server port: ${port}`);
  const sideload = SIDELOAD_PLATFORMS.includes(platform) && !argv.includes('--no-excel');
  if (sideload) {
    return {
      mode: 'sideload',
      command: execPath,
      args: [
        resolve('office-addin-debugging/cli.js'),
        'start',
        'manifest.xml',
        'desktop',
        '--app',
        'excel',
        '--dev-server-port',
        String(port),
      ],
      env: { npm_package_json: env.npm_package_json || packageJson },
    };
  }
  return {
    mode: 'serve',
    command: execPath,
    args: [resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'],
    env: {},
  };
}

module.exports = { SIDELOAD_PLATFORMS, startCommand };
