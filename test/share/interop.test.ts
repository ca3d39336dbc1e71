/**
 * End to end, as a colleague without the add-in sees a shared copy: the sample's shared copy (written by
 * `npm run sample`'s code into a temporary folder) and a comp workbook with defined names, a shared formula and a
 * spilled schedule, each recalculated by LibreOffice Calc headless with recalculation on load.
 * - no cell shows #NAME? or #VALUE!;
 * - every converted cell shows the value the add-in computes (to the cent for money, 1e-9 relative otherwise);
 * - after inputs are edited in the shared copy (tiers, curve rates, bookings, a pipeline amount, a ramp, quotas),
 *   every native formula shows what the SALESOPS function gives for the new inputs, computed by the add-in's
 *   function code (the playground engine) on the original workbook edited the same way (its cells converted to
 *   values holding those values, as in the copy).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeSampleWorkbook } from '../../scripts/sample/writeWorkbook';
import { computeSnapshot } from '../../scripts/share/compute';
import { dateToSerial, readSnapshot } from '../../scripts/share/readSnapshot';
import { shareXlsx } from '../../scripts/share/share';
import { writePlan } from '../../scripts/share/writePlan';
import type { ConvertedCell, SharePlan, WorkbookSnapshot } from '../../src/share/types';
import type { CellValue } from '../../src/shared/cells';
import { formatCell, parseRange } from '../../taskpane/workbook/address';
import { createRecalcProfile, recalcWithLibreOffice, shownValue } from '../support/libreoffice';
import { SOFFICE, describeWithProgram } from '../support/programs';
import { compWorkbook } from './workbooks';

const HOOK_MS = 300_000;

/** An input edit: sheet, address, new value from the old one. */
type Edit = [sheet: string, address: string, next: (old: number) => number];

/** Edits of the sample's inputs: curve rates, bookings, opportunity amounts, stage probabilities, ramp, quotas. */
const SAMPLE_EDITS: Edit[] = [
  ['CompPlan', 'B3', (v) => v * 1.5],
  ['CompPlan', 'E3', (v) => v + 0.25],
  ['CompPlan', 'B9', () => 2.5],
  ...[2, 5, 9, 14, 20].map((r): Edit => ['Payouts', `D${r}`, (v) => Math.round(v * 1.37 * 100) / 100 + 0.05]),
  ...[2, 3, 4, 50, 51].map((r): Edit => ['Opportunities', `E${r}`, (v) => v + 12_345.67]),
  ['Stages', 'B3', (v) => Math.min(1, v + 0.1)],
  ['Ramp', 'B2', () => 0.3],
  ['Reps', 'G11', (v) => v + 12_000],
];

/** Edits of the comp workbook's inputs: the curve, the tiers, attainments, bookings, a quota and its weights. */
const COMP_EDITS: Edit[] = [
  ['Plan', 'B3', () => 1.2],
  ['Plan', 'D3', () => 120_000],
  ['Plan', 'E4', () => 0.12],
  ...[2, 7, 19, 33].map((r): Edit => ['Reps', `B${r}`, (v) => v + 0.333]),
  ...[3, 8, 21, 40].map((r): Edit => ['Reps', `D${r}`, (v) => v * 2 + 0.5]),
  ['Seasons', 'A2', (v) => v + 1_000.01],
  ['Seasons', 'D1', () => 0.07],
  ['Seasons', 'E1', () => 0.09],
];

/** True when both show the same: numbers to the cent (money) or 1e-9 relative, everything else exactly. */
function agrees(got: unknown, want: CellValue, money: boolean): boolean {
  if (typeof want === 'number') {
    if (typeof got !== 'number') return false;
    if (money) return Math.abs(got - want) < 0.005 || Math.round(got * 100) === Math.round(want * 100);
    return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
  }
  if (want === null || want === '') return got === null || got === '' || got === 0;
  return got === want;
}

/** A money cell: its number format shows currency or cents. */
function isMoney(cell: ExcelJS.Cell): boolean {
  return /\$|0\.00/.test(cell.numFmt ?? '');
}

/** What a recalculated cell shows, errors as their code, dates as serial numbers. */
function shown(cell: ExcelJS.Cell): unknown {
  const v = shownValue(cell.value);
  if (v instanceof Date) return dateToSerial(v);
  if (v !== null && typeof v === 'object' && 'error' in v) return (v as { error: string }).error;
  if (v !== null && typeof v === 'object' && 'richText' in v) return cell.text;
  return v;
}

function errorCells(book: ExcelJS.Workbook): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const ws of book.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = shown(cell);
        if (v === '#NAME?' || v === '#VALUE!') (found[v as string] ??= []).push(`${ws.name}!${cell.address}`);
      }),
    );
  }
  return found;
}

function disagreements(
  cells: ConvertedCell[],
  book: ExcelJS.Workbook,
  want: (cell: ConvertedCell, row: number, col: number) => CellValue,
): string[] {
  const bad: string[] = [];
  for (const c of cells) {
    const ws = book.getWorksheet(c.sheet)!;
    const area = parseRange(c.area);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let col = area.left; col <= area.right; col++) {
        const cell = ws.getCell(formatCell(r, col));
        const expected = want(c, r, col);
        const got = shown(cell);
        if (!agrees(got, expected, isMoney(cell))) {
          bad.push(`${c.sheet}!${formatCell(r, col)} (${c.kind} ${c.formula ?? c.original}): ${String(got)} ≠ ${String(expected)}`); // prettier-ignore
        }
      }
    }
  }
  return bad;
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** Applies `edits` to the constants of `book`; returns how many cells changed. */
function applyEdits(book: ExcelJS.Workbook, edits: Edit[]): number {
  let n = 0;
  for (const [sheet, address, next] of edits) {
    const cell = book.getWorksheet(sheet)!.getCell(address);
    if (typeof cell.value !== 'number') throw new Error(`${sheet}!${address} is not a number input: ${JSON.stringify(cell.value)}`); // prettier-ignore
    cell.value = next(cell.value);
    n++;
  }
  return n;
}

function valueIn(book: WorkbookSnapshot, sheet: string, row: number, col: number): CellValue {
  return book.sheets.find((s) => s.name === sheet)?.values[row]?.[col] ?? null;
}

/** The interop checks on one workbook: `original` is the file as the add-in's user has it. */
function interop(title: string, make: (dir: string) => Promise<string>, edits: Edit[]) {
  describe(title, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-interop-'));
    const profile = createRecalcProfile(path.join(dir, 'profile'));
    let original = '';
    let plan: SharePlan;
    let recalculated: ExcelJS.Workbook;

    beforeAll(async () => {
      original = await make(dir);
      const shared = await shareXlsx(fs.readFileSync(original));
      plan = shared.plan;
      const file = path.join(dir, 'shared.xlsx');
      fs.writeFileSync(file, shared.output);
      recalculated = await readBook(recalcWithLibreOffice(file, path.join(dir, 'lo'), { profile }));
      const native = plan.cells.filter((c) => c.kind === 'native').length;
      process.stderr.write(`\ninterop ${title}: ${plan.cells.length} SALESOPS cells, ${native} native formulas, ${plan.cells.length - native} as values\n`); // prettier-ignore
    }, HOOK_MS);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('shows no #NAME? and no #VALUE! once LibreOffice has recalculated it', () => {
      expect(plan.cells.length).toBeGreaterThan(0);
      expect(errorCells(recalculated)).toEqual({});
    });

    it('shows the value the add-in computes in every converted cell', () => {
      const bad = disagreements(plan.cells, recalculated, (c, r, col) => {
        const a = parseRange(c.area);
        return c.values[r - a.top]?.[col - a.left] ?? null;
      });
      expect(bad).toEqual([]);
    });

    it(
      'after its inputs are edited, every native formula gives what the SALESOPS function gives',
      async () => {
        // The shared copy, edited and recalculated by LibreOffice.
        const shared = await readBook(path.join(dir, 'shared.xlsx'));
        expect(applyEdits(shared, edits)).toBe(edits.length);
        const editedFile = path.join(dir, 'edited.xlsx');
        await shared.xlsx.writeFile(editedFile);
        const lo = await readBook(recalcWithLibreOffice(editedFile, path.join(dir, 'lo-edited'), { profile }));
        // The original, edited the same way, with the cells converted to values holding them as in the copy (a
        // native formula that reads such a cell sees its value), computed by the add-in's functions.
        const before = await readBook(original);
        applyEdits(before, edits);
        const frozen = plan.cells.filter((c) => c.kind === 'value');
        writePlan(before, { ...plan, cells: frozen }, readSnapshot(before).storedSpills);
        const expected = computeSnapshot(readSnapshot(before).snapshot).snapshot;
        const native = plan.cells.filter((c) => c.kind === 'native');
        expect(disagreements(native, lo, (c, r, col) => valueIn(expected, c.sheet, r, col))).toEqual([]);
        expect(errorCells(lo)).toEqual({});
        // The edits reach native formulas: some now show other values than before (when there are any).
        const moved = native.filter((c) => {
          const a = parseRange(c.address);
          return valueIn(expected, c.sheet, a.top, a.left) !== c.values[0][0];
        });
        process.stderr.write(`interop ${title}: after ${edits.length} edits, ${moved.length} of ${native.length} native cells changed value\n`); // prettier-ignore
        // Only ROUNDMONEY over cells that are values in the copy is out of the edits' reach.
        if (native.some((c) => c.functions.some((f) => f !== 'ROUNDMONEY'))) expect(moved.length).toBeGreaterThan(0);
      },
      HOOK_MS,
    );
  });
}

describeWithProgram(SOFFICE, 'shared copies recalculated by LibreOffice (interop)', () => {
  interop(
    'the sample (dist/SalesOps-Sample-Shared.xlsx)',
    async (dir) => (await writeSampleWorkbook(path.join(dir, 'SalesOps-Sample.xlsx'))).sample,
    SAMPLE_EDITS,
  );
  interop(
    'a comp workbook with a defined name, a shared formula, spilled schedules and a seasonal quota',
    async (dir) => {
      const file = path.join(dir, 'comp.xlsx');
      await compWorkbook(40).xlsx.writeFile(file);
      return file;
    },
    COMP_EDITS,
  );
});
