import fc from 'fast-check';
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

/** The fake's whole state as JSON (cells included), to compare before and after a failed write. */
const snapshot = (fake: FakeExcel) =>
  JSON.stringify(fake.state, (_, v: unknown) =>
    v instanceof Map ? [...(v as Map<string, unknown>)].sort((a, b) => (a[0] < b[0] ? -1 : 1)) : v,
  );

describe('ExcelWorkbook: all or nothing when Excel keeps refusing', () => {
  const roster = () =>
    new FakeExcel({
      Roster: [
        ['Rep', 'Quota', 'Note'],
        ['Ann', 100, null],
        ['Bob', 200, null],
      ],
    });
  // The comp wizard's shape of write: a new sheet with the plan table, a note on the roster, a table, a name.
  const compPlan: WritePlan = {
    newSheets: ['Comp plan'],
    blocks: [
      {
        sheet: 'Comp plan',
        at: 'A1',
        cells: [
          ['Plan v2', 'Component'],
          ['plan', 'AE'],
        ],
      },
      { sheet: 'Roster', at: 'C2', cells: [['see plan'], ['see plan']] },
    ],
    tables: [{ name: 'CompPlan', sheet: 'Comp plan', address: 'A1:B2' }],
    names: [{ name: 'PlanStart', sheet: 'Comp plan', address: 'A2' }],
  };

  it('a write that keeps failing (part of a merged area or a spill) leaves nothing: new sheet, table and name gone', async () => {
    const fake = roster();
    fake.refuseArea('Roster', 'C3'); // the write of C2:C3 fails now and would fail again in the rollback
    const before = snapshot(fake);
    const wb = new ExcelWorkbook(fake.run);
    await expect(wb.apply(compPlan)).rejects.toThrow(
      /Writing to the workbook failed \(InvalidOperation.*nothing was changed/,
    );
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Roster']);
    expect(snapshot(fake)).toEqual(before);
  });

  it('a sheet protected before the write: refused up front, nothing written', async () => {
    const fake = roster();
    fake.protect('Roster');
    const wb = new ExcelWorkbook(fake.run);
    const before = snapshot(fake);
    await expect(wb.apply(compPlan)).rejects.toThrow(
      /Sheet "Roster" is protected; unprotect it .* Nothing was written/,
    );
    expect(fake.syncs).toBe(2); // look up, snapshot and checks — never the write
    expect(snapshot(fake)).toEqual(before);
  });

  it('a copy of a protected sheet (a share as copies): refused up front, nothing written', async () => {
    const fake = roster();
    fake.protect('Roster');
    const wb = new ExcelWorkbook(fake.run);
    const before = snapshot(fake);
    const copyPlan: WritePlan = {
      copySheets: [{ from: 'Roster', to: 'Roster (shared)' }],
      blocks: [{ sheet: 'Roster (shared)', at: 'C2', cells: [[1]] }],
    };
    await expect(wb.apply(copyPlan)).rejects.toThrow(/Sheet "Roster" is protected; .* Nothing was written/);
    expect(fake.syncs).toBe(2); // never the write
    expect(snapshot(fake)).toEqual(before);
  });

  it('a new table overlapping another table: refused up front', async () => {
    const fake = roster();
    fake.state.tables.push({ name: 'Reps', sheet: 'Roster', address: 'A1:B3' });
    const wb = new ExcelWorkbook(fake.run);
    await expect(wb.apply({ tables: [{ name: 'Notes', sheet: 'Roster', address: 'B1:C3' }] })).rejects.toThrow(
      /Table Notes: B1:C3 overlaps table Reps \(A1:B3\)/,
    );
    expect(fake.state.tables).toEqual([{ name: 'Reps', sheet: 'Roster', address: 'A1:B3' }]);
  });

  it('a sheet protected in between: the other steps still run and the error names what could not be undone', async () => {
    const fake = roster();
    fake.failOnSync = 3; // the write step fails after every command ran but the last …
    fake.opsBeforeFailure = 5; // sheet, A1:B2, C2:C3, table, (its name not yet)
    fake.onInjectedFailure = () => fake.protect('Roster'); // … and Roster is protected before the rollback
    const wb = new ExcelWorkbook(fake.run);
    await expect(wb.apply(compPlan)).rejects.toThrow(
      /undoing the partial write failed in part: restoring Roster!C2:C3 \(AccessDenied/,
    );
    // The new sheet (with its table) is gone even though restoring Roster failed.
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Roster']);
    expect(fake.state.tables).toEqual([]);
    expect(fake.state.names).toEqual([]);
  });

  it.each([2, 3, 4])(
    'replacing a table at another address: the new one is removed before the old comes back (%i commands ran)',
    async (k) => {
      const fake = roster();
      fake.state.tables.push({ name: 'Reps', sheet: 'Roster', address: 'A1:B3' });
      const before = snapshot(fake);
      fake.failOnSync = 3;
      fake.opsBeforeFailure = k; // block, convert the old table, add the new one, rename it to Reps
      const wb = new ExcelWorkbook(fake.run);
      const plan: WritePlan = {
        blocks: [
          {
            sheet: 'Roster',
            at: 'E1',
            cells: [
              ['Rep', 'Quota'],
              ['Cy', 300],
            ],
          },
        ],
        tables: [{ name: 'Reps', sheet: 'Roster', address: 'E1:F2', replace: true }],
      };
      await expect(wb.apply(plan)).rejects.toThrow(/nothing was changed/);
      expect(snapshot(fake)).toEqual(before);
    },
  );

  it('replacing a named range: the new one is deleted before the old is re-pointed', async () => {
    const fake = roster();
    fake.state.names.push({ name: 'Quotas', ref: 'Roster!B2:B3' });
    const before = snapshot(fake);
    fake.failOnSync = 3;
    fake.opsBeforeFailure = 3; // block, delete the old name, add the new one; then the chart fails
    const wb = new ExcelWorkbook(fake.run);
    const plan: WritePlan = {
      blocks: [{ sheet: 'Roster', at: 'E1', cells: [['x']] }],
      names: [{ name: 'Quotas', sheet: 'Roster', address: 'E1' }],
      charts: [{ sheet: 'Roster', source: 'A1:B3', type: 'column', title: 'Quota', at: 'H2' }],
    };
    await expect(wb.apply(plan)).rejects.toThrow(/nothing was changed/);
    expect(snapshot(fake)).toEqual(before);
  });

  it('restores error values as errors, not as the text "#N/A"', async () => {
    const fake = roster();
    fake.sheet('Roster')!.cells.set('C2', { v: '#N/A', e: true });
    const before = snapshot(fake);
    fake.failOnSync = 3;
    fake.opsBeforeFailure = 1; // C2:C3 written, then the table fails
    const wb = new ExcelWorkbook(fake.run);
    await expect(
      wb.apply(
        {
          blocks: [{ sheet: 'Roster', at: 'C2', cells: [['see plan'], ['see plan']] }],
          tables: [{ name: 'Reps', sheet: 'Roster', address: 'A1:C3' }],
        },
        [{ sheet: 'Roster', cells: ['C2'] }],
      ),
    ).rejects.toThrow(/nothing was changed/);
    expect(fake.cell('Roster', 'C2')).toEqual({ v: '#N/A', e: true });
    expect(snapshot(fake)).toEqual(before);
  });
});

describe('ExcelWorkbook: any write of the wizards’ shapes is all or nothing (property)', () => {
  // The wizards write: a new sheet with a block and a table (comp, forecast, pipeline, territory report), a column
  // next to existing data (territory, comp payout column), tables replaced (quota, comp), named ranges and charts.
  // Generated plans of those shapes meet a failure after any number of commands, or an area Excel keeps refusing,
  // on a workbook that holds text, numbers, a formula, a number format and an error value where the plan writes.
  const seedFake = () => {
    const fake = new FakeExcel({
      Data: [
        ['Rep', 'Quota', 'Note', null],
        ['Ann', 100, null, null],
        ['Bob', 200, 'x', null],
      ],
    });
    const data = fake.sheet('Data')!.cells;
    data.set('D2', { v: '#N/A', e: true });
    data.set('D3', { v: '', f: '=B3*2', nf: '0.0%' });
    fake.state.tables.push({ name: 'Reps', sheet: 'Data', address: 'A1:B3' });
    fake.state.names.push({ name: 'Quotas', ref: 'Data!B2:B3' });
    return fake;
  };
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: 500 }),
    fc.constantFrom('a', '001', '=not a formula', 'Plan v2'),
    fc.constant({ formula: '=A1+1' }),
  );
  const planArb = fc.record({
    newSheet: fc.boolean(),
    onData: fc.boolean(),
    dataCol: fc.constantFrom('C', 'D', 'E'),
    rows: fc.integer({ min: 1, max: 3 }),
    cells: fc.array(cell, { minLength: 3, maxLength: 3 }),
    table: fc.constantFrom('none', 'new', 'replaceElsewhere', 'replaceSame'),
    name: fc.constantFrom('none', 'new', 'replace'),
    chart: fc.boolean(),
  });
  type PlanParams = typeof planArb extends fc.Arbitrary<infer T> ? T : never;
  const build = (p: PlanParams): WritePlan => {
    const blocks: WritePlan['blocks'] = [];
    if (p.newSheet)
      blocks.push({
        sheet: 'Out',
        at: 'A1',
        cells: [['Head', 'Value'], ...p.cells.slice(0, p.rows).map((c) => ['r', c])],
      });
    if (p.onData || !p.newSheet)
      blocks.push({
        sheet: 'Data',
        at: `${p.dataCol}1`,
        cells: [['New owner'], ...p.cells.slice(0, 2).map((c) => [c])],
      });
    const plan: WritePlan = { newSheets: p.newSheet ? ['Out'] : [], blocks };
    if (p.table === 'new' && p.newSheet) plan.tables = [{ name: 'OutT', sheet: 'Out', address: `A1:B${p.rows + 1}` }];
    if (p.table === 'replaceElsewhere' && p.newSheet)
      plan.tables = [{ name: 'Reps', sheet: 'Out', address: `A1:B${p.rows + 1}`, replace: true }];
    if (p.table === 'replaceSame') plan.tables = [{ name: 'Reps', sheet: 'Data', address: 'A1:B3', replace: true }];
    if (p.name === 'new') plan.names = [{ name: 'Owners', sheet: 'Data', address: `${p.dataCol}2:${p.dataCol}3` }];
    if (p.name === 'replace') plan.names = [{ name: 'Quotas', sheet: 'Data', address: 'A2:A3' }];
    if (p.chart) plan.charts = [{ sheet: 'Data', source: 'A1:B3', type: 'column', title: 'Quota', at: 'H2' }];
    return plan;
  };

  it('a failure after any number of commands leaves the workbook as it was', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, fc.integer({ min: 0, max: 12 }), async (p, k) => {
        const fake = seedFake();
        const before = snapshot(fake);
        fake.failOnSync = 3;
        fake.opsBeforeFailure = k;
        const wb = new ExcelWorkbook(fake.run);
        const approveAll = [{ sheet: 'Data', cells: ['C3', 'D2', 'D3'] }];
        const outcome = await wb.apply(build(p), approveAll).then(
          () => 'written',
          (e: Error) => e.message,
        );
        // A plan the checks refuse, or a failure, leaves everything as it was ("nothing was changed").
        if (outcome !== 'written') {
          expect(outcome).not.toMatch(/failed in part/);
          expect(snapshot(fake)).toEqual(before);
        }
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('an area Excel keeps refusing leaves the workbook as it was', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, fc.constantFrom('C2', 'D3', 'E1', 'A1'), async (p, refused) => {
        const fake = seedFake();
        const before = snapshot(fake);
        fake.refuseArea(p.newSheet && refused === 'A1' ? 'Out' : 'Data', refused);
        const wb = new ExcelWorkbook(fake.run);
        const outcome = await wb.apply(build(p), [{ sheet: 'Data', cells: ['C3', 'D2', 'D3'] }]).then(
          () => 'written',
          (e: Error) => e.message,
        );
        if (outcome !== 'written') {
          expect(outcome).not.toMatch(/failed in part/);
          expect(snapshot(fake)).toEqual(before);
        }
      }),
      { seed: 17, numRuns: 200 },
    );
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
    cells.set('B2', { v: '#NAME?', f: '=SALESOPS.PAYOUT(B1,Tiers)', e: true });
    cells.set('D2', { v: 10, f: '=SALESOPS.FORECAST(B1:B9,2)' });
    cells.set('E2', { v: 11 });
    cells.set('D3', { v: 12 });
    cells.set('E3', { v: '#N/A', e: true });
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
    cells.set('C8001', { v: '#DIV/0!', f: '=1/0', e: true });
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
