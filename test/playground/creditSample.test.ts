/** The sample company's crediting sheets (issue 18), computed by the playground engine through the functions. */
import { buildSampleCompany } from '../../sample/company';
import { buildCreditSample } from '../../sample/credit';
import { CREDIT_CELLS, buildSampleWorkbook } from '../../sample/workbook';
import { loadSample } from '../../taskpane/playground/loadSample';
import { formatRange } from '../../taskpane/workbook/address';

describe('crediting in the sample workbook', () => {
  const company = buildSampleCompany();
  const sample = buildCreditSample(company);
  const { workbook, engine } = loadSample(buildSampleWorkbook(company));
  const val = (s: string, a: string) => workbook.getCell(s, a).value;

  it('has mid-month moves, a gap, split deals and overlays', () => {
    const moves = sample.ownership.filter((o) => o.from > 46023 && o.from !== 46082);
    expect(moves.length).toBeGreaterThanOrEqual(5);
    expect(sample.splits.some((s) => s.type === 'overlay')).toBe(true);
    expect(sample.splits.some((s) => s.type === 'split')).toBe(true);
  });

  it('credits every deal: the CREDITED column adds up to the CREDITS trail, to the cent', async () => {
    const n = sample.roster.length;
    let column = 0;
    for (let i = 0; i < n; i++) {
      const x = val(CREDIT_CELLS.sheet, `R${i + 2}`);
      expect(typeof x).toBe('number');
      column += Math.round((x as number) * 100);
    }
    const trail = engine.spillAreaOf(CREDIT_CELLS.trail, 'A1');
    expect(trail).toBeDefined();
    const rows = (await workbook.readRange(CREDIT_CELLS.trail, formatRange(trail!))).values;
    expect(rows[0]).toEqual(['Deal', 'Rep', 'Share', 'Amount', 'Rule']);
    const total = rows.slice(1).reduce((s, r) => s + Math.round((r[3] as number) * 100), 0);
    expect(column).toBe(total);
    // Deals 100 % + split deals 100 % + overlays 25 % each: the trail is more than the deals' total.
    const deals = sample.deals.reduce((s, d) => s + Math.round(d.amount * 100), 0);
    const overlays = sample.splits.filter((s) => s.type === 'overlay').map((s) => sample.deals.find((d) => d.deal === s.deal)!); // prettier-ignore
    expect(total - deals).toBe(overlays.reduce((s, d) => s + Math.round(d.amount * 25), 0));
    // The deal closing on the day of the move goes to the gaining rep; the deal in the gap to its Owner.
    expect(rows.find((r) => r[0] === 'Q1-041')![4]).toBe(`owner of account ${sample.deals[40].account} on 2026-03-14`);
    expect(rows.find((r) => r[0] === 'Q1-042')![4]).toBe('deal owner');
  });

  it('relieves quota month by month; February sums to 0 (accounts only moved)', async () => {
    const relief = engine.spillAreaOf(CREDIT_CELLS.trail, 'H1');
    const rows = (await workbook.readRange(CREDIT_CELLS.trail, formatRange(relief!))).values;
    expect(rows[0]).toEqual(['Rep', '2026-01', '2026-02', '2026-03']);
    const base = new Map(sample.quotas.map((q) => [q.rep, q.quota]));
    const feb = rows.slice(1).reduce((s, r) => s + Math.round(((r[2] as number) - (base.get(r[0] as string) ?? 0)) * 100), 0); // prettier-ignore
    expect(feb).toBe(0);
  });
});
