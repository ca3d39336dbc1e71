import fc from 'fast-check';
import { dateToSerial as d } from '../../src/shared/dates';
import { attainmentGrid, readAttainment } from '../../src/pacing';

const REPS = [['Rep'], ['Ann'], ['Bob'], ['Cy'], ['Dee']];
const QUOTAS = [
  ['Rep', 'Quota'],
  ['Ann', 100_000],
  ['bob', 50_000], // names match ignoring case
  ['Cy', 80_000],
  ['Dee', 0],
  ['Eve', 10_000], // not in reps: ignored
];
const BOOKINGS = [
  ['Rep', 'Date', 'Amount'],
  ['Ann', d(2024, 1, 5), 30_000.1],
  ['Bob', d(2024, 1, 20), 25_000],
  ['ANN ', d(2024, 2, 10), 29_999.9],
  ['Cy', d(2024, 3, 31), 40_000],
  ['Eve', d(2024, 2, 1), 99_999], // not listed: left out
  [null, null, null], // blank row skipped
  ['Dee', d(2024, 4, 1), 5_000.005], // 5,000.005 → 5,000.01 (to the cent, half away from zero)
];

describe('ATTAINMENT', () => {
  test('booked, quota, attainment, rank and the team row', () => {
    // Ann: 30,000.10 + 29,999.90 = 60,000.00 → 0.6; Bob: 25,000 / 50,000 = 0.5; Cy: 40,000 / 80,000 = 0.5;
    // Dee: quota 0 → blank. Ranks: Ann 1, Bob and Cy tie at 2 (as RANK.EQ).
    // Team: 60,000 + 25,000 + 40,000 + 5,000.01 = 130,000.01 over 230,000 = 0.565217434…
    expect(attainmentGrid(readAttainment(REPS, BOOKINGS, QUOTAS))).toEqual([
      ['Rep', 'Booked', 'Quota', 'Attainment', 'Rank'],
      ['Ann', 60_000, 100_000, 0.6, 1],
      ['Bob', 25_000, 50_000, 0.5, 2],
      ['Cy', 40_000, 80_000, 0.5, 2],
      ['Dee', 5_000.01, 0, null, null],
      ['Team', 130_000.01, 230_000, 13_000_001 / 23_000_000, null],
    ]);
  });

  test('from/to keep bookings dated within, inclusive', () => {
    // January only: Ann 30,000.10, Bob 25,000; Cy's 31 Mar and Dee's 1 Apr fall outside
    const t = readAttainment(REPS, BOOKINGS, QUOTAS, d(2024, 1, 1), d(2024, 1, 31));
    expect(t.lines.map((l) => l.booked)).toEqual([30_000.1, 25_000, 0, 0]);
    // ranks: Bob 0.5 first, Ann 0.300001 second, Cy 0 third
    expect(t.lines.map((l) => l.rank)).toEqual([2, 1, 3, null]);
    // a bound on the last day keeps it: to = 31 Mar includes Cy's booking
    expect(readAttainment(REPS, BOOKINGS, QUOTAS, undefined, d(2024, 3, 31)).lines[2].booked).toBe(40_000);
  });

  test('one column of quotas in the order of reps, without headers', () => {
    const t = readAttainment([['Ann'], ['Bob']], BOOKINGS.slice(1), [[100_000], [50_000]]);
    expect(t.team).toMatchObject({ rep: 'Team', booked: 85_000, quota: 150_000 });
  });

  test('reps without a header keep their first rep, whatever quotas has', () => {
    // reps Ann, Ben, Cy, Dee (no header) against a quotas table with a header: Ann is a rep of quotas, so kept.
    // Booked: Ann 30 + 10 = 40 of 100 = 0.4; Ben 50 of 100 = 0.5; Cy 0 of 50 = 0; Dee 25 of 50 = 0.5.
    // Team: 40 + 50 + 0 + 25 = 115 of 300 = 0.38333…; ranks Ben and Dee 1 (tie), Ann 3, Cy 4.
    const quotas = [
      ['Rep', 'Quota'],
      ['Ann', 100],
      ['Ben', 100],
      ['Cy', 50],
      ['Dee', 50],
    ];
    const bookings = [
      ['Ann', null, 30],
      ['Ben', null, 50],
      ['Ann', null, 10],
      ['Dee', null, 25],
    ];
    const t = readAttainment([['Ann'], ['Ben'], ['Cy'], ['Dee']], bookings, quotas);
    expect(t.lines.map((l) => [l.rep, l.booked, l.quota, l.rank])).toEqual([
      ['Ann', 40, 100, 3],
      ['Ben', 50, 100, 1],
      ['Cy', 0, 50, 4],
      ['Dee', 25, 50, 1],
    ]);
    expect(t.team).toMatchObject({ booked: 115, quota: 300 });
    // a header cell that names no rep of quotas ("Name") is still a header; so is "Rep" over quotas without one
    expect(readAttainment([['Name'], ['Ann']], bookings, quotas).lines.map((l) => l.rep)).toEqual(['Ann']);
    expect(readAttainment([['Rep'], ['Ann']], bookings, quotas.slice(1)).lines.map((l) => l.rep)).toEqual(['Ann']);
  });

  test('quota messages count range rows (the header is row 1)', () => {
    const q = [
      ['Rep', 'Quota'],
      ['Ann', 100],
      ['Ann', 200], // row 3 of the range
    ];
    expect(() => readAttainment([['Ann']], [], q)).toThrow(/quotas: row 3: a second quota for "Ann"/);
    // one column of quotas with a header: the bad quota is in row 3
    expect(() => readAttainment([['Ann'], ['Bob']], [], [['Quota'], [1], ['x']])).toThrow(/quotas: row 3: expected/);
  });

  test.each([
    [
      REPS,
      BOOKINGS,
      [
        ['Rep', 'Quota'],
        ['Ann', 1],
      ],
      /quotas: no quota for "Bob"/,
    ],
    [[['Rep'], ['Ann'], ['ann']], BOOKINGS, QUOTAS, /reps: item 2: "ann" is listed twice/],
    [
      REPS,
      [
        ['Rep', 'Amount'],
        ['Ann', 1],
      ],
      QUOTAS,
      /bookings: expected three columns/,
    ],
    [REPS, [['Ann', d(2024, 1, 1), 'lots']], QUOTAS, /bookings: row 1, amount: expected a number, got "lots"/],
    [REPS, [[null, d(2024, 1, 1), 5]], QUOTAS, /bookings: row 1: the rep is blank/],
    [
      REPS,
      BOOKINGS,
      [
        ['Rep', 'Quota'],
        ['Ann', -1],
      ],
      /quotas: row 2, quota: expected a quota ≥ 0/, // row 2 of the range: the header is row 1
    ],
  ])('refuses bad input %#', (r, b, q, message) => {
    expect(() => readAttainment(r, b, q)).toThrow(message);
  });

  test('a date that is not a date is refused only when from/to ask for dates', () => {
    const b = [['Ann', 'soon', 5]];
    expect(readAttainment(REPS, b, QUOTAS).lines[0].booked).toBe(5);
    expect(() => readAttainment(REPS, b, QUOTAS, d(2024, 1, 1))).toThrow(/row 1, date: expected a date/);
  });

  test('property: the team row is the sum of the reps to the cent, ranks are 1 … n competition ranks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -1e8, max: 1e8 })), { maxLength: 60 }),
        (rows) => {
          const names = ['A', 'B', 'C', 'D'];
          const bookings = rows.map(([r, c]) => [names[r], 45_000, c / 100]);
          const t = readAttainment(
            names.map((n) => [n]),
            bookings,
            names.map(() => [1000]),
          );
          const cents = names.map((n) => rows.filter(([r]) => names[r] === n).reduce((s, [, c]) => s + c, 0));
          expect(t.lines.map((l) => Math.round(l.booked * 100))).toEqual(cents);
          expect(Math.round(t.team.booked * 100)).toBe(cents.reduce((s, c) => s + c, 0));
          for (const l of t.lines) {
            const better = t.lines.filter((o) => (o.attainment as number) > (l.attainment as number)).length;
            expect(l.rank).toBe(better + 1);
          }
        },
      ),
    );
  });
});
