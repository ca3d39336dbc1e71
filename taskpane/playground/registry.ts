/**
 * The SALESOPS.* functions for the playground's formula engine: the same implementations Excel calls, under the
 * same names, read from the declarations of functions/catalog.ts (the list functions.json is written from).
 */
import { SALESOPS_FUNCTIONS } from '../../functions/catalog';
import type { CustomFunctionImpl } from './engine';

/** Every SALESOPS function: "SALESOPS.NAME" → implementation. */
export function salesOpsFunctions(): Record<string, CustomFunctionImpl> {
  const out: Record<string, CustomFunctionImpl> = {};
  for (const f of SALESOPS_FUNCTIONS) out[`SALESOPS.${f.name}`] = f.fn;
  return out;
}
