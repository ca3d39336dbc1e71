/**
 * scripts/share/compute.ts: a workbook read from a file, computed by the playground engine with the add-in's
 * SALESOPS functions, in dependency levels and batches. The batched computation must equal one engine over the
 * whole workbook (the reference), on hand-worked cells: errors passed up a level, a spill blocked by a formula of
 * a later level, a whole-column read, a function the engine does not know (its cached value kept), and the
 * workbooks that fall back to one engine (INDIRECT, a cycle).
 */
import ExcelJS from 'exceljs';
import { computeSnapshot } from '../../scripts/share/compute';
import { readSnapshot } from '../../scripts/share/readSnapshot';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/share/types';
import type { CellValue } from '../../src/shared/cells';
import { compWorkbook } from './workbooks';

const TIERS: CellValue[][] = [
  ['Lower bound', 'Rate'],
  [0, 0.05],
  [100_000, 0.08],
  [250_000, 0.1],
];

/** A sheet from rows of constants and formulas ("=…"), with optional cached errors and stored array areas. */
function sheet(name: string, rows: (CellValue | string)[][], spills?: Record<string, string>): SheetSnapshot {
  const isFormula = (v: CellValue | string) => typeof v === 'string' && v.startsWith('=');
  return {
    name,
    values: rows.map((r) => r.map((v) => (isFormula(v) ? null : v))),
    formulas: rows.map((r) => r.map((v) => (isFormula(v) ? (v as string) : ''))),
    ...(spills ? { spills } : {}),
  };
}

const RAMP = '_xldudf_SALESOPS_RAMPSCHEDULE(10000,DATE(2024,2,15),DATE(2024,1,1),4,0.5)';

function handWorkbook(extra: (CellValue | string)[] = []): WorkbookSnapshot {
  const calc = sheet(
    'Calc',
    [
      [300_000, '=_xldudf_SALESOPS_COMMISSION(A1,In!$A$1:$B$4)', '=B1*2', `=${RAMP}`, null, null, null, '=SUM(D1:G1)'],
      ['ten', '=_xldudf_SALESOPS_COMMISSION(A2,In!$A$1:$B$4)', '=IFERROR(B2,-1)'],
      [null, null, null, `=${RAMP}`, null, '=C1'],
      [],
      ['=_xlfn.NOSUCHFUNCTION(1)', '=_xldudf_SALESOPS_ROUNDMONEY(A5*1.001)', null, null, '=_xldudf_SALESOPS_COMMISSION(A1,In!A:B)', '=COUNTIF(In!A:A,"<>5")', null, '=SUM(In!A1:D4)+C1'], // prettier-ignore
      ['=SUM(C:C)', ...extra],
    ],
    { D1: 'D1:G1', D3: 'D3:G3' },
  );
  calc.values[4][0] = 5; // the value the file cached for the function the engine does not know
  // A note further down the tier sheet: whole-column references reach row 10 (the used range), blank rows and all.
  const tiers = sheet('In', [...TIERS, [], [], [], [], [], [null, null, null, 'note']]);
  return { sheets: [tiers, calc] };
}

function valuesOf(book: WorkbookSnapshot, name: string): CellValue[][] {
  return book.sheets.find((s) => s.name === name)!.values;
}

describe('computeSnapshot', () => {
  it('computes each level in batches as one engine over everything does (hand-worked cells)', () => {
    const book = handWorkbook();
    const batched = computeSnapshot(book, { batch: 1 });
    const reference = computeSnapshot(book, { oneEngine: true });
    expect(batched.snapshot).toEqual(reference.snapshot);
    expect(batched.keptCached).toEqual(['Calc!A5']);
    expect(reference.keptCached).toEqual(['Calc!A5']);
    const v = valuesOf(batched.snapshot, 'Calc');
    // COMMISSION(300,000) = 100,000 × 5 % + 150,000 × 8 % + 50,000 × 10 % = 22,000; C1 = 2 × B1
    expect(v[0].slice(1, 3)).toEqual([22_000, 44_000]);
    // RAMPSCHEDULE spills D1:G1: 0, 10,000 × 0.5 × 15/29 = 2,586.21, 10,000, 10,000; H1 sums the spill
    expect(v[0].slice(3, 7)).toEqual([0, 2586.21, 10_000, 10_000]);
    expect(v[0][7]).toBeCloseTo(22_586.21, 9);
    expect(batched.snapshot.sheets[1].spills).toEqual({ D1: 'D1:G1' });
    // A text amount: #VALUE!, passed up a level as an error (IFERROR sees it)
    expect(v[1].slice(1, 3)).toEqual(['#VALUE!', -1]);
    expect(batched.snapshot.sheets[1].errors).toMatchObject({ B2: '#VALUE!', D3: '#SPILL!' });
    // D3's spill would cover F3, a formula of a later level: blocked
    expect(v[2][3]).toBe('#SPILL!');
    expect(v[2][5]).toBe(44_000);
    // A5 kept its cached 5; ROUNDMONEY(5 × 1.001 = 5.005) = 5.01
    expect(v[4].slice(0, 2)).toEqual([5, 5.01]);
    // SUM(C:C) = 44,000 − 1
    expect(v[5][0]).toBe(43_999);
    // The engine reads whole columns down to the used range (row 10): all 10 of A1:A10 are not 5; COMMISSION skips
    // the blank tier rows
    expect(v[4].slice(4, 6)).toEqual([22_000, 10]);
    // C1 is read after a range of another sheet covering its row and column: 350,000.23 + 44,000 (C1 is computed
    // first even so; the parser's own dependency list drops C1)
    expect(v[4][7]).toBeCloseTo(394_000.23, 9);
  });

  it('falls back to one engine for INDIRECT and for a cycle, with the same results', () => {
    // The engine knows no INDIRECT: the cell keeps the value cached in the file (44,001), like A5.
    const withIndirect = () => {
      const book = handWorkbook(['=INDIRECT("C1")+1']);
      book.sheets[1].values[5][1] = 44_001;
      return book;
    };
    const indirect = computeSnapshot(withIndirect(), { batch: 1 });
    expect(indirect.snapshot).toEqual(computeSnapshot(withIndirect(), { oneEngine: true }).snapshot);
    expect(valuesOf(indirect.snapshot, 'Calc')[5].slice(0, 2)).toEqual([43_999, 44_001]);
    expect(indirect.keptCached).toEqual(['Calc!A5', 'Calc!B6']);
    const cycle = computeSnapshot(handWorkbook(['=C6+1', '=B6+1']), { batch: 1 });
    expect(valuesOf(cycle.snapshot, 'Calc')[5].slice(1, 3)).toEqual(['#REF!', '#REF!']);
    expect(valuesOf(cycle.snapshot, 'Calc')[0][1]).toBe(22_000);
  });

  it('gives the same results for every batch size on a comp workbook read from a file', async () => {
    const bytes = await compWorkbook(12).xlsx.writeBuffer();
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bytes);
    const { snapshot } = readSnapshot(read);
    const reference = computeSnapshot(snapshot, { oneEngine: true }).snapshot;
    for (const batch of [1, 5, 1000]) expect(computeSnapshot(snapshot, { batch }).snapshot).toEqual(reference);
    // R00003 (row 4): PAYOUT 9,000 × 0.83 = 7,470; COMMISSION 15,838.50 × 5 % = 791.93; ROUNDMONEY of both
    expect(valuesOf(reference, 'Reps')[3].slice(4, 7)).toEqual([7_470, 791.93, 8_261.93]);
    expect(reference.sheets[1].spills?.I4).toBe('I4:L4');
  });
});
