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
 * 2. sheets it added are deleted;
 * 3. cells of every block on an existing sheet that differ from the snapshot are restored (formulas, constants —
 *    error values as errors, text as text — and number formats), one range per batch; ranges the failed write
 *    never changed are not written again;
 * 4. replaced tables are re-created with their old name and address, replaced names re-pointed.
 * What cannot be rolled back: other cell formatting a table style applied (fonts, fills, borders), a replaced
 * table's style, totals row and filters, the formatting of a deleted chart, Excel's undo history (writes
 * through Office.js clear it) and recalculation side effects (volatile functions have recalculated). If a
 * rollback step fails, the error names what could not be undone.
 */
import type { CellValue } from '../../src/shared/cells';
import { invalid, notFound } from '../../src/shared/errors';
import { type Rect, formatCell, formatRange, parseRange, rectsOverlap, tryParseRange } from './address';
import { blockArea, checkApproved, isFormulaCell, planSheets, validatePlanShape } from './plan';
import type { BlockWrite, ChartSpec, OverwriteApproval, RangeData, TableInfo, WorkbookPort, WritePlan } from './port';

/** `Excel.run`, injectable for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

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
  tableNames: Set<string>;
  definedNames: Set<string>;
}

/** The workbook port over Office.js. */
export class ExcelWorkbook implements WorkbookPort {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

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
      for (const s of newSheets) {
        if (sheetNames.has(s.toLowerCase())) invalid(`New sheet: a sheet named "${s}" already exists.`);
      }
      const exists = (s: string): boolean =>
        sheetNames.has(s.toLowerCase()) || newSheets.some((n) => n.toLowerCase() === s.toLowerCase());
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
      const targetSheets = [
        ...new Set(
          planSheets(plan)
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
        tableNames,
        definedNames,
      };

      // Step 3: queue every write, then one sync.
      try {
        for (const s of newSheets) wb.worksheets.add(s);
        for (const [i, b] of (plan.blocks ?? []).entries()) {
          const rect = blockArea(b, `Block ${i + 1}`);
          const range = wb.worksheets.getItem(b.sheet).getRange(formatRange(rect));
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
        await ctx.sync();
      } catch (e) {
        const cause = e instanceof Error ? e.message : String(e);
        const failed = await this.rollback(plan, before);
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

    // 2. Delete the sheets it added.
    await step('deleting the sheets it added', async (ctx) => {
      const sheets = (plan.newSheets ?? []).map((s) => ctx.workbook.worksheets.getItemOrNullObject(s));
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
    return failed;
  }
}

/** True when `address` is an A1 range (used by callers that accept user-typed targets). */
export function isRangeAddress(address: string): boolean {
  return tryParseRange(address) !== undefined;
}
