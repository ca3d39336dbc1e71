/**
 * Calling the built functions (dist/functions.js) as Excel calls them: every declared parameter is passed,
 * omitted optional ones as null. Shared by the contract tests that exercise argument reading.
 */
import { loadBuiltFunctions, readMetadata } from './harness';
import { isExcelError } from '../support/customFunctionsStub';

const meta = readMetadata();
const built = loadBuiltFunctions();

/** Calls SALESOPS.<id> of the bundle; an Excel error comes back as `{ error, message }`. */
export function callBuilt(id: string, ...args: unknown[]): unknown {
  const fn = built.associations.get(id);
  if (fn === undefined) throw new Error(`no function ${id} in dist/functions.js`);
  const params = meta.functions.find((f) => f.id === id)!.parameters;
  const all = [...args];
  while (all.length < params.length) all.push(null);
  const got = fn(...all);
  if (isExcelError(got)) return { error: got.code, message: got.message ?? '' };
  return got;
}

/** The functions of the bundle, id → implementation (for the docs-examples engine). */
export function builtFunctions(): Map<string, (...args: unknown[]) => unknown> {
  return built.associations;
}

/** A column range from values. */
export const col = (...v: unknown[]): unknown[][] => v.map((x) => [x]);

/** What `callBuilt` returns for a #VALUE! whose message contains `excerpt`. */
export const valueError = (excerpt: string) => ({ error: '#VALUE!', message: expect.stringContaining(excerpt) });
