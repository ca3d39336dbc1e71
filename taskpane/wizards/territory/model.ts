/**
 * The territory wizard's model: the accounts range and chosen columns → the core's problem (src/territory,
 * through its Excel-range parsers, so coercion and messages match SALESOPS.TERRITORY; the reps range may be a
 * table with eligibility keys, homes and account bounds), the before/after balance, and the write plan. Pure
 * (no React).
 */
import { type CellValue, type Grid, describeValue, isBlank } from '../../../src/shared/cells';
import { cellNumber, cellText, isTextHeaderRow } from '../../../src/shared/coerce';
import { invalid } from '../../../src/shared/errors';
import {
  type BalanceReport,
  type MoveBudget,
  type RepSpec,
  type RepsTable,
  type TerritoryProblem,
  balanceGrid,
  balanceReport,
  firstUncoveredKey,
  parseRepsTable,
  parseTerritoryRanges,
} from '../../../src/territory';
import { formatCell, formatRange, parseRange } from '../../workbook/address';
import type { RangeData, WriteCell, WritePlan } from '../../workbook/port';
import { columnOf } from '../columns';
import { fractionField, numberField } from '../fields';
import type { TerritoryForm } from './types';

const columnIndex = (data: RangeData, header: string): number => columnOf(data, header, 'Accounts');

function column(data: RangeData, header: string): Grid {
  const i = columnIndex(data, header);
  return data.values.map((r) => [r[i]]);
}

/** Validation messages of the options step, by field. */
export type TerritoryErrors = Partial<Record<keyof TerritoryForm, string>>;

/**
 * The reps range as the wizard reads it. With a header row (its first row all text): a reps table
 * (src/territory/repsTable: Rep, Share, Keys, Latitude, Longitude, Min accounts, Max accounts). Without one:
 * SALESOPS.TERRITORY's reading, one column of names or two (name, share). `grid` is what the core's range
 * parser gets for the names (a table is reduced to its names, in the table's order, so rep indexes agree).
 */
export function readReps(values: Grid): { grid: Grid; table?: RepsTable } {
  const first = values[0] ?? [];
  if (!isTextHeaderRow(first)) {
    if (first.length > 2)
      invalid(
        'reps: with more than two columns the first row must be a header naming them (Rep, Share, Keys, Latitude, Longitude, Min accounts, Max accounts).',
      );
    return { grid: values };
  }
  const table = parseRepsTable(values);
  // Two columns whose first row is text: a header for the core's parser whatever the accounts' header looks like.
  const grid: Grid = [[table.columns.headers[table.columns.name], 'Share'], ...table.reps.map((r) => [r.name, null])];
  return { grid, table };
}

/** The metric the "most of a metric moved" limit applies to: the picked one while it is chosen, else the first. */
export function budgetMetric(form: TerritoryForm): string {
  return form.metrics.includes(form.budgetMetric) ? form.budgetMetric : (form.metrics[0] ?? '');
}

/** Account coordinates (decimal degrees) from the two chosen columns; errors name the range row and the column. */
function readCoordinates(
  accounts: RangeData,
  form: TerritoryForm,
  errors: TerritoryErrors,
): { lat: number[]; lon: number[] } | undefined {
  const read = (header: string, limit: number, field: 'latitude' | 'longitude'): number[] | undefined => {
    const j = columnIndex(accounts, header);
    const out: number[] = [];
    for (let i = 1; i < accounts.values.length; i++) {
      const cell = accounts.values[i][j];
      const where = `Accounts: row ${i + 1}, column "${header}"`;
      const x = cellNumber(cell);
      if (isBlank(cell)) errors[field] = `${where} is blank; every account needs a ${field} (or choose no columns).`;
      else if (x === undefined || Math.abs(x) > limit)
        errors[field] = `${where}: expected a number from -${limit} to ${limit}, got ${describeValue(cell)}.`;
      if (errors[field]) return undefined;
      out.push(x!);
    }
    return out;
  };
  const lat = read(form.latitude, 90, 'latitude');
  const lon = read(form.longitude, 180, 'longitude');
  return lat && lon ? { lat, lon } : undefined;
}

/**
 * Eligibility keys of the accounts (null = any rep), after checking that some rep covers every key (a rep without
 * keys covers them all, as in the core); otherwise the message names the first account row and its key.
 */
function readAccountKeys(
  accounts: RangeData,
  header: string,
  reps: readonly RepSpec[],
  errors: TerritoryErrors,
): (string | null)[] | undefined {
  const j = columnIndex(accounts, header);
  const keys = accounts.values.slice(1).map((r) => cellText(r[j]) || null);
  const i = firstUncoveredKey(keys, reps);
  if (i >= 0) {
    errors.eligibility = `Accounts: row ${i + 2} has the key "${keys[i]}", which no rep covers; add it to a rep's Keys in the reps range.`;
    return undefined;
  }
  return keys;
}

/** Checks the picks and builds the problem; errors name the field. */
export function buildProblem(
  form: TerritoryForm,
  accounts: RangeData,
  reps: RangeData,
): { problem?: TerritoryProblem; repNames?: string[]; errors: TerritoryErrors } {
  const errors: TerritoryErrors = {};
  if (form.metrics.length === 0) errors.metrics = 'Choose at least one metric column to balance.';
  const moves = numberField(form.maxMoves, 'Most accounts moved', { min: 0, integer: true, optional: true });
  if (!moves.ok) errors.maxMoves = moves.error;
  let maxMetricFraction: MoveBudget['maxMetricFraction'];
  if (form.maxMetricFraction.trim() !== '') {
    const f = fractionField(form.maxMetricFraction, 'Most of a metric moved');
    if (!f.ok) errors.maxMetricFraction = f.error;
    else if (form.metrics.length > 0)
      maxMetricFraction = { metric: form.metrics.indexOf(budgetMetric(form)), fraction: f.value };
  }
  if (form.latitude && !form.longitude)
    errors.longitude = 'Choose the longitude column too: coordinates need both latitude and longitude.';
  if (form.longitude && !form.latitude)
    errors.latitude = 'Choose the latitude column too: coordinates need both latitude and longitude.';
  if (form.latitude && form.latitude === form.longitude)
    errors.longitude = 'Latitude and longitude must be two different columns.';
  if (!moves.ok || Object.values(errors).some(Boolean)) return { errors };
  const maxAccounts = moves.value;
  const metrics: Grid = accounts.values.map((_, r) => form.metrics.map((m) => column(accounts, m)[r][0]));
  try {
    const rr = readReps(reps.values);
    const parsed = parseTerritoryRanges(
      metrics,
      rr.grid,
      form.owner ? column(accounts, form.owner) : undefined,
      form.lock ? column(accounts, form.lock) : undefined,
      maxAccounts,
    );
    const repSpecs = rr.table?.reps ?? parsed.problem.reps;
    const accountKeys = form.eligibility ? readAccountKeys(accounts, form.eligibility, repSpecs, errors) : undefined;
    const coordinates = form.latitude ? readCoordinates(accounts, form, errors) : undefined;
    if (Object.values(errors).some(Boolean)) return { errors };
    const moveBudget: MoveBudget | undefined =
      maxAccounts === undefined && maxMetricFraction === undefined
        ? undefined
        : {
            ...(maxAccounts === undefined ? {} : { maxAccounts }),
            ...(maxMetricFraction === undefined ? {} : { maxMetricFraction }),
          };
    const problem: TerritoryProblem = {
      ...parsed.problem,
      reps: repSpecs,
      moveBudget,
      ...(accountKeys ? { accountKeys } : {}),
      ...(coordinates ? { coordinates } : {}),
    };
    return { problem, repNames: repSpecs.map((r) => r.name), errors };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (msg.startsWith('reps')) errors.reps = msg;
    else if (msg.startsWith('locked') || msg.startsWith('current'))
      errors[msg.startsWith('locked') ? 'lock' : 'owner'] = msg;
    else errors.metrics = msg;
    return { errors };
  }
}

/** The balance of the current owners (undefined when any account has none: there is no "before" to show). */
export function beforeReport(problem: TerritoryProblem): BalanceReport | undefined {
  const cur = problem.current;
  if (!cur || Array.from(cur).some((c) => c < 0)) return undefined;
  return balanceReport(problem, Int32Array.from(cur));
}

/**
 * The write: a "New owner" column right of the accounts range (header + one rep name per account), and a new
 * report sheet with the balance report (SALESOPS.BALANCE's layout) and a column chart of each rep's index.
 */
export function buildTerritoryPlan(
  accounts: RangeData,
  repNames: string[],
  assignment: Int32Array,
  report: BalanceReport,
  reportSheet: string,
): WritePlan {
  const r = parseRange(accounts.address);
  const owners: WriteCell[][] = [['New owner'], ...Array.from(assignment, (a): WriteCell[] => [repNames[a] ?? null])];
  const grid = balanceGrid(report).map((row) => row.map((c): CellValue => c));
  // chart data under the report: Rep | <metric 1> index | Target (100 = on target)
  const top = grid.length + 2;
  const chartData: WriteCell[][] = [
    ['Rep', `${report.metricNames[0]} index`, 'Target'],
    ...report.reps.map((x): WriteCell[] => [x.name, x.index[0], 100]),
  ];
  return {
    newSheets: [reportSheet],
    blocks: [
      { sheet: accounts.sheet, at: formatCell(r.top, r.right + 1), cells: owners },
      { sheet: reportSheet, at: 'A1', cells: grid },
      { sheet: reportSheet, at: formatCell(top, 0), cells: chartData },
    ],
    charts: [
      {
        sheet: reportSheet,
        source: formatRange({ top, left: 0, bottom: top + report.reps.length, right: 2 }),
        type: 'column',
        title: `${report.metricNames[0]} index vs target`,
        at: formatCell(top, 4),
      },
    ],
  };
}
