/**
 * Long lists in the playground: a 150,000-row paste, file, spill and MAX/MIN. `Math.max(...xs)` overflowed the
 * call stack past about 125,000 elements; these must compute in loops.
 */
import ExcelJS from 'exceljs';
import { FormulaError, type FunctionArg } from 'fast-formula-parser';
import { longestRow, maxOf, minOf } from '../../taskpane/playground/extent';
import { pastedCells } from '../../taskpane/playground/Spreadsheet';
import { STANDARD_EXTRAS } from '../../taskpane/playground/standardFunctions';
import { sheetsFromBook } from '../../taskpane/playground/xlsxFile';
import { computedBookXlsx } from '../../taskpane/playground/xlsxWrite';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { FormulaEngine } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';

const N = 150_000;
jest.setTimeout(120_000);

describe('150,000 rows do not overflow the stack', () => {
  it('longestRow, maxOf and minOf', () => {
    const rows = Array.from({ length: N }, (_, i) => (i === 77_777 ? [1, 2, 3] : [1]));
    expect(longestRow(rows)).toBe(3);
    expect(longestRow([], 1)).toBe(1);
    const xs = Array.from({ length: N }, (_, i) => (i * 7919) % N);
    expect(maxOf(xs, 0)).toBe(N - 1);
    expect(minOf(xs, 5)).toBe(0);
    expect(maxOf([], -1)).toBe(-1);
    expect(minOf([-3, -7, 2], 0)).toBe(-7);
  });

  it('pastes 150,000 rows of tab-separated text', () => {
    const text = Array.from({ length: N }, (_, i) => `A${i}\t${i}`).join('\n');
    const cells = pastedCells(text);
    expect(cells.length).toBe(N);
    expect(cells[N - 1]).toEqual([`A${N - 1}`, N - 1]);
  });

  it('MAX and MIN over a 150,000-cell range', () => {
    const col = Array.from({ length: N }, (_, i) => [i - 1000]);
    const arg = { value: col, isArray: true, isRangeRef: true, isCellRef: false, omitted: false } as FunctionArg;
    // -1000 … 148,999
    expect(STANDARD_EXTRAS.MAX(arg)).toBe(N - 1001);
    expect(STANDARD_EXTRAS.MIN(arg)).toBe(-1000);
    expect(STANDARD_EXTRAS.MAX({ ...arg, value: [[FormulaError.DIV0]] })).toBe(FormulaError.DIV0);
  });

  it('spills a 150,000-row result', () => {
    const wb = new MemoryWorkbook({ S: [[{ formula: '=TALL()' }]] });
    const engine = new FormulaEngine({
      ...salesOpsFunctions(),
      TALL: () => Array.from({ length: N }, (_, i) => [i]),
    });
    engine.attach(wb);
    expect(wb.getCell('S', `A${N}`).value).toBe(N - 1);
    expect(engine.spillAreaOf('S', 'A1')).toEqual({ top: 0, left: 0, bottom: N - 1, right: 0 });
  });

  it('reads and writes a 150,000-row sheet', () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Big');
    for (let i = 1; i <= N; i++) ws.getCell(i, 1).value = i;
    const sheets = sheetsFromBook(book);
    expect(sheets[0].rows.length).toBe(N);
    const wb = new MemoryWorkbook({ Big: [[1]] });
    const engine = new FormulaEngine(salesOpsFunctions());
    engine.attach(wb);
    const out = computedBookXlsx(sheets, wb, engine);
    expect(out.getWorksheet('Big')?.getCell(`A${N}`).value).toBe(N);
  });
});
