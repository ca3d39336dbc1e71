/**
 * Shared plan fixtures for the comp tests and benches (hand-worked values are in the tests that use them). HEADER is
 * the plan table layout written out by hand, the one copy the tests and benches take it from; writePlanTable is
 * checked against it (test/comp/planTable.test.ts).
 */
import type { Grid } from '../../src/shared/cells';

export const HEADER = [
  'Plan v3',
  'Component',
  'Measure',
  'Target incentive',
  'Weight',
  'Quota',
  'Method',
  'Bound',
  'Rate',
  'Cap',
  'Threshold',
  'Formula',
];

/** A plan-table row: the cells given, in HEADER's column order, then blanks (null) to the last column. */
export const planRow = (...cells: (string | number | null)[]): (string | number | null)[] => [
  ...cells,
  ...new Array<null>(HEADER.length - cells.length).fill(null),
];
const row = planRow;

/** A formula component row: its measure, weight and quota, and the formula in the last column (plan table v3). */
export const formulaRow = (component: string, measure: string, weight: number, quota: number, formula: string) => {
  const cells = planRow('formula', component, measure, null, weight, quota);
  cells[HEADER.indexOf('Formula')] = formula;
  return cells;
};

/**
 * An account executive's quarter: target incentive 10,000.
 * - Bookings (70 % → 7,000 of target), quota 1,000,000, marginal: rate 1 up to 100 %, 1.5 above; cap 2× its
 *   target (14,000); threshold 50 %.
 * - Logos (30 % → 3,000), "New logos" quota 10, retro at rate 1.
 * - Kicker: Bookings × 1.1 when New logos reach 100 % of their quota.
 * - SPIFF: 250 per multi-year deal.
 */
export const AE_PLAN: Grid = [
  HEADER,
  row('plan', 'AE 2026', null, 10000),
  row('component', 'Bookings', 'Bookings', null, 0.7, 1000000, 'marginal', null, null, 2, 0.5),
  row('band', 'Bookings', null, null, null, null, null, 0, 1),
  row('band', 'Bookings', null, null, null, null, null, 1, 1.5),
  row('component', 'Logos', 'New logos', null, 0.3, 10, 'retro'),
  row('band', 'Logos', null, null, null, null, null, 0, 1),
  row('kicker', 'Bookings', 'New logos', null, null, null, null, 1, 1.1),
  row('spiff', 'Multi-year', 'Multi-year deals', null, null, null, 'per unit', null, 250),
];

/** A copy of AE_PLAN (or of `grid`) with cell (row r, column c), both 0-based, replaced. */
export function withCell(r: number, c: number, v: string | number | boolean | null): Grid;
export function withCell(grid: Grid, r: number, c: number, v: string | number | boolean | null): Grid;
export function withCell(...args: [number, number, Grid[0][0]] | [Grid, number, number, Grid[0][0]]): Grid {
  const [grid, r, c, v] = args.length === 4 ? args : [AE_PLAN, ...args];
  return grid.map((cells, i) => (i === r ? cells.map((x, j) => (j === c ? v : x)) : [...cells]));
}
