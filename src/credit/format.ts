/** Text forms used in credit rules and messages. */
export { isoDate as formatSerial } from '../quota/limits';

/** A month (year, month 1–12) as "2026-03". */
export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
