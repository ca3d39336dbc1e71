/**
 * Formula components of a plan table (v3): hand-worked plans with the arithmetic in comments, a capped accelerator
 * as a formula equal to the same plan written with a curve, the statement's formula line, and errors naming the
 * plan-table cell and the character position.
 */
import fc from 'fast-check';
import {
  formulaVariables,
  planStatement,
  readActuals,
  readPlanTable,
  statementGrid,
  writePlanTable,
} from '../../src/comp';
import type { Grid } from '../../src/shared/cells';
import { messageOf } from '../support/messageOf';
import { HEADER } from './fixtures';

const row = (...cells: (string | number | null)[]) => [...cells, ...new Array<null>(HEADER.length - cells.length)];
/** A formula row: type, name, measure(s), weight, quota, formula. */
const formula = (name: string, measure: string | null, weight: number | null, quota: number | null, f: string) =>
  row('formula', name, measure, null, weight, quota, null, null, null, null, null, f);
const table = (...rows: (string | number | null)[][]): Grid => [HEADER, ...rows];
const payout = (plan: Grid, actuals: Record<string, number>, proration = 1) =>
  planStatement(readPlanTable(plan), actuals, { proration }).total;

describe('hand-worked plans with formula components', () => {
  /**
   * Target incentive 10,000. Bookings (70 %, quota 1,000,000, marginal rate 1). "Two-measure kicker" (30 % →
   * 3,000 of target; quota 1,000,000 of Bookings): both bookings ≥ 100 % and New logos ≥ 5 → 1.5 × its target;
   * one of them → 1 × its target; neither → 0.
   */
  const KICKER = table(
    row('plan', 'AE', null, 10000),
    row('component', 'Bookings', 'Bookings', null, 0.7, 1_000_000, 'marginal'),
    row('band', 'Bookings', null, null, null, null, null, 0, 1),
    formula(
      'Two-measure kicker',
      'Bookings, New logos',
      0.3,
      1_000_000,
      'attainment >= 1 and new_logos >= 5 ? 1.5 * target_incentive : (attainment >= 1 or new_logos >= 5 ? target_incentive : 0)',
    ),
  );

  test.each([
    // 1,100,000: Bookings 1.1 × 7,000 = 7,700; both hurdles met: 1.5 × 3,000 = 4,500; total 12,200
    [1_100_000, 6, 12200],
    // 900,000: Bookings 0.9 × 7,000 = 6,300; logos only: 3,000; total 9,300
    [900_000, 6, 9300],
    // 1,000,000: Bookings 7,000; bookings only (attainment exactly 1): 3,000; total 10,000
    [1_000_000, 4, 10000],
    // 900,000 and 4 logos: 6,300 + 0 = 6,300
    [900_000, 4, 6300],
  ])('a kicker over two measures: bookings %p, logos %p → %p', (bookings, logos, want) => {
    expect(payout(KICKER, { Bookings: bookings, 'New logos': logos })).toBe(want);
  });

  test('a SPIFF per unit above a floor: 250 per multi-year deal past the second', () => {
    const plan = table(
      row('plan', 'AE', null, 10000),
      row('component', 'Bookings', 'Bookings', null, 1, 1_000_000),
      row('band', 'Bookings', null, null, null, null, null, 0, 1),
      formula('Multi-year SPIFF', 'Multi-year deals', null, null, 'max(multi_year_deals - 2, 0) * 250'),
    );
    // 500,000 bookings: 0.5 × 10,000 = 5,000; 5 deals: (5 − 2) × 250 = 750; total 5,750
    expect(payout(plan, { Bookings: 500_000, 'Multi-year deals': 5 })).toBe(5750);
    // 1 deal: max(1 − 2, 0) × 250 = 0; total 5,000
    expect(payout(plan, { Bookings: 500_000, 'Multi-year deals': 1 })).toBe(5000);
  });

  test("the issue's rule: min(attainment, 1.5) * target_incentive * (new_logos >= 3 ? 1.1 : 1)", () => {
    const plan = table(
      row('plan', 'AE', null, 20000),
      row('component', 'Logos', 'New logos', null, 0.5, 10),
      row('band', 'Logos', null, null, null, null, null, 0, 1),
      formula(
        'Bookings rule',
        'Bookings',
        0.5,
        500_000,
        '=min(attainment, 1.5) * target_incentive * (new_logos >= 3 ? 1.1 : 1)',
      ),
    );
    // Logos: 3 / 10 = 0.3 × 10,000 = 3,000. Rule: attainment 610,000 / 500,000 = 1.22; 1.22 × 10,000 × 1.1 = 13,420.
    // Total 16,420.
    const s = planStatement(readPlanTable(plan), { Bookings: 610_000, 'New logos': 3 });
    expect(s.total).toBe(16420);
    const line = s.lines.find((l) => l.kind === 'formula')!;
    expect(line).toMatchObject({ component: 'Bookings rule', measure: 'Bookings', amount: 13420, base: null });
    expect(line.item).toBe(
      'formula: min(attainment, 1.5) * target_incentive * (new_logos >= 3 ? 1.1 : 1); where attainment = 1.22; target_incentive = 10000; new_logos = 3',
    );
    // the statement grid: the formula line between the curve lines and the total
    const g = statementGrid(s);
    expect(g.map((r) => r[5])).toEqual(['Amount', 3000, 13420, 16420]);
    // Prorated at half the period: quota 250,000 → attainment 2.44 capped at 1.5; target 5,000 → 1.5 × 5,000 × 1.1 =
    // 8,250; Logos 3 / 5 = 0.6 × 5,000 = 3,000; total 11,250.
    expect(payout(plan, { Bookings: 610_000, 'New logos': 3 }, 0.5)).toBe(11250);
  });

  test('rounded to the cent once; reads earlier components and the period facts', () => {
    const plan = table(
      row('plan', 'AE', null, 10000),
      row('component', 'Bookings', 'Bookings', null, 1, 1_000_000),
      row('band', 'Bookings', null, null, null, null, null, 0, 1),
      formula('Third', null, null, null, '1000 / 3'),
      formula('Guarantee', null, null, null, 'max(0, 3000 * days_employed / period_days - bookings_payout - third)'),
    );
    const actuals = { Bookings: 100_000, 'Period days': 90, 'Days employed': 45 };
    const s = planStatement(readPlanTable(plan), actuals);
    // Bookings 0.1 × 10,000 = 1,000. Third: 1,000 / 3 = 333.333… → 333.33 (once).
    // Guarantee: 3,000 × 45 / 90 = 1,500 − 1,000 − 333.33 = 166.67. Total 1,000 + 333.33 + 166.67 = 1,500.
    expect(s.lines.map((l) => l.amount)).toEqual([1000, 333.33, 166.67]);
    expect(s.total).toBe(1500);
    expect(s.lines[2].item).toBe(
      'formula: max(0, 3000 * days_employed / period_days - bookings_payout - third); where days_employed = 45; period_days = 90; bookings_payout = 1000; third = 333.33',
    );
    // the period facts are actuals of the plan only because a formula reads them
    const p = readPlanTable(plan);
    expect([
      ...readActuals(p, [
        ['Bookings', 'Period days', 'Days employed'],
        [1, 2, 3],
      ]).keys(),
    ]).toEqual(['Bookings', 'Period days', 'Days employed']);
    expect(messageOf(() => planStatement(p, { Bookings: 1 }))).toMatch(/no value for measure "Days employed"/);
  });

  test('a component and its measure of the same name: the measure wins, the payout is <name>_payout', () => {
    const plan = readPlanTable(
      table(
        row('plan', 'AE', null, 1000),
        row('component', 'Bookings', 'Bookings', null, 1, 100),
        row('band', 'Bookings', null, null, null, null, null, 0, 1),
        formula('Double', null, null, null, 'bookings + bookings_payout'),
      ),
    );
    // Bookings 50 of 100 → 0.5 × 1,000 = 500; Double: the measure 50 + the payout 500 = 550; total 1,050
    expect(planStatement(plan, { Bookings: 50 }).total).toBe(1050);
    expect(formulaVariables(plan, 0).map((v) => v.name)).toEqual([
      'target_incentive',
      'weight',
      'bookings',
      'period_days',
      'days_employed',
      'bookings_payout',
    ]);
  });

  test('written back as a v3 table that reads to the same plan', () => {
    const p = readPlanTable(
      table(
        row('plan', 'AE', null, 1000),
        formula('All', 'Bookings, New logos', 1, 100, 'attainment * target_incentive + new_logos'),
      ),
    );
    const g = writePlanTable(p);
    expect(g[0][0]).toBe('Plan v3');
    expect(g[2]).toEqual([
      'formula',
      'All',
      'Bookings, New logos',
      null,
      1,
      100,
      null,
      null,
      null,
      null,
      null,
      'attainment * target_incentive + new_logos',
    ]);
    const again = readPlanTable(g);
    expect(planStatement(again, { Bookings: 120, 'New logos': 2 }).total).toBe(1202); // 1.2 × 1,000 + 2
    expect(planStatement(p, { Bookings: 120, 'New logos': 2 }).total).toBe(1202);
  });
});

describe('a capped accelerator as a formula equals the same plan with a curve', () => {
  // Curve: marginal, rate 1 from 0 %, rate 2 from 100 %, cap 1.5 × target. As a formula: below 100 % the
  // attainment (never below 0), above it 1 + 2 × (attainment − 1), capped at 1.5, times the target incentive.
  const curvePlan = (ti: number, quota: number) =>
    table(
      row('plan', 'P', null, ti),
      row('component', 'Bookings', 'Bookings', null, 1, quota, 'marginal', null, null, 1.5),
      row('band', 'Bookings', null, null, null, null, null, 0, 1),
      row('band', 'Bookings', null, null, null, null, null, 1, 2),
    );
  const formulaPlan = (ti: number, quota: number) =>
    table(
      row('plan', 'P', null, ti),
      formula(
        'Bookings',
        'Bookings',
        1,
        quota,
        'min(attainment < 1 ? max(attainment, 0) : 1 + 2 * (attainment - 1), 1.5) * target_incentive',
      ),
    );

  test('property: random targets, quotas, attainments and prorations, to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.double({ min: -0.5, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (ti, quota, a, f) => {
          const actuals = { Bookings: a * quota };
          const byFormula = planStatement(readPlanTable(formulaPlan(ti, quota)), actuals, { proration: f });
          const byCurve = planStatement(readPlanTable(curvePlan(ti, quota)), actuals, { proration: f });
          // The curve plan pays its own capped amount (cap × target incentive), not the float sum of its band
          // and cap lines, so the two plans agree to the cent, ties at a half cent included.
          expect(byCurve.total).toBe(byFormula.total);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a capped payout at an exact half cent rounds up like the formula', () => {
    // Target 2,677.35, quota 100, bookings 1,349 (attainment 13.49): band lines 2,677.35 × 1 = 2,677.35 and
    // 2 × 2,677.35 × 12.49 = 66,880.203 (raw 69,557.553); cap 1.5 × 2,677.35 = 4,016.025, so the cap line is
    // −65,541.528. In floating point the three lines add up to 4,016.024999…, which would pay 4,016.02; the amount
    // is the cap, 4,016.025, and pays 4,016.03 (half away from zero), as the formula plan does.
    const byCurve = planStatement(readPlanTable(curvePlan(2677.35, 100)), { Bookings: 1349 });
    expect(byCurve.total).toBe(4016.03);
    expect(byCurve.lines.reduce((s, l) => s + Math.round(l.amount * 100), 0)).toBe(401603);
    expect(planStatement(readPlanTable(formulaPlan(2677.35, 100)), { Bookings: 1349 }).total).toBe(4016.03);
  });

  test('hand-worked points: target 10,000, quota 100', () => {
    // 80: 0.8 × 10,000 = 8,000; 120: (1 + 2 × 0.2) × 10,000 = 14,000; 200: 3 capped at 1.5 → 15,000
    for (const [bookings, want] of [
      [80, 8000],
      [120, 14000],
      [200, 15000],
    ]) {
      expect(payout(formulaPlan(10000, 100), { Bookings: bookings })).toBe(want);
      expect(payout(curvePlan(10000, 100), { Bookings: bookings })).toBe(want);
    }
  });
});

describe('errors name the plan-table cell and the character position', () => {
  const base = (f: string, measure: string | null = 'Bookings', quota: number | null = 100) =>
    table(row('plan', 'P', null, 1000), formula('Rule', measure, 1, quota, f));

  test.each([
    [
      'attainment * target_incentiv',
      'plan: row 3, column "Formula": formula "attainment * target_incentiv" at character 14: unknown variable "target_incentiv"; the variables are: attainment, quota, target_incentive, weight, bookings, period_days, days_employed.',
    ],
    [
      'attainment.constructor',
      'plan: row 3, column "Formula": formula "attainment.constructor" at character 11: property access (a.b) is not allowed.',
    ],
    [
      'max(attainment)(',
      'plan: row 3, column "Formula": formula "max(attainment)(" at character 17: cannot read the formula: Unexpected end of expression.',
    ],
    [
      'round(attainment, 1, 2)',
      'plan: row 3, column "Formula": formula "round(attainment, 1, 2)" at character 1: round takes 1 or 2 arguments, got 3 (round(x) or round(x, digits): half away from zero).',
    ],
  ])('%s', (f, message) => {
    expect(messageOf(() => readPlanTable(base(f)))).toBe(message);
  });

  test('attainment without a quota, a later component, a kicker on a formula, a missing Formula column', () => {
    expect(messageOf(() => readPlanTable(base('attainment', null, null)))).toMatch(
      /^plan: row 3, column "Formula": formula "attainment" at character 1: unknown variable "attainment"/,
    );
    const later = table(
      row('plan', 'P', null, 1000),
      formula('A', null, 1, null, 'b * 2'),
      formula('B', null, 0, null, '1'),
    );
    expect(messageOf(() => readPlanTable(later))).toMatch(/^plan: row 3, column "Formula": .* unknown variable "b"/);
    const kicker = table(
      row('plan', 'P', null, 1000),
      formula('A', 'Bookings', 1, null, 'bookings'),
      row('kicker', 'A', 'Bookings', null, null, 10, null, 1, 2),
    );
    expect(messageOf(() => readPlanTable(kicker))).toMatch(
      /^plan: row 4, column "Component": no component named "A" in the plan\./,
    );
    const noColumn = [HEADER.slice(0, 11), row('plan', 'P', null, 1000).slice(0, 11), row('formula', 'A').slice(0, 11)];
    expect(messageOf(() => readPlanTable(noColumn))).toBe(
      'plan: row 3, column "Plan v3": a formula row needs a "Formula" column; add it after "Threshold".',
    );
    expect(messageOf(() => readPlanTable(base('')))).toBe(
      'plan: row 3, column "Formula": the formula is required on a formula row.',
    );
    // weights still add up to 1, counting formula components
    expect(
      messageOf(() => readPlanTable(table(row('plan', 'P', null, 1000), formula('A', null, 0.5, null, '1')))),
    ).toMatch(/weights add up to 0.5/);
  });

  test('two measures giving one variable: a formula reading it is refused, naming both and the cell', () => {
    const margin = table(
      row('plan', 'P', null, 1000),
      row('component', 'Margin', 'Margin', null, 0.5, 100),
      row('band', 'Margin', null, null, null, null, null, 0, 1),
      formula('Kick', 'Margin %', 0.5, null, 'margin * 10'),
    );
    expect(messageOf(() => readPlanTable(margin))).toBe(
      'plan: row 5, column "Formula": formula "margin * 10" reads margin, but the measures "Margin" and "Margin %" both give the variable margin; rename one of them.',
    );
    const logos = table(row('plan', 'P', null, 1000), formula('F', 'New logos, New_logos', 1, null, 'newlogos * 2'));
    expect(messageOf(() => readPlanTable(logos))).toMatch(
      /^plan: row 3, column "Formula": formula "newlogos \* 2" reads new_logos, but the measures "New logos" and "New_logos" both give the variable new_logos; rename one of them\.$/,
    );
    // a formula that reads neither is fine: 2 × 1,000 × 1 = 2,000
    const other = table(
      row('plan', 'P', null, 1000),
      formula('F', 'New logos, New_logos', 1, null, '2 * target_incentive'),
    );
    expect(payout(other, { 'New logos': 1, New_logos: 100 })).toBe(2000);
  });

  test.each([
    ['Weight', 'weight * 100', 'weight', ''],
    ['Quota', 'quota', 'quota', ''],
    ['Attainment', 'attainment * 10', 'attainment', ''],
    ['Target incentive', 'target_incentive', 'target_incentive', ''],
    // without a quota on the row there is no attainment variable, but the name stays reserved
    ['Attainment', 'attainment', 'attainment', 'no quota'],
  ])('a measure named %s is refused where the formula reads %s', (measure, f, variable, noQuota) => {
    const quota = noQuota ? null : 100;
    const plan = table(row('plan', 'P', null, 1000), formula('F', `Bookings, ${measure}`, 1, quota, f));
    const m = messageOf(() => readPlanTable(plan));
    expect(m).toMatch(/^plan: row 3, column "Formula": formula /);
    expect(m).toContain(
      `the measure "${measure}" has the name of the variable ${variable}${noQuota ? ' (which needs a Measure and a Quota on the row)' : ''}; rename the measure (e.g. "${measure} units").`,
    );
  });

  test('a blank Formula cell as Excel for desktop passes it (0) is refused, not paid 0', () => {
    const zero = table(
      row('plan', 'P', null, 1000),
      row('formula', 'F', null, null, 1, null, null, null, null, null, null, 0),
    );
    expect(messageOf(() => readPlanTable(zero))).toBe(
      'plan: row 3, column "Formula": the formula is required on a formula row (Excel for desktop passes a blank cell as 0; to pay nothing, delete the row).',
    );
    // a number other than 0 is a constant formula: 500
    const flat = table(
      row('plan', 'P', null, 1000),
      row('formula', 'F', null, null, 1, null, null, null, null, null, null, 500),
    );
    expect(payout(flat, {})).toBe(500);
  });

  test('a division by zero at evaluation: #VALUE! naming the cell and the values read', () => {
    const p = readPlanTable(base('target_incentive / (bookings - 100)'));
    expect(messageOf(() => planStatement(p, { Bookings: 100 }))).toBe(
      'plan: row 3, column "Formula": formula "target_incentive / (bookings - 100)" gives Infinity for target_incentive = 1000, bookings = 100; it must give a finite number (check for a division by 0).',
    );
  });
});
