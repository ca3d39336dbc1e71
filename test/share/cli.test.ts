/**
 * `npm run share -- <in.xlsx> <out.xlsx> [--force]` (scripts/share/cli.ts): the shared copy of a comp workbook
 * (test/share/workbooks.ts) and every refusal, each checked to write nothing. Values are worked by hand below.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../scripts/share/cli';
import { addCustomProperties, readCustomProperties } from '../../scripts/share/customProperties';
import { SHARE_PROPERTIES as SHARE_PROPERTY_NAMES } from '../../src/share/properties';
import { readSnapshot } from '../../scripts/share/readSnapshot';
import { readProvenance, toTypedSpelling } from '../../src/share';
import { compWorkbookWithTable } from './workbooks';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: string[], cwd: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of `dir` with its bytes' length and modification time, to show that nothing was written. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => {
      const s = fs.lstatSync(path.join(dir, f));
      return `${f} ${s.size} ${s.mtimeMs}`;
    });
}

/** A formula cell's cached result or a constant cell's value. */
function shown(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v !== null && typeof v === 'object' && 'formula' in v) return (v as { result?: unknown }).result;
  return v;
}

describe('npm run share', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-share-cli-'));
  const input = path.join(dir, 'comp.xlsx');

  beforeAll(async () => {
    await compWorkbookWithTable(5).xlsx.writeFile(input);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('writes the shared copy', () => {
    const out = path.join(dir, 'shared.xlsx');
    const book = new ExcelJS.Workbook();
    let result: Run;

    beforeAll(async () => {
      result = await run(['comp.xlsx', 'shared.xlsx'], dir);
      await book.xlsx.readFile(out);
    });

    it('exits 0 and says what it converted', () => {
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      // 5 reps × (PAYOUT, COMMISSION, ROUNDMONEY, RAMPSCHEDULE) and one SEASONALQUOTA
      expect(result.out).toMatch(/Wrote shared\.xlsx in [\d.]+ s: 21 SALESOPS cell\(s\)/);
      expect(result.out).toMatch(/PAYOUT: \d+ native formula\(s\), \d+ as values/);
    });

    it('leaves no SALESOPS call in any formula, and shows the values the functions compute', () => {
      for (const ws of book.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) expect(cell.formula).not.toMatch(/SALESOPS/i);
          }),
        );
      }
      const reps = book.getWorksheet('Reps')!;
      // R00003 (row 4): attainment 104 %, target incentive 9,000 on the curve 0 → 0.5, 50 % → 1, 100 % → 2:
      // 9,000 × (0.5 × 0.5 + 0.5 × 1 + 0.04 × 2) = 9,000 × 0.83 = 7,470
      expect(shown(reps.getCell('E4'))).toBeCloseTo(7_470, 9);
      // bookings 15,838.50 in the first tier: × 5 % = 791.925 → 791.93 to the cent
      expect(shown(reps.getCell('F4'))).toBeCloseTo(791.93, 9);
      expect(shown(reps.getCell('G4'))).toBeCloseTo(8_261.93, 9);
      // Starts 2024-01-07, monthly quota 9,000 × 12 = 108,000, one ramp step at 50 %: January is 25 of 31 days
      // at half: 108,000 × 0.5 × 25/31 = 43,548.39; February on, the full 108,000. Every month its own cell.
      expect(shown(reps.getCell('I4'))).toBeCloseTo(43_548.39, 9);
      for (const a of ['J4', 'K4', 'L4']) expect(shown(reps.getCell(a))).toBe(108_000);
      // SEASONALQUOTA(1,234,567.89, 6 % ×3, 8 % ×6, 10 %, 11 %, 13 %): to the cent down, 74,074.07 (×3),
      // 98,765.43 (×6), 123,456.78, 135,802.46, 160,493.82 sum to 1,234,567.85; the 4 cents left go to the largest
      // remainders: October (.90), November (.79), December (.57), then January (.34, the first of three).
      const seasons = book.getWorksheet('Seasons')!;
      const months = Array.from({ length: 12 }, (_, c) => shown(seasons.getCell(3, c + 1)) as number);
      expect(months.slice(0, 4)).toEqual([74_074.08, 74_074.07, 74_074.07, 98_765.43]);
      expect(months.slice(9, 12)).toEqual([123_456.79, 135_802.47, 160_493.83]);
      expect(Math.round(months.reduce((a, b) => a + b, 0) * 100)).toBe(123_456_789);
      // Where a cell became a native formula, it reads its own row (a shared formula was spelled out per cell).
      const f3 = reps.getCell('F3');
      if (f3.type === ExcelJS.ValueType.Formula) expect(f3.formula).toContain('D3');
    });

    it('leaves every other cell, format, table and name as it was', async () => {
      const before = new ExcelJS.Workbook();
      await before.xlsx.readFile(input);
      const reps = book.getWorksheet('Reps')!;
      const orig = before.getWorksheet('Reps')!;
      for (let r = 1; r <= 7; r++) {
        for (const c of ['A', 'B', 'C', 'D', 'H']) {
          expect(reps.getCell(`${c}${r}`).value).toEqual(orig.getCell(`${c}${r}`).value);
          expect(reps.getCell(`${c}${r}`).numFmt).toEqual(orig.getCell(`${c}${r}`).numFmt);
        }
      }
      expect(reps.getCell('E2').numFmt).toBe('$#,##0.00');
      expect(reps.getCell('G7').formula).toBe('SUM(G2:G6)');
      expect(book.getWorksheet('Plan')!.getSheetValues()).toEqual(before.getWorksheet('Plan')!.getSheetValues());
      const targets = book.getWorksheet('Targets')!;
      const table = targets.getTable('Targets') as unknown as { table: { tableRef?: string; ref?: string } };
      expect(table.table.tableRef ?? table.table.ref).toBe('A1:B3');
      expect(targets.getCell('D1').formula).toBe('SUM(Targets[Target])');
      expect(book.definedNames.model).toEqual(before.definedNames.model);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Plan', 'Reps', 'Seasons', 'Targets', 'Provenance']);
    });

    it('adds a visible Provenance sheet from which the original formulas read back', async () => {
      const ws = book.getWorksheet('Provenance')!;
      expect(ws.state).toBe('visible');
      const { snapshot } = readSnapshot(book);
      const entries = readProvenance(snapshot.sheets.find((s) => s.name === 'Provenance')!.values);
      expect(entries).toHaveLength(21);
      const before = new ExcelJS.Workbook();
      await before.xlsx.readFile(input);
      for (const e of entries) {
        const orig = before.getWorksheet(e.sheet)!;
        expect(toTypedSpelling(e.formula)).toBe(toTypedSpelling(`=${orig.getCell(e.address).formula}`));
      }
      expect(entries.filter((e) => e.sheet === 'Reps')).toHaveLength(20);
      expect(entries.find((e) => e.sheet === 'Seasons')).toMatchObject({ address: 'A3', area: 'A3:L3' });
      expect(entries.find((e) => e.address === 'I2')?.area).toBe('I2:L2');
    });

    it('records the share in custom document properties', async () => {
      const props = await readCustomProperties(fs.readFileSync(out));
      const n = SHARE_PROPERTY_NAMES;
      expect(props[n.converted]).toBe('21');
      expect(Number(props[n.native]) + Number(props[n.values])).toBe(21);
      expect(props[n.version]).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
      expect(Date.now() - Date.parse(props[n.sharedAt])).toBeLessThan(600_000);
    });

    it("keeps the input's own custom properties", async () => {
      const withProps = await addCustomProperties(fs.readFileSync(input), { Department: 'Finance & Ops', Year: 2026 });
      fs.writeFileSync(path.join(dir, 'props.xlsx'), withProps);
      expect((await run(['props.xlsx', 'props-shared.xlsx'], dir)).code).toBe(0);
      const props = await readCustomProperties(fs.readFileSync(path.join(dir, 'props-shared.xlsx')));
      expect(props).toMatchObject({
        Department: 'Finance & Ops',
        Year: '2026',
        [SHARE_PROPERTY_NAMES.converted]: '21',
      });
      for (const f of ['props.xlsx', 'props-shared.xlsx']) fs.rmSync(path.join(dir, f));
    });

    it('refuses to share a shared copy again (it already has a Provenance sheet, in any case)', async () => {
      const r = await run(['shared.xlsx', 'again.xlsx'], dir);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/already has a sheet named "Provenance"/);
      expect(fs.existsSync(path.join(dir, 'again.xlsx'))).toBe(false);
      const lower = compWorkbookWithTable(2);
      lower.addWorksheet('PROVENANCE');
      await lower.xlsx.writeFile(path.join(dir, 'upper.xlsx'));
      const u = await run(['upper.xlsx', 'again.xlsx'], dir);
      expect(u.code).toBe(1);
      expect(u.err).toMatch(/already has a sheet named "PROVENANCE"/);
      expect(fs.existsSync(path.join(dir, 'again.xlsx'))).toBe(false);
      fs.rmSync(path.join(dir, 'upper.xlsx'));
    });
  });

  describe('refuses with a clear message and exit code 1, writing nothing', () => {
    const oleHeader = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

    beforeAll(async () => {
      fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'Rep,Quota\nR1,100\n');
      const zip = new JSZip();
      zip.file('word/document.xml', '<w:document/>');
      fs.writeFileSync(path.join(dir, 'letter.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
      // An encrypted xlsx is an OLE compound file whose directory names the EncryptionInfo stream (UTF-16LE).
      const encrypted = Buffer.alloc(4096);
      oleHeader.copy(encrypted);
      Buffer.from('EncryptionInfo', 'utf16le').copy(encrypted, 1024);
      Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 1152);
      fs.writeFileSync(path.join(dir, 'locked.xlsx'), encrypted);
      const legacy = Buffer.alloc(4096);
      oleHeader.copy(legacy);
      Buffer.from('Workbook', 'utf16le').copy(legacy, 1024);
      fs.writeFileSync(path.join(dir, 'old.xlsx'), legacy);
      fs.writeFileSync(path.join(dir, 'existing.xlsx'), 'keep me');
      fs.symlinkSync(input, path.join(dir, 'link.xlsx'));
      fs.linkSync(input, path.join(dir, 'hard.xlsx'));
    });

    const cases: [string, string[], RegExp][] = [
      ['the input is missing', ['missing.xlsx', 'o.xlsx'], /missing\.xlsx does not exist/],
      ['the input is a folder', ['.', 'o.xlsx'], /is a folder, not an \.xlsx workbook/],
      ['the input is not an xlsx (text)', ['notes.xlsx', 'o.xlsx'], /notes\.xlsx is not an \.xlsx workbook/],
      ['the input is a zip but no workbook', ['letter.xlsx', 'o.xlsx'], /no xl\/workbook\.xml/],
      ['the input is encrypted', ['locked.xlsx', 'o.xlsx'], /locked\.xlsx is encrypted \(password-protected\)/],
      ['the input is a legacy .xls', ['old.xlsx', 'o.xlsx'], /legacy binary file \(\.xls\)/],
      ['the output exists', ['comp.xlsx', 'existing.xlsx'], /existing\.xlsx already exists\. Add --force/],
      ['the output is the input', ['comp.xlsx', 'comp.xlsx', '--force'], /is the input workbook itself/],
      ['the output is the input, spelt otherwise', ['comp.xlsx', `./sub/../comp.xlsx`, '--force'], /input workbook itself/], // prettier-ignore
      ['the output is a link to the input', ['comp.xlsx', 'link.xlsx', '--force'], /is the input workbook itself/],
      ['the output is a hard link to the input', ['comp.xlsx', 'hard.xlsx', '--force'], /input workbook itself/],
      [
        'the output folder is missing',
        ['comp.xlsx', 'nowhere/o.xlsx'],
        /the folder of nowhere\/o\.xlsx does not exist/,
      ],
      ['the output is not .xlsx', ['comp.xlsx', 'o.csv'], /o\.csv must end in \.xlsx/],
    ];

    it.each(cases)('when %s', async (_, args, message) => {
      const before = listing(dir);
      const r = await run(args, dir);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/Nothing was written\./);
      expect(listing(dir)).toEqual(before);
      expect(fs.readFileSync(path.join(dir, 'existing.xlsx'), 'utf8')).toBe('keep me');
    });

    it('warns, in a copy it writes, of the charts and pivot tables it cannot keep', async () => {
      const zip = await JSZip.loadAsync(fs.readFileSync(input));
      zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
      zip.file('xl/charts/chart2.xml', '<c:chartSpace/>');
      zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
      fs.writeFileSync(path.join(dir, 'charts.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
      const r = await run(['charts.xlsx', 'charts-shared.xlsx'], dir);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/warning: charts\.xlsx has 2 charts, 1 pivot table, which the copy does not keep/);
      const plain = await run(['comp.xlsx', 'plain-shared.xlsx'], dir);
      expect(plain.out).not.toMatch(/warning/);
      for (const f of ['charts.xlsx', 'charts-shared.xlsx', 'plain-shared.xlsx']) fs.rmSync(path.join(dir, f));
    });

    it('replaces an existing output with --force', async () => {
      const r = await run(['comp.xlsx', 'existing.xlsx', '--force'], dir);
      expect(r.code).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path.join(dir, 'existing.xlsx'));
      expect(book.getWorksheet('Provenance')).toBeDefined();
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      fs.writeFileSync(path.join(dir, 'existing.xlsx'), 'keep me');
    });

    it.each([
      ['no output', ['comp.xlsx'], /give an input and an output file/],
      ['an unknown option', ['comp.xlsx', 'o.xlsx', '--in-place'], /unknown option --in-place/],
    ])('exits 2 with the usage on %s', async (_, args, message) => {
      const before = listing(dir);
      const r = await run(args, dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/usage: npm run share -- <in\.xlsx> <out\.xlsx> \[--force\]/);
      expect(listing(dir)).toEqual(before);
    });
  });

  describe('as a child process (npm run share, paths relative to the caller folder)', () => {
    const npm = (args: string[]) =>
      spawnSync('npm', ['--prefix', ROOT, 'run', '-s', 'share', '--', ...args], { cwd: dir, encoding: 'utf8' });

    it('writes the copy and exits 0', async () => {
      const r = npm(['comp.xlsx', 'child.xlsx']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Wrote child\.xlsx/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path.join(dir, 'child.xlsx'));
      expect(book.getWorksheet('Provenance')).toBeDefined();
    });

    it('refuses an encrypted workbook with a non-zero exit code and writes nothing', () => {
      const before = listing(dir);
      const r = npm(['locked.xlsx', 'child2.xlsx']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/share: refused: locked\.xlsx is encrypted/);
      expect(listing(dir)).toEqual(before);
    });
  });
});
