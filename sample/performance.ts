/**
 * The sample company's performance and routing data: closed-won deals of Q1 2026 so far (for ATTAINMENT and
 * PACING), inbound leads, and the rules of engagement that route them (for ROUTE). Generated from the company's
 * seed with a generator of their own, so the company's other figures do not change.
 */
import { dateToSerial } from '../src/shared/dates';
import type { SampleCompany } from './company';
import { Prng } from './prng';

/** Q1 2026 and the as-of date of the sample's pacing (Excel serials). */
export const PERFORMANCE_DATES = {
  quarterStart: dateToSerial(2026, 1, 1),
  quarterEnd: dateToSerial(2026, 3, 31),
  asOf: dateToSerial(2026, 3, 15),
} as const;

/** One closed-won deal: rep name, close date (serial), amount in dollars (to the cent). */
export interface Deal {
  rep: string;
  date: number;
  amount: number;
}

/** One inbound lead. */
export interface Lead {
  id: string;
  country: string;
  employees: number;
  industry: string;
  source: string;
}

/** A row of the rules table: Priority, Field, Operator, Value, Assign to (blank field: the default). */
export type RuleRow = [number, string | null, string | null, string | number | null, string];

/** A row of the routing reps table: Rep, Team, Weight, Capacity, Active. */
export type RoutingRepRow = [string, string, number, number | null, boolean];

export interface PerformanceData {
  deals: Deal[];
  leads: Lead[];
  rules: RuleRow[];
  routingReps: RoutingRepRow[];
}

const COUNTRIES = ['US', 'CA', 'MX', 'BR', 'UK', 'DE', 'FR', 'JP', 'AU', 'SG'];
const INDUSTRIES = ['Retail', 'Banking', 'Software', 'Health', 'Energy', 'Media'];
const SOURCES = ['Web', 'Event', 'Partner', 'Outbound'];

/** The performance and routing data of `c` (deterministic in its seed). */
export function buildPerformanceData(c: SampleCompany): PerformanceData {
  const rng = new Prng(c.seed + 19);
  const active = c.reps.filter((r) => r.endDate === null);
  const days = PERFORMANCE_DATES.asOf - PERFORMANCE_DATES.quarterStart + 1;
  const deals: Deal[] = [];
  for (const r of active) {
    // Ramping reps (started from Oct 2025) close fewer deals.
    const n = r.startDate >= dateToSerial(2025, 10, 1) ? rng.int(1, 4) : rng.int(4, 12);
    for (let k = 0; k < n; k++) {
      const size = r.segment === 'Enterprise' ? 32_000 : 14_000;
      deals.push({
        rep: r.name,
        date: PERFORMANCE_DATES.quarterStart + rng.int(0, days - 1),
        amount: Math.round(rng.logNormal(size, 0.5) * 100) / 100,
      });
    }
  }
  deals.sort((a, b) => a.date - b.date || a.rep.localeCompare(b.rep));
  const leads: Lead[] = Array.from({ length: 120 }, (_, i) => ({
    id: `L-${String(i + 1).padStart(4, '0')}`,
    country: rng.pick(COUNTRIES),
    employees: Math.round(10 ** rng.uniform(1, 4.5)),
    industry: rng.pick(INDUSTRIES),
    source: rng.pick(SOURCES),
  }));
  // Teams: the Enterprise reps are one team; Commercial reps are in their region's team.
  // The first Enterprise rep owns partner leads in banking and health (no cap, always active).
  const firstEnterprise = active.find((r) => r.segment === 'Enterprise')!.name;
  const routingReps: RoutingRepRow[] = active.map((r, i) => [
    r.name,
    r.segment === 'Enterprise' ? 'Enterprise' : r.region,
    r.startDate >= dateToSerial(2025, 10, 1) ? 1 : 2, // ramping reps get half the share
    r.segment === 'Enterprise' && r.name !== firstEnterprise ? 6 : null,
    r.name === firstEnterprise || i % 13 !== 7, // one rep in 13 is on leave
  ]);
  const rules: RuleRow[] = [
    [1, 'Source', '=', 'Partner', firstEnterprise],
    [1, 'Industry', 'in', 'Banking; Health', firstEnterprise],
    [2, 'Employees', '>=', 5000, 'Enterprise'],
    [3, 'Country', 'in', 'US; CA', 'North'],
    [4, 'Country', 'in', 'MX; BR', 'South'],
    [5, 'Country', 'in', 'UK; DE; FR', 'East'],
    [6, 'Country', 'in', 'JP; AU; SG', 'West'],
    [9, null, null, null, 'North'],
  ];
  return { deals, leads, rules, routingReps };
}
