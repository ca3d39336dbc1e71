import fc from 'fast-check';
import { dateToSerial as d, serialToDate } from '../../src/shared/dates';
import {
  type FiscalCalendar,
  fiscalLocator,
  fiscalPeriodOf,
  fiscalYear,
  readCalendar,
  fiscalPeriodRows,
  weekday,
} from '../../src/calendar';
import { ModelInputError } from '../../src/shared/errors';

const cal = (over: Partial<FiscalCalendar>): FiscalCalendar => ({
  kind: 'calendar',
  yearStartMonth: 1,
  weekStart: 1,
  yearEndRule: 'nearest',
  ...over,
});

// US retail 4-5-4 calendar (NRF): weeks Sunday–Saturday, the year ends on the Saturday nearest 31 January.
// Source: NRF 4-5-4 calendar as published by the National Retail Federation (nrf.com/resources/4-5-4-calendar):
// fiscal 2023 = 29 Jan 2023 – 3 Feb 2024, 53 weeks, January 2024 a 5-week month; fiscal 2022 = 30 Jan 2022 – 28 Jan
// 2023. NRF names a year by the year it starts in; we name it by its nominal end month (January 2024 → FY2024).
const NRF = cal({ kind: '454', yearStartMonth: 2, weekStart: 1, yearEndRule: 'nearest' });
// Apple: the fiscal year ends on the last Saturday of September. Source: Apple's Form 10-K for fiscal 2023 (year
// ended 30 Sep 2023, "a 53-week year") and for 2022 (ended 24 Sep 2022, 52 weeks); fiscal 2021 ended 25 Sep 2021.
const APPLE = cal({ kind: '445', yearStartMonth: 10, weekStart: 1, yearEndRule: 'last' });

describe('week-based years against published calendars', () => {
  test('NRF fiscal 2023 (our FY2024): 29 Jan 2023 – 3 Feb 2024, 53 weeks', () => {
    const fy = fiscalYear(NRF, 2024);
    expect(fy.start).toBe(d(2023, 1, 29));
    expect(fy.end).toBe(d(2024, 2, 3));
    // 29–31 Jan 2023 (3) + Feb–Dec 2023 (365 − 31 = 334) + Jan 2024 (31) + 1–3 Feb 2024 (3) = 371 days = 53 × 7
    expect(fy.end - fy.start + 1).toBe(371);
    expect(weekday(fy.end)).toBe(7); // a Saturday
    // 4-5-4: February 29 Jan – 25 Feb (4 wk), March 26 Feb – 1 Apr (5 wk), April 2 Apr – 29 Apr (4 wk)
    expect(fy.periods.slice(0, 3)).toEqual([
      { start: d(2023, 1, 29), end: d(2023, 2, 25) },
      { start: d(2023, 2, 26), end: d(2023, 4, 1) },
      { start: d(2023, 4, 2), end: d(2023, 4, 29) },
    ]);
    // the 53rd week joins January: 31 Dec 2023 – 3 Feb 2024 = 35 days = 5 weeks
    expect(fy.periods[11]).toEqual({ start: d(2023, 12, 31), end: d(2024, 2, 3) });
  });

  test('NRF fiscal 2022 (our FY2023): 30 Jan 2022 – 28 Jan 2023, 52 weeks', () => {
    const fy = fiscalYear(NRF, 2023);
    expect([fy.start, fy.end]).toEqual([d(2022, 1, 30), d(2023, 1, 28)]);
    expect(fy.end - fy.start + 1).toBe(364);
    // January 2023 keeps 4 weeks: 1 Jan – 28 Jan 2023
    expect(fy.periods[11]).toEqual({ start: d(2023, 1, 1), end: d(2023, 1, 28) });
  });

  test('NRF fiscal 2017 (our FY2018) was 53 weeks too: 29 Jan 2017 – 3 Feb 2018', () => {
    const fy = fiscalYear(NRF, 2018);
    expect([fy.start, fy.end]).toEqual([d(2017, 1, 29), d(2018, 2, 3)]);
  });

  test('Apple FY2023: 25 Sep 2022 – 30 Sep 2023, 53 weeks; FY2022: 26 Sep 2021 – 24 Sep 2022, 52 weeks', () => {
    const y23 = fiscalYear(APPLE, 2023);
    expect([y23.start, y23.end]).toEqual([d(2022, 9, 25), d(2023, 9, 30)]);
    expect(y23.end - y23.start + 1).toBe(371);
    const y22 = fiscalYear(APPLE, 2022);
    expect([y22.start, y22.end]).toEqual([d(2021, 9, 26), d(2022, 9, 24)]);
    expect(y22.end - y22.start + 1).toBe(364);
  });

  test('dates on a year boundary', () => {
    // 3 Feb 2024 is the last day of NRF FY2024, period 12 (5 weeks), quarter 4
    expect(fiscalPeriodOf(NRF, d(2024, 2, 3))).toEqual({
      year: 2024,
      quarter: 4,
      period: 12,
      start: d(2023, 12, 31),
      end: d(2024, 2, 3),
    });
    // 4 Feb 2024 is the first day of FY2025 (a calendar date in February: the year after)
    expect(fiscalPeriodOf(NRF, d(2024, 2, 4))).toMatchObject({
      year: 2025,
      quarter: 1,
      period: 1,
      start: d(2024, 2, 4),
    });
    // 1 Oct 2023 is Apple FY2024 period 1; 30 Sep 2023 is FY2023 period 12
    expect(fiscalPeriodOf(APPLE, d(2023, 10, 1))).toMatchObject({ year: 2024, period: 1, start: d(2023, 10, 1) });
    expect(fiscalPeriodOf(APPLE, d(2023, 9, 30))).toMatchObject({ year: 2023, period: 12, end: d(2023, 9, 30) });
  });

  test('a January-start 4-4-5 year ending the Saturday nearest 31 Dec: FY2020 has 53 weeks', () => {
    // 31 Dec 2019 is a Tuesday: nearest Saturday 28 Dec 2019 (3 days before).
    // 31 Dec 2020 is a Thursday: nearest Saturday 2 Jan 2021 (2 days after). 2 Jan 2021 − 29 Dec 2019 + 1 = 371.
    const c = cal({ kind: '445', yearEndRule: 'nearest' });
    const fy = fiscalYear(c, 2020);
    expect([fy.start, fy.end]).toEqual([d(2019, 12, 29), d(2021, 1, 2)]);
    // Q1 = 4+4+5 weeks: periods end 25 Jan, 22 Feb, 28 Mar 2020
    expect(fy.periods.slice(0, 3).map((p) => p.end)).toEqual([d(2020, 1, 25), d(2020, 2, 22), d(2020, 3, 28)]);
    // "last" instead: the last Saturday of December 2020 is 26 Dec, so FY2020 ends there (52 weeks from 29 Dec 2019)
    const last = fiscalYear(cal({ kind: '445', yearEndRule: 'last' }), 2020);
    expect([last.start, last.end]).toEqual([d(2019, 12, 29), d(2020, 12, 26)]);
  });

  test('5-4-4 with Monday weeks: weeks end on Sunday', () => {
    const c = cal({ kind: '544', weekStart: 2, yearEndRule: 'last' });
    const fy = fiscalYear(c, 2024);
    // last Sunday of Dec 2023 = 31 Dec 2023; of Dec 2024 = 29 Dec 2024: 1 Jan 2024 – 29 Dec 2024 = 364 days
    expect([fy.start, fy.end]).toEqual([d(2024, 1, 1), d(2024, 12, 29)]);
    expect(fy.periods[0]).toEqual({ start: d(2024, 1, 1), end: d(2024, 2, 4) }); // 5 weeks = 35 days
  });
});

describe('"calendar" months', () => {
  test('a February start: FY named by the year it ends in', () => {
    const c = cal({ yearStartMonth: 2 });
    expect(fiscalPeriodOf(c, d(2023, 2, 1))).toEqual({
      year: 2024,
      quarter: 1,
      period: 1,
      start: d(2023, 2, 1),
      end: d(2023, 2, 28),
    });
    expect(fiscalPeriodOf(c, d(2024, 1, 31))).toMatchObject({ year: 2024, quarter: 4, period: 12 });
    // 29 Feb 2024 is in FY2025, period 1 (February), whose end is the 29th
    expect(fiscalPeriodOf(c, d(2024, 2, 29))).toMatchObject({ year: 2025, period: 1, end: d(2024, 2, 29) });
  });

  test('a July start: 15 Nov 2024 is FY2025 Q2 period 5', () => {
    // Jul(1) Aug(2) Sep(3) | Oct(4) Nov(5) Dec(6): quarter 2
    expect(fiscalPeriodOf(cal({ yearStartMonth: 7 }), d(2024, 11, 15))).toMatchObject({
      year: 2025,
      quarter: 2,
      period: 5,
    });
  });

  test('January start = the calendar year', () => {
    expect(fiscalPeriodOf(cal({}), d(2024, 12, 31))).toMatchObject({ year: 2024, quarter: 4, period: 12 });
  });
});

describe('properties', () => {
  const calendars = fc.record({
    kind: fc.constantFrom('calendar' as const, '445' as const, '454' as const, '544' as const),
    yearStartMonth: fc.integer({ min: 1, max: 12 }),
    weekStart: fc.integer({ min: 1, max: 7 }),
    yearEndRule: fc.constantFrom('nearest' as const, 'last' as const),
  });

  test('years tile the timeline; week years are 52 or 53 weeks ending on the week end', () => {
    fc.assert(
      fc.property(calendars, fc.integer({ min: 1903, max: 9990 }), (c, y) => {
        const a = fiscalYear(c, y);
        const b = fiscalYear(c, y + 1);
        expect(b.start).toBe(a.end + 1);
        expect(a.periods[0].start).toBe(a.start);
        for (let i = 1; i < 12; i++) expect(a.periods[i].start).toBe(a.periods[i - 1].end + 1);
        if (c.kind !== 'calendar') {
          expect([364, 371]).toContain(a.end - a.start + 1);
          expect(weekday(a.end + 1)).toBe(c.weekStart);
        }
      }),
    );
  });

  test('every date lies in the period it is given', () => {
    fc.assert(
      fc.property(calendars, fc.integer({ min: d(1902, 1, 1), max: d(9997, 12, 31) }), (c, s) => {
        const p = fiscalPeriodOf(c, s);
        expect(p.start).toBeLessThanOrEqual(s);
        expect(p.end).toBeGreaterThanOrEqual(s);
        expect(p.quarter).toBe(Math.ceil(p.period / 3));
        const fy = fiscalYear(c, p.year);
        expect(fy.periods[p.period - 1]).toEqual({ start: p.start, end: p.end });
        // the year's nominal end month lies in calendar year p.year
        const endMonth = c.yearStartMonth === 1 ? 12 : c.yearStartMonth - 1;
        const e = serialToDate(fy.end);
        expect(e.year * 12 + e.month - (p.year * 12 + endMonth)).toBeGreaterThanOrEqual(-1);
        expect(e.year * 12 + e.month - (p.year * 12 + endMonth)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('cell readers', () => {
  test('defaults and names', () => {
    expect(readCalendar(undefined, undefined, undefined, undefined)).toEqual(cal({}));
    expect(readCalendar(445, 2, 'sat', 'LAST')).toEqual(
      cal({ kind: '445', yearStartMonth: 2, weekStart: 7, yearEndRule: 'last' }),
    );
    expect(readCalendar('454', 0, 0, '')).toEqual(cal({ kind: '454' }));
  });

  test.each([
    [['weekly', 1, 1, 'nearest'], /calendar: expected one of/],
    [['445', 13, 1, 'nearest'], /year_start_month: expected a month number 1–12/],
    [['445', 1, 8, 'nearest'], /week_start: expected 1–7/],
    [['445', 1, 'xyz', 'nearest'], /week_start: expected 1–7 \(1 = Sunday\) or a day's name/],
    [['445', 1, 1, 'first'], /year_end_rule: expected one of "nearest", "last"/],
  ])('refuses %p', (args, message) => {
    const [a, b, c, e] = args as [string, number, number | string, string];
    expect(() => readCalendar(a, b, c, e)).toThrow(message);
  });

  test('rows for one date and for a column', () => {
    expect(fiscalPeriodRows(d(2024, 2, 3), NRF)).toEqual([[2024, 4, 12, d(2023, 12, 31), d(2024, 2, 3)]]);
    const rows = fiscalPeriodRows([['Date'], [d(2024, 2, 3)], [null], [d(2024, 2, 4)]], NRF);
    expect(rows.length).toBe(4);
    expect(rows[0]).toEqual(['Fiscal year', 'Quarter', 'Period', 'Period start', 'Period end']);
    expect(rows[2]).toEqual([null, null, null, null, null]);
    expect(rows[3][0]).toBe(2025);
    expect(() => fiscalPeriodRows('soon', NRF)).toThrow(ModelInputError);
    expect(() => fiscalPeriodRows(d(1900, 6, 1), NRF)).toThrow(/years 1901–9998/);
  });
});

describe('the locator for many dates', () => {
  test('gives what fiscalPeriodOf gives, in any order of dates', () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom('calendar' as const, '445' as const, '454' as const, '544' as const),
          yearStartMonth: fc.integer({ min: 1, max: 12 }),
          weekStart: fc.integer({ min: 1, max: 7 }),
          yearEndRule: fc.constantFrom('nearest' as const, 'last' as const),
        }),
        fc.array(fc.integer({ min: d(2019, 1, 1), max: d(2026, 12, 31) }), { maxLength: 50 }),
        (c, dates) => {
          const locate = fiscalLocator(c);
          for (const s of dates) expect(locate(s)).toEqual(fiscalPeriodOf(c, s));
        },
      ),
    );
  });
});

describe('FISCALPERIOD messages', () => {
  test('a bad date in a column counts range rows (the header is row 1)', () => {
    const c = cal({});
    // header row 1, a good date row 2, "soon" in row 3
    expect(() => fiscalPeriodRows([['Date'], [d(2024, 1, 1)], ['soon']], c)).toThrow(/date: row 3/);
    // without a header, "soon" in row 2
    expect(() => fiscalPeriodRows([[d(2024, 1, 1)], ['soon']], c)).toThrow(/date: row 2/);
  });
});
