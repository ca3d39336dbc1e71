import fc from 'fast-check';
import { dateToSerial as d } from '../../src/shared/dates';
import { CellError } from '../../src/shared/errors';
import { type CellValue } from '../../src/shared/cells';
import { comparable, holds, readRoute, routeColumn } from '../../src/routing';

const REPS: CellValue[][] = [
  ['Rep', 'Team', 'Weight', 'Capacity', 'Active'],
  ['Ann', 'East', 2, 3, true],
  ['Bob', 'East', 1, null, null],
  ['Cy', 'West', null, null, true],
  ['Dee', 'West', 5, null, false], // on leave
];
const RULES: CellValue[][] = [
  ['Priority', 'Field', 'Operator', 'Value', 'Assign to'],
  [3, 'Region', '=', 'East', 'East'],
  [1, 'Industry', 'contains', 'bank', 'Bob'], // a rep directly, before the regions
  [1, 'Employees', '>=', 1000, 'Bob'], // ANDed with the row above
  [2, 'Region', 'in', 'West; Central', 'west'],
];
const rec = (region: string, employees: CellValue = 10, industry = 'Retail'): CellValue[] => [
  region,
  employees,
  industry,
];
const HEADER = ['Region', 'Employees', 'Industry'];

const names = (col: (CellValue | CellError)[][]) =>
  col.slice(1).map(([c]) => (c instanceof CellError ? `#N/A: ${c.message}` : c));

describe('ROUTE, hand-worked', () => {
  test('weights 2:1 with a capacity cap, an inactive rep, a record matching no rule', () => {
    // East: W = 3. Score = (T + 1) × w − count × W, the largest wins, ties to the first listed.
    // r1: Ann 1×2−0 = 2, Bob 1×1−0 = 1 → Ann (1, 0)
    // r2: Ann 2×2−1×3 = 1, Bob 2×1−0 = 2 → Bob (1, 1)
    // r3: Ann 3×2−3 = 3, Bob 3−3 = 0 → Ann (2, 1)
    // r4: Ann 4×2−6 = 2, Bob 4−3 = 1 → Ann (3, 1): Ann reaches her capacity 3 and drops out
    // r5, r6: only Bob is left → Bob, Bob
    // West: Dee is inactive, so Cy gets every West/Central record. "north" matches no rule.
    const records = [
      HEADER,
      rec('East'),
      rec(' east '), // trimmed, any case
      rec('East'),
      rec('EAST'),
      rec('Central'),
      rec('East'),
      rec('north'),
      rec('East'),
      rec('West'),
    ];
    expect(names(routeColumn(records, RULES, REPS))).toEqual([
      'Ann',
      'Bob',
      'Ann',
      'Ann',
      'Cy',
      'Bob',
      '#N/A: No rule matches this record; add a default rule (a priority with no field).',
      'Bob',
      'Cy',
    ]);
  });

  test('priority 1 ANDs its rows; a rep named directly; the header cell', () => {
    // "Big bank" with 5,000 employees: both priority-1 rows hold → Bob, though Region is East.
    // "Bank" with 50 employees: 50 >= 1,000 fails → priority 3 → East round-robin → Ann.
    const col = routeColumn([HEADER, rec('East', 5000, 'Big Bank'), rec('East', 50, 'Bank')], RULES, REPS);
    expect(col[0]).toEqual(['Assigned rep']);
    expect(names(col)).toEqual(['Bob', 'Ann']);
  });

  test('load starts each rep where they are', () => {
    // Ann has 2 of her 3 already, Bob 0. r1: T = 2, W = 3: Ann 3×2−2×3 = 0, Bob 3×1−0 = 3 → Bob (2, 1)
    // r2: T = 3: Ann 4×2−6 = 2, Bob 4−3 = 1 → Ann (3, 1): at capacity. r3, r4 → Bob.
    const records = [HEADER, rec('East'), rec('East'), rec('East'), rec('East')];
    const load = [
      ['Rep', 'Open'],
      ['Ann', 2],
    ];
    expect(names(routeColumn(records, RULES, REPS, load))).toEqual(['Bob', 'Ann', 'Bob', 'Bob']);
  });

  test('a team with no rep with room, and a rep at capacity named directly, give #N/A with the reason', () => {
    const reps = [
      ['Rep', 'Team', 'Capacity', 'Active'],
      ['Ann', 'East', 1, true],
      ['Cy', 'West', null, false],
    ];
    const rules = [
      ['Priority', 'Field', 'Operator', 'Value', 'Assign to'],
      [1, 'Region', '=', 'West', 'West'],
      [2, 'Region', '=', 'Solo', 'Ann'],
      [9, null, null, null, 'East'], // the default
    ];
    expect(names(routeColumn([HEADER, rec('West'), rec('x'), rec('y'), rec('Solo')], rules, reps))).toEqual([
      '#N/A: Team West has no active rep with room (rule 1).',
      'Ann',
      '#N/A: Team East has no active rep with room (rule 9).',
      '#N/A: Rule 2 assigns to Ann, who is at capacity (1).',
    ]);
  });

  test('a blank record row stays blank and counts for no one', () => {
    expect(names(routeColumn([HEADER, rec('East'), [null, null, null], rec('East')], RULES, REPS))).toEqual([
      'Ann',
      '',
      'Bob',
    ]);
  });
});

describe('blank as 0 (Excel for desktop)', () => {
  const reps = [
    ['Rep', 'Team'],
    ['Ann', 'East'],
    ['Bob', 'East'],
  ];
  const rules = [
    ['Priority', 'Field', 'Operator', 'Value', 'Assign to'],
    [1, null, null, null, 'East'], // the default rule
  ];
  test('a record row of 0s is a blank row, as a row of nulls', () => {
    // Equal weights take turns: US → Ann, blank row → "", US → Bob; the trailing blank row ends the used range
    // (as a trailing row of nulls does), so the column stops after Bob.
    const zeros = [
      ['Country', 'N'],
      ['US', 5],
      [0, 0],
      ['US', 5],
      [0, 0],
    ];
    const nulls = [
      ['Country', 'N'],
      ['US', 5],
      [null, null],
      ['US', 5],
      [null, null],
    ];
    expect(names(routeColumn(zeros, rules, reps))).toEqual(['Ann', '', 'Bob']);
    expect(routeColumn(zeros, rules, reps)).toEqual(routeColumn(nulls, rules, reps));
    // a blank row of 0s in the middle of a longer table: Ann, "", Bob, Ann
    const more = [...zeros.slice(0, 4), ['US', 5]];
    expect(names(routeColumn(more, rules, reps))).toEqual(['Ann', '', 'Bob', 'Ann']);
  });
});

describe('conditions', () => {
  const c = (op: string, value: CellValue) => ({
    column: 0,
    op: op as never,
    value: comparable(value),
    list:
      op === 'in'
        ? String(value)
            .split(';')
            .map((s) => comparable(s.trim()))
        : [],
  });
  test.each([
    ['=', 'us', 'US ', true],
    ['=', 100, '100', true], // numbers as numbers
    ['=', 100, 100.5, false],
    ['<>', 'US', 'uk', true],
    ['<', 1000, 999, true],
    ['<', 1000, '1,200', false], // numeric text is a number: 1,200 < 1,000 fails
    ['<=', 1000, 1000, true],
    ['>', 1000, 'n/a', false], // text against a number: never ordered
    ['>=', 'm', 'Zeta', true], // text orders alphabetically, ignoring case
    ['>=', '2024-03-01', d(2024, 3, 1), true], // an ISO date text is that date
    ['<', '2024-03-01', d(2024, 2, 29), true],
    ['in', 'DE; fr ;uk', 'FR', true],
    ['in', 'DE;FR', 'US', false],
    ['contains', 'bank', 'First National BANK', true],
    ['starts with', 'ent', 'Enterprise', true],
    ['starts with', 'ent', 'Mid-market', false],
    ['=', null, null, true], // a blank value matches a blank cell
    ['>', 5, null, false],
  ])('%s %p on %p → %p', (op, value, cell, expected) => {
    expect(holds(c(op, value as CellValue), comparable(cell as CellValue))).toBe(expected);
  });
});

describe('refusals', () => {
  test.each([
    [
      [['Region'], ['East']],
      RULES.slice(0, 2).concat([[4, 'Country', '=', 'US', 'East']]),
      /field "Country" is not a column/,
    ],
    [[HEADER, rec('East')], [RULES[0], [1, 'Region', 'like', 'x', 'East']], /column "Operator": expected one of/],
    [[HEADER, rec('East')], [RULES[0], [1, 'Region', '=', 'x', 'Zed']], /"Zed" is neither a team nor a rep/],
    [[HEADER, rec('East')], [RULES[0], [1, 'Region', '=', 'x', null]], /priority 1 has no "Assign to"/],
    [
      [HEADER, rec('East')],
      [RULES[0], [1, 'Region', '=', 'x', 'East'], [1, 'Industry', '=', 'y', 'West']],
      /priority 1 assigns to "West" but row 2 of the same priority to "East"/,
    ],
    [[HEADER, rec('East')], [RULES[0], ['first', 'Region', '=', 'x', 'East']], /column "Priority": expected a number/],
    // a blank Field with an Operator or a Value is not a default rule (row 3 of the range: the header is row 1)
    [
      [HEADER, rec('East')],
      [RULES[0], [1, 'Region', '=', 'West', 'West'], [2, null, '=', 'East', 'East']],
      /rules: row 3: Operator\/Value given without a Field; name the field, or clear them for a default rule/,
    ],
    [[HEADER, rec('East')], [RULES[0], [2, null, null, 'East', 'East']], /rules: row 2: Operator\/Value given/],
    [[HEADER, rec('East')], [RULES[0], [2, 0, 'contains', null, 'East']], /rules: row 2: Operator\/Value given/],
    // contains / starts with need a text (blank, or 0 as Excel for desktop passes a blank)
    [
      [HEADER, rec('East')],
      [RULES[0], [1, 'Industry', 'contains', null, 'East']],
      /rules: row 2, column "Value": "contains" needs a text/,
    ],
    [
      [HEADER, rec('East')],
      [RULES[0], [1, 'Industry', 'starts with', 0, 'East']],
      /rules: row 2, column "Value": "starts with" needs a text/,
    ],
  ])('refuses bad rules %#', (records, rules, message) => {
    expect(() => routeColumn(records, rules, REPS)).toThrow(message);
  });

  test('bad reps and load', () => {
    const records = [HEADER, rec('East')];
    expect(() =>
      routeColumn(records, RULES, [
        ['Rep', 'Team'],
        ['Ann', 'East'],
        ['ann', 'West'],
      ]),
    ).toThrow(/"ann" is listed twice/);
    expect(() =>
      routeColumn(records, RULES, [
        ['Rep', 'Team', 'Weight'],
        ['Ann', 'East', -1],
      ]),
    ).toThrow(/column "Weight": expected a number > 0/);
    expect(() => routeColumn(records, RULES, REPS, [['Zed', 3]])).toThrow(/load: row 1: "Zed" is not in reps/);
    // with a header row, messages count range rows: Zed is in row 3 (header row 1, Ann row 2)
    expect(() =>
      routeColumn(records, RULES, REPS, [
        ['Rep', 'Count'],
        ['Ann', 1],
        ['Zed', 3],
      ]),
    ).toThrow(/load: row 3: "Zed" is not in reps/);
    // weights above 1e9 are refused: near 1e308 the team total is Infinity and every score NaN
    expect(() =>
      routeColumn(records, RULES, [
        ['Rep', 'Team', 'Weight'],
        ['Ann', 'East', 1e308],
        ['Bob', 'East', 1e308],
      ]),
    ).toThrow(/reps: row 2, column "Weight": a weight is at most 1,000,000,000 \(got 1e\+308\)/);
    // 1e9 itself is accepted: weights 1e9 : 1e9 take turns, Ann then Bob (scores 1e9 vs 1e9, the tie to Ann)
    expect(
      names(
        routeColumn(
          [HEADER, rec('East'), rec('East')],
          [RULES[0], [1, null, null, null, 'East']],
          [
            ['Rep', 'Team', 'Weight'],
            ['Ann', 'East', 1e9],
            ['Bob', 'East', 1e9],
          ],
        ),
      ),
    ).toEqual(['Ann', 'Bob']);
    expect(() => routeColumn(records, RULES, REPS, [['Ann', 1.5]])).toThrow(/expected a whole count/);
    expect(() => routeColumn([['Region', 5]], RULES, REPS)).toThrow(/first row must be a header row/);
  });
});

describe('properties', () => {
  const team = (weights: number[]) => [['Rep', 'Team', 'Weight'], ...weights.map((w, i) => [`R${i}`, 'T', w])];
  const rules = [
    ['Priority', 'Field', 'Operator', 'Value', 'Assign to'],
    [1, null, null, null, 'T'],
  ];

  test('equal weights: counts differ by at most one, after any number of records', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 200 }), (reps, n) => {
        const records = [['Id'], ...Array.from({ length: n }, (_, i) => [i + 1])];
        const { routed } = readRoute(records, rules, team(Array(reps).fill(1)));
        const counts = Array(reps).fill(0);
        for (const r of routed) counts[r as number]++;
        // every record is routed to one of the reps (else all-zero counts would pass vacuously)
        expect(counts.reduce((s, c) => s + c, 0)).toBe(n);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  test('any weights: each rep is within one record of their weighted share (no cap, no load)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 300 }),
        (weights, n) => {
          const records = [['Id'], ...Array.from({ length: n }, (_, i) => [i + 1])];
          const { routed } = readRoute(records, rules, team(weights));
          const W = weights.reduce((s, w) => s + w, 0);
          const counts = weights.map(() => 0);
          for (const r of routed) counts[r as number]++;
          expect(counts.reduce((s, c) => s + c, 0)).toBe(n); // every record routed to one of the reps
          weights.forEach((w, i) => expect(Math.abs(counts[i] - (n * w) / W)).toBeLessThan(1 + 1e-9));
        },
      ),
    );
  });

  test('ROUTE is a pure function of its arguments: same column twice, arguments untouched', () => {
    const cell = fc.oneof(fc.constantFrom('East', 'West', 'x', ''), fc.integer({ min: 0, max: 3000 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }),
        (rows, loads) => {
          const records = [HEADER, ...rows.map((r) => [...r])];
          const load = loads.map(([n], i) => [['Ann', 'Bob', 'Cy', 'Dee'][i % 4], n]).slice(0, 4);
          const before = JSON.stringify([records, RULES, REPS, load]);
          const a = routeColumn(records, RULES, REPS, load);
          const b = routeColumn(records, RULES, REPS, load);
          expect(b).toEqual(a);
          expect(JSON.stringify([records, RULES, REPS, load])).toBe(before);
        },
      ),
    );
  });
});
