/**
 * The Excel adapter: the workbook port over Office.js. Each method is one `Excel.run` batch with one
 * `context.sync()` per logical step (look up → snapshot → write), and writes are queued and sent together.
 *
 * Checks first. Before anything is written, the batch refuses a plan that Excel would refuse part-way: a target
 * sheet that is protected, a new table overlapping another table, a clash of names, and (with `approved`) a target
 * cell filled in after the overwrite check.
 *
 * Rollback. Office.js has no transactions: when the write `sync` fails, the commands queued before the failing
 * one have already run. `apply` therefore snapshots, before writing, everything the plan will change and, on
 * failure, undoes it step by step, each step in its own batch so that a step that fails (the write that failed
 * may keep failing: a merged area, part of a spill, a sheet protected in between) does not stop the others:
 * 1. charts the plan added are deleted; named ranges it added or replaced are deleted; tables it added are
 *    converted back to ranges, and a table it replaced whose address changed is removed (before its old version
 *    comes back: Excel refuses two tables or names of one name);
 * 2. sheets it added (new sheets and copies) are deleted;
 * 3. cells of every block on an existing sheet that differ from the snapshot are restored (formulas, constants —
 *    error values as errors, text as text — and number formats), one range per batch; ranges the failed write
 *    never changed are not written again;
 * 4. replaced tables are re-created with their old name and address, replaced names re-pointed;
 * 5. custom document properties it set get their old values back (or are deleted); then the document setting it
 *    saved (auto-open) is saved back.
 * What cannot be rolled back: other cell formatting a table style applied (fonts, fills, borders), a replaced
 * table's style, totals row and filters, the formatting of a deleted chart, Excel's undo history (writes
 * through Office.js clear it) and recalculation side effects (volatile functions have recalculated). If a
 * rollback step fails, the error names what could not be undone.
 *
 * Requirement sets. The manifest declares ExcelApi 1.7; this adapter uses ExcelApi 1.7 (worksheet copy, custom
 * document properties, a name's formula) unconditionally and ExcelApi 1.12 (`getSpillingToRangeOrNullObject`) only where `Office.context.requirements.isSetSupported`
 * says the host has it: a host without 1.12 has no dynamic arrays (Excel 2019 and older), so nothing spills there.
 */
import type { CellValue } from '../../src/shared/cells';
import { invalid, notFound } from '../../src/shared/errors';
import { type Rect, formatCell, formatRange, parseRange, rectsOverlap, tryParseRange } from './address';
import {
  addedSheets,
  blockArea,
  checkApproved,
  checkNewNames,
  isFormulaCell,
  planSheets,
  protectionSource,
  validatePlanShape,
} from './plan';
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

/**
 * The formulas/constants grid that restores a snapshot: formulas as text, an error value as the error (written as
 * "#N/A", which Excel reads as the error), other text kept as text (apostrophe), numbers and booleans as they are.
 */
export function restoreGrid(
  formulas: unknown[][],
  values: unknown[][],
  valueTypes?: unknown[][],
): (string | number | boolean)[][] {
  return formulas.map((row, r) =>
    row.map((f, c) => {
      if (typeof f === 'string' && f.startsWith('=')) return f;
      const v = values[r][c];
      if (typeof v === 'number' || typeof v === 'boolean') return v;
      if (valueTypes?.[r]?.[c] === 'Error' && typeof v === 'string') return v;
      return typeof v === 'string' && v !== '' ? `'${v}` : '';
    }),
  );
}

/** True when two grids hold the same cells (to skip restoring a range the failed write never changed). */
function sameGrid(a: unknown[][], b: unknown[][]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((x, j) => x === b[i][j]));
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

/** What `apply` saw before writing: what the rollback restores. */
interface Before {
  snapshots: { sheet: string; address: string; grid: (string | number | boolean)[][]; numberFormat: unknown[][] }[];
  tables: { name: string; sheet: string; address: string }[];
  names: { name: string; formula: string }[];
  charts: { sheet: string; names: Set<string> }[];
  /** Custom document properties the plan sets, with their values before (undefined: not there). */
  properties: { key: string; value: DocumentPropertyValue | undefined }[];
  tableNames: Set<string>;
  definedNames: Set<string>;
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
      checkNewNames(plan, { sheets: new Set(sheetNames.keys()), tables: tableNames, names: definedNames });
      for (const c of copies)
        if (!sheetNames.has(c.from.toLowerCase())) notFound(`Sheet "${c.from}" does not exist in this workbook.`);
      const exists = (s: string): boolean =>
        sheetNames.has(s.toLowerCase()) || addedSheets(plan).some((n) => n.toLowerCase() === s.toLowerCase());
      for (const s of [...(plan.blocks ?? []), ...(plan.tables ?? []), ...(plan.names ?? []), ...(plan.charts ?? [])])
        if (!exists(s.sheet)) notFound(`Sheet "${s.sheet}" does not exist in this workbook.`);

      // Step 2: snapshot what the plan will change on existing sheets (one sync), for the rollback.
      const isExisting = (s: string): boolean => sheetNames.has(s.toLowerCase());
      const snapshots: Snapshot[] = (plan.blocks ?? [])
        .map((b, i) => ({ b, a: formatRange(blockArea(b, `Block ${i + 1}`)) }))
        .filter(({ b }) => isExisting(b.sheet))
        .map(({ b, a }) => ({
          sheet: b.sheet,
          address: a,
          range: wb.worksheets.getItem(b.sheet).getRange(a).load('values,formulas,numberFormat,valueTypes'),
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
      // A copy carries its source's protection, so a block on a copy is checked on the source sheet.
      const targetSheets = [
        ...new Set(
          planSheets(plan)
            .map((x) => protectionSource(plan, x))
            .filter(isExisting)
            .map((x) => sheetNames.get(x.toLowerCase())!),
        ),
      ];
      const protections = targetSheets.map((name) => ({
        name,
        protection: wb.worksheets.getItem(name).protection.load('protected'),
      }));
      const tableAreas = (plan.tables ?? []).length
        ? tables.items.map((t) => ({
            name: t.name,
            range: t.getRange().load('address'),
            sheet: t.worksheet.load('name'),
          }))
        : [];
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
      // What Excel would refuse part-way, refused before anything is written.
      for (const p of protections)
        if (p.protection.protected)
          invalid(
            `Sheet "${p.name}" is protected; unprotect it (Review > Unprotect Sheet) and write again. Nothing was written.`,
          );
      for (const t of plan.tables ?? []) {
        const rect = parseRange(t.address);
        for (const other of tableAreas) {
          if (other.name.toLowerCase() === t.name.toLowerCase()) continue;
          if (other.sheet.name.toLowerCase() !== t.sheet.toLowerCase()) continue;
          const o = tryParseRange(localAddress(other.range.address));
          if (o && rectsOverlap(o, rect))
            invalid(
              `Table ${t.name}: ${t.address} overlaps table ${other.name} (${localAddress(other.range.address)}).`,
            );
        }
      }
      // The overwrite check again, inside this batch: a cell filled in since the user confirmed stops the write.
      checkApproved(
        snapshots.map((s) => ({
          sheet: s.sheet,
          cells: nonEmptyOf(parseRange(s.address), s.range.values as unknown[][], s.range.formulas as unknown[][]),
        })),
        approved,
      );
      const before: Before = {
        snapshots: snapshots.map((s) => ({
          sheet: s.sheet,
          address: s.address,
          grid: restoreGrid(
            s.range.formulas as unknown[][],
            s.range.values as unknown[][],
            s.range.valueTypes as unknown[][],
          ),
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
          const address = formatRange(parseRange(t.address));
          if (tableNames.has(t.name.toLowerCase())) {
            // Replaced where it stands: the table stays (its style too); the block rewrote its cells.
            const old = before.tables.find((x) => x.name.toLowerCase() === t.name.toLowerCase());
            if (old && old.sheet.toLowerCase() === t.sheet.toLowerCase() && old.address.toUpperCase() === address)
              continue;
            wb.tables.getItem(t.name).convertToRange();
          }
          const table = wb.worksheets.getItem(t.sheet).tables.add(address, true);
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
        const failed = await this.rollback(plan, before);
        if (settings && settingTouched) {
          try {
            await saveSetting(settings, AUTO_SHOW_SETTING, settingBefore);
          } catch (r) {
            failed.push(`restoring the setting ${AUTO_SHOW_SETTING} (${r instanceof Error ? r.message : String(r)})`);
          }
        }
        if (failed.length > 0) {
          throw new Error(
            `Writing to the workbook failed (${cause}) and undoing the partial write failed in part: ` +
              `${failed.join('; ')}. Check the sheets named in the plan.`,
          );
        }
        throw new Error(`Writing to the workbook failed (${cause}); nothing was changed.`);
      }
    });
  }

  /**
   * Undoes a partly applied plan from its snapshot, step by step (see the module comment): each step runs in its
   * own batch and a failed step does not stop the next. Returns what could not be undone ([] when all was).
   */
  private async rollback(plan: WritePlan, before: Before): Promise<string[]> {
    const failed: string[] = [];
    const step = async (what: string, batch: (ctx: Excel.RequestContext) => Promise<void>): Promise<void> => {
      try {
        await this.run(batch);
      } catch (e) {
        failed.push(`${what} (${e instanceof Error ? e.message : String(e)})`);
      }
    };
    const replacedTables = new Map(before.tables.map((t) => [t.name.toLowerCase(), t]));
    const replacedNames = new Map(before.names.map((n) => [n.name.toLowerCase(), n]));
    // Which replaced tables and names the write changed (and must come back), found in step 1.
    const tablesToRestore: typeof before.tables = [];
    const namesToRestore: typeof before.names = [];

    // 1. Remove what the plan added: charts, names (added or replaced), tables (added, or replaced elsewhere).
    await step('removing the charts, tables and named ranges it added', async (ctx) => {
      const wb = ctx.workbook;
      const tables = wb.tables.load('items/name');
      const names = wb.names.load('items/name,formula');
      const charts = before.charts.map((c) => ({
        ...c,
        list: wb.worksheets.getItem(c.sheet).charts.load('items/name'),
      }));
      await ctx.sync();
      const areas = tables.items.map((t) => ({
        t,
        range: t.getRange().load('address'),
        sheet: t.worksheet.load('name'),
      }));
      await ctx.sync();
      for (const c of charts) for (const ch of c.list.items) if (!c.names.has(ch.name)) ch.delete();
      for (const n of names.items) {
        const key = n.name.toLowerCase();
        const old = replacedNames.get(key);
        if (old !== undefined) {
          if (String(n.formula) !== old.formula) {
            n.delete();
            namesToRestore.push(old);
          }
        } else if (!before.definedNames.has(key)) n.delete();
      }
      const present = new Set(names.items.map((n) => n.name.toLowerCase()));
      for (const old of before.names) if (!present.has(old.name.toLowerCase())) namesToRestore.push(old);
      for (const a of areas) {
        const key = a.t.name.toLowerCase();
        const old = replacedTables.get(key);
        if (old !== undefined) {
          const same =
            a.sheet.name.toLowerCase() === old.sheet.toLowerCase() &&
            localAddress(a.range.address).toUpperCase() === old.address.toUpperCase();
          if (!same) {
            a.t.convertToRange();
            tablesToRestore.push(old);
          }
        } else if (!before.tableNames.has(key)) a.t.convertToRange();
      }
      const tablesNow = new Set(tables.items.map((t) => t.name.toLowerCase()));
      for (const old of before.tables) if (!tablesNow.has(old.name.toLowerCase())) tablesToRestore.push(old);
      await ctx.sync();
    });

    // 2. Delete the sheets it added (new sheets and copies).
    await step('deleting the sheets it added', async (ctx) => {
      const sheets = addedSheets(plan).map((s) => ctx.workbook.worksheets.getItemOrNullObject(s));
      await ctx.sync();
      for (const s of sheets) if (!s.isNullObject) s.delete();
      await ctx.sync();
    });

    // 3. Restore the cells that differ from the snapshot, one range per batch.
    for (const snap of before.snapshots) {
      await step(`restoring ${snap.sheet}!${snap.address}`, async (ctx) => {
        const range = ctx.workbook.worksheets
          .getItem(snap.sheet)
          .getRange(snap.address)
          .load('values,formulas,numberFormat,valueTypes');
        await ctx.sync();
        const now = restoreGrid(range.formulas as unknown[][], range.values as unknown[][], range.valueTypes);
        const cellsChanged = !sameGrid(now, snap.grid);
        const formatsChanged = !sameGrid(range.numberFormat as unknown[][], snap.numberFormat);
        if (!cellsChanged && !formatsChanged) return;
        if (cellsChanged) range.formulas = snap.grid;
        if (formatsChanged) range.numberFormat = snap.numberFormat as string[][];
        await ctx.sync();
      });
    }

    // 4. Bring back the tables and names it replaced (their new versions are gone since step 1).
    for (const t of tablesToRestore) {
      await step(`re-creating table ${t.name} at ${t.sheet}!${t.address}`, async (ctx) => {
        const table = ctx.workbook.worksheets.getItem(t.sheet).tables.add(t.address, true);
        table.name = t.name;
        await ctx.sync();
      });
    }
    for (const n of namesToRestore) {
      await step(`re-pointing named range ${n.name}`, async (ctx) => {
        ctx.workbook.names.add(n.name, n.formula);
        await ctx.sync();
      });
    }

    // 5. Put back the custom document properties it set (delete the ones it added).
    if (before.properties.length > 0) {
      await step('restoring the custom document properties', async (ctx) => {
        const custom = ctx.workbook.properties.custom;
        for (const p of before.properties) {
          if (p.value !== undefined) custom.add(p.key, p.value);
          else custom.getItemOrNullObject(p.key).delete();
        }
        await ctx.sync();
      });
    }
    return failed;
  }
}

/** True when `address` is an A1 range (used by callers that accept user-typed targets). */
export function isRangeAddress(address: string): boolean {
  return tryParseRange(address) !== undefined;
}
