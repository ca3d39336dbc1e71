import fc from 'fast-check';
import {
  columnIndex,
  definedNameProblem,
  formatCell,
  formatRange,
  parseRange,
  qualified,
  sheetNameProblem,
  tryParseCell,
  tryParseRange,
} from '../../taskpane/workbook/address';
import { MemoryWorkbook, type WorkbookChange } from '../../taskpane/workbook/memory';
import type { WritePlan } from '../../taskpane/workbook/port';
import { FailingWorkbook } from './support/failingWorkbook';
import { FormulaEngine } from '../../taskpane/playground/engine';

describe('A1 addresses', () => {
  it('parses cells and ranges (0-based)', () => {
    // "AA" = 26*1 + 1 = 27th column → index 26; "XFD" = 24*676 + 6*26 + 4 = 16384th column → index 16383
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('XFD')).toBe(16383);
    expect(tryParseCell('$B$2')).toEqual({ row: 1, col: 1 });
    expect(tryParseCell('XFE1')).toBeUndefined();
    expect(tryParseCell('A0')).toBeUndefined();
    expect(tryParseCell('A1048577')).toBeUndefined();
    expect(tryParseRange('D10:B2')).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(tryParseRange('A1:B2:C3')).toBeUndefined();
    expect(() => parseRange('nope', 'target')).toThrow(/target: "nope" is not a range address/);
  });

  it('formats and round-trips any cell of the grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }), (row, col) => {
        expect(tryParseCell(formatCell(row, col))).toEqual({ row, col });
      }),
      { seed: 7, numRuns: 300 },
    );
    expect(formatRange({ top: 1, left: 1, bottom: 1, right: 1 })).toBe('B2');
  });

  it('applies Excel name rules and quotes sheet names in references', () => {
    expect(sheetNameProblem('Plan')).toBeUndefined();
    expect(sheetNameProblem('a/b')).toMatch(/contains/);
    expect(sheetNameProblem('x'.repeat(32))).toMatch(/31/);
    expect(definedNameProblem('CompPlan')).toBeUndefined();
    expect(definedNameProblem('A1')).toMatch(/cell reference/);
    expect(definedNameProblem('1abc')).toMatch(/must start/);
    expect(definedNameProblem('has space')).toMatch(/must start/);
    expect(qualified('Plan', 'A1:B2')).toBe('Plan!A1:B2');
    expect(qualified("Q1 rep's", 'A1')).toBe("'Q1 rep''s'!A1");
  });
});

describe('MemoryWorkbook', () => {
  const seed = (): FailingWorkbook =>
    new FailingWorkbook({
      Data: [
        ['Rep', 'Quota'],
        ['Ann', 100],
        ['Bob', 200],
      ],
    });

  it('reads ranges with values, formats and formulas', async () => {
    const wb = seed();
    wb.setFormula('Data', 'B4', '=SUM(B2:B3)');
    wb.setNumberFormat('Data', 'B2', '$#,##0');
    const r = await wb.readRange('data', 'A1:B4');
    expect(r.sheet).toBe('Data');
    expect(r.values).toEqual([
      ['Rep', 'Quota'],
      ['Ann', 100],
      ['Bob', 200],
      [null, null],
    ]);
    expect(r.numberFormats[1][1]).toBe('$#,##0');
    expect(r.numberFormats[0][0]).toBe('General');
    expect(r.formulas[3][1]).toBe('=SUM(B2:B3)');
    expect(wb.usedRange('Data')).toBe('A1:B4');
  });

  it('runs the recalculator after each change, before listeners', () => {
    const wb = seed();
    const order: string[] = [];
    wb.setRecalculator((w) => {
      order.push('recalc');
      for (const f of w.formulaCells())
        if (f.formula === '=B2*2')
          w.setComputedValue(f.sheet, f.address, 2 * (w.getCell('Data', 'B2').value as number));
    });
    wb.subscribe((c: WorkbookChange) => order.push(c.reason));
    order.length = 0;
    wb.setFormula('Data', 'C2', '=B2*2');
    expect(wb.getCell('Data', 'C2').value).toBe(200); // 2 × 100
    wb.setCell('Data', 'B2', 150);
    expect(wb.getCell('Data', 'C2').value).toBe(300); // 2 × 150
    expect(order).toEqual(['recalc', 'setCell', 'recalc', 'setCell']);
  });

  it('reports non-empty cells (values or formulas) in a range', async () => {
    const wb = seed();
    wb.setFormula('Data', 'D5', '=1');
    wb.setCell('Data', 'C3', '');
    expect(await wb.nonEmptyCells('Data', 'B3:D5')).toEqual(['B3', 'D5']);
    expect(await wb.nonEmptyCells('Data', 'E1:F9')).toEqual([]);
    expect(await wb.nonEmptyCells('NoSuchSheet', 'A1')).toEqual([]);
  });

  it('applies a plan: new sheet, blocks with formats, table, name, chart', async () => {
    const wb = seed();
    const plan: WritePlan = {
      newSheets: ['Out'],
      blocks: [
        {
          sheet: 'Out',
          at: 'B2',
          cells: [
            ['Tier', 'Rate'],
            [1, 0.1],
            [2, { formula: '=C3*2' }],
          ],
          numberFormats: [['General', '0.00%']],
        },
      ],
      tables: [{ name: 'Tiers', sheet: 'Out', address: 'B2:C4' }],
      names: [{ name: 'TopRate', sheet: 'Out', address: 'C4' }],
      charts: [{ sheet: 'Out', source: 'B2:C4', type: 'line', title: 'Rates', at: 'E2' }],
    };
    await wb.apply(plan);
    expect(wb.sheetNames()).toEqual(['Data', 'Out']);
    expect(wb.getCell('Out', 'C3')).toEqual({ value: 0.1, numberFormat: '0.00%' });
    expect(wb.getCell('Out', 'C4').formula).toBe('=C3*2');
    expect(await wb.listTables()).toEqual([
      { name: 'Tiers', sheet: 'Out', address: 'B2:C4', columns: ['Tier', 'Rate'], rowCount: 2 },
    ]);
    expect((await wb.readTable('tiers')).values[1]).toEqual([1, 0.1]);
    expect(wb.names()).toEqual([{ name: 'TopRate', sheet: 'Out', address: 'C4' }]);
    expect(wb.charts()).toHaveLength(1);
    await expect(wb.readTable('Nope')).rejects.toThrow(/Table "Nope" does not exist/);
  });

  it('refuses a bad plan before writing anything', async () => {
    const wb = seed();
    const before = await wb.readRange('Data', 'A1:C4');
    const bad: WritePlan[] = [
      { blocks: [{ sheet: 'Data', at: 'A5', cells: [[1, 2], [3]] }] },
      { blocks: [{ sheet: 'Data', at: 'A5', cells: [[Number.NaN]] }] },
      { blocks: [{ sheet: 'Missing', at: 'A5', cells: [[1]] }] },
      { newSheets: ['Data'] },
      { blocks: [{ sheet: 'Data', at: 'A5', cells: [[{ formula: 'SUM(A1)' }]] }] },
      { blocks: [{ sheet: 'Data', at: 'XFD1', cells: [[1, 2]] }] },
      { tables: [{ name: 'T', sheet: 'Data', address: 'A1:C3' }] }, // C1 header blank
      { tables: [{ name: 'A1', sheet: 'Data', address: 'A1:B3' }] },
    ];
    for (const plan of bad) await expect(wb.apply(plan)).rejects.toThrow();
    expect(await wb.readRange('Data', 'A1:C4')).toEqual(before);
    expect(wb.sheetNames()).toEqual(['Data']);
    expect(wb.tables()).toEqual([]);
  });

  it('needs replace: true to redefine a table, and refuses overlapping tables', async () => {
    const wb = seed();
    wb.addTable('Roster', 'Data', 'A1:B3');
    await expect(wb.apply({ tables: [{ name: 'Roster', sheet: 'Data', address: 'A1:B2' }] })).rejects.toThrow(
      /already exists/,
    );
    await expect(wb.apply({ tables: [{ name: 'Other', sheet: 'Data', address: 'B1:B3' }] })).rejects.toThrow(
      /overlaps/,
    );
    await wb.apply({ tables: [{ name: 'Roster', sheet: 'Data', address: 'A1:B2', replace: true }] });
    expect(wb.tables()).toEqual([{ name: 'Roster', sheet: 'Data', address: 'A1:B2' }]);
  });

  it('is all-or-nothing: a failure on the N-th write leaves nothing half-written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), async (n) => {
        const wb = seed();
        const events: WorkbookChange[] = [];
        wb.subscribe((c) => events.push(c));
        const before = await wb.readRange('Data', 'A1:D6');
        // 2 blocks: 2×2 on a new sheet (writes 1-4) then 2×4 on Data (writes 5-12)
        const plan: WritePlan = {
          newSheets: ['New'],
          blocks: [
            {
              sheet: 'New',
              at: 'A1',
              cells: [
                ['a', 'b'],
                [1, 2],
              ],
            },
            {
              sheet: 'Data',
              at: 'A5',
              cells: [
                [9, 9, 9, 9],
                [8, 8, 8, 8],
              ],
            },
          ],
          tables: [{ name: 'NewT', sheet: 'New', address: 'A1:B2' }],
        };
        wb.failWrite(n);
        await expect(wb.apply(plan)).rejects.toThrow(`Injected failure on write ${n}`);
        expect(await wb.readRange('Data', 'A1:D6')).toEqual(before);
        expect(wb.sheetNames()).toEqual(['Data']);
        expect(wb.tables()).toEqual([]);
        expect(events).toEqual([]);
        // the hook is one-shot: the same plan then applies in full
        await wb.apply(plan);
        expect(wb.getCell('Data', 'D6').value).toBe(8);
        expect(wb.tables().map((t) => t.name)).toEqual(['NewT']);
      }),
      { seed: 11, numRuns: 12 },
    );
  });

  it('reads the selection', async () => {
    const wb = seed();
    wb.select('Data', 'A2:B3');
    const r = await wb.readSelection();
    expect(r.address).toBe('A2:B3');
    expect(r.values).toEqual([
      ['Ann', 100],
      ['Bob', 200],
    ]);
    expect(() => wb.select('Data', 'bad')).toThrow(/selection/);
  });
});

describe('MemoryWorkbook: all or nothing when a write keeps failing (the cases of the Excel adapter)', () => {
  const roster = (): FailingWorkbook =>
    new FailingWorkbook({
      Roster: [
        ['Rep', 'Quota', 'Note'],
        ['Ann', 100, null],
        ['Bob', 200, null],
      ],
    });
  const state = async (wb: MemoryWorkbook) => ({
    sheets: wb.sheetNames(),
    cells: await wb.readRange('Roster', 'A1:F4'),
    tables: wb.tables(),
    names: wb.names(),
    charts: wb.charts(),
  });
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

  it('a write that keeps failing leaves nothing, every time', async () => {
    const wb = roster();
    const before = await state(wb);
    wb.failWrite(5, true); // Roster!C2, on every apply
    await expect(wb.apply(compPlan)).rejects.toThrow('Injected failure on write 5');
    await expect(wb.apply(compPlan)).rejects.toThrow('Injected failure on write 5');
    expect(await state(wb)).toEqual(before);
    wb.failWrite(undefined);
    await wb.apply(compPlan);
    expect(wb.sheetNames()).toEqual(['Roster', 'Comp plan']);
  });

  it('a protected sheet: refused up front, nothing written', async () => {
    const wb = roster();
    wb.protectSheet('roster');
    const before = await state(wb);
    await expect(wb.apply(compPlan)).rejects.toThrow(
      /Sheet "Roster" is protected; unprotect it .* Nothing was written/,
    );
    expect(await state(wb)).toEqual(before);
    wb.protectSheet('Roster', false);
    await wb.apply(compPlan);
    expect(wb.getCell('Roster', 'C3').value).toBe('see plan');
  });

  it('a copy of a protected sheet: refused up front, nothing written', async () => {
    const wb = roster();
    wb.protectSheet('Roster');
    const before = await state(wb);
    const copyPlan: WritePlan = {
      copySheets: [{ from: 'Roster', to: 'Roster (shared)' }],
      blocks: [{ sheet: 'Roster (shared)', at: 'C2', cells: [[1]] }],
    };
    await expect(wb.apply(copyPlan)).rejects.toThrow(/Sheet "Roster" is protected; .* Nothing was written/);
    expect(await state(wb)).toEqual(before);
  });

  it('replacing a table and a named range, then a failure: the old table and name stay', async () => {
    const wb = roster();
    wb.addTable('Reps', 'Roster', 'A1:B3');
    await wb.apply({ names: [{ name: 'Quotas', sheet: 'Roster', address: 'B2:B3' }] });
    const before = await state(wb);
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
      names: [{ name: 'Quotas', sheet: 'Roster', address: 'F2' }],
      // The last step fails: a chart on a sheet that does not exist.
      charts: [{ sheet: 'Nowhere', source: 'A1:B3', type: 'column', title: 'Quota', at: 'H2' }],
    };
    await expect(wb.apply(plan)).rejects.toThrow(/sheet "Nowhere" does not exist/);
    expect(await state(wb)).toEqual(before);
  });
});

describe('MemoryWorkbook: reading a whole sheet and writing a share', () => {
  it('reads the used range from A1 with the errors and spill areas its formula engine knows', async () => {
    const wb = new MemoryWorkbook({
      Data: [
        [null, 'Bookings'],
        [null, 5, { formula: '=SALESOPS.GRID()' }],
        [{ formula: '=_xldudf_SALESOPS_PAYOUT(B2)' }],
      ],
    });
    // GRID spills a 2×2 block from C2 (C2:D3); the stored spelling of PAYOUT is unknown to the engine: #NAME?
    new FormulaEngine({
      'SALESOPS.GRID': () => [
        [1, 2],
        [3, 4],
      ],
    }).attach(wb);
    const s = await wb.readSheet('data');
    expect(s.name).toBe('Data');
    expect(s.values).toEqual([
      [null, 'Bookings', null, null],
      [null, 5, 1, 2],
      ['#NAME?', null, 3, 4],
    ]);
    expect(s.formulas[1][2]).toBe('=SALESOPS.GRID()');
    expect(s.formulas[2]).toEqual(['=_xldudf_SALESOPS_PAYOUT(B2)', '', '', '']);
    expect(s.errors).toEqual({ A3: '#NAME?' });
    expect(s.spills).toEqual({ C2: 'C2:D3' });
  });

  it('without an engine, reads an error code computed by a formula as an error and typed text as text', async () => {
    const wb = new MemoryWorkbook({ S: [['#N/A', { formula: '=X()' }]] });
    wb.setComputedValue('S', 'B1', '#NAME?');
    const s = await wb.readSheet('S');
    expect(s.errors).toEqual({ B1: '#NAME?' });
    expect(s.spills).toEqual({});
    expect(await new MemoryWorkbook({ E: [] }).readSheet('E')).toEqual({
      name: 'E',
      values: [],
      formulas: [],
      errors: {},
      spills: {},
    });
  });

  it('lists defined names as absolute qualified references', async () => {
    const wb = new MemoryWorkbook({
      'Comp plan': [
        ['Bound', 'Rate'],
        [0, 0.1],
      ],
    });
    await wb.apply({ names: [{ name: 'Tiers', sheet: 'Comp plan', address: 'A2:B2' }] });
    expect(await wb.listNames()).toEqual({ Tiers: "'Comp plan'!$A$2:$B$2" });
  });

  const share: WritePlan = {
    copySheets: [{ from: 'Payouts', to: 'Payouts (shared)' }],
    newSheets: ['Provenance'],
    blocks: [
      { sheet: 'Payouts (shared)', at: 'B2', cells: [[{ formula: '=B1*2' }]] },
      { sheet: 'Provenance', at: 'A1', cells: [['Sheet', 'Cell']] },
    ],
    properties: { SalesOpsSharedBy: '0.1.0' },
    autoOpenTaskpane: true,
  };
  const payouts = () =>
    new FailingWorkbook({
      Payouts: [
        ['Bookings', 100],
        [null, { formula: '=SALESOPS.PAYOUT(B1)' }],
      ],
    });

  it('copies a sheet (cells, formulas, formats), writes on the copy, records properties and the auto-open setting', async () => {
    const wb = payouts();
    wb.setNumberFormat('Payouts', 'A1', '@');
    await wb.apply(share);
    expect(wb.sheetNames()).toEqual(['Payouts', 'Provenance', 'Payouts (shared)']);
    expect(wb.getCell('Payouts (shared)', 'A1')).toEqual({ value: 'Bookings', numberFormat: '@' });
    expect(wb.getCell('Payouts (shared)', 'B2').formula).toBe('=B1*2');
    expect(wb.getCell('Payouts', 'B2').formula).toBe('=SALESOPS.PAYOUT(B1)');
    expect(wb.documentProperties()).toEqual({ SalesOpsSharedBy: '0.1.0' });
    expect(wb.autoOpenTaskpane()).toBe(true);
  });

  it('keeps nothing of a share whose write fails part way', async () => {
    const wb = payouts();
    wb.failWrite(2);
    await expect(wb.apply(share)).rejects.toThrow(/Injected failure on write 2/);
    expect(wb.sheetNames()).toEqual(['Payouts']);
    expect(wb.documentProperties()).toEqual({});
    expect(wb.autoOpenTaskpane()).toBeUndefined();
  });
});
