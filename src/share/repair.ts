/**
 * Repair: cells whose SALESOPS formula shows #NAME? because it was entered or recalculated while the add-in was
 * not loaded (Excel does not recalculate them once it is: office-js issue #6395). Re-entering the formula fixes them.
 */
import { hasSalesopsCall } from './calls';
import { cellAddress } from './references';
import type { WorkbookSnapshot } from './types';

/** A cell to re-enter. */
export interface RepairCell {
  sheet: string;
  address: string;
  /** The formula to re-enter, with its leading `=`, as read. */
  formula: string;
}

/** The cells of `book` whose formula calls a SALESOPS function and whose value is the #NAME? error. */
export function cellsToRepair(book: WorkbookSnapshot): RepairCell[] {
  const out: RepairCell[] = [];
  for (const sheet of book.sheets) {
    sheet.formulas.forEach((line, r) => {
      line?.forEach((f, c) => {
        if (typeof f !== 'string' || f === '') return;
        const address = cellAddress(r, c);
        const shown = sheet.errors?.[address] ?? sheet.values[r]?.[c];
        if (typeof shown === 'string' && shown.toUpperCase() === '#NAME?' && hasSalesopsCall(f)) {
          out.push({ sheet: sheet.name, address, formula: f });
        }
      });
    });
  }
  return out;
}
