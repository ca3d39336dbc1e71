/**
 * Translator of SALESOPS.PIPELINE: Σ amount × win probability of the stage over the opportunities whose close date
 * lies in [from, to], to the cent (src/forecast/pipeline.ts), written out opportunity by opportunity in the core's
 * order. The ranges are read as the function reads them (src/shared/aligned.ts: one header decision for amounts,
 * stages and close dates); stage names match ignoring case and every space (src/shared/names.ts), compared as
 * LOWER(SUBSTITUTE(name, " ", "")), row by row of the stage table (an unknown stage is #N/A, as in the function).
 */
import type { CellValue, Grid } from '../../shared/cells';
import { readAligned } from '../../shared/aligned';
import { withoutHeader } from '../../shared/coerce';
import { readStageProbabilities } from '../../forecast/sheet/pipeline';
import { cellText, guarded, optionalNoneAtZero } from './args';
import {
  type CallArg,
  type TranslateContext,
  type Translator,
  isOmitted,
  refValues,
  referenceArg,
  refuse,
  translateWith,
  LAST_SERIAL,
} from './common';

/** A one-row or one-column argument: every cell as formula text, and its values, in order. */
interface VectorCells {
  cells: string[];
  values: CellValue[];
  grid: Grid;
}

function vectorCells(arg: CallArg | undefined, name: string, ctx: TranslateContext): VectorCells {
  const ref = referenceArg(arg, ctx);
  if (!ref) refuse(`${name} is not a range reference the snapshot can resolve`);
  const grid = refValues(ref, ctx);
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  if (rows !== grid.length || (grid[0]?.length ?? 0) !== cols) refuse(`${name} is a whole-column or whole-row range`);
  if (rows > 1 && cols > 1) refuse(`${name} is not one row or one column`);
  const values = cols === 1 ? grid.map((r) => r[0]) : grid[0];
  const cells = values.map((_, i) => (cols === 1 ? cellText(ref, i, 0, ctx) : cellText(ref, 0, i, ctx)));
  return { cells, values, grid };
}

/**
 * A cell the formula's SUBSTITUTE(…, " ", "") reads as the function's name key does: a blank, a whole number
 * (written as text the same way by both), or text whose only whitespace is the space (nameKey also removes tabs
 * and non-breaking spaces, which SUBSTITUTE leaves; a fraction may be written as text differently).
 */
function plainName(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e15;
  return v === null || (typeof v === 'string' && !/[^\S ]/.test(v));
}

/** The formula text of a name key: the text without its spaces, in lower case (as `nameKey`). */
const keyOf = (cell: string) => `LOWER(SUBSTITUTE(${cell}," ",""))`;

/**
 * The stage table as formulas: per data row its probability cell and its name's key; a row the function skips
 * (0 | 0 or blank) has the key " j" (its row number after a space), which no stage's key (spaces removed) matches
 * and no other row's key equals.
 */
interface StageRows {
  probs: string[];
  keys: string[];
  errors: string[];
}

function stageTable(arg: CallArg | undefined, ctx: TranslateContext): StageRows {
  const ref = referenceArg(arg, ctx);
  if (!ref) refuse('stage_probabilities is not a range reference the snapshot can resolve');
  const grid = refValues(ref, ctx);
  if (ref.right - ref.left !== 1) refuse('stage_probabilities does not have two columns');
  if (ref.bottom - ref.top + 1 !== grid.length) refuse('stage_probabilities is a whole-column range');
  try {
    readStageProbabilities(grid, 'stage_probabilities');
  } catch (e) {
    refuse(`the function refuses stage_probabilities (${(e as Error).message})`);
  }
  const { header, rows } = withoutHeader(grid);
  const first = header ? 1 : 0;
  if (rows.length === 0) refuse('stage_probabilities has no rows');
  if (rows.some(([name]) => !plainName(name))) refuse('a stage name holds a tab, a non-breaking space or a fraction');
  if (rows.some(([, p]) => p !== null && typeof p !== 'number')) refuse('a probability is not a number');
  const probs: string[] = [];
  const keys: string[] = [];
  const errors: string[] = [];
  rows.forEach((_, j) => {
    const n = cellText(ref, first + j, 0, ctx);
    const p = cellText(ref, first + j, 1, ctx);
    probs.push(p);
    const skipped = `AND(${n}=0,${p}=0)`;
    keys.push(`IF(${skipped}," ${j + 1}",${keyOf(n)})`);
    // a row 0 | 0 (or blank) is skipped; any other row needs a name and a probability from 0 to 1
    errors.push(`IF(${skipped},FALSE,OR(${keyOf(n)}="",NOT(ISNUMBER(${p})),${p}<0,${p}>1))`);
  });
  // two spellings of one name (case and spaces aside) are refused
  for (let j = 0; j < keys.length; j++) for (let l = j + 1; l < keys.length; l++) errors.push(`${keys[j]}=${keys[l]}`);
  return { probs, keys, errors };
}

/**
 * SALESOPS.PIPELINE(amounts, stages, stage_probabilities, [close_dates], [from], [to]) →
 * ROUND(Σ_i IF(AND(amount_i=0, stage_i=0), 0, IF(OR(ISBLANK(amount_i), ISBLANK(stage_i), bad date), #VALUE!,
 *   amount_i × probability(stage_i) × in_window_i)), 2), the rows after the header the set shares.
 */
export const translatePipeline: Translator = (args, ctx) =>
  translateWith(() => {
    if (args.length > 6) refuse('too many arguments');
    const amounts = vectorCells(args[0], 'amounts', ctx);
    const stages = vectorCells(args[1], 'stages', ctx);
    const table = stageTable(args[2], ctx);
    const dates = isOmitted(args[3]) ? undefined : vectorCells(args[3], 'close_dates', ctx);
    const from = optionalNoneAtZero(args[4], 'from', ctx);
    const to = optionalNoneAtZero(args[5], 'to', ctx);
    if (!dates && (from?.given === 'TRUE' || to?.given === 'TRUE')) refuse('from or to is given without close_dates');
    const cols = [amounts, stages, ...(dates ? [dates] : [])];
    let header: boolean;
    try {
      const kinds = ['number', 'text', 'date'] as const;
      const names = ['amounts', 'stages', 'close_dates'];
      header = readAligned(
        cols.map((c, i) => ({ arg: names[i], value: c.grid, kind: kinds[i] })),
        true,
      ).header;
    } catch (e) {
      return refuse(`the function refuses these ranges (${(e as Error).message})`);
    }
    const h = header ? 1 : 0;
    const n = Math.min(...cols.map((c) => c.values.length)) - h;
    if (n <= 0) refuse('no opportunities');
    for (const v of stages.values.slice(h)) {
      if (!plainName(v)) refuse('a stage holds a tab, a non-breaking space or a fraction');
    }
    // text or TRUE/FALSE as an amount or a date: the function reads "1,000" its own way, spreadsheets by their settings
    for (const c of dates ? [amounts, dates] : [amounts]) {
      if (c.values.slice(h).some((v) => typeof v === 'boolean' || (typeof v === 'string' && v !== ''))) {
        refuse('an amount or close date holds text or TRUE/FALSE');
      }
    }

    const errors: string[] = [...table.errors, ...(from?.errors ?? []), ...(to?.errors ?? [])];
    // rows past the shortest range must stay blank or 0 (the function trims them; otherwise the heights differ)
    for (const c of cols) for (const cell of c.cells.slice(h + n)) errors.push(`${cell}<>0`);
    const bounds = [from, to].filter((b) => b !== undefined);
    for (const b of bounds) errors.push(`IF(${b.given},OR(${b.text}<1,${b.text}>=${LAST_SERIAL}),FALSE)`);
    if (from && to) errors.push(`IF(AND(${from.given},${to.given}),INT(${from.text})>INT(${to.text}),FALSE)`);
    const anyBound = bounds.length === 0 ? '' : `OR(${bounds.map((b) => b.given).join(',')})`;
    // without close dates, a bound that counts is refused (a colleague may fill a blank from or to)
    if (!dates && anyBound) errors.push(anyBound);
    // One blank close-date cell arrives as a blank argument, which the function reads as omitted: an error
    // when a bound counts.
    if (dates && dates.cells.length === 1 && anyBound) errors.push(`IF(ISBLANK(${dates.cells[0]}),${anyBound},FALSE)`);

    const terms: string[] = [];
    for (let i = h; i < h + n; i++) {
      const a = amounts.cells[i];
      const s = stages.cells[i];
      const ks = keyOf(s);
      // not found (#N/A) when no row's key is the stage's (a stage of spaces only: no row has the key "")
      let p = 'NA()';
      for (let j = table.keys.length - 1; j >= 0; j--) p = `IF(${ks}=${table.keys[j]},${table.probs[j]},${p})`;
      const bad = [`ISBLANK(${a})`, `ISBLANK(${s})`];
      let w = '';
      if (dates) {
        const d = `(0+${dates.cells[i]})`;
        bad.push(`AND(${d}<>0,OR(${d}<1,${d}>=${LAST_SERIAL}))`);
        if (anyBound) {
          const inside = [`${d}<>0`];
          if (from) inside.push(`IF(${from.given},INT(${d})>=INT(${from.text}),TRUE)`);
          if (to) inside.push(`IF(${to.given},INT(${d})<=INT(${to.text}),TRUE)`);
          w = `*IF(${anyBound},AND(${inside.join(',')}),TRUE)`;
        }
      }
      terms.push(`IF(AND(${a}=0,${s}=0),0,IF(OR(${bad.join(',')}),#VALUE!,${a}*${p}${w}))`);
    }
    return guarded(errors, `ROUND(${terms.join('+')},2)`);
  });
