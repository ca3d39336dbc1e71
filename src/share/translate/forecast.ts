/**
 * Translator of SALESOPS.PIPELINE: Σ amount × win probability of the stage over the opportunities whose close date
 * lies in [from, to], to the cent (src/forecast/pipeline.ts), written out opportunity by opportunity in the core's
 * order, the probability looked up with INDEX/MATCH (an unknown stage is #N/A, as in the function).
 */
import { type Grid, isBlank } from '../../shared/cells';
import { toVector, withoutHeader } from '../../shared/coerce';
import type { ResolvedReference } from '../references';
import { type ScalarArg, cellText, guarded, optionalNumberArg } from './args';
import {
  type CallArg,
  type TranslateContext,
  type Translator,
  isOmitted,
  refValues,
  referenceArg,
  refuse,
  translateWith,
} from './common';

/** Largest date serial the functions accept, plus the day's fraction. */
const LAST_SERIAL = '2958466';

/** A one-row or one-column argument: its cells as formula text, after the header cell the function drops. */
interface VectorCells {
  cells: string[];
  values: Grid[number];
}

function vectorCells(arg: CallArg | undefined, name: string, ctx: TranslateContext): VectorCells {
  const ref = referenceArg(arg, ctx);
  if (!ref) refuse(`${name} is not a range reference the snapshot can resolve`);
  const grid = refValues(ref, ctx);
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  if (rows !== grid.length || (grid[0]?.length ?? 0) !== cols) refuse(`${name} is a whole-column or whole-row range`);
  if (rows > 1 && cols > 1) refuse(`${name} is not one row or one column`);
  const all = cols === 1 ? grid.map((r) => r[0]) : grid[0];
  const read = toVector(grid, name); // as the function reads it: a header cell dropped or not
  const drop = all.length - read.length;
  const cells = read.map((_, i) => (cols === 1 ? cellText(ref, drop + i, 0, ctx) : cellText(ref, 0, drop + i, ctx)));
  return { cells, values: read };
}

/** True for text MATCH reads exactly as the function's stage key does: trimmed, single spaces, no wildcards. */
function plainStage(v: unknown): boolean {
  return typeof v === 'string' && v === v.trim().replace(/\s+/g, ' ') && !/[*?~]/.test(v) && v !== '';
}

/** The stage table: names and probabilities columns (header row left out) as ranges. */
function stageTable(arg: CallArg | undefined, ctx: TranslateContext): { names: string; probs: string } {
  const ref = referenceArg(arg, ctx);
  if (!ref) refuse('stage_probabilities is not a range reference the snapshot can resolve');
  const grid = refValues(ref, ctx);
  if (ref.right - ref.left !== 1) refuse('stage_probabilities does not have two columns');
  if (ref.bottom - ref.top + 1 !== grid.length) refuse('stage_probabilities is a whole-column range');
  const { header, rows } = withoutHeader(grid);
  const first = header ? 1 : 0;
  const seen = new Set<string>();
  for (const [name, p] of rows) {
    if (isBlank(name) && isBlank(p)) continue;
    if (!plainStage(name)) refuse('a stage name has extra spaces, wildcards (* ? ~) or is not text');
    if (typeof p !== 'number') refuse('a probability is not a number');
    const key = String(name).toLowerCase();
    if (seen.has(key)) refuse('a stage is listed twice');
    seen.add(key);
  }
  if (rows.length === 0) refuse('stage_probabilities has no rows');
  const col = (c: number): string => {
    const part: ResolvedReference = { ...ref, top: ref.top + first, left: ref.left + c, right: ref.left + c };
    const a = cellText(part, 0, 0, ctx);
    const b = cellText(part, part.bottom - part.top, 0, ctx).replace(/^.*!/, '');
    return part.bottom === part.top ? a : `${a}:${b}`;
  };
  return { names: col(0), probs: col(1) };
}

/** A date bound: its formula text (0+cell for a cell, as a blank is 0), and when it counts. */
function bound(b: ScalarArg | undefined): { text: string; given: string } | undefined {
  if (b === undefined) return undefined;
  if (b.cell) return { text: `(0+${b.cell})`, given: `NOT(ISBLANK(${b.cell}))` };
  return { text: b.text, given: 'TRUE' };
}

/**
 * SALESOPS.PIPELINE(amounts, stages, stage_probabilities, [close_dates], [from], [to]) →
 * ROUND(Σ_i IF(ISBLANK(amount_i), IF(ISBLANK(stage_i), 0, #VALUE!),
 *   amount_i × INDEX(probabilities, MATCH(stage_i, names, 0)) × in_window_i), 2).
 */
export const translatePipeline: Translator = (args, ctx) =>
  translateWith(() => {
    if (args.length > 6) refuse('too many arguments');
    const amounts = vectorCells(args[0], 'amounts', ctx);
    const stages = vectorCells(args[1], 'stages', ctx);
    const table = stageTable(args[2], ctx);
    const dates = isOmitted(args[3]) ? undefined : vectorCells(args[3], 'close_dates', ctx);
    const from = bound(optionalNumberArg(args[4], 'from', ctx));
    const to = bound(optionalNumberArg(args[5], 'to', ctx));
    if (!dates && (!isOmitted(args[4]) || !isOmitted(args[5]))) refuse('from or to is given without close_dates');
    const n = Math.min(amounts.cells.length, stages.cells.length);
    let last = Math.max(amounts.values.length, stages.values.length);
    while (last > 0 && isBlank(amounts.values[last - 1]) && isBlank(stages.values[last - 1])) last--;
    if (last > n) refuse('amounts and stages do not have the same length');
    if (dates && dates.cells.length < last) refuse('close_dates is shorter than amounts');
    for (let i = 0; i < n; i++) {
      const s = stages.values[i];
      if (!isBlank(s) && !plainStage(s)) refuse(`stage ${i + 1} has extra spaces, wildcards (* ? ~) or is not text`);
    }
    if (n === 0) refuse('no opportunities');

    const errors: string[] = [`COUNTIF(${table.probs},"<0")>0`, `COUNTIF(${table.probs},">1")>0`];
    for (const b of [from, to]) {
      if (b) errors.push(`IF(${b.given},OR(${b.text}<1,${b.text}>=${LAST_SERIAL}),FALSE)`);
    }
    if (from && to) errors.push(`IF(AND(${from.given},${to.given}),INT(${from.text})>INT(${to.text}),FALSE)`);
    if (dates) {
      const first = dates.cells[0];
      const lastCell = dates.cells[dates.cells.length - 1].replace(/^.*!/, '');
      const range = dates.cells.length === 1 ? first : `${first}:${lastCell}`;
      errors.push(`COUNTIF(${range},"<1")>0`, `COUNTIF(${range},">=${LAST_SERIAL}")>0`);
      // One blank close-date cell arrives as a blank argument, which the function reads as omitted: an error
      // when a bound is given.
      const given = [from?.given, to?.given].filter((g): g is string => g !== undefined);
      if (dates.cells.length === 1 && given.length > 0)
        errors.push(`IF(ISBLANK(${first}),OR(${given.join(',')}),FALSE)`);
    }
    const terms: string[] = [];
    for (let i = 0; i < n; i++) {
      const a = amounts.cells[i];
      const s = stages.cells[i];
      const p = `INDEX(${table.probs},MATCH(${s},${table.names},0))`;
      let w = '';
      if (dates) {
        const d = dates.cells[i];
        if (from || to) {
          const given = [from?.given, to?.given].filter((g): g is string => g !== undefined);
          const inside = [`NOT(ISBLANK(${d}))`];
          if (from) inside.push(`IF(${from.given},INT(0+${d})>=INT(${from.text}),TRUE)`);
          if (to) inside.push(`IF(${to.given},INT(0+${d})<=INT(${to.text}),TRUE)`);
          w = `*IF(OR(${given.join(',')}),AND(${inside.join(',')}),TRUE)`;
        }
      }
      terms.push(`IF(ISBLANK(${a}),IF(ISBLANK(${s}),0,#VALUE!),${a}*${p}${w})`);
    }
    return guarded(errors, `ROUND(${terms.join('+')},2)`);
  });
