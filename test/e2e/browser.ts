/**
 * Helpers for the headless-Chromium tests: find the browser, build the pages when dist/ is missing or stale, serve
 * dist/ on 127.0.0.1 at a random port, and launch the browser with a fresh profile. Playwright never downloads a
 * browser here. The browser, first found wins (findBrowser):
 *   1. CHROMIUM_PATH, when set (an error when it names no file);
 *   2. on Linux x64, the Chromium that `npm install` brought (devDependency @sparticuz/chromium, a headless shell
 *      unpacked once to the temp folder), so every Linux machine and CI run the version pinned in package-lock.json;
 *   3. a system Chromium: `chromium` or `chromium-browser` on PATH, or at /usr/bin or /snap/bin;
 *   4. an installed Google Chrome, then Microsoft Edge, through playwright-core's channels (macOS, Windows, Linux).
 * SALESOPS_HIDE_PROGRAMS=chromium skips 3 and 4 (a fresh machine); SALESOPS_REQUIRE_BROWSER=npm (or another source)
 * fails unless that source is the one found, which is how .ci/run proves the npm-shipped browser is enough.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { programHidden } from '../support/programs';

export const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

/** Where a browser came from; the first word of the "browser (…)" line. */
export type BrowserSource = 'CHROMIUM_PATH' | 'npm' | 'system' | 'channel';

/** The browser the tests use: its binary, the Playwright channel to launch it through (if any), and its origin. */
export interface BrowserChoice {
  source: BrowserSource;
  /** Absolute path of the binary (for a channel, where Playwright will find it). */
  executablePath: string;
  channel?: 'chrome' | 'msedge';
  /** Human-readable origin, e.g. "@sparticuz/chromium 153.0.0". */
  description: string;
  /** Extra environment for the browser process (fonts of the npm-shipped browser on a machine without fontconfig). */
  env?: Record<string, string>;
}

const NPM_PACKAGE = '@sparticuz/chromium';

/** The npm package's entry file, or undefined when it is not installed (npm install --omit=dev, another platform). */
function npmPackageEntry(): string | undefined {
  try {
    return require.resolve(NPM_PACKAGE);
  } catch {
    return undefined;
  }
}

/**
 * On Linux x64, the Chromium binary that ships inside the npm package @sparticuz/chromium (brotli-compressed), unpacked
 * by the package's own executablePath() into os.tmpdir()/salesops-chromium-<version>/ on first use (about 2 s and
 * 210 MB, once per machine and version). Unpacks into a private folder and renames it into place, so parallel Jest
 * workers never see a half-written binary. Undefined when the package or platform does not apply.
 */
export function npmChromium(): BrowserChoice | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const entry = npmPackageEntry();
  if (!entry) return undefined;
  const pkgDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(os.tmpdir(), `salesops-chromium-${version}`);
  const binary = path.join(dir, 'chromium');
  if (!fs.existsSync(binary)) unpackNpmChromium(entry, dir);
  const description = `${NPM_PACKAGE} ${version}`;
  // The binary reads fontconfig's configuration; where the machine has none, use the fonts the package ships.
  const env = fs.existsSync('/etc/fonts/fonts.conf') ? undefined : { FONTCONFIG_PATH: path.join(dir, 'fonts') };
  return { source: 'npm', executablePath: binary, description, env };
}

function unpackNpmChromium(entry: string, dir: string): void {
  const stage = fs.mkdtempSync(`${dir}.unpacking-`);
  try {
    // The package is an ES module whose executablePath() unpacks into os.tmpdir(): run it in a child process whose
    // TMPDIR is the private folder.
    const script = `const c = (await import(${JSON.stringify(pathToFileURL(entry).href)})).default;
      process.stdout.write(await c.executablePath());`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: stage },
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0 || r.stdout !== path.join(stage, 'chromium')) {
      throw new Error(`${NPM_PACKAGE} could not unpack its Chromium: ${r.error?.message ?? r.stderr}`);
    }
    // Its fonts.conf names /tmp/fonts; point it at the fonts unpacked here.
    const fontsDir = path.join(dir, 'fonts');
    fs.writeFileSync(
      path.join(stage, 'fonts', 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(fontsDir, 'fonts')}</dir>\n  <cachedir>${path.join(fontsDir, 'cache')}</cachedir>\n` +
        `</fontconfig>\n`,
    );
    // Readable and runnable by every user of the machine (mkdtemp and the package make them private).
    fs.chmodSync(stage, 0o755);
    fs.chmodSync(path.join(stage, 'chromium'), 0o755);
    try {
      fs.renameSync(stage, dir);
    } catch (e) {
      if (!fs.existsSync(path.join(dir, 'chromium'))) throw e; // else another worker won the race: use its copy
    }
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Chromium installed on this Linux machine (PATH, then the usual places), unless hidden. */
function systemChromium(): BrowserChoice | undefined {
  if (process.platform === 'win32' || programHidden('chromium')) return undefined;
  const names = ['chromium', 'chromium-browser'];
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((d) => names.map((n) => path.join(d, n)));
  const usual = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
  const found = [...onPath, ...usual].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
  return found ? { source: 'system', executablePath: found, description: 'system Chromium' } : undefined;
}

/** Where playwright-core's "chrome" and "msedge" channels look for the installed browser, per platform. */
function channelPaths(channel: 'chrome' | 'msedge'): string[] {
  if (process.platform === 'darwin') {
    return channel === 'chrome'
      ? ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']
      : ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
  }
  if (process.platform === 'win32') {
    const rel =
      channel === 'chrome' ? 'Google\\Chrome\\Application\\chrome.exe' : 'Microsoft\\Edge\\Application\\msedge.exe';
    return [process.env.LOCALAPPDATA, process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)']]
      .filter((d): d is string => Boolean(d))
      .map((d) => path.win32.join(d, rel));
  }
  return channel === 'chrome' ? ['/opt/google/chrome/chrome'] : ['/opt/microsoft/msedge/msedge'];
}

/** An installed Google Chrome or Microsoft Edge, to launch through playwright-core's channel, unless hidden. */
function channelBrowser(): BrowserChoice | undefined {
  if (programHidden('chromium')) return undefined;
  for (const channel of ['chrome', 'msedge'] as const) {
    const found = channelPaths(channel).find((p) => fs.existsSync(p));
    if (found) {
      const name = channel === 'chrome' ? 'Google Chrome' : 'Microsoft Edge';
      return { source: 'channel', executablePath: found, channel, description: `${name} (channel "${channel}")` };
    }
  }
  return undefined;
}

/** The browser for every browser test, in the order above; throws a message that says how to get one. */
export function findBrowser(): BrowserChoice {
  const fromEnv = process.env.CHROMIUM_PATH;
  let choice: BrowserChoice | undefined;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    choice = { source: 'CHROMIUM_PATH', executablePath: fromEnv, description: 'the binary CHROMIUM_PATH names' };
  } else {
    choice = npmChromium() ?? systemChromium() ?? channelBrowser();
  }
  if (!choice) {
    throw new Error(
      'No browser for the browser tests was found. `npm install` brings one on Linux x64 (the devDependency ' +
        `${NPM_PACKAGE}); elsewhere install Google Chrome or Microsoft Edge, or Chromium ` +
        '(`sudo apt-get install chromium` on Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  const required = process.env.SALESOPS_REQUIRE_BROWSER;
  if (required && choice.source !== required) {
    throw new Error(`SALESOPS_REQUIRE_BROWSER=${required}, but the browser found is ${choice.description}.`);
  }
  return choice;
}

/** The browser binary's path (see findBrowser); throws a message that says how to get one. */
export function findChromium(): string {
  return findBrowser().executablePath;
}

/**
 * Builds the pages (webpack's "pages" configuration, production) unless dist/ is newer than every source; Jest's
 * globalSetup normally did it already. SALESOPS_E2E_NO_BUILD=1 uses dist/ as it is (a page built by other means).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ensurePagesBuilt: () => void = require('../support/build').ensurePagesBuilt;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

/** Serves dist/ on 127.0.0.1 at a free port; returns the base URL and a close function. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(DIST, rel || 'playground.html');
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let announced = false;

/**
 * Launches the headless browser (findBrowser) with a fresh profile and says once per test file which one it is, as
 * a line "browser (SOURCE): ORIGIN, Chromium VERSION — PATH" on stderr; `close` also removes the profile.
 */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const choice = findBrowser();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...(choice.channel ? { channel: choice.channel } : { executablePath: choice.executablePath }),
    ...(choice.env ? { env: { ...process.env, ...choice.env } } : {}),
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (!announced) {
    announced = true;
    const version = context.browser()?.version() ?? 'version unknown';
    process.stderr.write(
      `browser (${choice.source}): ${choice.description}, Chromium ${version} — ${choice.executablePath}\n`,
    );
  }
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
