/**
 * Finding SALESOPS calls in a formula's text, in either spelling: as a user types them (`SALESOPS.PAYOUT(`) and
 * as Excel stores a JavaScript custom function in the file (`_xldudf_SALESOPS_PAYOUT(`). Names are matched
 * case-insensitively; text inside string literals ("…", with "" for a quote) and quoted sheet names
 * ('It''s sheet'!A1) is never read as a call; arguments are split at the call's own top-level commas.
 */
import type { CallSpelling, FoundCall } from './types';

/** The namespace as typed and the prefix Excel stores (upper case, for case-insensitive matching). */
const TYPED = 'SALESOPS.';
const STORED = '_XLDUDF_SALESOPS_';

/** True for a character that may continue a name (so `MYSALESOPS.X(` is not a call). */
function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_.\\]/.test(c);
}

/**
 * A mask of `formula`: for each offset, true when the character is inside a string literal or a quoted sheet
 * name (quotes included). Unterminated quotes run to the end of the text.
 */
function quotedMask(formula: string): boolean[] {
  const mask = new Array<boolean>(formula.length).fill(false);
  let i = 0;
  while (i < formula.length) {
    const q = formula[i];
    if (q === '"' || q === "'") {
      const start = i;
      i++;
      while (i < formula.length) {
        if (formula[i] === q) {
          if (formula[i + 1] === q) i += 2;
          else break;
        } else i++;
      }
      const end = Math.min(i, formula.length - 1);
      for (let k = start; k <= end; k++) mask[k] = true;
      i = end + 1;
    } else i++;
  }
  return mask;
}

interface CallHead {
  start: number;
  /** Offset of the opening parenthesis. */
  open: number;
  name: string;
  spelling: CallSpelling;
}

/** The call heads (namespace, name, opening parenthesis) outside quotes, in order. */
function callHeads(formula: string, mask: boolean[]): CallHead[] {
  const upper = formula.toUpperCase();
  const heads: CallHead[] = [];
  for (let i = 0; i < formula.length; i++) {
    if (mask[i]) continue;
    const c = upper[i];
    if (c !== 'S' && c !== '_') continue;
    if (isNameChar(formula[i - 1])) continue;
    let spelling: CallSpelling;
    let nameStart: number;
    if (upper.startsWith(TYPED, i)) {
      spelling = 'typed';
      nameStart = i + TYPED.length;
    } else if (upper.startsWith(STORED, i)) {
      spelling = 'stored';
      nameStart = i + STORED.length;
    } else continue;
    let j = nameStart;
    while (j < formula.length && /[A-Za-z0-9_]/.test(formula[j])) j++;
    if (j === nameStart) continue;
    let k = j;
    while (k < formula.length && formula[k] === ' ') k++;
    if (formula[k] !== '(') continue;
    heads.push({ start: i, open: k, name: upper.slice(nameStart, j), spelling });
    i = k;
  }
  return heads;
}

/**
 * The closing parenthesis of the call opened at `open` and its top-level argument texts (raw, untrimmed), or
 * `undefined` when the parentheses do not balance.
 */
function callBody(formula: string, mask: boolean[], open: number): { close: number; args: string[] } | undefined {
  let depth = 0;
  let argStart = open + 1;
  const args: string[] = [];
  for (let i = open; i < formula.length; i++) {
    if (mask[i]) continue;
    const c = formula[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        args.push(formula.slice(argStart, i));
        return { close: i, args };
      }
    } else if (c === ',' && depth === 1) {
      args.push(formula.slice(argStart, i));
      argStart = i + 1;
    }
  }
  return undefined;
}

/**
 * Every SALESOPS call in `formula` (with or without its leading `=`), in order of their start offsets, with
 * their nesting depth among SALESOPS calls. A call whose parentheses do not close is left out.
 */
export function findCalls(formula: string): FoundCall[] {
  const mask = quotedMask(formula);
  const out: FoundCall[] = [];
  for (const h of callHeads(formula, mask)) {
    const body = callBody(formula, mask, h.open);
    if (!body) continue;
    const args = body.args.map((a) => a.trim());
    out.push({
      name: h.name,
      spelling: h.spelling,
      start: h.start,
      end: body.close + 1,
      args: args.length === 1 && args[0] === '' ? [] : args,
      depth: 0,
    });
  }
  for (const c of out) c.depth = out.filter((o) => o !== c && o.start < c.start && c.end <= o.end).length;
  return out;
}

/** True when `formula` holds at least one SALESOPS call. */
export function hasSalesopsCall(formula: string): boolean {
  if (!/salesops/i.test(formula)) return false;
  return findCalls(formula).length > 0;
}

/** The SALESOPS function names `formula` calls, upper case, in order of appearance, repeats removed. */
export function calledFunctions(formula: string): string[] {
  return [...new Set(findCalls(formula).map((c) => c.name))];
}

/** `formula` with every call's namespace respelled as `spelling`; nothing else changes (not inside strings). */
function respell(formula: string, spelling: CallSpelling): string {
  const mask = quotedMask(formula);
  const heads = callHeads(formula, mask);
  let out = '';
  let at = 0;
  for (const h of heads) {
    const prefixLength = h.spelling === 'typed' ? TYPED.length : STORED.length;
    out += formula.slice(at, h.start);
    out += spelling === 'typed' ? `SALESOPS.${h.name}` : `_xldudf_SALESOPS_${h.name}`;
    at = h.start + prefixLength + h.name.length;
  }
  return out + formula.slice(at);
}

/** `formula` with every SALESOPS call spelled as Excel stores it in the file: `_xldudf_SALESOPS_PAYOUT(`. */
export function toStoredSpelling(formula: string): string {
  return respell(formula, 'stored');
}

/** `formula` with every SALESOPS call spelled as a user types it: `SALESOPS.PAYOUT(`. */
export function toTypedSpelling(formula: string): string {
  return respell(formula, 'typed');
}
