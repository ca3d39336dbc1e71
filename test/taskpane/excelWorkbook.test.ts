import { ExcelWorkbook, toExcelFormula } from '../../taskpane/workbook/excel';
import type { WritePlan } from '../../taskpane/workbook/port';
import { FakeExcel, FakeSettings } from './support/fakeExcel';

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

describe('ExcelWorkbook: reading a whole sheet and writing a share', () => {
  // Office's enum as the runtime defines it (saveAsync reports 'succeeded' or 'failed').
  beforeAll(() => {
    (globalThis as unknown as { Office: unknown }).Office = {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    };
  });
  afterAll(() => {
    delete (globalThis as unknown as { Office?: unknown }).Office;
  });

  const host = (apiVersion: number, settings = new FakeSettings()) => ({
    settings,
    host: {
      supportsExcelApi: (v: string) => Number(v) <= apiVersion,
      settings: () => settings as unknown as Office.Settings,
    },
  });

  /** Payouts: B2 a SALESOPS formula showing #NAME?, D2 a spilled FORECAST over D2:E3, A1 blank. */
  const payouts = () => {
    const fake = new FakeExcel({ Payouts: [[null, 'Bookings', null, 'F1', 'F2']] });
    const cells = fake.sheet('Payouts')!.cells;
    cells.set('B2', { v: '#NAME?', f: '=SALESOPS.PAYOUT(B1,Tiers)', err: true });
    cells.set('D2', { v: 10, f: '=SALESOPS.FORECAST(B1:B9,2)' });
    cells.set('E2', { v: 11 });
    cells.set('D3', { v: 12 });
    cells.set('E3', { v: '#N/A', err: true });
    fake.state.spills.set('Payouts!D2', 'D2:E3');
    fake.state.names.push({ name: 'Tiers', ref: "'Comp plan'!$A$2:$B$6" });
    return fake;
  };

  it('reads the used range from A1 with formulas, errors and spill areas (ExcelApi 1.12), in three syncs', async () => {
    const fake = payouts();
    const wb = new ExcelWorkbook(fake.run, host(1.12).host);
    const s = await wb.readSheet('payouts');
    expect(fake.syncs).toBe(3); // used range, cells, spill areas
    expect(s.name).toBe('Payouts');
    expect(s.values).toEqual([
      [null, 'Bookings', null, 'F1', 'F2'],
      [null, '#NAME?', null, 10, 11],
      [null, null, null, 12, '#N/A'],
    ]);
    expect(s.formulas[1]).toEqual(['', '=SALESOPS.PAYOUT(B1,Tiers)', '', '=SALESOPS.FORECAST(B1:B9,2)', '']);
    expect(s.errors).toEqual({ B2: '#NAME?', E3: '#N/A' });
    expect(s.spills).toEqual({ D2: 'D2:E3' });
  });

  it('asks for no spill areas where ExcelApi 1.12 is missing (no dynamic arrays there), in two syncs', async () => {
    const fake = payouts();
    const wb = new ExcelWorkbook(fake.run, host(1.11).host);
    const s = await wb.readSheet('Payouts');
    expect(fake.syncs).toBe(2);
    expect(s.spills).toEqual({});
    expect(s.errors.B2).toBe('#NAME?');
  });

  it('reads an empty sheet as empty, refuses a missing sheet and a used range past the limit before loading it', async () => {
    const fake = new FakeExcel({ Empty: [], Wide: [] });
    fake.sheet('Wide')!.cells.set('XFD200', { v: 1 }); // 16,384 × 200 = 3,276,800 cells > 2,000,000
    const wb = new ExcelWorkbook(fake.run, host(1.12).host);
    expect(await wb.readSheet('Empty')).toEqual({ name: 'Empty', values: [], formulas: [], errors: {}, spills: {} });
    await expect(wb.readSheet('Nope')).rejects.toThrow(/Sheet "Nope" does not exist/);
    const before = fake.syncs;
    await expect(wb.readSheet('Wide')).rejects.toThrow(/A1:XFD200 holds 3,276,800 cells, more than the 2,000,000/);
    expect(fake.syncs - before).toBe(1);
  });

  it('reads a large used range a block of rows per sync and stitches the blocks together', async () => {
    // A1:E9000 = 45,000 cells; 20,000 cells a read → 4,000 rows a block → 3 blocks (rows 1-4000, 4001-8000, 8001-9000)
    const fake = new FakeExcel({ Big: [] });
    const cells = fake.sheet('Big')!.cells;
    cells.set('A4000', { v: 'last of block 1' });
    cells.set('A4001', { v: 'first of block 2' });
    cells.set('C8001', { v: '#DIV/0!', f: '=1/0', err: true });
    cells.set('E9000', { v: 7, f: '=3+4' });
    const wb = new ExcelWorkbook(fake.run, host(1.12).host);
    const s = await wb.readSheet('Big');
    expect(fake.syncs).toBe(5); // used range, 3 blocks, spill areas
    expect(s.values).toHaveLength(9000);
    expect([s.values[3999][0], s.values[4000][0], s.values[8999][4]]).toEqual([
      'last of block 1',
      'first of block 2',
      7,
    ]);
    expect(s.formulas[8999][4]).toBe('=3+4');
    expect(s.errors).toEqual({ C8001: '#DIV/0!' });
  });

  it('asks for spill areas 5,000 formula cells a sync', async () => {
    const fake = new FakeExcel({ F: [] });
    for (let r = 1; r <= 5001; r++) fake.sheet('F')!.cells.set(`A${r}`, { v: r, f: `=ROW()` });
    fake.state.spills.set('F!A5001', 'A5001:B5001');
    const wb = new ExcelWorkbook(fake.run, host(1.12).host);
    const s = await wb.readSheet('F');
    expect(fake.syncs).toBe(4); // used range, one block of 5,001 cells, spill areas of 5,000 then of 1
    expect(s.spills).toEqual({ A5001: 'A5001:B5001' });
  });

  it('lists defined names without the leading "="', async () => {
    const wb = new ExcelWorkbook(payouts().run, host(1.12).host);
    expect(await wb.listNames()).toEqual({ Tiers: "'Comp plan'!$A$2:$B$6" });
  });

  const share: WritePlan = {
    copySheets: [{ from: 'Payouts', to: 'Payouts (shared)' }],
    newSheets: ['Provenance'],
    blocks: [
      { sheet: 'Payouts (shared)', at: 'B2', cells: [[{ formula: '=B1*2' }]] },
      {
        sheet: 'Payouts (shared)',
        at: 'D2',
        cells: [
          [10, 11],
          [12, { formula: '=NA()' }],
        ],
      },
      { sheet: 'Provenance', at: 'A1', cells: [['Sheet', 'Cell']] },
    ],
    properties: { SalesOpsSharedBy: '0.1.0', SalesOpsSharedAt: '2026-11-30T08:00:00.000Z' },
    autoOpenTaskpane: true,
  };

  it('copies a sheet, writes on the copy, sets custom properties and the auto-open setting', async () => {
    const fake = payouts();
    fake.state.properties.set('SalesOpsSharedBy', '0.0.9');
    const { host: h, settings } = host(1.12);
    const wb = new ExcelWorkbook(fake.run, h);
    await wb.apply(share, []);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Payouts', 'Provenance', 'Payouts (shared)']);
    expect(fake.cell('Payouts (shared)', 'B2')).toEqual({ v: '', f: '=B1*2' });
    expect(fake.cell('Payouts (shared)', 'E3')).toEqual({ v: '', f: '=NA()' });
    expect(fake.cell('Payouts (shared)', 'B1')).toEqual({ v: 'Bookings' });
    // the original keeps its SALESOPS formula
    expect(fake.cell('Payouts', 'B2')?.f).toBe('=SALESOPS.PAYOUT(B1,Tiers)');
    expect(Object.fromEntries(fake.state.properties)).toEqual(share.properties);
    expect(settings.saved.get('Office.AutoShowTaskpaneWithDocument')).toBe(true);
  });

  it('undoes the copy, the new sheet and the properties when the write sync fails; the setting is not saved', async () => {
    const fake = payouts();
    fake.state.properties.set('SalesOpsSharedBy', '0.0.9');
    const before = JSON.stringify(fake.state, (_, v: unknown) => (v instanceof Map ? [...v] : v));
    fake.failOnSync = 3;
    fake.opsBeforeFailure = 6;
    const { host: h, settings } = host(1.12);
    const wb = new ExcelWorkbook(fake.run, h);
    await expect(wb.apply(share, [])).rejects.toThrow(/nothing was changed/);
    const after = JSON.stringify(fake.state, (_, v: unknown) => (v instanceof Map ? [...v] : v));
    expect(after).toEqual(before);
    expect(settings.saves).toBe(0);
  });

  it('undoes the whole write when saving the auto-open setting fails', async () => {
    const fake = payouts();
    const before = JSON.stringify(fake.state, (_, v: unknown) => (v instanceof Map ? [...v] : v));
    const { host: h, settings } = host(1.12);
    settings.failSave = true;
    const wb = new ExcelWorkbook(fake.run, h);
    await expect(wb.apply(share, [])).rejects.toThrow(
      /Writing to the workbook failed \(saving the document settings failed \(injected save failure\)\); nothing was changed/,
    );
    const after = JSON.stringify(fake.state, (_, v: unknown) => (v instanceof Map ? [...v] : v));
    expect(after).toEqual(before);
    expect(settings.saved.has('Office.AutoShowTaskpaneWithDocument')).toBe(false);
  });

  it('refuses a copy whose source is missing or whose name is taken, before writing', async () => {
    const fake = payouts();
    const wb = new ExcelWorkbook(fake.run, host(1.12).host);
    await expect(wb.apply({ copySheets: [{ from: 'Gone', to: 'Gone 2' }] })).rejects.toThrow(
      /Sheet "Gone" does not exist/,
    );
    await expect(wb.apply({ copySheets: [{ from: 'Payouts', to: 'payouts' }] })).rejects.toThrow(
      /a sheet named "payouts" already exists/,
    );
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Payouts']);
  });
});
