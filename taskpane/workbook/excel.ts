/**
 * The Excel adapter: the workbook port over Office.js. Each method is one `Excel.run` batch with one
 * `context.sync()` per logical step (look up → snapshot → write), and writes are queued and sent together.
 *
 * Rollback. Office.js has no transactions: when the write `sync` fails, the commands queued before the failing
 * one have already run. `apply` therefore snapshots, before writing, everything the plan will change and, on
 * failure, restores it in a second batch:
 * - cells of every block on an existing sheet: formulas/constants and number formats are restored;
 * - sheets the plan added are deleted; tables it added are converted back to ranges; a table it replaced is
 *   re-created with its old name and address; named ranges it added are deleted, replaced ones re-pointed;
 *   charts it added (charts not in the snapshot of the sheet's chart names) are deleted.
 * What cannot be rolled back: other cell formatting a table style applied (fonts, fills, borders), a replaced
 * table's style, totals row and filters, the formatting of a deleted chart, Excel's undo history (writes
 * through Office.js clear it) and recalculation side effects (volatile functions have recalculated). If the
 * rollback itself fails (e.g. the workbook was closed or protected in between), the error says so.
 *
 * Requirement sets. The add-in's manifest declares no ExcelApi minimum beyond what the shared runtime implies;
 * this adapter uses ExcelApi 1.7 (worksheet copy, custom document properties, a name's formula) unconditionally
 * and ExcelApi 1.12 (`getSpillingToRangeOrNullObject`) only where `Office.context.requirements.isSetSupported`
 * says the host has it: a host without 1.12 has no dynamic arrays (Excel 2019 and older), so nothing spills there.
 */
import type { CellValue } from '../../src/shared/cells';
import { invalid, notFound } from '../../src/shared/errors';
import { type Rect, formatCell, formatRange, parseRange, tryParseRange } from './address';
import { addedSheets, blockArea, checkApproved, isFormulaCell, validatePlanShape } from './plan';
import type {
  BlockWrite,
  ChartSpec,
  DocumentPropertyValue,
  OverwriteApproval,
  RangeData,
  SheetData,
  TableInfo,
  WorkbookPort,
  WritePlan,
} from './port';

/** `Excel.run`, injectable for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the adapter needs from `Office` outside `Excel.run` (injectable for tests). */
export interface OfficeHost {
  /** `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
  supportsExcelApi(version: string): boolean;
  /** `Office.context.document.settings`. */
  settings(): Office.Settings;
}

const officeHost: OfficeHost = {
  supportsExcelApi: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  settings: () => Office.context.document.settings,
};

/** The document setting that opens the task pane with the document for users who have the add-in. */
export const AUTO_SHOW_SETTING = 'Office.AutoShowTaskpaneWithDocument';

/** Most cells `readSheet` loads in one sync (a block of whole rows; at least one row). */
export const READ_BLOCK_CELLS = 20_000;

/** Most formula cells whose spill area `readSheet` asks for in one sync. */
export const SPILL_QUERIES_PER_SYNC = 5_000;

/** Most cells `readSheet` reads from one sheet (a larger used range is refused before its values are loaded). */
export const MAX_SHEET_CELLS = 2_000_000;

/** Sets (or removes, for `undefined`/`null`) a document setting and saves the settings; rejects when saving fails. */
function saveSetting(settings: Office.Settings, name: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) settings.remove(name);
  else settings.set(name, value);
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) =>
      r.status === Office.AsyncResultStatus.Succeeded
        ? resolve()
        : reject(new Error(`saving the document settings failed (${r.error?.message ?? 'unknown error'})`)),
    ),
  );
}

const CHART_TYPES: Record<ChartSpec['type'], string> = {
  line: 'Line',
  column: 'ColumnClustered',
  columnClustered: 'ColumnClustered',
  bar: 'BarClustered',
  area: 'Area',
  xyScatter: 'XYScatterLines',
};

/** "Sheet1!A1:B2" or "'My sheet'!A1" → "A1:B2" (Excel returns qualified addresses). */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** An Excel cell value as the port's `CellValue`: "" (blank) → null. */
function fromExcel(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v) ?? null;
}

/** What to put in `range.formulas` for a cell: formula text, a number/boolean, or text forced to stay text. */
export function toExcelFormula(c: BlockWrite['cells'][number][number]): string | number | boolean {
  if (isFormulaCell(c)) return c.formula;
  if (c === null || c === '') return '';
  // An apostrophe keeps text as text ("001", "1/2", "=x" are not parsed as numbers, dates or formulas).
  if (typeof c === 'string') return `'${c}`;
  return c;
}

/** The formulas/constants grid that restores a snapshot (formulas as text, constants with text kept as text). */
/** The addresses of the non-empty cells (a value, or a formula) of a range loaded at `r`. */
function nonEmptyOf(r: Rect, values: unknown[][], formulas: unknown[][]): string[] {
  const out: string[] = [];
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      const f = formulas[i][j];
      if (fromExcel(v) !== null || (typeof f === 'string' && f.startsWith('=')))
        out.push(formatCell(r.top + i, r.left + j));
    }),
  );
  return out;
}

function restoreGrid(formulas: unknown[][], values: unknown[][]): (string | number | boolean)[][] {
  return formulas.map((row, r) =>
    row.map((f, c) => {
      if (typeof f === 'string' && f.startsWith('=')) return f;
      const v = values[r][c];
      if (typeof v === 'number' || typeof v === 'boolean') return v;
      return typeof v === 'string' && v !== '' ? `'${v}` : '';
    }),
  );
}

function toRangeData(sheet: string, range: Excel.Range): RangeData {
  return {
    sheet,
    address: localAddress(range.address),
    values: range.values.map((row) => row.map(fromExcel)),
    numberFormats: range.numberFormat.map((row) => row.map((f) => (typeof f === 'string' ? f : 'General'))),
    formulas: (range.formulas as unknown[][]).map((row) =>
      row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : '')),
    ),
  };
}

function expandFormats(b: BlockWrite, rows: number): string[][] | undefined {
  const f = b.numberFormats;
  if (!f || f.length === 0) return undefined;
  return f.length === 1 ? Array.from({ length: rows }, () => [...f[0]]) : f;
}

interface Snapshot {
  sheet: string;
  address: string;
  range: Excel.Range;
}

/** The workbook port over Office.js. */
export class ExcelWorkbook implements WorkbookPort {
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    private readonly host: OfficeHost = officeHost,
  ) {}

  listSheets(): Promise<string[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  listTables(): Promise<TableInfo[]> {
    return this.run(async (ctx) => {
      const tables = ctx.workbook.tables.load('items/name');
      await ctx.sync();
      const details = tables.items.map((t) => ({
        name: t.name,
        range: t.getRange().load('address,rowCount'),
        header: t.getHeaderRowRange().load('values'),
        sheet: t.worksheet.load('name'),
      }));
      await ctx.sync();
      return details.map((d) => ({
        name: d.name,
        sheet: d.sheet.name,
        address: localAddress(d.range.address),
        columns: (d.header.values[0] ?? []).map((h) => String(h)),
        rowCount: d.range.rowCount - 1,
      }));
    });
  }

  readSelection(): Promise<RangeData> {
    return this.run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange().load('address,values,numberFormat,formulas');
      const sheet = range.worksheet.load('name');
      await ctx.sync();
      return toRangeData(sheet.name, range);
    });
  }

  readRange(sheet: string, address: string): Promise<RangeData> {
    const a = formatRange(parseRange(address));
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet).load('name');
      const range = ws.getRange(a).load('address,values,numberFormat,formulas');
      await ctx.sync();
      if (ws.isNullObject) notFound(`Sheet "${sheet}" does not exist in this workbook.`);
      return toRangeData(ws.name, range);
    });
  }

  readTable(name: string): Promise<RangeData> {
    return this.run(async (ctx) => {
      const table = ctx.workbook.tables.getItemOrNullObject(name);
      await ctx.sync();
      if (table.isNullObject) notFound(`Table "${name}" does not exist in this workbook.`);
      const range = table.getRange().load('address,values,numberFormat,formulas');
      const sheet = table.worksheet.load('name');
      await ctx.sync();
      return toRangeData(sheet.name, range);
    });
  }

  nonEmptyCells(sheet: string, address: string): Promise<string[]> {
    const r = parseRange(address);
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      await ctx.sync();
      if (ws.isNullObject) return [];
      const range = ws.getRange(formatRange(r)).load('values,formulas');
      await ctx.sync();
      return nonEmptyOf(r, range.values as unknown[][], range.formulas as unknown[][]);
    });
  }

  readSheet(sheet: string): Promise<SheetData> {
    return this.run(async (ctx) => {
      // Step 1: the used range's address (values only: formats alone do not make a cell part of it).
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet).load('name');
      const used = ws.getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      if (ws.isNullObject) notFound(`Sheet "${sheet}" does not exist in this workbook.`);
      if (used.isNullObject) return { name: ws.name, values: [], formulas: [], errors: {}, spills: {} };
      const u = parseRange(localAddress(used.address));
      // Read from A1, as a snapshot holds the sheet.
      const area: Rect = { top: 0, left: 0, bottom: u.bottom, right: u.right };
      const cells = (area.bottom + 1) * (area.right + 1);
      if (cells > MAX_SHEET_CELLS)
        invalid(
          `Sheet "${ws.name}": its used range A1:${formatCell(u.bottom, u.right)} holds ${cells.toLocaleString('en-US')} cells, more than the ${MAX_SHEET_CELLS.toLocaleString('en-US')} a share reads; clear the unused rows and columns and save.`,
        );
      // Step 2: values, formulas and value types, in blocks of rows (one sync each): Excel on the web limits
      // the size of a response (5 MB), so a large sheet is read a block at a time.
      const values: CellValue[][] = [];
      const formulas: string[][] = [];
      const errors: Record<string, string> = {};
      const rowsPerRead = Math.max(1, Math.floor(READ_BLOCK_CELLS / (area.right + 1)));
      for (let top = 0; top <= area.bottom; top += rowsPerRead) {
        const bottom = Math.min(area.bottom, top + rowsPerRead - 1);
        const range = ws
          .getRange(formatRange({ top, left: 0, bottom, right: area.right }))
          .load('values,formulas,valueTypes');
        await ctx.sync();
        range.values.forEach((row) => values.push(row.map(fromExcel)));
        (range.formulas as unknown[][]).forEach((row) =>
          formulas.push(row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : ''))),
        );
        // valueTypes holds Excel.RangeValueType strings; the enum object exists only inside Office.
        (range.valueTypes as string[][]).forEach((row, i) =>
          row.forEach((t, j) => {
            if (t === 'Error') errors[formatCell(top + i, j)] = String(values[top + i][j] ?? '#VALUE!');
          }),
        );
      }
      // Step 3 (ExcelApi 1.12): where each formula's result spilled.
      const spills: Record<string, string> = {};
      const anchors: { address: string; spill: Excel.Range }[] = [];
      if (this.host.supportsExcelApi('1.12')) {
        const cells: string[] = [];
        formulas.forEach((row, i) => row.forEach((f, j) => (f === '' ? undefined : cells.push(formatCell(i, j)))));
        // A bounded number of range proxies a sync, as for the values above.
        for (let k = 0; k < cells.length; k += SPILL_QUERIES_PER_SYNC) {
          for (const address of cells.slice(k, k + SPILL_QUERIES_PER_SYNC))
            anchors.push({ address, spill: ws.getRange(address).getSpillingToRangeOrNullObject().load('address') });
          await ctx.sync();
        }
      }
      for (const a of anchors) {
        if (a.spill.isNullObject) continue;
        const r = parseRange(localAddress(a.spill.address));
        const text = formatRange(r);
        if (text === a.address) continue;
        spills[a.address] = text;
        // A spilled cell is not a formula of its own, whatever the host reports for it.
        for (let i = r.top; i <= r.bottom; i++)
          for (let j = r.left; j <= r.right; j++) if (i !== r.top || j !== r.left) formulas[i][j] = '';
      }
      return { name: ws.name, values, formulas, errors, spills };
    });
  }

  listNames(): Promise<Record<string, string>> {
    return this.run(async (ctx) => {
      const names = ctx.workbook.names.load('items/name,items/formula');
      await ctx.sync();
      return Object.fromEntries(
        names.items.map((n) => [
          n.name,
          String(n.formula).startsWith('=') ? String(n.formula).slice(1) : String(n.formula),
        ]),
      );
    });
  }

  apply(plan: WritePlan, approved?: readonly OverwriteApproval[]): Promise<void> {
    validatePlanShape(plan);
    return this.run(async (ctx) => {
      // Step 1: what exists (one sync), and every check that needs it — before anything is written.
      const wb = ctx.workbook;
      const sheets = wb.worksheets.load('items/name');
      const tables = wb.tables.load('items/name');
      const names = wb.names.load('items/name');
      await ctx.sync();
      const sheetNames = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
      const definedNames = new Set(names.items.map((n) => n.name.toLowerCase()));
      const newSheets = plan.newSheets ?? [];
      const copies = plan.copySheets ?? [];
      for (const s of addedSheets(plan)) {
        if (sheetNames.has(s.toLowerCase())) invalid(`New sheet: a sheet named "${s}" already exists.`);
      }
      for (const c of copies)
        if (!sheetNames.has(c.from.toLowerCase())) notFound(`Sheet "${c.from}" does not exist in this workbook.`);
      const exists = (s: string): boolean =>
        sheetNames.has(s.toLowerCase()) || addedSheets(plan).some((n) => n.toLowerCase() === s.toLowerCase());
      for (const s of [...(plan.blocks ?? []), ...(plan.tables ?? []), ...(plan.names ?? []), ...(plan.charts ?? [])])
        if (!exists(s.sheet)) notFound(`Sheet "${s.sheet}" does not exist in this workbook.`);
      for (const t of plan.tables ?? []) {
        if (tableNames.has(t.name.toLowerCase()) && !t.replace)
          invalid(`Table ${t.name}: a table with this name already exists (ask to replace it).`);
        if (definedNames.has(t.name.toLowerCase())) invalid(`Table ${t.name}: a named range already uses this name.`);
      }
      for (const n of plan.names ?? [])
        if (tableNames.has(n.name.toLowerCase())) invalid(`Named range ${n.name}: a table already uses this name.`);

      // Step 2: snapshot what the plan will change on existing sheets (one sync), for the rollback.
      const isExisting = (s: string): boolean => sheetNames.has(s.toLowerCase());
      const snapshots: Snapshot[] = (plan.blocks ?? [])
        .map((b, i) => ({ b, a: formatRange(blockArea(b, `Block ${i + 1}`)) }))
        .filter(({ b }) => isExisting(b.sheet))
        .map(({ b, a }) => ({
          sheet: b.sheet,
          address: a,
          range: wb.worksheets.getItem(b.sheet).getRange(a).load('values,formulas,numberFormat'),
        }));
      const replacedTables = (plan.tables ?? [])
        .filter((t) => tableNames.has(t.name.toLowerCase()))
        .map((t) => {
          const table = wb.tables.getItem(t.name);
          return { name: t.name, range: table.getRange().load('address'), sheet: table.worksheet.load('name') };
        });
      const replacedNames = (plan.names ?? [])
        .filter((n) => definedNames.has(n.name.toLowerCase()))
        .map((n) => ({ name: n.name, item: wb.names.getItem(n.name).load('formula') }));
      const chartSheets = [...new Set((plan.charts ?? []).map((c) => c.sheet).filter(isExisting))];
      const chartsBefore = chartSheets.map((s) => ({
        sheet: s,
        charts: wb.worksheets.getItem(s).charts.load('items/name'),
      }));
      const propertyKeys = Object.keys(plan.properties ?? {});
      const custom = propertyKeys.length > 0 ? wb.properties.custom.load('items/key,items/value') : undefined;
      const settings = plan.autoOpenTaskpane === undefined ? undefined : this.host.settings();
      const settingBefore = settings ? (settings.get(AUTO_SHOW_SETTING) as unknown) : undefined;
      await ctx.sync();
      // The overwrite check again, inside this batch: a cell filled in since the user confirmed stops the write.
      checkApproved(
        snapshots.map((s) => ({
          sheet: s.sheet,
          cells: nonEmptyOf(parseRange(s.address), s.range.values as unknown[][], s.range.formulas as unknown[][]),
        })),
        approved,
      );
      const before = {
        snapshots: snapshots.map((s) => ({
          sheet: s.sheet,
          address: s.address,
          grid: restoreGrid(s.range.formulas as unknown[][], s.range.values as unknown[][]),
          numberFormat: s.range.numberFormat as unknown[][],
        })),
        tables: replacedTables.map((t) => ({
          name: t.name,
          sheet: t.sheet.name,
          address: localAddress(t.range.address),
        })),
        names: replacedNames.map((n) => ({ name: n.name, formula: String(n.item.formula) })),
        charts: chartsBefore.map((c) => ({ sheet: c.sheet, names: new Set(c.charts.items.map((x) => x.name)) })),
        properties: propertyKeys.map((k) => {
          const old = custom?.items.find((p) => p.key.toLowerCase() === k.toLowerCase());
          return { key: k, value: old ? (old.value as DocumentPropertyValue) : undefined };
        }),
        tableNames,
        definedNames,
      };

      // Step 3: queue every write, then one sync.
      let settingTouched = false;
      try {
        for (const s of newSheets) wb.worksheets.add(s);
        const copied = new Map<string, Excel.Worksheet>();
        for (const c of copies) {
          const ws = wb.worksheets.getItem(c.from).copy('End');
          ws.name = c.to;
          copied.set(c.to.toLowerCase(), ws);
        }
        const sheetOf = (name: string): Excel.Worksheet =>
          copied.get(name.toLowerCase()) ?? wb.worksheets.getItem(name);
        for (const [i, b] of (plan.blocks ?? []).entries()) {
          const rect = blockArea(b, `Block ${i + 1}`);
          const range = sheetOf(b.sheet).getRange(formatRange(rect));
          range.formulas = b.cells.map((row) => row.map(toExcelFormula));
          const formats = expandFormats(b, b.cells.length);
          if (formats) range.numberFormat = formats;
        }
        for (const t of plan.tables ?? []) {
          if (tableNames.has(t.name.toLowerCase())) wb.tables.getItem(t.name).convertToRange();
          const table = wb.worksheets.getItem(t.sheet).tables.add(formatRange(parseRange(t.address)), true);
          table.name = t.name;
        }
        for (const n of plan.names ?? []) {
          if (definedNames.has(n.name.toLowerCase())) wb.names.getItem(n.name).delete();
          wb.names.add(n.name, wb.worksheets.getItem(n.sheet).getRange(formatRange(parseRange(n.address))));
        }
        for (const c of plan.charts ?? []) {
          const ws = wb.worksheets.getItem(c.sheet);
          const chart = ws.charts.add(
            CHART_TYPES[c.type] as Excel.ChartType,
            ws.getRange(formatRange(parseRange(c.source))),
            c.seriesBy === 'rows' ? 'Rows' : 'Columns',
          );
          chart.title.text = c.title;
          chart.setPosition(c.at);
        }
        for (const [k, v] of Object.entries(plan.properties ?? {})) wb.properties.custom.add(k, v);
        await ctx.sync();
        // The document setting is not part of the batch: saved after it, and a failure undoes the batch.
        if (settings) {
          settingTouched = true;
          await saveSetting(settings, AUTO_SHOW_SETTING, plan.autoOpenTaskpane);
        }
      } catch (e) {
        const cause = e instanceof Error ? e.message : String(e);
        try {
          await this.rollback(plan, before);
          if (settings && settingTouched) await saveSetting(settings, AUTO_SHOW_SETTING, settingBefore);
        } catch (r) {
          throw new Error(
            `Writing to the workbook failed (${cause}) and undoing the partial write also failed ` +
              `(${r instanceof Error ? r.message : String(r)}); check the sheets named in the plan.`,
          );
        }
        throw new Error(`Writing to the workbook failed (${cause}); nothing was changed.`);
      }
    });
  }

  /** Undoes a partly applied plan from its snapshot (see the module comment for what can and cannot be undone). */
  private rollback(
    plan: WritePlan,
    before: {
      snapshots: { sheet: string; address: string; grid: (string | number | boolean)[][]; numberFormat: unknown[][] }[];
      tables: { name: string; sheet: string; address: string }[];
      names: { name: string; formula: string }[];
      charts: { sheet: string; names: Set<string> }[];
      properties: { key: string; value: DocumentPropertyValue | undefined }[];
      tableNames: Set<string>;
      definedNames: Set<string>;
    },
  ): Promise<void> {
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const added = {
        // Everything not there before: a table whose rename did not run still has Excel's default name.
        tables: wb.tables.load('items/name'),
        names: wb.names.load('items/name'),
        sheets: addedSheets(plan).map((s) => wb.worksheets.getItemOrNullObject(s)),
        charts: before.charts.map((c) => ({ ...c, list: wb.worksheets.getItem(c.sheet).charts.load('items/name') })),
      };
      await ctx.sync();
      for (const t of added.tables.items) if (!before.tableNames.has(t.name.toLowerCase())) t.convertToRange();
      for (const n of added.names.items) if (!before.definedNames.has(n.name.toLowerCase())) n.delete();
      for (const c of added.charts) for (const ch of c.list.items) if (!c.names.has(ch.name)) ch.delete();
      for (const s of before.snapshots) {
        const range = wb.worksheets.getItem(s.sheet).getRange(s.address);
        range.formulas = s.grid;
        range.numberFormat = s.numberFormat;
      }
      for (const t of before.tables) {
        const table = wb.worksheets.getItem(t.sheet).tables.add(t.address, true);
        table.name = t.name;
      }
      for (const n of before.names) wb.names.add(n.name, n.formula);
      for (const p of before.properties) {
        if (p.value !== undefined) wb.properties.custom.add(p.key, p.value);
        else wb.properties.custom.getItemOrNullObject(p.key).delete();
      }
      for (const s of added.sheets) if (!s.isNullObject) s.delete();
      await ctx.sync();
    });
  }
}

/** True when `address` is an A1 range (used by callers that accept user-typed targets). */
export function isRangeAddress(address: string): boolean {
  return tryParseRange(address) !== undefined;
}
