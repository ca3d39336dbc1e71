/**
 * The custom document properties a share sets (Excel: File › Info › Properties › Advanced › Custom; in the file,
 * docProps/custom.xml): which add-in made the copy, when, and how many cells each way. One list for every surface
 * (the Share wizard through Office.js, `npm run share` in the file).
 */
import type { SharePlan, ShareOptions } from './types';

/** The properties' names. */
export const SHARE_PROPERTIES = {
  version: 'Sales Ops Modeler version',
  sharedAt: 'Sales Ops Modeler shared at (UTC)',
  converted: 'Sales Ops Modeler converted cells',
  native: 'Sales Ops Modeler native formulas',
  values: 'Sales Ops Modeler value cells',
} as const;

/** The properties of a share: the add-in's version, the time (ISO 8601 UTC text) and the counts of cells. */
export function shareProperties(plan: SharePlan, options: ShareOptions): Record<string, string | number> {
  const native = plan.cells.filter((c) => c.kind === 'native').length;
  const n = SHARE_PROPERTIES;
  return {
    [n.version]: options.version,
    [n.sharedAt]: options.now.toISOString(),
    [n.converted]: plan.cells.length,
    [n.native]: native,
    [n.values]: plan.cells.length - native,
  };
}
