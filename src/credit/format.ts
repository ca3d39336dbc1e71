/** Text forms used in credit rules and messages. */
import { serialToDate } from '../shared/dates';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An Excel serial as an ISO date: 46095 → "2026-03-14". */
export function formatSerial(serial: number): string {
  const d = serialToDate(serial);
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** A month (year, month 1–12) as "2026-03". */
export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}
