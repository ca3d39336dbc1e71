/**
 * What a user types or pastes into a playground cell, read as Excel (en-US) reads it: a formula, a number, a
 * percentage (12.3% → 0.123 with a percent format), a date or date-time (→ an Excel serial with a date format),
 * a boolean, or text. Dates are read in ISO order (2026-01-15, 2026-01-15 13:30[:45]) and in US month/day/year
 * order (1/15/2026, 1/15/26, 1/15/2026 1:30 PM); day/month/year is not accepted (15/1/2026 stays text), as in
 * Excel with en-US settings. Also the text to copy for a cell so that pasting it back gives the same value. Pure.
 */
import type { CellValue } from '../../src/shared/cells';
import { parseNumericText } from '../../src/shared/coerce';
import { MAX_SERIAL, dateToSerial, daysInMonth } from '../../src/shared/dates';
import type { WriteCell } from '../workbook/port';
import { formatValue } from './format';

/** A typed cell: what to write, and the number format Excel would give it (dates, percentages). */
export interface TypedInput {
  cell: WriteCell;
  numberFormat?: string;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?: +(.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?: *([AaPp][Mm]))?$/;

/** Seconds since midnight of "13:30", "13:30:45" or "1:30 PM" (and whether seconds were given), else undefined. */
function parseTime(text: string): { seconds: number; withSeconds: boolean } | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (min > 59 || s > 59) return undefined;
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  } else if (h > 23) return undefined;
  return { seconds: h * 3600 + min * 60 + s, withSeconds: m[3] !== undefined };
}

/** An Excel serial (days, with the time of day as a fraction) and its format, for a typed date; else undefined. */
export function parseDateInput(text: string): { serial: number; numberFormat: string } | undefined {
  const t = text.trim();
  const iso = ISO.exec(t);
  const us = iso ? undefined : US.exec(t);
  if (!iso && !us) return undefined;
  let year: number;
  let month: number;
  let day: number;
  let timeText: string | undefined;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    timeText = iso[4];
  } else {
    const m = us as RegExpExecArray;
    [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // Two-digit years as Excel reads them: 00–29 → 2000–2029, 30–99 → 1930–1999.
    if (m[3].length === 2) year += year < 30 ? 2000 : 1900;
    timeText = m[4];
  }
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  const days = dateToSerial(year, month, day);
  if (days < 1 || days > MAX_SERIAL) return undefined;
  const dateFormat = iso ? 'yyyy-mm-dd' : 'm/d/yyyy';
  if (timeText === undefined) return { serial: days, numberFormat: dateFormat };
  const time = parseTime(timeText);
  if (!time) return undefined;
  const timeFormat = iso ? (time.withSeconds ? 'hh:mm:ss' : 'hh:mm') : time.withSeconds ? 'h:mm:ss' : 'h:mm';
  return { serial: days + time.seconds / 86_400, numberFormat: `${dateFormat} ${timeFormat}` };
}

/** 12.3% → 0.123 exactly (the decimal digits divided by 100, rounded to 15 significant digits) and "0.0%". */
export function parsePercentInput(text: string): { value: number; numberFormat: string } | undefined {
  const t = text.trim();
  if (!/%\)?$/.test(t)) return undefined;
  const n = parseNumericText(t);
  if (n === undefined) return undefined;
  // parseNumericText divides by 100 in binary (12.3 / 100 = 0.12300000000000001); 15 digits give back 0.123.
  const value = Number(n.toPrecision(15));
  const decimals = /\.(\d+)%/.exec(t)?.[1].length ?? 0;
  return { value, numberFormat: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
}

/** What `text` typed into a cell writes, with the number format Excel would give it. */
export function readInput(text: string): TypedInput {
  const t = text.trim();
  if (t === '') return { cell: null };
  if (t.startsWith('=') && t.length > 1) return { cell: { formula: t } };
  const pct = parsePercentInput(t);
  if (pct) return { cell: pct.value, numberFormat: pct.numberFormat };
  const n = parseNumericText(t);
  if (n !== undefined) return { cell: n };
  const date = parseDateInput(t);
  if (date) return { cell: date.serial, numberFormat: date.numberFormat };
  if (/^(true|false)$/i.test(t)) return { cell: t.toLowerCase() === 'true' };
  return { cell: text };
}

/** What a user typed, as a cell: a formula, a number (dates and percentages as numbers), a boolean or text. */
export function parseInput(text: string): WriteCell {
  return readInput(text).cell;
}

function reproduces(text: string, value: CellValue): boolean {
  const c = readInput(text).cell;
  return c === value || (c === null && value === '');
}

/**
 * The text to copy for a cell holding `value` under `format` so that pasting it back gives the same value: the
 * text the grid shows when it reads back exactly (as Excel copies), else the full value (a date with seconds, a
 * percentage with every digit, a number's shortest exact digits).
 */
export function copyText(value: CellValue, format: string | undefined): string {
  const shown = formatValue(value, format);
  if (typeof value !== 'number' || reproduces(shown, value)) return shown;
  if (format && /[ymd]/i.test(format)) {
    const full = formatValue(value, /^m\/d/.test(format) ? 'm/d/yyyy h:mm:ss' : 'yyyy-mm-dd hh:mm:ss');
    if (reproduces(full, value)) return full;
  }
  if (format && format.endsWith('%')) {
    const full = `${Number((value * 100).toPrecision(15))}%`;
    if (reproduces(full, value)) return full;
  }
  return String(value);
}
