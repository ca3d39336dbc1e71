/**
 * Every SALESOPS custom function, in the order of functions.json: the domain tables joined. Excel's registrations
 * (functions/index.ts), functions.json (scripts/functionsJsonPlugin.cjs, through `functionsJson`) and the
 * playground's registry all read this list; nothing else names the functions.
 */
import type { ExcelFunction, FunctionDeclaration } from './declaration';
import { GENERAL_FUNCTIONS } from './general';
import { COMP_FUNCTIONS } from './comp';
import { QUOTA_FUNCTIONS } from './quota';
import { TERRITORY_FUNCTIONS } from './territory';
import { FORECAST_FUNCTIONS } from './forecast';
import { CREDIT_FUNCTIONS } from './credit';
import { PERFORMANCE_FUNCTIONS } from './performance';

/** The declarations, domain by domain. */
export const SALESOPS_FUNCTIONS: readonly FunctionDeclaration[] = [
  ...GENERAL_FUNCTIONS,
  ...COMP_FUNCTIONS,
  ...QUOTA_FUNCTIONS,
  ...TERRITORY_FUNCTIONS,
  ...FORECAST_FUNCTIONS,
  ...CREDIT_FUNCTIONS,
  ...PERFORMANCE_FUNCTIONS,
];

/** The function Excel calls for each name ("PAYOUT" → its adapter), for tests, benches and the playground. */
export const EXCEL_FUNCTIONS: Readonly<Record<string, ExcelFunction>> = Object.fromEntries(
  SALESOPS_FUNCTIONS.map((d) => [d.name, d.fn]),
);
