/**
 * The SALESOPS.* functions for the playground's formula engine: the same implementations Excel calls, imported
 * from functions/*.ts. Excel learns each function's name from its JSDoc `@customfunction NAME` tag; here the
 * name is derived from the export (upper case, a trailing "Fn" dropped: `rampQuotaFn` → RAMPQUOTA), with
 * `ALIASES` for exports named otherwise. test/playground/registry.test.ts checks this table against the JSDoc
 * of every file in functions/files.cjs, so a new or renamed function cannot go missing silently.
 */
import * as general from '../../functions/general';
import * as comp from '../../functions/comp';
import * as quota from '../../functions/quota';
import * as territory from '../../functions/territory';
import * as forecast from '../../functions/forecast';
import * as performance from '../../functions/performance';
import type { CustomFunctionImpl } from './engine';

/** The modules, in the order of functions/files.cjs. */
export const FUNCTION_MODULES: Record<string, Record<string, unknown>> = {
  general,
  comp,
  quota,
  territory,
  forecast,
  performance,
};

/** Exports whose custom-function name is not the derived one: export name → NAME. */
export const ALIASES: Record<string, string> = { accuracyMeasures: 'ACCURACY' };

/** Exports of the function modules that are not custom functions. */
const NOT_FUNCTIONS = new Set<string>(['default']);

/** The custom-function name the playground registers for export `exportName`. */
export function functionNameOf(exportName: string): string {
  return ALIASES[exportName] ?? exportName.replace(/Fn$/, '').toUpperCase();
}

/** Every SALESOPS function: "SALESOPS.NAME" → implementation. */
export function salesOpsFunctions(): Record<string, CustomFunctionImpl> {
  const out: Record<string, CustomFunctionImpl> = {};
  for (const mod of Object.values(FUNCTION_MODULES)) {
    for (const [exportName, fn] of Object.entries(mod)) {
      if (typeof fn !== 'function' || NOT_FUNCTIONS.has(exportName)) continue;
      out[`SALESOPS.${functionNameOf(exportName)}`] = fn as CustomFunctionImpl;
    }
  }
  return out;
}
