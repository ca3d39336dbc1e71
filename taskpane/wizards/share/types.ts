import type { ConversionKind, SharePlan, WorkbookSnapshot } from '../../../src/share/types';
import type { ShareMode } from '../../share/writes';

/** The Share wizard's options. */
export interface ShareForm {
  mode: ShareMode;
  /** Open the task pane with the document for colleagues who have the add-in. */
  autoOpen: boolean;
  /** Values for every cell, no native formulas. */
  valuesOnly: boolean;
}

/** What the scan found. */
export interface ShareScan {
  book: WorkbookSnapshot;
  /** SALESOPS cells and how each would be converted with the default options. */
  total: number;
  counts: SharePlan['counts'];
  /** Sheets holding SALESOPS cells, in workbook order. */
  sheets: string[];
  /** SALESOPS cells showing #NAME? ("Sheet!B2"), which Repair re-enters. */
  nameErrors: string[];
  /** Formulas the Provenance sheet can restore (0 when there is none; `undefined` when it cannot be read). */
  restorable: number | undefined;
  /** Why the Provenance sheet cannot be read, when it cannot. */
  provenanceProblem?: string;
}

/** The preview: the plan to write and, as copies, the copies' names. */
export interface SharePreview {
  plan: SharePlan;
  copies: Record<string, string>;
  byKind: Record<ConversionKind, number>;
  /** When the plan was made (the Provenance sheet's and the document properties' time). */
  now: Date;
}
