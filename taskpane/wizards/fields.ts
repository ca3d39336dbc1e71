/**
 * Reading the wizards' option fields: text typed by the user → a checked value or a message for the field.
 * Numbers are read by the core's one coercion rule (`parseNumericText`: "1,000", "$1,200", "12%" = 0.12).
 */
import { parseNumericText } from '../../src/shared/coerce';
import { dateToSerial, serialToDate } from '../../src/shared/dates';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A number from a field, within [min, max] and optionally whole. */
export function numberField(
  text: string,
  label: string,
  opts: { min?: number; max?: number; integer?: boolean; optional?: boolean } = {},
): Parsed<number | undefined> {
  if (text.trim() === '')
    return opts.optional ? { ok: true, value: undefined } : { ok: false, error: `${label} is required.` };
  const n = parseNumericText(text);
  if (n === undefined) return { ok: false, error: `${label}: "${text}" is not a number.` };
  if (opts.integer && !Number.isInteger(n)) return { ok: false, error: `${label} must be a whole number.` };
  if (opts.min !== undefined && n < opts.min) return { ok: false, error: `${label} must be at least ${opts.min}.` };
  if (opts.max !== undefined && n > opts.max) return { ok: false, error: `${label} must be at most ${opts.max}.` };
  return { ok: true, value: n };
}

/** A fraction typed as a fraction (0.05) or a percent (5%), within [0, max]. */
export function fractionField(text: string, label: string, max = 1): Parsed<number> {
  const p = numberField(text, label, { min: 0 });
  if (!p.ok) return p;
  const v = p.value ?? 0;
  if (v > max)
    return { ok: false, error: `${label}: type a fraction like 0.05 or a percent like 5% (at most ${max * 100}%).` };
  return { ok: true, value: v };
}

/** A list of numbers separated by commas, semicolons or spaces ("0.25, 0.5, 75%"). */
export function numberListField(
  text: string,
  label: string,
  opts: { min?: number; max?: number } = {},
): Parsed<number[]> {
  const parts = text
    .split(/[;\s]+|,(?=\s|$)|,(?!\d{3})/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const out: number[] = [];
  for (const [i, s] of parts.entries()) {
    const n = parseNumericText(s);
    if (n === undefined) return { ok: false, error: `${label}: item ${i + 1} ("${s}") is not a number.` };
    if (opts.min !== undefined && n < opts.min)
      return { ok: false, error: `${label}: item ${i + 1} must be at least ${opts.min}.` };
    if (opts.max !== undefined && n > opts.max)
      return { ok: false, error: `${label}: item ${i + 1} must be at most ${opts.max}.` };
    out.push(n);
  }
  return { ok: true, value: out };
}

/** A month typed as YYYY-MM → the Excel serial of its first day. */
export function monthField(text: string, label: string): Parsed<number> {
  const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
  if (!m) return { ok: false, error: `${label}: type a month as YYYY-MM, e.g. 2026-01.` };
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 9999)
    return { ok: false, error: `${label}: ${text} is not a month.` };
  return { ok: true, value: dateToSerial(year, month, 1) };
}

/**
 * A day typed as YYYY-MM-DD → its Excel serial; blank → undefined (the caller decides whether it is required).
 * Impossible days (2026-02-31) and years before 1900 are refused with a message naming the field.
 */
export function dateField(text: string, label: string): Parsed<number | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!m) return { ok: false, error: `${label}: type a date as YYYY-MM-DD, e.g. 2026-03-15.` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const serial = dateToSerial(y, mo, d);
  const back = serialToDate(serial);
  if (y < 1900 || back.year !== y || back.month !== mo || back.day !== d)
    return { ok: false, error: `${label}: ${text.trim()} is not a date.` };
  return { ok: true, value: serial };
}

/** Money as shown in previews: 1234.5 → "1,234.50". */
export function money(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A fraction as a percent for display: 0.125 → "12.5%". */
export function percent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}
