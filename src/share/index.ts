/** Sharing a workbook with colleagues who do not have the add-in (see docs/sharing.md). */
export * from './types';
export { findCalls, hasSalesopsCall, calledFunctions, toStoredSpelling, toTypedSpelling } from './calls';
export {
  type Reference,
  type ResolvedReference,
  parseReference,
  formatReference,
  quoteSheet,
  cellAddress,
  rangeAddress,
  columnIndex,
  findSheet,
  resolveReference,
  valuesOf,
  referencesIn,
} from './references';
export { sha256Hex, utf8Bytes, canonicalInputs, fingerprintInputs, type InputBlock } from './sha256';
export { planShare, convertCell, fingerprintOf } from './plan';
export {
  PROVENANCE_SHEET,
  isProvenanceSheet,
  PROVENANCE_TITLE,
  PROVENANCE_EXPLANATION,
  PROVENANCE_COLUMNS,
  provenanceRows,
  readProvenance,
} from './provenance';
export { cellsToRepair, type RepairCell } from './repair';
export { translateFormula, translateSpill, TRANSLATORS, SPILL_TRANSLATORS, type FormulaTranslation } from './translate';
export * from './properties';
