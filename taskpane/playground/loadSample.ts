/**
 * Loads the sample workbook (sample/workbook.ts) into a `MemoryWorkbook`: values, formulas, number formats and
 * tables, with the playground's formula engine attached so every formula is computed.
 */
import type { WriteCell } from '../workbook/port';
import { formatCell, parseCell } from '../workbook/address';
import { MemoryWorkbook } from '../workbook/memory';
import type { SampleSheet } from '../../sample/workbook';
import { type FileResult, FormulaEngine } from './engine';
import { salesOpsFunctions } from './registry';

/** The workbook and the engine that computes it. */
export interface LoadedSample {
  workbook: MemoryWorkbook;
  engine: FormulaEngine;
}

/**
 * Builds a `MemoryWorkbook` from `sheets` and computes it with a new engine; with `deferred`, the formulas are
 * left pending for `engine.computeSome` (a first paint before they are computed).
 */
export function loadSample(sheets: SampleSheet[], deferred = false): LoadedSample {
  const init: Record<string, WriteCell[][]> = {};
  for (const s of sheets) {
    init[s.name] = s.rows.map((row) =>
      row.map((c): WriteCell => (c === null ? null : c.formula ? { formula: c.formula } : (c.value ?? null))),
    );
  }
  const workbook = new MemoryWorkbook(init);
  for (const s of sheets) {
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c?.numberFormat) workbook.setNumberFormat(s.name, formatCell(r, col), c.numberFormat);
      }),
    );
    for (const t of s.tables) workbook.addTable(t.name, s.name, t.address);
  }
  // One plan per name: a name the workbook refuses (a clash, a cell-like name) leaves the others defined.
  for (const s of sheets) {
    for (const n of s.names ?? []) {
      workbook.apply({ names: [{ name: n.name, sheet: s.name, address: n.address }] }).catch(() => undefined);
    }
  }
  const charts = sheets.flatMap((s) => s.charts ?? []);
  // The in-memory workbook applies a plan synchronously (its promise only reports the outcome).
  if (charts.length > 0) void workbook.apply({ charts });
  const engine = new FormulaEngine(salesOpsFunctions());
  for (const s of sheets) {
    if (!s.cachedResults) continue;
    const kept: Record<string, FileResult> = {};
    for (const [address, value] of Object.entries(s.cachedResults)) {
      const { row, col } = parseCell(address);
      const formula = s.rows[row]?.[col]?.formula;
      if (formula) kept[address] = { formula, value };
    }
    engine.keepFileResults(s.name, kept);
  }
  if (deferred) engine.attachDeferred(workbook);
  else engine.attach(workbook);
  return { workbook, engine };
}

/** Every sheet's values (inputs and computed results), for comparing two computations of the same workbook. */
export async function workbookSnapshot(workbook: MemoryWorkbook): Promise<Record<string, unknown[][]>> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of workbook.sheetNames()) {
    out[sheet] = (await workbook.readRange(sheet, workbook.usedRange(sheet))).values;
  }
  return out;
}
