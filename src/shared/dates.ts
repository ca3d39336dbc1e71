/**
 * Excel date serials in the 1900 date system: serial 1 = 1900-01-01, and (as in Excel, after Lotus 1-2-3)
 * serial 60 is the fictitious 1900-02-29, so serials from 61 on count days since 1899-12-30.
 * Times of day (fractions) are ignored: a date is the whole day it falls in.
 */
import { invalid } from './errors';

/** A calendar date: full year, month 1–12, day 1–31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
/** The largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

/** The calendar date of an Excel serial (fraction of a day ignored). Serial 60 maps to 1900-02-29. */
export function serialToDate(serial: number): CivilDate {
  const s = Math.floor(serial);
  if (s === 60) return { year: 1900, month: 2, day: 29 };
  const offset = s < 60 ? s + 1 : s;
  const d = new Date(Date.UTC(1899, 11, 30) + offset * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The Excel serial of a calendar date; months and days out of range roll over as in Excel's DATE. */
export function dateToSerial(year: number, month: number, day: number): number {
  if (year === 1900 && month === 2 && day === 29) return 60;
  const ms = Date.UTC(year, month - 1, day);
  const days = Math.round((ms - Date.UTC(1899, 11, 30)) / MS_PER_DAY);
  return days <= 60 ? days - 1 : days;
}

/** Days in a calendar month (February 1900 has 29, as in Excel). */
export function daysInMonth(year: number, month: number): number {
  if (year === 1900 && month === 2) return 29;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month index that counts months continuously: year × 12 + (month − 1). */
export function monthIndex(d: CivilDate): number {
  return d.year * 12 + (d.month - 1);
}

/** The (year, month) of a continuous month index. */
export function monthFromIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Serial of the first day of the month `index` (see `monthIndex`). */
export function firstOfMonthSerial(index: number): number {
  const { year, month } = monthFromIndex(index);
  return dateToSerial(year, month, 1);
}

/** Checks that `serial` is a valid Excel date (1 … 2958465) and returns its whole-day serial. */
export function checkSerial(serial: number, arg: string): number {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL + 0.999999) {
    invalid(`${arg}: expected an Excel date (a serial number from 1 to ${MAX_SERIAL}), got ${serial}.`);
  }
  return Math.floor(serial);
}

/** A month as ISO text, "2026-03" (year with four digits, month 1–12). */
export function isoMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** A date serial as ISO text, "2026-03-15" (fraction of a day ignored), for messages and previews. */
export function isoDate(serial: number): string {
  const d = serialToDate(serial);
  return `${isoMonth(d.year, d.month)}-${String(d.day).padStart(2, '0')}`;
}
