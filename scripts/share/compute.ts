/**
 * Computes a workbook read from a file with the playground's engine and the SALESOPS functions the add-in runs
 * (taskpane/playground/engine.ts, registry.ts): the same function code as in Excel, without Excel. Returns the
 * snapshot with every formula cell's computed value, the errors and the spill areas as the engine found them.
 *
 * A formula without a SALESOPS call that the engine cannot compute (a function it does not know gives #NAME?, a
 * syntax it cannot read #ERROR!) keeps the value cached in the file, which then feeds the formulas that read it.
 */
import type { CellValue, Grid } from '../../src/shared/cells';
import { findCalls } from '../../src/share';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/share/types';
import { FormulaEngine } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';
import { formatCell, formatRange, parseRange } from '../../taskpane/workbook/address';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import type { WriteCell } from '../../taskpane/workbook/port';
import { toEngineFormula } from './engineFormula';

/** The computed snapshot and the cells that kept their cached value (`Sheet!A1`). */
export interface ComputedWorkbook {
  snapshot: WorkbookSnapshot;
  keptCached: string[];
}

const ENGINE_UNKNOWN = new Set(['#NAME?', '#ERROR!']);

function eachFormula(sheet: SheetSnapshot, fn: (row: number, col: number, formula: string) => void): void {
  sheet.formulas.forEach((line, r) => line?.forEach((f, c) => f && fn(r, c, f)));
}

/** The engine's initial cells: constants, formulas rewritten for the engine, array areas left empty to spill. */
function engineInit(book: WorkbookSnapshot, keep: Set<string>): Record<string, WriteCell[][]> {
  const init: Record<string, WriteCell[][]> = {};
  for (const s of book.sheets) {
    const grid: WriteCell[][] = s.values.map((line) => line.map((v) => (v === '' ? null : v)));
    for (let r = grid.length; r < s.formulas.length; r++) grid.push([]);
    eachFormula(s, (r, c, f) => {
      const at = `${s.name}!${formatCell(r, c)}`;
      if (keep.has(at)) return;
      const area = s.spills?.[formatCell(r, c)];
      if (area) {
        const a = parseRange(area);
        for (let rr = a.top; rr <= a.bottom; rr++) {
          for (let cc = a.left; cc <= a.right; cc++) if (grid[rr] && cc < grid[rr].length) grid[rr][cc] = null;
        }
      }
      grid[r][c] = { formula: toEngineFormula(f, book) };
    });
    // An error cached in the file is not a constant the engine can read back; its formula recomputes it.
    for (const [address, code] of Object.entries(s.errors ?? {})) {
      const { top, left } = parseRange(address);
      if (!s.formulas[top]?.[left]) grid[top][left] = code;
    }
    init[s.name] = grid;
  }
  return init;
}

function run(book: WorkbookSnapshot, keep: Set<string>): { mem: MemoryWorkbook; engine: FormulaEngine } {
  const mem = new MemoryWorkbook(engineInit(book, keep));
  const engine = new FormulaEngine(salesOpsFunctions());
  engine.attach(mem);
  return { mem, engine };
}

/** Computes every formula of `book` (values as read, formulas as stored in the file). */
export function computeSnapshot(book: WorkbookSnapshot): ComputedWorkbook {
  const keep = new Set<string>();
  let { mem, engine } = run(book, keep);
  for (const s of book.sheets) {
    eachFormula(s, (r, c, f) => {
      const address = formatCell(r, c);
      const code = engine.errorAt(s.name, address)?.code;
      if (!code || !ENGINE_UNKNOWN.has(code) || findCalls(f).length > 0) return;
      if (s.errors?.[address] === code) return;
      keep.add(`${s.name}!${address}`);
    });
  }
  if (keep.size > 0) ({ mem, engine } = run(book, keep));
  const sheets = book.sheets.map((s): SheetSnapshot => {
    const values: Grid = s.values.map((line) => [...line]);
    const errors: Record<string, string> = {};
    const spills: Record<string, string> = {};
    const used = parseRange(mem.usedRange(s.name));
    const put = (r: number, c: number, v: CellValue) => {
      while (values.length <= r) values.push([]);
      while (values[r].length < c) values[r].push(null);
      values[r][c] = v;
    };
    for (let r = 0; r <= used.bottom; r++) {
      for (let c = 0; c <= used.right; c++) {
        const address = formatCell(r, c);
        const err = engine.errorAt(s.name, address);
        const inFile = values[r]?.[c] ?? null;
        const v = mem.getCell(s.name, address).value;
        if (err) errors[address] = err.code;
        if (err || v !== inFile) put(r, c, err ? err.code : v);
      }
    }
    eachFormula(s, (r, c) => {
      const address = formatCell(r, c);
      const area = engine.spillAreaOf(s.name, address);
      if (area) spills[address] = formatRange(area);
    });
    const out: SheetSnapshot = { name: s.name, values, formulas: s.formulas };
    if (Object.keys(errors).length > 0) out.errors = errors;
    if (Object.keys(spills).length > 0) out.spills = spills;
    return out;
  });
  return { snapshot: { ...book, sheets }, keptCached: [...keep] };
}
