/**
 * SEASONALQUOTA, a spilled row, converts to one native formula per cell. Each case: weights in column A (header or
 * not), the annual quota in B; the function at J spills right; the native formulas go on the row below, from J.
 * Compared through the playground's engine (fast-check) and one LibreOffice run over many cases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { CellValue, Grid } from '../../src/shared/cells';
import { SPILL_TRANSLATORS, planShare, translateSpill, type WorkbookSnapshot } from '../../src/share';
import { FormulaEngine } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { recalcWithLibreOffice, shownValue } from '../support/libreoffice';
import { SOFFICE, describeWithProgram } from '../support/programs';
import { EXCEL_EXTRAS, agrees, money } from './support/cases';

interface SeasonalCase {
  annual: number;
  weights: number[];
  header: boolean;
}

/** Weights that sum to 1 within the function's tolerance: random shares normalized to 4 decimals, the rest last. */
const seasonalCase: fc.Arbitrary<SeasonalCase> = fc
  .record({
    annual: fc.oneof(money(0, 5_000_000), fc.constantFrom(0, 1000000, 1200000.01, 99.99, 0.05)),
    shares: fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(0), fc.constant(1)), {
      minLength: 1,
      maxLength: 12,
    }),
    even: fc.boolean(),
    header: fc.boolean(),
  })
  .filter((p) => p.shares.some((s) => s > 0))
  .map(({ annual, shares, even, header }) => {
    if (even) return { annual, weights: shares.map(() => 1 / shares.length), header };
    const total = shares.reduce((s, x) => s + x, 0);
    const w = shares.map((s) => Math.round((s / total) * 10000) / 10000);
    const rest = Math.round((1 - w.slice(0, -1).reduce((s, x) => s + x, 0)) * 10000) / 10000;
    w[w.length - 1] = rest;
    return { annual, weights: w, header };
  })
  .filter((c) => c.weights.every((x) => x >= 0));

interface Placed {
  c: SeasonalCase;
  top: number;
  natives?: string[];
  reason?: string;
}

/** Stacks the cases; each block is max(2, weights + header) rows. */
function place(cases: readonly SeasonalCase[]): { placed: Placed[]; values: Grid; book: WorkbookSnapshot } {
  const values: Grid = [];
  const formulas: string[][] = [];
  const placed: Placed[] = [];
  let top = 1;
  for (const c of cases) {
    const col: CellValue[] = [...(c.header ? ['Weight'] : []), ...c.weights];
    const h = Math.max(2, col.length);
    for (let i = 0; i < h; i++) {
      values[top - 1 + i] = [col[i] ?? null, i === 0 ? c.annual : null];
      formulas[top - 1 + i] = [];
    }
    formulas[top - 1][9] = `=SALESOPS.SEASONALQUOTA(B${top},A${top}:A${top + col.length - 1})`;
    placed.push({ c, top });
    top += h + 1;
  }
  const book: WorkbookSnapshot = { sheets: [{ name: 'Cases', values, formulas }] };
  for (const p of placed) {
    const t = translateSpill(formulas[p.top - 1][9], { book, sheet: 'Cases' }, 1, p.c.weights.length);
    if ('cells' in t) p.natives = t.cells[0];
    else p.reason = t.reason;
  }
  return { placed, values, book };
}

/** The engine's values: the function's spilled row and the native row below it. */
function evaluate(placed: readonly Placed[], values: Grid): { fn: CellValue[]; native: CellValue[] }[] {
  const rows: (CellValue | { formula: string })[][] = values.map((r) => [...(r ?? [])]);
  for (const p of placed) {
    rows[p.top - 1][9] = {
      formula: `=SALESOPS.SEASONALQUOTA(B${p.top},A${p.top}:A${p.top + p.c.weights.length - 1 + (p.c.header ? 1 : 0)})`,
    };
    p.natives?.forEach((f, j) => (rows[p.top][9 + j] = { formula: f }));
  }
  const wb = new MemoryWorkbook({ Cases: rows });
  new FormulaEngine({ ...salesOpsFunctions(), ...EXCEL_EXTRAS }).attach(wb);
  const col = (j: number) => String.fromCharCode(74 + j);
  return placed.map((p) => ({
    fn: p.c.weights.map((_, j) => wb.getCell('Cases', `${col(j)}${p.top}`).value),
    native: p.c.weights.map((_, j) => wb.getCell('Cases', `${col(j)}${p.top + 1}`).value),
  }));
}

describe('SEASONALQUOTA', () => {
  it('splits 1,000,000.01 by 3 equal weights in cents that add up: 333,333.34 + 333,333.34 + 333,333.33', () => {
    // cents 100,000,001; raw 33,333,333.67 each; floors 99,999,999 → 2 cents left, to the first two (ties by order)
    const c: SeasonalCase = { annual: 1000000.01, weights: [1 / 3, 1 / 3, 1 / 3], header: true };
    const { placed, values } = place([c]);
    expect(placed[0].reason).toBeUndefined();
    expect(evaluate(placed, values)[0]).toEqual({
      fn: [333333.34, 333333.34, 333333.33],
      native: [333333.34, 333333.34, 333333.33],
    });
  });

  it('agrees with the function on random weights (engine)', () => {
    fc.assert(
      fc.property(seasonalCase, (c) => {
        const { placed, values } = place([c]);
        expect(placed[0].reason).toBeUndefined();
        const [r] = evaluate(placed, values);
        r.fn.forEach((v, j) => {
          if (!agrees(v, r.native[j]))
            throw new Error(`${JSON.stringify(c)}: cell ${j}: ${String(v)} ≠ ${String(r.native[j])}`);
        });
      }),
      { numRuns: Number(process.env.SHARE_RUNS ?? 100), seed: 14 },
    );
  });

  it('a deliberately wrong translation (ties to the later cell) fails', () => {
    const good = SPILL_TRANSLATORS.SEASONALQUOTA;
    SPILL_TRANSLATORS.SEASONALQUOTA = (args, ctx, rows, cols) => {
      const t = good(args, ctx, rows, cols);
      return 'cells' in t ? { cells: t.cells.map((r) => r.map((f) => f.replace(/>=/g, '>'))) } : t;
    };
    try {
      // 0.01 over 3 equal weights: the cent goes to the first cell, the mutant gives it to none
      const { placed, values } = place([{ annual: 0.01, weights: [1 / 3, 1 / 3, 1 / 3], header: false }]);
      const [r] = evaluate(placed, values);
      expect(r.fn).toEqual([0.01, 0, 0]);
      expect(r.native).not.toEqual(r.fn);
    } finally {
      SPILL_TRANSLATORS.SEASONALQUOTA = good;
    }
  });

  it('planShare writes one formula per spilled cell; a non-spilling layout or too many weights stays values', () => {
    const { book } = place([{ annual: 1200, weights: [0.5, 0.5], header: false }]);
    book.sheets[0].values[0][9] = 600;
    book.sheets[0].values[0][10] = 600;
    book.sheets[0].spills = { J1: 'J1:K1' };
    const plan = planShare(book, { version: '1', now: new Date(0) });
    expect(plan.cells[0].kind).toBe('native');
    expect(plan.cells[0].formulas?.[0]).toHaveLength(2);
    expect(plan.cells[0].formula).toBe(plan.cells[0].formulas?.[0][0]);
    book.sheets[0].spills = { J1: 'J1:J2' };
    expect(planShare(book, { version: '1', now: new Date(0) }).cells[0].reason).toMatch(
      /2 × 1 cells, not one row of 2/,
    );
  });
});

describeWithProgram(SOFFICE, 'SEASONALQUOTA native formulas (LibreOffice)', (soffice) => {
  it('agree with the function on many random cases in one recalculation', async () => {
    const cases = [
      { annual: 1000000.01, weights: [1 / 3, 1 / 3, 1 / 3], header: true },
      ...fc.sample(seasonalCase, { numRuns: Number(process.env.SHARE_LO_RUNS ?? 150), seed: 1414 }),
    ];
    const { placed, values } = place(cases);
    expect(placed.filter((p) => p.reason).map((p) => p.reason)).toEqual([]);
    const expected = evaluate(placed, values).map((r) => r.fn);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-seasonal-lo-'));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Cases');
      values.forEach((row, r) =>
        row?.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)),
      );
      for (const p of placed) {
        p.natives!.forEach(
          (f, j) => (ws.getCell(p.top + 1, 10 + j).value = { formula: f.slice(1) } as ExcelJS.CellFormulaValue),
        );
      }
      const input = path.join(dir, 'seasonal.xlsx');
      await wb.xlsx.writeFile(input);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(recalcWithLibreOffice(input, path.join(dir, 'out'), { soffice }));
      const sheet = back.getWorksheet('Cases')!;
      const bad: string[] = [];
      let cells = 0;
      placed.forEach((p, i) =>
        expected[i].forEach((v, j) => {
          cells++;
          const got = shownValue(sheet.getCell(p.top + 1, 10 + j).value);
          if (!agrees(v, got))
            bad.push(`${JSON.stringify(p.c)} cell ${j}: function ${String(v)} ≠ LibreOffice ${JSON.stringify(got)}`);
        }),
      );
      expect(bad).toEqual([]);
      expect(cells).toBeGreaterThan(placed.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
