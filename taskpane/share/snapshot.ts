/**
 * Reading a workbook through the port into the sharing core's `WorkbookSnapshot`, and the snapshot a share "as
 * copies" plans on.
 */
import { hasSalesopsCall, isProvenanceSheet } from '../../src/share';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/share/types';
import type { WorkbookPort } from '../workbook/port';
import { uniqueSheetName } from '../workbook/transaction';

/** Every sheet (values, formulas, errors, spills), the defined names and the tables of the port's workbook. */
export async function readSnapshot(port: WorkbookPort): Promise<WorkbookSnapshot> {
  const [sheetNames, names, tables] = await Promise.all([port.listSheets(), port.listNames(), port.listTables()]);
  const sheets: SheetSnapshot[] = [];
  // One sheet at a time: Office.js runs batches one after another anyway, and memory stays bounded.
  for (const name of sheetNames) sheets.push(await port.readSheet(name));
  return {
    sheets,
    names,
    tables: tables.map((t) => ({ name: t.name, sheet: t.sheet, address: t.address, columns: t.columns })),
  };
}

export { isProvenanceSheet };

/** The sheets of `book` with at least one SALESOPS formula, in workbook order (the Provenance sheet excluded). */
export function sheetsWithCalls(book: WorkbookSnapshot): string[] {
  return book.sheets
    .filter(
      (s) => !isProvenanceSheet(s.name) && s.formulas.some((row) => row?.some((f) => f !== '' && hasSalesopsCall(f))),
    )
    .map((s) => s.name);
}

const COPY_SUFFIX = ' (shared)';

/** The name of each sheet's copy: "Payouts (shared)", shortened to Excel's 31 characters, unique in the workbook. */
export function copyNames(sheets: readonly string[], existing: readonly string[]): Record<string, string> {
  const taken = [...existing];
  const out: Record<string, string> = {};
  for (const s of sheets) {
    const name = uniqueSheetName(taken, `${s.slice(0, 31 - COPY_SUFFIX.length)}${COPY_SUFFIX}`);
    out[s] = name;
    taken.push(name);
  }
  return out;
}

/**
 * The snapshot a share as copies plans on: each sheet in `copies` appears a second time under its copy's name
 * (after the originals, as `worksheet.copy` adds it), and the originals' SALESOPS formulas are hidden (their
 * values stay, so references to them still read what they show), so the plan converts the copies' cells only and
 * its Provenance rows name the copies. References inside a copy that name a sheet still point at that sheet, as
 * they do in Excel after a sheet copy.
 */
export function copiesSnapshot(book: WorkbookSnapshot, copies: Record<string, string>): WorkbookSnapshot {
  const hide = (s: SheetSnapshot): SheetSnapshot => ({
    ...s,
    formulas: s.formulas.map((row) => row.map((f) => (f !== '' && hasSalesopsCall(f) ? '' : f))),
  });
  const clones = book.sheets.filter((s) => copies[s.name] !== undefined).map((s) => ({ ...s, name: copies[s.name] }));
  return { ...book, sheets: [...book.sheets.map(hide), ...clones] };
}
