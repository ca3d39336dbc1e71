/**
 * Reads a rep's actuals for the plan functions from cells, in any of three shapes:
 * 1. two rows: a header row of measure names over the rep's row of values (other columns, e.g. the rep's name,
 *    are ignored);
 * 2. two columns: measure name, value (one measure a row; an optional header row);
 * 3. one row or column of values in plan order (see planMeasures), or in the order of `measures` when given.
 * Every measure the plan uses must have a value: a missing or blank one is #N/A; a non-number is #VALUE!.
 */
import { sameNameHint } from '../../shared/names';
import { type ArgValue, type CellValue, asGrid, describeValue, isBlank, isBlankOrZero } from '../../shared/cells';
import { cellNumber, cellText, checkRectangular, isTextHeaderRow, toVector, withoutHeader } from '../../shared/coerce';
import { invalid, notFound } from '../../shared/errors';
import { type CompPlan, measureKey, planMeasures } from '../plan';
import { LIMITS, SPLIT_RANGE, checkSize } from '../../shared/limits';

/** The plan's measures read from `actuals` (and `measures`, the names for a bare row of values). */
export function readActuals(
  plan: CompPlan,
  actuals: ArgValue,
  measures?: ArgValue,
  arg = 'actuals',
): Map<string, number> {
  const grid = asGrid(actuals);
  checkSize(arg, grid.length, LIMITS.rows, 'rows', SPLIT_RANGE);
  checkRectangular(grid, arg);
  if (grid.length === 0 || grid[0].length === 0) invalid(`${arg}: no values given.`);
  const wanted = planMeasures(plan);
  const cells = new Map<string, { name: string; value: CellValue }>();
  const put = (name: CellValue, value: CellValue, where: string) => {
    const n = cellText(name);
    if (n === '') return;
    const k = measureKey(n);
    const had = cells.get(k);
    if (had) invalid(`${where}: measure "${n}" is given twice${sameNameHint(n, had.name)}.`);
    cells.set(k, { name: n, value });
  };
  const names = measures === undefined || measures === null ? [] : toVector(measures, 'measures', false);
  const rows = grid.length;
  const cols = grid[0].length;
  // Columns (of the two-row shape) or rows (of the two-column shape) that are blank in the sheet; Excel for desktop
  // passes blank cells as 0, so a 0 name over or beside a 0 value is a blank too.
  const emptyColumn = (c: number) => rows === 2 && isBlankOrZero(grid[0][c]) && isBlankOrZero(grid[1][c]);
  const headerCells = grid[0].filter((_, c) => !emptyColumn(c));
  if (rows === 2 && headerCells.length > 0 && isTextHeaderRow(headerCells)) {
    grid[0].forEach((h, c) => {
      if (!emptyColumn(c)) put(h, grid[1][c], `${arg}: header row, column ${c + 1}`);
    });
  } else if (cols === 2 && names.length === 0 && isPairs(grid)) {
    const { header, rows: body } = withoutHeader(grid);
    body.forEach((r, i) => {
      if (!(isBlankOrZero(r[0]) && isBlankOrZero(r[1]))) put(r[0], r[1], `${arg}: row ${i + (header ? 2 : 1)}`);
    });
  } else if (rows === 1 || cols === 1) {
    const values = toVector(grid, arg, false);
    const order = names.length > 0 ? names : wanted;
    if (values.length !== order.length) {
      invalid(
        names.length > 0
          ? `measures: expected ${values.length} names, one per value of ${arg}, got ${names.length}.`
          : `${arg}: expected ${order.length} values in plan order (${order.join(', ')}), got ${values.length}; or add a header row of measure names.`,
      );
    }
    order.forEach((n, i) => put(n, values[i], `measures: item ${i + 1}`));
  } else {
    invalid(
      `${arg}: expected one rep's row (a header row of measure names over a row of values), two columns (measure, value) or a row of values in plan order; got ${rows} rows × ${cols} columns.`,
    );
  }
  const out = new Map<string, number>();
  for (const m of wanted) {
    const found = cells.get(measureKey(m));
    if (!found || isBlank(found.value)) {
      const have = [...cells.values()].map((c) => c.name);
      notFound(`${arg}: no value for measure "${m}" (found: ${have.join(', ') || 'none'}).`);
    }
    const v = found.value;
    const n = typeof v === 'boolean' ? undefined : cellNumber(v);
    if (n === undefined) invalid(`${arg}: measure "${found.name}": expected a number, got ${describeValue(v)}.`);
    out.set(m, n);
  }
  return out;
}

/** True when the first column holds names (text that is not a number) wherever the second holds a value. */
function isPairs(grid: CellValue[][]): boolean {
  const { rows } = withoutHeader(grid);
  return (
    rows.length > 0 &&
    rows.every(
      (r) =>
        (isBlankOrZero(r[0]) && isBlankOrZero(r[1])) || (typeof r[0] === 'string' && cellNumber(r[0]) === undefined),
    )
  );
}
