import fc from 'fast-check';
import {
  type CompPlan,
  PLAN_TABLE_HEADER,
  curve,
  planTableVersion,
  readActuals,
  readPlanTable,
  writePlanTable,
} from '../../src/comp';
import { ModelInputError } from '../../src/shared/errors';
import { AE_PLAN, HEADER, withCell } from './fixtures';
import { messageOf } from '../support/messageOf';

describe('reading the plan table', () => {
  test('the AE plan', () => {
    const p = readPlanTable(AE_PLAN);
    expect(p).toEqual({
      name: 'AE 2026',
      targetIncentive: 10000,
      components: [
        {
          name: 'Bookings',
          measure: 'Bookings',
          weight: 0.7,
          quota: 1_000_000,
          cap: 2,
          threshold: 0.5,
          curve: curve('marginal', [
            [0, 1],
            [1, 1.5],
          ]),
        },
        { name: 'Logos', measure: 'New logos', weight: 0.3, quota: 10, curve: curve('retro', [[0, 1]]) },
      ],
      kickers: [{ component: 'Bookings', measure: 'New logos', hurdle: 1, multiplier: 1.1 }],
      spiffs: [{ name: 'Multi-year', measure: 'Multi-year deals', kind: 'perUnit', amount: 250 }],
    });
  });

  test('headers are case- and space-insensitive, Cap/Threshold may be left out, text numbers like "70%" read', () => {
    const grid = [
      ['PLAN V1', 'component', 'MEASURE', 'target  incentive', 'weight', 'quota', 'method', 'bound', 'rate'],
      ['plan', null, null, '$5,000', null, null, null, null, null],
      ['Component', 'B', 'Bookings', null, '100%', 200, null, null, null],
      ['Band', 'B', null, null, null, null, null, 0, 1],
      [null, null, null, null, null, null, null, null, null],
    ];
    const p = readPlanTable(grid);
    expect(p.targetIncentive).toBe(5000);
    expect(p.components[0]).toMatchObject({ weight: 1, quota: 200, curve: { method: 'marginal' } });
  });

  test('rows of zeros (blank cells as Excel for desktop passes them) are blank rows', () => {
    const width = AE_PLAN[0].length;
    const zeros = () => new Array<number>(width).fill(0);
    // The table selected with two empty rows in the middle and three below it.
    const desktop = [...AE_PLAN.slice(0, 3), zeros(), zeros(), ...AE_PLAN.slice(3), zeros(), zeros(), zeros()];
    expect(readPlanTable(desktop)).toEqual(readPlanTable(AE_PLAN));
    // A row that is not all zeros is still read (and here refused: a type of 0 is no row type).
    const typed = [...AE_PLAN, [0, 'X', ...new Array<number>(width - 2).fill(0)]];
    expect(() => readPlanTable(typed)).toThrow(/^plan: row 10, column "Plan v3": unknown row type "0"/);
  });

  test('a Cap, Threshold, kicker Quota or SPIFF Bound of 0 (a blank cell on desktop) reads as blank', () => {
    // Logos has no cap or threshold; Bookings' cap 2 and threshold 0.5 become 0 → none, like a blank cell.
    const blankCapGate = withCell(withCell(2, 9, null), 2, 10, null);
    const zeroCapGate = withCell(withCell(2, 9, 0), 2, 10, 0);
    expect(readPlanTable(zeroCapGate)).toEqual(readPlanTable(blankCapGate));
    expect(readPlanTable(zeroCapGate).components[0]).not.toHaveProperty('cap');
    // Kicker quota (column F) and SPIFF bound (column H) of 0: the component's quota, the default hurdle.
    expect(readPlanTable(withCell(withCell(AE_PLAN, 7, 5, 0), 8, 7, 0))).toEqual(readPlanTable(AE_PLAN));
  });

  test('the schema marker: missing, or another version', () => {
    expect(messageOf(() => readPlanTable(withCell(0, 0, 'Type')))).toMatch(
      /^plan: the first header cell \(row 1, column A\) must be the schema marker "Plan v3", got "Type"/,
    );
    expect(messageOf(() => readPlanTable(withCell(0, 0, 'Plan v4')))).toMatch(
      /^plan: this plan table has layout version 4 \(cell A1 "Plan v4"\), but this add-in reads version 3/,
    );
    expect(planTableVersion(AE_PLAN)).toBe(3);
    expect(messageOf(() => readPlanTable(AE_PLAN.slice(1)))).toMatch(/schema marker/);
  });

  test.each([
    // [row (0-based), column (0-based), value, message]
    [3, 8, 'ten', 'plan: row 4, column "Rate": expected a number, got "ten".'],
    [2, 5, 0, 'plan: row 3, column "Quota": must be more than 0, got 0.'],
    [2, 5, null, 'plan: row 3, column "Quota": the quota is required on a component row.'],
    [2, 4, -0.7, 'plan: row 3, column "Weight": must be zero or more, got -0.7.'],
    [2, 6, 'stepped', 'plan: row 3, column "Method": expected "marginal", "retro" or "linear", got "stepped".'],
    [2, 9, -1, 'plan: row 3, column "Cap": must be zero or more, got -1.'],
    [1, 3, null, 'plan: row 2, column "Target incentive": the target incentive is required on a plan row.'],
    [3, 1, 'Bokings', 'plan: row 4, column "Component": no component named "Bokings" in the plan.'],
    [
      4,
      7,
      0,
      'plan: row 5, column "Bound": 0 is not above the previous bound 0 of "Bookings"; sort its bands ascending.',
    ],
    [7, 1, 'Nope', 'plan: row 8, column "Component": no component named "Nope" in the plan.'],
    [8, 6, 'weekly', 'plan: row 9, column "Method": expected "fixed" or "per unit" for a SPIFF, got "weekly".'],
    [
      8,
      0,
      'bonus',
      'plan: row 9, column "Plan v3": unknown row type "bonus"; expected plan, component, band, kicker, spiff, draw or formula.',
    ],
    [
      4,
      0,
      'note',
      'plan: row 5, column "Plan v3": unknown row type "note"; expected plan, component, band, kicker, spiff, draw or formula.',
    ],
  ])('row %i column %i = %p → %s', (r, c, v, msg) => {
    expect(messageOf(() => readPlanTable(withCell(r, c, v)))).toBe(msg);
  });

  test('plan-level errors', () => {
    expect(messageOf(() => readPlanTable(withCell(2, 4, 0.6)))).toBe(
      'plan: the component weights add up to 0.9; they must add up to 1 (100%).',
    );
    expect(messageOf(() => readPlanTable(AE_PLAN.filter((_, i) => i !== 1)))).toMatch(/no plan row/);
    expect(messageOf(() => readPlanTable(AE_PLAN.filter((_, i) => i !== 6)))).toBe(
      'plan: row 6, column "Component": component "Logos" has no band rows.',
    );
    expect(messageOf(() => readPlanTable(AE_PLAN.map((r) => r.filter((_, j) => j !== 5))))).toMatch(
      /^plan: the header row has no column "Quota"/,
    );
    expect(messageOf(() => readPlanTable([HEADER]))).toMatch(/no plan row/);
  });
});

describe('writing the plan table', () => {
  test('writes the documented layout, which reads back to the same plan', () => {
    const p = readPlanTable(AE_PLAN);
    const g = writePlanTable(p);
    expect(g[0]).toEqual([...PLAN_TABLE_HEADER]);
    expect(g).toEqual(AE_PLAN);
    expect(readPlanTable(g)).toEqual(p);
  });

  test('a version-2 table (11 columns, no Formula column, written before formulas existed) reads to the same plan', () => {
    const v2 = AE_PLAN.map((r, i) => (i === 0 ? ['Plan v2', ...r.slice(1, 11)] : r.slice(0, 11)));
    expect(planTableVersion(v2)).toBe(2);
    expect(readPlanTable(v2)).toEqual(readPlanTable(AE_PLAN));
    const badType = v2.map((r, i) => (i === 4 ? r.map((c, j) => (j === 0 ? 'note' : c)) : r));
    expect(messageOf(() => readPlanTable(badType))).toMatch(/^plan: row 5, column "Plan v2": unknown row type "note"/);
  });

  test('a version-1 table (written before draws existed) reads to the same plan, and its messages name its own cells', () => {
    const v1 = withCell(0, 0, 'Plan v1');
    expect(planTableVersion(v1)).toBe(1);
    expect(readPlanTable(v1)).toEqual(readPlanTable(AE_PLAN));
    const bad = v1.map((r, i) => (i === 3 ? r.map((c, j) => (j === 8 ? 'ten' : c)) : r));
    expect(messageOf(() => readPlanTable(bad))).toBe('plan: row 4, column "Rate": expected a number, got "ten".');
    const badType = v1.map((r, i) => (i === 4 ? r.map((c, j) => (j === 0 ? 'note' : c)) : r));
    expect(messageOf(() => readPlanTable(badType))).toMatch(/^plan: row 5, column "Plan v1": unknown row type "note"/);
  });

  test('the draw row: read, written back, and its errors', () => {
    const blanks = (n: number) => new Array<null>(n).fill(null);
    const drawRow = (method: string | null, rate: unknown) => [
      'draw',
      'Ramp draw',
      ...blanks(4),
      method,
      null,
      rate,
      null,
      null,
      null,
    ];
    const withDraw = (...rows: unknown[][]) => [...AE_PLAN, ...rows] as typeof AE_PLAN;
    const p = readPlanTable(withDraw(drawRow(null, 4000)));
    expect(p.draw).toEqual({ name: 'Ramp draw', amount: 4000, recoverable: true }); // blank method = recoverable
    expect(readPlanTable(withDraw(drawRow('Non-recoverable', '2,500'))).draw).toEqual({
      name: 'Ramp draw',
      amount: 2500,
      recoverable: false,
    });
    const g = writePlanTable(p);
    expect(g[g.length - 1]).toEqual([
      'draw',
      'Ramp draw',
      null,
      null,
      null,
      null,
      'recoverable',
      null,
      4000,
      null,
      null,
      null,
    ]);
    expect(readPlanTable(g)).toEqual(p);
    const n = AE_PLAN.length + 1; // the draw row's row number in the range
    expect(messageOf(() => readPlanTable(withDraw(drawRow(null, -1))))).toBe(
      `plan: row ${n}, column "Rate": the draw must be zero or more, got -1.`,
    );
    expect(messageOf(() => readPlanTable(withDraw(drawRow(null, null))))).toBe(
      `plan: row ${n}, column "Rate": the draw per period is required on a draw row.`,
    );
    expect(messageOf(() => readPlanTable(withDraw(drawRow('sometimes', 10))))).toBe(
      `plan: row ${n}, column "Method": expected "recoverable" or "non-recoverable" for a draw, got "sometimes".`,
    );
    expect(messageOf(() => readPlanTable(withDraw(drawRow(null, 10), drawRow(null, 20))))).toBe(
      `plan: row ${n + 1}, column "Plan v3": a second draw row (the first is row ${n}); keep one.`,
    );
  });

  test('round trip of random plans', () => {
    const planArb: fc.Arbitrary<CompPlan> = fc
      .tuple(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(
          fc.tuple(
            fc.constantFrom<'marginal' | 'retro' | 'linear'>('marginal', 'retro', 'linear'),
            fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }),
            // A cap or threshold of 0 reads back as none (a blank cell on desktop): from 1.
            fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
            fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.boolean(),
      )
      .map(([ti, comps, withExtras]) => ({
        targetIncentive: ti,
        components: comps.map(([method, b, cap, threshold], i) => ({
          name: `C${i}`,
          measure: `M${i}`,
          weight: i === 0 ? 1 : 0,
          quota: 100 * (i + 1),
          curve: curve(
            method,
            [...b].sort((x, y) => x - y).map((v): [number, number] => [v / 100, v / 50]),
          ),
          ...(cap !== undefined ? { cap: cap / 100 } : {}),
          ...(threshold !== undefined ? { threshold: threshold / 100 } : {}),
        })),
        kickers: withExtras ? [{ component: 'C0', measure: 'X', hurdle: 1, multiplier: 1.2, quota: 5 }] : [],
        spiffs: withExtras
          ? [
              { name: 'S1', measure: 'Y', kind: 'fixed' as const, amount: 100, hurdle: 2 },
              { name: 'S2', measure: 'M0', kind: 'perUnit' as const, amount: 10 },
            ]
          : [],
        ...(withExtras ? { draw: { name: 'Draw', amount: ti / 2, recoverable: ti % 2 === 0 } } : {}),
      }));
    fc.assert(
      fc.property(planArb, (p) => {
        expect(readPlanTable(writePlanTable(p))).toEqual(p);
      }),
      { seed: 341, numRuns: 200 },
    );
  });
});

describe('reading a rep’s actuals', () => {
  const plan = readPlanTable(AE_PLAN);
  const want = new Map([
    ['Bookings', 1_200_000],
    ['New logos', 12],
    ['Multi-year deals', 2],
  ]);

  test('a header row over the rep’s row (other columns ignored, any order)', () => {
    const a = [
      ['Rep', 'Multi-year deals', 'New logos', 'Bookings'],
      ['Ann', 2, 12, '$1,200,000'],
    ];
    expect(readActuals(plan, a)).toEqual(want);
  });

  test('two columns (measure, value), with or without a header', () => {
    const pairs = [
      ['Bookings', 1_200_000],
      ['New logos', 12],
      ['Multi-year deals', 2],
    ];
    expect(readActuals(plan, pairs)).toEqual(want);
    expect(readActuals(plan, [['Measure', 'Actual'], ...pairs])).toEqual(want);
  });

  test('empty cells as Excel for desktop passes them (0): a blank column beside the row, blank rows under the pairs', () => {
    // Two rows selected one column too wide: desktop sends [..., 0] over [..., 0] (the web sends nulls).
    expect(
      readActuals(plan, [
        ['Bookings', 'New logos', 'Multi-year deals', 0],
        [1_200_000, 12, 2, 0],
      ]),
    ).toEqual(want);
    // Pairs with room below: [0, 0] rows, twice (not a measure "0" given twice).
    expect(
      readActuals(plan, [
        ['Bookings', 1_200_000],
        ['New logos', 12],
        ['Multi-year deals', 2],
        [0, 0],
        [0, 0],
      ]),
    ).toEqual(want);
    // A real actual of 0 under its measure name is a value, not a blank.
    expect(
      readActuals(plan, [
        ['Bookings', 'New logos', 'Multi-year deals'],
        [1_200_000, 12, 0],
      ]).get('Multi-year deals'),
    ).toBe(0);
  });

  test('a bare row in plan order, or with measure names', () => {
    expect(readActuals(plan, [[1_200_000, 12, 2]])).toEqual(want);
    expect(readActuals(plan, [[2, 1_200_000, 12]], [['Multi-year deals', 'Bookings', 'New logos']])).toEqual(want);
  });

  test('errors: missing or blank measure (#N/A), non-number, wrong count, wrong shape', () => {
    const missing = () =>
      readActuals(plan, [
        ['Bookings', 'New logos'],
        [1, 2],
      ]);
    expect(messageOf(missing)).toBe('actuals: no value for measure "Multi-year deals" (found: Bookings, New logos).');
    try {
      missing();
    } catch (e) {
      expect((e as ModelInputError).kind).toBe('notAvailable');
    }
    expect(() =>
      readActuals(plan, [
        ['Bookings', 'New logos', 'Multi-year deals'],
        [1, null, 2],
      ]),
    ).toThrow(/no value for measure "New logos"/);
    expect(
      messageOf(() =>
        readActuals(plan, [
          ['Bookings', 'New logos', 'Multi-year deals'],
          [1, 'lots', 2],
        ]),
      ),
    ).toBe('actuals: measure "New logos": expected a number, got "lots".');
    expect(messageOf(() => readActuals(plan, [[1, 2]]))).toMatch(
      /^actuals: expected 3 values in plan order \(Bookings, New logos, Multi-year deals\), got 2/,
    );
    expect(messageOf(() => readActuals(plan, [[1, 2, 3]], [['a', 'b']]))).toMatch(/^measures: expected 3 names/);
    expect(
      messageOf(() =>
        readActuals(plan, [
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    ).toMatch(/^actuals: expected one rep's row/);
    expect(
      messageOf(() =>
        readActuals(plan, [
          ['Bookings', 'Bookings'],
          [1, 2],
        ]),
      ),
    ).toMatch(/measure "Bookings" is given twice/);
  });
});
