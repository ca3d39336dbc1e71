/**
 * Display text of a cell value under its number format, for the playground grid. Covers the formats the sample
 * and the wizards use: General, currency ("$#,##0", "$#,##0.00"), percent ("0%", "0.0%", "0.00%"), fixed
 * decimals ("0", "0.00", "#,##0"), dates ("yyyy-mm-dd", "mmm yyyy", "m/d/yyyy", each
 * date-only one with " hh:mm", " h:mm" or ":ss" times). Others fall back to General.
 */
import type { CellValue } from '../../src/shared/cells';
import { serialToDate } from '../../src/shared/dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const formatters = new Map<string, Intl.NumberFormat>();

function fixed(x: number, decimals: number, grouping: boolean): string {
  // One formatter per (decimals, grouping): building one per call would cost more than the grid's paint.
  const k = `${decimals}|${grouping}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    formatters.set(k, f);
  }
  return f.format(x);
}

function general(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const s = Number(x.toPrecision(10)).toString();
  return s.length > 12 ? x.toPrecision(6) : s;
}

/** The time of day of a serial under "hh:mm", "h:mm", "hh:mm:ss" or "h:mm:ss" (24-hour, to the second). */
function timeText(serial: number, fmt: string): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400) % 86_400;
  const h = Math.floor(seconds / 3600);
  const m = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const hh = fmt.startsWith('hh') ? String(h).padStart(2, '0') : String(h);
  return fmt.endsWith(':ss') ? `${hh}:${m}:${String(seconds % 60).padStart(2, '0')}` : `${hh}:${m}`;
}

/** The text the grid shows for `value` under `format` (undefined or "General": Excel's General). */
export function formatValue(value: CellValue, format?: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (value === 0) value = 0; // Excel keeps no negative zero: -0 shows as 0
  const fmt = (format ?? 'General').trim();
  if (fmt === '' || fmt.toLowerCase() === 'general') return general(value);
  const pct = /^0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return `${fixed(value * 100, pct[1]?.length ?? 0, true)}%`;
  const money = /^\$#,##0(?:\.(0+))?$/.exec(fmt);
  if (money) {
    const s = `$${fixed(Math.abs(value), money[1]?.length ?? 0, true)}`;
    return value < 0 ? `-${s}` : s;
  }
  const num = /^(#,##)?0(?:\.(0+))?$/.exec(fmt);
  if (num) return fixed(value, num[2]?.length ?? 0, Boolean(num[1]));
  if (/[ymd]/i.test(fmt) && value >= 1 && value < 2_958_466) {
    const d = serialToDate(value);
    const mm = String(d.month).padStart(2, '0');
    const dd = String(d.day).padStart(2, '0');
    const [datePart, timePart] = fmt.split(' ', 2) as [string, string | undefined];
    const time = timePart && /^h/i.test(timePart) ? ` ${timeText(value, timePart)}` : '';
    if (datePart === 'yyyy-mm-dd') return `${d.year}-${mm}-${dd}${time}`;
    if (fmt === 'mmm yyyy') return `${MONTHS[d.month - 1]} ${d.year}`;
    if (fmt === 'mmm yy') return `${MONTHS[d.month - 1]} ${String(d.year).slice(2)}`;
    return `${d.month}/${d.day}/${d.year}${time}`;
  }
  return general(value);
}

/** True when the grid should right-align the value (numbers and booleans are right/centre in Excel). */
export function isNumeric(value: CellValue): boolean {
  return typeof value === 'number';
}
