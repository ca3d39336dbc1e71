import { parseTable, toGrid } from '../../src/shared/table';
import { ModelInputError } from '../../src/shared/errors';

const layout = {
  measure: { header: 'Measure', kind: 'text', required: true },
  rate: { header: 'Rate', kind: 'number', required: true, aliases: ['Rate %'] },
  start: { header: 'Start', kind: 'date' },
  active: { header: 'Active', kind: 'boolean' },
} as const;

describe('tables parsed by header with cell-precise errors', () => {
  test('columns are found by name in any order; blank rows are skipped; optional cells may be blank', () => {
    const grid = [
      ['Rate %', 'Measure', 'Active'],
      [0.1, 'Bookings', true],
      [null, null, null],
      ['5%', 'Logos', null],
    ];
    const recs = parseTable(grid, layout, 'plan');
    expect(recs).toEqual([
      { row: 2, measure: 'Bookings', rate: 0.1, start: undefined, active: true },
      { row: 4, measure: 'Logos', rate: 0.05, start: undefined, active: undefined },
    ]);
  });

  test('a bad cell is named by row and column header', () => {
    const grid = [
      ['Measure', 'Rate'],
      ['A', 0.1],
      ['B', 0.2],
      ['C', 'ten'],
    ];
    expect(() => parseTable(grid, layout, 'plan')).toThrow(
      new ModelInputError('plan: row 4, column "Rate": expected a number, got "ten".'),
    );
  });

  test('a missing required column lists what was found', () => {
    expect(() => parseTable([['Measure'], ['A']], layout, 'plan')).toThrow(
      'plan: the header row has no column "Rate" (found "Measure").',
    );
  });

  test('toGrid pads rows and turns undefined into blanks', () => {
    expect(toGrid(['a', 'b'], [[1], [undefined, 'x']])).toEqual([
      ['a', 'b'],
      [1, null],
      [null, 'x'],
    ]);
  });
});
