/**
 * Seeded inputs for the performance and routing benchmarks and limit cases: leads (records), a rules table, a reps
 * table, and bookings. Every run computes the same.
 */
import type { Cell } from './naive';

const COUNTRIES = [
  'US',
  'CA',
  'MX',
  'BR',
  'UK',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'SE',
  'PL',
  'IN',
  'JP',
  'AU',
  'SG',
  'ZA',
  'AE',
  'KR',
  'CN',
];
const INDUSTRIES = [
  'Retail',
  'Banking',
  'Insurance',
  'Software',
  'Health',
  'Energy',
  'Media',
  'Telecom',
  'Public',
  'Travel',
];
const SOURCES = ['Web', 'Event', 'Partner', 'Outbound', 'Referral'];

/** A linear congruential generator in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** `n` leads: Country, Employees, Industry, Source, Created (a date). */
export function leads(n: number, seed = 19): Cell[][] {
  const r = prng(seed);
  const out: Cell[][] = [['Country', 'Employees', 'Industry', 'Source', 'Created']];
  for (let i = 0; i < n; i++) {
    out.push([
      COUNTRIES[Math.floor(r() * COUNTRIES.length)],
      Math.floor(10 ** (1 + r() * 4)),
      INDUSTRIES[Math.floor(r() * INDUSTRIES.length)],
      SOURCES[Math.floor(r() * SOURCES.length)],
      45292 + Math.floor(r() * 366),
    ]);
  }
  return out;
}

/** `teams` teams of `perTeam` reps: weights 1–3, every fifth rep capped, every 25th inactive. */
export function routeReps(teams: number, perTeam: number): Cell[][] {
  const out: Cell[][] = [['Rep', 'Team', 'Weight', 'Capacity', 'Active']];
  for (let t = 0; t < teams; t++) {
    for (let k = 0; k < perTeam; k++) {
      const i = t * perTeam + k;
      out.push([`Rep ${i + 1}`, `Team ${t + 1}`, 1 + (i % 3), i % 5 === 0 ? 200 : null, i % 25 === 24 ? false : null]);
    }
  }
  return out;
}

/**
 * `rules` rule rows over `teams` teams: pairs of rows (Country = c AND Employees op n) and single rows with in,
 * contains, starts with and date comparisons, the last row a default; most records match late, so the bench
 * tests many conditions per record.
 */
export function routeRules(rules: number, teams: number): Cell[][] {
  const out: Cell[][] = [['Priority', 'Field', 'Operator', 'Value', 'Assign to']];
  let p = 1;
  while (out.length < rules + 1) {
    const team = `Team ${1 + (p % teams)}`;
    const c = COUNTRIES[p % COUNTRIES.length];
    switch (p % 4) {
      case 0:
        out.push([p, 'Country', '=', c, team]);
        if (out.length < rules + 1) out.push([p, 'Employees', '>=', 5000 + p * 37, team]);
        break;
      case 1:
        out.push([p, 'Industry', 'in', `${INDUSTRIES[p % 10]}; ${INDUSTRIES[(p + 3) % 10]}`, team]);
        if (out.length < rules + 1) out.push([p, 'Country', '=', c, team]);
        break;
      case 2:
        out.push([p, 'Source', 'starts with', SOURCES[p % 5].slice(0, 3), team]);
        if (out.length < rules + 1) out.push([p, 'Created', '<', 45292 + (p % 60), team]);
        break;
      default:
        out.push([p, 'Industry', 'contains', INDUSTRIES[p % 10].slice(1, 4).toLowerCase(), team]);
        if (out.length < rules + 1) out.push([p, 'Country', '<>', c, team]);
    }
    p++;
  }
  out[out.length - 1] = [p, null, null, null, `Team ${1 + (p % teams)}`]; // the default
  return out;
}

/** `n` bookings (rep, date, amount to the cent) over `reps` reps, and the reps and quotas. */
export function bookings(n: number, reps: number, seed = 23): { reps: Cell[][]; bookings: Cell[][]; quotas: Cell[][] } {
  const r = prng(seed);
  const names = Array.from({ length: reps }, (_, i) => `Rep ${i + 1}`);
  const rows: Cell[][] = [['Rep', 'Date', 'Amount']];
  for (let i = 0; i < n; i++) {
    rows.push([names[Math.floor(r() * reps)], 45292 + Math.floor(r() * 366), Math.round(r() * 5_000_000) / 100]);
  }
  return {
    reps: [['Rep'], ...names.map((x) => [x])],
    bookings: rows,
    quotas: [['Rep', 'Quota'], ...names.map((x, i) => [x, 1_000_000 + 10_000 * (i % 50)])],
  };
}
