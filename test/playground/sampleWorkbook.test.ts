import { buildSampleCompany } from '../../sample/company';
import { CAPACITY_ROWS, buildSampleWorkbook } from '../../sample/workbook';
import { loadSample } from '../../taskpane/playground/loadSample';
import { columnLetter } from '../../src/shared/cells';

describe('sample workbook in the playground engine', () => {
  const company = buildSampleCompany();
  const sheets = buildSampleWorkbook(company);
  const { workbook } = loadSample(sheets);
  const val = (s: string, a: string) => workbook.getCell(s, a).value;

  it('has the README first and every sheet with a description', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      'README', 'Reps', 'Accounts', 'Bookings', 'Opportunities', 'Stages', 'CompPlan', 'Payouts', 'Ramp', 'Capacity', 'Forecast', 'Territory', 'Credit', 'Credits',
      'Deals', 'Performance', 'Leads', 'Routing',
    ]); // prettier-ignore
    expect(workbook.sheetNames()).toEqual(sheets.map((s) => s.name));
    expect(workbook.tables().map((t) => t.name)).toContain('Payouts');
  });

  it('computes the first rep’s 2025 payout by hand, and recomputes it when the quota is edited', () => {
    // Pinned inputs of rep R001 (seed 20260101): quota $1,120,000, bookings $998,140, target incentive $80,000,
    // 5 new logos of 6.
    expect([val('Payouts', 'A2'), val('Payouts', 'C2'), val('Payouts', 'D2'), val('Payouts', 'F2')]).toEqual([
      'R001',
      1_120_000,
      998_140,
      80_000,
    ]);
    expect([val('Payouts', 'G2'), val('Payouts', 'H2')]).toEqual([5, 6]);
    // Bookings: attainment 998,140 / 1,120,000 = 0.89120 (above the 0.5 threshold, below 1):
    //   80,000 × 0.7 × 0.89120 = 998,140 × 0.05 = 49,907.00
    // New logos: 5/6 of 80,000 × 0.3 = 24,000 → 20,000.00.  Total 69,907.00
    expect(val('Payouts', 'J2')).toBeCloseTo(49_907, 6);
    expect(val('Payouts', 'K2')).toBeCloseTo(20_000, 6);
    expect(val('Payouts', 'L2')).toBe(69_907);

    workbook.setCell('Payouts', 'C2', 800_000);
    // Attainment 998,140 / 800,000 = 1.247675: 56,000 × (1.0 × 1 + 2.0 × 0.247675) = 56,000 × 1.49535 = 83,739.60
    expect(val('Payouts', 'J2')).toBeCloseTo(83_739.6, 6);
    expect(val('Payouts', 'L2')).toBe(103_739.6); // 83,739.60 + 20,000.00

    workbook.setCell('Payouts', 'C2', 500_000);
    // Attainment 1.99628: 56,000 × (1 + 2 × 0.99628) = 167,583.36, capped at 2 × 56,000 = 112,000
    expect(val('Payouts', 'L2')).toBe(132_000); // 112,000 + 20,000

    workbook.setCell('Payouts', 'C2', 1_120_000);
    expect(val('Payouts', 'L2')).toBe(69_907);
  });

  it('the payout total row is the sum of the rep rows to the cent', () => {
    const reps = company.reps.filter((r) => r.startDate < 45658); // 45658 = 2025-01-01
    const last = reps.length + 1;
    let cents = 0;
    for (let r = 2; r <= last; r++) cents += Math.round((val('Payouts', `L${r}`) as number) * 100);
    expect(Math.round((val('Payouts', `L${last + 1}`) as number) * 100)).toBe(cents);
  });

  it('team capacity equals the sum of the rep schedules, month by month', () => {
    for (let m = 1; m <= 12; m++) {
      const col = columnLetter(m);
      const cap = val('Capacity', `${col}${CAPACITY_ROWS.capacity}`);
      expect(typeof cap).toBe('number');
      expect(cap as number).toBeCloseTo(val('Capacity', `${col}${CAPACITY_ROWS.check}`) as number, 6);
    }
  });

  it('a ramping rep’s 2026 schedule follows the ramp, by hand', () => {
    // R010 Dev Chen (row 11) starts 2026-03-16 with an annual quota of $630,000 → $52,500 a month.
    expect([val('Capacity', 'A11'), val('Reps', 'A11'), val('Reps', 'E11'), val('Reps', 'G11')]).toEqual([
      'Dev Chen',
      'R010',
      46097,
      630_000,
    ]); // 46097 = 2026-03-16
    const row = ['B', 'C', 'D', 'E', 'F', 'G'].map((c) => val('Capacity', `${c}11`) as number);
    expect(row[0]).toBe(0); // January: not started
    expect(row[1]).toBe(0); // February
    // March = tenure month 1: 52,500 × 0.25 × 16/31 days = 6,774.19
    expect(row[2]).toBeCloseTo(6774.19, 1);
    expect(row[3]).toBeCloseTo(26_250, 6); // April: 52,500 × 0.5
    expect(row[4]).toBeCloseTo(39_375, 6); // May: 52,500 × 0.75
    expect(row[5]).toBeCloseTo(52_500, 6); // June: fully ramped
  });

  it('recomputes a chain across sheets: an annual quota in Reps flows to the monthly quota and the schedule', () => {
    const q0 = val('Reps', 'G2') as number;
    workbook.setCell('Reps', 'G2', 1_200_000);
    // monthly quota = 1,200,000 / 12 = 100,000; R001 started before 2026, fully ramped: 100,000 in every month
    expect(val('Reps', 'H2')).toBe(100_000);
    expect(val('Capacity', 'B2')).toBe(100_000);
    expect(val('Capacity', 'M2')).toBe(100_000);
    workbook.setCell('Reps', 'G2', q0);
  });
});
