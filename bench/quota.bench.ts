/**
 * `npm run bench quota`: team capacity and the hiring plan for a 2,000-rep roster over 36 months, timed against a
 * plain loop that does the same arithmetic with no validation, no date library and no rounding (the peer, measured
 * in the same run). Prints the median time of each and the ratio kernel ÷ plain loop.
 */
import { performance } from 'node:perf_hooks';
import { hiringSchedule, teamCapacity, type Rep } from '../src/quota';
import { dateToSerial, daysInMonth, monthIndex, serialToDate } from '../src/shared/dates';

const REPS = 2000;
const MONTHS = 36;
const RAMP = [0.25, 0.5, 0.75];
const FIRST = dateToSerial(2025, 1, 1);

// A deterministic roster: starts spread over 2021–2027, one in five with an end date, quotas 5,000–20,000.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const lo = dateToSerial(2021, 1, 1);
const hi = dateToSerial(2027, 12, 31);
const reps: Rep[] = Array.from({ length: REPS }, () => {
  const start = lo + Math.floor(rand() * (hi - lo));
  const end = rand() < 0.2 ? start + Math.floor(rand() * 1500) : undefined;
  return { fullQuota: 5000 + Math.round(rand() * 1500000) / 100, start, end };
});

/** The peer: the calendar-convention capacity in one plain loop over precomputed integers. */
function plainCapacity(): number[] {
  const f0 = monthIndex(serialToDate(FIRST));
  const dim = Array.from({ length: MONTHS }, (_, i) => daysInMonth(Math.floor((f0 + i) / 12), ((f0 + i) % 12) + 1));
  const out = new Array<number>(MONTHS).fill(0);
  for (const r of reps) {
    const s = serialToDate(r.start);
    const si = monthIndex(s) - f0;
    const e = r.end === undefined ? undefined : serialToDate(r.end);
    const ei = e ? monthIndex(e) - f0 : Infinity;
    for (let i = Math.max(0, si); i < MONTHS && i <= ei; i++) {
      const first = i === si ? s.day : 1;
      const last = i === ei ? e!.day : dim[i];
      const k = i - si + 1;
      out[i] += (r.fullQuota * (k <= RAMP.length ? RAMP[k - 1] : 1) * (last - first + 1)) / dim[i];
    }
  }
  return out;
}

const capacity = teamCapacity({ reps, firstMonth: FIRST, months: MONTHS, ramp: RAMP }).capacity;
const targets = capacity.map((c, i) => c * 1.05 + 50000 * i);
const FULL = 12000;

const step = (k: number) => (k < 1 ? 0 : k <= RAMP.length ? RAMP[k - 1] : 1);

/**
 * The peer: the same plan in plain loops (fewest hires N* all in month 1, then moved as late as each month allows,
 * checking every month by brute summation), with no validation, no tolerance and no unmet-month bookkeeping.
 */
function plainHires(): number[] {
  const n = MONTHS;
  let total = 0;
  for (let i = 0; i < n; i++) total = Math.max(total, Math.ceil((targets[i] - capacity[i]) / (FULL * step(i + 1))));
  const h = new Array<number>(n).fill(0);
  h[0] = Math.max(0, total);
  for (let s = n - 1; s > 0; s--) {
    let k = h[0];
    for (let i = 0; i < n; i++) {
      let c = capacity[i];
      for (let t = 0; t <= i; t++) c += h[t] * FULL * step(i - t + 1);
      const d = FULL * (step(i + 1) - step(i - s + 1));
      if (d > 0) k = Math.min(k, Math.floor((c - targets[i]) / d));
    }
    h[0] -= k;
    h[s] += k;
  }
  return h;
}

/** Median time of one call (ms) over `runs` samples, each timing `batch` calls (for sub-millisecond work). */
function median(f: () => unknown, runs: number, batch = 1): number {
  for (let i = 0; i < 3 * batch; i++) f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    for (let j = 0; j < batch; j++) f();
    t.push((performance.now() - a) / batch);
  }
  t.sort((x, y) => x - y);
  return t[Math.floor(runs / 2)];
}

// Sanity: the kernel and the peer agree (the kernel rounds each rep-month to the cent: ≤ 0.005 × 2000 apart).
const peer = plainCapacity();
const worst = Math.max(...capacity.map((c, i) => Math.abs(c - peer[i])));
if (worst > 0.005 * REPS) throw new Error(`capacity and the plain loop disagree by ${worst}`);
const plan = hiringSchedule({ targets, capacity, fullQuota: FULL, ramp: RAMP });
if (plainHires().join() !== plan.hires.join()) throw new Error('the hiring plan differs from the plain loop');

const rows: [string, number, number][] = [
  [
    `teamCapacity (${REPS} reps × ${MONTHS} months)`,
    median(() => teamCapacity({ reps, firstMonth: FIRST, months: MONTHS, ramp: RAMP }), 30),
    median(plainCapacity, 30),
  ],
  [
    `hiringSchedule (${MONTHS} months, ${plan.totalHires} hires)`,
    median(() => hiringSchedule({ targets, capacity, fullQuota: FULL, ramp: RAMP }), 31, 100),
    median(plainHires, 31, 100),
  ],
  [
    `capacity + hiring plan`,
    median(() => {
      const c = teamCapacity({ reps, firstMonth: FIRST, months: MONTHS, ramp: RAMP }).capacity;
      hiringSchedule({ targets, capacity: c, fullQuota: FULL, ramp: RAMP });
    }, 30),
    median(() => {
      plainCapacity();
      plainHires();
    }, 30),
  ],
];
console.log(`node ${process.version}; capacity agrees with the plain loop within ${worst.toFixed(4)}`);
console.log('| computation | kernel (ms, median) | plain loop (ms, median) | ratio |');
console.log('|---|---:|---:|---:|');
for (const [name, k, p] of rows) {
  console.log(`| ${name} | ${k.toFixed(3)} | ${p.toFixed(3)} | ${(k / p).toFixed(1)}× |`);
}

// The worst case a sheet can ask for: a hiring plan over the 1,200-month maximum (absolute time, no peer).
const long = Array.from({ length: 1200 }, (_, i) => 1e6 + 1000 * i);
const t1200 = median(
  () => hiringSchedule({ targets: long, capacity: new Array<number>(1200).fill(0), fullQuota: 1000, ramp: RAMP }),
  5,
);
console.log(`hiringSchedule over 1,200 months: ${t1200.toFixed(1)} ms (median of 5)`);
