import { DEFAULT_SEED, MONTH_SEASONALITY, REGIONS, SEGMENTS, buildSampleCompany } from '../../sample/company';
import { Prng } from '../../sample/prng';
import { dateToSerial } from '../../src/shared/dates';

describe('seeded PRNG', () => {
  it('is deterministic and uniform enough', () => {
    const a = new Prng(1);
    const b = new Prng(1);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // Mean of 10,000 uniforms: 0.5 ± 3 × sqrt(1/12 / 10,000) ≈ 0.5 ± 0.0087
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0087);
    expect(new Prng(2).next()).not.toBe(new Prng(1).next());
  });
});

describe('sample company', () => {
  const c = buildSampleCompany();

  it('is the same for the same seed and differs for another seed', () => {
    expect(buildSampleCompany(DEFAULT_SEED)).toEqual(c);
    expect(buildSampleCompany(7).accounts[0]).not.toEqual(c.accounts[0]);
  });

  it('has 40 reps, 5 in each of the 4 regions × 2 segments, 7 ramping and 3 leavers', () => {
    expect(c.reps).toHaveLength(40);
    for (const r of REGIONS) {
      for (const s of SEGMENTS) expect(c.reps.filter((x) => x.region === r && x.segment === s)).toHaveLength(5);
    }
    expect(new Set(c.reps.map((r) => r.name)).size).toBe(40);
    expect(c.reps.filter((r) => r.startDate >= dateToSerial(2025, 10, 1))).toHaveLength(7);
    const leavers = c.reps.filter((r) => r.endDate !== null);
    expect(leavers).toHaveLength(3);
    for (const l of leavers) expect(l.endDate!).toBeGreaterThan(l.startDate);
  });

  it('has 3,000 accounts, deliberately unbalanced, owned only by reps who stay and share their region and segment', () => {
    expect(c.accounts).toHaveLength(3000);
    const byName = new Map(c.reps.map((r) => [r.name, r]));
    const counts = new Map<string, number>();
    for (const a of c.accounts) {
      expect(a.potential).toBeGreaterThan(0);
      expect(a.workload).toBeGreaterThan(0);
      if (a.owner === '') continue;
      const rep = byName.get(a.owner)!;
      expect([rep.region, rep.segment, rep.endDate]).toEqual([a.region, a.segment, null]);
      counts.set(a.owner, (counts.get(a.owner) ?? 0) + 1);
    }
    const n = [...counts.values()];
    // Unbalanced on purpose: the largest book holds several times the smallest.
    expect(Math.max(...n) / Math.min(...n)).toBeGreaterThan(4);
    // The leavers' accounts are unassigned.
    expect(c.accounts.some((a) => a.owner === '')).toBe(true);
  });

  it('has 36 months of bookings per region with growth and December peaks', () => {
    expect(c.bookings).toHaveLength(36);
    expect(c.bookings[0].month).toBe(dateToSerial(2023, 1, 1));
    expect(c.bookings[35].month).toBe(dateToSerial(2025, 12, 1));
    const total = (i: number) => REGIONS.reduce((s, r) => s + c.bookings[i].byRegion[r], 0);
    const year = (y: number) => Array.from({ length: 12 }, (_, m) => total(12 * y + m)).reduce((a, b) => a + b, 0);
    expect(year(2)).toBeGreaterThan(year(0));
    // December's seasonal factor (1.55) is well above November's (1.05): with 6 % noise December stays higher.
    expect(MONTH_SEASONALITY[11]).toBeGreaterThan(MONTH_SEASONALITY[10]);
    for (const y of [0, 1, 2]) expect(total(12 * y + 11)).toBeGreaterThan(total(12 * y + 10));
  });

  it('has 600 open opportunities in 2026 at known stages, and a plan, ramp and hiring target', () => {
    expect(c.opportunities).toHaveLength(600);
    const stages = new Set(c.stages.map((s) => s.stage));
    for (const o of c.opportunities) {
      expect(stages.has(o.stage)).toBe(true);
      expect(o.amount).toBeGreaterThan(0);
      expect(o.closeDate).toBeGreaterThanOrEqual(dateToSerial(2026, 1, 1));
      expect(o.closeDate).toBeLessThanOrEqual(dateToSerial(2026, 12, 31));
    }
    expect(c.comp.map((m) => m.weight).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(c.comp.every((m) => m.curve.at(-1)!.rate > 1 && m.threshold > 0 && m.cap > 0)).toBe(true);
    expect(c.ramp).toEqual([0.25, 0.5, 0.75]);
    expect(c.hiring.targets).toHaveLength(12);
  });
});
