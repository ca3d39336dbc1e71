/**
 * A reps table with a header row (the territory wizard's reps range): one rep a row, columns found by their header
 * (case-insensitive, surrounding spaces ignored; any other column is ignored):
 * - `Rep`, `Name` or `Rep name` — the rep's name (required; without such a header the first column holds the names);
 * - `Share` or `Target share` — relative size of the rep's book, a number > 0 (blank: 1);
 * - `Keys` or `Eligibility` — the eligibility keys the rep covers, separated by commas or semicolons
 *   ("East; West"); blank: the rep takes any account;
 * - `Latitude`/`Lat` and `Longitude`/`Lon`/`Lng`/`Long` (optionally prefixed "Home ") — the rep's home in decimal
 *   degrees, both or neither in each row; the two columns go together;
 * - `Min accounts`, `Max accounts` — whole numbers ≥ 0 (blank: no bound).
 * A two-column table whose second header is none of these reads it as the share, as SALESOPS.TERRITORY reads a
 * two-column reps range. Rows are numbered as in the range (the header is row 1); blank rows at the end are ignored.
 */
import { type ArgValue, type CellValue, asGrid, describeValue, isBlank, isBlankOrZero } from '../../shared/cells';
import { cellNumber, cellText, checkRectangular } from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import type { RepSpec } from '../types';

/** The columns a reps table may have. */
export type RepsTableField = 'name' | 'share' | 'keys' | 'lat' | 'lon' | 'minAccounts' | 'maxAccounts';

/** Where each field is (0-based column index) and each column's header text, for messages. */
export interface RepsTableColumns {
  readonly name: number;
  readonly share?: number;
  readonly keys?: number;
  readonly lat?: number;
  readonly lon?: number;
  readonly minAccounts?: number;
  readonly maxAccounts?: number;
  /** The header text of every column ("column 3" for a blank header). */
  readonly headers: readonly string[];
}

/** A parsed reps table: the specs, a name → index lookup (lower case) and where each field was read from. */
export interface RepsTable {
  readonly reps: RepSpec[];
  readonly index: Map<string, number>;
  readonly columns: RepsTableColumns;
}

const HEADERS: Record<RepsTableField, readonly string[]> = {
  name: ['rep', 'name', 'rep name'],
  share: ['share', 'target share'],
  keys: ['keys', 'eligibility'],
  lat: ['latitude', 'lat'],
  lon: ['longitude', 'lon', 'lng', 'long'],
  minAccounts: ['min accounts'],
  maxAccounts: ['max accounts'],
};

const FIELDS = Object.keys(HEADERS) as RepsTableField[];

/** The field a header names, or undefined (lower-cased, inner spaces collapsed; "Home " allowed before lat/lon). */
function fieldOf(header: string): RepsTableField | undefined {
  const h = header.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const f of FIELDS) {
    if (HEADERS[f].includes(h)) return f;
    if ((f === 'lat' || f === 'lon') && h.startsWith('home ') && HEADERS[f].includes(h.slice(5))) return f;
  }
  return undefined;
}

/**
 * Which column holds each field, from the header row (0-based indexes). Throws when two columns name the same
 * field, when a latitude column has no longitude column (or the reverse), or when no column can hold the names.
 */
export function repsTableColumns(header: readonly CellValue[]): RepsTableColumns {
  const headers = header.map((h, j) => cellText(h) || `column ${j + 1}`);
  const found: Partial<Record<RepsTableField, number>> = {};
  header.forEach((h, j) => {
    const f = fieldOf(cellText(h));
    if (f === undefined) return;
    const before = found[f];
    if (before !== undefined)
      invalid(`reps: columns "${headers[before]}" and "${headers[j]}" both give the ${describeField(f)}; keep one.`);
    found[f] = j;
  });
  if (found.name === undefined) {
    if (header.length === 0 || fieldOf(cellText(header[0])) !== undefined)
      invalid('reps: no column of rep names; head it "Rep" (or "Name").');
    found.name = 0;
  }
  if (header.length === 2 && found.name === 0 && fieldOf(cellText(header[1])) === undefined) found.share = 1;
  if ((found.lat === undefined) !== (found.lon === undefined)) {
    const has = found.lat !== undefined ? found.lat : found.lon!;
    const missing =
      found.lat !== undefined
        ? 'a longitude column ("Longitude", "Lon" or "Lng")'
        : 'a latitude column ("Latitude" or "Lat")';
    invalid(`reps: the column "${headers[has]}" needs ${missing} too; a rep's home takes both.`);
  }
  return { ...found, name: found.name, headers };
}

function describeField(f: RepsTableField): string {
  const words: Record<RepsTableField, string> = {
    name: 'rep names',
    share: 'target share',
    keys: 'eligibility keys',
    lat: 'home latitude',
    lon: 'home longitude',
    minAccounts: 'minimum account count',
    maxAccounts: 'maximum account count',
  };
  return words[f];
}

/** The eligibility keys in one cell: text split at commas and semicolons, trimmed, empty parts dropped. */
export function splitKeys(cell: CellValue): string[] {
  return cellText(cell)
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Parses a reps table whose first row is a header (see the module comment for the columns). Errors name the range
 * row (the header is row 1) and the column by its header, e.g.
 * `reps: row 4, column "Latitude": expected a number from -90 to 90, got "north".` Shares are relative (any
 * positive numbers; the core normalises them), homes in decimal degrees, account bounds in accounts.
 */
export function parseRepsTable(reps: ArgValue): RepsTable {
  const g = asGrid(reps);
  checkRectangular(g, 'reps');
  if (g.length === 0 || g[0].length === 0) invalid('reps: the range is empty.');
  const cols = repsTableColumns(g[0]);
  let last = g.length - 1;
  while (last >= 1 && g[last].every(isBlankOrZero)) last--;
  const out: RepSpec[] = [];
  const index = new Map<string, number>();
  for (let i = 1; i <= last; i++) {
    const row = g[i];
    const at = (j: number) => `reps: row ${i + 1}, column "${cols.headers[j]}"`;
    const number = (j: number | undefined, expected: string, ok: (x: number) => boolean): number | undefined => {
      if (j === undefined || isBlank(row[j])) return undefined;
      const x = cellNumber(row[j]);
      if (x === undefined || !ok(x)) invalid(`${at(j)}: expected ${expected}, got ${describeValue(row[j])}.`);
      return x;
    };
    const name = cellText(row[cols.name]);
    if (name === '') invalid(`reps: row ${i + 1} has no name.`);
    const low = name.toLowerCase();
    if (index.has(low)) invalid(`reps: row ${i + 1}: "${name}" appears twice.`);
    const spec: { -readonly [K in keyof RepSpec]: RepSpec[K] } = { name };
    const share = number(cols.share, 'a number > 0', (x) => x > 0);
    if (share !== undefined) spec.share = share;
    if (cols.keys !== undefined) {
      const keys = splitKeys(row[cols.keys]);
      if (keys.length > 0) spec.keys = keys;
    }
    const lat = number(cols.lat, 'a number from -90 to 90', (x) => Math.abs(x) <= 90);
    const lon = number(cols.lon, 'a number from -180 to 180', (x) => Math.abs(x) <= 180);
    if (lat !== undefined && lon !== undefined) spec.home = { lat, lon };
    else if (lat !== undefined || lon !== undefined) {
      const blank = lat === undefined ? cols.lat! : cols.lon!;
      invalid(`${at(blank)} is blank; a rep's home needs both a latitude and a longitude (or neither).`);
    }
    const whole = (x: number) => Number.isInteger(x) && x >= 0;
    const lo = number(cols.minAccounts, 'a whole number ≥ 0', whole);
    const hi = number(cols.maxAccounts, 'a whole number ≥ 0', whole);
    if (lo !== undefined && hi !== undefined && lo > hi)
      invalid(`reps: row ${i + 1}: "${name}" has min accounts ${lo} > max accounts ${hi}.`);
    if (lo !== undefined) spec.minAccounts = lo;
    if (hi !== undefined) spec.maxAccounts = hi;
    index.set(low, out.length);
    out.push(spec);
  }
  if (out.length === 0) invalid('reps: no rep names found under the header.');
  return { reps: out, index, columns: cols };
}
