/**
 * Sharing a workbook whose plan table has formula components (plan table v3): PLANPAYOUT and STATEMENT are shared
 * as their values, and the reason names the formula component that has no portable Excel formula.
 */
import { planShare, translateFormula, type WorkbookSnapshot } from '../../src/share';
import { HEADER, formulaRow, planRow } from '../comp/fixtures';

const now = new Date(Date.UTC(2026, 10, 30, 8, 15, 0));

function book(withFormula: boolean): WorkbookSnapshot {
  const plan = [
    HEADER,
    planRow('plan', 'AE', null, 10000),
    planRow('component', 'Bookings', 'Bookings', null, withFormula ? 0.7 : 1, 1000000),
    planRow('band', 'Bookings', null, null, null, null, null, 0, 1),
    ...(withFormula ? [formulaRow('Logo kicker', 'New logos', 0.3, 10, 'min(attainment, 2) * target_incentive')] : []),
  ];
  return {
    sheets: [
      { name: 'Plan', values: plan, formulas: [] },
      {
        name: 'Payouts',
        values: [
          ['Bookings', 'New logos', 'Payout'],
          [800000, 12, 11600],
        ],
        formulas: [
          ['', '', ''],
          ['', '', `=SALESOPS.PLANPAYOUT(Plan!$A$1:$L$${plan.length},A1:B2)`],
        ],
      },
    ],
  };
}

describe('sharing a plan with formula components', () => {
  test('PLANPAYOUT is shared as its value, naming the formula component', () => {
    const plan = planShare(book(true), { version: '0.1.0', now });
    expect(plan.cells.map((c) => [c.address, c.kind, c.values])).toEqual([['C2', 'value', [[11600]]]]);
    expect(plan.cells[0].reason).toBe(
      'SALESOPS.PLANPAYOUT: the plan has formula component "Logo kicker", which no portable Excel formula evaluates',
    );
  });

  test('without a formula component it is a value all the same, for the general reason', () => {
    const plan = planShare(book(false), { version: '0.1.0', now });
    expect(plan.cells[0].kind).toBe('value');
    expect(plan.cells[0].reason).toBe('SALESOPS.PLANPAYOUT: a plan table has no native equivalent');
  });

  test('inside a larger formula the whole cell is shared as its value', () => {
    const t = translateFormula('=ROUND(SALESOPS.PLANPAYOUT(Plan!$A$1:$L$5,A1:B2)*2,2)', {
      book: book(true),
      sheet: 'Payouts',
    });
    expect(t).toEqual({
      reason:
        'SALESOPS.PLANPAYOUT: the plan has formula component "Logo kicker", which no portable Excel formula evaluates',
    });
  });
});
