/**
 * Translating a formula's SALESOPS calls into native Excel formulas, inside-out: a call's arguments are translated
 * first, then the call by its function's translator (the table below). A formula converts natively only when
 * every call in it does.
 */
import { findCalls } from '../calls';
import type { CallArg, TranslateContext, Translator } from './common';
import { translateCommission, translatePayout, translatePlanPayout } from './comp';
import { translateRoundMoney } from './general';
import { translateRampQuota, translateRampSchedule } from './quota';
import { translatePipeline } from './forecast';
import { type SpillTranslator, translateSeasonalQuota } from './seasonal';

/** Function name (upper case) → translator. Functions not listed convert to values. */
export const TRANSLATORS: Record<string, Translator> = {
  COMMISSION: translateCommission,
  PAYOUT: translatePayout,
  PLANPAYOUT: translatePlanPayout,
  ROUNDMONEY: translateRoundMoney,
  RAMPQUOTA: translateRampQuota,
  PIPELINE: translatePipeline,
};

/** Function name → translator of its spilled result (one native formula per cell). */
export const SPILL_TRANSLATORS: Record<string, SpillTranslator> = {
  SEASONALQUOTA: translateSeasonalQuota,
  RAMPSCHEDULE: translateRampSchedule,
};

/** The native text of `text` (a formula or a part of one), or why it has none. */
export type FormulaTranslation = { native: string } | { reason: string };

/** A call's arguments with their own SALESOPS calls translated, or why one has no translation. */
function translateArgs(texts: readonly string[], ctx: TranslateContext): CallArg[] | { reason: string } {
  const args: CallArg[] = [];
  for (const a of texts) {
    const hadCall = findCalls(a).length > 0;
    if (!hadCall) {
      args.push({ text: a, hadCall });
      continue;
    }
    const inner = translateText(a, ctx);
    if ('reason' in inner) return inner;
    args.push({ text: inner.native, hadCall });
  }
  return args;
}

function translateText(text: string, ctx: TranslateContext): FormulaTranslation {
  const calls = findCalls(text).filter((c) => c.depth === 0);
  let out = '';
  let at = 0;
  for (const call of calls) {
    const translator = TRANSLATORS[call.name];
    if (!translator) return { reason: `SALESOPS.${call.name} has no native equivalent` };
    const args = translateArgs(call.args, ctx);
    if (!Array.isArray(args)) return args;
    const t = translator(args, ctx);
    if ('reason' in t) return { reason: `SALESOPS.${call.name}: ${t.reason}` };
    out += text.slice(at, call.start) + t.native;
    at = call.end;
  }
  return { native: out + text.slice(at) };
}

/** The native formula (with its leading `=`) for a SALESOPS formula on `ctx.sheet`, or why there is none. */
export function translateFormula(formula: string, ctx: TranslateContext): FormulaTranslation {
  const body = formula.replace(/^=/, '');
  const t = translateText(body, ctx);
  if ('reason' in t) return t;
  const native = `=${t.native}`;
  if (native.length > 8000) return { reason: 'the native formula would be longer than 8,000 characters' };
  return { native };
}

/**
 * Native formulas for a formula whose result spills over `rows` × `cols` cells: one per cell, row-major (each with
 * its leading `=`), or why there are none. Only a formula that is one SALESOPS call whose function has a spill
 * translator (SEASONALQUOTA) converts.
 */
export function translateSpill(
  formula: string,
  ctx: TranslateContext,
  rows: number,
  cols: number,
): { cells: string[][] } | { reason: string } {
  const body = formula.replace(/^=/, '');
  const call = findCalls(body).find((c) => c.depth === 0);
  if (!call || body.slice(0, call.start).trim() !== '' || body.slice(call.end).trim() !== '') {
    return { reason: `the result spills over ${rows} × ${cols} cells; each cell gets its value` };
  }
  const translator = SPILL_TRANSLATORS[call.name];
  if (!translator) return { reason: `SALESOPS.${call.name} spills and has no native equivalent` };
  const args = translateArgs(call.args, ctx);
  if (!Array.isArray(args)) return args;
  const t = translator(args, ctx, rows, cols);
  return 'reason' in t ? { reason: `SALESOPS.${call.name}: ${t.reason}` } : t;
}
