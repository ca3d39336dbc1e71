/**
 * ROUTE's arguments read from cells: the records table, the rules table, the reps table and the optional load; and
 * its result as one column (a header cell, then a rep or a #N/A with its reason per record).
 */
import {
  type ArgValue,
  type CellValue,
  type Grid,
  BLANK_AS_ZERO,
  asGrid,
  describeValue,
  isBlank,
  isBlankOrZero,
} from '../../shared/cells';
import { cellBoolean, cellNumber, cellText, checkRectangular, isTextHeaderRow } from '../../shared/coerce';
import { CellError, invalid } from '../../shared/errors';
import { LIMITS, checkSize, formatCount, tooLarge } from '../../shared/limits';
import { nameKey, sameNameHint } from '../../shared/names';
import { type TableLayout, locateColumns } from '../../shared/table';
import { type Condition, type RouteRep, type RuleGroup, type Routed, route } from '../route';
import { type Comparable, OPERATORS, comparable } from '../values';

/** The header cell above ROUTE's column. */
export const ROUTE_HEADER = 'Assigned rep';

/** The reps and teams of a reps table (and a load), with name lookups. */
export interface RepsTable {
  readonly reps: RouteRep[];
  readonly teams: string[];
}

/** The columns of a reps table, found by `locateColumns` (the one header rule of src/shared/table.ts). */
const REPS_COLUMNS = {
  rep: { header: 'Rep', kind: 'text', required: true, aliases: ['Name', 'Rep name'] },
  team: { header: 'Team', kind: 'text' },
  weight: { header: 'Weight', kind: 'number', aliases: ['Share'] },
  capacity: { header: 'Capacity', kind: 'number', aliases: ['Max', 'Cap'] },
  active: { header: 'Active', kind: 'boolean' },
} as const satisfies TableLayout;

/** The columns of a rules table, found by `locateColumns`. */
const RULES_COLUMNS = {
  priority: { header: 'Priority', kind: 'number', required: true },
  field: { header: 'Field', kind: 'text', required: true },
  operator: { header: 'Operator', kind: 'text', required: true },
  value: { header: 'Value', kind: 'text', required: true },
  to: { header: 'Assign to', kind: 'text', required: true, aliases: ['Assignee', 'Route to', 'Owner'] },
} as const satisfies TableLayout;

/** The largest `Weight` a rep may have: weights add up per team, and past this the scores lose their precision. */
export const MAX_ROUTE_WEIGHT = 1e9;

/**
 * The rows of a table up to its last non-blank one (a one-row table is one row, unlike `usedLength`). Blank or 0
 * (`isBlankOrZero`: Excel for desktop passes blank cells as 0).
 */
function usedRows(g: Grid): number {
  let n = g.length;
  while (n > 0 && g[n - 1].every(isBlankOrZero)) n--;
  return n;
}

function tableOf(v: ArgValue, arg: string, what: string): Grid {
  const g = asGrid(v);
  checkRectangular(g, arg);
  const rows = g.slice(0, usedRows(g));
  if (rows.length === 0) invalid(`${arg}: expected a table with a header row (${what}).`);
  return rows;
}

/** The reps table (Rep, Team, optional Weight, Capacity, Active) and the optional load (Rep, count). */
export function readReps(repsArg: ArgValue, loadArg: ArgValue): RepsTable {
  const g = tableOf(repsArg, 'reps', 'Rep, Team, and optionally Weight, Capacity, Active');
  checkSize('reps', g.length - 1, LIMITS.routeReps, 'reps', 'Route to teams of fewer reps in separate calls.');
  const h = g[0];
  const {
    rep: cRep,
    team: cTeam,
    weight: cWeight,
    capacity: cCap,
    active: cActive,
  } = locateColumns(h, REPS_COLUMNS, 'reps');
  const teams: string[] = [];
  const teamIndex = new Map<string, number>();
  const reps: RouteRep[] = [];
  const repIndex = new Map<string, number>();
  for (let r = 1; r < g.length; r++) {
    const row = g[r];
    if (row.every(isBlankOrZero)) continue;
    const where = (col: string) => `reps: row ${r + 1}, column "${col}"`;
    const name = cellText(row[cRep]);
    if (name === '') invalid(`${where('Rep')}: a rep name is required, got a blank cell.`);
    const key = nameKey(name);
    const dup = repIndex.get(key);
    if (dup !== undefined)
      invalid(`reps: row ${r + 1}: "${name}" is listed twice${sameNameHint(name, reps[dup].name)}.`);
    let team = -1;
    const teamName = cTeam >= 0 && !isBlankOrZero(row[cTeam]) ? cellText(row[cTeam]) : '';
    if (teamName !== '') {
      const tk = nameKey(teamName);
      team = teamIndex.get(tk) ?? -1;
      if (team < 0) {
        team = teams.length;
        teamIndex.set(tk, team);
        teams.push(teamName);
      }
    }
    // 0 reads as blank in Weight, Capacity and Active: Excel for desktop passes blank cells of a range as 0.
    const num = (c: number, col: string, min: number, max: number, whole: boolean): number | undefined => {
      if (c < 0 || isBlankOrZero(row[c])) return undefined;
      const n = typeof row[c] === 'boolean' ? undefined : cellNumber(row[c]);
      if (n === undefined || n < min || (whole && !Number.isInteger(n))) {
        invalid(`${where(col)}: expected ${whole ? 'a whole number' : 'a number'} > 0, got ${describeValue(row[c])}.`);
      }
      if (n > max) {
        invalid(
          `${where(col)}: a weight is at most ${formatCount(max)} (got ${n}); weights are shares, scale them down.`,
        );
      }
      return n;
    };
    const weight = num(cWeight, 'Weight', Number.MIN_VALUE, MAX_ROUTE_WEIGHT, false) ?? 1;
    const capacity = num(cCap, 'Capacity', 1, Infinity, true) ?? Infinity;
    let active = true;
    if (cActive >= 0 && !isBlankOrZero(row[cActive])) {
      const b = cellBoolean(row[cActive]);
      if (b === undefined) invalid(`${where('Active')}: expected TRUE or FALSE, got ${describeValue(row[cActive])}.`);
      active = b;
    }
    repIndex.set(key, reps.length);
    reps.push({ name, team, weight, capacity, active, load: 0 });
  }
  if (reps.length === 0) invalid('reps: expected at least one rep below the header row.');
  if (loadArg !== undefined && loadArg !== null) {
    const lg = asGrid(loadArg);
    checkRectangular(lg, 'load');
    let rows = lg.slice(0, usedRows(lg));
    if (rows.length > 0 && rows[0].length !== 2) invalid('load: expected two columns: rep and current count.');
    const first = rows.length > 0 && isTextHeaderRow(rows[0]) ? 1 : 0;
    if (first) rows = rows.slice(1);
    const seen = new Set<number>();
    rows.forEach((row, i) => {
      if (row.every(isBlankOrZero)) return;
      const at = `load: row ${i + 1 + first}`; // range rows: a header is row 1
      const name = cellText(row[0]);
      const j = repIndex.get(nameKey(name));
      if (j === undefined) invalid(`${at}: "${name}" is not in reps; remove the row or add the rep.`);
      if (seen.has(j)) invalid(`${at}: a second count for "${name}".`);
      seen.add(j);
      const n = isBlank(row[1]) ? 0 : typeof row[1] === 'boolean' ? undefined : cellNumber(row[1]);
      if (n === undefined || n < 0 || !Number.isInteger(n)) {
        invalid(`${at}: expected a whole count ≥ 0, got ${describeValue(row[1])}.`);
      }
      reps[j] = { ...reps[j], load: n };
    });
  }
  return { reps, teams };
}

/** The rules table as groups sorted by priority (see route.ts), with fields resolved against `recordHeader`. */
export function readRules(rulesArg: ArgValue, recordHeader: readonly CellValue[], table: RepsTable): RuleGroup[] {
  const g = tableOf(rulesArg, 'rules', 'Priority, Field, Operator, Value, Assign to');
  checkSize('rules', g.length - 1, LIMITS.routeRules, 'rules', 'Merge rules with the "in" operator.');
  const h = g[0];
  const {
    priority: cPri,
    field: cField,
    operator: cOp,
    value: cValue,
    to: cTo,
  } = locateColumns(h, RULES_COLUMNS, 'rules');
  const fieldKeys = recordHeader.map((c) => nameKey(cellText(c)));
  const teamKeys = new Map(table.teams.map((t, i) => [nameKey(t), i]));
  const repKeys = new Map(table.reps.map((r, i) => [nameKey(r.name), i]));
  const groups = new Map<number, { conditions: Condition[]; to?: string; toRow?: number }>();
  for (let r = 1; r < g.length; r++) {
    const row = g[r];
    if (row.every(isBlankOrZero)) continue;
    const where = `rules: row ${r + 1}`;
    const pri = cellNumber(row[cPri]);
    if (pri === undefined || typeof row[cPri] === 'boolean') {
      invalid(`${where}, column "Priority": expected a number, got ${describeValue(row[cPri])}.`);
    }
    const group = groups.get(pri) ?? { conditions: [] };
    groups.set(pri, group);
    const to = cellText(row[cTo]);
    if (to !== '') {
      if (group.to !== undefined && nameKey(group.to) !== nameKey(to)) {
        invalid(
          `${where}: priority ${pri} assigns to "${to}" but row ${group.toRow} of the same priority to "${group.to}"; ` +
            'rows of one priority are one rule.',
        );
      }
      group.to = to;
      group.toRow = r + 1;
    }
    const field = isBlankOrZero(row[cField]) ? '' : cellText(row[cField]);
    if (field === '') {
      if (!isBlankOrZero(row[cOp]) || !isBlankOrZero(row[cValue])) {
        invalid(`${where}: Operator/Value given without a Field; name the field, or clear them for a default rule.`);
      }
      continue; // no condition: a default (or a row that only names the assignee)
    }
    const column = fieldKeys.indexOf(nameKey(field));
    if (column < 0) {
      invalid(
        `${where}: the field "${field}" is not a column of records (found ${recordHeader
          .map((c) => `"${cellText(c)}"`)
          .join(', ')}).`,
      );
    }
    const opText = cellText(row[cOp]).toLowerCase().replace(/\s+/g, ' ') || '=';
    const op = OPERATORS.find((o) => o === (opText === '!=' ? '<>' : opText === 'startswith' ? 'starts with' : opText));
    if (op === undefined) {
      invalid(
        `${where}, column "Operator": expected one of ${OPERATORS.map((o) => `"${o}"`).join(', ')}, got "${opText}".`,
      );
    }
    if ((op === 'contains' || op === 'starts with') && isBlankOrZero(row[cValue])) {
      invalid(
        `${where}, column "Value": "${op}" needs a text to look for, got a blank cell (or 0: ${BLANK_AS_ZERO}; ` +
          "type '0 to look for 0).",
      );
    }
    const value = comparable(row[cValue]);
    const list: Comparable[] =
      op === 'in'
        ? cellText(row[cValue])
            .split(';')
            .map((s) => comparable(s.trim()))
        : [];
    group.conditions.push({ column, op, value, list });
  }
  const out: RuleGroup[] = [];
  for (const pri of [...groups.keys()].sort((a, b) => a - b)) {
    const grp = groups.get(pri)!;
    if (grp.to === undefined) invalid(`rules: priority ${pri} has no "Assign to"; name a rep or a team.`);
    const k = nameKey(grp.to);
    const team = teamKeys.get(k);
    const rep = repKeys.get(k);
    if (team !== undefined && rep !== undefined) {
      invalid(`rules: row ${grp.toRow}: "${grp.to}" is both a team and a rep; rename one of them.`);
    }
    if (team === undefined && rep === undefined) {
      invalid(`rules: row ${grp.toRow}: "${grp.to}" is neither a team nor a rep of reps.`);
    }
    out.push({
      priority: pri,
      conditions: grp.conditions,
      target:
        team !== undefined
          ? { kind: 'team', index: team, name: table.teams[team] }
          : { kind: 'rep', index: rep!, name: table.reps[rep!].name },
    });
  }
  if (out.length === 0) invalid('rules: expected at least one rule below the header row.');
  return out;
}

/** The records (a header row, then one record a row), rules and reps read and routed: the rep index per record. */
export function readRoute(
  records: ArgValue,
  rules: ArgValue,
  reps: ArgValue,
  load?: ArgValue,
): { table: RepsTable; routed: (Routed | null)[]; header: CellValue[] } {
  const g = asGrid(records);
  checkRectangular(g, 'records');
  const n = usedRows(g);
  if (n === 0) invalid('records: expected a table with a header row of field names.');
  checkSize('records', n - 1, LIMITS.routeRecords, 'records', 'Route them in batches.');
  const ruleRows = Math.max(0, usedRows(asGrid(rules)) - 1);
  if ((n - 1) * ruleRows > LIMITS.routeTests) {
    tooLarge(
      'rules',
      (n - 1) * ruleRows,
      LIMITS.routeTests,
      'record-rule tests (records × rules rows)',
      `That is ${formatCount(n - 1)} records × ${formatCount(ruleRows)} rules rows: route the records in batches.`,
    );
  }
  const header = g[0];
  if (!isTextHeaderRow(header)) invalid('records: the first row must be a header row of field names.');
  const table = readReps(reps, load);
  const groups = readRules(rules, header, table);
  // Each field a rule tests, read once per record.
  const columns = new Map<number, Comparable[]>();
  for (const grp of groups) {
    for (const c of grp.conditions) {
      if (!columns.has(c.column))
        columns.set(
          c.column,
          Array.from({ length: n - 1 }, (_, r) => comparable(g[r + 1][c.column])),
        );
    }
  }
  const routed = route(
    n - 1,
    (r, c) => (columns.get(c) as Comparable[])[r],
    (r) => g[r + 1].every(isBlankOrZero),
    groups,
    table.reps,
    table.teams,
  );
  return { table, routed, header };
}

/** ROUTE's column: the header, then per record the rep's name, "" for a blank row, or #N/A with the reason. */
export function routeColumn(
  records: ArgValue,
  rules: ArgValue,
  reps: ArgValue,
  load?: ArgValue,
): (CellValue | CellError)[][] {
  const { table, routed } = readRoute(records, rules, reps, load);
  const out: (CellValue | CellError)[][] = [[ROUTE_HEADER]];
  for (const r of routed) {
    if (r === null) out.push(['']);
    else if (typeof r === 'number') out.push([table.reps[r].name]);
    else out.push([new CellError('notAvailable', r.reason)]);
  }
  return out;
}
