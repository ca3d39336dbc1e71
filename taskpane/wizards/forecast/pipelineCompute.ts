/**
 * The pipeline wizard's computations: an opportunity table (header row + one row per opportunity) and a
 * two-column stage table → the core's weighted pipeline and forecast-category roll-up (src/forecast/pipeline.ts),
 * and the write plan (a `SALESOPS.PIPELINE` formula or its value, and the roll-up table). Pure (no React).
 * Cells are read as SALESOPS.PIPELINE reads them (same coercion helpers, blank rows skipped, a text header row of
 * the stage table skipped), so the preview and the written formula agree.
 */
import type { Grid } from '../../../src/shared/cells';
import { cellText } from '../../../src/shared/coerce';
import { serialToDate } from '../../../src/shared/dates';
import { invalid } from '../../../src/shared/errors';
import {
  FORECAST_CATEGORIES,
  type Opportunity,
  type StageProbabilities,
  closesWithin,
  readOpportunity,
  readStageProbabilities,
  rollupCategories,
  weightedPipeline,
} from '../../../src/forecast';
import { formatRange, parseRange, qualified } from '../../workbook/address';
import type { WriteOutput } from '../../components/WriteOptions';
import type { RangeData, WriteCell, WritePlan } from '../../workbook/port';
import { columnOf, headerNames } from '../columns';
import { dateField } from '../fields';
import type { PipelineChecked, PipelineForm, PipelinePreview } from './types';

/** Checks the opportunity table has a header row and at least one opportunity; returns its column names. */
export function readOpportunityTable(data: RangeData): string[] {
  if (data.values.length < 2)
    invalid('Opportunities: expected a header row and at least one opportunity row below it.');
  const cols = headerNames(data);
  if (cols.some((c) => c.trim() === '')) invalid('Opportunities: every column needs a header name in the first row.');
  return cols;
}

/** The stage table (two columns: stage, probability; a text header row is skipped), through the core. */
export function readStageTable(data: RangeData): StageProbabilities {
  return readStageProbabilities(data.values, 'Stage probabilities');
}

/** Field-by-field validation of the pipeline picks; `errors` maps a field to its message. */
export function validatePipelineOptions(
  form: PipelineForm,
  columns: string[],
): { options?: PipelineChecked; errors: Partial<Record<keyof PipelineForm, string>> } {
  const errors: Partial<Record<keyof PipelineForm, string>> = {};
  const known = (c: string) => columns.includes(c);
  if (form.amount === '') errors.amount = 'Choose the amount column.';
  else if (!known(form.amount)) errors.amount = `No column "${form.amount}" in the opportunities.`;
  if (form.stage === '') errors.stage = 'Choose the stage column.';
  else if (!known(form.stage)) errors.stage = `No column "${form.stage}" in the opportunities.`;
  if (form.closeDate !== '' && !known(form.closeDate))
    errors.closeDate = `No column "${form.closeDate}" in the opportunities.`;
  if (form.category !== '' && !known(form.category))
    errors.category = `No column "${form.category}" in the opportunities.`;
  const from = dateField(form.from, 'From');
  if (!from.ok) errors.from = from.error;
  const to = dateField(form.to, 'To');
  if (!to.ok) errors.to = to.error;
  if (from.ok && to.ok) {
    if (from.value !== undefined && to.value !== undefined && from.value > to.value)
      errors.to = 'To must be on or after From.';
    if ((from.value !== undefined || to.value !== undefined) && form.closeDate === '')
      errors.closeDate = 'Choose the close-date column to use a close-date window.';
  }
  if (Object.values(errors).some(Boolean) || !from.ok || !to.ok) return { errors };
  return {
    errors,
    options: {
      amount: form.amount,
      stage: form.stage,
      closeDate: form.closeDate || undefined,
      category: form.category || undefined,
      from: from.value,
      to: to.value,
    },
  };
}

const columnIndex = (data: RangeData, header: string): number => columnOf(data, header, 'Opportunities');

/** The opportunity rows (below the header) with amount and stage both blank skipped, as SALESOPS.PIPELINE does. */
function opportunityRows(data: RangeData, o: PipelineChecked): { opp: Opportunity; category?: string }[] {
  const ia = columnIndex(data, o.amount);
  const is = columnIndex(data, o.stage);
  const id = o.closeDate ? columnIndex(data, o.closeDate) : undefined;
  const ic = o.category ? columnIndex(data, o.category) : undefined;
  const rows: Grid = data.values.slice(1);
  const out: { opp: Opportunity; category?: string }[] = [];
  const names = { amount: o.amount, stage: o.stage, closeDate: o.closeDate ?? 'Close date' };
  rows.forEach((r, k) => {
    const opp = readOpportunity(r[ia], r[is], id === undefined ? null : r[id], k + 1, names);
    if (opp !== undefined) out.push({ opp, category: ic === undefined ? undefined : cellText(r[ic]) });
  });
  if (out.length === 0) invalid('Opportunities: no opportunity rows (every amount and stage is blank).');
  return out;
}

/**
 * The preview: the weighted pipeline from the core (Σ amount × stage probability within the window) and, with a
 * category column, the core's roll-up of the (unweighted) amounts of the opportunities within the same window.
 */
export function computePipeline(data: RangeData, stages: StageProbabilities, o: PipelineChecked): PipelinePreview {
  const rows = opportunityRows(data, o);
  const weighted = weightedPipeline(
    rows.map((r) => r.opp),
    stages,
    o.from,
    o.to,
  );
  const inWindow = rows.filter(({ opp }) => closesWithin(opp.closeDate, o.from, o.to));
  const out: PipelinePreview = { counted: inWindow.length, weighted };
  if (o.category !== undefined)
    out.rollup = rollupCategories(inWindow.map((r) => ({ amount: r.opp.amount, category: r.category ?? '' })));
  return out;
}

/** Absolute, sheet-qualified reference to a rectangle. */
function absolute(sheet: string, r: ReturnType<typeof parseRange>): string {
  return qualified(sheet, formatRange(r).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2'));
}

/** The data cells (below the header) of one column of the opportunity table, absolute and sheet-qualified. */
function columnRef(data: RangeData, header: string): string {
  const r = parseRange(data.address);
  const c = r.left + columnIndex(data, header);
  return absolute(data.sheet, { top: r.top + 1, bottom: r.bottom, left: c, right: c });
}

function dateFormula(serial: number): string {
  const d = serialToDate(serial);
  return `DATE(${d.year},${d.month},${d.day})`;
}

/** `=SALESOPS.PIPELINE(amounts, stages, stage_probabilities[, close_dates[, from[, to]]])` for the picks. */
export function pipelineFormula(opps: RangeData, stages: RangeData, o: PipelineChecked): string {
  const args = [
    columnRef(opps, o.amount),
    columnRef(opps, o.stage),
    absolute(stages.sheet, parseRange(stages.address)),
  ];
  if (o.closeDate && (o.from !== undefined || o.to !== undefined)) {
    args.push(columnRef(opps, o.closeDate));
    args.push(o.from === undefined ? '' : dateFormula(o.from));
    if (o.to !== undefined) args.push(dateFormula(o.to));
  }
  return `=SALESOPS.PIPELINE(${args.join(',')})`;
}

const CATEGORY_LABELS: Record<(typeof FORECAST_CATEGORIES)[number], string> = {
  closed: 'Closed',
  commit: 'Commit',
  'best case': 'Best case',
  pipeline: 'Pipeline',
  omitted: 'Omitted',
};

/** Rows of the roll-up table: category, amount in it, cumulative roll-up (none for omitted). */
export function rollupRows(p: PipelinePreview): [string, number, number | null][] {
  if (!p.rollup) return [];
  const { totals, rollups } = p.rollup;
  const cumulative: Record<string, number | null> = {
    closed: rollups.closed,
    commit: rollups.commit,
    'best case': rollups.bestCase,
    pipeline: rollups.pipeline,
    omitted: null,
  };
  return FORECAST_CATEGORIES.map((c) => [CATEGORY_LABELS[c], totals[c], cumulative[c]]);
}

/**
 * A new sheet: A1 "Weighted pipeline" | B1 the `SALESOPS.PIPELINE` formula (or its value); with a category
 * column, the roll-up table from A3: Category | Amount | Roll-up (values: the core has no roll-up function).
 */
export function buildPipelineWrite(
  sheet: string,
  opps: RangeData,
  stages: RangeData,
  o: PipelineChecked,
  p: PipelinePreview,
  output: WriteOutput,
): WritePlan {
  const total: WriteCell = output === 'formulas' ? { formula: pipelineFormula(opps, stages, o) } : p.weighted;
  const blocks: WritePlan['blocks'] = [
    { sheet, at: 'A1', cells: [['Weighted pipeline', total]], numberFormats: [['General', '#,##0.00']] },
  ];
  const rows = rollupRows(p);
  if (rows.length > 0) {
    blocks.push({
      sheet,
      at: 'A3',
      cells: [['Category', 'Amount', 'Roll-up'], ...rows],
      numberFormats: [['General', '#,##0.00', '#,##0.00']],
    });
  }
  return { newSheets: [sheet], blocks };
}
