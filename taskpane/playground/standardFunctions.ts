/**
 * Standard worksheet functions that fast-formula-parser 1.0.19 declares but does not implement (their bodies are
 * empty, so a formula using them would give #NAME?): MAX, MIN, MEDIAN, MATCH, SUBSTITUTE. Excel semantics: numbers in ranges
 * count, text, booleans and blanks in ranges are ignored; a scalar argument that is not a number is #VALUE!; no
 * numbers at all gives 0 (MEDIAN: #NUM!). And ROUND as Excel rounds (the parser's rounds the binary value:
 * 1.005 → 1.00 where Excel gives 1.01); the native formulas of a shared workbook rely on both.
 */
import { FormulaError, type FunctionArg } from 'fast-formula-parser';
import { roundHalfAwayFromZero } from '../../src/shared/money';
import { maxOf, minOf } from './extent';

/** A scalar argument as a number (TRUE = 1, numeric text); an error as is; anything else #VALUE!. */
function scalarNumber(a: FunctionArg | undefined, fallback?: number): number | FormulaError {
  if (!a || a.omitted) return fallback ?? FormulaError.VALUE;
  const v = Array.isArray(a.value) ? (a.value as unknown[][])[0]?.[0] : a.value;
  if (v instanceof FormulaError) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined || v === '') return 0;
  const n = typeof v === 'string' ? Number(v.trim()) : NaN;
  return Number.isFinite(n) ? n : FormulaError.VALUE;
}

/** Orders two lookup values as Excel's MATCH does: numbers < text < booleans; text case-insensitively. */
function compareLookup(a: unknown, b: unknown): number | undefined {
  const rank = (v: unknown) =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : -1;
  if (rank(a) < 0 || rank(b) < 0 || rank(a) !== rank(b)) return undefined;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

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

/** A scalar argument as text, as Excel reads it: a number as its digits, TRUE/FALSE, a blank as "". */
function scalarText(a: FunctionArg | undefined): string | FormulaError {
  if (!a || a.omitted) return '';
  const v = Array.isArray(a.value) ? (a.value as unknown[][])[0]?.[0] : a.value;
  if (v instanceof FormulaError) return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' || typeof v === 'string' ? String(v) : '';
}

/** MAX, MIN, ROUND, MATCH, MEDIAN and SUBSTITUTE for the playground's parser. */
export const STANDARD_EXTRAS: Record<string, (...args: FunctionArg[]) => unknown> = {
  MAX: (...args) => {
    const xs = numbers(args);
    return xs instanceof FormulaError ? xs : xs.length === 0 ? 0 : maxOf(xs, 0);
  },
  MIN: (...args) => {
    const xs = numbers(args);
    return xs instanceof FormulaError ? xs : xs.length === 0 ? 0 : minOf(xs, 0);
  },
  ROUND: (number, digits) => {
    const n = scalarNumber(number);
    const d = scalarNumber(digits);
    if (n instanceof FormulaError) return n;
    if (d instanceof FormulaError) return d;
    const k = Math.trunc(d);
    if (k >= 0) return roundHalfAwayFromZero(n, k);
    const unit = 10 ** -k;
    return Math.sign(n) * roundHalfAwayFromZero(Math.abs(n) / unit, 0) * unit;
  },
  /** MATCH(value, row or column, [type]): 0 exact (text case-insensitive, no wildcards), 1 (default) the last
   * value ≤ it in ascending data, -1 the last value ≥ it in descending data; 1-based; #N/A when none. */
  MATCH: (value, range, type) => {
    const t = scalarNumber(type, 1);
    if (t instanceof FormulaError) return t;
    const v = Array.isArray(value.value) ? (value.value as unknown[][])[0]?.[0] : value.value;
    if (v instanceof FormulaError) return v;
    const grid = Array.isArray(range.value) ? (range.value as unknown[][]) : [[range.value]];
    if (grid.length > 1 && grid[0].length > 1) return FormulaError.NA;
    const cells = grid.length === 1 ? grid[0] : grid.map((r) => r[0]);
    let found = -1;
    for (let i = 0; i < cells.length; i++) {
      const c = compareLookup(cells[i], v);
      if (c === undefined) continue;
      if (t === 0) {
        if (c === 0) return i + 1;
      } else if (t > 0) {
        if (c > 0) break;
        found = i;
      } else {
        if (c < 0) break;
        found = i;
      }
    }
    return found < 0 ? FormulaError.NA : found + 1;
  },
  MEDIAN: (...args) => {
    const xs = numbers(args);
    if (xs instanceof FormulaError) return xs;
    if (xs.length === 0) return FormulaError.NUM;
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  },
  /** SUBSTITUTE(text, old, new, [instance]): every occurrence of `old` (case-sensitive), or only the
   * instance-th, replaced by `new`; `old` of "" leaves the text as it is; an instance below 1 is #VALUE!. */
  SUBSTITUTE: (text, from, to, instance) => {
    const t = scalarText(text);
    const f = scalarText(from);
    const r = scalarText(to);
    if (t instanceof FormulaError) return t;
    if (f instanceof FormulaError) return f;
    if (r instanceof FormulaError) return r;
    if (instance && !instance.omitted) {
      const n = scalarNumber(instance);
      if (n instanceof FormulaError) return n;
      const k = Math.trunc(n);
      if (k < 1) return FormulaError.VALUE;
      if (f === '') return t;
      let at = -1;
      for (let i = 0; i < k; i++) {
        at = t.indexOf(f, at + (i === 0 ? 0 : f.length));
        if (at < 0) return t;
      }
      return t.slice(0, at) + r + t.slice(at + f.length);
    }
    return f === '' ? t : t.split(f).join(r);
  },
};
