/**
 * The whole sample workbook through the core: computed by the playground's engine (the add-in's own functions),
 * read into a snapshot, planned, written as the shared copy (native formulas, values, a Provenance sheet) and
 * recalculated by LibreOffice headless. Every converted cell must equal what the add-in computed, to the cent
 * (1e-9 relative for non-money), and no converted cell may show #NAME? or #VALUE!.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../src/shared/cells';
import { parseReference, planShare, readProvenance, type SheetSnapshot, type WorkbookSnapshot } from '../../src/share';
import { buildSampleCompany } from '../../sample/company';
import { buildSampleWorkbook } from '../../sample/workbook';
import { loadSample } from '../../taskpane/playground/loadSample';
import { formatCell, parseRange } from '../../taskpane/workbook/address';
import { recalcWithLibreOffice, shownValue } from '../support/libreoffice';
import { SOFFICE, describeWithProgram } from '../support/programs';
import { agrees } from './support/cases';

function snapshotOf(): WorkbookSnapshot {
  const { workbook, engine } = loadSample(buildSampleWorkbook(buildSampleCompany()));
  const sheets: SheetSnapshot[] = workbook.sheetNames().map((name) => {
    const used = parseRange(workbook.usedRange(name));
    const values: Grid = [];
    const formulas: string[][] = [];
    const errors: Record<string, string> = {};
    const spills: Record<string, string> = {};
    for (let r = 0; r <= used.bottom; r++) {
      values.push([]);
      formulas.push([]);
      for (let c = 0; c <= used.right; c++) {
        const a = formatCell(r, c);
        const cell = workbook.getCell(name, a);
        values[r].push(cell.value);
        formulas[r].push(cell.formula ?? '');
        const e = engine.errorAt(name, a);
        if (e) errors[a] = e.code;
        const s = cell.formula ? engine.spillAreaOf(name, a) : undefined;
        if (s && (s.bottom > s.top || s.right > s.left))
          spills[a] = `${formatCell(s.top, s.left)}:${formatCell(s.bottom, s.right)}`;
      }
    }
    return { name, values, formulas, errors, spills };
  });
  const tables = workbook.tables().map((t) => {
    const r = parseRange(t.address);
    const s = sheets.find((x) => x.name === t.sheet)!;
    const columns = (s.values[r.top] ?? []).slice(r.left, r.right + 1).map((v) => String(v ?? ''));
    return { name: t.name, sheet: t.sheet, address: t.address, columns };
  });
  const names = Object.fromEntries(
    workbook.names().map((n) => [n.name, `'${n.sheet.replace(/'/g, "''")}'!${n.address}`]),
  );
  return { sheets, tables, names };
}

describeWithProgram(SOFFICE, 'sharing the sample workbook (LibreOffice)', (soffice) => {
  it('converts every SALESOPS cell, and LibreOffice shows what the add-in computed', async () => {
    const book = snapshotOf();
    const plan = planShare(book, { version: '0.1.0', now: new Date(Date.UTC(2026, 10, 30)) });
    const native = plan.cells.filter((c) => c.kind === 'native').length;
    process.stdout.write(
      `sample: ${plan.cells.length} SALESOPS cells, ${native} native; ${JSON.stringify(plan.counts)}\n`,
    );
    const reasons = new Map<string, string>();
    for (const c of plan.cells)
      if (c.reason && !reasons.has(c.functions.join())) reasons.set(c.functions.join(), `${c.original} -> ${c.reason}`);
    process.stdout.write(`${[...reasons.values()].join('\n')}\n`);
    expect(plan.cells.length).toBeGreaterThan(100);
    expect(native).toBeGreaterThan(0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-share-sample-'));
    try {
      const wb = new ExcelJS.Workbook();
      const converted = new Map(plan.cells.map((c) => [`${c.sheet}!${c.address}`, c]));
      const covered = new Set<string>();
      for (const c of plan.cells) {
        const r = parseReference(c.area)!;
        for (let i = r.top; i <= r.bottom; i++)
          for (let j = r.left; j <= r.right; j++) covered.add(`${c.sheet}!${formatCell(i, j)}`);
      }
      for (const s of book.sheets) {
        const ws = wb.addWorksheet(s.name);
        s.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const a = formatCell(r, c);
            const f = s.formulas[r]?.[c] ?? '';
            if (covered.has(`${s.name}!${a}`)) return;
            if (f !== '') ws.getCell(a).value = { formula: f.slice(1) };
            else if (v !== null && v !== '') ws.getCell(a).value = v;
          }),
        );
      }
      for (const c of plan.cells) {
        const ws = wb.getWorksheet(c.sheet)!;
        const r = parseReference(c.area)!;
        c.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const a = formatCell(r.top + i, r.left + j);
            const f =
              c.kind === 'native' ? (c.formulas?.[i]?.[j] ?? (i === 0 && j === 0 ? c.formula : undefined)) : undefined;
            if (f) ws.getCell(a).value = { formula: f.slice(1) };
            else if (v !== null) ws.getCell(a).value = v;
          }),
        );
      }
      const prov = wb.addWorksheet('Provenance');
      plan.provenance.forEach((row, r) => row.forEach((v, c) => v !== null && (prov.getCell(r + 1, c + 1).value = v)));
      const input = path.join(dir, 'shared.xlsx');
      await wb.xlsx.writeFile(input);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(recalcWithLibreOffice(input, path.join(dir, 'out'), { soffice }));

      const bad: string[] = [];
      for (const c of plan.cells) {
        const ws = back.getWorksheet(c.sheet)!;
        const r = parseReference(c.area)!;
        c.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const a = formatCell(r.top + i, r.left + j);
            const got = shownValue(ws.getCell(a).value) as CellValue | { error: string };
            const err = typeof got === 'object' && got !== null && 'error' in got ? got.error : undefined;
            if ((v === '' || v === null) && (got === null || got === '')) return;
            if (err === '#NAME?' || err === '#VALUE!') bad.push(`${c.sheet}!${a}: ${err}`);
            else if (!agrees(v, got, false) && !agrees(v, got, true))
              bad.push(`${c.sheet}!${a} (${c.kind}): ${String(v)} ≠ ${JSON.stringify(got)}`);
          }),
        );
      }
      expect(bad.slice(0, 20)).toEqual([]);
      // the Provenance sheet as LibreOffice saved it restores every original formula
      const rows: Grid = [];
      back.getWorksheet('Provenance')!.eachRow((row, n) => {
        rows[n - 1] = (row.values as CellValue[]).slice(1).map((v) => v ?? null);
      });
      const restored = readProvenance(Array.from(rows, (r) => r ?? []));
      expect(restored.map((e) => `${e.sheet}!${e.address}=${e.formula}`)).toEqual(
        plan.cells.map((c) => `${c.sheet}!${c.address}=${c.original}`),
      );
      expect(converted.size).toBe(plan.cells.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
