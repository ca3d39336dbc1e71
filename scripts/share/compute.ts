/**
 * Computes a workbook read from a file with the playground's engine and the SALESOPS functions the add-in runs
 * (taskpane/playground/engine.ts, registry.ts): the same function code as in Excel, without Excel. Returns the
 * snapshot with every formula cell's computed value, the errors and the spill areas as the engine found them.
 *
 * Batches: the engine looks at every formula of a sheet on each read, so one engine over a sheet of 10,000 formulas
 * took 22.5 s (bench/RESULTS.md). The formulas are therefore put in dependency levels (a formula's level is one more than the
 * highest level of the formulas, and stored array areas, it reads; references found by the parser the engine
 * uses, keeping every reference) and each level is computed in batches of at most `BATCH` formulas, each batch by
 * its own engine over only the cells its formulas read (the formulas of lower levels as constants holding their
 * results, errors as error formulas such as `=#N/A`). A result that spilled over, or was blocked by, a cell left
 * out is computed again over the whole sheets, where formulas not computed yet are marked non-empty so that a
 * spill they would block stays blocked.
 * A workbook with a circular reference, a dynamic reference (INDIRECT, OFFSET) or a formula the parser cannot
 * read is computed by one engine over the whole workbook instead.
 *
 * A formula without a SALESOPS call that the engine cannot compute (a function it does not know gives #NAME?, a
 * syntax it cannot read #ERROR!) keeps the value cached in the file, which then feeds the formulas that read it.
 */
import type { DepParser } from 'fast-formula-parser';
import { exactDepParser } from '../../taskpane/playground/dependencies';
import { type CellValue, ERROR_LITERALS, type Grid } from '../../src/shared/cells';
import { hasSalesopsCall } from '../../src/share';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/share/types';
import { FormulaEngine } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';
import { MAX_COLS, formatCell, formatRange, parseRange, rectsOverlap, type Rect } from '../../taskpane/workbook/address'; // prettier-ignore
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import type { WriteCell } from '../../taskpane/workbook/port';
import { toEngineFormula } from './engineFormula';

/** The computed snapshot and the cells that kept their cached value (`Sheet!A1`). */
export interface ComputedWorkbook {
  snapshot: WorkbookSnapshot;
  keptCached: string[];
}

/** Most formulas one engine computes at a time (its reads cost grows with the formulas of the sheet read). */
export const BATCH = 1_000;
/** Errors a formula gets when the engine cannot compute it (rather than the function computing an error). */
const ENGINE_UNKNOWN = new Set(['#NAME?', '#ERROR!']);
/** Marks a formula cell not computed yet inside a batch: non-empty, so that a spill over it is blocked. */
const PENDING = '\u2026pending';
/** References that the dependency parser cannot follow. */
const DYNAMIC = /\b(INDIRECT|OFFSET)\s*\(/i;

interface Node {
  sheet: string;
  row: number;
  col: number;
  /** The formula as stored in the file and as the engine computes it. */
  stored: string;
  formula: string;
  deps: { sheet: string; rect: Rect }[];
  /** The array area stored in the file, anchor included. */
  area?: Rect;
  level: number;
}

const lc = (s: string) => s.toLowerCase();
const keyOf = (sheet: string, row: number, col: number) => `${lc(sheet)}!${row * MAX_COLS + col}`;

function errorFormula(code: string): { formula: string } {
  return { formula: `=${ERROR_LITERALS.has(code) ? code : '#VALUE!'}` };
}

/** The cells of the workbook as the engine will read them, updated as formulas are computed. */
class Cells {
  readonly values = new Map<string, Grid>();
  readonly errors = new Map<string, Map<number, string>>();
  readonly spills = new Map<string, Map<string, string>>();
  /** Formula cells whose value is computed (or kept from the file), as `keyOf` keys. */
  readonly computed = new Set<string>();
  constructor(book: WorkbookSnapshot) {
    for (const s of book.sheets) {
      this.values.set(
        lc(s.name),
        s.values.map((line) => [...line]),
      );
      const errs = new Map<number, string>();
      for (const [address, code] of Object.entries(s.errors ?? {})) {
        const { top, left } = parseRange(address);
        errs.set(top * MAX_COLS + left, code);
      }
      this.errors.set(lc(s.name), errs);
      this.spills.set(lc(s.name), new Map());
    }
  }
  get(sheet: string, row: number, col: number): CellValue {
    return this.values.get(lc(sheet))?.[row]?.[col] ?? null;
  }
  error(sheet: string, row: number, col: number): string | undefined {
    return this.errors.get(lc(sheet))?.get(row * MAX_COLS + col);
  }
  set(sheet: string, row: number, col: number, value: CellValue, error: string | undefined): void {
    const grid = this.values.get(lc(sheet))!;
    while (grid.length <= row) grid.push([]);
    const line = grid[row];
    while (line.length < col) line.push(null);
    line[col] = error ?? value;
    const errs = this.errors.get(lc(sheet))!;
    if (error) errs.set(row * MAX_COLS + col, error);
    else errs.delete(row * MAX_COLS + col);
  }
}

function dependencies(parser: DepParser, formula: string, sheet: string, row: number, col: number): Node['deps'] {
  const refs = parser.parse(formula.slice(1), { sheet, row: row + 1, col: col + 1 });
  return refs.map((r) => {
    const s = r.sheet ?? sheet;
    if ('from' in r) {
      return {
        sheet: s,
        rect: {
          top: Math.min(r.from.row, r.to.row) - 1,
          left: Math.min(r.from.col, r.to.col) - 1,
          bottom: Math.max(r.from.row, r.to.row) - 1,
          right: Math.max(r.from.col, r.to.col) - 1,
        },
      };
    }
    return { sheet: s, rect: { top: r.row - 1, left: r.col - 1, bottom: r.row - 1, right: r.col - 1 } };
  });
}

/** Every formula of `book` as a node with its dependencies, or undefined when batches cannot be used. */
function formulaNodes(book: WorkbookSnapshot): Node[] | undefined {
  const parser = exactDepParser();
  const nodes: Node[] = [];
  for (const s of book.sheets) {
    for (let r = 0; r < s.formulas.length; r++) {
      const line = s.formulas[r] ?? [];
      for (let c = 0; c < line.length; c++) {
        const stored = line[c];
        if (!stored) continue;
        const formula = toEngineFormula(stored, book);
        if (DYNAMIC.test(formula)) return undefined;
        let deps: Node['deps'];
        try {
          deps = dependencies(parser, formula, s.name, r, c);
        } catch {
          return undefined;
        }
        const area = s.spills?.[formatCell(r, c)];
        nodes.push({ sheet: s.name, row: r, col: c, stored, formula, deps, area: area ? parseRange(area) : undefined, level: -1 }); // prettier-ignore
      }
    }
  }
  return nodes;
}

/** Sets each node's level; false when there is a cycle. */
function assignLevels(nodes: Node[]): boolean {
  const at = new Map<string, number>();
  const bySheet = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    at.set(keyOf(n.sheet, n.row, n.col), i);
    if (n.area) {
      for (let r = n.area.top; r <= n.area.bottom; r++) {
        for (let c = n.area.left; c <= n.area.right; c++) if (!at.has(keyOf(n.sheet, r, c))) at.set(keyOf(n.sheet, r, c), i); // prettier-ignore
      }
    }
    const list = bySheet.get(lc(n.sheet)) ?? [];
    list.push(i);
    bySheet.set(lc(n.sheet), list);
  });
  const readers: number[][] = nodes.map(() => []);
  const pending = nodes.map(() => 0);
  nodes.forEach((n, i) => {
    const precedents = new Set<number>();
    for (const d of n.deps) {
      const cells = (d.rect.bottom - d.rect.top + 1) * (d.rect.right - d.rect.left + 1);
      const list = bySheet.get(lc(d.sheet)) ?? [];
      if (cells <= 4 * list.length) {
        for (let r = d.rect.top; r <= d.rect.bottom; r++) {
          for (let c = d.rect.left; c <= d.rect.right; c++) {
            const j = at.get(keyOf(d.sheet, r, c));
            if (j !== undefined) precedents.add(j);
          }
        }
      } else {
        for (const j of list) {
          const m = nodes[j];
          const own: Rect = m.area ?? { top: m.row, left: m.col, bottom: m.row, right: m.col };
          if (rectsOverlap(own, d.rect)) precedents.add(j);
        }
      }
    }
    precedents.delete(i);
    for (const j of precedents) readers[j].push(i);
    pending[i] = precedents.size;
  });
  let level = nodes.map((_, i) => i).filter((i) => pending[i] === 0);
  let done = 0;
  for (let depth = 0; level.length > 0; depth++) {
    const next: number[] = [];
    for (const i of level) {
      nodes[i].level = depth;
      done++;
      for (const k of readers[i]) if (--pending[k] === 0) next.push(k);
    }
    level = next;
  }
  return done === nodes.length;
}

type Init = Record<string, WriteCell[][]>;

/** A constant of `cells` as the engine is given it: errors as error formulas, `""` as blank. */
function constantAt(cells: Cells, sheet: string, row: number, col: number): WriteCell {
  const code = cells.error(sheet, row, col);
  if (code) return errorFormula(code);
  const v = cells.get(sheet, row, col);
  return v === '' ? null : v;
}

/** The last row and column holding a value or a formula (-1 for none), as the engine's used range sees them. */
function usedExtent(s: SheetSnapshot, cells: Cells): { bottom: number; right: number } {
  let bottom = -1;
  let right = -1;
  const scan = (grid: unknown[][]) =>
    grid.forEach((line, r) =>
      line?.forEach((v, c) => {
        if (v === null || v === '' || v === undefined) return;
        if (r > bottom) bottom = r;
        if (c > right) right = c;
      }),
    );
  scan(cells.values.get(lc(s.name))!);
  scan(s.formulas);
  return { bottom, right };
}

/**
 * The batch's sheets holding only what its formulas read (their references, clipped to the used range), the
 * formulas themselves, and an empty-text formula at the far corner of what is read so that whole-column reads
 * stop where they stop in the whole sheet. Spills are checked against the whole sheet afterwards (`spillsHold`).
 */
function trimmedInit(book: WorkbookSnapshot, cells: Cells, nodes: Node[]): Init {
  const init: Init = {};
  const sheets = new Map(book.sheets.map((s) => [lc(s.name), s]));
  const corners = new Map<string, { bottom: number; right: number }>();
  const extents = new Map<string, { bottom: number; right: number }>();
  for (const n of nodes) {
    init[n.sheet] ??= [];
    for (const d of n.deps) {
      const s = sheets.get(lc(d.sheet));
      if (!s) continue;
      let extent = extents.get(s.name);
      if (!extent) extents.set(s.name, (extent = usedExtent(s, cells)));
      const grid = (init[s.name] ??= []);
      const bottom = Math.min(d.rect.bottom, extent.bottom);
      const right = Math.min(d.rect.right, extent.right);
      if (bottom < d.rect.top || right < d.rect.left) continue;
      for (let r = d.rect.top; r <= bottom; r++) {
        const line = (grid[r] ??= []);
        for (let c = d.rect.left; c <= right; c++) line[c] = s.formulas[r]?.[c] ? constantOrPending(cells, s, r, c) : constantAt(cells, s.name, r, c); // prettier-ignore
      }
      const corner = corners.get(s.name) ?? { bottom: -1, right: -1 };
      corners.set(s.name, { bottom: Math.max(corner.bottom, bottom), right: Math.max(corner.right, right) });
    }
  }
  for (const n of nodes) {
    const grid = init[n.sheet];
    if (n.area) {
      for (let r = n.area.top; r <= n.area.bottom; r++) {
        for (let c = n.area.left; c <= n.area.right; c++) if (grid[r]?.[c] !== undefined && !isFormulaAt(book, n.sheet, r, c)) grid[r][c] = null; // prettier-ignore
      }
    }
    (grid[n.row] ??= [])[n.col] = { formula: n.formula };
  }
  for (const [name, { bottom, right }] of corners) {
    const line = (init[name][bottom] ??= []);
    const at = line[right];
    if (at === undefined || at === null) line[right] = { formula: '=""' };
  }
  return init;
}

/** A formula cell read by a batch: its result when computed (a lower level), else marked pending. */
function constantOrPending(cells: Cells, s: SheetSnapshot, r: number, c: number): WriteCell {
  return cells.computed.has(keyOf(s.name, r, c)) ? constantAt(cells, s.name, r, c) : PENDING;
}

function isFormulaAt(book: WorkbookSnapshot, sheet: string, r: number, c: number): boolean {
  return Boolean(book.sheets.find((s) => lc(s.name) === lc(sheet))?.formulas[r]?.[c]);
}

/** Every sheet the batch reads, whole: lower levels' results as constants, formulas not computed yet pending. */
function fullInit(book: WorkbookSnapshot, cells: Cells, nodes: Node[], everySheet: boolean): Init {
  const wanted = new Set<string>(everySheet ? book.sheets.map((s) => lc(s.name)) : []);
  for (const n of nodes) {
    wanted.add(lc(n.sheet));
    for (const d of n.deps) wanted.add(lc(d.sheet));
  }
  const own = new Set(nodes.map((n) => keyOf(n.sheet, n.row, n.col)));
  const init: Init = {};
  for (const s of book.sheets) {
    if (!wanted.has(lc(s.name))) continue;
    const values = cells.values.get(lc(s.name))!;
    const grid: WriteCell[][] = values.map((line, r) => line.map((_, c): WriteCell => constantAt(cells, s.name, r, c)));
    s.formulas.forEach((line, r) =>
      line?.forEach((f, c) => {
        if (!f || own.has(keyOf(s.name, r, c)) || cells.computed.has(keyOf(s.name, r, c))) return;
        while (grid.length <= r) grid.push([]);
        grid[r][c] = PENDING;
      }),
    );
    init[s.name] = grid;
  }
  for (const n of nodes) {
    const grid = init[n.sheet];
    if (n.area) {
      for (let r = n.area.top; r <= n.area.bottom; r++) {
        for (let c = n.area.left; c <= n.area.right; c++) {
          if (grid[r] && c < grid[r].length && !isFormulaAt(book, n.sheet, r, c)) grid[r][c] = null;
        }
      }
    }
    while (grid.length <= n.row) grid.push([]);
    grid[n.row][n.col] = { formula: n.formula };
  }
  return init;
}

function evaluate(init: Init): { mem: MemoryWorkbook; engine: FormulaEngine } {
  const mem = new MemoryWorkbook(init);
  const engine = new FormulaEngine(salesOpsFunctions());
  engine.attach(mem);
  return { mem, engine };
}

/** True when no result of a trimmed batch spilled over, or was blocked by, a cell left out of it. */
function spillsHold(book: WorkbookSnapshot, cells: Cells, nodes: Node[], engine: FormulaEngine): boolean {
  for (const n of nodes) {
    const address = formatCell(n.row, n.col);
    if (engine.errorAt(n.sheet, address)?.code === '#SPILL!') return false;
    const area = engine.spillAreaOf(n.sheet, address);
    if (!area) continue;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === n.row && c === n.col) continue;
        if (isFormulaAt(book, n.sheet, r, c)) return false;
        const inOwnArea = n.area && r >= n.area.top && r <= n.area.bottom && c >= n.area.left && c <= n.area.right;
        const v = cells.get(n.sheet, r, c);
        if (!inOwnArea && v !== null && v !== '') return false;
      }
    }
  }
  return true;
}

/** One engine over `nodes` (the only formulas), the other cells as constants; results go into `cells`. */
function runBatch(book: WorkbookSnapshot, cells: Cells, nodes: Node[], keep: Set<string>, everySheet = false): void {
  let run = everySheet ? undefined : evaluate(trimmedInit(book, cells, nodes));
  if (!run || !spillsHold(book, cells, nodes, run.engine)) run = evaluate(fullInit(book, cells, nodes, everySheet));
  const { mem, engine } = run;
  for (const n of nodes) {
    const address = formatCell(n.row, n.col);
    cells.computed.add(keyOf(n.sheet, n.row, n.col));
    const err = engine.errorAt(n.sheet, address)?.code;
    const cachedError = cells.error(n.sheet, n.row, n.col);
    if (err && ENGINE_UNKNOWN.has(err) && cachedError !== err && !hasSalesopsCall(n.stored)) {
      keep.add(`${n.sheet}!${address}`);
      continue; // the file's cached value stays in `cells`
    }
    const area = engine.spillAreaOf(n.sheet, address);
    const spills = cells.spills.get(lc(n.sheet))!;
    if (area) spills.set(address, formatRange(area));
    else spills.delete(address);
    const rect = area ?? { top: n.row, left: n.col, bottom: n.row, right: n.col };
    // Cells of the stored array area beyond the computed one are empty now.
    if (n.area) {
      for (let r = n.area.top; r <= n.area.bottom; r++) {
        for (let c = n.area.left; c <= n.area.right; c++) {
          if (!rectsOverlap(rect, { top: r, left: c, bottom: r, right: c })) cells.set(n.sheet, r, c, null, undefined);
        }
      }
    }
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const a = formatCell(r, c);
        cells.set(n.sheet, r, c, mem.getCell(n.sheet, a).value, engine.errorAt(n.sheet, a)?.code);
      }
    }
  }
}

function snapshotOf(book: WorkbookSnapshot, cells: Cells): WorkbookSnapshot {
  const sheets = book.sheets.map((s): SheetSnapshot => {
    const out: SheetSnapshot = { name: s.name, values: cells.values.get(lc(s.name))!, formulas: s.formulas };
    const errors: Record<string, string> = {};
    for (const [k, code] of cells.errors.get(lc(s.name))!) errors[formatCell(Math.floor(k / MAX_COLS), k % MAX_COLS)] = code; // prettier-ignore
    if (Object.keys(errors).length > 0) out.errors = errors;
    const spills = Object.fromEntries(cells.spills.get(lc(s.name))!);
    if (Object.keys(spills).length > 0) out.spills = spills;
    return out;
  });
  return { ...book, sheets };
}

/** How to compute: batches of at most `batch` formulas (default `BATCH`), or one engine over everything. */
export interface ComputeOptions {
  batch?: number;
  oneEngine?: boolean;
}

/** Computes every formula of `book` (values as read, formulas as stored in the file). */
export function computeSnapshot(book: WorkbookSnapshot, options: ComputeOptions = {}): ComputedWorkbook {
  const cells = new Cells(book);
  const keep = new Set<string>();
  const nodes = options.oneEngine ? undefined : formulaNodes(book);
  if (!nodes || !assignLevels(nodes)) {
    // One engine over everything, then once more with the formulas it cannot compute kept as cached.
    const all = nodes ?? formulaNodesPlain(book);
    runBatch(book, cells, all, keep, true);
    if (keep.size === 0) return { snapshot: snapshotOf(book, cells), keptCached: [] };
    const kept = (n: Node) => keep.has(`${n.sheet}!${formatCell(n.row, n.col)}`);
    const again = new Cells(book);
    for (const n of all.filter(kept)) again.computed.add(keyOf(n.sheet, n.row, n.col));
    runBatch(
      book,
      again,
      all.filter((n) => !kept(n)),
      new Set(),
      true,
    );
    return { snapshot: snapshotOf(book, again), keptCached: [...keep] };
  }
  const levels: Node[][] = [];
  for (const n of nodes) (levels[n.level] ??= []).push(n);
  const size = Math.max(1, options.batch ?? BATCH);
  for (const level of levels) {
    for (let i = 0; i < level.length; i += size) runBatch(book, cells, level.slice(i, i + size), keep);
  }
  return { snapshot: snapshotOf(book, cells), keptCached: [...keep] };
}

/** Formula nodes without dependencies (for the one-engine path, which finds them itself). */
function formulaNodesPlain(book: WorkbookSnapshot): Node[] {
  const nodes: Node[] = [];
  for (const s of book.sheets) {
    s.formulas.forEach((line, r) =>
      line?.forEach((stored, c) => {
        if (!stored) return;
        const area = s.spills?.[formatCell(r, c)];
        nodes.push({ sheet: s.name, row: r, col: c, stored, formula: toEngineFormula(stored, book), deps: [], area: area ? parseRange(area) : undefined, level: 0 }); // prettier-ignore
      }),
    );
  }
  return nodes;
}
