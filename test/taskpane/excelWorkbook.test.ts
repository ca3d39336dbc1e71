import { ExcelWorkbook, toExcelFormula } from '../../taskpane/workbook/excel';
import type { WritePlan } from '../../taskpane/workbook/port';
import { FakeExcel } from './support/fakeExcel';

const seed = () =>
  new FakeExcel({
    Data: [
      ['Rep', 'Quota', null],
      ['Ann', 100, null],
      ['Bob', '', 'x'],
    ],
  });

describe('ExcelWorkbook (Office.js adapter, with office-addin-mock ranges)', () => {
  it('reads a range in one batch and one sync: blanks as null, formulas only where there are formulas', async () => {
    const fake = seed();
    const wb = new ExcelWorkbook(fake.run);
    const r = await wb.readRange('Data', 'A1:C3');
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(1);
    expect(r).toEqual({
      sheet: 'Data',
      address: 'A1:C3',
      values: [
        ['Rep', 'Quota', null],
        ['Ann', 100, null],
        ['Bob', null, 'x'],
      ],
      numberFormats: [
        ['General', 'General', 'General'],
        ['General', 'General', 'General'],
        ['General', 'General', 'General'],
      ],
      formulas: [
        ['', '', ''],
        ['', '', ''],
        ['', '', ''],
      ],
    });
  });

  it('lists sheets and finds non-empty cells', async () => {
    const fake = seed();
    const wb = new ExcelWorkbook(fake.run);
    expect(await wb.listSheets()).toEqual(['Data']);
    expect(await wb.nonEmptyCells('Data', 'B2:C3')).toEqual(['B2', 'C3']);
    expect(await wb.nonEmptyCells('Nope', 'A1')).toEqual([]);
  });

  it('keeps text as text when writing (apostrophe prefix), formulas as formulas', () => {
    expect(toExcelFormula('001')).toBe("'001");
    expect(toExcelFormula('=not a formula')).toBe("'=not a formula");
    expect(toExcelFormula({ formula: '=A1*2' })).toBe('=A1*2');
    expect(toExcelFormula(null)).toBe('');
    expect(toExcelFormula(12.5)).toBe(12.5);
    expect(toExcelFormula(true)).toBe(true);
  });

  const plan: WritePlan = {
    newSheets: ['Out'],
    blocks: [
      {
        sheet: 'Out',
        at: 'A1',
        cells: [
          ['Code', 'Rate'],
          ['001', 0.1],
          ['002', { formula: '=B2*2' }],
        ],
        numberFormats: [['@', '0.0%']],
      },
      { sheet: 'Data', at: 'D1', cells: [['Owner'], ['Cy'], ['Di']] },
    ],
    tables: [{ name: 'Rates', sheet: 'Out', address: 'A1:B3' }],
    names: [{ name: 'TopRate', sheet: 'Out', address: 'B3' }],
    charts: [{ sheet: 'Data', source: 'A1:B3', type: 'column', title: 'Quota', at: 'F2' }],
  };

  it('applies a plan in one run with three syncs: look up, snapshot, write', async () => {
    const fake = seed();
    const wb = new ExcelWorkbook(fake.run);
    await wb.apply(plan);
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(3);
    expect(fake.cell('Out', 'A2')).toEqual({ v: '001', nf: '@' });
    expect(fake.cell('Out', 'B3')).toEqual({ v: '', f: '=B2*2', nf: '0.0%' });
    expect(fake.cell('Data', 'D3')).toEqual({ v: 'Di' });
    expect(fake.state.tables).toEqual([{ name: 'Rates', sheet: 'Out', address: 'A1:B3' }]);
    expect(fake.state.names).toEqual([{ name: 'TopRate', ref: 'Out!B3' }]);
    expect(fake.state.charts).toEqual([
      { sheet: 'Data', name: 'Chart 1', type: 'ColumnClustered', source: 'Data!A1:B3', title: 'Quota', at: 'F2' },
    ]);
  });

  it('refuses a clash before writing anything', async () => {
    const fake = seed();
    fake.state.tables.push({ name: 'Rates', sheet: 'Data', address: 'A1:B3' });
    const wb = new ExcelWorkbook(fake.run);
    await expect(wb.apply(plan)).rejects.toThrow(/Table Rates: a table with this name already exists/);
    expect(fake.syncs).toBe(1);
    expect(fake.sheet('Out')).toBeUndefined();
    await expect(wb.apply({ blocks: [{ sheet: 'Gone', at: 'A1', cells: [[1]] }] })).rejects.toThrow(
      /Sheet "Gone" does not exist/,
    );
  });

  it('re-checks the targets inside its own batch: an unapproved non-empty cell stops it before any write', async () => {
    const fake = seed();
    const wb = new ExcelWorkbook(fake.run);
    // Block 2 writes Data!D1:D3 (blank). Someone has typed into D2 since the overwrite check approved nothing.
    fake.sheet('Data')!.cells.set('D2', { v: 'late edit' });
    await expect(wb.apply(plan, [])).rejects.toThrow(
      /^Data!D2 was filled in after the overwrite check; nothing was written/,
    );
    expect(fake.syncs).toBe(2); // look up, snapshot — never the write
    expect(fake.sheet('Out')).toBeUndefined();
    expect(fake.cell('Data', 'D2')).toEqual({ v: 'late edit' });
    // With D2 approved, the same plan writes.
    await wb.apply(plan, [{ sheet: 'Data', cells: ['D2'] }]);
    expect(fake.cell('Data', 'D2')).toEqual({ v: 'Cy' });
  });

  it.each([1, 3, 5, 8])('rolls back when the write sync fails after %i commands ran', async (k) => {
    const fake = seed();
    const before = JSON.stringify(fake.state, (_, v: unknown) => (v instanceof Map ? [...v] : v));
    fake.failOnSync = 3; // the write step
    fake.opsBeforeFailure = k;
    const wb = new ExcelWorkbook(fake.run);
    await expect(wb.apply(plan)).rejects.toThrow(
      /Writing to the workbook failed \(InvalidArgument: injected failure\); nothing was changed/,
    );
    const after = JSON.stringify(fake.state, (_, v: unknown) => (v instanceof Map ? [...v] : v));
    // D1:D3 on Data were blank: the rollback writes blanks back (no number format was there)
    expect(after).toEqual(before);
  });
});
