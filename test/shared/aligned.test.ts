/** The aligned-range reader (header decided once for several columns of a table) and name matching. */
import { readAligned } from '../../src/shared/aligned';
import { nameKey, sameNameHint } from '../../src/shared/names';
import { messageOf } from '../support/messageOf';

const col = (...v: (string | number | boolean | null)[]) => v.map((x) => [x]);

describe('readAligned', () => {
  test('a header row is dropped from every range, or from none', () => {
    const withHeader = readAligned([
      { arg: 'amounts', value: col('Amount', 1, 2), kind: 'number' },
      { arg: 'stages', value: col('Stage', 'A', 'B'), kind: 'text' },
    ]);
    expect(withHeader).toMatchObject({ header: true, firstRow: 2, height: 3 });
    expect(withHeader.rows).toEqual([col(1, 2), col('A', 'B')]);
    expect(withHeader.headerCells).toEqual([['Amount'], ['Stage']]);
    const without = readAligned([
      { arg: 'amounts', value: col(1, 2), kind: 'number' },
      { arg: 'stages', value: col('A', 'B'), kind: 'text' },
    ]);
    expect(without).toMatchObject({ header: false, firstRow: 1, rows: [col(1, 2), col('A', 'B')] });
  });

  test('trailing rows blank in every range (also as 0) are trimmed when asked; other heights are an error', () => {
    const r = readAligned(
      [
        { arg: 'amounts', value: col('Amount', 1, 2, 0, null), kind: 'number' },
        { arg: 'stages', value: col('Stage', 'A', 'B', 0, null), kind: 'text' },
      ],
      true,
    );
    expect(r.rows).toEqual([col(1, 2), col('A', 'B')]);
    // A longer range whose extra rows are blank is fine when trimming.
    expect(
      readAligned(
        [
          { arg: 'a', value: col(1, 2), kind: 'number' },
          { arg: 'b', value: col('x', 'y', null, null), kind: 'text' },
        ],
        true,
      ).rows,
    ).toEqual([col(1, 2), col('x', 'y')]);
    expect(
      messageOf(() =>
        readAligned([
          { arg: 'a', value: col(1, 2), kind: 'number' },
          { arg: 'b', value: col('x', 'y', null), kind: 'text' },
        ]),
      ),
    ).toBe('a: 2 rows but b has 3; select the same rows for every range (each with its header row, or none).');
  });

  test('a table range (several columns) and a row range', () => {
    const r = readAligned([
      {
        arg: 'metrics',
        value: [
          ['P', 'H'],
          [1, 2],
          [3, 4],
        ],
        kind: 'number',
        table: true,
      },
      { arg: 'current', value: [['Owner', 'Ann', 'Bob']], kind: 'text' },
    ]);
    expect(r.header).toBe(true);
    expect(r.rows).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      col('Ann', 'Bob'),
    ]);
    expect(
      messageOf(() =>
        readAligned([
          {
            arg: 'x',
            value: [
              [1, 2],
              [3, 4],
            ],
            kind: 'number',
          },
        ]),
      ),
    ).toMatch(/^x: expected one row or one column/);
  });
});

describe('nameKey', () => {
  test.each([
    ['New logos', 'newlogos'],
    ['  NEW   Logos ', 'newlogos'],
    ['New\u00a0logos', 'newlogos'],
    ['Closed Won', 'closedwon'],
  ])('%j → %j', (name, key) => expect(nameKey(name)).toBe(key));

  test('the hint names the other spelling only when it differs', () => {
    expect(sameNameHint('Newlogos', 'New logos')).toBe(' (as "New logos" too; names match ignoring case and spaces)');
    expect(sameNameHint('Bookings', ' Bookings ')).toBe('');
  });
});
