/**
 * Reading pipeline inputs from cells, shared by SALESOPS.PIPELINE and the forecast wizard's pipeline mode:
 * the stage-probability table and one opportunity row, with the shared coercion policy and messages that name
 * the argument (or column) and the item.
 */
import { type ArgValue, type CellValue, asGrid, describeValue, isBlank, isBlankOrZero } from '../../shared/cells';
import { cellNumber, cellText, checkRectangular, withoutHeader } from '../../shared/coerce';
import { checkSerial } from '../../shared/dates';
import { invalid } from '../../shared/errors';
import { type Opportunity, type StageProbabilities, stageTable } from '../pipeline';

/**
 * Reads a two-column stage table (stage name, probability as a fraction); a text header row is skipped, and so
 * are blank rows (also as Excel for desktop passes them: 0 | 0).
 */
export function readStageProbabilities(range: ArgValue, arg: string): StageProbabilities {
  const grid = asGrid(range);
  checkRectangular(grid, arg);
  if (grid.length === 0 || grid[0].length !== 2) invalid(`${arg}: expected two columns, stage name and probability.`);
  const rows = withoutHeader(grid).rows.filter((r) => !(isBlankOrZero(r[0]) && isBlankOrZero(r[1])));
  return stageTable(
    rows.map((r, i) => {
      const p = typeof r[1] === 'boolean' ? undefined : cellNumber(r[1]);
      if (p === undefined) invalid(`${arg}: row ${i + 1}: expected a probability, got ${describeValue(r[1])}.`);
      return { stage: cellText(r[0]), probability: p };
    }),
  );
}

/** What the amount, stage and close-date cells are called in messages (argument or column names). */
export interface OpportunityNames {
  amount: string;
  stage: string;
  closeDate: string;
}

/**
 * One opportunity from its cells (item = 1-based position, for messages), or `undefined` when amount and stage
 * are both blank or 0 (a blank row; Excel for desktop passes blanks as 0). A blank close date (or 0, never a date) means none;
 * `hint` is appended to the amount's error (see `headerHint`).
 */
export function readOpportunity(
  amount: CellValue | undefined,
  stage: CellValue | undefined,
  closeDate: CellValue | undefined,
  item: number,
  names: OpportunityNames,
  hint = '',
): Opportunity | undefined {
  // Excel for desktop passes blank cells as 0: a row whose amount and stage are both blank or 0 is a blank row.
  if (isBlankOrZero(amount) && isBlankOrZero(stage)) return undefined;
  const a = cellNumber(amount);
  if (a === undefined)
    invalid(`${names.amount}: item ${item}: expected a number, got ${describeValue(amount)}${hint}.`);
  if (isBlank(stage)) invalid(`${names.stage}: item ${item} is blank; every opportunity needs a stage.`);
  let date: number | undefined;
  if (!isBlankOrZero(closeDate)) {
    const d = cellNumber(closeDate);
    if (d === undefined) invalid(`${names.closeDate}: item ${item}: expected a date, got ${describeValue(closeDate)}.`);
    date = checkSerial(d, `${names.closeDate}: item ${item}`);
  }
  return { amount: a, stage: cellText(stage), closeDate: date };
}
