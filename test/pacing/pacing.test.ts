import fc from 'fast-check';
import { dateToSerial as d } from '../../src/shared/dates';
import { expectedShare, pacing, pacingRow, readProfile } from '../../src/pacing';
import { ModelInputError } from '../../src/shared/errors';

const Q1 = [d(2024, 1, 1), d(2024, 3, 31)] as const; // 31 + 29 + 31 = 91 days

describe('PACING, linear by calendar days', () => {
  test('as of the first day: one day of 91 has elapsed', () => {
    // expected = 91,000 × 1/91 = 1,000; pace = 500 / 1,000 = 0.5; gap = 91,000 − 500 = 90,500
    expect(pacing(500, 91_000, ...Q1, d(2024, 1, 1))).toEqual({
      expected: 1000,
      pace: 0.5,
      projected: 0.5,
      gap: 90_500,
    });
  });

  test('as of the last day: the whole period has elapsed (pace = final attainment)', () => {
    // expected = 91,000; pace = 45,500 / 91,000 = 0.5
    expect(pacing(45_500, 91_000, ...Q1, d(2024, 3, 31))).toEqual({
      expected: 91_000,
      pace: 0.5,
      projected: 0.5,
      gap: 45_500,
    });
  });

  test('mid-period: 15 Feb is day 31 + 15 = 46', () => {
    // expected = 91,000 × 46/91 = 46,000; pace = 50,600 / 46,000 = 1.1
    const p = pacing(50_600, 91_000, ...Q1, d(2024, 2, 15));
    expect(p.expected).toBe(46_000);
    expect(p.pace).toBeCloseTo(1.1, 14);
  });

  test('before the period: nothing expected, pace blank; after: the final attainment', () => {
    expect(pacing(10, 91_000, ...Q1, d(2023, 12, 31))).toEqual({
      expected: 0,
      pace: null,
      projected: null,
      gap: 90_990,
    });
    // after: 100,100 / 91,000 = 1.1; gap = 91,000 − 100,100 = −9,100 (over quota)
    const after = pacing(100_100, 91_000, ...Q1, d(2024, 4, 5));
    expect(after.expected).toBe(91_000);
    expect(after.pace).toBeCloseTo(1.1, 14);
    expect(after.gap).toBe(-9_100);
  });

  test('a zero quota expects nothing: pace blank', () => {
    expect(pacing(10, 0, ...Q1, d(2024, 2, 1)).pace).toBeNull();
  });

  test('expected is rounded to the cent, half away from zero', () => {
    // 1,000 × 1/3 of a 3-day period = 333.333… → 333.33; two days: 666.666… → 666.67
    expect(pacing(0, 1000, d(2024, 1, 1), d(2024, 1, 3), d(2024, 1, 1)).expected).toBe(333.33);
    expect(pacing(0, 1000, d(2024, 1, 1), d(2024, 1, 3), d(2024, 1, 2)).expected).toBe(666.67);
  });
});

describe('PACING with a profile', () => {
  test('a quarter weighted 0.25 / 0.30 / 0.45 by month, as of 15 Feb 2024', () => {
    // January done: 0.25. February (29 days in 2024): 15 of 29 days × 0.30 = 0.155172413793…
    // share = 0.405172413793…; expected = 100,000 × share = 40,517.2413… → 40,517.24
    // pace = 30,000 / 40,517.2413793… = 0.740425531914…
    const profile = readProfile([['Weight'], [0.25], [0.3], [0.45]], ...Q1);
    const p = pacing(30_000, 100_000, ...Q1, d(2024, 2, 15), profile);
    expect(p.expected).toBe(40_517.24);
    expect(p.pace).toBeCloseTo(30_000 / (100_000 * (0.25 + (0.3 * 15) / 29)), 12);
    expect(p.pace).toBeCloseTo(0.7404255319, 9);
    // weights need not sum to 1: 25/30/45 is the same profile
    const scaled = readProfile([[25], [30], [45]], ...Q1);
    expect(pacing(30_000, 100_000, ...Q1, d(2024, 2, 15), scaled).expected).toBe(40_517.24);
  });

  test('a 4-5-4 quarter by start dates: NRF Q1 2023, 29 Jan – 29 Apr', () => {
    // sub-periods: 29 Jan – 25 Feb (28 days), 26 Feb – 1 Apr (35), 2 Apr – 29 Apr (28); weights 0.3 / 0.4 / 0.3.
    // As of 5 Mar 2023: first done 0.3; second 26 Feb … 5 Mar = 8 of 35 days × 0.4 = 0.0914285714…
    // share = 0.3914285714…; expected = 70,000 × share = 21,000 + 6,400 = 27,400
    const start = d(2023, 1, 29);
    const end = d(2023, 4, 29);
    const profile = readProfile(
      [
        ['Start', 'Weight'],
        [d(2023, 1, 29), 0.3],
        [d(2023, 2, 26), 0.4],
        [d(2023, 4, 2), 0.3],
      ],
      start,
      end,
    );
    expect(profile?.map((p) => p.end - p.start + 1)).toEqual([28, 35, 28]);
    expect(pacing(0, 70_000, start, end, d(2023, 3, 5), profile).expected).toBe(27_400);
  });

  test('a profile whose weights follow the days is the linear pace', () => {
    // 31 / 29 / 31 days: weights 31, 29, 31 give expected share = elapsed ÷ 91 at every day
    const profile = readProfile([[31], [29], [31]], ...Q1);
    for (let day = Q1[0]; day <= Q1[1]; day++) {
      expect(expectedShare(...Q1, day, profile)).toBeCloseTo(expectedShare(...Q1, day), 12);
    }
  });

  test.each([
    [[[0.5], [0.5]], /2 weights, but the period is not 2 whole calendar months \(it is 3\)/],
    [[[1], [-1], [1]], /profile: item 2: expected a weight/],
    [[[0], [0], [0]], /the weights sum to 0/],
    [[[d(2024, 1, 2), 1]], /must start on period_start/],
    [
      [
        [d(2024, 1, 1), 1],
        [d(2024, 1, 1), 1],
      ],
      /row 2: start dates must increase/,
    ],
    [
      [
        [1, 2, 3],
        [1, 2, 3],
      ],
      /expected one column of weights, or two columns/,
    ],
  ])('refuses the profile %p', (grid, message) => {
    expect(() => readProfile(grid, ...Q1)).toThrow(message);
  });

  test('a profile of one 0 is weights summing to 0, not "no profile"', () => {
    // January 2024 alone: one month, one weight 0 → the sum is 0, refused (it used to fall back to linear)
    expect(() => readProfile([[0]], d(2024, 1, 1), d(2024, 1, 31))).toThrow(/the weights sum to 0/);
    expect(readProfile([[null]], d(2024, 1, 1), d(2024, 1, 31))).toBeUndefined(); // a blank cell: no profile
  });

  test('a row of weights reads as the column', () => {
    // Q1 2024 with 0.25/0.30/0.45 as a row: the same months and weights as the column
    expect(readProfile([[0.25, 0.3, 0.45]], ...Q1)).toEqual(readProfile([[0.25], [0.3], [0.45]], ...Q1));
    // as of 15 Feb with quota 100,000: 0.25 + 0.30 × 15/29 = 0.405172…, expected 40,517.24 (as the docs' example)
    expect(pacingRow(30_000, 100_000, ...Q1, d(2024, 2, 15), [[0.25, 0.3, 0.45]])[0][0]).toBe(40_517.24);
  });

  test('a period that is not whole months needs start dates', () => {
    expect(() => readProfile([[1], [1]], d(2024, 1, 1), d(2024, 2, 10))).toThrow(/two columns: each sub-period/);
  });
});

describe('PACING from cells', () => {
  test('one row; a blank profile is linear', () => {
    expect(pacingRow(500, 91_000, Q1[0], Q1[1], Q1[0], [[null]])).toEqual([[1000, 0.5, 0.5, 90_500]]);
  });
  test.each([
    [['x', 1, Q1[0], Q1[1], Q1[0]], /booked: expected a number/],
    [[1, -5, Q1[0], Q1[1], Q1[0]], /quota: expected a quota ≥ 0/],
    [[1, 5, Q1[1], Q1[0], Q1[0]], /period_end: the period ends before it starts/],
    [[1, 5, Q1[0], Q1[1], 'today'], /as_of: expected an Excel date/],
  ])('refuses %p', (args, message) => {
    const [b, q, s, e, a] = args as [number, number, number, number, number];
    expect(() => pacingRow(b, q, s, e, a)).toThrow(message);
    expect(() => pacingRow(b, q, s, e, a)).toThrow(ModelInputError);
  });
});

describe('properties', () => {
  test('linear pacing of a period exactly on track is 1 at every day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d(2000, 1, 1), max: d(2090, 1, 1) }),
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.nat(),
        (start, len, quota, k) => {
          const end = start + len;
          const asOf = start + (k % (len + 1));
          const onTrack = (quota * (asOf - start + 1)) / (len + 1);
          const p = pacing(onTrack, quota, start, end, asOf);
          expect(p.pace).not.toBeNull();
          expect(Math.abs((p.pace as number) - 1)).toBeLessThan(1e-12);
          expect(p.projected).toBe(p.pace);
        },
      ),
    );
  });

  test('expected share never decreases through the period and ends at 1 (any profile)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }), (w) => {
        const profile = readProfile(
          w.map((x) => [x]),
          ...Q1,
        );
        let prev = 0;
        for (let day = Q1[0] - 1; day <= Q1[1] + 1; day++) {
          const s = expectedShare(...Q1, day, profile);
          expect(s).toBeGreaterThanOrEqual(prev - 1e-15);
          prev = s;
        }
        expect(prev).toBe(1);
      }),
    );
  });
});
