/**
 * What the Share wizard writes, as workbook-port plans: the share itself (in place or as copies, with the
 * Provenance sheet, document properties and the auto-open setting), Repair (re-enter #NAME? SALESOPS formulas)
 * and Restore (put the original formulas back from the Provenance sheet). Each comes with the non-empty cells
 * the user approved by choosing the action; `writePlan` asks about every other non-empty target.
 */
import { type CellValue, ERROR_LITERALS, type Grid } from '../../src/shared/cells';
import {
  PROVENANCE_COLUMNS,
  PROVENANCE_SHEET,
  cellsToRepair,
  readProvenance,
  shareProperties,
  toTypedSpelling,
} from '../../src/share';
import type { RestoreEntry, SharePlan, SheetSnapshot, WorkbookSnapshot } from '../../src/share/types';
import { formatCell, formatRange, parseRange, type Rect } from '../workbook/address';
import type { OverwriteApproval, WriteCell, WritePlan } from '../workbook/port';
import { isProvenanceSheet } from './snapshot';

/** A plan and the cells it may overwrite without asking (the user chose to replace them). */
export interface ActionWrite {
  plan: WritePlan;
  preApproved: OverwriteApproval[];
}

/** Where a share writes: over the SALESOPS cells, or on copies of their sheets. */
export type ShareMode = 'inPlace' | 'copies';

/** A shown value as a cell to write: an error code becomes the error itself (`=#N/A`), anything else stays. */
export function valueCell(v: CellValue): WriteCell {
  return typeof v === 'string' && ERROR_LITERALS.has(v) ? { formula: `=${v}` } : v;
}

/** The cells of a rectangle, A1. */
function cellsOf(r: Rect): string[] {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(formatCell(row, col));
  return out;
}

/** Groups addresses by sheet into approvals. */
function approvals(cells: readonly { sheet: string; address: string }[]): OverwriteApproval[] {
  const by = new Map<string, OverwriteApproval>();
  for (const c of cells) {
    const k = c.sheet.toLowerCase();
    const a = by.get(k) ?? { sheet: c.sheet, cells: [] };
    a.cells.push(c.address);
    by.set(k, a);
  }
  return [...by.values()];
}

/** The Provenance block: the rows padded to cover what an existing Provenance sheet holds (so nothing stale stays). */
function provenanceBlock(rows: Grid, existing: SheetSnapshot | undefined): WriteCell[][] {
  const height = Math.max(rows.length, existing?.values.length ?? 0);
  const width = Math.max(1, ...rows.map((r) => r.length), ...(existing?.values ?? []).map((r) => r.length));
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? null));
}

/** Options of a share's write. */
export interface ShareWriteOptions {
  mode: ShareMode;
  /** As copies: each source sheet's copy name (from `copyNames`). */
  copies?: Record<string, string>;
  /** The workbook as read (for an existing Provenance sheet). */
  book: WorkbookSnapshot;
  autoOpenTaskpane: boolean;
  version: string;
  now: Date;
}

/**
 * The share's write: every converted cell (a native formula at its address — one per cell over a spilled result —
 * or its values over its whole area, errors as error literals), the Provenance sheet (new, or an existing one overwritten — which is asked about),
 * the document properties and the auto-open setting. In place, the converted areas are pre-approved.
 */
export function shareWrite(share: SharePlan, o: ShareWriteOptions): ActionWrite {
  const blocks: WritePlan['blocks'] = share.cells.map((c) => {
    const area = parseRange(c.area);
    return {
      sheet: c.sheet,
      at: formatCell(area.top, area.left),
      cells:
        c.kind === 'native' && c.formulas
          ? c.formulas.map((row) => row.map((formula) => ({ formula })))
          : c.kind === 'native' && c.formula
            ? [[{ formula: c.formula }]]
            : c.values.map((row) => row.map(valueCell)),
    };
  });
  const existing = o.book.sheets.find((s) => isProvenanceSheet(s.name));
  const provenanceSheet = existing?.name ?? PROVENANCE_SHEET;
  blocks.push({ sheet: provenanceSheet, at: 'A1', cells: provenanceBlock(share.provenance, existing) });
  const copies = o.mode === 'copies' ? Object.entries(o.copies ?? {}).map(([from, to]) => ({ from, to })) : [];
  return {
    plan: {
      newSheets: existing ? [] : [provenanceSheet],
      copySheets: copies,
      blocks,
      properties: shareProperties(share, { version: o.version, now: o.now }),
      autoOpenTaskpane: o.autoOpenTaskpane,
    },
    preApproved:
      o.mode === 'inPlace'
        ? approvals(
            share.cells.flatMap((c) => cellsOf(parseRange(c.area)).map((address) => ({ sheet: c.sheet, address }))),
          )
        : [],
  };
}

/** Repair: each SALESOPS cell showing #NAME? gets its formula again, in the typed spelling, so Excel recalculates it. */
export function repairWrite(book: WorkbookSnapshot): ActionWrite & { count: number } {
  const cells = cellsToRepair(book);
  return {
    count: cells.length,
    plan: {
      blocks: cells.map((c) => ({ sheet: c.sheet, at: c.address, cells: [[{ formula: toTypedSpelling(c.formula) }]] })),
    },
    preApproved: approvals(cells),
  };
}

/** What the share wrote for one Provenance row, as far as the row tells (for "edited since?"). */
interface Written {
  kind: string;
  native: string;
  value: CellValue;
}

const lc = (v: CellValue | undefined): string => (typeof v === 'string' ? v.trim().toLowerCase() : '');

/** What the share wrote, by "sheet!address" (lower case), read from the Provenance rows' Conversion, Native formula and Value columns. */
function writtenByCell(grid: Grid): Map<string, Written> {
  const out = new Map<string, Written>();
  const names = PROVENANCE_COLUMNS.map((c) => c.toLowerCase());
  const header = grid.findIndex((row) =>
    ['sheet', 'address', 'conversion'].every((n) => row?.some((v) => lc(v) === n)),
  );
  if (header < 0) return out;
  const col = (n: string) => grid[header].findIndex((v) => lc(v) === n);
  const [sheet, address, kind, native, value] = [names[0], names[1], names[3], names[4], names[5]].map(col);
  for (const row of grid.slice(header + 1)) {
    if (!row || typeof row[sheet] !== 'string' || typeof row[address] !== 'string') continue;
    out.set(`${lc(row[sheet])}!${lc(row[address])}`, {
      kind: lc(row[kind]),
      native: native >= 0 && typeof row[native] === 'string' ? row[native] : '',
      value: value >= 0 ? (row[value] ?? null) : null,
    });
  }
  return out;
}

/** True when the cells of `area` on `sheet` still hold what the share wrote there. */
function unchanged(sheet: SheetSnapshot | undefined, e: RestoreEntry, w: Written | undefined): boolean {
  if (!sheet || !w) return false;
  const a = parseRange(e.area);
  const formula = (r: number, c: number) => sheet.formulas[r]?.[c] ?? '';
  const shown = (r: number, c: number) => sheet.errors?.[formatCell(r, c)] ?? sheet.values[r]?.[c] ?? null;
  const same = (x: CellValue, y: CellValue) => x === y || (x !== null && y !== null && String(x) === String(y));
  const at = parseRange(e.address);
  // Restored already: the original formula is there again.
  if (formula(at.top, at.left).replace(/\s/g, '').toLowerCase() === e.formula.replace(/\s/g, '').toLowerCase())
    return true;
  if (w.kind === 'native') {
    // The anchor holds the recorded formula; over a spilled result every other cell holds a formula of its own.
    if (formula(a.top, a.left) !== `=${w.native}`) return false;
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) if (formula(r, c) === '') return false;
    return true;
  }
  // Values: no formula in the area but error literals, and the first value as the row records it.
  for (let r = a.top; r <= a.bottom; r++)
    for (let c = a.left; c <= a.right; c++) {
      const f = formula(r, c);
      if (f !== '' && f !== `=${String(shown(r, c))}`) return false;
    }
  const first = shown(a.top, a.left);
  const recorded =
    a.top === a.bottom && a.left === a.right ? w.value : String(w.value ?? '').replace(/ \(first of .*\)$/, '');
  return same(first, recorded) || (first === null && recorded === '');
}

/**
 * Restore: from the Provenance sheet's cells, each original formula goes back (typed spelling) at its address,
 * and the rest of its area (where the share wrote spilled values) is cleared so that it can spill again. The
 * cells that still hold what the share wrote are pre-approved; any other non-empty cell is asked about.
 */
export function restoreWrite(book: WorkbookSnapshot, provenance: Grid): ActionWrite & { count: number } {
  const entries = readProvenance(provenance);
  const written = writtenByCell(provenance);
  const approved: { sheet: string; address: string }[] = [];
  const blocks = entries.map((e) => {
    const anchor = parseRange(e.address);
    // A spill's area starts at its anchor; an area that does not (an edited row) is not trusted.
    const area = parseRange(e.area);
    const a = area.top === anchor.top && area.left === anchor.left ? area : anchor;
    const sheet = book.sheets.find((s) => s.name.toLowerCase() === e.sheet.toLowerCase());
    if (
      unchanged(
        sheet,
        { ...e, area: formatRange(a) },
        written.get(`${e.sheet.toLowerCase()}!${e.address.toLowerCase()}`),
      )
    )
      approved.push(...cellsOf(a).map((address) => ({ sheet: e.sheet, address })));
    const cells: WriteCell[][] = Array.from({ length: a.bottom - a.top + 1 }, (_, r) =>
      Array.from({ length: a.right - a.left + 1 }, (_, c) =>
        a.top + r === anchor.top && a.left + c === anchor.left ? { formula: toTypedSpelling(e.formula) } : null,
      ),
    );
    return { sheet: e.sheet, at: formatCell(a.top, a.left), cells };
  });
  return { count: entries.length, plan: { blocks }, preApproved: approvals(approved) };
}
