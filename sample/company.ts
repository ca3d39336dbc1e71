/**
 * The embedded sample company: a synthetic sales organisation generated deterministically from a seed.
 * Money is in US dollars; dates are Excel date serials (1900 system); rates and attainments are fractions.
 * The plan year is 2026; the closed year whose payouts are computed is 2025; history covers 2023–2025.
 */
import { dateToSerial } from '../src/shared/dates';
import { Prng } from './prng';

export const REGIONS = ['North', 'South', 'East', 'West'] as const;
export const SEGMENTS = ['Enterprise', 'Commercial'] as const;
export type Region = (typeof REGIONS)[number];
export type Segment = (typeof SEGMENTS)[number];

/** The seed of the published sample (docs and tests refer to its figures). */
export const DEFAULT_SEED = 20260101;
/** First day of the plan year (Excel serial of 2026-01-01). */
export const PLAN_YEAR_START = dateToSerial(2026, 1, 1);

export interface Rep {
  id: string;
  name: string;
  region: Region;
  segment: Segment;
  /** Start date (Excel serial). */
  startDate: number;
  /** Last day employed (Excel serial), or `null` while employed. */
  endDate: number | null;
  /** Fully ramped annual bookings quota, dollars per year. */
  annualQuota: number;
  /** Target incentive at 100 % attainment, dollars per year. */
  targetIncentive: number;
  /** 2025 bookings credited (dollars); 0 for reps who started after 2025-01-01. */
  bookings2025: number;
  /** New logos won in 2025 (accounts). */
  newLogos2025: number;
  /** New-logo target for 2025 (accounts). */
  newLogoTarget: number;
  homeLat: number;
  homeLong: number;
}

export interface Account {
  id: string;
  name: string;
  region: Region;
  segment: Segment;
  /** Annual revenue potential, dollars per year. */
  potential: number;
  /** Expected workload, hours per year. */
  workload: number;
  /** Current annual revenue, dollars per year. */
  revenue: number;
  lat: number;
  long: number;
  /** Current owner's rep name; "" when unassigned (its owner is leaving). */
  owner: string;
}

export interface Opportunity {
  id: string;
  accountId: string;
  owner: string;
  stage: string;
  /** Amount, dollars. */
  amount: number;
  /** Expected close date (Excel serial). */
  closeDate: number;
}

/** One component of the comp plan: a payout curve (marginal bands) on its attainment. */
export interface CompMeasure {
  name: string;
  /** Share of the target incentive (fraction). */
  weight: number;
  /** Curve bands: attainment lower bound (fraction) → payout rate multiplier. */
  curve: { from: number; rate: number }[];
  /** Attainment below which the component pays nothing (fraction). */
  threshold: number;
  /** Maximum payout as a multiple of the component's target incentive. */
  cap: number;
}

export interface SampleCompany {
  seed: number;
  reps: Rep[];
  accounts: Account[];
  /** 36 months, 2023-01 … 2025-12: first-of-month serial and bookings (dollars per month) by region. */
  bookings: { month: number; byRegion: Record<Region, number> }[];
  opportunities: Opportunity[];
  /** Stage → win probability (fraction), in funnel order. */
  stages: { stage: string; probability: number }[];
  comp: CompMeasure[];
  /** Ramp: fraction of full quota in tenure months 1, 2, 3 (1.0 afterwards). */
  ramp: number[];
  /** Hiring plan inputs for 2026: monthly bookings targets (dollars per month) and per-hire parameters. */
  hiring: { targets: number[]; fullMonthlyQuota: number; monthlyAttrition: number; leadTimeMonths: number };
}

const FIRST_NAMES = [
  'Ava', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas',
  'Kira', 'Liam', 'Maya', 'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sam', 'Tara',
]; // prettier-ignore
const LAST_NAMES = [
  'Adams', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
  'Khan', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Silva', 'Tanaka', 'Weber',
]; // prettier-ignore
const COMPANY_WORDS = ['Apex', 'Blue', 'Cedar', 'Delta', 'Ember', 'Frontier', 'Granite', 'Harbor', 'Iron', 'Juniper'];
const COMPANY_KINDS = ['Labs', 'Foods', 'Logistics', 'Health', 'Energy', 'Systems', 'Retail', 'Bank', 'Media', 'Works'];

/** Latitude/longitude box of each region (a US-like map). */
const REGION_BOX: Record<Region, { lat: [number, number]; long: [number, number] }> = {
  North: { lat: [42, 48], long: [-105, -85] },
  South: { lat: [29, 35], long: [-100, -82] },
  East: { lat: [36, 44], long: [-82, -71] },
  West: { lat: [33, 47], long: [-123, -112] },
};

/** Reps per region × segment cell: 5, so 4 × 2 × 5 = 40. */
const REPS_PER_CELL = 5;

/** Builds the whole sample company from `seed` (the same seed always gives the same company). */
export function buildSampleCompany(seed: number = DEFAULT_SEED): SampleCompany {
  const rng = new Prng(seed);
  const reps = buildReps(rng);
  const accounts = buildAccounts(rng, reps);
  const bookings = buildBookings(rng);
  const stages = [
    { stage: 'Prospecting', probability: 0.1 },
    { stage: 'Qualification', probability: 0.2 },
    { stage: 'Proposal', probability: 0.4 },
    { stage: 'Negotiation', probability: 0.6 },
    { stage: 'Commit', probability: 0.8 },
  ];
  const opportunities = buildOpportunities(rng, accounts, stages);
  const comp: CompMeasure[] = [
    {
      name: 'Bookings',
      weight: 0.7,
      curve: [
        { from: 0, rate: 1 },
        { from: 1, rate: 2 },
      ],
      threshold: 0.5,
      cap: 2,
    },
    {
      name: 'New logos',
      weight: 0.3,
      curve: [
        { from: 0, rate: 1 },
        { from: 1, rate: 1.5 },
      ],
      threshold: 0.5,
      cap: 2,
    },
  ];
  // Targets grow from $3.3M to $3.85M a month (+$50,000 a month): above the current team's capacity.
  const targets = Array.from({ length: 12 }, (_, m) => 3_300_000 + 50_000 * m);
  return {
    seed,
    reps,
    accounts,
    bookings,
    opportunities,
    stages,
    comp,
    ramp: [0.25, 0.5, 0.75],
    hiring: { targets, fullMonthlyQuota: 75_000, monthlyAttrition: 0.01, leadTimeMonths: 2 },
  };
}

function buildReps(rng: Prng): Rep[] {
  const reps: Rep[] = [];
  const usedNames = new Set<string>();
  // Which reps are ramping (started from 2025-10 on) and which are leaving in 2026: fixed positions so the
  // sample always has 7 ramping reps spread over the regions and exactly 3 leavers.
  const ramping = new Set([4, 9, 13, 19, 24, 33, 38]);
  const leavers = new Map<number, number>([
    [2, dateToSerial(2026, 3, 15)],
    [17, dateToSerial(2026, 5, 31)],
    [27, dateToSerial(2026, 8, 20)],
  ]);
  let i = 0;
  for (const region of REGIONS) {
    for (const segment of SEGMENTS) {
      for (let k = 0; k < REPS_PER_CELL; k++, i++) {
        let name = '';
        do {
          name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        } while (usedNames.has(name));
        usedNames.add(name);
        const enterprise = segment === 'Enterprise';
        const startDate = ramping.has(i)
          ? dateToSerial(2025, 10 + rng.int(0, 5), rng.int(1, 28))
          : dateToSerial(rng.int(2016, 2024), rng.int(1, 12), rng.int(1, 28));
        const annualQuota = Math.round(rng.uniform(enterprise ? 1_100_000 : 550_000, enterprise ? 1_300_000 : 650_000) / 10_000) * 10_000; // prettier-ignore
        const targetIncentive = enterprise ? 80_000 : 50_000;
        const tenured2025 = startDate < dateToSerial(2025, 1, 1);
        const attainment = Math.max(0.3, rng.uniform(0.55, 1.45));
        const newLogoTarget = enterprise ? 6 : 12;
        const box = REGION_BOX[region];
        reps.push({
          id: `R${String(i + 1).padStart(3, '0')}`,
          name,
          region,
          segment,
          startDate,
          endDate: leavers.get(i) ?? null,
          annualQuota,
          targetIncentive,
          bookings2025: tenured2025 ? Math.round(annualQuota * attainment) : 0,
          newLogos2025: tenured2025 ? Math.round(newLogoTarget * rng.uniform(0.3, 1.6)) : 0,
          newLogoTarget,
          homeLat: round(rng.uniform(box.lat[0], box.lat[1]), 4),
          homeLong: round(rng.uniform(box.long[0], box.long[1]), 4),
        });
      }
    }
  }
  return reps;
}

function buildAccounts(rng: Prng, reps: Rep[]): Account[] {
  const accounts: Account[] = [];
  for (let i = 0; i < 3000; i++) {
    const region = REGIONS[i % 4];
    const segment: Segment = rng.next() < 0.3 ? 'Enterprise' : 'Commercial';
    const enterprise = segment === 'Enterprise';
    const potential = Math.round(rng.logNormal(enterprise ? 250_000 : 60_000, 0.6) / 100) * 100;
    const workload = Math.round(Math.min(400, Math.max(8, (enterprise ? 60 : 25) * rng.logNormal(1, 0.4))));
    const revenue = Math.round((potential * rng.uniform(0.05, 0.6)) / 100) * 100;
    const box = REGION_BOX[region];
    // Deliberately unbalanced: among the tenured reps of the cell, the first gets weight 4, the next 2, then 1.
    const owners = reps.filter(
      (r) => r.region === region && r.segment === segment && r.startDate < dateToSerial(2025, 10, 1),
    );
    const owner = rng.weighted(
      owners,
      owners.map((_, k) => (k === 0 ? 4 : k === 1 ? 2 : 1)),
    );
    accounts.push({
      id: `A${String(i + 1).padStart(4, '0')}`,
      name: `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_KINDS)} ${i + 1}`,
      region,
      segment,
      potential,
      workload,
      revenue,
      lat: round(rng.uniform(box.lat[0], box.lat[1]), 4),
      long: round(rng.uniform(box.long[0], box.long[1]), 4),
      owner: owner.endDate === null ? owner.name : '',
    });
  }
  return accounts;
}

/** Seasonality by calendar month (index 0 = January): quarter-end pushes, a slow January and summer. */
export const MONTH_SEASONALITY = [0.7, 0.85, 1.25, 0.8, 0.9, 1.2, 0.75, 0.8, 1.2, 0.95, 1.05, 1.55];

function buildBookings(rng: Prng): SampleCompany['bookings'] {
  const base: Record<Region, number> = { North: 700_000, South: 550_000, East: 800_000, West: 650_000 };
  const growth: Record<Region, number> = { North: 0.012, South: 0.008, East: 0.01, West: 0.015 };
  const out: SampleCompany['bookings'] = [];
  for (let m = 0; m < 36; m++) {
    const year = 2023 + Math.floor(m / 12);
    const month = (m % 12) + 1;
    const byRegion = {} as Record<Region, number>;
    for (const r of REGIONS) {
      const level = base[r] * (1 + growth[r]) ** m * MONTH_SEASONALITY[m % 12];
      byRegion[r] = Math.round(level * (1 + 0.06 * rng.normal()));
    }
    out.push({ month: dateToSerial(year, month, 1), byRegion });
  }
  return out;
}

function buildOpportunities(
  rng: Prng,
  accounts: Account[],
  stages: { stage: string; probability: number }[],
): Opportunity[] {
  const out: Opportunity[] = [];
  const owned = accounts.filter((a) => a.owner !== '');
  for (let i = 0; i < 600; i++) {
    const account = rng.pick(owned);
    const enterprise = account.segment === 'Enterprise';
    const stage = rng.weighted(
      stages.map((s) => s.stage),
      [30, 25, 20, 15, 10],
    );
    out.push({
      id: `O${String(i + 1).padStart(4, '0')}`,
      accountId: account.id,
      owner: account.owner,
      stage,
      amount: Math.round(rng.logNormal(enterprise ? 90_000 : 25_000, 0.5) / 100) * 100,
      closeDate: PLAN_YEAR_START + rng.int(0, 364),
    });
  }
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
