/**
 * The in-memory workbook: sheets of cells, a selection, tables, defined names and chart records. It implements
 * the workbook port for the stand-alone playground and the UI tests, and offers synchronous accessors for a
 * grid view (`getCell`, `setCell`, `setFormula`, `usedRange`, `subscribe`).
 *
 * Formula cells keep their formula text; their value stays `null` until a recalculator (set with
 * `setRecalculator`, e.g. the playground's formula engine) computes it with `setComputedValue`. The
 * recalculator runs after every change (`setCell`, `setFormula`, `apply`), before listeners are told.
 *
 * `apply(plan)` is all-or-nothing: it validates the whole plan, applies it to a copy (copy-on-write per sheet)
 * and swaps the copy in only when every write succeeded.
 *
 * Errors and spills: the workbook stores an error as its code text ("#NAME?"); which cells hold an error and
 * where a formula's result spilled are known to the recalculator, which tells `readSheet` through a
 * `CellInspector` (the playground's engine sets one). Without one, a formula cell whose value is an error code is
 * read as that error and no result is read as spilled.
 */
import type { CellValue } from '../../src/shared/cells';
import { isBlank } from '../../src/shared/cells';
import { invalid, notFound } from '../../src/shared/errors';
import {
  MAX_COLS,
  formatCell,
  formatRange,
  parseCell,
  parseRange,
  qualified,
  rectsOverlap,
  sheetNameProblem,
  type Rect,
} from './address';
import {
  addedSheets,
  blockArea,
  blockFormat,
  checkApproved,
  checkNewNames,
  isFormulaCell,
  planSheets,
  protectionSource,
  validatePlanShape,
} from './plan';
import type {
  ChartSpec,
  DocumentPropertyValue,
  OverwriteApproval,
  RangeData,
  SheetData,
  TableInfo,
  WriteCell,
  WritePlan,
  WorkbookPort,
} from './port';

/** One stored cell. */
export interface MemoryCell {
  value: CellValue;
  /** Formula text starting with "=", when the cell holds a formula. */
  formula?: string;
  numberFormat?: string;
}

/** A table record: its name, sheet and address (header row included). */
export interface MemoryTable {
  name: string;
  sheet: string;
  address: string;
}

/** A defined name pointing at `sheet!address`. */
export interface MemoryName {
  name: string;
  sheet: string;
  address: string;
}

/** A chart record (the playground draws it; nothing is rendered here). */
export interface MemoryChart extends ChartSpec {
  id: number;
}

/** What changed: the sheets touched (empty for a selection change). */
export interface WorkbookChange {
  reason: 'setCell' | 'apply' | 'select' | 'addSheet' | 'recalc';
  sheets: string[];
}

export type WorkbookListener = (change: WorkbookChange) => void;
/** Recomputes formula cells after a change, writing results with `setComputedValue`. */
export type Recalculator = (workbook: MemoryWorkbook, change: WorkbookChange) => void;

/** What a recalculator knows about computed cells: errors and spilled results (addresses A1 on `sheet`). */
export interface CellInspector {
  /** The error code the cell holds ("#NAME?"), or `undefined` when it holds none. */
  errorAt(sheet: string, address: string): string | undefined;
  /** The whole spill area of the formula at `address` ("F2:H40", anchor included), when its result spilled. */
  spillAreaOf(sheet: string, address: string): string | undefined;
}

/** Excel's error codes, as a cell shows them. */
const ERROR_CODES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!']);

/** Initial content: per sheet, a grid of constants or `{ formula }` cells written from A1. */
export type MemorySheetsInit = Record<string, WriteCell[][]>;

/**
 * One sheet's stored cells by key (row and column packed in one number); `computed` marks a value the
 * recalculator wrote into a cell without a formula (a spill).
 */
export type SheetCells = Map<number, MemoryCell & { computed?: true }>;

interface Sheet {
  name: string;
  cells: SheetCells;
}

interface State {
  /** Sheets keyed by lower-case name, in creation order. */
  sheets: Map<string, Sheet>;
  /** Tables keyed by lower-case name. */
  tables: Map<string, MemoryTable>;
  /** Defined names keyed by lower-case name. */
  names: Map<string, MemoryName>;
  charts: MemoryChart[];
  /** Custom document properties. */
  properties: Map<string, DocumentPropertyValue>;
  /** The `Office.AutoShowTaskpaneWithDocument` setting, when a plan set it. */
  autoOpenTaskpane?: boolean;
}

const key = (row: number, col: number): number => row * MAX_COLS + col;
const rowOf = (k: number): number => Math.floor(k / MAX_COLS);
const colOf = (k: number): number => k % MAX_COLS;

function cellIsEmpty(c: MemoryCell | undefined): boolean {
  return !c || (isBlank(c.value) && !c.formula);
}

/**
 * A plan being applied: a copy of the state (new maps and lists sharing the sheets, each copied on its first write)
 * and the lower-case names of the sheets the draft already owns (new, copied, or copied on write).
 */
interface Draft {
  state: State;
  copied: Set<string>;
}

/** A copy of `state` whose maps and lists can change freely; the sheets themselves are shared. */
function copyState(state: State): State {
  return {
    sheets: new Map(state.sheets),
    tables: new Map(state.tables),
    names: new Map(state.names),
    charts: [...state.charts],
    properties: new Map(state.properties),
    autoOpenTaskpane: state.autoOpenTaskpane,
  };
}

/** The draft's own copy of `sheet`, made on first use; throws naming `where` when the sheet does not exist. */
function writableSheet(draft: Draft, sheet: string, where: string): Sheet {
  const k = sheet.toLowerCase();
  const s = draft.state.sheets.get(k);
  if (!s) notFound(`${where}: sheet "${sheet}" does not exist.`);
  if (draft.copied.has(k)) return s;
  const copy = { name: s.name, cells: new Map(s.cells) };
  draft.state.sheets.set(k, copy);
  draft.copied.add(k);
  return copy;
}

/** Adds the plan's new sheets, empty, to the draft; throws on an invalid name. */
function addNewSheets(draft: Draft, plan: WritePlan): void {
  for (const name of plan.newSheets ?? []) {
    const p = sheetNameProblem(name);
    if (p) invalid(`New sheet: ${p}.`);
    draft.state.sheets.set(name.toLowerCase(), { name, cells: new Map() });
    draft.copied.add(name.toLowerCase());
  }
}

/** Adds the plan's sheet copies to the draft; throws when a source sheet does not exist. */
function copySheets(draft: Draft, plan: WritePlan): void {
  for (const c of plan.copySheets ?? []) {
    const from = draft.state.sheets.get(c.from.toLowerCase());
    if (!from) notFound(`Copy of sheet "${c.from}": the sheet does not exist.`);
    const cells: SheetCells = new Map();
    // Spilled values are not copied: the copy's formulas compute (and spill) them again, as in Excel.
    for (const [k, cell] of from.cells) if (!cell.computed) cells.set(k, { ...cell });
    draft.state.sheets.set(c.to.toLowerCase(), { name: c.to, cells });
    draft.copied.add(c.to.toLowerCase());
  }
}

/** Adds (or replaces) the plan's tables in `state`; throws on a missing sheet, an overlap or a bad header. */
function addTables(state: State, plan: WritePlan): void {
  for (const t of plan.tables ?? []) {
    const where = `Table ${t.name}`;
    const s = state.sheets.get(t.sheet.toLowerCase());
    if (!s) notFound(`${where}: sheet "${t.sheet}" does not exist.`);
    const k = t.name.toLowerCase();
    state.tables.delete(k); // a table the plan replaces is not an overlap of itself
    const rect = parseRange(t.address);
    for (const other of state.tables.values()) {
      if (other.sheet.toLowerCase() === s.name.toLowerCase() && rectsOverlap(parseRange(other.address), rect))
        invalid(`${where}: ${t.address} overlaps table ${other.name} (${other.address}).`);
    }
    checkHeader(where, s.cells, rect);
    state.tables.set(k, { name: t.name, sheet: s.name, address: formatRange(rect) });
  }
}

/** Throws (naming `where` and the cell) when a header cell of the table at `rect` is blank or repeats a name. */
function checkHeader(where: string, cells: SheetCells, rect: Rect): void {
  const seen = new Set<string>();
  for (let col = rect.left; col <= rect.right; col++) {
    const h = cells.get(key(rect.top, col))?.value ?? null;
    const at = formatCell(rect.top, col);
    if (isBlank(h)) invalid(`${where}: header cell ${at} is blank; every column needs a name.`);
    const text = String(h).toLowerCase();
    if (seen.has(text)) invalid(`${where}: header "${String(h)}" (cell ${at}) is used twice.`);
    seen.add(text);
  }
}

/** Adds (or replaces) the plan's named ranges in `state`; throws when a sheet does not exist. */
function addNames(state: State, plan: WritePlan): void {
  for (const n of plan.names ?? []) {
    const s = state.sheets.get(n.sheet.toLowerCase());
    if (!s) notFound(`Named range ${n.name}: sheet "${n.sheet}" does not exist.`);
    state.names.set(n.name.toLowerCase(), {
      name: n.name,
      sheet: s.name,
      address: formatRange(parseRange(n.address)),
    });
  }
}

/** Adds the plan's charts to `state`, numbered from `firstId`; returns the next free id. */
function addCharts(state: State, plan: WritePlan, firstId: number): number {
  let id = firstId;
  for (const c of plan.charts ?? []) {
    const s = state.sheets.get(c.sheet.toLowerCase());
    if (!s) notFound(`Chart "${c.title}": sheet "${c.sheet}" does not exist.`);
    state.charts.push({ ...c, sheet: s.name, id: id++ });
  }
  return id;
}

/** Sets the plan's custom document properties and its task-pane setting (when given) in `state`. */
function setProperties(state: State, plan: WritePlan): void {
  for (const [k, v] of Object.entries(plan.properties ?? {})) state.properties.set(k, v);
  if (plan.autoOpenTaskpane !== undefined) state.autoOpenTaskpane = plan.autoOpenTaskpane;
}

/** An in-memory `WorkbookPort` with synchronous accessors for a grid UI. */
export class MemoryWorkbook implements WorkbookPort {
  private state: State = { sheets: new Map(), tables: new Map(), names: new Map(), charts: [], properties: new Map() };
  private inspector: CellInspector | undefined;
  private selection: { sheet: string; address: string };
  private listeners = new Set<WorkbookListener>();
  private recalculator: Recalculator | undefined;
  private nextChartId = 1;
  /** Protected sheets (lower case): `apply` refuses to write to them, as Excel does. */
  private protectedSheets = new Set<string>();

  constructor(init: MemorySheetsInit = { Sheet1: [] }) {
    const entries = Object.entries(init);
    if (entries.length === 0) entries.push(['Sheet1', []]);
    for (const [name, grid] of entries) {
      this.addSheetSilently(name);
      this.writeGrid(name, 'A1', grid);
    }
    this.selection = { sheet: entries[0][0], address: 'A1' };
  }

  // ---- synchronous accessors (playground grid, tests) ----

  /** Sheet names in order. */
  sheetNames(): string[] {
    return [...this.state.sheets.values()].map((s) => s.name);
  }

  /** The cell at `sheet!address` (a blank cell when nothing is stored there). */
  getCell(sheet: string, address: string): MemoryCell {
    const { row, col } = parseCell(address);
    const c = this.sheet(sheet).cells.get(key(row, col));
    if (!c) return { value: null };
    const { computed: _, ...cell } = c;
    return cell;
  }

  /** True when the cell holds a value the recalculator put there (a spilled cell) and nothing written since. */
  isComputedValue(sheet: string, address: string): boolean {
    const { row, col } = parseCell(address);
    return this.sheet(sheet).cells.get(key(row, col))?.computed === true;
  }

  /** Sets a constant (clears any formula, keeps the number format); recalculates and notifies. */
  setCell(sheet: string, address: string, value: CellValue): void {
    const s = this.sheet(sheet);
    const { row, col } = parseCell(address);
    const old = s.cells.get(key(row, col));
    this.putCell(s.cells, row, col, { value, numberFormat: old?.numberFormat });
    this.changed({ reason: 'setCell', sheets: [s.name] });
  }

  /** Sets a formula ("=..."); its value is `null` until the recalculator computes it. */
  setFormula(sheet: string, address: string, formula: string): void {
    if (!formula.startsWith('=')) invalid(`formula: "${formula}" must start with "=".`);
    const s = this.sheet(sheet);
    const { row, col } = parseCell(address);
    const old = s.cells.get(key(row, col));
    this.putCell(s.cells, row, col, { value: null, formula, numberFormat: old?.numberFormat });
    this.changed({ reason: 'setCell', sheets: [s.name] });
  }

  /** Sets a number format on one cell (no recalculation; listeners are told). */
  setNumberFormat(sheet: string, address: string, numberFormat: string): void {
    const s = this.sheet(sheet);
    const { row, col } = parseCell(address);
    const old = s.cells.get(key(row, col));
    s.cells.set(key(row, col), { ...(old ?? { value: null }), numberFormat });
    this.emit({ reason: 'setCell', sheets: [s.name] });
  }

  /** For the recalculator: stores a formula cell's computed value without triggering another recalculation. */
  setComputedValue(sheet: string, address: string, value: CellValue): void {
    const s = this.sheet(sheet);
    const { row, col } = parseCell(address);
    const old = s.cells.get(key(row, col));
    s.cells.set(key(row, col), old?.formula ? { ...old, value } : { ...(old ?? {}), value, computed: true });
  }

  /** Every formula cell, sheet by sheet, in row-major order (for the recalculator). */
  formulaCells(): { sheet: string; address: string; formula: string }[] {
    const out: { sheet: string; address: string; formula: string }[] = [];
    for (const s of this.state.sheets.values()) {
      const keys = [...s.cells.keys()].sort((a, b) => a - b);
      for (const k of keys) {
        const f = s.cells.get(k)?.formula;
        if (f) out.push({ sheet: s.name, address: formatCell(rowOf(k), colOf(k)), formula: f });
      }
    }
    return out;
  }

  /** The smallest range from A1 holding every non-empty cell of `sheet` ("A1" for an empty sheet). */
  usedRange(sheet: string): string {
    let bottom = 0;
    let right = 0;
    for (const [k, c] of this.sheet(sheet).cells) {
      if (cellIsEmpty(c)) continue;
      bottom = Math.max(bottom, rowOf(k));
      right = Math.max(right, colOf(k));
    }
    return formatRange({ top: 0, left: 0, bottom, right });
  }

  /** Adds an empty sheet; throws when the name is invalid or taken. */
  addSheet(name: string): void {
    this.addSheetSilently(name);
    this.emit({ reason: 'addSheet', sheets: [name] });
  }

  /** Moves the selection to `sheet!address`. */
  select(sheet: string, address: string): void {
    parseRange(address, 'selection');
    this.selection = { sheet: this.sheet(sheet).name, address };
    this.emit({ reason: 'select', sheets: [] });
  }

  /** The current selection. */
  getSelection(): { sheet: string; address: string } {
    return { ...this.selection };
  }

  /** Table records (copies). */
  tables(): MemoryTable[] {
    return [...this.state.tables.values()].map((t) => ({ ...t }));
  }

  /** Defined-name records (copies). */
  names(): MemoryName[] {
    return [...this.state.names.values()].map((n) => ({ ...n }));
  }

  /** The defined name `name` (any case), or undefined: one lookup, for a formula engine reading names per cell. */
  definedName(name: string): Readonly<MemoryName> | undefined {
    return this.state.names.get(name.toLowerCase());
  }

  /** Chart records (copies). */
  charts(): MemoryChart[] {
    return this.state.charts.map((c) => ({ ...c }));
  }

  /** Defines a table over existing cells (test and playground setup); same rules as a plan's table. */
  addTable(name: string, sheet: string, address: string): void {
    this.applyNow({ tables: [{ name, sheet, address }] });
  }

  /** Custom document properties (a copy). */
  documentProperties(): Record<string, DocumentPropertyValue> {
    return Object.fromEntries(this.state.properties);
  }

  /** Whether a plan asked to open the task pane with the document (`undefined`: never set). */
  autoOpenTaskpane(): boolean | undefined {
    return this.state.autoOpenTaskpane;
  }

  /** Sets (or clears) what tells `readSheet` which cells hold errors and where results spilled. */
  setCellInspector(inspector: CellInspector | undefined): void {
    this.inspector = inspector;
  }

  /** Listens for changes; returns the function that stops listening. */
  subscribe(listener: WorkbookListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Sets (or clears) the function that recomputes formula cells after each change, and runs it once. */
  setRecalculator(fn: Recalculator | undefined): void {
    this.recalculator = fn;
    if (fn) this.changed({ reason: 'recalc', sheets: this.sheetNames() });
  }

  /** Protects (or unprotects) a sheet: `apply` then refuses any plan that writes to it, before writing anything. */
  protectSheet(sheet: string, on = true): void {
    const s = this.sheet(sheet);
    if (on) this.protectedSheets.add(s.name.toLowerCase());
    else this.protectedSheets.delete(s.name.toLowerCase());
  }

  // ---- the port ----

  listSheets(): Promise<string[]> {
    return Promise.resolve(this.sheetNames());
  }

  listTables(): Promise<TableInfo[]> {
    return Promise.resolve(
      [...this.state.tables.values()].map((t) => {
        const r = parseRange(t.address);
        const header = this.readRect(t.sheet, r).values[0];
        return {
          name: t.name,
          sheet: t.sheet,
          address: t.address,
          columns: header.map((h) => (isBlank(h) ? '' : String(h))),
          rowCount: r.bottom - r.top,
        };
      }),
    );
  }

  readSelection(): Promise<RangeData> {
    return this.readRange(this.selection.sheet, this.selection.address);
  }

  readRange(sheet: string, address: string): Promise<RangeData> {
    return this.attempt(() => this.readRect(sheet, parseRange(address)));
  }

  readTable(name: string): Promise<RangeData> {
    return this.attempt(() => {
      const t = this.state.tables.get(name.toLowerCase());
      if (!t) notFound(`Table "${name}" does not exist in this workbook.`);
      return this.readRect(t.sheet, parseRange(t.address));
    });
  }

  nonEmptyCells(sheet: string, address: string): Promise<string[]> {
    return this.attempt(() => this.nonEmptyNow(sheet, parseRange(address)));
  }

  readSheet(sheet: string): Promise<SheetData> {
    return this.attempt(() => {
      const s = this.sheet(sheet);
      const used = this.usedRange(s.name);
      const r = this.readRect(s.name, parseRange(used));
      const errors: Record<string, string> = {};
      const spills: Record<string, string> = {};
      const empty = used === 'A1' && cellIsEmpty(s.cells.get(key(0, 0)));
      for (const [k, c] of empty ? [] : s.cells) {
        const a = formatCell(rowOf(k), colOf(k));
        const code = this.inspector
          ? this.inspector.errorAt(s.name, a)
          : c.formula && typeof c.value === 'string' && ERROR_CODES.has(c.value)
            ? c.value
            : undefined;
        if (code) errors[a] = code;
        const spill = c.formula ? this.inspector?.spillAreaOf(s.name, a) : undefined;
        if (spill && spill !== a) spills[a] = spill;
      }
      return {
        name: s.name,
        values: empty ? [] : r.values,
        formulas: empty ? [] : r.formulas,
        errors,
        spills,
      };
    });
  }

  listNames(): Promise<Record<string, string>> {
    const absolute = (a: string): string =>
      a
        .split(':')
        .map((c) => c.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
        .join(':');
    return Promise.resolve(
      Object.fromEntries([...this.state.names.values()].map((n) => [n.name, qualified(n.sheet, absolute(n.address))])),
    );
  }

  apply(plan: WritePlan, approved?: readonly OverwriteApproval[]): Promise<void> {
    return this.attempt(() => {
      validatePlanShape(plan);
      // a copy carries its source's protection
      for (const sheet of new Set(planSheets(plan).map((x) => protectionSource(plan, x).toLowerCase())))
        if (this.protectedSheets.has(sheet)) {
          const name = this.state.sheets.get(sheet)?.name ?? sheet;
          invalid(
            `Sheet "${name}" is protected; unprotect it (Review > Unprotect Sheet) and write again. Nothing was written.`,
          );
        }
      checkApproved(
        (plan.blocks ?? []).map((b, i) => ({
          sheet: b.sheet,
          cells: this.nonEmptyNow(b.sheet, blockArea(b, `Block ${i + 1}`)),
        })),
        approved,
      );
      this.applyNow(plan);
    });
  }

  // ---- internals ----

  private nonEmptyNow(sheet: string, r: Rect): string[] {
    const s = this.state.sheets.get(sheet.toLowerCase());
    if (!s) return [];
    const keys = [...s.cells.keys()]
      .filter((k) => {
        const row = rowOf(k);
        const col = colOf(k);
        return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && !cellIsEmpty(s.cells.get(k));
      })
      .sort((a, b) => a - b);
    return keys.map((k) => formatCell(rowOf(k), colOf(k)));
  }

  private attempt<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** Applies a validated plan all-or-nothing: every part goes to a draft, swapped in only when all succeeded. */
  private applyNow(plan: WritePlan): void {
    validatePlanShape(plan);
    const { sheets, tables, names } = this.state;
    checkNewNames(plan, {
      sheets: new Set(sheets.keys()),
      tables: new Set(tables.keys()),
      names: new Set(names.keys()),
    });
    const draft: Draft = { state: copyState(this.state), copied: new Set() };
    addNewSheets(draft, plan);
    copySheets(draft, plan);
    const touched = this.writeBlocks(draft, plan);
    addTables(draft.state, plan);
    addNames(draft.state, plan);
    const nextChartId = addCharts(draft.state, plan, this.nextChartId);
    setProperties(draft.state, plan);
    // Every part succeeded: only now does the draft replace the state.
    this.nextChartId = nextChartId;
    this.state = draft.state;
    for (const name of addedSheets(plan)) touched.add(name);
    this.changed({ reason: 'apply', sheets: [...touched] });
  }

  /** Writes the plan's blocks into the draft, cell by cell through `writeBlockCell`; returns the sheets written. */
  private writeBlocks(draft: Draft, plan: WritePlan): Set<string> {
    const touched = new Set<string>();
    (plan.blocks ?? []).forEach((b, i) => {
      const where = `Block ${i + 1} (${b.sheet}!${b.at})`;
      const s = writableSheet(draft, b.sheet, where);
      touched.add(s.name);
      const rect = blockArea(b, where);
      b.cells.forEach((row, r) =>
        row.forEach((c, k) => {
          const old = s.cells.get(key(rect.top + r, rect.left + k));
          const numberFormat = blockFormat(b, r, k) ?? old?.numberFormat;
          const cell: MemoryCell = isFormulaCell(c)
            ? { value: null, formula: c.formula, numberFormat }
            : { value: c, numberFormat };
          this.writeBlockCell(s.cells, rect.top + r, rect.left + k, cell);
        }),
      );
    });
    return touched;
  }

  /**
   * Writes one cell of a plan's block into the copy `apply` builds (the state is swapped in only once every write
   * succeeded). A subclass may throw here, as Excel may refuse a write part way through a batch.
   */
  protected writeBlockCell(cells: SheetCells, row: number, col: number, cell: MemoryCell): void {
    this.putCell(cells, row, col, cell);
  }

  private putCell(cells: SheetCells, row: number, col: number, cell: MemoryCell): void {
    if (isBlank(cell.value) && !cell.formula && !cell.numberFormat) cells.delete(key(row, col));
    else cells.set(key(row, col), cell);
  }

  private readRect(sheet: string, r: Rect): RangeData {
    const s = this.sheet(sheet);
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    const formulas: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const v: CellValue[] = [];
      const f: string[] = [];
      const fo: string[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = s.cells.get(key(row, col));
        v.push(c?.value ?? null);
        f.push(c?.numberFormat ?? 'General');
        fo.push(c?.formula ?? '');
      }
      values.push(v);
      numberFormats.push(f);
      formulas.push(fo);
    }
    return { sheet: s.name, address: formatRange(r), values, numberFormats, formulas };
  }

  private sheet(name: string): Sheet {
    const s = this.state.sheets.get(name.toLowerCase());
    if (!s) notFound(`Sheet "${name}" does not exist in this workbook.`);
    return s;
  }

  private addSheetSilently(name: string): void {
    const p = sheetNameProblem(name);
    if (p) invalid(`Sheet name: ${p}.`);
    if (this.state.sheets.has(name.toLowerCase())) invalid(`Sheet name: "${name}" already exists.`);
    this.state.sheets.set(name.toLowerCase(), { name, cells: new Map() });
  }

  private writeGrid(sheet: string, at: string, grid: WriteCell[][]): void {
    const s = this.sheet(sheet);
    const a = parseCell(at);
    grid.forEach((row, r) =>
      row.forEach((c, k) =>
        this.putCell(
          s.cells,
          a.row + r,
          a.col + k,
          isFormulaCell(c) ? { value: null, formula: c.formula } : { value: c },
        ),
      ),
    );
  }

  private changed(change: WorkbookChange): void {
    this.recalculator?.(this, change);
    this.emit(change);
  }

  private emit(change: WorkbookChange): void {
    for (const l of [...this.listeners]) l(change);
  }
}
