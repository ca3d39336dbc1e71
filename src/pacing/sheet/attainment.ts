/**
 * ATTAINMENT: bookings summed per rep against quota, ranked, with a team total — the table a QBR starts from.
 *
 * Reading (one pass over the bookings, which may fill a whole column):
 * - `reps`: one column of rep names; `quotas`: two columns (rep, quota) matched by name, or one column of quotas in
 *   the order of `reps`. `reps`' first cell is a header when it equals the quota header's first cell or (two quota
 *   columns) names no rep of quotas; otherwise it is a rep. Messages count range rows (a header is row 1).
 * - `bookings`: three columns — rep, date, amount — with an optional header row. Rows whose cells are all blank (or
 *   0) are skipped; a booking of a rep not in `reps` is left out (the total covers the listed reps only).
 * - `from`/`to` (optional dates, inclusive) keep the bookings dated within; with neither, dates are not read.
 * Names match ignoring case and spaces. Amounts sum exactly in cents (each booking rounded to the cent first).
 * Attainment = booked ÷ quota (blank for a quota of 0); rank 1 = highest attainment, ties share a rank (as RANK.EQ).
 */
import { type ArgValue, type CellValue, asGrid, describeValue, isBlank, isBlankOrZero } from '../../shared/cells';
import { cellNumber, cellText, checkRectangular, isTextHeaderRow, optionalDateSerial } from '../../shared/coerce';
import { checkSerial } from '../../shared/dates';
import { invalid } from '../../shared/errors';
import { LIMITS, SPLIT_RANGE, checkSize, usedLength } from '../../shared/limits';
import { toCents } from '../../shared/money';
import { nameKey, sameNameHint } from '../../shared/names';
import { type AttainmentLine, type AttainmentTable, attainmentTable } from '../attainment';

/** ATTAINMENT's header row. */
export const ATTAINMENT_HEADER = ['Rep', 'Booked', 'Quota', 'Attainment', 'Rank'] as const;

function column(grid: CellValue[][], c: number): CellValue[] {
  return grid.map((r) => r[c]);
}

/**
 * True when `reps`' first cell is a header, decided on its own: text that equals the quota header's first cell
 * ("Rep"), or (with two quota columns) text that is none of the quota rows' reps. A first rep named in quotas is kept.
 */
function repsHeader(cells: readonly CellValue[], qRows: CellValue[][], qHeader: boolean, width: number): boolean {
  const first = cells[0];
  if (cells.length < 2 || typeof first !== 'string' || cellText(first) === '') return false;
  const key = nameKey(first);
  if (qHeader && width === 2 && nameKey(cellText(qRows[0][0])) === key) return true;
  if (width === 1) return isTextHeaderRow([qRows[0][0]]) && cells.length === qRows.length;
  return !qRows.slice(qHeader ? 1 : 0).some((row) => nameKey(cellText(row[0])) === key);
}

/** The reps (names, with their keys) and their quotas in cents from `reps` and `quotas`. */
function readRepsAndQuotas(reps: ArgValue, quotas: ArgValue): { names: string[]; quotaCents: number[] } {
  const q = asGrid(quotas);
  checkRectangular(q, 'quotas');
  const qRows = q.slice(0, usedLength(q));
  if (qRows.length === 0) invalid('quotas: expected two columns (rep, quota) or one column of quotas.');
  const width = q[0].length;
  if (width > 2) invalid(`quotas: expected two columns (rep, quota) or one column of quotas, got ${width} columns.`);
  const quotaCol = width - 1;
  const qHeader = isTextHeaderRow([qRows[0][quotaCol]]);
  const r = asGrid(reps);
  checkRectangular(r, 'reps');
  if (r.length > 1 && r[0].length !== 1) invalid('reps: expected one column of rep names.');
  let cells = (r.length === 1 ? r[0] : column(r, 0)).slice(0, usedLength(r));
  if (repsHeader(cells, qRows, qHeader, width)) cells = cells.slice(1);
  checkSize('reps', cells.length, LIMITS.rosterReps, 'reps', 'Split the reps into teams.');
  const names: string[] = [];
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    const name = cellText(c);
    const where = `reps: item ${i + 1}`;
    if (name === '') invalid(`${where}: a rep name is required, got a blank cell.`);
    const key = nameKey(name);
    const j = index.get(key);
    if (j !== undefined) invalid(`${where}: "${name}" is listed twice${sameNameHint(name, names[j])}.`);
    index.set(key, names.length);
    names.push(name);
  });
  if (names.length === 0) invalid('reps: expected at least one rep name.');
  const body = qHeader ? qRows.slice(1) : qRows;
  const first = qHeader ? 2 : 1; // messages count range rows: the header is row 1
  const quotaCents = new Array<number>(names.length).fill(NaN);
  const amount = (c: CellValue, where: string) => {
    const n = typeof c === 'boolean' ? undefined : cellNumber(c);
    if (n === undefined || n < 0) invalid(`${where}: expected a quota ≥ 0, got ${describeValue(c)}.`);
    return toCents(n) * 100;
  };
  if (width === 1) {
    if (body.length !== names.length) {
      invalid(`quotas: one column of quotas must have one per rep (${names.length}), got ${body.length}.`);
    }
    body.forEach((row, i) => (quotaCents[i] = Math.round(amount(row[0], `quotas: row ${i + first}`))));
  } else {
    body.forEach((row, i) => {
      if (row.every(isBlankOrZero)) return;
      const name = cellText(row[0]);
      const j = index.get(nameKey(name));
      if (j === undefined) return; // a quota of a rep not listed: not part of this table
      if (!Number.isNaN(quotaCents[j])) invalid(`quotas: row ${i + first}: a second quota for "${name}".`);
      quotaCents[j] = Math.round(amount(row[1], `quotas: row ${i + first}, quota`));
    });
    const missing = quotaCents.findIndex((x) => Number.isNaN(x));
    if (missing >= 0) invalid(`quotas: no quota for "${names[missing]}"; add a row with the rep's name and quota.`);
  }
  return { names, quotaCents };
}

/** The table ATTAINMENT computes from cell ranges (see the module comment). */
export function readAttainment(
  reps: ArgValue,
  bookings: ArgValue,
  quotas: ArgValue,
  from?: ArgValue,
  to?: ArgValue,
): AttainmentTable {
  const { names, quotaCents } = readRepsAndQuotas(reps, quotas);
  const lo = optionalDateSerial(from, 'from');
  const hi = optionalDateSerial(to, 'to');
  if (lo !== undefined && hi !== undefined && hi < lo) invalid('to: the date range ends before from; swap them.');
  const g = asGrid(bookings);
  if (g.length > 0 && (!Array.isArray(g[0]) || g[0].length !== 3)) {
    invalid(`bookings: expected three columns (rep, date, amount), got ${g[0]?.length ?? 0}.`);
  }
  checkSize('bookings', g.length, LIMITS.bookings, 'rows', SPLIT_RANGE);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(nameKey(n), i));
  const byText = new Map<string, number>(); // the cell text as given → rep index (−1: not listed)
  const booked = new Array<number>(names.length).fill(0);
  const dated = lo !== undefined || hi !== undefined;
  const start = g.length > 0 && isTextHeaderRow(g[0]) ? 1 : 0;
  for (let r = start; r < g.length; r++) {
    const row = g[r];
    if (row.length !== 3) invalid(`bookings: the range is not rectangular (row ${r + 1}).`);
    const who = row[0];
    const amt = row[2];
    if (isBlankOrZero(who) && isBlankOrZero(amt) && isBlankOrZero(row[1])) continue;
    let i = typeof who === 'string' ? byText.get(who) : undefined;
    if (i === undefined) {
      const name = cellText(who);
      if (name === '') invalid(`bookings: row ${r + 1}: the rep is blank; give the rep's name.`);
      i = index.get(nameKey(name)) ?? -1;
      if (typeof who === 'string') byText.set(who, i);
    }
    let n = typeof amt === 'number' ? amt : undefined;
    if (n === undefined || !Number.isFinite(n)) {
      n = typeof amt === 'boolean' || isBlank(amt) ? undefined : cellNumber(amt);
      if (n === undefined) invalid(`bookings: row ${r + 1}, amount: expected a number, got ${describeValue(amt)}.`);
    }
    if (dated) {
      const d = row[1];
      const s = typeof d === 'number' ? d : typeof d === 'boolean' ? undefined : cellNumber(d);
      if (s === undefined) invalid(`bookings: row ${r + 1}, date: expected a date, got ${describeValue(d)}.`);
      const day = checkSerial(s, `bookings: row ${r + 1}, date`);
      if ((lo !== undefined && day < lo) || (hi !== undefined && day > hi)) continue;
    }
    if (i >= 0) booked[i] += Math.round(toCents(n) * 100);
  }
  return attainmentTable(names, booked, quotaCents);
}

/** ATTAINMENT's spilled grid: the header, a row per rep, the team row (blank attainment/rank where undefined). */
export function attainmentGrid(t: AttainmentTable): CellValue[][] {
  const row = (l: AttainmentLine): CellValue[] => [l.rep, l.booked, l.quota, l.attainment, l.rank];
  return [[...ATTAINMENT_HEADER], ...t.lines.map(row), row(t.team)];
}
