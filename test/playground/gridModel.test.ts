/**
 * The playground grid's pure parts: the selection model, tab-separated text, the format a spilled cell takes,
 * column widths and "###" for a number wider than its column.
 */
import fc from 'fast-check';
import {
  cellSelection,
  columnSelection,
  extendBy,
  extendTo,
  isSelected,
  moveBy,
  rowSelection,
  selectAll,
  selectionAddress,
  selectionRect,
} from '../../taskpane/playground/selection';
import { formatTsv, parseTsv } from '../../taskpane/playground/tsv';
import {
  MAX_TEXT_COLUMN_PX,
  MIN_COLUMN_PX,
  chooseFormat,
  columnWidthFor,
  fitText,
  textWidth,
} from '../../taskpane/playground/display';
import { pastedCells } from '../../taskpane/playground/Spreadsheet';

const B = { rows: 50, cols: 12 };

describe('selection model', () => {
  it('extends from the active cell with Shift+arrows and Shift+click, and collapses on an arrow', () => {
    let s = cellSelection(1, 1, B); // B2
    s = extendBy(s, 1, 0, B);
    s = extendBy(s, 1, 0, B);
    s = extendBy(s, 0, 2, B);
    expect(selectionAddress(s)).toBe('B2:D4');
    expect(s.anchor).toEqual({ row: 1, col: 1 }); // the active cell stays
    expect(selectionAddress(extendTo(s, 0, 0, B))).toBe('A1:B2'); // Shift+click above-left: B2 to A1
    expect(selectionAddress(moveBy(s, 1, 0, B))).toBe('B3'); // an arrow moves the active cell, one cell
  });

  it('stays inside the grid', () => {
    expect(selectionAddress(moveBy(cellSelection(0, 0, B), -1, -1, B))).toBe('A1');
    expect(selectionAddress(extendBy(cellSelection(49, 11, B), 5, 5, B))).toBe('L50');
    expect(selectionAddress(cellSelection(99, 99, B))).toBe('L50');
  });

  it('selects columns, rows and everything as Excel', () => {
    expect(selectionAddress(columnSelection(2, B))).toBe('C1:C50');
    // Shift+click on column E's header with C active: C to E
    expect(selectionAddress(columnSelection(4, B, cellSelection(3, 2, B)))).toBe('C1:E50');
    expect(selectionAddress(rowSelection(4, B))).toBe('A5:L5');
    expect(selectionAddress(selectAll({ row: 40, col: 10 }, B))).toBe('A1:K41');
    expect(selectionAddress(selectAll(undefined, B))).toBe('A1:L50');
  });

  it('rect and membership agree, whatever the direction of the drag (property)', () => {
    fc.assert(
      fc.property(fc.nat(49), fc.nat(11), fc.nat(49), fc.nat(11), fc.nat(49), fc.nat(11), (r1, c1, r2, c2, r, c) => {
        const s = extendTo(cellSelection(r1, c1, B), r2, c2, B);
        const rect = selectionRect(s);
        const inside = r >= Math.min(r1, r2) && r <= Math.max(r1, r2) && c >= Math.min(c1, c2) && c <= Math.max(c1, c2);
        expect(isSelected(s, r, c)).toBe(inside);
        expect(rect.top <= rect.bottom && rect.left <= rect.right).toBe(true);
      }),
    );
  });
});

describe('tab-separated text', () => {
  it('reads Excel clipboard text: CRLF rows, tabs, quoted cells with tabs, breaks and quotes', () => {
    expect(parseTsv('a\tb\r\n1\t2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseTsv('"x\ty"\t"line1\nline2"\t"say ""hi"""\n')).toEqual([['x\ty', 'line1\nline2', 'say "hi"']]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
    expect(parseTsv('"5" inches\tx')).toEqual([['"5" inches', 'x']]); // not a quoted cell: kept as typed
    expect(parseTsv('a\nb\rc')).toEqual([['a'], ['b'], ['c']]);
  });

  it('formats what it parses back to the same cells (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', '\t', '\n', '"', ' ', '=', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (grid) => {
        const w = Math.max(...grid.map((r) => r.length));
        const square = grid.map((r) => [...r, ...Array<string>(w - r.length).fill('')]);
        expect(parseTsv(formatTsv(square))).toEqual(square);
      }),
    );
  });

  it('pastes numbers, booleans, text and formulas as typed input; ragged rows are padded', () => {
    expect(pastedCells('Rep\tQuota\r\nAnn\t1,200\r\nBo\t=B2*2\tTRUE\r\n')).toEqual([
      ['Rep', 'Quota', null],
      ['Ann', 1200, null],
      ['Bo', { formula: '=B2*2' }, true],
    ]);
  });
});

describe('display', () => {
  it('gives a spilled cell its column’s format, else its anchor’s; a cell’s own format wins', () => {
    expect(chooseFormat(undefined, true, '0.0%', '$#,##0')).toBe('0.0%');
    expect(chooseFormat(undefined, true, undefined, '$#,##0')).toBe('$#,##0');
    expect(chooseFormat('General', true, 'General', 'yyyy-mm-dd')).toBe('yyyy-mm-dd');
    expect(chooseFormat('0.00', true, '0.0%', '$#,##0')).toBe('0.00');
    // not spilled: only its own format
    expect(chooseFormat(undefined, false, '0.0%', '$#,##0')).toBeUndefined();
  });

  it('shows ### for a formatted number wider than its column, and fewer decimals in General', () => {
    // "$2,670,153" is 10 characters: 10 × 7.5 + 10 = 85 px
    expect(textWidth('$2,670,153')).toBe(85);
    expect(fitText(2670153.4, '$#,##0', 85)).toBe('$2,670,153');
    // 84 px: (84 − 10) / 7.5 = 9.87 → 9 #
    expect(fitText(2670153.4, '$#,##0', 84)).toBe('#########');
    // General 161.68023 (9 chars, 78 px) in 60 px: 161.68 is 6 chars → 55 px
    expect(fitText(161.68023, undefined, 60)).toBe('161.68');
    // an integer that cannot lose decimals: ###
    expect(fitText(17760100, undefined, 40)).toBe('####');
    // text is never replaced
    expect(fitText('a long account name', undefined, 40)).toBe('a long account name');
  });

  it('sizes a column to its widest number; long text is capped', () => {
    expect(columnWidthFor([])).toBe(MIN_COLUMN_PX);
    expect(
      columnWidthFor([
        { text: '$2,670,153', numeric: true },
        { text: 'Forecast', numeric: false },
      ]),
    ).toBe(85);
    const long = 'x'.repeat(200);
    expect(columnWidthFor([{ text: long, numeric: false }])).toBe(MAX_TEXT_COLUMN_PX);
    const wide = '1'.repeat(80);
    // a number is never capped: 80 characters × 7.5 px + 10 px padding = 610 px (> the 420 px text cap)
    expect(columnWidthFor([{ text: wide, numeric: true }])).toBe(610);
  });
});
