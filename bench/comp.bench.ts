/**
 * `npm run bench comp`: commission payouts per second for 1,000,000 rep-periods (one amount each, three marginal
 * tiers: 5 % from 0, 8 % from 100,000, 10 % from 250,000), as a ratio to a hand-inlined plain JS loop computing
 * the same tiers (the floor, measured in the same run). 11 interleaved rounds after a warm-up round; medians
 * are reported. Checksums make sure every variant computed the same commissions.
 */
import { createCustomFunctionsStub } from '../test/support/customFunctionsStub';
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctionsStub();

import { excelCall } from '../functions/adapter';
import { EXCEL_FUNCTIONS } from '../functions/catalog';
import { rememberedRateRange } from '../functions/rateMemo';
import { curve, marginalAmount, payoutAmount, rateTable } from '../src/comp';
import { toCents } from '../src/shared/money';

const { COMMISSION: commission, PAYOUT: payout } = EXCEL_FUNCTIONS;

const N = 1_000_000;
const RUNS = 11;

// Seeded amounts (LCG), 0 … 400,000 to the cent; attainments 0 … 2.
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const amounts = Float64Array.from({ length: N }, () => Math.round(rand() * 40_000_000) / 100);
const attainments = Float64Array.from(amounts, (a) => a / 200_000);

const TIERS_GRID = [
  ['Lower bound', 'Rate'],
  [0, 0.05],
  [100_000, 0.08],
  [250_000, 0.1],
];
const TABLE = rateTable([
  { lower: 0, rate: 0.05 },
  { lower: 100_000, rate: 0.08 },
  { lower: 250_000, rate: 0.1 },
]);
const CURVE_GRID = [
  ['Attainment', 'Multiplier'],
  [0, 0.5],
  [0.5, 1],
  [1, 2],
];
const CURVE = curve('marginal', [
  [0, 0.5],
  [0.5, 1],
  [1, 2],
]);

/** The floor: the tiers written out by hand, no tables, no validation, no rounding. */
function floor(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) {
    const x = amounts[i];
    let c = 0;
    if (x > 0) c += 0.05 * (x < 100_000 ? x : 100_000);
    if (x > 100_000) c += 0.08 * ((x < 250_000 ? x : 250_000) - 100_000);
    if (x > 250_000) c += 0.1 * (x - 250_000);
    sum += c;
  }
  return sum;
}

/**
 * The floor for an Excel function: the same hand-written loop, but reading its tiers from the range as Excel
 * passes it to every call (header row, then rows of [lower bound, rate]): what any custom function has to do per
 * cell, with no validation and no rounding.
 */
function floorFromRange(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) {
    const x = amounts[i];
    const g = TIERS_GRID;
    let c = 0;
    for (let r = 1; r < g.length; r++) {
      const lo = g[r][0] as number;
      if (x <= lo) break;
      const hi = r + 1 < g.length ? (g[r + 1][0] as number) : Infinity;
      c += (g[r][1] as number) * ((x < hi ? x : hi) - lo);
    }
    sum += c;
  }
  return sum;
}

function coreMarginal(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += marginalAmount(amounts[i], TABLE);
  return sum;
}

/** What the comp functions do: toCents (src/shared/money.ts, with its fast path). */
function coreMarginalCents(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += toCents(marginalAmount(amounts[i], TABLE));
  return sum;
}

/** What Excel does: one COMMISSION call per cell, each with the tier range as a 2-D array (parsed every call). */
function adapterCommission(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += commission(amounts[i], TIERS_GRID, null) as number;
  return sum;
}

/** A second tier range (5 % / 8 % / 10 % from 0 / 50,000 / 200,000). */
const TIERS_GRID_2 = [
  ['Lower bound', 'Rate'],
  [0, 0.05],
  [50_000, 0.08],
  [200_000, 0.1],
];

/** What the alternating variant must add up to: the core on the two tables, to the cent (computed untimed). */
const TABLE_2 = rateTable([
  { lower: 0, rate: 0.05 },
  { lower: 50_000, rate: 0.08 },
  { lower: 200_000, rate: 0.1 },
]);
let twoRangesExpected = 0;
for (let i = 0; i < N; i++) twoRangesExpected += toCents(marginalAmount(amounts[i], i & 1 ? TABLE_2 : TABLE));

/**
 * Two COMMISSION columns on different tier ranges, calculated a row at a time (Excel may interleave them): the
 * calls alternate between the two ranges. Odd rows use the second range, so the checksum differs from the others.
 */
function adapterCommissionTwoRanges(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += commission(amounts[i], i & 1 ? TIERS_GRID_2 : TIERS_GRID, null) as number;
  return sum;
}

function corePayout(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += payoutAmount(attainments[i], 10_000, CURVE);
  return sum;
}

function adapterPayout(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += payout(attainments[i], 10_000, CURVE_GRID, null, null, null) as number;
  return sum;
}

/** Where an adapter call's time goes, part 1: reading the tier range Excel passes (header, checks, memo hit). */
function partRange(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += rememberedRateRange(TIERS_GRID, 'tiers').lowers.length;
  return sum;
}

const identity = (x: number) => x;

/** Part 2: the excelCall wrapper alone (error mapping, result check) around a trivial computation, called as
 * COMMISSION calls it (the computation and its arguments, no closure). */
function partWrapper(): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += excelCall(identity, amounts[i]) as number;
  return sum;
}

const variants: [string, () => number][] = [
  ['floor: hand-inlined JS loop (3 tiers)', floor],
  ['floor reading the tier range per call (what Excel passes)', floorFromRange],
  ['core: marginalAmount', coreMarginal],
  ['core: marginalAmount + toCents', coreMarginalCents],
  ['adapter: SALESOPS.COMMISSION', adapterCommission],
  ['adapter: COMMISSION, two tier ranges alternating', adapterCommissionTwoRanges],
  ['core: payoutAmount (3-band curve)', corePayout],
  ['adapter: SALESOPS.PAYOUT', adapterPayout],
  ['part of a COMMISSION call: read the tier range', partRange],
  ['part of a COMMISSION call: excelCall wrapper', partWrapper],
];

// Rounds interleave the variants (each round times every variant once, after one warm-up round), so that a busy
// spell on this shared machine slows a whole round rather than one variant; each ratio is the median of the
// per-round ratios to that round's floor.
const timesOf = variants.map(() => [] as number[]);
const sumsOf = variants.map(() => 0);
for (let round = 0; round <= RUNS; round++) {
  variants.forEach(([, fn], v) => {
    const t0 = process.hrtime.bigint();
    sumsOf[v] = fn();
    if (round > 0) timesOf[v].push(Number(process.hrtime.bigint() - t0) / 1e6);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const results = variants.map(([name], v) => ({
  name,
  ms: median(timesOf[v]),
  ratio: median(timesOf[v].map((t, round) => t / timesOf[0][round])),
  ratioRange: median(timesOf[v].map((t, round) => t / timesOf[1][round])),
  sum: sumsOf[v],
}));
console.log(
  `comp bench: ${N.toLocaleString('en-US')} rep-periods, median of ${RUNS} interleaved rounds, node ${process.version}`,
);
console.log('| variant | ms | payouts/s | × floor | × range-reading floor | checksum |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const perSec = Math.round((N / r.ms) * 1000).toLocaleString('en-US');
  console.log(
    `| ${r.name} | ${r.ms.toFixed(1)} | ${perSec} | ${r.ratio.toFixed(2)} | ${r.ratioRange.toFixed(2)} | ${r.sum.toFixed(2)} |`,
  );
}
// The commission variants must agree: exact sums to 1e-6 relative, rounded ones to half a cent a payout.
const sum = (name: string) => results.find((r) => r.name === name)?.sum ?? NaN;
const exact = sum(variants[0][0]);
const cents = sum('core: marginalAmount + toCents');
const ok =
  Math.abs(sum('floor reading the tier range per call (what Excel passes)') - exact) <= 1e-6 * exact &&
  Math.abs(sum('core: marginalAmount') - exact) <= 1e-6 * exact &&
  Math.abs(cents - exact) <= 0.005 * N &&
  Math.abs(sum('adapter: SALESOPS.COMMISSION') - cents) < 1e-3 &&
  Math.abs(sum('adapter: SALESOPS.PAYOUT') - sum('core: payoutAmount (3-band curve)')) <= 0.005 * N &&
  Math.abs(sum('adapter: COMMISSION, two tier ranges alternating') - twoRangesExpected) < 1e-3;
if (!ok) {
  console.error('checksums disagree: the variants did not compute the same payouts');
  process.exit(1);
}
