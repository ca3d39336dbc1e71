/**
 * A formula as stored in an xlsx file, rewritten for the playground's engine (taskpane/playground/engine.ts), which
 * knows the SALESOPS functions by their typed names and plain cell references only:
 * - SALESOPS calls in their typed spelling (`_xldudf_SALESOPS_PAYOUT(` → `SALESOPS.PAYOUT(`, src/share);
 * - the `_xlfn.` / `_xlfn._xlws.` prefixes Excel stores before functions newer than Excel 2007 removed;
 * - defined names and table references (`Tiers`, `Tiers[Rate]`, `Tiers[#All]`, `Tiers[[#Data],[Rate]]`) replaced
 *   by the ranges they stand for.
 * Text inside string literals and quoted sheet names is never touched.
 */
import { toTypedSpelling } from '../../src/share';
import type { TableSnapshot } from '../../src/share/types';
import { formatRange, parseRange, qualified } from '../../taskpane/workbook/address';

/** The names and tables a formula may refer to. */
export interface FormulaContext {
  names?: Record<string, string>;
  tables?: TableSnapshot[];
}

/** Strings, quoted sheet names, structured references and identifiers, in the order they occur. */
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|_xlfn\.(?:_xlws\.)?|([A-Za-z_\\][A-Za-z0-9_.\\]*)(\[(?:[^[\]]|\[[^\]]*\])*\])?/g;

/** The range a structured reference stands for, or `undefined` for a form the engine cannot be given. */
function tableRange(t: TableSnapshot, spec: string | undefined): string | undefined {
  const whole = parseRange(t.address);
  const items = spec === undefined ? [] : [...spec.slice(1, -1).matchAll(/\[([^\]]*)\]|([^,[\]]+)/g)];
  const parts = items.map((m) => (m[1] ?? m[2]).trim()).filter((p) => p !== '');
  let top = whole.top + 1;
  let bottom = whole.bottom;
  let left = whole.left;
  let right = whole.right;
  for (const p of parts) {
    const lower = p.toLowerCase();
    if (lower === '#all') top = whole.top;
    else if (lower === '#headers') bottom = top = whole.top;
    else if (lower === '#data') top = whole.top + 1;
    else if (lower.startsWith('#')) return undefined;
    else {
      const i = t.columns.findIndex((c) => c.toLowerCase() === lower.replace(/'(.)/g, '$1'));
      if (i < 0) return undefined;
      left = right = whole.left + i;
    }
  }
  if (top > bottom) return undefined;
  return qualified(t.sheet, formatRange({ top, left, bottom, right }).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2'));
}

/** `formula` (with its `=`) as the engine evaluates it. */
export function toEngineFormula(formula: string, context: FormulaContext = {}): string {
  const typed = toTypedSpelling(formula);
  const names = new Map(Object.entries(context.names ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const tables = new Map((context.tables ?? []).map((t) => [t.name.toLowerCase(), t]));
  if (names.size === 0 && tables.size === 0 && !/_xlfn\./i.test(typed)) return typed;
  return typed.replace(TOKEN, (token: string, ident: string | undefined, spec: string | undefined, offset: number) => {
    if (token.startsWith('"') || token.startsWith("'")) return token;
    if (/^_xlfn\./i.test(token)) return '';
    if (ident === undefined) return token;
    const before = typed[offset - 1] ?? '';
    const after = typed[offset + token.length] ?? '';
    // A function name, a sheet name, part of a reference or of a number: not a name.
    if (/[A-Za-z0-9_.!$:\\]/.test(before) || after === '(' || after === '!') return token;
    const table = tables.get(ident.toLowerCase());
    if (table) return tableRange(table, spec) ?? token;
    if (spec !== undefined) return token;
    return names.get(ident.toLowerCase()) ?? token;
  });
}
