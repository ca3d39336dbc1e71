/**
 * Issue 25, item 3: what docs/functions.md promises about names, messages and methods, through the built
 * dist/functions.js.
 */
import { callBuilt, col, valueError } from './built';

describe('names match ignoring case and every space; names that must be unique may not collide', () => {
  const header = ['Plan v2', 'Component', 'Measure', 'Target incentive', 'Weight', 'Quota', 'Method', 'Bound', 'Rate'];
  const PLAN = [
    header,
    ['plan', 'AE', null, 10000, null, null, null, null, null],
    ['component', 'Bookings', 'Bookings', null, 0.7, 1000000, 'marginal', null, null],
    ['band', 'Bookings', null, null, null, null, null, 0, 1],
    ['component', 'Logos', 'New logos', null, 0.3, 10, 'retro', null, null],
    ['band', 'Logos', null, null, null, null, null, 0, 1],
  ];

  test('PLANPAYOUT: actuals headed "newlogos" and "BOOKINGS" match the plan\'s "New logos" and "Bookings"', () => {
    // 7,000 × 1,000,000 / 1,000,000 + 3,000 × 1.2 × 1 (retro) = 7,000 + 3,600 = 10,600.
    expect(
      callBuilt('PLANPAYOUT', PLAN, [
        ['BOOKINGS', 'newlogos'],
        [1000000, 12],
      ]),
    ).toBe(10600);
    expect(
      callBuilt('PLANPAYOUT', PLAN, [
        ['Bookings', ' New  Logos '],
        [1000000, 12],
      ]),
    ).toBe(10600);
  });

  test('PLANPAYOUT: two actuals that are one name ignoring spaces are #VALUE! naming both', () => {
    const r = callBuilt('PLANPAYOUT', PLAN, [
      ['Bookings', 'New logos', 'Newlogos'],
      [1000000, 12, 12],
    ]);
    expect(r).toEqual(valueError('measure "Newlogos" is given twice (as "New logos" too; names match ignoring case and spaces)')); // prettier-ignore
  });

  test('PLANPAYOUT: two components that are one name ignoring spaces are #VALUE!', () => {
    const plan = PLAN.map((r) => (r[1] === 'Logos' ? [r[0], 'Book ings', ...r.slice(2)] : r));
    expect(
      callBuilt('PLANPAYOUT', plan, [
        ['Bookings', 'New logos'],
        [1000000, 12],
      ]),
    ).toEqual(valueError('component "Book ings" is defined twice (as "Bookings" too'));
  });

  test('PIPELINE: stage "closedwon" matches "Closed Won"; a table listing both spellings is #VALUE!', () => {
    const table = [
      ['Commit', 0.8],
      ['Closed Won', 1],
    ];
    // 2000 × 0.8 + 500 × 1 = 2,100.
    expect(callBuilt('PIPELINE', col(2000, 500), col('commit', 'closedwon'), table)).toBe(2100);
    expect(callBuilt('PIPELINE', col(500), col('Closed Won'), [...table, ['ClosedWon', 0.9]])).toEqual(
      valueError('stage "ClosedWon" is listed twice (as "Closed Won" too'),
    );
  });
});

describe('messages and methods as documented', () => {
  test('PRORATION: text for a date says an Excel date is expected', () => {
    expect(callBuilt('PRORATION', 'January', 46053)).toEqual(valueError('period_start: expected an Excel date'));
    expect(callBuilt('PRORATION', 46023, 46053, 'soon')).toEqual(valueError('start_date: expected an Excel date'));
  });

  const weekly = Array.from({ length: 110 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 52));

  test('FORECAST "ets" with a season over 24 is refused with a message suggesting "auto"', () => {
    expect(callBuilt('FORECAST', col(...weekly), 2, 52, 'ets')).toEqual(valueError('use method "auto"'));
    const auto = callBuilt('FORECAST', col(...weekly), 2, 52, 'auto') as number[][];
    expect(auto).toHaveLength(2);
    expect(Number.isFinite(auto[0][0])).toBe(true);
    expect((callBuilt('FORECAST', col(...weekly), 2, 0, 'ets') as number[][]).length).toBe(2);
  });

  test('FORECAST "combination" is the same method as "auto"', () => {
    const y = col(10, 12, 11, 14, 13, 15, 16, 15, 18, 17);
    const combination = callBuilt('FORECAST', y, 3, 0, 'combination', 0.9) as number[][];
    expect(combination).toEqual(callBuilt('FORECAST', y, 3, 0, 'auto', 0.9));
    // a forecast, not an error both calls share: 3 rows of lower ≤ forecast ≤ upper
    expect(combination).toHaveLength(3);
    for (const [f, lo, up] of combination) expect(lo <= f && f <= up && Number.isFinite(f)).toBe(true);
  });
});
