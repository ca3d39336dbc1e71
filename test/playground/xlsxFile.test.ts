/**
 * The playground's .xlsx open and save (taskpane/playground/xlsxFile.ts) in Node: a file written by exceljs and
 * the sample writer's file read back (values, formulas in both SALESOPS spellings, formats, sheets), a file that
 * is not a workbook refused with a message, and the playground's own download read back the same. Also the
 * deferred computation the playground's first paint relies on.
 */
import ExcelJS from 'exceljs';
import { installCustomFunctionsShim } from '../../taskpane/playground/customFunctionsShim';
import { buildSampleWorkbook } from '../../sample/workbook';
import { buildSampleXlsx } from '../../scripts/sample/xlsx';
import { loadSample, workbookSnapshot } from '../../taskpane/playground/loadSample';
import {
  NotAWorkbookError,
  formulaFromFile,
  readXlsx,
  workbookFileProblem,
  writeXlsx,
} from '../../taskpane/playground/xlsxFile';
import { cellView } from '../../taskpane/playground/cellView';

installCustomFunctionsShim();
// The sample round trip computes the 3,000-account sample three times: over a minute on a loaded machine.
jest.setTimeout(300_000);

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('opening .xlsx files in the playground', () => {
  it('reads an exceljs workbook: values, formulas in both spellings, cell and column formats, sheets', async () => {
    const book = new ExcelJS.Workbook();
    const a = book.addWorksheet('Plan');
    a.getCell('A1').value = 'Quota';
    a.getCell('A2').value = 1_120_000;
    a.getCell('A2').numFmt = '$#,##0';
    a.getCell('B1').value = 'Bookings';
    a.getCell('B2').value = 998_140;
    a.getCell('C2').value = { formula: '_xldudf_SALESOPS_ROUNDMONEY(B2/A2)', result: 0.89 };
    a.getCell('D2').value = { formula: 'SALESOPS.ROUNDMONEY(B2*0.05)', result: 49907 };
    a.getCell('E2').value = new Date(Date.UTC(2026, 0, 15));
    a.getCell('E2').numFmt = 'yyyy-mm-dd';
    a.getColumn(6).numFmt = '0.0%';
    const b = book.addWorksheet('Other');
    b.getCell('A1').value = { formula: 'Plan!A2*2', result: 2_240_000 };
    const sheets = await readXlsx('plan.xlsx', await bytesOf(book));
    expect(sheets.map((s) => s.name)).toEqual(['Plan', 'Other']);
    const plan = sheets[0];
    expect(plan.rows[1][0]).toEqual({ value: 1_120_000, numberFormat: '$#,##0' });
    expect(plan.rows[1][2]).toEqual({ formula: '=SALESOPS.ROUNDMONEY(B2/A2)', numberFormat: undefined });
    expect(plan.rows[1][3]).toEqual({ formula: '=SALESOPS.ROUNDMONEY(B2*0.05)', numberFormat: undefined });
    // 2026-01-15 is serial 46037 (46023 is 2026-01-01, + 14)
    expect(plan.rows[1][4]).toEqual({ value: 46037, numberFormat: 'yyyy-mm-dd' });
    expect(plan.columnFormats).toEqual({ 5: '0.0%' });
    // Computed by the playground: 998,140 × 0.05 = 49,907; 998,140 / 1,120,000 = 0.891196… → 0.89
    const { workbook } = loadSample(sheets);
    expect(workbook.getCell('Plan', 'D2').value).toBe(49907);
    expect(workbook.getCell('Plan', 'C2').value).toBe(0.89);
    expect(workbook.getCell('Other', 'A1').value).toBe(2_240_000);
  });

  it('reports progress sheet by sheet and hands the thread back in between, so the progress bar can paint', async () => {
    const book = new ExcelJS.Workbook();
    for (const name of ['Deals', 'Reps', 'Plan']) book.addWorksheet(name).getCell('A1').value = name;
    const calls: [number, number, boolean][] = [];
    let ran = false;
    const sheets = await readXlsx('three.xlsx', await bytesOf(book), (done, total) => {
      calls.push([done, total, ran]);
      // A task queued now (as React's render is) must run before the next sheet is read.
      ran = false;
      setTimeout(() => (ran = true), 0);
    });
    expect(sheets.map((x) => x.name)).toEqual(['Deals', 'Reps', 'Plan']);
    expect(calls).toEqual([
      [1, 3, false],
      [2, 3, true],
      [3, 3, true],
    ]);
  });

  it('refuses a file that is not a workbook, with a message, before reading it', async () => {
    const text = new TextEncoder().encode('Rep,Quota\nAnn,100\n');
    await expect(readXlsx('reps.csv', text)).rejects.toThrow(NotAWorkbookError);
    await expect(readXlsx('reps.csv', text)).rejects.toThrow(
      /"reps.csv" is not an Excel workbook.*Nothing was changed/,
    );
    expect(workbookFileProblem('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 4)).toMatch(/97–2003 \(\.xls\)/);
    expect(workbookFileProblem('e.xlsx', new Uint8Array(), 0)).toMatch(/is empty/);
    // a zip that is not a workbook
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    await expect(readXlsx('a.zip', zip)).rejects.toThrow(/^"a.zip" (could not be read as|is not) an Excel workbook/);
  });

  it('strips the _xlfn. prefix Excel stores for newer functions', () => {
    expect(formulaFromFile('_xlfn.STDEV.S(A1:A3)+_xldudf_SALESOPS_HIRES(1,2)')).toBe(
      '=STDEV.S(A1:A3)+SALESOPS.HIRES(1,2)',
    );
  });

  it('keeps the _xlfn. prefixes Excel needs through open, edit and download', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Stats');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = 4;
    ws.getCell('A3').value = 9;
    ws.getCell('B1').value = { formula: '_xlfn.STDEV.S(A1:A3)', result: 3.605551 };
    ws.getCell('B2').value = { formula: '_xlfn.XLOOKUP(4,A1:A3,A1:A3)', result: 4 };
    ws.getCell('B3').value = { formula: '_xlfn._xlws.SORT(A1:A3)', result: 2 };
    // A future function Microsoft's list does not know yet: its prefix is kept as the file had it.
    ws.getCell('B4').value = { formula: '_xlfn.NEWFN(A1)+_xldudf_SALESOPS_ROUNDMONEY(A1/3)', result: 1 };
    ws.getCell('B5').value = { formula: 'IFNA(A1,0)+SUM(A1:A3)', result: 17 };
    const sheets = await readXlsx('stats.xlsx', await bytesOf(book));
    // In the grid as Excel shows them: no prefixes on the functions of the list, SALESOPS typed.
    expect(sheets[0].rows[0][1]?.formula).toBe('=STDEV.S(A1:A3)');
    expect(sheets[0].rows[3][1]?.formula).toBe('=_xlfn.NEWFN(A1)+SALESOPS.ROUNDMONEY(A1/3)');
    const { workbook, engine } = loadSample(sheets);
    // Typed in the grid without the prefix; the text "IFS(" in a string literal is no call.
    workbook.setFormula('Stats', 'C1', '=IFNA(A1,0)+LEN(CONCAT("IFS(",A2))');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await writeXlsx(workbook, engine, {}, {})) as unknown as ArrayBuffer);
    const out = back.getWorksheet('Stats')!;
    expect(out.getCell('B1').formula).toBe('_xlfn.STDEV.S(A1:A3)');
    expect(out.getCell('B2').formula).toBe('_xlfn.XLOOKUP(4,A1:A3,A1:A3)');
    expect(out.getCell('B3').formula).toBe('_xlfn._xlws.SORT(A1:A3)');
    expect(out.getCell('B4').formula).toBe('_xlfn.NEWFN(A1)+_xldudf_SALESOPS_ROUNDMONEY(A1/3)');
    expect(out.getCell('B5').formula).toBe('_xlfn.IFNA(A1,0)+SUM(A1:A3)');
    expect(out.getCell('C1').formula).toBe('_xlfn.IFNA(A1,0)+LEN(_xlfn.CONCAT("IFS(",A2))');
    // The engine still computes the prefixed functions it knows: IFNA(2,0) + LEN("IFS(4") = 2 + 5 = 7
    expect(workbook.getCell('Stats', 'C1').value).toBe(7);
  });

  it('keeps the file’s cached result of a function the playground does not compute, and writes it back', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Model');
    ws.getCell('A1').value = 5;
    ws.getCell('B1').value = { formula: '_xlfn.NEWFN(A1)', result: 42 };
    ws.getCell('B2').value = { formula: 'OLDADDIN(A1)*2', result: { error: '#N/A' } };
    ws.getCell('B3').value = { formula: 'B1+A1', result: 47 };
    ws.getCell('B4').value = { formula: 'NOSUCH(A1)', result: { error: '#NAME?' } };
    ws.getCell('B5').value = { formula: 'NOSUCH(A1)+1' };
    const sheets = await readXlsx('model.xlsx', await bytesOf(book));
    const { workbook, engine } = loadSample(sheets);
    expect(workbook.getCell('Model', 'B1').value).toBe(42);
    expect(engine.errorAt('Model', 'B2')?.code).toBe('#N/A');
    // Computed by the playground from the kept value: 42 + 5 = 47
    expect(workbook.getCell('Model', 'B3').value).toBe(47);
    expect(engine.errorAt('Model', 'B4')?.code).toBe('#NAME?');
    // No cached result in the file: the playground's own #NAME?.
    expect(engine.errorAt('Model', 'B5')?.code).toBe('#NAME?');
    const kept = cellView(workbook, engine, 'Model', 0, 1, Infinity, undefined);
    expect(kept.text).toBe('42');
    expect(kept.fromFile).toBe(true);
    expect(cellView(workbook, engine, 'Model', 2, 1, Infinity, undefined).fromFile).toBe(false);
    // An input change recomputes what the playground can (B3 = 42 + 7 = 49); B1 keeps the file's value.
    workbook.setCell('Model', 'A1', 7);
    expect(workbook.getCell('Model', 'B1').value).toBe(42);
    expect(workbook.getCell('Model', 'B3').value).toBe(49);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await writeXlsx(workbook, engine, {}, {})) as unknown as ArrayBuffer);
    const out = back.getWorksheet('Model')!;
    expect(out.getCell('B1').value).toEqual({ formula: '_xlfn.NEWFN(A1)', result: 42 });
    expect(out.getCell('B2').value).toEqual({ formula: 'OLDADDIN(A1)*2', result: { error: '#N/A' } });
    expect(out.getCell('B3').value).toEqual({ formula: 'B1+A1', result: 49 });
    // A formula retyped in the grid is the user's, not the file's: the playground's #NAME? then.
    workbook.setFormula('Model', 'B1', '=NEWFN(A1)+1');
    expect(engine.errorAt('Model', 'B1')?.code).toBe('#NAME?');
    expect(cellView(workbook, engine, 'Model', 0, 1, Infinity, undefined).fromFile).toBe(false);
  });

  it('keeps the whole cached result of an array formula the playground does not compute', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Sorted');
    ws.getCell('A1').value = 9;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = 4;
    ws.getCell('B1').value = {
      formula: '_xlfn._xlws.SORT(A1:A3)',
      result: 2,
      shareType: 'array',
      ref: 'B1:B3',
    } as unknown as ExcelJS.CellValue;
    ws.getCell('B2').value = 4;
    ws.getCell('B3').value = 9;
    ws.getCell('C1').value = { formula: 'SUM(B1:B3)', result: 15 };
    const sheets = await readXlsx('sorted.xlsx', await bytesOf(book));
    const { workbook, engine } = loadSample(sheets);
    expect(engine.isFromFile('Sorted', 'B1')).toBe(true);
    expect([1, 2, 3].map((r) => workbook.getCell('Sorted', `B${r}`).value)).toEqual([2, 4, 9]);
    // 2 + 4 + 9 = 15, computed by the playground from the kept spill
    expect(workbook.getCell('Sorted', 'C1').value).toBe(15);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await writeXlsx(workbook, engine, {}, {})) as unknown as ArrayBuffer);
    const out = back.getWorksheet('Sorted')!;
    expect(out.getCell('B1').value).toEqual({
      formula: '_xlfn._xlws.SORT(A1:A3)',
      result: 2,
      shareType: 'array',
      ref: 'B1:B3',
    });
    expect([out.getCell('B2').value, out.getCell('B3').value]).toEqual([4, 9]);
  });

  it('reads defined names, computes formulas that use them, and writes them back', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Plan Q1');
    ws.getCell('A1').value = 100;
    ws.getCell('A2').value = 250;
    ws.getCell('A3').value = 0.1;
    ws.getCell('B1').value = { formula: 'SUM(Quotas)*Rate', result: 35 };
    book.addWorksheet('Other').getCell('A1').value = { formula: 'MAX(Quotas)', result: 250 };
    book.definedNames.add("'Plan Q1'!$A$1:$A$2", 'Quotas');
    book.definedNames.add("'Plan Q1'!$A$3", 'Rate');
    const sheets = await readXlsx('names.xlsx', await bytesOf(book));
    const { workbook, engine } = loadSample(sheets);
    expect(
      workbook
        .names()
        .map((n) => `${n.name}=${n.sheet}!${n.address}`)
        .sort(),
    ).toEqual(['Quotas=Plan Q1!A1:A2', 'Rate=Plan Q1!A3']);
    // (100 + 250) × 0.1 = 35; MAX(100, 250) = 250
    expect(workbook.getCell('Plan Q1', 'B1').value).toBeCloseTo(35, 10);
    expect(workbook.getCell('Other', 'A1').value).toBe(250);
    // A change inside a named range recomputes what reads the name: (100 + 400) × 0.1 = 50
    workbook.setCell('Plan Q1', 'A2', 400);
    expect(workbook.getCell('Plan Q1', 'B1').value).toBeCloseTo(50, 10);
    expect(workbook.getCell('Other', 'A1').value).toBe(400);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await writeXlsx(workbook, engine, {}, {})) as unknown as ArrayBuffer);
    expect(back.definedNames.model).toEqual(
      expect.arrayContaining([
        { name: 'Quotas', ranges: ["'Plan Q1'!$A$1:$A$2"] },
        { name: 'Rate', ranges: ["'Plan Q1'!$A$3"] },
      ]),
    );
    expect(back.definedNames.model).toHaveLength(2);
    expect(back.getWorksheet('Plan Q1')!.getCell('B1').value).toEqual({ formula: 'SUM(Quotas)*Rate', result: 50 });
  });

  it('opens the sample writer’s file with the same values as the sample, and downloads it back the same', async () => {
    const sample = buildSampleWorkbook();
    const written = await bytesOf(buildSampleXlsx(sample));
    const opened = await readXlsx('SalesOps-Sample.xlsx', written);
    const fromFile = loadSample(opened);
    const fromSample = loadSample(sample);
    const want = await workbookSnapshot(fromSample.workbook);
    expect(await workbookSnapshot(fromFile.workbook)).toEqual(want);
    // Formulas read back in the typed spelling, as the sample has them.
    expect(fromFile.workbook.getCell('Payouts', 'L2').formula).toBe(
      fromSample.workbook.getCell('Payouts', 'L2').formula,
    );
    // An edit, a download and a reopen keep the edit, the values and the formulas.
    fromFile.workbook.setCell('Payouts', 'C2', 800_000);
    expect(fromFile.workbook.getCell('Payouts', 'L2').value).toBe(103_739.6); // see docs/playground.md
    const again = await readXlsx('x.xlsx', await writeXlsx(fromFile.workbook, fromFile.engine, {}, {}));
    const reopened = loadSample(again);
    expect(await workbookSnapshot(reopened.workbook)).toEqual(await workbookSnapshot(fromFile.workbook));
    expect(reopened.workbook.getCell('Forecast', 'B2').formula).toBe(
      fromSample.workbook.getCell('Forecast', 'B2').formula,
    );
    // A spilled cell shows its anchor's format: Forecast C2 (lower bound) in the anchor B2's currency format.
    const v = cellView(reopened.workbook, reopened.engine, 'Forecast', 2, 1, Infinity, undefined);
    expect(v.format).toBe(reopened.workbook.getCell('Forecast', 'B2').numberFormat);
    expect(v.text).toMatch(/^\$[\d,]+$/);
  });
});

describe('deferred computation (first paint before the formulas)', () => {
  it('leaves formulas pending, computes them in slices to the same values, and edits meanwhile work', async () => {
    const sheets = buildSampleWorkbook();
    const deferred = loadSample(sheets, true);
    const total = deferred.engine.formulaCount();
    expect(deferred.engine.pendingCount()).toBe(total);
    expect(deferred.engine.isPending('Payouts', 'L2')).toBe(true);
    expect(deferred.workbook.getCell('Payouts', 'L2').value).toBeNull();
    // An edit while pending computes what it needs: L2 reads J2 (pending) — 56,000 × (1 + 2 × 0.247675) + 20,000
    deferred.workbook.setCell('Payouts', 'C2', 800_000);
    expect(deferred.workbook.getCell('Payouts', 'L2').value).toBe(103_739.6);
    let slices = 0;
    while (deferred.engine.computeSome(5) > 0) slices++;
    expect(slices).toBeGreaterThan(1);
    const eager = loadSample(sheets);
    eager.workbook.setCell('Payouts', 'C2', 800_000);
    expect(await workbookSnapshot(deferred.workbook)).toEqual(await workbookSnapshot(eager.workbook));
  });
});
