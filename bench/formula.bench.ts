/**
 * `npm run bench formula`: SALESOPS.PLANPAYOUT over 100,000 reps (one call per rep, as Excel makes them, each with
 * the plan range and the rep's actuals row) for a plan with two formula components, against the same plan written
 * with curves (the peer, same run). Target: formulas within 3× the curves. 7 interleaved rounds after a warm-up
 * round; medians. Also timed: the first call of each plan (a memo miss: the plan table read, and for the formula
 * plan both formulas parsed, checked and compiled), and the core alone (planStatement on the read plan).
 *
 * The two plans pay the same: Bookings 70 % (quota 1,000,000, marginal rate 1 to 100 %, 2 above, capped at 1.5×
 * target) and Logos 30 % (quota 10, rate 1, capped at 2×). The checksums agree to within a cent per tie (a half-cent
 * amount the curve's line sum may land a hair below; test/comp/formulas.test.ts).
 */
import { createCustomFunctionsStub } from '../test/support/customFunctionsStub';
import { HEADER, formulaRow, planRow } from '../test/comp/fixtures';
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctionsStub();

import { EXCEL_FUNCTIONS } from '../functions/catalog';
import { clearPlanCache } from '../functions/planCache';
import { planStatement, readPlanTable } from '../src/comp';

const { PLANPAYOUT: planPayout } = EXCEL_FUNCTIONS;

const N = 100_000;
const RUNS = 7;

const row = planRow;

const CURVES = [
  HEADER,
  row('plan', 'AE', null, 10000),
  row('component', 'Bookings', 'Bookings', null, 0.7, 1_000_000, 'marginal', null, null, 1.5),
  row('band', 'Bookings', null, null, null, null, null, 0, 1),
  row('band', 'Bookings', null, null, null, null, null, 1, 2),
  row('component', 'Logos', 'New logos', null, 0.3, 10, 'marginal', null, null, 2),
  row('band', 'Logos', null, null, null, null, null, 0, 1),
];
const FORMULAS = [
  HEADER,
  row('plan', 'AE', null, 10000),
  formulaRow(
    'Bookings',
    'Bookings',
    0.7,
    1_000_000,
    'min(attainment < 1 ? max(attainment, 0) : 1 + 2 * (attainment - 1), 1.5) * target_incentive',
  ),
  formulaRow('Logos', 'New logos', 0.3, 10, 'min(max(attainment, 0), 2) * target_incentive'),
];

// Seeded actuals (LCG): bookings 0 … 2,000,000, logos 0 … 25.
let seed = 20_261_130;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const ACTUALS = Array.from({ length: N }, () => [
  ['Bookings', 'New logos'],
  [Math.round(rand() * 200_000_000) / 100, Math.floor(rand() * 26)],
]);

function run(plan: unknown[][]): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += planPayout(plan, ACTUALS[i]) as number;
  return sum;
}

function core(plan: unknown[][]): number {
  const p = readPlanTable(plan as never);
  let sum = 0;
  for (let i = 0; i < N; i++) {
    sum += planStatement(p, { Bookings: ACTUALS[i][1][0] as number, 'New logos': ACTUALS[i][1][1] as number }).total;
  }
  return sum;
}

function firstCall(plan: unknown[][]): number {
  clearPlanCache();
  const t0 = process.hrtime.bigint();
  planPayout(plan, ACTUALS[0]);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const variants: [string, () => number][] = [
  ['PLANPAYOUT, plan with curves (peer)', () => run(CURVES)],
  ['PLANPAYOUT, plan with two formula components', () => run(FORMULAS)],
  ['core planStatement, curves', () => core(CURVES)],
  ['core planStatement, formulas', () => core(FORMULAS)],
];

const timesOf = variants.map(() => [] as number[]);
const sumsOf = variants.map(() => 0);
const firsts: [number[], number[]] = [[], []];
for (let round = 0; round <= RUNS; round++) {
  if (round > 0) {
    firsts[0].push(firstCall(CURVES));
    firsts[1].push(firstCall(FORMULAS));
  }
  variants.forEach(([, fn], v) => {
    const t0 = process.hrtime.bigint();
    sumsOf[v] = fn();
    if (round > 0) timesOf[v].push(Number(process.hrtime.bigint() - t0) / 1e6);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  `formula bench: ${N.toLocaleString('en-US')} reps, median of ${RUNS} interleaved rounds, node ${process.version}`,
);
console.log('| variant | ms | reps/s | × curves (same round) | checksum |');
console.log('|---|---:|---:|---:|---:|');
variants.forEach(([name], v) => {
  const ms = median(timesOf[v]);
  const peer = v < 2 ? 0 : 2;
  const ratio = median(timesOf[v].map((t, r) => t / timesOf[peer][r]));
  console.log(
    `| ${name} | ${ms.toFixed(1)} | ${Math.round((N / ms) * 1000).toLocaleString('en-US')} | ${ratio.toFixed(2)} | ${sumsOf[v].toFixed(2)} |`,
  );
});
console.log(
  `first call (memo miss: read the plan; the formula plan also parses, checks and compiles both formulas): curves ${median(firsts[0]).toFixed(3)} ms, formulas ${median(firsts[1]).toFixed(3)} ms`,
);
const ratio = median(timesOf[1].map((t, r) => t / timesOf[0][r]));
const diff = Math.abs(sumsOf[1] - sumsOf[0]);
if (diff > 0.01 * 100) {
  console.error(`checksums differ by ${diff.toFixed(2)}: the two plans do not pay the same`);
  process.exit(1);
}
if (ratio > 3) {
  console.error(`formula plan ${ratio.toFixed(2)}× the curve plan: over the 3× target`);
  process.exit(1);
}
