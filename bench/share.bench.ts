/**
 * `npm run bench share`: sharing a workbook with 10,000 SALESOPS cells, as `npm run share` does it (read the xlsx
 * bytes, compute every formula with the add-in's functions in the playground engine, plan the conversion, write the
 * copy with its Provenance sheet and custom properties), against the peer measured in the same run: exceljs
 * reading and writing the same workbook unchanged (the floor of any xlsx-to-xlsx tool built on exceljs).
 *
 * The workbook (test/share/workbooks.ts): 2,500 reps × (PAYOUT through a defined name, COMMISSION as a shared
 * formula, ROUNDMONEY of both, RAMPSCHEDULE spilled over 4 months) = 10,000 SALESOPS cells, plus one
 * SEASONALQUOTA. Median of 3 rounds after a warm-up, each round timing both (interleaved), in wall time and in
 * this process's CPU time. Exits
 * non-zero when the share takes 10 s of CPU or more (the wall time on this 2-core machine shared by several jobs
 * is mostly the others' load; both are printed), or when the copy does not hold the 10,001 converted cells.
 */
import os from 'node:os';
import ExcelJS from 'exceljs';
import { computeSnapshot } from '../scripts/share/compute';
import { readSnapshot } from '../scripts/share/readSnapshot';
import { shareXlsx } from '../scripts/share/share';
import { writePlan } from '../scripts/share/writePlan';
import { planShare } from '../src/share';
import { VERSION } from '../src/version';
import { compWorkbook } from '../test/share/workbooks';

const REPS = 2_500;
const ROUNDS = 3;
const LIMIT_MS = 10_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await f();
  return [performance.now() - t0, out];
}

/** Wall time, CPU time of this process (user + system, all its threads) in ms, and the result. */
async function timeCpu<T>(f: () => Promise<T> | T): Promise<[number, number, T]> {
  const c0 = process.cpuUsage();
  const [ms, out] = await time(f);
  const c = process.cpuUsage(c0);
  return [ms, (c.user + c.system) / 1000, out];
}

async function peer(bytes: Buffer): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return (await book.xlsx.writeBuffer()).byteLength;
}

/** The share's phases timed apart (one run): exceljs read, engine, plan, write. */
async function phases(bytes: Buffer): Promise<Record<string, number>> {
  const book = new ExcelJS.Workbook();
  const [load] = await time(() => book.xlsx.load(bytes as unknown as ExcelJS.Buffer));
  const [read, r] = await time(() => readSnapshot(book));
  const [compute, c] = await time(() => computeSnapshot(r.snapshot));
  const [plan, p] = await time(() => planShare(c.snapshot, { version: VERSION, now: new Date() }));
  const [apply] = await time(() => writePlan(book, p, r.storedSpills));
  const [write] = await time(() => book.xlsx.writeBuffer());
  return { 'exceljs load': load, snapshot: read, 'engine (SALESOPS code)': compute, planShare: plan, 'write plan': apply, 'exceljs write': write }; // prettier-ignore
}

async function main(): Promise<void> {
  const bytes = Buffer.from(await compWorkbook(REPS).xlsx.writeBuffer());
  const shareMs: number[] = [];
  const shareCpu: number[] = [];
  const peerMs: number[] = [];
  const peerCpu: number[] = [];
  const ratios: number[] = [];
  let cells = 0;
  let native = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const [s, sc, out] = await timeCpu(() => shareXlsx(bytes));
    const [p, pc] = await timeCpu(() => peer(bytes));
    cells = out.plan.cells.length;
    native = out.plan.cells.filter((c) => c.kind === 'native').length;
    if (round === 0) continue; // warm-up
    shareMs.push(s);
    shareCpu.push(sc);
    peerMs.push(p);
    peerCpu.push(pc);
    ratios.push(s / p);
  }
  const split = await phases(bytes);
  const share = median(shareMs);
  console.log(`share bench: ${REPS.toLocaleString('en-US')} reps, ${cells.toLocaleString('en-US')} SALESOPS cells (${native.toLocaleString('en-US')} native, ${(cells - native).toLocaleString('en-US')} values), input ${(bytes.byteLength / 1024).toFixed(0)} KiB, median of ${ROUNDS} rounds, node ${process.version}`); // prettier-ignore
  const load = os.loadavg()[0].toFixed(1);
  console.log(`load average ${load} on ${os.cpus().length} cores: wall time stretches with the load, CPU time much less`); // prettier-ignore
  console.log('| variant | wall ms | CPU ms | × peer (wall) |');
  console.log('|---|---:|---:|---:|');
  console.log(`| share (npm run share's code: read, compute, plan, write) | ${share.toFixed(0)} | ${median(shareCpu).toFixed(0)} | ${median(ratios).toFixed(2)} |`); // prettier-ignore
  console.log(`| peer: exceljs read + write unchanged | ${median(peerMs).toFixed(0)} | ${median(peerCpu).toFixed(0)} | 1.00 |`); // prettier-ignore
  console.log('\nOne share, by phase:');
  console.log('| phase | ms |');
  console.log('|---|---:|');
  for (const [name, ms] of Object.entries(split)) console.log(`| ${name} | ${ms.toFixed(0)} |`);
  // The limit applies to the CPU time: on this shared 2-core machine the wall time mostly measures the other jobs.
  const cpu = median(shareCpu);
  const ok = cpu < LIMIT_MS && cells === REPS * 4 + 1;
  console.log(
    `\n${ok ? 'PASS' : 'FAIL'}: ${cpu.toFixed(0)} ms of CPU (${share.toFixed(0)} ms wall at load ${load}) for ${cells} cells (limit ${LIMIT_MS} ms of CPU for ${REPS * 4 + 1})`,
  );
  if (!ok) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
