/**
 * Sharing a workbook that calls the crediting functions (issue 18): CREDITED, CREDITS and QUOTARELIEF have no
 * portable native formula (ownership by date, largest-remainder cents, a spilled audit trail), so sharing writes
 * their values, with the reason, whether they are alone in a cell, spilled, or nested in another formula.
 */
import { type WorkbookSnapshot, planShare } from '../../src/share';
import { TRANSLATORS } from '../../src/share/translate';

const now = new Date(Date.UTC(2026, 10, 30, 11, 40, 0));

function book(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Credit',
        values: [
          ['Rep', 'Credited', 'Trail', null, null, null, null],
          ['Ann', 600.01, 'Deal', 'Rep', 'Share', 'Amount', 'Rule'],
          ['Ben', 900, 'D-1', 'Ann', 0.6, 600.01, 'split row 2'],
          ['Total', 1500.01, null, null, null, null, null],
        ],
        formulas: [
          ['', '', '', '', '', '', ''],
          ['', '=SALESOPS.CREDITED(A2,Deals!A1:E4,Deals!G1:J4,Deals!L1:O3)', '=SALESOPS.CREDITS(Deals!A1:E4)', '', '', '', ''], // prettier-ignore
          ['', '=_xldudf_SALESOPS_CREDITED(A3,Deals!A1:E4,Deals!G1:J4,Deals!L1:O3)', '', '', '', '', ''],
          ['', '=ROUND(SALESOPS.CREDITED("Ann",Deals!A1:E4),2)+B3', '', '', '', '', ''],
        ],
        spills: { C2: 'C2:G3' },
      },
      { name: 'Deals', values: [['Deal', 'Account', 'Amount', 'Close date']], formulas: [] },
    ],
  };
}

describe('sharing the crediting functions', () => {
  it('has no translator for them (a test that an added one must update)', () => {
    for (const name of ['CREDITED', 'CREDITS', 'QUOTARELIEF']) expect(TRANSLATORS[name]).toBeUndefined();
  });

  it('writes their values, with the reason, alone, spilled, in both spellings and nested', () => {
    const plan = planShare(book(), { version: '0.1.0', now });
    expect(plan.cells.map((c) => [c.address, c.kind, c.area, c.values])).toEqual([
      ['B2', 'value', 'B2', [[600.01]]],
      ['C2', 'value', 'C2:G3', [['Deal', 'Rep', 'Share', 'Amount', 'Rule'], ['D-1', 'Ann', 0.6, 600.01, 'split row 2']]], // prettier-ignore
      ['B3', 'value', 'B3', [[900]]],
      ['B4', 'value', 'B4', [[1500.01]]],
    ]);
    for (const c of plan.cells) {
      expect(c.formula).toBeUndefined();
      expect(c.reason).toMatch(/SALESOPS\.CREDIT(ED|S) (spills and )?has no native equivalent/);
    }
    expect(plan.counts).toEqual({ CREDITED: { native: 0, value: 3 }, CREDITS: { native: 0, value: 1 } });
  });
});
