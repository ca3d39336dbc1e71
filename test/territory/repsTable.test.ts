/**
 * The reps-table parser (src/territory/sheet/repsTable.ts): columns found by header, values and messages checked by hand.
 */
import type { CellValue } from '../../src/shared/cells';
import { parseRepsTable, repsTableColumns, solveHeuristic, splitKeys } from '../../src/territory';
import { messageOf } from '../support/messageOf';

describe('repsTableColumns', () => {
  test('finds each field by header, case-insensitively, and ignores other columns', () => {
    const c = repsTableColumns(['Rep ID', 'NAME', 'Region', ' keys ', 'Lat', 'LNG', 'Min  accounts', 'Max accounts']);
    expect(c).toEqual({
      name: 1,
      keys: 3,
      lat: 4,
      lon: 5,
      minAccounts: 6,
      maxAccounts: 7,
      headers: ['Rep ID', 'NAME', 'Region', 'keys', 'Lat', 'LNG', 'Min  accounts', 'Max accounts'],
    });
  });

  test('"Home lat" / "Home long" and "Eligibility" are read too; names default to the first column', () => {
    expect(repsTableColumns(['Who', 'Eligibility', 'Home lat', 'Home long'])).toMatchObject({
      name: 0,
      keys: 1,
      lat: 2,
      lon: 3,
    });
  });

  test('a two-column table reads its second column as the share whatever its header (SALESOPS.TERRITORY rule)', () => {
    expect(repsTableColumns(['Rep', 'Weight'])).toMatchObject({ name: 0, share: 1 });
    expect(repsTableColumns(['Rep', 'Keys'])).toMatchObject({ name: 0, keys: 1 });
    expect(repsTableColumns(['Rep', 'Keys']).share).toBeUndefined();
    // three columns: an unknown header is ignored
    expect(repsTableColumns(['Rep', 'Weight', 'Keys']).share).toBeUndefined();
  });

  test('refuses two columns for one field, a latitude without a longitude, and a table with no name column', () => {
    expect(messageOf(() => repsTableColumns(['Rep', 'Lat', 'Latitude', 'Lon']))).toBe(
      'reps: columns "Lat" and "Latitude" both give the home latitude; keep one.',
    );
    expect(messageOf(() => repsTableColumns(['Rep', 'Latitude']))).toBe(
      'reps: the column "Latitude" needs a longitude column ("Longitude", "Lon" or "Lng") too; a rep\'s home takes both.',
    );
    expect(messageOf(() => repsTableColumns(['Rep', 'Share', 'Lon']))).toBe(
      'reps: the column "Lon" needs a latitude column ("Latitude" or "Lat") too; a rep\'s home takes both.',
    );
    expect(messageOf(() => repsTableColumns(['Share', 'Keys', 'Min accounts']))).toBe(
      'reps: no column of rep names; head it "Rep" (or "Name").',
    );
  });
});

describe('splitKeys', () => {
  test('splits at commas and semicolons, trims, drops empty parts', () => {
    expect(splitKeys(' East ;West,, North ;')).toEqual(['East', 'West', 'North']);
    expect(splitKeys(null)).toEqual([]);
    expect(splitKeys(7)).toEqual(['7']);
  });
});

describe('parseRepsTable', () => {
  const table: CellValue[][] = [
    ['Rep', 'Share', 'Keys', 'Latitude', 'Longitude', 'Min accounts', 'Max accounts', 'Region'],
    ['Ann', 2, 'East; North', 40.7128, -74.006, 1, 5, 'NE'],
    ['Bob', '1.5', 'West', '34.05', -118.25, null, 3, 'SW'],
    ['Cy', null, null, null, null, 0, null, ''],
    [null, null, null, null, null, null, null, null],
    [0, '', 0, null, null, null, null, null],
  ];

  test('reads every column (text numbers too), leaves blanks unset, ignores trailing blank rows', () => {
    const t = parseRepsTable(table);
    expect(t.reps).toEqual([
      {
        name: 'Ann',
        share: 2,
        keys: ['East', 'North'],
        home: { lat: 40.7128, lon: -74.006 },
        minAccounts: 1,
        maxAccounts: 5,
      },
      { name: 'Bob', share: 1.5, keys: ['West'], home: { lat: 34.05, lon: -118.25 }, maxAccounts: 3 },
      { name: 'Cy', minAccounts: 0 },
    ]);
    expect([...t.index.entries()]).toEqual([
      ['ann', 0],
      ['bob', 1],
      ['cy', 2],
    ]);
    expect(t.columns.headers[3]).toBe('Latitude');
  });

  test('a one-column table is a list of names under its header', () => {
    expect(parseRepsTable([['Rep'], ['Ann'], ['Bob']]).reps).toEqual([{ name: 'Ann' }, { name: 'Bob' }]);
  });

  test("a two-column (name, share) table keeps SALESOPS.TERRITORY's reading", () => {
    expect(
      parseRepsTable([
        ['Rep', 'Weight'],
        ['Ann', 3],
        ['Bob', null],
      ]).reps,
    ).toEqual([{ name: 'Ann', share: 3 }, { name: 'Bob' }]);
  });

  const withRow = (row: CellValue[]): CellValue[][] => [
    ['Rep', 'Share', 'Keys', 'Latitude', 'Longitude', 'Min accounts', 'Max accounts'],
    ['Ann', 1, 'East', 40, -74, null, null],
    ['Bob', 1, 'West', 34, -118, null, null],
    row,
  ];

  test.each<[string, CellValue[], string]>([
    [
      'a latitude that is text',
      ['Cy', 1, null, 'north', -80, null, null],
      'reps: row 4, column "Latitude": expected a number from -90 to 90, got "north".',
    ],
    [
      'a latitude beyond 90',
      ['Cy', 1, null, 90.5, -80, null, null],
      'reps: row 4, column "Latitude": expected a number from -90 to 90, got 90.5.',
    ],
    [
      'a longitude beyond 180',
      ['Cy', 1, null, 10, -180.01, null, null],
      'reps: row 4, column "Longitude": expected a number from -180 to 180, got -180.01.',
    ],
    [
      'a latitude without its longitude',
      ['Cy', 1, null, 10, null, null, null],
      'reps: row 4, column "Longitude" is blank; a rep\'s home needs both a latitude and a longitude (or neither).',
    ],
    [
      'a zero share',
      ['Cy', 0, null, null, null, null, null],
      'reps: row 4, column "Share": expected a number > 0, got 0.',
    ],
    [
      'a TRUE share',
      ['Cy', true, null, null, null, null, null],
      'reps: row 4, column "Share": expected a number > 0, got TRUE.',
    ],
    [
      'a fractional minimum',
      ['Cy', 1, null, null, null, 1.5, null],
      'reps: row 4, column "Min accounts": expected a whole number ≥ 0, got 1.5.',
    ],
    [
      'a negative maximum',
      ['Cy', 1, null, null, null, null, -1],
      'reps: row 4, column "Max accounts": expected a whole number ≥ 0, got -1.',
    ],
    ['min above max', ['Cy', 1, null, null, null, 4, 2], 'reps: row 4: "Cy" has min accounts 4 > max accounts 2.'],
    ['a missing name', [null, 1, 'East', null, null, null, null], 'reps: row 4 has no name.'],
    ['a repeated name', ['ann', 1, null, null, null, null, null], 'reps: row 4: "ann" appears twice.'],
  ])('refuses %s, naming the row and column', (_, row, message) => {
    expect(messageOf(() => parseRepsTable(withRow(row)))).toBe(message);
  });

  test('refuses an empty range and a header with no reps under it', () => {
    expect(messageOf(() => parseRepsTable([]))).toBe('reps: the range is empty.');
    expect(
      messageOf(() =>
        parseRepsTable([
          ['Rep', 'Keys'],
          [null, null],
        ]),
      ),
    ).toBe('reps: no rep names found under the header.');
  });

  test('the parsed specs drive the core: keys restrict, bounds bind', () => {
    // Accounts 40 (West), 25, 20, 10, 5 (East): total 100, target 50 each. Ann covers East only and takes at most
    // 2 accounts; Bob (no keys) takes any. The 40 can only go to Bob. Ann's best two East accounts are 25 + 20 = 45
    // (Bob 40 + 10 + 5 = 55): deviation |55 − 50| / 50 = 10%. Without the bound: Ann 25 + 20 + 5 = 50 (0%);
    // without the keys: Ann 40 + 10 = 50 (0%). Either way a different plan.
    const t = parseRepsTable([
      ['Rep', 'Keys', 'Max accounts'],
      ['Ann', 'East', 2],
      ['Bob', null, null],
    ]);
    const r = solveHeuristic({
      metrics: [[40, 25, 20, 10, 5]],
      reps: t.reps,
      accountKeys: ['West', 'East', 'East', 'East', 'East'],
    });
    expect(Array.from(r.assignment)).toEqual([1, 0, 0, 1, 1]);
    expect(r.report!.largestDeviation).toBeCloseTo(0.1, 12);
  });
});
