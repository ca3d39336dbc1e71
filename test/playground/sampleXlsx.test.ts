import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeSampleWorkbook } from '../../scripts/sample/writeWorkbook';
import { hasSalesopsCall, readProvenance } from '../../src/share';
import { readSnapshot } from '../../scripts/share/readSnapshot';
import { formatCell, parseRange } from '../../taskpane/workbook/address';
import { loadSample } from '../../taskpane/playground/loadSample';
import { buildSampleWorkbook } from '../../sample/workbook';
import type { ArrayFormulaValue } from '../../scripts/sample/xlsx';

describe('sample workbook for Excel (dist/SalesOps-Sample.xlsx)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-sample-'));
  const file = path.join(dir, 'SalesOps-Sample.xlsx');
  const book = new ExcelJS.Workbook();
  const shared = new ExcelJS.Workbook();

  beforeAll(async () => {
    const written = await writeSampleWorkbook(file);
    expect(written.shared).toBe(path.join(dir, 'SalesOps-Sample-Shared.xlsx'));
    await book.xlsx.readFile(file);
    await shared.xlsx.readFile(written.shared);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has every sheet of the sample, README first, and its Excel tables', () => {
    const expected = buildSampleWorkbook();
    expect(book.worksheets.map((w) => w.name)).toEqual(expected.map((s) => s.name));
    for (const s of expected) {
      const ws = book.getWorksheet(s.name)!;
      for (const t of s.tables) {
        const table = ws.getTable(t.name) as unknown as { table?: { ref?: string; tableRef?: string } };
        expect(table).toBeDefined();
        expect(table.table?.tableRef ?? table.table?.ref).toBe(t.address);
      }
    }
    const readme = book.getWorksheet('README')!;
    const names: string[] = [];
    readme.eachRow((row) => names.push(row.getCell(1).text));
    for (const s of expected.slice(1)) expect(names).toContain(s.name);
    expect(names).toContain('SALESOPS.PAYOUT');
  });

  it('keeps SALESOPS formulas with cached values computed by the functions (hand-checked)', () => {
    const ws = book.getWorksheet('Payouts')!;
    const j2 = ws.getCell('J2').value as ExcelJS.CellFormulaValue;
    // Stored as Excel stores a custom function call, so that Excel recalculates it when the add-in loads.
    expect(j2.formula).toBe(
      '_xldudf_SALESOPS_PAYOUT(E2,F2*CompPlan!$B$7,CompPlan!$A$2:$B$3,CompPlan!$B$10,CompPlan!$B$9,CompPlan!$B$8)',
    );
    // 998,140 / 1,120,000 attainment × 80,000 × 0.7 = 998,140 × 0.05 = 49,907.00
    expect(j2.result).toBeCloseTo(49_907, 6);
    const l2 = ws.getCell('L2').value as ExcelJS.CellFormulaValue;
    expect(l2.formula).toBe('_xldudf_SALESOPS_ROUNDMONEY(J2+K2)');
    expect(l2.result).toBe(69_907); // 49,907.00 + 5/6 × 24,000 = 49,907 + 20,000
    expect(ws.getCell('C2').value).toBe(1_120_000);
  });

  it('writes spilled formulas as array formulas over their spill range, with every cached value', () => {
    const ws = book.getWorksheet('Capacity')!;
    const b11 = ws.getCell('B11').value as ArrayFormulaValue;
    expect(b11.formula).toBe('_xldudf_SALESOPS_RAMPSCHEDULE(Reps!H11,Reps!E11,$B$1,12,Ramp!$B$2:$B$4,Reps!F11)');
    expect(b11.shareType).toBe('array');
    expect(b11.ref).toBe('B11:M11');
    // R010 starts 2026-03-16, $52,500 a month: Jan 0, …, March 52,500 × 0.25 × 16/31 = 6,774.19, June 52,500
    // (exceljs reads a cached 0 of an array formula back as undefined, so January is checked on C11 = February)
    expect(ws.getCell('C11').value).toBe(0);
    expect(ws.getCell('D11').value as number).toBeCloseTo(6774.19, 1);
    expect(ws.getCell('G11').value as number).toBeCloseTo(52_500, 6);
    // Team capacity (CAPACITY) cached for January = the sum of the 40 cached rep schedules (RAMPSCHEDULE), to the cent
    const cap = ws.getCell('B42').value as ArrayFormulaValue;
    expect(cap.ref).toBe('B42:M42');
    let cents = 0;
    for (let r = 2; r <= 41; r++) {
      const c = ws.getCell(`B${r}`).value;
      const v = typeof c === 'number' ? c : ((c as ArrayFormulaValue).result as number | undefined);
      cents += Math.round((v ?? 0) * 100);
    }
    expect(Math.round((cap.result as number) * 100)).toBe(cents);
    expect(cents).toBeGreaterThan(0);
  });

  it('sets number formats: currency, percent and dates', () => {
    expect(book.getWorksheet('Payouts')!.getCell('L2').numFmt).toBe('$#,##0.00');
    expect(book.getWorksheet('Payouts')!.getCell('E2').numFmt).toBe('0.0%');
    expect(book.getWorksheet('Reps')!.getCell('E2').numFmt).toBe('yyyy-mm-dd');
    expect(book.getWorksheet('Stages')!.getCell('B2').numFmt).toBe('0.0%');
  });

  it('stores every SALESOPS call as Excel does: _xldudf_SALESOPS_NAME(, never SALESOPS.NAME(', () => {
    let stored = 0;
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          expect(cell.formula).not.toMatch(/SALESOPS\./i);
          if (/_xldudf_SALESOPS_[A-Z]+\(/.test(cell.formula)) stored++;
        }),
      );
    }
    // 33 reps × (2 PAYOUT + ROUNDMONEY), 40 RAMPSCHEDULE rows, and the other functions' cells
    expect(stored).toBeGreaterThanOrEqual(33 * 3 + 40);
  });

  it('writes dist/SalesOps-Sample-Shared.xlsx through the share code: no SALESOPS call, the values computed', () => {
    // Expected: the playground's computation of the sample (typed formulas, no xlsx in between).
    const { workbook: computed } = loadSample(buildSampleWorkbook());
    const { snapshot } = readSnapshot(book);
    const after = readSnapshot(shared).snapshot;
    let converted = 0;
    let cells = 0;
    for (const sheet of snapshot.sheets) {
      const copy = after.sheets.find((s) => s.name === sheet.name)!;
      copy.formulas.forEach((line, r) => line.forEach((f, c) => expect(hasSalesopsCall(f) ? `${sheet.name}!${formatCell(r, c)}` : '').toBe(''))); // prettier-ignore
      sheet.formulas.forEach((line, r) =>
        line.forEach((f, c) => {
          if (!hasSalesopsCall(f)) return;
          converted++;
          const area = parseRange(sheet.spills?.[formatCell(r, c)] ?? formatCell(r, c));
          for (let rr = area.top; rr <= area.bottom; rr++) {
            for (let cc = area.left; cc <= area.right; cc++) {
              cells++;
              const want = computed.getCell(sheet.name, formatCell(rr, cc)).value;
              const got = copy.values[rr]?.[cc] ?? null;
              if (typeof want === 'number') expect(Math.abs((got as number) - want)).toBeLessThan(0.005);
              else expect(got).toEqual(want);
            }
          }
        }),
      );
    }
    expect(converted).toBeGreaterThanOrEqual(33 * 3 + 40);
    expect(cells).toBeGreaterThan(3_000); // TERRITORY alone spills over 3,000 accounts
    const provenance = after.sheets.find((s) => s.name === 'Provenance')!;
    expect(readProvenance(provenance.values)).toHaveLength(converted);
    expect(shared.worksheets.map((w) => w.name)).toEqual([...book.worksheets.map((w) => w.name), 'Provenance']);
  });
});
