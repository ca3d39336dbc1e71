/**
 * How ROUTE compares a record's cell with a rule's value: text case-insensitively with spaces trimmed; numbers as
 * numbers; dates as dates (Excel passes a date cell as its serial number; text in ISO form "2024-03-31" is read as
 * that date's serial too, so a rule typed as text matches a date cell).
 */
import { type CellValue, isBlank } from '../shared/cells';
import { cellText, parseNumericText } from '../shared/coerce';
import { dateToSerial } from '../shared/dates';

/** A cell ready for comparison: its trimmed lower-case text, and its number (or date serial) when it has one. */
export interface Comparable {
  readonly text: string;
  readonly num: number | undefined;
}

/** The serial of an ISO date text (yyyy-mm-dd, or with "/"), else undefined. */
function isoDate(s: string): number | undefined {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900) return undefined;
  return dateToSerial(y, mo, d);
}

/** A cell as a `Comparable`. Booleans are text ("true"/"false"); a blank is "" with no number. */
export function comparable(v: CellValue): Comparable {
  if (typeof v === 'number') return { text: cellText(v).toLowerCase(), num: Number.isFinite(v) ? v : undefined };
  if (isBlank(v)) return { text: '', num: undefined };
  const text = cellText(v).toLowerCase();
  if (typeof v !== 'string') return { text, num: undefined };
  return { text, num: parseNumericText(text) ?? isoDate(text) };
}

/** The comparison operators of a rule. */
export type Operator = '=' | '<>' | '<' | '<=' | '>' | '>=' | 'in' | 'contains' | 'starts with';
export const OPERATORS: readonly Operator[] = ['=', '<>', '<', '<=', '>', '>=', 'in', 'contains', 'starts with'];

/** True when `a` equals `b`: as numbers when both have one, else as text. */
export function equals(a: Comparable, b: Comparable): boolean {
  return a.num !== undefined && b.num !== undefined ? a.num === b.num : a.text === b.text;
}

/**
 * `a` compared with `b` in order: −1, 0 or 1 as numbers when both have one, as text when neither does and both are
 * non-blank; `undefined` (the condition fails) for a number against text or a blank.
 */
export function order(a: Comparable, b: Comparable): number | undefined {
  if (a.num !== undefined && b.num !== undefined) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  if (a.num !== undefined || b.num !== undefined || a.text === '' || b.text === '') return undefined;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}
