/**
 * The territory wizard's model: the accounts range and chosen columns → the core's problem (src/territory,
 * through its Excel-range parsers, so coercion and messages match SALESOPS.TERRITORY), the before/after balance,
 * and the write plan. Pure (no React).
 */
import type { CellValue, Grid } from '../../../src/shared/cells';
import { cellText } from '../../../src/shared/coerce';
import { invalid } from '../../../src/shared/errors';
import {
  type BalanceReport,
  type TerritoryProblem,
  balanceGrid,
  balanceReport,
  parseTerritoryRanges,
} from '../../../src/territory';
import { formatCell, formatRange, parseRange } from '../../workbook/address';
import type { RangeData, WriteCell, WritePlan } from '../../workbook/port';
import { numberField } from '../fields';
import type { TerritoryForm } from './types';

/** Header names of a range's first row. */
export function headers(data: RangeData): string[] {
  return (data.values[0] ?? []).map((h) => cellText(h));
}

function column(data: RangeData, header: string): Grid {
  const i = headers(data).findIndex((h) => h.toLowerCase() === header.toLowerCase());
  if (i < 0) invalid(`Accounts: no column "${header}".`);
  return data.values.map((r) => [r[i]]);
}

/** Checks the picks and builds the problem; errors name the field. */
export function buildProblem(
  form: TerritoryForm,
  accounts: RangeData,
  reps: RangeData,
): { problem?: TerritoryProblem; repNames?: string[]; errors: Partial<Record<keyof TerritoryForm, string>> } {
  const errors: Partial<Record<keyof TerritoryForm, string>> = {};
  if (form.metrics.length === 0) errors.metrics = 'Choose at least one metric column to balance.';
  const moves = numberField(form.maxMoves, 'Most accounts moved', { min: 0, integer: true, optional: true });
  if (!moves.ok) errors.maxMoves = moves.error;
  if (!moves.ok || errors.metrics) return { errors };
  const metrics: Grid = accounts.values.map((_, r) => form.metrics.map((m) => column(accounts, m)[r][0]));
  try {
    const { problem, reps: rr } = parseTerritoryRanges(
      metrics,
      reps.values,
      form.owner ? column(accounts, form.owner) : undefined,
      form.lock ? column(accounts, form.lock) : undefined,
      moves.value,
    );
    return { problem, repNames: rr.reps.map((r) => r.name), errors };
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
