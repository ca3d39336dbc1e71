/**
 * Translator of SALESOPS.RAMPQUOTA in the default ("calendar") tenure convention: full quota × ramp step of the
 * tenure month × days employed in the month ÷ days in the month, to the cent (src/quota/tenure.ts).
 */
import { isBlank } from '../../shared/cells';
import { toVector } from '../../shared/coerce';
import type { SpillTranslator } from './seasonal';
import { type ScalarArg, cellText, guarded, optionalNoneAtZero, requiredNumber } from './args';
import {
  type CallArg,
  type TranslateContext,
  type Translator,
  choiceArg,
  isOmitted,
  numberLiteral,
  refValues,
  referenceArg,
  refuse,
  translateWith,
  LAST_SERIAL,
} from './common';

/** A ramp argument as the function reads it: its cells (header left out), as formula text, and a row/column flag. */
interface RampCells {
  cells: string[];
  /** The cells as one range. */
  range: string;
  row: boolean;
  /** True when a header cell is left out: it stays a text cell, which the function reads when no step is left. */
  header: boolean;
}

/**
 * Reads a ramp range: one row or column of fractions, a text header cell left out, trailing blanks allowed (the
 * function trims them; so does COUNT). Text that is not a header cannot be translated (the function reads "25%").
 */
function rampCells(arg: CallArg | undefined, ctx: TranslateContext): RampCells | undefined {
  if (isOmitted(arg)) return undefined;
  const ref = referenceArg(arg, ctx);
  if (!ref) refuse('ramp is not a range reference the snapshot can resolve');
  const grid = refValues(ref, ctx);
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  if (rows !== grid.length) refuse('ramp is a whole-column or whole-row range');
  if (rows > 1 && cols > 1) refuse('ramp is not one row or one column');
  const row = rows === 1 && cols > 1;
  const flat = row ? grid[0] : grid.map((r) => r[0]);
  // the header cell the function drops (text that is not a number, above a number), as toVector decides it
  const first = flat.length - toVector(grid, 'ramp').length;
  if (flat.slice(first).some((v) => !isBlank(v) && typeof v !== 'number')) refuse('ramp holds text or TRUE/FALSE');
  const cells: string[] = [];
  for (let i = first; i < flat.length; i++) cells.push(row ? cellText(ref, 0, i, ctx) : cellText(ref, i, 0, ctx));
  if (cells.length === 0) refuse('ramp has no cells after its header');
  const range = cells.length === 1 ? cells[0] : `${cells[0]}:${cells[cells.length - 1].replace(/^.*!/, '')}`;
  return { cells, range, row, header: first === 1 };
}

/** Month index of a date (year × 12 + month), as formula text. */
const monthOf = (d: string) => `(YEAR(${d})*12+MONTH(${d}))`;

/** Conditions under which the function refuses a date argument. */
function dateErrors(d: ScalarArg): string[] {
  return [`${d.text}<1`, `${d.text}>=${LAST_SERIAL}`];
}

/**
 * SALESOPS.RAMPQUOTA(full_quota, start_date, month, [ramp], [end_date], ["calendar"]) →
 * ROUND(IF(month outside employment, 0, full × ((step × days) / dim)), 2) with k = tenure month, step =
 * IF(k > COUNT(ramp), 1, INDEX(ramp, k)), days = last day − first day + 1 in the month, dim = DAY(EOMONTH(month, 0)).
 */
export const translateRampQuota: Translator = (args, ctx) =>
  translateWith(() => {
    if (args.length > 6) refuse('too many arguments');
    const f = requiredNumber(args[0], 'full_quota', ctx);
    const s = requiredNumber(args[1], 'start_date', ctx);
    const m = requiredNumber(args[2], 'month', ctx);
    const ramp = rampCells(args[3], ctx);
    // An end date of 0 (or a blank cell) is none; a cell is read as (0+cell) inside the date functions: a blank
    // is 0 there as in Excel (some engines give DAY(blank) an error even in an IF branch not taken).
    const e = optionalNoneAtZero(args[4], 'end_date', ctx);
    const convention = choiceArg(args[5], 'convention', 'calendar');
    if (convention !== 'calendar') refuse(`the "${convention}" convention has no native formula (only "calendar")`);
    if (f.value !== undefined && !(f.value >= 0)) refuse('full_quota is negative');

    const errors = [...f.errors, ...s.errors, ...m.errors, `${f.text}<0`, ...dateErrors(s), ...dateErrors(m)];
    const k = `(${monthOf(m.text)}-${monthOf(s.text)}+1)`;
    const dim = `DAY(EOMONTH(${m.text},0))`;
    // An end date: a literal (always given), or a cell or expression that counts while it is not 0.
    const endGiven = e === undefined ? 'FALSE' : e.given;
    errors.push(...(e?.errors ?? []));
    if (e !== undefined) {
      const eErr = [`${e.text}<1`, `${e.text}>=${LAST_SERIAL}`, `INT(${e.text})<INT(${s.text})`];
      errors.push(e.given === 'TRUE' ? `OR(${eErr.join(',')})` : `IF(${endGiven},OR(${eErr.join(',')}),FALSE)`);
    }
    let step = '1';
    if (ramp) {
      const { cells, range, row } = ramp;
      // The ramp's length as the function reads it: trailing blanks end it, and so do trailing zeros after a step
      // above 0 (a blank cell as Excel for desktop passes it); an all-zero ramp keeps its zeros.
      let lastNonZero = '0';
      let lastFilled = '0';
      let firstBlank = String(cells.length + 1);
      cells.forEach((c, i) => {
        lastNonZero = `IF(${c}<>0,${i + 1},${lastNonZero})`;
        lastFilled = `IF(ISBLANK(${c}),${lastFilled},${i + 1})`;
      });
      for (let i = cells.length - 1; i >= 0; i--) firstBlank = `IF(ISBLANK(${cells[i]}),${i + 1},${firstBlank})`;
      const length = `IF(${lastNonZero}>0,${lastNonZero},${lastFilled})`;
      // MAX(1, k): k ≥ 1 wherever the step counts; engines that evaluate both IF branches must not fail on k < 1
      const at = `MAX(1,${k})`;
      step = `IF(${k}>${length},1,${row ? `INDEX(${range},1,${at})` : `INDEX(${range},${at})`})`;
      cells.forEach((c) => errors.push(`AND(NOT(ISBLANK(${c})),NOT(ISNUMBER(${c})))`));
      // a blank before the ramp's last step (the function refuses it); trimmed cells are 0 or blank, so the
      // minimum and maximum over the whole range are those of the steps (and 0)
      errors.push(`${firstBlank}<${length}`, `MIN(${range})<0`, `MAX(${range})>1`);
      // with every step cleared, the function no longer drops the header and refuses it as a step
      if (ramp.header) errors.push(`COUNT(${range})=0`);
    }
    const endMonth = e === undefined ? '' : `IF(${endGiven},${monthOf(m.text)}=${monthOf(e.text)},FALSE)`;
    const last = e === undefined ? dim : `IF(${endMonth},DAY(${e.text}),${dim})`;
    const first = `IF(${k}=1,DAY(${s.text}),1)`;
    const days = `(${last}-${first}+1)`;
    const outside =
      e === undefined ? `${k}<1` : `OR(${k}<1,IF(${endGiven},${monthOf(m.text)}>${monthOf(e.text)},FALSE))`;
    const body = `IF(${outside},0,${f.text}*((${step}*${days})/${dim}))`;
    return guarded(errors, `ROUND(${body},2)`);
  });

/**
 * SALESOPS.RAMPSCHEDULE(full_quota, start_date, first_month, months, [ramp], [end_date], [convention]) spilled as
 * one row: cell j holds the RAMPQUOTA formula for the month DATE(YEAR(first), MONTH(first) + j, 1), as the function
 * computes each month exactly as RAMPQUOTA does. `months` must be a whole literal equal to the row's width.
 */
export const translateRampSchedule: SpillTranslator = (args, ctx, rows, cols) => {
  const head = translateWith(() => {
    if (args.length > 7) refuse('too many arguments');
    const months = numberLiteral(args[3]);
    if (months === undefined || !Number.isInteger(months) || months < 1 || months > 1200) {
      refuse('months is not a whole number literal from 1 to 1200');
    }
    if (rows !== 1 || cols !== months) refuse(`the result covers ${rows} × ${cols} cells, not one row of ${months}`);
    const first = requiredNumber(args[2], 'first_month', ctx);
    const f = first.cell ? `(0+${first.cell})` : first.text;
    const errors = [
      ...first.errors,
      `${f}<1`,
      `${f}>=${LAST_SERIAL}`,
      `YEAR(${f})*12+MONTH(${f})+${months - 1}>${9999 * 12 + 12}`,
    ];
    return JSON.stringify({ f, errors });
  });
  if ('reason' in head) return head;
  const { f, errors } = JSON.parse(head.native) as { f: string; errors: string[] };
  const cells: string[] = [];
  for (let j = 0; j < cols; j++) {
    const month: CallArg = { text: `DATE(YEAR(${f}),MONTH(${f})+${j},1)`, hadCall: false };
    const t = translateRampQuota([args[0], args[1], month, args[4], args[5], args[6]], ctx);
    if ('reason' in t) return t;
    cells.push(`=${guarded(errors, t.native)}`);
  }
  return { cells: [cells] };
};
