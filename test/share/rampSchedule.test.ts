/**
 * RAMPSCHEDULE, a spilled row, converts to one RAMPQUOTA formula per month. The function at J1 spills right; the
 * native formulas go on row 2 from J; both computed by the playground's engine (the add-in's own function).
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/shared/cells';
import { planShare, type WorkbookSnapshot } from '../../src/share';
import { FormulaEngine } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { EXCEL_EXTRAS, agrees, fraction, money } from './support/cases';

const col = (j: number) => String.fromCharCode(74 + j); // J, K, …

interface Input {
  full: number;
  start: number;
  first: number;
  months: number;
  end: number | null;
  ramp: number[];
}

/** The function's row and the native row, or the reason the plan kept values. */
function run(p: Input): { fn: CellValue[]; native: CellValue[]; reason?: string } {
  const rows: CellValue[][] = [[p.full, p.start, p.first, p.end, null, null, null, p.ramp[0] ?? null]];
  p.ramp.slice(1).forEach((r, i) => (rows[i + 1] = [null, null, null, null, null, null, null, r]));
  const rampRef = p.ramp.length > 0 ? `,$H$1:$H$${p.ramp.length}` : ',';
  const formula = `=SALESOPS.RAMPSCHEDULE(A1,B1,C1,${p.months}${rampRef},D1)`;
  // the add-in's values, to snapshot what the surface would read
  const fnBook = new MemoryWorkbook({ S: rows.map((r, i) => (i === 0 ? [...r, null, { formula }] : r)) });
  new FormulaEngine({ ...salesOpsFunctions(), ...EXCEL_EXTRAS }).attach(fnBook);
  const fn = Array.from({ length: p.months }, (_, j) => fnBook.getCell('S', `${col(j)}1`).value);
  const values = rows.map((r) => [...r, null]);
  const formulas = values.map(() => [] as string[]);
  values[0][9] = fn[0];
  fn.slice(1).forEach((v, j) => (values[0][10 + j] = v));
  formulas[0][9] = formula;
  const book: WorkbookSnapshot = {
    sheets: [{ name: 'S', values, formulas, spills: p.months > 1 ? { J1: `J1:${col(p.months - 1)}1` } : {} }],
  };
  const cell = planShare(book, { version: '1', now: new Date(0) }).cells[0];
  if (cell.kind !== 'native') return { fn, native: [], reason: cell.reason };
  const natives = cell.formulas?.[0] ?? [cell.formula!];
  const nb = new MemoryWorkbook({
    S: [rows[0], [null, null, null, null, null, null, null, rows[1]?.[7] ?? null], ...rows.slice(2)].map((r, i) =>
      i === 1 ? [...r, null, ...natives.map((f) => ({ formula: f }))] : r,
    ),
  });
  new FormulaEngine({ ...salesOpsFunctions(), ...EXCEL_EXTRAS }).attach(nb);
  return { fn, native: natives.map((_, j) => nb.getCell('S', `${col(j)}2`).value) };
}

describe('RAMPSCHEDULE', () => {
  it('a rep starting 2024-01-17 on a 25/50/75 % ramp: 1,209.68, 5,000, 7,500, 10,000', () => {
    // January 10,000 × 0.25 × 15/31 = 1,209.677… → 1,209.68; then 0.5, 0.75, 1 of 10,000
    const r = run({ full: 10000, start: 45308, first: 45292, months: 4, end: null, ramp: [0.25, 0.5, 0.75] });
    expect(r).toEqual({ fn: [1209.68, 5000, 7500, 10000], native: [1209.68, 5000, 7500, 10000] });
  });

  it('agrees with the function on random reps (engine)', () => {
    const input = fc.record({
      full: money(0, 200000),
      start: fc.integer({ min: 43831, max: 47848 }),
      firstOffset: fc.integer({ min: -90, max: 400 }),
      months: fc.integer({ min: 1, max: 12 }),
      endOffset: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      ramp: fc.array(fraction(0, 1, 2), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(input, (q) => {
        const p: Input = {
          full: q.full,
          start: q.start,
          first: q.start + q.firstOffset,
          months: q.months,
          end: q.endOffset === null ? null : q.start + q.endOffset,
          ramp: q.ramp,
        };
        const r = run(p);
        if (r.reason) throw new Error(`${JSON.stringify(p)}: ${r.reason}`);
        r.fn.forEach((v, j) => {
          if (!agrees(v, r.native[j]))
            throw new Error(`${JSON.stringify(p)} month ${j}: ${String(v)} ≠ ${String(r.native[j])}`);
        });
      }),
      { numRuns: Number(process.env.SHARE_RUNS ?? 100), seed: 14 },
    );
  });
});
