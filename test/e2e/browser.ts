/**
 * Helpers for the headless-Chromium tests: find the browser (Debian's chromium, or CHROMIUM_PATH), build the
 * pages when dist/ is missing or stale, serve dist/ on 127.0.0.1 at a random port, and launch Chromium with a
 * fresh profile. Playwright never downloads a browser here.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

/** The Chromium binary to use; throws a message that says how to install one. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => Boolean(p),
  );
  for (const p of candidates) if (fs.existsSync(p)) return p;
  throw new Error(
    'Chromium was not found (looked at ' +
      candidates.join(', ') +
      '). Install it with `sudo apt-get install chromium` (Debian/Ubuntu; .ci/run does this), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
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

/** Launches headless Chromium with a fresh profile; `close` also removes the profile. */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const executablePath = findChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
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
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
