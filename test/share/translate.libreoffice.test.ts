/**
 * Property tests through LibreOffice Calc headless: many random cases of every translation in ONE workbook
 * (inputs and native formulas only, as a colleague without the add-in has them), recalculated on load by soffice,
 * read back with exceljs and compared with the SALESOPS function's value (computed by the add-in's functions in the
 * playground engine) to the cent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Grid } from '../../src/shared/cells';
import { recalcWithLibreOffice, shownValue } from '../support/libreoffice';
import { SOFFICE, describeWithProgram } from '../support/programs';
import { type Case, NATIVE_COL, SHEET, agrees, evaluateWithEngine, placeCases, withEdits } from './support/cases';
import { commissionCase, payoutCase, pipelineCase, rampQuotaCase, roundMoneyCase } from './support/generators';

const PER_FUNCTION = Number(process.env.SHARE_LO_RUNS ?? 150);

/** Hand-picked cases: exact halves of a cent and bounds. */
const fixed: Case[] = [
  {
    label: 'COMMISSION 1,234.50 at 5 % = 61.725 → 61.73',
    cells: [[0, 0.05, null, 1234.5]],
    formula: (t) => `=SALESOPS.COMMISSION(D${t},$A$${t}:$B$${t})`,
  },
  {
    label: 'ROUNDMONEY(2.675) → 2.68',
    cells: [[2.675]],
    formula: (t) => `=SALESOPS.ROUNDMONEY(A${t})`,
  },
  {
    label: 'ROUNDMONEY(-1.005) → -1.01',
    cells: [[-1.005]],
    formula: (t) => `=SALESOPS.ROUNDMONEY(A${t})`,
  },
];

describeWithProgram(SOFFICE, 'native translations agree with the functions (LibreOffice)', (soffice) => {
  it('every case, in one recalculated workbook', async () => {
    const cases: Case[] = [...fixed];
    for (const arb of [commissionCase, payoutCase, roundMoneyCase, rampQuotaCase, pipelineCase(true)]) {
      cases.push(...fc.sample(arb, { numRuns: PER_FUNCTION, seed: 1414 }));
    }
    // Shared copies whose inputs a colleague then edits: translated on the inputs as shared, computed on the edits.
    const edited = new Map<Case, Grid>();
    for (const arb of [commissionCase, payoutCase, rampQuotaCase, pipelineCase(true)]) {
      for (const { c, edited: e } of fc.sample(withEdits(arb), { numRuns: PER_FUNCTION / 3, seed: 1515 })) {
        cases.push(c);
        edited.set(c, e);
      }
    }
    const { placed, values } = placeCases(cases);
    for (const p of placed) {
      edited.get(p.case)?.forEach((row, i) => (values[p.top - 1 + i] = [...row]));
    }
    const missing = placed.filter((p) => !p.native);
    expect(missing.map((p) => `${p.case.label}: ${p.reason}`)).toEqual([]);
    const expected = evaluateWithEngine(placed, values).map((r) => r.fn);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-share-lo-'));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(SHEET);
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
        }),
      );
      for (const p of placed) {
        ws.getCell(p.top, NATIVE_COL + 1).value = { formula: p.native!.slice(1) };
      }
      const input = path.join(dir, 'cases.xlsx');
      await wb.xlsx.writeFile(input);
      const output = recalcWithLibreOffice(input, path.join(dir, 'out'), { soffice });
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(output);
      const sheet = back.getWorksheet(SHEET)!;
      const bad: string[] = [];
      let numbers = 0;
      placed.forEach((p, i) => {
        const got = shownValue(sheet.getCell(p.top, NATIVE_COL + 1).value);
        if (typeof expected[i] === 'number') numbers++;
        if (!agrees(expected[i], got)) {
          bad.push(`${p.case.label}: function ${JSON.stringify(expected[i])} ≠ LibreOffice ${JSON.stringify(got)}`);
        }
      });
      expect(bad).toEqual([]);
      // most cases are numbers, not errors on both sides (edits make some inputs invalid on purpose)
      expect(numbers).toBeGreaterThan(placed.length * 0.7);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000); // one soffice run over ~1,000 cases: minutes on a shared 2-core machine
});
