/**
 * Translation cases for the property tests: blocks of input cells and a SALESOPS formula over them, stacked on one
 * sheet ("Cases"); the SALESOPS formula goes to column J of the block's first row, its native translation to K.
 * The playground's engine computes both (J with the very custom functions Excel calls); LibreOffice computes K.
 */
import fc from 'fast-check';
import type { CellValue, Grid } from '../../../src/shared/cells';
import { translateFormula, type WorkbookSnapshot } from '../../../src/share';
import { FormulaEngine, type CustomFunctionImpl } from '../../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../../taskpane/playground/registry';
import { MemoryWorkbook } from '../../../taskpane/workbook/memory';

/** A case: input cells (top-left at A of row `top`, 1-based) and the SALESOPS formula for a block at `top`. */
export interface Case {
  label: string;
  cells: Grid;
  formula: (top: number) => string;
}

/** A case placed on the sheet, with its native translation (or the reason it has none). */
export interface PlacedCase {
  case: Case;
  top: number;
  formula: string;
  native?: string;
  reason?: string;
}

export const SHEET = 'Cases';
export const FORMULA_COL = 9; // J
export const NATIVE_COL = 10; // K

/** Stacks the cases (one blank row between blocks) and translates each formula on the whole snapshot. */
export function placeCases(cases: readonly Case[]): { placed: PlacedCase[]; values: Grid; book: WorkbookSnapshot } {
  const values: Grid = [];
  const formulas: string[][] = [];
  const placed: PlacedCase[] = [];
  let top = 1;
  for (const c of cases) {
    const f = c.formula(top);
    c.cells.forEach((row, i) => {
      values[top - 1 + i] = [...row];
      formulas[top - 1 + i] = row.map(() => '');
    });
    if (c.cells.length === 0) {
      values[top - 1] = [];
      formulas[top - 1] = [];
    }
    formulas[top - 1][FORMULA_COL] = f;
    placed.push({ case: c, top, formula: f });
    top += Math.max(1, c.cells.length) + 1;
  }
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  const book: WorkbookSnapshot = { sheets: [{ name: SHEET, values, formulas }] };
  for (const p of placed) {
    const t = translateFormula(p.formula, { book, sheet: SHEET });
    if ('native' in t) p.native = t.native;
    else p.reason = t.reason;
  }
  return { placed, values, book };
}

/**
 * Standard functions the tests give the engine beyond the playground's own (taskpane/playground/standardFunctions.ts,
 * which has Excel's ROUND, MATCH and SUBSTITUTE): none today; a test may pass its own to try a mutant.
 */
export const EXCEL_EXTRAS: Record<string, CustomFunctionImpl> = {};

/** The engine's values of column J (the SALESOPS function) and K (the native formula) for every placed case. */
export function evaluateWithEngine(
  placed: readonly PlacedCase[],
  values: Grid,
  extra: Record<string, CustomFunctionImpl> = EXCEL_EXTRAS,
): { fn: CellValue; native: CellValue }[] {
  const rows: (CellValue | { formula: string })[][] = values.map((r) => [...r]);
  for (const p of placed) {
    const row = rows[p.top - 1];
    row[FORMULA_COL] = { formula: p.formula };
    if (p.native) row[NATIVE_COL] = { formula: p.native };
  }
  const wb = new MemoryWorkbook({ [SHEET]: rows });
  const engine = new FormulaEngine({ ...salesOpsFunctions(), ...extra });
  engine.attach(wb);
  return placed.map((p) => ({
    fn: wb.getCell(SHEET, `J${p.top}`).value,
    native: p.native ? wb.getCell(SHEET, `K${p.top}`).value : null,
  }));
}

/** True when an engine or LibreOffice value is an Excel error. */
export function isError(v: unknown): boolean {
  return (
    (typeof v === 'string' && /^#[A-Z0-9/]+[!?]?$/.test(v)) || (typeof v === 'object' && v !== null && 'error' in v)
  );
}

/**
 * Whether a native result agrees with the function's: both errors, or both numbers equal to the cent (money:
 * `cents`) or within 1e-9 relative (otherwise).
 */
export function agrees(fn: unknown, native: unknown, cents = true): boolean {
  if (isError(fn) || isError(native)) return isError(fn) && isError(native);
  if (typeof fn !== 'number' || typeof native !== 'number') return fn === native;
  if (cents) return Math.round(fn * 100) === Math.round(native * 100) && Math.abs(fn - native) < 1e-6;
  return Math.abs(fn - native) <= 1e-9 * Math.max(1, Math.abs(fn));
}

// ---- arbitraries -------------------------------------------------------------------------------------------

/** Money with cents (possibly negative when `min` < 0). */
export const money = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100);

/** A fraction with `digits` decimals in [min, max]. */
export const fraction = (min: number, max: number, digits = 4) =>
  fc.integer({ min: Math.round(min * 10 ** digits), max: Math.round(max * 10 ** digits) }).map((k) => k / 10 ** digits);

/** Strictly ascending bounds with rates: `n` tiers from `first`, steps of at least one unit of `step`. */
export function tiers(
  bound: fc.Arbitrary<number>,
  step: fc.Arbitrary<number>,
  rate: fc.Arbitrary<number>,
  maxTiers = 6,
): fc.Arbitrary<[number, number][]> {
  return fc
    .tuple(bound, fc.array(fc.tuple(step, rate), { minLength: 0, maxLength: maxTiers - 1 }), rate)
    .map(([first, rest, r0]) => {
      const out: [number, number][] = [[first, r0]];
      for (const [s, r] of rest) out.push([Number((out[out.length - 1][0] + s).toFixed(6)), r]);
      return out;
    });
}

/** An x to evaluate a tier table at: anywhere, exactly at a bound, or a hair off one. */
export function around(table: [number, number][], anywhere: fc.Arbitrary<number>, hair: number): fc.Arbitrary<number> {
  const bounds = table.map((t) => t[0]);
  return fc.oneof(
    anywhere,
    fc.constantFrom(...bounds),
    fc.constantFrom(...bounds).map((b) => Number((b + hair).toFixed(6))),
    fc.constantFrom(...bounds).map((b) => Number((b - hair).toFixed(6))),
  );
}

/** `A1`-style address of column `col` (0-based) and 1-based `row`. */
export const at = (col: number, row: number) => `${String.fromCharCode(65 + col)}${row}`;

/**
 * A colleague's edits of a case's input block: each number, now and then, becomes another number of the block
 * (equal bounds, dates swapped), is scaled by 0.5–1.5, or is negated; text and blanks stay. Rows whose first two
 * cells both become 0 are avoided (the function reads such a row as a blank row, a documented difference).
 */
export function edits(cells: Grid): fc.Arbitrary<Grid> {
  const numbers = cells.flat().filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0) return fc.constant(cells);
  const one = (v: CellValue): fc.Arbitrary<CellValue> =>
    typeof v !== 'number'
      ? fc.constant(v)
      : fc.oneof(
          { weight: 6, arbitrary: fc.constant(v) },
          { weight: 1, arbitrary: fc.constantFrom(...numbers) },
          { weight: 1, arbitrary: fc.integer({ min: 50, max: 150 }).map((k) => Number(((v * k) / 100).toFixed(4))) },
          { weight: 1, arbitrary: fc.constant(-v) },
        );
  return fc
    .tuple(...cells.map((row) => fc.tuple(...row.map(one))))
    .map((rows) => rows.map((r) => [...r]))
    .filter((rows) => rows.every((r, i) => !(r[0] === 0 && r[1] === 0 && !(cells[i][0] === 0 && cells[i][1] === 0))));
}

/** A case and its block as edited after the share. */
export function withEdits(arb: fc.Arbitrary<Case>): fc.Arbitrary<{ c: Case; edited: Grid }> {
  return arb.chain((c) => edits(c.cells).map((edited) => ({ c, edited })));
}
