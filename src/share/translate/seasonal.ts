/**
 * Translator of SALESOPS.SEASONALQUOTA, a spilled row: one native formula per cell. The function splits the annual
 * quota in cents by largest remainder (src/shared/money.ts): cell j gets ⌊raw_j⌋ cents plus one more when its
 * remainder ranks among the `left` largest (ties to the earlier cell; zero weights never get one), where
 * raw_j = (cents × w_j) / (w_1 + … + w_m), cents = ROUND(annual × 100, 0), left = cents − Σ ⌊raw_i⌋.
 */
import { isBlank } from '../../shared/cells';
import { toVector } from '../../shared/coerce';
import { cellText, guarded, requiredNumber } from './args';
import { type CallArg, type TranslateContext, refValues, referenceArg, refuse, translateWith } from './common';

/** The most weights a per-cell formula is written for (each cell's formula grows with the square of it). */
const MAX_WEIGHTS = 24;

/** A spilled call's translation: one native formula per cell of its result, row-major. */
export type SpillTranslation = { cells: string[][] } | { reason: string };

/** Translates a call whose result spills over `rows` × `cols` cells. */
export type SpillTranslator = (
  args: readonly CallArg[],
  ctx: TranslateContext,
  rows: number,
  cols: number,
) => SpillTranslation;

/** SALESOPS.SEASONALQUOTA(annual_quota, weights) → one formula per month (see the module comment). */
export const translateSeasonalQuota: SpillTranslator = (args, ctx, rows, cols) => {
  const t = translateWith(() => {
    if (args.length !== 2) refuse('expected two arguments');
    const annual = requiredNumber(args[0], 'annual_quota', ctx);
    if (annual.value !== undefined && !(annual.value >= 0)) refuse('annual_quota is negative');
    const ref = referenceArg(args[1], ctx);
    if (!ref) refuse('weights is not a range reference the snapshot can resolve');
    const grid = refValues(ref, ctx);
    const h = ref.bottom - ref.top + 1;
    const w = ref.right - ref.left + 1;
    if (h !== grid.length) refuse('weights is a whole-column or whole-row range');
    if (h > 1 && w > 1) refuse('weights is not one row or one column');
    const all = w === 1 ? grid.map((r) => r[0]) : grid[0];
    const read = toVector(grid, 'weights');
    const drop = all.length - read.length;
    if (read.some((v) => isBlank(v) || typeof v !== 'number')) refuse('weights holds blanks or text');
    const m = read.length;
    if (m === 0 || m > MAX_WEIGHTS)
      refuse(`weights has ${m} cells (native formulas are written for 1 to ${MAX_WEIGHTS})`);
    if (rows !== 1 || cols !== m) refuse(`the result covers ${rows} × ${cols} cells, not one row of ${m}`);
    const W = read.map((_, i) => (w === 1 ? cellText(ref, drop + i, 0, ctx) : cellText(ref, 0, drop + i, ctx)));
    const range = m === 1 ? W[0] : `${W[0]}:${W[m - 1].replace(/^.*!/, '')}`;
    const a = annual.text;
    const total = `(${W.join('+')})`;
    const cents = `ROUND(${a}*100,0)`;
    const raw = (i: number) => `((${cents}*${W[i]})/${total})`;
    const rem = (i: number) => `(${raw(i)}-INT(${raw(i)}))`;
    const left = `(${cents}-(${W.map((_, i) => `INT(${raw(i)})`).join('+')}))`;
    const errors = [
      ...annual.errors,
      ...(annual.value === undefined ? [`${a}<0`] : []),
      // within a millionth of a cent of a half cent, ROUND and the function's rounding may part: refuse it
      `ABS(${a}*100-INT(${a}*100)-0.5)<1E-6`,
      `COUNT(${range})<>${m}`,
      `COUNTIF(${range},"<0")>0`,
      `ABS(${total}-1)>1E-6`,
    ];
    const cells = W.map((wj, j) => {
      const above = W.map((_, i) => (i === j ? '' : `(${W[i]}>0)*(${rem(i)}${i < j ? '>=' : '>'}${rem(j)})`)).filter(
        (s) => s !== '',
      );
      const rank = above.length === 0 ? '1' : `(1+${above.join('+')})`;
      const extra = `(${wj}>0)*(${rank}<=${left})`;
      return `=${guarded(errors, `(INT(${raw(j)})+${extra})/100`)}`;
    });
    return JSON.stringify(cells);
  });
  if ('reason' in t) return t;
  const cells = JSON.parse(t.native) as string[];
  if (cells.some((c) => c.length > 8000))
    return { reason: 'the native formulas would be longer than 8,000 characters' };
  return { cells: [cells] };
};
