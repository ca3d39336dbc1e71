import fc from 'fast-check';
import { dateToSerial, daysInMonth, isoDate, isoMonth, serialToDate, checkSerial } from '../../src/shared/dates';
import { ModelInputError } from '../../src/shared/errors';

describe('Excel 1900 date serials', () => {
  test.each([
    // serial, y, m, d — values Excel shows for =DATE(y,m,d)
    [1, 1900, 1, 1],
    [59, 1900, 2, 28],
    [60, 1900, 2, 29], // the fictitious day Excel keeps for Lotus compatibility
    [61, 1900, 3, 1],
    [36526, 2000, 1, 1],
    [45292, 2024, 1, 1],
    [45351, 2024, 2, 29], // 45292 + 31 (Jan) + 28 = 45351
    [45352, 2024, 3, 1],
    [2958465, 9999, 12, 31],
  ])('serial %p is %p-%p-%p', (serial, y, m, d) => {
    expect(serialToDate(serial)).toEqual({ year: y, month: m, day: d });
    expect(dateToSerial(y, m, d)).toBe(serial);
  });

  test('a time of day is ignored: 45292.75 is 2024-01-01', () => {
    expect(serialToDate(45292.75)).toEqual({ year: 2024, month: 1, day: 1 });
  });

  test('DATE-style roll-over: month 13 of 2023 is January 2024', () => {
    expect(dateToSerial(2023, 13, 1)).toBe(45292);
  });

  test.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 29], // as Excel
    [2100, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('daysInMonth(%p, %p) = %p', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));

  test('property: serial → date → serial round-trips from 1 to 2958465', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (s) => {
        const d = serialToDate(s);
        expect(dateToSerial(d.year, d.month, d.day)).toBe(s);
      }),
      { seed: 1, numRuns: 5000 },
    );
  });

  test('checkSerial refuses non-dates with a message naming the argument', () => {
    expect(() => checkSerial(0, 'start_date')).toThrow(ModelInputError);
    expect(() => checkSerial(3e6, 'start_date')).toThrow(/start_date: expected an Excel date/);
    expect(checkSerial(45292.5, 'x')).toBe(45292);
  });
});

describe('ISO text of dates and months', () => {
  test('pads month, day and a short year; ignores the time of day', () => {
    // 46096 = 2026-03-15 (=DATE(2026,3,15)); .75 is 18:00, dropped
    expect(isoDate(46096.75)).toBe('2026-03-15');
    expect(isoDate(60)).toBe('1900-02-29'); // Excel's fictitious day
    expect(isoMonth(2026, 3)).toBe('2026-03');
    expect(isoMonth(999, 12)).toBe('0999-12');
  });
  test('reads back through dateToSerial for every day Excel shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const [y, m, d] = isoDate(serial).split('-').map(Number);
        expect(dateToSerial(y, m, d)).toBe(serial);
      }),
    );
  });
});
