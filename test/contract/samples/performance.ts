import type { FunctionSample } from '../harness';

// Serials: 1 Jan 2024 = 45292; 15 Feb 2024 = 45292 + 31 + 14 = 45337; 31 Mar 2024 = 45292 + 90 = 45382.
// NRF 4-5-4 calendar (year starts in February, weeks Sunday–Saturday, nearest Saturday to 31 Jan):
// 3 Feb 2024 = 45325 is the last day of the 53-week year 29 Jan 2023 (44955) – 3 Feb 2024; its period 12 (January)
// runs 31 Dec 2023 (45291) – 3 Feb 2024: five weeks.
const REPS = [
  ['Rep', 'Team', 'Weight', 'Capacity', 'Active'],
  ['Ann', 'East', 2, 3, true],
  ['Bob', 'East', 1, null, null],
  ['Cy', 'West', null, null, false],
];
const RULES = [
  ['Priority', 'Field', 'Operator', 'Value', 'Assign to'],
  [1, 'Country', 'in', 'US; CA', 'East'],
  [2, 'Country', '=', 'DE', 'West'],
];

export const samples: FunctionSample[] = [
  {
    id: 'FISCALPERIOD',
    what: 'NRF 4-5-4: 3 Feb 2024 ends the 53-week FY2024 (NRF "2023"), period 12 of five weeks',
    args: [45325, '454', 2, 1, 'nearest'],
    expect: [[2024, 4, 12, 45291, 45325]],
  },
  {
    id: 'FISCALPERIOD',
    what: 'calendar months from July: 15 Feb 2024 is FY2024 Q3 period 8',
    // Jul(1)…Jan(7), Feb(8): quarter 3; February 2024 runs 45323 (1 Feb) – 45351 (29 Feb)
    args: [45337, 'calendar', 7],
    expect: [[2024, 3, 8, 45323, 45351]],
  },
  {
    id: 'FISCALPERIOD',
    what: 'a column of dates, as Excel passes a range to the matrix parameter: one row each',
    // 15 Feb 2024 as above; 1 Jul 2024 (45474) starts FY2025 (Jul 2024 – Jun 2025, named by the year it ends in): Q1, period 1,
    // July 2024 = 45474 (1 Jul) – 45504 (31 Jul)
    args: [[[45337], [45474]], 'calendar', 7],
    expect: [
      [2024, 3, 8, 45323, 45351],
      [2025, 1, 1, 45474, 45504],
    ],
  },
  {
    id: 'FISCALPERIOD',
    what: 'one date as a 1 × 1 range',
    args: [[[45337]], 'calendar', 7],
    expect: [[2024, 3, 8, 45323, 45351]],
  },
  {
    id: 'FISCALPERIOD',
    what: 'an unknown calendar',
    args: [45337, 'weekly'],
    expect: { error: '#VALUE!', messageIncludes: 'calendar: expected one of "calendar", "445"' },
  },
  {
    id: 'PACING',
    what: 'linear: 15 Feb is day 46 of 91; expected 91,000 × 46/91 = 46,000; pace 50,600 / 46,000 = 1.1',
    args: [50600, 91000, 45292, 45382, 45337],
    expect: [[46000, 1.1, 1.1, 40400]],
  },
  {
    id: 'PACING',
    what: 'profile 0.25/0.30/0.45 by month: share 0.25 + 0.30 × 15/29; expected 40,517.24',
    args: [30000, 100000, 45292, 45382, 45337, [[0.25], [0.3], [0.45]]],
    expect: [
      [40517.24, 30000 / (100000 * (0.25 + (0.3 * 15) / 29)), 30000 / (100000 * (0.25 + (0.3 * 15) / 29)), 70000],
    ],
  },
  {
    id: 'PACING',
    what: 'before the period: nothing expected, pace blank',
    args: [0, 91000, 45292, 45382, 45291],
    expect: [[0, '', '', 91000]],
  },
  {
    id: 'PACING',
    what: 'a period that ends before it starts',
    args: [0, 91000, 45382, 45292, 45300],
    expect: { error: '#VALUE!', messageIncludes: 'period_end: the period ends before it starts' },
  },
  {
    id: 'ATTAINMENT',
    what: 'per rep and team: Ann 60,000 / 100,000, Bob 25,000 / 50,000; team 85,000 / 150,000',
    args: [
      [['Rep'], ['Ann'], ['Bob']],
      [
        ['Rep', 'Date', 'Amount'],
        ['Ann', 45300, 30000.1],
        ['Bob', 45310, 25000],
        ['Ann', 45320, 29999.9],
      ],
      [
        ['Rep', 'Quota'],
        ['Ann', 100000],
        ['Bob', 50000],
      ],
    ],
    expect: [
      ['Rep', 'Booked', 'Quota', 'Attainment', 'Rank'],
      ['Ann', 60000, 100000, 0.6, 1],
      ['Bob', 25000, 50000, 0.5, 2],
      ['Team', 85000, 150000, 85000 / 150000, ''],
    ],
  },
  {
    id: 'ATTAINMENT',
    what: 'a rep without a quota',
    args: [
      [['Rep'], ['Ann'], ['Bob']],
      [['Ann', 45300, 1]],
      [
        ['Rep', 'Quota'],
        ['Ann', 100000],
      ],
    ],
    expect: { error: '#VALUE!', messageIncludes: 'quotas: no quota for "Bob"' },
  },
  {
    id: 'ROUTE',
    // East weights 2:1, Ann capped at 3: Ann, Bob, Ann, Ann (cap), Bob; Cy (West) is inactive; FR matches nothing.
    what: 'round-robin 2:1 with a cap; an inactive team and an unmatched record get #N/A in their own cells',
    args: [[['Country'], ['US'], ['ca'], ['US'], ['DE'], ['US'], ['FR'], ['US']], RULES, REPS],
    expect: [
      ['Assigned rep'],
      ['Ann'],
      ['Bob'],
      ['Ann'],
      [{ code: '#N/A', message: 'Team West has no active rep with room (rule 2).' }],
      ['Ann'],
      [{ code: '#N/A', message: 'No rule matches this record; add a default rule (a priority with no field).' }],
      ['Bob'],
    ],
  },
  {
    id: 'ROUTE',
    what: 'a rule on a field the records do not have',
    args: [[['Region'], ['East']], RULES, REPS],
    expect: { error: '#VALUE!', messageIncludes: 'the field "Country" is not a column of records' },
  },
];
