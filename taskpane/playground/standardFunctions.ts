/**
 * Standard worksheet functions that fast-formula-parser 1.0.19 declares but does not implement (their bodies are
 * empty, so a formula using them would give #NAME?): MAX, MIN, MEDIAN. Excel semantics: numbers in ranges count,
 * text, booleans and blanks in ranges are ignored; a scalar argument that is not a number is #VALUE!; no numbers
 * at all gives 0 (MEDIAN: #NUM!).
 */
import { FormulaError, type FunctionArg } from 'fast-formula-parser';

function numbers(args: FunctionArg[]): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (a.omitted) continue;
    if (Array.isArray(a.value)) {
      for (const row of a.value as unknown[][]) {
        for (const c of row) {
          if (c instanceof FormulaError) return c;
          if (typeof c === 'number' && Number.isFinite(c)) out.push(c);
        }
      }
      continue;
    }
    const v = a.value;
    if (v instanceof FormulaError) return v;
    if (typeof v === 'number') out.push(v);
    else if (typeof v === 'boolean' && !a.isCellRef) out.push(v ? 1 : 0);
    else if (typeof v === 'string' && !a.isCellRef) {
      const n = Number(v.trim());
      if (v.trim() === '' || !Number.isFinite(n)) return FormulaError.VALUE;
      out.push(n);
    }
  }
  return out;
}

/** MAX, MIN and MEDIAN for the playground's parser. */
export const STANDARD_EXTRAS: Record<string, (...args: FunctionArg[]) => unknown> = {
  MAX: (...args) => {
    const xs = numbers(args);
    return xs instanceof FormulaError ? xs : xs.length === 0 ? 0 : Math.max(...xs);
  },
  MIN: (...args) => {
    const xs = numbers(args);
    return xs instanceof FormulaError ? xs : xs.length === 0 ? 0 : Math.min(...xs);
  },
  MEDIAN: (...args) => {
    const xs = numbers(args);
    if (xs instanceof FormulaError) return xs;
    if (xs.length === 0) return FormulaError.NUM;
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  },
};
