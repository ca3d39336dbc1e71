/**
 * Shares a workbook read with exceljs: computes every formula with the add-in's function code (compute.ts), plans
 * the conversion with the sharing core (src/share) and writes the plan into the same workbook (writePlan.ts). The
 * same code serves `npm run share` and `npm run sample`.
 */
import ExcelJS from 'exceljs';
import { planShare } from '../../src/share';
import type { ShareOptions, SharePlan } from '../../src/share/types';
import { VERSION } from '../../src/version';
import { computeSnapshot } from './compute';
import { shareProperties } from '../../src/share/properties';
import { addCustomProperties } from './customProperties';
import { readSnapshot } from './readSnapshot';
import { provenanceSheetOf, writePlan } from './writePlan';

/** What a share did. */
export interface ShareOutcome {
  plan: SharePlan;
  /** Formula cells without a SALESOPS call that the engine could not compute, which kept their cached value. */
  keptCached: string[];
}

/** Default options: this add-in version, now. */
export function defaultShareOptions(): ShareOptions {
  return { version: VERSION, now: new Date() };
}

/** Turns `book` into its shared copy in place; throws (changing nothing) when it already has a Provenance sheet. */
export function shareWorkbook(book: ExcelJS.Workbook, options: ShareOptions = defaultShareOptions()): ShareOutcome {
  const existing = provenanceSheetOf(book);
  if (existing) {
    throw new Error(
      `it already has a sheet named "${existing.name}" (is it a shared copy already?); rename or delete that sheet first`,
    );
  }
  const { snapshot, storedSpills } = readSnapshot(book);
  const computed = computeSnapshot(snapshot);
  const plan = planShare(computed.snapshot, options);
  writePlan(book, plan, storedSpills);
  return { plan, keptCached: computed.keptCached };
}

/** Shares the xlsx file held in `input` and returns the shared copy's bytes with what was done. */
export async function shareXlsx(
  input: Buffer,
  options: ShareOptions = defaultShareOptions(),
): Promise<ShareOutcome & { output: Buffer }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(input as unknown as ExcelJS.Buffer);
  const outcome = shareWorkbook(book, options);
  const written = Buffer.from(await book.xlsx.writeBuffer());
  const output = await addCustomProperties(written, shareProperties(outcome.plan, options), input);
  return { ...outcome, output };
}
