/** Sharing a workbook with colleagues who do not have the add-in (see docs/sharing.md). */
export * from './types';
