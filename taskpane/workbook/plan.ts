/**
 * Validation of a `WritePlan` that needs no workbook: names, addresses, block shapes and cell values. Both
 * adapters and the write transaction call it before touching anything, so a bad plan fails before any write.
 */
import type { CellValue } from '../../src/shared/cells';
import { invalid } from '../../src/shared/errors';
import {
  blockRect,
  definedNameProblem,
  parseCell,
  parseRange,
  rectInGrid,
  sheetNameProblem,
  type Rect,
} from './address';
import type { BlockWrite, OverwriteApproval, WriteCell, WritePlan } from './port';

/** True when `c` is a formula cell to write. */
export function isFormulaCell(c: WriteCell): c is { formula: string } {
  return typeof c === 'object' && c !== null;
}

/** The rectangle a block covers on its sheet; throws when the block is empty, ragged or leaves the grid. */
export function blockArea(b: BlockWrite, where: string): Rect {
  const at = parseCell(b.at, `${where} at`);
  const rows = b.cells.length;
  const cols = rows > 0 ? b.cells[0].length : 0;
  if (rows === 0 || cols === 0) invalid(`${where}: the block to write at ${b.at} is empty.`);
  b.cells.forEach((row, i) => {
    if (row.length !== cols)
      invalid(`${where}: row ${i + 1} of the block has ${row.length} cells, the first row has ${cols}.`);
  });
  const rect = blockRect(at, rows, cols);
  if (!rectInGrid(rect)) invalid(`${where}: a ${rows}×${cols} block at ${b.at} does not fit on the sheet.`);
  return rect;
}

/** The number format for cell (r, c) of a block, if the block sets one (a single row applies to every row). */
export function blockFormat(b: BlockWrite, r: number, c: number): string | undefined {
  const f = b.numberFormats;
  if (!f || f.length === 0) return undefined;
  return (f.length === 1 ? f[0] : f[r])[c];
}

function checkCell(c: WriteCell, where: string): void {
  if (isFormulaCell(c)) {
    if (typeof c.formula !== 'string' || !c.formula.startsWith('=') || c.formula.length < 2)
      invalid(`${where}: a formula must be text starting with "=".`);
    return;
  }
  const v: CellValue = c;
  if (typeof v === 'number' && !Number.isFinite(v)) invalid(`${where}: a number to write must be finite.`);
  if (v !== null && !['number', 'string', 'boolean'].includes(typeof v))
    invalid(`${where}: a cell must be a number, text, TRUE/FALSE or blank.`);
}

/** Checks everything about `plan` that does not depend on the workbook; throws a `ModelInputError` naming the part. */
export function validatePlanShape(plan: WritePlan): void {
  const newSheets = new Set<string>();
  for (const s of plan.newSheets ?? []) {
    const p = sheetNameProblem(s);
    if (p) invalid(`New sheet: ${p}.`);
    if (newSheets.has(s.toLowerCase())) invalid(`New sheet: "${s}" is listed twice.`);
    newSheets.add(s.toLowerCase());
  }
  for (const c of plan.copySheets ?? []) {
    const p = sheetNameProblem(c.to);
    if (p) invalid(`Copy of sheet "${c.from}": ${p}.`);
    if (c.from.trim() === '') invalid(`Copy to "${c.to}": name the sheet to copy.`);
    if (newSheets.has(c.to.toLowerCase())) invalid(`New sheet: "${c.to}" is listed twice.`);
    newSheets.add(c.to.toLowerCase());
  }
  (plan.blocks ?? []).forEach((b, i) => {
    const where = `Block ${i + 1} (${b.sheet}!${b.at})`;
    blockArea(b, where);
    b.cells.forEach((row, r) => row.forEach((c, k) => checkCell(c, `${where}, row ${r + 1} cell ${k + 1}`)));
    const f = b.numberFormats;
    if (f && f.length > 0) {
      if (f.length !== 1 && f.length !== b.cells.length)
        invalid(`${where}: numberFormats must have one row or as many rows as the block (${b.cells.length}).`);
      f.forEach((row) => {
        if (row.length !== b.cells[0].length)
          invalid(`${where}: each numberFormats row must have ${b.cells[0].length} entries.`);
      });
    }
  });
  const names = new Set<string>();
  for (const t of plan.tables ?? []) {
    const p = definedNameProblem(t.name);
    if (p) invalid(`Table name: ${p}.`);
    const r = parseRange(t.address, `Table ${t.name} address`);
    if (r.bottom === r.top) invalid(`Table ${t.name}: needs a header row and at least one data row.`);
    if (names.has(t.name.toLowerCase())) invalid(`Table ${t.name}: the name is used twice in this write.`);
    names.add(t.name.toLowerCase());
  }
  for (const n of plan.names ?? []) {
    const p = definedNameProblem(n.name);
    if (p) invalid(`Named range: ${p}.`);
    parseRange(n.address, `Named range ${n.name} address`);
    if (names.has(n.name.toLowerCase())) invalid(`Named range ${n.name}: the name is used twice in this write.`);
    names.add(n.name.toLowerCase());
  }
  for (const c of plan.charts ?? []) {
    parseRange(c.source, `Chart "${c.title}" source`);
    parseCell(c.at, `Chart "${c.title}" position`);
  }
  for (const [k, v] of Object.entries(plan.properties ?? {})) {
    // Excel's limits for custom properties: a name of 1 to 255 characters, a text value of at most 255.
    if (k.trim() === '' || k.length > 255) invalid(`Document property "${k}": a name has 1 to 255 characters.`);
    if (typeof v === 'string' && v.length > 255)
      invalid(`Document property "${k}": a text value has at most 255 characters.`);
    if (typeof v === 'number' && !Number.isFinite(v)) invalid(`Document property "${k}": a number must be finite.`);
    if (!['string', 'number', 'boolean'].includes(typeof v))
      invalid(`Document property "${k}": a value is text, a number or TRUE/FALSE.`);
  }
}

/** The names a workbook already uses, lower case: its sheets, its tables and its named ranges. */
export interface ExistingNames {
  sheets: ReadonlySet<string>;
  tables: ReadonlySet<string>;
  names: ReadonlySet<string>;
}

/**
 * The checks every adapter makes before writing: a sheet the plan adds must not exist; a table it adds must not
 * exist (unless it replaces it) nor be a named range's name; a named range it adds must not be a table's name.
 * (Clashes within the plan are `validatePlanShape`'s.)
 */
export function checkNewNames(plan: WritePlan, existing: ExistingNames): void {
  for (const s of addedSheets(plan))
    if (existing.sheets.has(s.toLowerCase())) invalid(`New sheet: a sheet named "${s}" already exists.`);
  for (const t of plan.tables ?? []) {
    if (existing.tables.has(t.name.toLowerCase()) && !t.replace)
      invalid(`Table ${t.name}: a table with this name already exists (ask to replace it).`);
    if (existing.names.has(t.name.toLowerCase())) invalid(`Table ${t.name}: a named range already uses this name.`);
  }
  for (const n of plan.names ?? [])
    if (existing.tables.has(n.name.toLowerCase())) invalid(`Named range ${n.name}: a table already uses this name.`);
}

/** The sheets a plan adds: its new sheets and the copies it makes, as given. */
export function addedSheets(plan: WritePlan): string[] {
  return [...(plan.newSheets ?? []), ...(plan.copySheets ?? []).map((c) => c.to)];
}

/** Every sheet the plan writes to or references (blocks, tables, names, charts), as given. */
export function planSheets(plan: WritePlan): string[] {
  return [
    ...(plan.blocks ?? []).map((b) => b.sheet),
    ...(plan.tables ?? []).map((t) => t.sheet),
    ...(plan.names ?? []).map((n) => n.sheet),
    ...(plan.charts ?? []).map((c) => c.sheet),
  ];
}

/**
 * Refuses a write whose target cells hold something the user did not agree to overwrite: `nonEmpty` lists, per
 * sheet, the non-empty target cells found inside the write's own batch; every one must be in `approved`.
 */
export function checkApproved(
  nonEmpty: readonly OverwriteApproval[],
  approved: readonly OverwriteApproval[] | undefined,
): void {
  if (approved === undefined) return;
  const ok = new Set(approved.flatMap((a) => a.cells.map((c) => `${a.sheet.toLowerCase()}!${c.toUpperCase()}`)));
  const changed = nonEmpty.flatMap((n) =>
    n.cells.filter((c) => !ok.has(`${n.sheet.toLowerCase()}!${c.toUpperCase()}`)).map((c) => `${n.sheet}!${c}`),
  );
  if (changed.length > 0) {
    const list =
      changed.length > 5 ? `${changed.slice(0, 5).join(', ')} and ${changed.length - 5} more` : changed.join(', ');
    invalid(
      `${list} ${changed.length === 1 ? 'was' : 'were'} filled in after the overwrite check; nothing was written. Write again to review the cells it would overwrite.`,
    );
  }
}

/** The sheet whose protection applies to a plan's target `sheet`: a copy's source (Excel copies a sheet's
 * protection with it), else the sheet itself. */
export function protectionSource(plan: WritePlan, sheet: string): string {
  return (plan.copySheets ?? []).find((c) => c.to.toLowerCase() === sheet.toLowerCase())?.from ?? sheet;
}
