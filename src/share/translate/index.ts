/**
 * Translating a formula's SALESOPS calls into native Excel formulas, inside-out: a call's arguments are translated
 * first, then the call by its function's translator (the table below). A formula converts natively only when
 * every call in it does.
 */
import { findCalls } from '../calls';
import type { CallArg, TranslateContext, Translator } from './common';
import { translateCommission, translatePayout } from './comp';
import { translateRoundMoney } from './general';

/** Function name (upper case) → translator. Functions not listed convert to values. */
export const TRANSLATORS: Record<string, Translator> = {
  COMMISSION: translateCommission,
  PAYOUT: translatePayout,
  ROUNDMONEY: translateRoundMoney,
};

/** The native text of `text` (a formula or a part of one), or why it has none. */
export type FormulaTranslation = { native: string } | { reason: string };

function translateText(text: string, ctx: TranslateContext): FormulaTranslation {
  const calls = findCalls(text).filter((c) => c.depth === 0);
  let out = '';
  let at = 0;
  for (const call of calls) {
    const translator = TRANSLATORS[call.name];
    if (!translator) return { reason: `SALESOPS.${call.name} has no native equivalent` };
    const args: CallArg[] = [];
    for (const a of call.args) {
      const hadCall = findCalls(a).length > 0;
      if (!hadCall) {
        args.push({ text: a, hadCall });
        continue;
      }
      const inner = translateText(a, ctx);
      if ('reason' in inner) return inner;
      args.push({ text: inner.native, hadCall });
    }
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
