/**
 * The Provenance sheet of a shared copy: what it holds (a title, a short explanation, the add-in's version and the
 * time of the share, then one row per converted cell) and reading it back to restore the SALESOPS formulas.
 * Formulas are written as text WITHOUT their leading `=`, so that no surface turns them into live formulas.
 */
import { type CellValue, type Grid, isBlank } from '../shared/cells';
import { invalid } from '../shared/errors';
import { parseReference } from './references';
import type { ConvertedCell, RestoreEntry } from './types';

/** The Provenance sheet's name. */
export const PROVENANCE_SHEET = 'Provenance';

/** True when `sheet` is the Provenance sheet, in any case (Excel's sheet names ignore case): never shared. */
export function isProvenanceSheet(sheet: string): boolean {
  return sheet.toLowerCase() === PROVENANCE_SHEET.toLowerCase();
}

/** The title line (A1). */
export const PROVENANCE_TITLE = 'Sales Ops Modeler: shared copy (SALESOPS formulas converted)';

/** The explanation line (A2). */
export const PROVENANCE_EXPLANATION =
  'Each row below is a cell that held a SALESOPS formula. "native" cells now hold an ordinary Excel formula that ' +
  'gives the same result and still follows its inputs; "value" cells hold the result as it was. The fingerprint ' +
  'is the SHA-256 of the input values the formula read (see docs/sharing.md). With the add-in, "Restore SALESOPS ' +
  'formulas" puts the original formulas back.';

/** The column headers of the cell rows. */
export const PROVENANCE_COLUMNS = [
  'Sheet',
  'Address',
  'Original formula',
  'Conversion',
  'Native formula',
  'Value',
  'Area',
  'Fingerprint (SHA-256)',
] as const;

/** A formula as the Provenance sheet writes it: without its leading `=`. */
function asText(formula: string | undefined): string {
  return (formula ?? '').replace(/^=/, '');
}

/** The size of an area as text: `"3 × 2"` (rows × columns), or `""` for one cell. */
function sizeOf(area: string): string {
  const r = parseReference(area);
  if (!r) return '';
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  return rows === 1 && cols === 1 ? '' : `${rows} × ${cols}`;
}

/**
 * The Provenance sheet's rows, ready to write from A1: title, explanation, version, timestamp (ISO 8601 UTC), a
 * blank row, the column headers, then one row per cell (Value: the first value of a spilled block, followed by
 * its size, e.g. `1200 (12 × 1)` as text; a single value as is).
 */
export function provenanceRows(cells: readonly ConvertedCell[], version: string, now: Date): CellValue[][] {
  const rows: CellValue[][] = [
    [PROVENANCE_TITLE],
    [PROVENANCE_EXPLANATION],
    ['Add-in version', version],
    ['Shared at (UTC)', now.toISOString()],
    [],
    [...PROVENANCE_COLUMNS],
  ];
  for (const c of cells) {
    const first = c.values[0]?.[0] ?? null;
    const size = sizeOf(c.area);
    const value: CellValue = size === '' ? first : `${String(first ?? '')} (first of ${size})`;
    rows.push([c.sheet, c.address, asText(c.original), c.kind, asText(c.formula), value, c.area, c.fingerprint]);
  }
  return rows;
}

const lc = (v: CellValue | undefined) => (typeof v === 'string' ? v.trim().toLowerCase() : '');

/**
 * The formulas to restore from a Provenance sheet's cells (as read from A1): the header row is found by its
 * column names (anywhere in the first 50 rows; columns in any order, extra columns ignored), blank rows are
 * skipped. A sheet without the header row, or a row without a sheet, address or formula, is a clear error.
 */
export function readProvenance(grid: Grid): RestoreEntry[] {
  const want = {
    sheet: lc(PROVENANCE_COLUMNS[0]),
    address: lc(PROVENANCE_COLUMNS[1]),
    formula: lc(PROVENANCE_COLUMNS[2]),
    area: lc(PROVENANCE_COLUMNS[6]),
  };
  let headerRow = -1;
  let cols: Record<keyof typeof want, number> = { sheet: -1, address: -1, formula: -1, area: -1 };
  for (let r = 0; r < Math.min(grid.length, 50) && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    const find = (name: string) => row.findIndex((v) => lc(v) === name);
    const found = { sheet: find(want.sheet), address: find(want.address), formula: find(want.formula), area: -1 };
    if (found.sheet >= 0 && found.address >= 0 && found.formula >= 0) {
      headerRow = r;
      found.area = find(want.area);
      cols = found;
    }
  }
  if (headerRow < 0) {
    invalid(
      `${PROVENANCE_SHEET}: no header row with the columns "Sheet", "Address" and "Original formula"; this is not a Provenance sheet written by a share, or its header row was changed.`,
    );
  }
  const out: RestoreEntry[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const sheet = row[cols.sheet];
    const address = row[cols.address];
    const formula = row[cols.formula];
    const line = `${PROVENANCE_SHEET}: row ${r + 1}`;
    if (typeof sheet !== 'string' || sheet.trim() === '') invalid(`${line}: the sheet name is missing.`);
    if (typeof address !== 'string' || !parseReference(address.trim())) {
      invalid(`${line}: "${String(address ?? '')}" is not a cell address like B2.`);
    }
    if (typeof formula !== 'string' || formula.trim() === '') invalid(`${line}: the original formula is missing.`);
    const areaCell = cols.area >= 0 ? row[cols.area] : undefined;
    const area =
      typeof areaCell === 'string' && parseReference(areaCell.trim()) ? areaCell.trim() : address.trim().toUpperCase();
    const f = formula.trim();
    out.push({
      sheet: sheet.trim(),
      address: address.trim().toUpperCase(),
      formula: f.startsWith('=') ? f : `=${f}`,
      area: area.toUpperCase(),
    });
  }
  return out;
}
