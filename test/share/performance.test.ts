/**
 * Sharing a workbook that uses FISCALPERIOD, PACING, ATTAINMENT and ROUTE: none of them has a native translation
 * (ROUTE's round-robin and ATTAINMENT's ranking and name matching have no portable formula; FISCALPERIOD's week
 * calendars and PACING's profiles would need LET/LAMBDA, which LibreOffice lacks), so every such cell is shared as
 * its value with the reason, spills whole, and a ROUTE cell holding #N/A keeps its error.
 */
import { planShare, type WorkbookSnapshot } from '../../src/share';

const now = new Date(Date.UTC(2026, 10, 30, 11, 0, 0));

function book(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Perf',
        values: [
          ['Date', 'FY', 'Q', 'P', 'Start', 'End'],
          [45325, 2024, 4, 12, 45291, 45325],
          ['Expected', 'Pace', 'Projected', 'Gap', null, null],
          [46000, 1.1, 1.1, 40400, null, null],
          ['Assigned rep', null, null, null, null, null],
          ['Ann', null, null, null, null, null],
          ['#N/A', null, null, null, null, null],
          ['Rep', 'Booked', 'Quota', 'Attainment', 'Rank', null],
          ['Ann', 60000, 100000, 0.6, 1, null],
          ['Team', 60000, 100000, 0.6, null, null],
        ],
        formulas: [
          ['', '=SALESOPS.FISCALPERIOD(A2,"454",2)', '', '', '', ''],
          [],
          ['=SALESOPS.PACING(50600,91000,45292,45382,45337)'],
          [],
          ['=_xldudf_SALESOPS_ROUTE(Leads!A1:B3,Rules!A1:E2,Reps!A1:B2)'],
          [],
          [],
          ['=SALESOPS.ATTAINMENT(Reps!A1:A2,Deals!A1:C9,Quotas!A1:B2)'],
        ],
        errors: { A7: '#N/A' },
        spills: { B1: 'B1:F1', A3: 'A3:D4', A5: 'A5:A7', A8: 'A8:E10' },
      },
    ],
  };
}

describe('share: the performance and routing functions', () => {
  const plan = planShare(book(), { version: '0.1.0', now, valuesOnly: false });

  it('shares each call as values, the whole spill, with the reason', () => {
    expect(plan.cells.map((c) => [c.address, c.kind, c.area, c.functions])).toEqual([
      ['B1', 'value', 'B1:F1', ['FISCALPERIOD']],
      ['A3', 'value', 'A3:D4', ['PACING']],
      ['A5', 'value', 'A5:A7', ['ROUTE']],
      ['A8', 'value', 'A8:E10', ['ATTAINMENT']],
    ]);
    for (const c of plan.cells) expect(c.reason).toMatch(/has no native equivalent/);
    expect(plan.counts).toEqual({
      FISCALPERIOD: { native: 0, value: 1 },
      PACING: { native: 0, value: 1 },
      ROUTE: { native: 0, value: 1 },
      ATTAINMENT: { native: 0, value: 1 },
    });
  });

  it("keeps ROUTE's #N/A cell as an error among the values", () => {
    const route = plan.cells.find((c) => c.functions.includes('ROUTE'))!;
    expect(route.values).toEqual([['Assigned rep'], ['Ann'], ['#N/A']]);
  });
});
