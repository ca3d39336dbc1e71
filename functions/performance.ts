/**
 * Custom functions of performance and routing (SALESOPS namespace): thin adapters over src/calendar/, src/pacing/
 * and src/routing/, whose cell readers (`*Of` below) read the arguments, call the kernel and shape the result.
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { fiscalPeriodOf } from '../src/calendar/sheet/functions';
import { pacingOf, attainmentOf } from '../src/pacing/sheet/functions';
import { routeOf } from '../src/routing/sheet/functions';

/** The performance and routing functions, in the order of functions.json. */
export const PERFORMANCE_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'FISCALPERIOD',
    description:
      "The fiscal year, quarter and period of a date, and the period's first and last day: calendar months, or 4-4-5 / 4-5-4 / 5-4-4 week calendars whose year ends on the week end nearest (or last before) the end of the month before the year starts.",
    parameters: [
      {
        name: 'date',
        description: 'A date, or one column of dates (one row of results each).',
        dimensionality: 'matrix',
      },
      { name: 'calendar', description: '"calendar" (default: months), "445", "454" or "544".', optional: true },
      {
        name: 'year_start_month',
        description:
          'The month the fiscal year starts in, 1–12 (default 1). The year is named by the calendar year in which it ends (its last month is the one before year_start_month).',
        optional: true,
      },
      {
        name: 'week_start',
        description:
          'The first day of a week for "445"/"454"/"544": 1 = Sunday … 7 = Saturday, or a day\'s name (default 1).',
        optional: true,
      },
      {
        name: 'year_end_rule',
        description:
          '"nearest" (default: the week end nearest the last day of the month before year_start_month) or "last" (the last week end within that month).',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: (date, calendar, year_start_month, week_start, year_end_rule) =>
      excelCall(fiscalPeriodOf, date, calendar, year_start_month, week_start, year_end_rule),
  },
  {
    name: 'PACING',
    description:
      'Pacing to quota as of a date: the quota expected to date (money; linear by calendar days, or shaped by a profile), the pace (booked ÷ expected), the projected attainment and the gap to quota.',
    parameters: [
      { name: 'booked', description: 'Bookings so far in the period (money).' },
      { name: 'quota', description: "The period's quota (money, ≥ 0)." },
      { name: 'period_start', description: "The period's first day (date)." },
      { name: 'period_end', description: "The period's last day (date)." },
      { name: 'as_of', description: 'The date to pace at; the day counts as elapsed.' },
      {
        name: 'profile',
        description:
          "Weights of the period's sub-periods: one column, one weight per calendar month; or two columns: each sub-period's start date and weight (e.g. a 4-4-5 quarter).",
        dimensionality: 'matrix',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: (booked, quota, period_start, period_end, as_of, profile) =>
      excelCall(pacingOf, booked, quota, period_start, period_end, as_of, profile),
  },
  {
    name: 'ATTAINMENT',
    description:
      'Attainment per rep: bookings (money) summed per rep, optionally between two dates, against quota, ranked, with a team total row.',
    parameters: [
      {
        name: 'reps',
        description: 'One column of rep names (with a header cell exactly when quotas has a header row).',
        dimensionality: 'matrix',
      },
      {
        name: 'bookings',
        description: 'Three columns: rep, date, amount; a header row is optional.',
        dimensionality: 'matrix',
      },
      {
        name: 'quotas',
        description: 'Two columns (rep, quota) matched by name, or one column of quotas in the order of reps.',
        dimensionality: 'matrix',
      },
      { name: 'from', description: 'The first booking date counted (inclusive).', optional: true },
      { name: 'to', description: 'The last booking date counted (inclusive).', optional: true },
    ],
    result: 'matrix',
    fn: (reps, bookings, quotas, from, to) => excelCall(attainmentOf, reps, bookings, quotas, from, to),
  },
  {
    name: 'ROUTE',
    description:
      'Routes each record (lead or account) to a rep by rules of engagement: the first priority whose conditions all hold assigns it to a rep or a team; within a team, smooth weighted round-robin skipping reps at capacity or inactive. One column; #N/A with the reason for a record that cannot be routed.',
    parameters: [
      {
        name: 'records',
        description: 'A table with a header row of field names (Country, Employees, Industry…), one record a row.',
        dimensionality: 'matrix',
      },
      {
        name: 'rules',
        description:
          'A table: Priority, Field, Operator (= <> < <= > >= in contains "starts with"), Value, Assign to (a rep or a team). Rows of one priority are ANDed; a row without a field is the default.',
        dimensionality: 'matrix',
      },
      {
        name: 'reps',
        description:
          'A table: Rep, Team, and optionally Weight (default equal), Capacity (most records), Active (FALSE = skip).',
        dimensionality: 'matrix',
      },
      {
        name: 'load',
        description: 'Two columns: rep and current count; each rep starts where they are.',
        dimensionality: 'matrix',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: (records, rules, reps, load) => excelCall(routeOf, records, rules, reps, load),
  },
];
