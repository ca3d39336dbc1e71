/**
 * The playground's formula engine: computes the formula cells of a `MemoryWorkbook` with fast-formula-parser
 * (MIT) for the standard functions and the project's own custom-function implementations for `SALESOPS.*`
 * (the very functions Excel calls, from functions/*.ts).
 *
 * - Dependencies: each formula's references are read with the parser's DepParser (every one: see dependencies.ts). After a change, only the
 *   formulas that depend (transitively) on a changed cell are recomputed; the first run computes everything.
 * - Order: evaluation is lazy and recursive (a formula that reads a dirty formula computes it first), so results
 *   come out in dependency order; a cycle gives #REF! (Excel would warn about a circular reference).
 * - Dynamic arrays: a formula that returns a 2-D array spills right and down from its cell; a spill that would
 *   overwrite a non-empty cell gives #SPILL!. A range read first computes every dirty formula above and to the
 *   left of its bottom-right corner, since any of them may spill into it.
 * - Errors: cells whose value is an Excel error hold its text ("#VALUE!") in the workbook; the engine remembers
 *   which cells hold errors (and the message a custom function gave) so references propagate them as errors.
 */
import FormulaParser, { FormulaError } from 'fast-formula-parser';
import type { CellRef as ParserCell, FunctionArg, RangeRef as ParserRange } from 'fast-formula-parser';
import type { CellValue } from '../../src/shared/cells';
import { MAX_COLS, formatCell, formatRange, parseRange, type Rect } from '../workbook/address';
import type { MemoryWorkbook, WorkbookChange } from '../workbook/memory';
import { exactDepParser } from './dependencies';
import { installCustomFunctionsShim, readCustomFunctionError } from './customFunctionsShim';
import { STANDARD_EXTRAS } from './standardFunctions';
import { longestRow } from './extent';

/** A custom function implementation as Excel calls it: positional arguments, a value or an error back. */
export type CustomFunctionImpl = (...args: unknown[]) => unknown;

interface SheetRect extends Rect {
  /** Lower-case sheet name. */
  sheet: string;
}

interface FormulaNode {
  /** Sheet name as the workbook spells it. */
  sheet: string;
  row: number;
  col: number;
  formula: string;
  deps: SheetRect[];
  state: 'clean' | 'dirty' | 'evaluating';
  /** The spilled area (anchor included) when the result is an array larger than one cell. */
  spill?: Rect;
  /** The area a blocked spill would cover (for #SPILL! anchors): a change there re-evaluates the anchor. */
  blocked?: Rect;
  /** The value shown is the file's cached result (the engine gave #NAME?: a function it does not know). */
  fromFile?: boolean;
}

/** A formula's result as the opened file cached it (an array formula's: its range, as rows). */
export interface FileResult {
  formula: string;
  value: CellValue | CellValue[][];
}

/** An error value in a cell: its code and the message a custom function gave (if any). */
export interface CellError {
  code: string;
  message?: string;
}

const lc = (s: string) => s.toLowerCase();
const cellKey = (row: number, col: number) => row * MAX_COLS + col;

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The engine; attach it to a workbook with `attach`. */
export class FormulaEngine {
  /** One parser per nesting level: a formula that reads a dirty formula computes it in the middle of its own
   * parse, and a parser instance is not re-entrant. */
  private readonly parsers: FormulaParser[] = [];
  private depth = 0;
  private readonly functions: Record<string, (...args: FunctionArg[]) => unknown>;
  private readonly depParser = exactDepParser((name) => this.nameRef(name));
  private nodes = new Map<string, Map<number, FormulaNode>>();
  /** Spilled cells (anchor excluded): sheet → cell → anchor node and the value written there. */
  private spills = new Map<string, Map<number, { anchor: FormulaNode; value: CellValue }>>();
  /** Cells holding an error: sheet → cell → error. */
  private errors = new Map<string, Map<number, CellError>>();
  /** Constants last seen: sheet → cell → value (to find what a change touched). */
  private constants = new Map<string, Map<number, CellValue>>();
  private wb: MemoryWorkbook | undefined;
  /** How many formula evaluations the last recalculation ran (for tests and the status bar). */
  lastEvaluations = 0;
  /** How long the last recalculation took, in milliseconds. */
  lastMilliseconds = 0;
  /** Set while `attachDeferred` runs: the first computation only marks every formula pending. */
  private deferFirst = false;
  /** Formulas left to compute after `attachDeferred`, in row-major order per sheet; `next` is the first left. */
  private pending: FormulaNode[] = [];
  private next = 0;
  /** Results cached in the opened file: sheet → cell → the formula and its result there. */
  private fileResults = new Map<string, Map<number, FileResult>>();

  constructor(functions: Record<string, CustomFunctionImpl>) {
    installCustomFunctionsShim();
    const wrapped: Record<string, (...args: FunctionArg[]) => unknown> = { ...STANDARD_EXTRAS };
    for (const [name, fn] of Object.entries(functions)) wrapped[name.toUpperCase()] = (...args) => callCustom(fn, args);
    this.functions = wrapped;
  }

  private parser(): FormulaParser {
    let p = this.parsers[this.depth];
    if (!p) {
      p = new FormulaParser({
        functions: this.functions,
        onCell: (ref) => this.readCell(ref),
        onRange: (ref) => this.readRange(ref),
        onVariable: (name) => this.nameRef(name),
      });
      this.parsers[this.depth] = p;
    }
    return p;
  }

  /** The cell or range a defined name of the workbook points at, as the parser takes it (1-based); else null. */
  private nameRef(name: string): ParserCell | ParserRange | null {
    const n = this.wb?.definedName(name);
    if (!n) return null;
    const r = parseRange(n.address);
    if (r.top === r.bottom && r.left === r.right) return { sheet: n.sheet, row: r.top + 1, col: r.left + 1 };
    return { sheet: n.sheet, from: { row: r.top + 1, col: r.left + 1 }, to: { row: r.bottom + 1, col: r.right + 1 } };
  }

  /** Makes this engine the workbook's recalculator (computes every formula now). */
  attach(wb: MemoryWorkbook): void {
    this.wb = wb;
    this.pending = [];
    this.next = 0;
    this.nodes.clear();
    this.spills.clear();
    this.errors.clear();
    this.constants.clear();
    wb.setRecalculator((w, change) => this.recalculate(w, change));
    wb.setCellInspector({
      errorAt: (sheet, address) => this.errorAt(sheet, address)?.code,
      spillAreaOf: (sheet, address) => {
        const r = this.spillAreaOf(sheet, address);
        return r ? formatRange(r) : undefined;
      },
    });
  }

  /**
   * Attaches without computing: every formula is pending (its cell empty) until `computeSome` reaches it, or an
   * edit or a read of a cell that needs it computes it first. For a first paint before the formulas are done.
   */
  attachDeferred(wb: MemoryWorkbook): void {
    this.deferFirst = true;
    try {
      this.attach(wb);
    } finally {
      this.deferFirst = false;
    }
  }

  /**
   * Computes pending formulas (after `attachDeferred`) for about `budgetMs` milliseconds (at least one formula);
   * returns how many formulas are still pending. A single formula may take longer than the budget.
   */
  computeSome(budgetMs: number): number {
    const started = Date.now();
    while (this.next < this.pending.length) {
      const n = this.pending[this.next++];
      // An edit may have replaced the formula since: only the node still in the table is computed.
      if (n.state === 'dirty' && this.nodes.get(lc(n.sheet))?.get(cellKey(n.row, n.col)) === n) this.evaluate(n);
      if (Date.now() - started >= budgetMs) break;
    }
    return this.pendingCount();
  }

  /** How many formulas are still pending (see `attachDeferred`). */
  pendingCount(): number {
    let left = 0;
    for (let i = this.next; i < this.pending.length; i++) if (this.pending[i].state === 'dirty') left++;
    return left;
  }

  /** How many formulas the workbook holds (computed or pending). */
  formulaCount(): number {
    let n = 0;
    for (const byCell of this.nodes.values()) n += byCell.size;
    return n;
  }

  /** True when `sheet!address` holds a formula not computed yet (see `attachDeferred`). */
  isPending(sheet: string, address: string): boolean {
    const r = parseRange(address);
    return this.nodes.get(lc(sheet))?.get(cellKey(r.top, r.left))?.state === 'dirty';
  }

  /**
   * Keeps the results an opened file cached for the formulas of `sheet` (A1 address → formula and value): where
   * the engine cannot compute such a formula (#NAME?, e.g. a function it does not implement) while it is still
   * the file's formula, the cell shows the file's result instead, as Excel shows a workbook's saved values.
   * Call before `attach`.
   */
  keepFileResults(sheet: string, results: Record<string, FileResult>): void {
    const byCell = this.fileResults.get(lc(sheet)) ?? new Map<number, FileResult>();
    this.fileResults.set(lc(sheet), byCell);
    for (const [address, r] of Object.entries(results)) {
      const at = parseRange(address);
      byCell.set(cellKey(at.top, at.left), r);
    }
  }

  /** True when `sheet!address` shows the opened file's cached result, not one the engine computed. */
  isFromFile(sheet: string, address: string): boolean {
    const r = parseRange(address);
    return this.nodes.get(lc(sheet))?.get(cellKey(r.top, r.left))?.fromFile === true;
  }

  /** The error in `sheet!address`, if the cell holds one. */
  errorAt(sheet: string, address: string): CellError | undefined {
    const r = parseRange(address);
    return this.errors.get(lc(sheet))?.get(cellKey(r.top, r.left));
  }

  /** The spill range of the formula at `sheet!address` (anchor included), when its result spilled. */
  spillAreaOf(sheet: string, address: string): Rect | undefined {
    const r = parseRange(address);
    const n = this.nodes.get(lc(sheet))?.get(cellKey(r.top, r.left));
    return n?.spill ? { ...n.spill } : undefined;
  }

  /** The formula whose spill covers `sheet!address` (the anchor's formula), for the formula bar. */
  spillFormulaAt(sheet: string, address: string): { anchor: string; formula: string } | undefined {
    const r = parseRange(address);
    const s = this.spills.get(lc(sheet))?.get(cellKey(r.top, r.left));
    return s ? { anchor: formatCell(s.anchor.row, s.anchor.col), formula: s.anchor.formula } : undefined;
  }

  /** Recomputes what `change` affects (everything on the first run). */
  recalculate(wb: MemoryWorkbook, change: WorkbookChange): void {
    this.wb = wb;
    this.lastEvaluations = 0;
    const started = Date.now();
    try {
      this.recalculateNow(wb, change);
    } finally {
      this.lastMilliseconds = Date.now() - started;
    }
  }

  private recalculateNow(wb: MemoryWorkbook, change: WorkbookChange): void {
    const first = this.nodes.size === 0 && this.constants.size === 0;
    const sheets = first || change.reason === 'recalc' ? wb.sheetNames() : change.sheets;
    const changed: SheetRect[] = [];
    const dirty = new Set<FormulaNode>();
    const formulas = new Map<string, Map<number, string>>();
    for (const fc of wb.formulaCells()) {
      const r = parseRange(fc.address);
      const bySheet = formulas.get(lc(fc.sheet)) ?? new Map<number, string>();
      formulas.set(lc(fc.sheet), bySheet);
      bySheet.set(cellKey(r.top, r.left), fc.formula);
    }
    for (const sheet of sheets)
      this.scanSheet(sheet, formulas.get(lc(sheet)) ?? new Map<number, string>(), changed, dirty);
    if (first) for (const byCell of this.nodes.values()) for (const n of byCell.values()) dirty.add(n);
    // Propagate: every formula that reads a changed area, and what reads those, transitively.
    if (!first) {
      const queue = [...changed];
      for (const n of dirty) queue.push(...areasOf(n));
      const all = [...this.nodes.values()].flatMap((m) => [...m.values()]);
      while (queue.length > 0) {
        const a = queue.pop()!;
        for (const n of all) {
          if (dirty.has(n)) continue;
          if (n.deps.some((d) => d.sheet === a.sheet && intersects(d, a)) || touchesBlocked(n, a)) {
            dirty.add(n);
            queue.push(...areasOf(n));
          }
        }
      }
    }
    for (const n of dirty) n.state = 'dirty';
    if (first && this.deferFirst) {
      this.pending = [...dirty];
      this.next = 0;
      return;
    }
    // Evaluate in row-major order; reads evaluate their dirty precedents first. A spill that grew may cover
    // cells read by a clean formula: those are recomputed in another round.
    let round = [...dirty];
    for (let guard = 0; round.length > 0 && guard < 10; guard++) {
      const grown: SheetRect[] = [];
      for (const n of round) {
        const before = n.spill;
        this.evaluate(n);
        if (!sameRect(before, n.spill)) grown.push(...[before, n.spill].filter(isRect).map((r) => ({ ...r, sheet: lc(n.sheet) }))); // prettier-ignore
      }
      round = [];
      for (const byCell of this.nodes.values()) {
        for (const n of byCell.values()) {
          if (
            n.state === 'clean' &&
            !round.includes(n) &&
            grown.some((a) => n.deps.some((d) => d.sheet === a.sheet && intersects(d, a)))
          ) {
            n.state = 'dirty';
            round.push(n);
          }
        }
      }
    }
  }

  /** Finds the changed constants and formulas of `sheet`; updates the node table. */
  private scanSheet(sheet: string, formulas: Map<number, string>, changed: SheetRect[], dirty: Set<FormulaNode>): void {
    const wb = this.wb!;
    const s = lc(sheet);
    const nodes = this.nodes.get(s) ?? new Map<number, FormulaNode>();
    this.nodes.set(s, nodes);
    const mark = (row: number, col: number) => changed.push({ sheet: s, top: row, left: col, bottom: row, right: col });
    // Removed or changed formulas.
    for (const [k, n] of nodes) {
      const f = formulas.get(k);
      if (f === n.formula) continue;
      this.clearSpill(n);
      nodes.delete(k);
      this.errors.get(s)?.delete(k);
      mark(n.row, n.col);
    }
    // New formulas.
    for (const [k, f] of formulas) {
      if (nodes.has(k)) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      const node: FormulaNode = {
        sheet,
        row,
        col,
        formula: f,
        deps: this.dependencies(f, sheet, row, col),
        state: 'dirty',
      };
      nodes.set(k, node);
      dirty.add(node);
      mark(row, col);
    }
    // Constants: compare with the last scan. Spilled cells whose value the user replaced count as constants.
    const seen = new Map<number, CellValue>();
    const used = parseRange(wb.usedRange(sheet));
    const spills = this.spills.get(s);
    const prev = this.constants.get(s) ?? new Map<number, CellValue>();
    for (let row = used.top; row <= used.bottom; row++) {
      for (let col = used.left; col <= used.right; col++) {
        const k = cellKey(row, col);
        if (formulas.has(k)) continue;
        const cell = wb.getCell(sheet, formatCell(row, col));
        const sp = spills?.get(k);
        if (sp && cell.value === sp.value) continue;
        if (sp) {
          spills!.delete(k);
          sp.anchor.state = 'dirty';
          dirty.add(sp.anchor);
        }
        if (cell.value === null || cell.value === '') continue;
        seen.set(k, cell.value);
        if (prev.get(k) !== cell.value) {
          this.errors.get(s)?.delete(k);
          mark(row, col);
        }
      }
    }
    for (const k of prev.keys()) if (!seen.has(k)) mark(Math.floor(k / MAX_COLS), k % MAX_COLS);
    this.constants.set(s, seen);
  }

  private dependencies(formula: string, sheet: string, row: number, col: number): SheetRect[] {
    try {
      const refs = this.depParser.parse(formula.slice(1), { sheet, row: row + 1, col: col + 1 });
      return refs.map((r) => toSheetRect(r, sheet));
    } catch {
      return [];
    }
  }

  /** Computes `n` (and, through its reads, anything dirty it depends on), writes its value and spill. */
  private evaluate(n: FormulaNode): void {
    if (n.state !== 'dirty') return;
    n.state = 'evaluating';
    this.lastEvaluations++;
    let result: unknown;
    const parser = this.parser();
    this.depth++;
    try {
      result = parser.parse(n.formula.slice(1), { sheet: n.sheet, row: n.row + 1, col: n.col + 1 }, true);
    } catch (e) {
      result = parserError(e);
    } finally {
      this.depth--;
    }
    n.state = 'clean';
    const kept = toCellError(result)?.code === '#NAME?' ? this.fileResultOf(n) : undefined;
    n.fromFile = kept !== undefined;
    if (kept !== undefined) {
      const asResult = (v: CellValue) => (typeof v === 'string' && ERROR_CODES.includes(v) ? errorValue(v) : v);
      const v = kept.value;
      result = Array.isArray(v) ? v.map((row) => row.map(asResult)) : asResult(v);
    }
    this.store(n, result);
  }

  /** The opened file's result for `n`, while `n` still holds the file's formula. */
  private fileResultOf(n: FormulaNode): FileResult | undefined {
    const r = this.fileResults.get(lc(n.sheet))?.get(cellKey(n.row, n.col));
    return r && r.formula === n.formula ? r : undefined;
  }

  private store(n: FormulaNode, result: unknown): void {
    const s = lc(n.sheet);
    if (Array.isArray(result)) {
      const grid = (result as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]));
      const h = grid.length;
      const w = longestRow(grid);
      if (h === 0 || w === 0) return this.store(n, FormulaError.VALUE);
      if (h === 1 && w === 1) return this.store(n, grid[0][0]);
      const area: Rect = { top: n.row, left: n.col, bottom: n.row + h - 1, right: n.col + w - 1 };
      if (this.spillBlocked(n, area)) {
        this.clearSpill(n);
        n.blocked = area;
        this.setValue(n.sheet, n.row, n.col, new FormulaError('#SPILL!', 'The spill range is not empty.'));
        return;
      }
      this.clearSpill(n, area);
      n.blocked = undefined;
      n.spill = area;
      const spills = this.spills.get(s) ?? new Map<number, { anchor: FormulaNode; value: CellValue }>();
      this.spills.set(s, spills);
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          const value = this.setValue(n.sheet, n.row + r, n.col + c, grid[r][c] === undefined ? null : grid[r][c]);
          if (r > 0 || c > 0) spills.set(cellKey(n.row + r, n.col + c), { anchor: n, value });
        }
      }
      return;
    }
    this.clearSpill(n);
    n.blocked = undefined;
    this.setValue(n.sheet, n.row, n.col, result);
  }

  /** Writes one computed value (errors as their code text) and records errors; returns the stored value. */
  private setValue(sheet: string, row: number, col: number, value: unknown): CellValue {
    const s = lc(sheet);
    const errs = this.errors.get(s) ?? new Map<number, CellError>();
    this.errors.set(s, errs);
    const k = cellKey(row, col);
    const err = toCellError(value);
    let stored: CellValue;
    if (err) {
      errs.set(k, err);
      stored = err.code;
    } else {
      errs.delete(k);
      stored =
        value === null || value === undefined
          ? null
          : typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
            ? value
            : '#VALUE!';
      if (stored === '#VALUE!' && typeof value !== 'string') errs.set(k, { code: '#VALUE!' });
    }
    this.wb!.setComputedValue(sheet, formatCell(row, col), stored);
    return stored;
  }

  private spillBlocked(n: FormulaNode, area: Rect): boolean {
    const s = lc(n.sheet);
    const nodes = this.nodes.get(s);
    const spills = this.spills.get(s);
    for (let row = area.top; row <= area.bottom; row++) {
      for (let col = area.left; col <= area.right; col++) {
        if (row === n.row && col === n.col) continue;
        const k = cellKey(row, col);
        if (nodes?.has(k)) return true;
        const sp = spills?.get(k);
        if (sp) {
          if (sp.anchor !== n) return true;
          continue;
        }
        const v = this.wb!.getCell(n.sheet, formatCell(row, col)).value;
        if (v !== null && v !== '') return true;
      }
    }
    return false;
  }

  /** Clears `n`'s spilled cells (those outside `keep`). */
  private clearSpill(n: FormulaNode, keep?: Rect): void {
    if (!n.spill) return;
    const s = lc(n.sheet);
    const spills = this.spills.get(s);
    const area = n.spill;
    n.spill = undefined;
    for (let row = area.top; row <= area.bottom; row++) {
      for (let col = area.left; col <= area.right; col++) {
        if (row === n.row && col === n.col) continue;
        if (keep && row <= keep.bottom && col <= keep.right) continue;
        const k = cellKey(row, col);
        if (spills?.get(k)?.anchor !== n) continue;
        spills.delete(k);
        this.errors.get(s)?.delete(k);
        // A value written over the spilled cell since (e.g. a share writing the spill's values) stays.
        if (!this.wb!.isComputedValue(n.sheet, formatCell(row, col))) continue;
        this.wb!.setComputedValue(n.sheet, formatCell(row, col), null);
      }
    }
  }

  /** Computes every dirty formula of `sheet` at or above-left of (row, col): any of them may spill there. */
  private settle(sheet: string, bottom: number, right: number): void {
    const nodes = this.nodes.get(lc(sheet));
    if (!nodes) return;
    for (const n of nodes.values()) {
      if (n.row > bottom || n.col > right) continue;
      // A formula being computed (an ancestor of this read) is skipped here; reading its own cell is a cycle,
      // which readCell/readRange detect.
      if (n.state === 'evaluating') continue;
      this.evaluate(n);
    }
  }

  private readValue(sheet: string, row: number, col: number): unknown {
    const s = lc(sheet);
    const k = cellKey(row, col);
    const err = this.errors.get(s)?.get(k);
    if (err) return errorValue(err.code);
    const v = this.wb!.getCell(sheet, formatCell(row, col)).value;
    return v === '' ? null : v;
  }

  private readCell(ref: ParserCell & { sheet: string }): unknown {
    const sheet = this.sheetName(ref.sheet);
    if (sheet === undefined) return FormulaError.REF;
    const n = this.nodes.get(lc(sheet))?.get(cellKey(ref.row - 1, ref.col - 1));
    if (n?.state === 'evaluating') throw new Cycle();
    this.settle(sheet, ref.row - 1, ref.col - 1);
    return this.readValue(sheet, ref.row - 1, ref.col - 1);
  }

  private readRange(ref: ParserRange & { sheet: string }): unknown[][] {
    const sheet = this.sheetName(ref.sheet);
    if (sheet === undefined) return [[FormulaError.REF]];
    const top = ref.from.row - 1;
    const left = ref.from.col - 1;
    // Whole columns/rows (A:A) are cut at the used range.
    const used = parseRange(this.wb!.usedRange(sheet));
    const bottom = Math.min(ref.to.row - 1, Math.max(used.bottom, top));
    const right = Math.min(ref.to.col - 1, Math.max(used.right, left));
    const nodes = this.nodes.get(lc(sheet));
    if (nodes) {
      for (const n of nodes.values()) {
        if (n.state === 'evaluating' && n.row >= top && n.row <= bottom && n.col >= left && n.col <= right) {
          throw new Cycle();
        }
      }
    }
    this.settle(sheet, bottom, right);
    const out: unknown[][] = [];
    for (let row = top; row <= bottom; row++) {
      const line: unknown[] = [];
      for (let col = left; col <= right; col++) line.push(this.readValue(sheet, row, col));
      out.push(line);
    }
    return out;
  }

  private sheetName(name: string | undefined): string | undefined {
    if (name === undefined) return undefined;
    return this.wb!.sheetNames().find((s) => lc(s) === lc(name));
  }
}

/** Thrown inside evaluation when a formula reads itself. */
class Cycle extends Error {}

function isRect(r: Rect | undefined): r is Rect {
  return r !== undefined;
}

function sameRect(a: Rect | undefined, b: Rect | undefined): boolean {
  if (!a || !b) return a === b;
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function areasOf(n: FormulaNode): SheetRect[] {
  const s = lc(n.sheet);
  const out: SheetRect[] = [{ sheet: s, top: n.row, left: n.col, bottom: n.row, right: n.col }];
  if (n.spill) out.push({ sheet: s, ...n.spill });
  return out;
}

function touchesBlocked(n: FormulaNode, a: SheetRect): boolean {
  return n.blocked !== undefined && a.sheet === lc(n.sheet) && intersects(n.blocked, a);
}

function toSheetRect(r: ParserCell | ParserRange, sheet: string): SheetRect {
  const s = lc(r.sheet ?? sheet);
  if ('from' in r) {
    return {
      sheet: s,
      top: Math.min(r.from.row, r.to.row) - 1,
      left: Math.min(r.from.col, r.to.col) - 1,
      bottom: Math.max(r.from.row, r.to.row) - 1,
      right: Math.max(r.from.col, r.to.col) - 1,
    };
  }
  return { sheet: s, top: r.row - 1, left: r.col - 1, bottom: r.row - 1, right: r.col - 1 };
}

const ERROR_CODES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#ERROR!'];

function errorValue(code: string): FormulaError {
  switch (code) {
    case '#NULL!':
      return FormulaError.NULL;
    case '#DIV/0!':
      return FormulaError.DIV0;
    case '#REF!':
      return FormulaError.REF;
    case '#NAME?':
      return FormulaError.NAME;
    case '#NUM!':
      return FormulaError.NUM;
    case '#N/A':
      return FormulaError.NA;
    case '#VALUE!':
      return FormulaError.VALUE;
    default:
      return new FormulaError(code);
  }
}

/** The cell error a result stands for: a parser error or a `CustomFunctions.Error`. */
function toCellError(v: unknown): CellError | undefined {
  if (v instanceof FormulaError) {
    const code = ERROR_CODES.includes(v.error) ? v.error : '#VALUE!';
    return { code, message: v.message || undefined };
  }
  return readCustomFunctionError(v);
}

/** A thrown parser error as a cell error (syntax errors and unknown functions included). */
function parserError(e: unknown): FormulaError {
  if (e instanceof FormulaError) {
    const details = (e as unknown as { details?: unknown }).details;
    if (details instanceof FormulaError) return details;
    if (details instanceof Cycle) return new FormulaError('#REF!', 'Circular reference.');
    if (details instanceof Error && /Exception$/.test(details.name)) {
      return new FormulaError('#ERROR!', `The formula cannot be read: ${details.message}`);
    }
    if (e.error === '#ERROR!') return FormulaError.VALUE;
    return e;
  }
  return e instanceof Cycle ? new FormulaError('#REF!', 'Circular reference.') : FormulaError.VALUE;
}

/** A range of values with the parser's errors replaced by `null`-safe cells for a custom function. */
function toCustomArg(a: FunctionArg): unknown {
  if (a.omitted) return null;
  const v = a.value;
  if (Array.isArray(v)) return (v as unknown[][]).map((row) => row.map((c) => (c === undefined ? null : c)));
  return v === undefined ? null : v;
}

function firstError(a: unknown): FormulaError | undefined {
  if (a instanceof FormulaError) return a;
  if (Array.isArray(a)) {
    for (const row of a as unknown[][]) {
      for (const c of Array.isArray(row) ? row : [row]) if (c instanceof FormulaError) return c;
    }
  }
  return undefined;
}

/** Calls a custom function as Excel would: an error among the arguments is the result; otherwise the call's. */
function callCustom(fn: CustomFunctionImpl, args: FunctionArg[]): unknown {
  const values = args.map(toCustomArg);
  for (const v of values) {
    const e = firstError(v);
    if (e) return e;
  }
  const result = fn(...values);
  const err = readCustomFunctionError(result);
  if (err) {
    // The parser only passes its own error class through; carry the custom message along on it.
    return new FormulaError(err.code, err.message);
  }
  // An error in one cell of a spilled array (e.g. a record ROUTE cannot route) stays in that cell, as in Excel.
  if (Array.isArray(result)) {
    return (result as unknown[]).map((row) =>
      Array.isArray(row)
        ? (row as unknown[]).map((c) => {
            const e = readCustomFunctionError(c);
            return e ? new FormulaError(e.code, e.message) : c;
          })
        : row,
    );
  }
  return result;
}
