import fc from 'fast-check';
import {
  type CompPlan,
  curve,
  planMeasures,
  planPayout,
  planStatement,
  readPlanTable,
  statementGrid,
  validatePlan,
} from '../../src/comp';
import { allocateCents } from '../../src/shared/money';
import { ModelInputError } from '../../src/shared/errors';
import { AE_PLAN } from './fixtures';

const plan = readPlanTable(AE_PLAN);
const sumCentsOf = (xs: readonly number[]) => xs.reduce((s, x) => s + Math.round(x * 100), 0);

describe('a multi-measure plan (AE_PLAN in fixtures.ts)', () => {
  test('at 120 % bookings and 12 new logos: accelerator, kicker, retro component and SPIFF', () => {
    const s = planStatement(plan, { Bookings: 1_200_000, 'New logos': 12, 'Multi-year deals': 2 });
    // Bookings: target 10,000 × 0.7 = 7,000; attainment 1,200,000 / 1,000,000 = 1.2
    //   band 0–100 %: 7,000 × 1.0 × 1 = 7,000 ; band 100 %+: 7,000 × 0.2 × 1.5 = 2,100 → 9,100 (< cap 14,000)
    //   kicker: New logos 12 / 10 = 120 % ≥ 100 % → × 1.1: + 9,100 × 0.1 = 910 → 10,010
    // Logos: target 3,000; retro 3,000 × 1.2 × 1 = 3,600
    // SPIFF: 2 × 250 = 500
    // Total: 10,010 + 3,600 + 500 = 14,110
    expect(s.total).toBe(14_110);
    expect(s.lines.map((l) => [l.component, l.kind, l.amount])).toEqual([
      ['Bookings', 'band', 7_000],
      ['Bookings', 'band', 2_100],
      ['Bookings', 'kicker', 910],
      ['Logos', 'band', 3_600],
      ['Multi-year', 'spiff', 500],
    ]);
    expect(s.components.map((c) => [c.name, c.attainment, c.targetIncentive])).toEqual([
      ['Bookings', 1.2, 7_000],
      ['Logos', 1.2, expect.closeTo(3_000, 9)],
    ]);
    expect(planPayout(plan, { bookings: 1_200_000, 'NEW  LOGOS': 12, 'multi-year deals': 2 })).toBe(14_110);
  });

  test('below the threshold the component pays 0 (the gate line takes the band back), the kicker multiplies 0', () => {
    const s = planStatement(plan, { Bookings: 400_000, 'New logos': 12, 'Multi-year deals': 2 });
    // Bookings 40 % < 50 %: band 7,000 × 0.4 = 2,800, gate −2,800; kicker +0
    // Logos 3,000 × 1.2 = 3,600; SPIFF 500 → 4,100
    expect(s.total).toBe(4_100);
    expect(s.lines.slice(0, 3).map((l) => [l.kind, l.amount])).toEqual([
      ['band', 2_800],
      ['gate', -2_800],
      ['kicker', 0],
    ]);
  });

  test('the cap (2 × component target) applies before the kicker; no kicker below its hurdle', () => {
    const s = planStatement(plan, { Bookings: 2_500_000, 'New logos': 5, 'Multi-year deals': 0 });
    // Bookings 250 %: 7,000 + 7,000 × 1.5 × 1.5 = 7,000 + 15,750 = 22,750 > cap 2 × 7,000 = 14,000 → −8,750
    // New logos 5 / 10 = 50 % < 100 %: no kicker. Logos: 3,000 × 0.5 × 1 = 1,500. SPIFF 0 × 250 = 0.
    // Total 14,000 + 1,500 = 15,500
    expect(s.total).toBe(15_500);
    expect(s.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['band', 7_000],
      ['band', 15_750],
      ['cap', -8_750],
      ['band', 1_500],
      ['spiff', 0],
    ]);
  });

  test('exactly at the cap and exactly at the kicker hurdle', () => {
    // Bookings at exactly the cap: 7,000 + 7,000 × (a − 1) × 1.5 = 14,000 → a − 1 = 2/3 → a = 5/3,
    // i.e. bookings 1,000,000 × 5/3 = 5,000,000 / 3
    const s = planStatement(plan, { Bookings: 5_000_000 / 3, 'New logos': 10, 'Multi-year deals': 0 });
    // capped at 14,000 (floating error aside); kicker at exactly 100 %: × 1.1 → 15,400; Logos 3,000 × 1 = 3,000
    expect(s.total).toBe(18_400);
  });

  test('proration scales target incentive and quotas; SPIFFs are not prorated', () => {
    const s = planStatement(plan, { Bookings: 600_000, 'New logos': 12, 'Multi-year deals': 2 }, { proration: 0.5 });
    // target 5,000; Bookings target 3,500, quota 500,000 → 120 %: 3,500 + 3,500 × 0.2 × 1.5 = 4,550
    // kicker: New logos 12 / (10 × 0.5) = 240 % → + 455 → 5,005
    // Logos target 1,500 × 2.4 × 1 = 3,600 ; SPIFF 500 → total 9,105
    expect(s.total).toBe(9_105);
  });

  test('proration 0: nothing but SPIFFs', () => {
    expect(planPayout(plan, { Bookings: 600_000, 'New logos': 12, 'Multi-year deals': 2 }, { proration: 0 })).toBe(500);
  });

  test('negative actuals (returns exceeding bookings) pay 0 on that component', () => {
    // Bookings −50 % → 0 (below threshold anyway); Logos 3,000 × 1 = 3,000
    expect(planPayout(plan, { Bookings: -500_000, 'New logos': 10, 'Multi-year deals': 0 })).toBe(3_000);
  });

  test('a missing measure is #N/A naming it', () => {
    try {
      planStatement(plan, { Bookings: 1 });
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(ModelInputError);
      expect((e as ModelInputError).kind).toBe('notAvailable');
      expect((e as Error).message).toBe('actuals: no value for measure "New logos" (found: Bookings).');
    }
  });

  test('an attainment that overflows (a denormal proration) is #VALUE!, not NaN', () => {
    expect(() =>
      planStatement(plan, { Bookings: 1, 'New logos': 1, 'Multi-year deals': 0 }, { proration: 5e-324 }),
    ).toThrow(/attainment of "Bookings" .* is not a finite number/);
  });

  test('plan measures in plan order', () => {
    expect(planMeasures(plan)).toEqual(['Bookings', 'New logos', 'Multi-year deals']);
  });

  test('fixed SPIFF: pays once at the hurdle (default 1 unit)', () => {
    const p: CompPlan = {
      targetIncentive: 1000,
      components: [{ name: 'B', measure: 'B', weight: 1, quota: 100, curve: curve('marginal', [[0, 1]]) }],
      kickers: [],
      spiffs: [{ name: 'Logo', measure: 'Logos', kind: 'fixed', amount: 300 }],
    };
    // B 50 % × 1 × 1,000 = 500 ; Logos 0 < 1: no SPIFF ; Logos 3 ≥ 1: + 300 once
    expect(planPayout(p, { B: 50, Logos: 0 })).toBe(500);
    expect(planPayout(p, { B: 50, Logos: 3 })).toBe(800);
  });
});

describe('rounding: once at the total; lines reconcile to it', () => {
  test('three thirds of 1,000 show as 333.34 + 333.33 + 333.33 = 1,000.00', () => {
    const third = 1 / 3;
    const p: CompPlan = {
      targetIncentive: 1000,
      components: ['A', 'B', 'C'].map((n) => ({
        name: n,
        measure: n,
        weight: third,
        quota: 1,
        curve: curve('marginal', [[0, 1]]),
      })),
      kickers: [],
      spiffs: [],
    };
    const s = planStatement(p, { A: 1, B: 1, C: 1 });
    // each line: 1,000 / 3 = 333.333…; exact total 1,000 → 1,000.00; the 1 cent goes to the first line
    expect(s.total).toBe(1000);
    expect(s.lines.map((l) => l.amount)).toEqual([333.34, 333.33, 333.33]);
  });

  test('allocateCents: half-cent lines', () => {
    // 0.005 × 3 = 0.015 → 0.02 total; each line rounds to 0.01 (3 cents) → one line gives a cent back
    expect(allocateCents([0.005, 0.005, 0.005], 2)).toEqual([0, 1, 1]);
    expect(allocateCents([], 0)).toEqual([]);
    // 1.234 + 2.345 = 3.579 → 358 cents; lines 123 + 235 = 358: nothing to move
    expect(allocateCents([1.234, 2.345], 358)).toEqual([123, 235]);
  });

  test('statementGrid: header, lines, total row', () => {
    const g = statementGrid(planStatement(plan, { Bookings: 1_200_000, 'New logos': 12, 'Multi-year deals': 2 }));
    expect(g[0]).toEqual(['Component', 'Measure', 'Item', 'Base', 'Rate', 'Amount']);
    // base of the 100 %+ band: 7,000 × 0.2 = 1,400 (shown to 12 significant digits)
    expect(g[2]).toEqual(['Bookings', 'Bookings', 'band 100%–∞', 1400, 1.5, 2100]);
    expect(g[g.length - 1]).toEqual(['Total', null, null, null, null, 14_110]);
  });
});

describe('plan validation', () => {
  const base: CompPlan = {
    targetIncentive: 1000,
    components: [{ name: 'B', measure: 'B', weight: 1, quota: 100, curve: curve('marginal', [[0, 1]]) }],
    kickers: [],
    spiffs: [],
  };
  test.each([
    [{ ...base, targetIncentive: -1 }, /target incentive must be zero or more/],
    [{ ...base, components: [] }, /no components/],
    [{ ...base, components: [{ ...base.components[0], weight: 0.9 }] }, /weights add up to 0.9; they must add up to 1/],
    [{ ...base, components: [{ ...base.components[0], quota: 0 }] }, /component "B": the quota must be more than 0/],
    [{ ...base, components: [{ ...base.components[0], cap: -2 }] }, /component "B": cap: must be zero or more/],
    [{ ...base, kickers: [{ component: 'X', measure: 'B', hurdle: 1, multiplier: 2 }] }, /kicker on "X": no component/],
    [{ ...base, kickers: [{ component: 'B', measure: 'Z', hurdle: 1, multiplier: 2 }] }, /no component measures "Z"/],
  ])('%#', (p, msg) => {
    expect(() => validatePlan(p as CompPlan)).toThrow(msg);
  });
});

// ---- properties -------------------------------------------------------------------------------------------------

const planArb: fc.Arbitrary<CompPlan> = fc
  .tuple(
    fc.integer({ min: 0, max: 5_000_000 }).map((c) => c / 100),
    fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom<'marginal' | 'retro' | 'linear'>('marginal', 'retro', 'linear'),
        fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }),
        fc.integer({ min: 1, max: 1_000_000 }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.double({ min: 0.5, max: 2, noNaN: true }),
    fc.double({ min: -10, max: 30, noNaN: true }),
  )
  .map(([ti, comps, mult, spiffAmount]) => {
    const total = comps.reduce((s, c) => s + c[0], 0);
    return {
      targetIncentive: ti,
      components: comps.map(([w, method, b, r, cap, quota], i) => ({
        name: `C${i}`,
        measure: `M${i}`,
        weight: w / total,
        quota,
        curve: curve(
          method,
          [...b].sort((x, y) => x - y).map((v, j): [number, number] => [v / 100, r[j]]),
        ),
        ...(cap !== undefined ? { cap } : {}),
      })),
      kickers: [{ component: 'C0', measure: `M${comps.length - 1}`, hurdle: 0.8, multiplier: mult }],
      spiffs: [{ name: 'S', measure: 'M0', kind: 'perUnit' as const, amount: spiffAmount }],
    };
  })
  .filter((p) => Math.abs(p.components.reduce((s, c) => s + c.weight, 0) - 1) <= 1e-9);

describe('properties', () => {
  test('statement lines add up to the total exactly (in cents), and the total is the exact sum rounded once', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.array(fc.double({ min: -1e5, max: 3e6, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1 / 366, max: 1, noNaN: true })),
        (p, values, f) => {
          const actuals: Record<string, number> = {};
          p.components.forEach((_, i) => (actuals[`M${i}`] = values[i]));
          const s = planStatement(p, actuals, { proration: f });
          return (
            sumCentsOf(s.lines.map((l) => l.amount)) === Math.round(s.total * 100) &&
            Math.abs(s.total - s.exactTotal) <= 0.005 + 1e-9 * Math.abs(s.exactTotal) &&
            s.lines.every((l) => Math.abs(l.amount - l.exact) < 0.01 * s.lines.length + 1e-6)
          );
        },
      ),
      { seed: 331, numRuns: 500 },
    );
  });
});
