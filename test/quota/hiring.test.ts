/**
 * The hiring plan: hand-worked cases, the ramp counterexample to just-in-time hiring, and a brute-force check
 * that the plan uses the fewest hires.
 */
import fc from 'fast-check';
import { ModelInputError } from '../../src/shared/errors';
import { hiringSchedule, rampFraction } from '../../src/quota';

describe('hiringSchedule: hand-worked', () => {
  test('no ramp, no attrition: hires start in the month of need', () => {
    // Shortfall 0, 150, 150 with hires of 100 each: ⌈150/100⌉ = 2 hires, needed from month 2 (index 1).
    const p = hiringSchedule({ targets: [100, 250, 250], capacity: [100, 100, 100], fullQuota: 100 });
    expect(p.hires).toEqual([0, 2, 0]);
    expect(p.totalHires).toBe(2);
    expect(p.capacityWithHires).toEqual([100, 300, 300]);
    expect(p.unmet).toEqual([]);
  });

  test('with a ramp, one hire a month early beats two hires just in time', () => {
    // Need 100 from month 3 (index 2); ramp 0.5 then 1; F = 100.
    // Just in time: two hires in month 3 (2 × 0.5 × 100 = 100). Planned: one hire in month 2, carrying 0.5 × 100
    // = 50 in month 2 (not needed) and 100 from month 3. Starting it in month 3 would leave 50 short.
    const p = hiringSchedule({ targets: [0, 0, 100, 100], capacity: [0, 0, 0, 0], fullQuota: 100, ramp: [0.5] });
    expect(p.hires).toEqual([0, 1, 0, 0]);
    expect(p.capacityWithHires).toEqual([0, 50, 100, 100]);
  });

  test('a shortfall inside the lead time is reported, the rest is met', () => {
    // Lead time 1: hires start from month 2. Month 1 short 100 → unmet (leadTime); months 2, 3 need ⌈100/100⌉ = 1.
    const p = hiringSchedule({ targets: [200, 200, 200], capacity: [100, 100, 100], fullQuota: 100, leadTime: 1 });
    expect(p.hires).toEqual([0, 1, 0]);
    expect(p.unmet).toEqual([{ month: 0, reason: 'leadTime', shortfall: 100 }]);
  });

  test('a shortfall while the earliest hire is still at ramp 0 is reported', () => {
    // Ramp 0, 0.5, then 1. Month 1 short 50 but a month-1 hire carries 0 → unmet (ramp).
    // Month 2: a month-1 hire carries 0.5 × 100 = 50 = the shortfall → 1 hire; month 3: 1 hire carries 100 ≥ 50.
    // A month-2 start would carry 0 in month 2, so the hire starts in month 1.
    const p = hiringSchedule({ targets: [150, 150, 150], capacity: [100, 100, 100], fullQuota: 100, ramp: [0, 0.5] });
    expect(p.hires).toEqual([1, 0, 0]);
    expect(p.unmet).toEqual([{ month: 0, reason: 'ramp', shortfall: 50 }]);
  });

  test('over-assignment and attrition of the existing team', () => {
    // Required 1000 × 1.1 = 1100 both months. Existing: 1000, 1000 × 0.9 = 900. Shortfall 100, 200 → 2 hires of
    // 100 needed by month 2, 1 already in month 1: plan [1, 1]. Month 1: 1000 + 100 = 1100; month 2: 900 + 200 = 1100.
    const p = hiringSchedule({
      targets: [1000, 1000],
      capacity: [1000, 1000],
      fullQuota: 100,
      attrition: 0.1,
      overAssignment: 0.1,
    });
    expect(p.hires).toEqual([1, 1]);
    expect(p.required).toEqual([1100, 1100]);
    expect(p.capacityWithHires).toEqual([1100, 1100]);
  });

  test('no shortfall, no hires', () => {
    expect(hiringSchedule({ targets: [5, 5], capacity: [10, 10], fullQuota: 1 }).hires).toEqual([0, 0]);
  });

  test('huge targets over 1,200 months finish (no hang) with whole people', () => {
    const n = 1200;
    const p = hiringSchedule({
      targets: Array.from({ length: n }, (_, i) => 1e12 + i * 1e9),
      capacity: new Array(n).fill(0),
      fullQuota: 1,
      ramp: [0.1, 0.2, 0.3],
    });
    expect(p.hires.every((h) => Number.isInteger(h) && h >= 0)).toBe(true);
    expect(p.hires.reduce((a, b) => a + b, 0)).toBe(p.totalHires);
  });

  test.each([
    ['a ramp that steps down', { ramp: [1, 0.5] }, 'never steps down'],
    ['mismatched lengths', { capacity: [1] }, 'capacity'],
    ['no months', { targets: [], capacity: [] }, 'targets'],
    ['zero full quota', { fullQuota: 0 }, 'full_quota'],
    ['attrition of 100%', { attrition: 1 }, 'attrition'],
    ['a fractional lead time', { leadTime: 1.5 }, 'lead_time'],
    ['negative over-assignment', { overAssignment: -0.1 }, 'over_assignment'],
    ['a negative target', { targets: [-1, 0] }, 'targets: month 1'],
  ])('bad input: %s', (_what, patch, message) => {
    const call = () => hiringSchedule({ targets: [1, 1], capacity: [0, 0], fullQuota: 1, ...patch });
    expect(call).toThrow(ModelInputError);
    expect(call).toThrow(message);
  });
});

/**
 * Brute force: every plan with 0..B hires per month (months before the lead time forced to 0); the fewest total
 * hires among the plans that meet every month any plan can meet. Independent of the kernel's argument.
 */
function bruteForce(
  targets: number[],
  capacity: number[],
  F: number,
  ramp: number[],
  lead: number,
  B: number,
): { min: number; meetable: boolean[] } {
  const n = targets.length;
  const contrib = (s: number, i: number) => (i >= s ? F * rampFraction(ramp, i - s + 1) : 0);
  // A month can be met iff some allowed start month gives a hire a positive contribution there (or no shortfall).
  const meetable = targets.map((t, i) => {
    if (capacity[i] >= t) return true;
    for (let s = lead; s <= i; s++) if (contrib(s, i) > 0) return true;
    return false;
  });
  let min = Infinity;
  const h = new Array<number>(n).fill(0);
  const visit = (j: number, used: number) => {
    if (used >= min) return;
    if (j === n) {
      for (let i = 0; i < n; i++) {
        if (!meetable[i]) continue;
        let c = capacity[i];
        for (let s = 0; s <= i; s++) c += h[s] * contrib(s, i);
        if (c < targets[i] - 1e-9) return;
      }
      min = used;
      return;
    }
    const top = j < lead ? 0 : B;
    for (let k = 0; k <= top; k++) {
      h[j] = k;
      visit(j + 1, used + k);
    }
    h[j] = 0;
  };
  visit(0, 0);
  return { min, meetable };
}

const caseArb = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    F: fc.constantFrom(100, 150, 250),
    lead: fc.integer({ min: 0, max: 2 }),
    // Nondecreasing ramps of up to 3 steps from {0, 0.25, 0.5, 0.75, 1}.
    steps: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
    t: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 4, maxLength: 4 }),
    c: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ n, F, lead, steps, t, c }) => ({
    targets: t.slice(0, n),
    capacity: c.slice(0, n),
    F,
    lead,
    ramp: [...steps].sort((a, b) => a - b).map((s) => s / 4),
  }));

describe('the plan uses the fewest hires (brute force on small cases)', () => {
  test('no ramp, no attrition, no lead time (the case in the issue)', () => {
    fc.assert(
      fc.property(caseArb, ({ targets, capacity, F }) => {
        const p = hiringSchedule({ targets, capacity, fullQuota: F });
        // Without a ramp every month can be met and a month needs at most ⌈400/100⌉ = 4 hires.
        const b = bruteForce(targets, capacity, F, [], 0, 4);
        expect(p.totalHires).toBe(b.min);
        expect(p.unmet).toEqual([]);
        targets.forEach((t, i) => expect(p.capacityWithHires[i]).toBeGreaterThanOrEqual(t));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  test('with nondecreasing ramps and lead times: same minimum, and the same months reported unmet', () => {
    fc.assert(
      fc.property(caseArb, ({ targets, capacity, F, lead, ramp }) => {
        const p = hiringSchedule({ targets, capacity, fullQuota: F, ramp, leadTime: lead });
        // The smallest positive step is 0.25: a month needs at most ⌈400 / (100 × 0.25)⌉ = 16 hires.
        const b = bruteForce(targets, capacity, F, ramp, lead, 16);
        expect(p.totalHires).toBe(b.min);
        expect(p.hires.reduce((a, x) => a + x, 0)).toBe(b.min);
        const unmet = p.unmet.map((u) => u.month);
        expect(unmet).toEqual(b.meetable.flatMap((ok, i) => (ok ? [] : [i])));
        targets.forEach((t, i) => {
          if (!unmet.includes(i)) expect(p.capacityWithHires[i]).toBeGreaterThanOrEqual(t);
        });
        // No hire starts inside the lead time.
        p.hires.slice(0, lead).forEach((h) => expect(h).toBe(0));
      }),
      { seed: 12, numRuns: 150 },
    );
  });

  test('no single hire can start a month later without missing a month (latest starts)', () => {
    fc.assert(
      fc.property(caseArb, ({ targets, capacity, F, lead, ramp }) => {
        const p = hiringSchedule({ targets, capacity, fullQuota: F, ramp, leadTime: lead });
        const unmet = new Set(p.unmet.map((u) => u.month));
        const meets = (h: number[]) =>
          targets.every((t, i) => {
            if (unmet.has(i)) return true;
            let c = capacity[i];
            for (let s = 0; s <= i; s++) c += h[s] * F * rampFraction(ramp, i - s + 1);
            return c >= t - 1e-9;
          });
        for (let s = 0; s + 1 < targets.length; s++) {
          if (p.hires[s] === 0) continue;
          const later = [...p.hires];
          later[s]--;
          later[s + 1]++;
          expect(meets(later)).toBe(false);
        }
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('why a ramp that steps down is refused', () => {
  test('with ramp 1, 0 (then 1) hiring in the earliest month can never meet month 2, one later hire can', () => {
    // Target 100 in month 2 only, F = 100. A month-1 hire carries ramp(2) = 0 in month 2, so no number of
    // earliest-month hires meets it; a month-2 hire carries ramp(1) = 1 → 100. Brute force finds that 1 hire.
    const targets = [0, 100];
    const capacity = [0, 0];
    expect(bruteForce(targets, capacity, 100, [1, 0], 0, 3).min).toBe(1);
    expect(() => hiringSchedule({ targets, capacity, fullQuota: 100, ramp: [1, 0] })).toThrow('never steps down');
  });
});
