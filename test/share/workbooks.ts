/**
 * Workbooks to share, built with exceljs as Excel stores them (`_xldudf_SALESOPS_…(` calls): a comp sheet of
 * `reps` rows with PAYOUT (through a defined name), COMMISSION (a shared formula), ROUNDMONEY over both, and a
 * RAMPSCHEDULE spilled over four months as an array formula, plus a table, number formats and a plain SUM below;
 * a Seasons sheet with one SEASONALQUOTA spilled over twelve months. Used by the command's tests, the interop test
 * and bench/share.bench.ts (4 SALESOPS cells a rep, plus the SEASONALQUOTA).
 */
import ExcelJS from 'exceljs';

/** One rep's inputs (row `i`, 0-based), spread over the curve's and the tiers' bands. */
export function repInputs(i: number): { attainment: number; incentive: number; bookings: number; start: Date } {
  return {
    attainment: Math.round((0.3 + ((i * 37) % 151) / 100) * 1000) / 1000,
    incentive: 5_000 + ((i * 13) % 11) * 1_000,
    bookings: ((i * 7919) % 400_001) + 0.25 * (i % 4),
    start: new Date(Date.UTC(2023, 10 + (i % 6), 1 + ((i * 3) % 28))),
  };
}

/** Columns of the Reps sheet. */
export const REPS_COLUMNS = ['Rep', 'Attainment', 'Target incentive', 'Bookings', 'Payout', 'Commission', 'Total', 'Start date', 'Jan', 'Feb', 'Mar', 'Apr']; // prettier-ignore

/** The comp workbook of `reps` reps (see the file comment). */
export function compWorkbook(reps: number): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const plan = book.addWorksheet('Plan');
  plan.addRows([
    ['Attainment from', 'Multiplier', null, 'Lower bound', 'Rate'],
    [0, 0.5, null, 0, 0.05],
    [0.5, 1, null, 100_000, 0.08],
    [1, 2, null, 250_000, 0.1],
    [],
    ['Ramp', 0.5, null, 'First month', new Date(Date.UTC(2024, 0, 1))],
  ]);
  plan.getCell('E6').numFmt = 'yyyy-mm-dd';
  book.definedNames.add("'Plan'!$A$1:$B$4", 'Curve');
  const ws = book.addWorksheet('Reps');
  ws.addRow(REPS_COLUMNS);
  for (let i = 0; i < reps; i++) {
    const r = i + 2;
    const x = repInputs(i);
    const row = ws.getRow(r);
    row.getCell(1).value = `R${String(i + 1).padStart(5, '0')}`;
    row.getCell(2).value = x.attainment;
    row.getCell(3).value = x.incentive;
    row.getCell(4).value = x.bookings;
    row.getCell(5).value = { formula: `_xldudf_SALESOPS_PAYOUT(B${r},C${r},Curve)` };
    row.getCell(6).value =
      i === 0
        ? ({ formula: '_xldudf_SALESOPS_COMMISSION(D2,Plan!$D$1:$E$4)', shareType: 'shared', ref: `F2:F${reps + 1}` } as unknown as ExcelJS.CellValue) // prettier-ignore
        : { sharedFormula: 'F2' };
    row.getCell(7).value = { formula: `_xldudf_SALESOPS_ROUNDMONEY(E${r}+F${r})` };
    row.getCell(8).value = x.start;
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.getCell(9).value = {
      formula: `_xldudf_SALESOPS_RAMPSCHEDULE(C${r}*12,H${r},Plan!$E$6,4,Plan!$B$6)`,
      shareType: 'array',
      ref: `I${r}:L${r}`,
    } as unknown as ExcelJS.CellValue;
    for (let c = 5; c <= 12; c++) if (c !== 8) row.getCell(c).numFmt = '$#,##0.00';
  }
  // One SEASONALQUOTA spilled over the 12 months of a row (its weights above it).
  const seasons = book.addWorksheet('Seasons');
  seasons.addRow([0.06, 0.06, 0.06, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.1, 0.11, 0.13]);
  seasons.addRow([1_234_567.89]);
  seasons.getCell('A3').value = {
    formula: '_xldudf_SALESOPS_SEASONALQUOTA(A2,A1:L1)',
    shareType: 'array',
    ref: 'A3:L3',
  } as unknown as ExcelJS.CellValue;
  for (let c = 1; c <= 12; c++) seasons.getCell(3, c).numFmt = '$#,##0.00';
  const total = reps + 2;
  ws.getCell(`A${total}`).value = 'Total';
  ws.getCell(`G${total}`).value = { formula: `SUM(G2:G${reps + 1})` };
  ws.getCell(`G${total}`).numFmt = '$#,##0.00';
  return book;
}

/** The comp workbook with an Excel table over its rep rows (exceljs writes a table from its rows). */
export function compWorkbookWithTable(reps: number): ExcelJS.Workbook {
  const book = compWorkbook(reps);
  const inputs = book.addWorksheet('Targets');
  inputs.addTable({
    name: 'Targets',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'Region' }, { name: 'Target' }],
    rows: [
      ['North', 1_200_000],
      ['South', 900_000],
    ],
  });
  inputs.getCell('D1').value = { formula: 'SUM(Targets[Target])', result: 2_100_000 };
  return book;
}
