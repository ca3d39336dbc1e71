/**
 * Planning a share: every SALESOPS cell of a workbook snapshot, how it is converted (a native formula over the
 * same references, or its values), the fingerprint of the inputs it read, the counts for the scan step and the
 * Provenance sheet's rows. Pure: the surfaces read the snapshot and write the plan.
 */
import type { Grid } from '../shared/cells';
import { calledFunctions, hasSalesopsCall } from './calls';
import { isProvenanceSheet, provenanceRows } from './provenance';
import { cellAddress, parseReference, rangeAddress, referencesIn, valuesOf } from './references';
import { fingerprintInputs } from './sha256';
import { translateFormula, translateSpill } from './translate';
import type { ConvertedCell, ConversionKind, SharePlan, ShareOptions, SheetSnapshot, WorkbookSnapshot } from './types';

/** The values a cell's formula shows: its spill block (or its one cell), errors as their code text. */
function shownValues(sheet: SheetSnapshot, row: number, col: number): { values: Grid; area: string } {
  const anchor = cellAddress(row, col);
  const spill = sheet.spills?.[anchor] ?? sheet.spills?.[anchor.toLowerCase()];
  const ref = spill ? parseReference(spill) : undefined;
  const rect = ref ?? { top: row, left: col, bottom: row, right: col };
  const values: Grid = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: Grid[number] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const code = sheet.errors?.[cellAddress(r, c)];
      line.push(code ?? sheet.values[r]?.[c] ?? null);
    }
    values.push(line);
  }
  return { values, area: rangeAddress(rect) };
}

/** The fingerprint of the inputs `formula` (on `sheet`) reads: see `canonicalInputs` and docs/sharing.md. */
export function fingerprintOf(book: WorkbookSnapshot, sheet: string, formula: string): string {
  const blocks = referencesIn(book, sheet, formula).map((ref) => ({
    sheet: ref.sheet,
    address: rangeAddress(ref),
    values: valuesOf(book, ref),
  }));
  return fingerprintInputs(blocks);
}

/** How one SALESOPS cell is converted. */
export function convertCell(
  book: WorkbookSnapshot,
  sheet: SheetSnapshot,
  row: number,
  col: number,
  valuesOnly = false,
): ConvertedCell {
  const original = sheet.formulas[row][col];
  const address = cellAddress(row, col);
  const { values, area } = shownValues(sheet, row, col);
  const cell: ConvertedCell = {
    sheet: sheet.name,
    address,
    original,
    functions: calledFunctions(original),
    kind: 'value',
    values,
    area,
    fingerprint: fingerprintOf(book, sheet.name, original),
  };
  if (valuesOnly) {
    cell.reason = 'a values-only copy was asked for';
    return cell;
  }
  if (area !== address) {
    const spill = translateSpill(original, { book, sheet: sheet.name }, values.length, values[0]?.length ?? 0);
    if ('reason' in spill) {
      cell.reason = spill.reason;
      return cell;
    }
    cell.kind = 'native';
    cell.formula = spill.cells[0][0];
    cell.formulas = spill.cells;
    return cell;
  }
  const t = translateFormula(original, { book, sheet: sheet.name });
  if ('reason' in t) {
    // a one-cell result of a function that usually spills (a one-month RAMPSCHEDULE, a single weight)
    const one = translateSpill(original, { book, sheet: sheet.name }, 1, 1);
    if ('reason' in one) {
      cell.reason = t.reason;
      return cell;
    }
    cell.kind = 'native';
    cell.formula = one.cells[0][0];
    return cell;
  }
  cell.kind = 'native';
  cell.formula = t.native;
  return cell;
}

/**
 * Plans the share of `book`: every cell of every sheet (but the Provenance sheet) whose formula calls a SALESOPS
 * function, in sheet order then row-major, converted natively where an exact native formula exists (unless
 * `options.valuesOnly`), else to its values; with the counts by function (a cell counts once for each function
 * it calls) and by kind, and the Provenance sheet's rows.
 */
export function planShare(book: WorkbookSnapshot, options: ShareOptions): SharePlan {
  const cells: ConvertedCell[] = [];
  for (const sheet of book.sheets) {
    if (isProvenanceSheet(sheet.name)) continue;
    sheet.formulas.forEach((line, r) => {
      line?.forEach((f, c) => {
        if (typeof f === 'string' && f !== '' && hasSalesopsCall(f)) {
          cells.push(convertCell(book, sheet, r, c, options.valuesOnly ?? false));
        }
      });
    });
  }
  const counts: Record<string, Record<ConversionKind, number>> = {};
  for (const cell of cells) {
    for (const fn of cell.functions) {
      counts[fn] ??= { native: 0, value: 0 };
      counts[fn][cell.kind]++;
    }
  }
  return { cells, counts, provenance: provenanceRows(cells, options.version, options.now) };
}
