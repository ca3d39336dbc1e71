/**
 * `npm run bench playground`: the playground's first paint, through the built page (dist/playground.html, from
 * `npm run build` or the browser tests' build) in headless Chromium, against peers in the same run:
 *
 * - **blank page**: the first contentful paint of a one-line HTML page served the same way (the floor: browser,
 *   server and paint, no script);
 * - **all formulas computed**: when the playground's background computation of the sample's 351 formulas ends,
 *   which is when the page used to paint before (every formula computed before the first render).
 *
 * "Grid painted" is the first frame after the grid's A1 cell is in the DOM (a MutationObserver installed before
 * any script, then requestAnimationFrame + a task, so the frame holding the cell has been produced); FCP is the
 * browser's own first-contentful-paint entry. All times are from navigation start. Median of ROUNDS page loads,
 * each in a fresh page, after one warm-up load (which fills the HTTP cache as a second visit would not: each page
 * gets the cache disabled). Exits non-zero when the grid does not paint or the formulas do not finish.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findBrowser } from '../test/e2e/browser';

const ROUNDS = 5;
const DIST = path.resolve('dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'playground.html'))) {
    console.error(
      'dist/playground.html is missing: run `ADDIN_PUBLIC_URL=https://localhost:3000/ npm run build` first.',
    );
    process.exit(2);
  }
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    if (rel === 'blank.html') {
      res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end('<!doctype html><p>Blank page</p>');
      return;
    }
    const file = path.resolve(DIST, rel);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const choice = findBrowser();
  const browser = await chromium.launch({
    ...(choice.channel ? { channel: choice.channel } : { executablePath: choice.executablePath }),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  console.log(
    `browser: ${choice.description}, Chromium ${browser.version()}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  const fcpOf = () =>
    new Promise<number>((resolve) => {
      const seen = performance.getEntriesByName('first-contentful-paint')[0];
      if (seen) return resolve(seen.startTime);
      new PerformanceObserver((list) => {
        const e = list.getEntriesByName('first-contentful-paint')[0];
        if (e) resolve(e.startTime);
      }).observe({ type: 'paint', buffered: true });
    });

  const rows: { blank: number; fcp: number; grid: number; computed: number }[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${base}blank.html`);
    const blank = await page.evaluate(fcpOf);
    await page.addInitScript(() => {
      const g = globalThis as unknown as { salesOpsGridPaint?: number };
      const obs = new MutationObserver(() => {
        if (document.querySelector('[role="grid"] [data-address="A1"]')) {
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => (g.salesOpsGridPaint = performance.now()), 0));
        }
      });
      obs.observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${base}playground.html`);
    await page.waitForFunction(
      () => (globalThis as { salesOpsGridPaint?: number }).salesOpsGridPaint !== undefined,
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForFunction(
      () => (globalThis as { salesOpsComputedAt?: number }).salesOpsComputedAt !== undefined,
      undefined,
      { timeout: 120_000 },
    );
    const fcp = await page.evaluate(fcpOf);
    const { grid, computed } = await page.evaluate(() => {
      const g = globalThis as unknown as { salesOpsGridPaint: number; salesOpsComputedAt: number };
      return { grid: g.salesOpsGridPaint, computed: g.salesOpsComputedAt };
    });
    await ctx.close();
    if (round > 0) rows.push({ blank, fcp, grid, computed });
    console.log(
      `${round === 0 ? 'warm-up' : `round ${round}`}: blank FCP ${blank.toFixed(0)} ms, playground FCP ${fcp.toFixed(0)} ms, grid painted ${grid.toFixed(0)} ms, all formulas computed ${computed.toFixed(0)} ms`,
    );
  }
  await browser.close();
  server.close();
  const m = {
    blank: median(rows.map((r) => r.blank)),
    fcp: median(rows.map((r) => r.fcp)),
    grid: median(rows.map((r) => r.grid)),
    computed: median(rows.map((r) => r.computed)),
  };
  console.log('\n| measure (median of %d loads, ms from navigation start) | ms | ratio to blank page |', ROUNDS);
  console.log('| --- | ---: | ---: |');
  console.log(`| blank page, first contentful paint (peer) | ${m.blank.toFixed(0)} | 1.0 |`);
  console.log(`| playground, first contentful paint | ${m.fcp.toFixed(0)} | ${(m.fcp / m.blank).toFixed(1)} |`);
  console.log(`| playground, grid painted | ${m.grid.toFixed(0)} | ${(m.grid / m.blank).toFixed(1)} |`);
  console.log(
    `| playground, all 351 formulas computed (the old first paint) | ${m.computed.toFixed(0)} | ${(m.computed / m.blank).toFixed(1)} |`,
  );
  console.log(`grid painted / all computed: ${(m.grid / m.computed).toFixed(2)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
