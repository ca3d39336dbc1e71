/**
 * The one write path of every wizard: validate the plan, make sure it lands only on empty cells (or that the user
 * explicitly agreed to overwrite the non-empty ones), then `port.apply(plan)` once — one batch, all or nothing.
 */
import { invalid } from '../../src/shared/errors';
import { formatRange } from './address';
import { addedSheets, blockArea, validatePlanShape } from './plan';
import type { OverwriteApproval, WorkbookPort, WritePlan } from './port';

/** Cells a plan would overwrite on one sheet. */
export interface OverwriteConflict {
  sheet: string;
  /** The block's target range, e.g. "B2:D10". */
  range: string;
  /** The non-empty cells inside it, e.g. ["B2", "C7"]. */
  cells: string[];
}

/** Asks the user whether to overwrite; resolves true only on an explicit yes. */
export type ConfirmOverwrite = (conflicts: OverwriteConflict[]) => Promise<boolean>;

export type WriteOutcome = { status: 'written' } | { status: 'cancelled'; conflicts: OverwriteConflict[] };

/** The non-empty cells every block of `plan` would overwrite on sheets that already exist. */
export async function findConflicts(port: WorkbookPort, plan: WritePlan): Promise<OverwriteConflict[]> {
  const existing = new Set((await port.listSheets()).map((s) => s.toLowerCase()));
  for (const s of addedSheets(plan))
    if (existing.has(s.toLowerCase())) invalid(`A sheet named "${s}" already exists; choose another name.`);
  for (const c of plan.copySheets ?? [])
    if (!existing.has(c.from.toLowerCase())) invalid(`Sheet "${c.from}" does not exist in this workbook.`);
  const conflicts: OverwriteConflict[] = [];
  for (const [i, b] of (plan.blocks ?? []).entries()) {
    if (!existing.has(b.sheet.toLowerCase())) continue; // a new sheet is empty
    const range = formatRange(blockArea(b, `Block ${i + 1}`));
    const cells = await port.nonEmptyCells(b.sheet, range);
    if (cells.length > 0) conflicts.push({ sheet: b.sheet, range, cells });
  }
  return conflicts;
}

/** Options of `writePlan`. */
export interface WritePlanOptions {
  /**
   * Non-empty cells the user already chose to replace by choosing the action itself (e.g. the SALESOPS cells a
   * share converts in place): they are not asked about again; every other non-empty target still is.
   */
  preApproved?: readonly OverwriteApproval[];
}

/** `conflicts` without the cells in `approved` (conflicts left with no cell are dropped). */
export function withoutApproved(
  conflicts: readonly OverwriteConflict[],
  approved: readonly OverwriteApproval[],
): OverwriteConflict[] {
  const ok = new Set(approved.flatMap((a) => a.cells.map((c) => `${a.sheet.toLowerCase()}!${c.toUpperCase()}`)));
  return conflicts
    .map((c) => ({ ...c, cells: c.cells.filter((a) => !ok.has(`${c.sheet.toLowerCase()}!${a.toUpperCase()}`)) }))
    .filter((c) => c.cells.length > 0);
}

/**
 * Writes `plan` through `port` in one `apply`. When any target cell is non-empty (and not pre-approved),
 * `confirm` is asked first and nothing is written unless it resolves true.
 */
export async function writePlan(
  port: WorkbookPort,
  plan: WritePlan,
  confirm: ConfirmOverwrite,
  options: WritePlanOptions = {},
): Promise<WriteOutcome> {
  validatePlanShape(plan);
  const all = await findConflicts(port, plan);
  const conflicts = withoutApproved(all, options.preApproved ?? []);
  if (conflicts.length > 0 && !(await confirm(conflicts))) return { status: 'cancelled', conflicts };
  // The approval goes with the write: the port re-checks the targets inside its batch and writes nothing if a
  // cell was filled in while the dialog was open.
  await port.apply(
    plan,
    all.map((c) => ({ sheet: c.sheet, cells: c.cells })),
  );
  return { status: 'written' };
}

/** `base` if no sheet has that name (case-insensitive), else `base 2`, `base 3`…, kept within 31 characters. */
export function uniqueSheetName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  const root = base.slice(0, 31);
  if (!taken.has(root.toLowerCase())) return root;
  for (let i = 2; ; i++) {
    const suffix = ` ${i}`;
    const name = root.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** `base` if no table has that name, else `base2`, `base3`… (table names allow no spaces). */
export function uniqueTableName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}
