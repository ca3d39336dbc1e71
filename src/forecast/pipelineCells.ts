/**
 * Reading pipeline inputs from cells, shared by SALESOPS.PIPELINE and the forecast wizard's pipeline mode:
 * the stage-probability table and one opportunity row, with the shared coercion policy and messages that name
 * the argument (or column) and the item.
 */
import { type ArgValue, type CellValue, asGrid, describeValue, isBlank } from '../shared/cells';
import { cellNumber, cellText, checkRectangular, withoutHeader } from '../shared/coerce';
import { checkSerial } from '../shared/dates';
import { invalid } from '../shared/errors';
import { type Opportunity, type StageProbabilities, stageTable } from './pipeline';

/** Reads a two-column stage table (stage name, probability as a fraction); a text header row is skipped. */
export function readStageProbabilities(range: ArgValue, arg: string): StageProbabilities {
  const grid = asGrid(range);
  checkRectangular(grid, arg);
  if (grid.length === 0 || grid[0].length !== 2) invalid(`${arg}: expected two columns, stage name and probability.`);
  const rows = withoutHeader(grid).rows.filter((r) => !(isBlank(r[0]) && isBlank(r[1])));
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
 * are both blank (the end of a whole-column selection). A blank close date means none.
 */
export function readOpportunity(
  amount: CellValue | undefined,
  stage: CellValue | undefined,
  closeDate: CellValue | undefined,
  item: number,
  names: OpportunityNames,
): Opportunity | undefined {
  if (isBlank(amount) && isBlank(stage)) return undefined;
  const a = cellNumber(amount);
  if (a === undefined) invalid(`${names.amount}: item ${item}: expected a number, got ${describeValue(amount)}.`);
  if (isBlank(stage)) invalid(`${names.stage}: item ${item} is blank; every opportunity needs a stage.`);
  let date: number | undefined;
  if (!isBlank(closeDate)) {
    const d = cellNumber(closeDate);
    if (d === undefined) invalid(`${names.closeDate}: item ${item}: expected a date, got ${describeValue(closeDate)}.`);
    date = checkSerial(d, `${names.closeDate}: item ${item}`);
  }
  return { amount: a, stage: cellText(stage), closeDate: date };
}
