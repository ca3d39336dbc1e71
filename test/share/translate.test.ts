import type { CellValue } from '../../src/shared/cells';
import { planShare, translateFormula, type WorkbookSnapshot } from '../../src/share';
import { evaluateWithEngine, placeCases, type Case } from './support/cases';

/** A sheet "S" with a tier table (header row) at A1:B4, and values in D/E. */
function book(extra: Record<string, number | string | null> = {}): WorkbookSnapshot {
  const values: (number | string | null)[][] = [
    ['Bound', 'Rate', null, 1500, 21000],
    [0, 0.05, null, 1.2, null],
    [1000, 0.1, null, null, null],
    [2000, 0.2, null, null, null],
  ];
  for (const [a, v] of Object.entries(extra)) {
    const col = a.charCodeAt(0) - 65;
    const row = Number(a.slice(1)) - 1;
    values[row] ??= [];
    values[row][col] = v;
  }
  return { sheets: [{ name: 'S', values, formulas: values.map((r) => r.map(() => '')) }] };
}

const native = (f: string, b = book()) => {
  const t = translateFormula(f, { book: b, sheet: 'S' });
  if (!('native' in t)) throw new Error(t.reason);
  return t.native;
};
const reason = (f: string, b = book()) => {
  const t = translateFormula(f, { book: b, sheet: 'S' });
  return 'reason' in t ? t.reason : undefined;
};

/** The engine's value of a SALESOPS formula and of its translation, on the tier table of `book()`. */
function both(
  formula: (top: number) => string,
  cells = book().sheets[0].values,
  edited?: CellValue[][],
): { fn: unknown; native: unknown } {
  const c: Case = { label: 'hand', cells, formula };
  const { placed, values } = placeCases([c]);
  if (!placed[0].native) throw new Error(placed[0].reason);
  // `edited`: the inputs as a colleague changed them after the share (same block at the top of the sheet)
  return evaluateWithEngine(placed, edited ? values.map((r, i) => edited[i] ?? r) : values)[0];
}

describe('COMMISSION', () => {
  it('marginal: the header row is left out and the tiers are written out in the core order', () => {
    expect(native('=SALESOPS.COMMISSION(D1,A1:B4)')).toBe(
      '=IF(OR(NOT(ISNUMBER(D1)),COUNT(A2:B4)<>6,A3<=A2,A4<=A3),#VALUE!,ROUND(' +
        'IF(D1>A4,B2*(A3-A2)+B3*(A4-A3)+B4*(D1-A4),IF(D1>A3,B2*(A3-A2)+B3*(D1-A3),IF(D1>A2,B2*(D1-A2),0))),2))',
    );
    // 1,500: 0.05 × 1,000 + 0.10 × 500 = 50 + 50 = 100
    expect(both((t) => `=SALESOPS.COMMISSION(D${t},A${t}:B${t + 3})`)).toEqual({ fn: 100, native: 100 });
  });

  it('retro, the stored spelling, and another sheet', () => {
    const b = book();
    b.sheets.push({
      name: 'Out',
      values: [[null]],
      formulas: [['=_xldudf_SALESOPS_COMMISSION(S!D1,S!$A$1:$B$4,"retro")']],
    });
    const t = translateFormula(b.sheets[1].formulas[0][0], { book: b, sheet: 'Out' });
    expect(t).toEqual({
      native:
        '=IF(OR(NOT(ISNUMBER(S!D1)),COUNT(S!$A$2:$B$4)<>6,S!$A$3<=S!$A$2,S!$A$4<=S!$A$3),#VALUE!,ROUND(' +
        'IF(S!D1>=S!$A$4,S!D1*S!$B$4,IF(S!D1>=S!$A$3,S!D1*S!$B$3,IF(S!D1>=S!$A$2,S!D1*S!$B$2,0))),2))',
    });
    // 1,500 retro: the whole 1,500 at the 1,000 tier's 10 % = 150
    expect(both((t) => `=SALESOPS.COMMISSION(D${t},A${t}:B${t + 3},"retro")`)).toEqual({ fn: 150, native: 150 });
  });

  it('rounds exact half cents away from zero like the function: 1,234.50 × 5 % = 61.725 → 61.73', () => {
    const r = both((t) => `=SALESOPS.COMMISSION(A${t},B${t}:C${t})`, [[1234.5, 0, 0.05]]);
    expect(r).toEqual({ fn: 61.73, native: 61.73 });
  });

  it('is an error where the function is: blank amount, bounds edited out of order', () => {
    expect(both((t) => `=SALESOPS.COMMISSION(F${t},A${t}:B${t + 3})`).native).toBe('#VALUE!');
    const cells = book().sheets[0].values.map((r) => [...r]);
    const f = (t: number) => `=SALESOPS.COMMISSION(D${t},A${t}:B${t + 3})`;
    cells[3][0] = 500; // 2,000 → 500: not ascending
    expect(both(f, book().sheets[0].values, cells)).toEqual({ fn: '#VALUE!', native: '#VALUE!' });
  });

  it('refuses what it cannot express exactly', () => {
    expect(reason('=SALESOPS.COMMISSION(D1,A1:B4,E1:E2)')).toMatch(/method is neither a text literal nor one cell/);
    expect(reason('=SALESOPS.COMMISSION(D1,A1:C4)')).toMatch(/two columns/);
    expect(reason('=SALESOPS.COMMISSION(D1,A1:B5)')).toMatch(/row 5 is not two numbers/);
    expect(reason('=SALESOPS.COMMISSION(D1,A:B)')).toMatch(/whole-column/);
    expect(reason('=SALESOPS.COMMISSION(D1,A1:B4,"flat")')).toMatch(/method "flat"/);
    expect(reason('=SALESOPS.COMMISSION(D1:D2,A1:B4)')).toMatch(/range of several cells/);
    expect(reason('=SALESOPS.COMMISSION(D1,Nowhere)')).toMatch(/not a range reference/);
    expect(reason('=SALESOPS.COMMISSION(D1,A1:B4)', book({ A3: 0 }))).toMatch(/not strictly ascending/);
  });
});

describe('PAYOUT', () => {
  const curve = [
    ['Attainment', 'Rate', null, 1.2, 21000, 2, 0.5],
    [0, 1],
    [1, 2],
  ];

  it('marginal with cap and threshold cells', () => {
    const f = (t: number) => `=SALESOPS.PAYOUT(D${t},E${t},A${t}:B${t + 2},"marginal",F${t},G${t})`;
    // 21,000 × (1 × 1.0 + 2 × 0.2) = 21,000 × 1.4 = 29,400 (cap 2 × 21,000 = 42,000 not reached; 1.2 ≥ 0.5)
    expect(both(f, curve)).toEqual({ fn: 29400, native: 29400 });
    const capped = curve.map((r) => [...r]);
    capped[0][3] = 3; // 21,000 × (1 + 2 × 2) = 105,000 → capped at 42,000
    expect(both(f, capped)).toEqual({ fn: 42000, native: 42000 });
    const gated = curve.map((r) => [...r]);
    gated[0][3] = 0.4; // below the 0.5 threshold → 0
    expect(both(f, gated)).toEqual({ fn: 0, native: 0 });
    const noCap = capped.map((r) => [...r]);
    noCap[0][5] = null; // blank cap cell = no cap: 105,000
    expect(both(f, noCap)).toEqual({ fn: 105000, native: 105000 });
  });

  it('a cap or threshold of 0 is none, also when a colleague sets the cell to 0 later', () => {
    const f = (t: number) => `=SALESOPS.PAYOUT(D${t},E${t},A${t}:B${t + 2},0,F${t},G${t})`;
    const capped = curve.map((r) => [...r]);
    capped[0][3] = 3; // 21,000 × (1 + 2 × 2) = 105,000 → capped at 2 × 21,000 = 42,000
    expect(both(f, capped)).toEqual({ fn: 42000, native: 42000 });
    const zero = capped.map((r) => [...r]);
    zero[0][5] = 0; // cap 0 = no cap: 105,000 (the function used to pay 0 here)
    expect(both(f, capped, zero)).toEqual({ fn: 105000, native: 105000 });
    const open = capped.map((r) => [...r]);
    open[0][3] = -0.5; // attainment −0.5, below the first bound 0: the curve pays 0
    open[0][6] = 0; // threshold 0 = none (not a gate at 0); same 0 either way here
    expect(both(f, capped, open)).toEqual({ fn: 0, native: 0 });
    // literal 0: no MIN and no gate in the formula at all; method 0 is "marginal"
    const lit = native('=SALESOPS.PAYOUT(D2,E1,A1:B4,0,0,0)');
    expect(lit).not.toMatch(/MIN\(|<0\)?,0,/);
    expect(lit).toBe(native('=SALESOPS.PAYOUT(D2,E1,A1:B4)'));
  });

  it('a threshold of 0 no longer gates a curve whose first bound is below 0', () => {
    // curve from −1 at rate 1: at attainment −0.5, marginal = 1 × (−0.5 − (−1)) = 0.5 → 1,000 × 0.5 = 500
    const c = [[-1, 1, null, -0.5, 1000, null, 0]];
    const f = (t: number) => `=SALESOPS.PAYOUT(D${t},E${t},A${t}:B${t},,F${t},G${t})`;
    expect(both(f, c)).toEqual({ fn: 500, native: 500 });
    const gated = c.map((r) => [...r]);
    gated[0][6] = -0.25; // threshold −0.25: −0.5 is below it → 0
    expect(both(f, c, gated)).toEqual({ fn: 0, native: 0 });
  });

  it('linear and retro', () => {
    // linear at 1.2: past the last point (1, 2) → flat 2 → 21,000 × 2 = 42,000
    expect(both((t) => `=SALESOPS.PAYOUT(D${t},E${t},A${t}:B${t + 2},"linear")`, curve)).toEqual({
      fn: 42000,
      native: 42000,
    });
    const mid = curve.map((r) => [...r]);
    mid[0][3] = 0.25; // linear between (0, 1) and (1, 2): 1 + 1 × 0.25 = 1.25 → 26,250
    expect(both((t) => `=SALESOPS.PAYOUT(D${t},E${t},A${t}:B${t + 2},"linear")`, mid)).toEqual({
      fn: 26250,
      native: 26250,
    });
    // retro at 1.2: 21,000 × 1.2 × 2 = 50,400
    expect(both((t) => `=SALESOPS.PAYOUT(D${t},E${t},A${t}:B${t + 2},"retro")`, curve)).toEqual({
      fn: 50400,
      native: 50400,
    });
  });

  it('a negative target incentive or cap is an error, as in the function', () => {
    const neg = curve.map((r) => [...r]);
    neg[0][4] = -1;
    expect(both((t) => `=SALESOPS.PAYOUT(D${t},E${t},A${t}:B${t + 2})`, neg)).toEqual({
      fn: '#VALUE!',
      native: '#VALUE!',
    });
    expect(reason('=SALESOPS.PAYOUT(1,-5,A1:B4)')).toMatch(/negative/);
    expect(reason('=SALESOPS.PAYOUT(1,5,A1:B4,,-1)')).toMatch(/cap is negative/);
  });
});

describe('ROUNDMONEY and nesting', () => {
  it('ROUNDMONEY → ROUND with literal digits only', () => {
    expect(native('=SALESOPS.ROUNDMONEY(D1)')).toBe('=IF(OR(NOT(ISNUMBER(D1))),#VALUE!,ROUND(D1,2))');
    expect(native('=SALESOPS.ROUNDMONEY(2.675,0)')).toBe('=ROUND(2.675,0)');
    expect(reason('=SALESOPS.ROUNDMONEY(D1,E1)')).toMatch(/digits is not a whole number literal/);
    expect(reason('=SALESOPS.ROUNDMONEY(D1,1.5)')).toMatch(/digits/);
    // 2.675 → 2.68 and −1.005 → −1.01 (half away from zero on the decimal value)
    expect(both((t) => `=SALESOPS.ROUNDMONEY(A${t})`, [[2.675]])).toEqual({ fn: 2.68, native: 2.68 });
    expect(both((t) => `=SALESOPS.ROUNDMONEY(A${t})`, [[-1.005]])).toEqual({ fn: -1.01, native: -1.01 });
  });

  it('translates nested calls inside-out; one call without an equivalent makes the formula values', () => {
    const f = '=SALESOPS.ROUNDMONEY(SALESOPS.COMMISSION(D1,A1:B4)*1.1,0)+1';
    expect(native(f)).toBe(
      '=ROUND((IF(OR(NOT(ISNUMBER(D1)),COUNT(A2:B4)<>6,A3<=A2,A4<=A3),#VALUE!,ROUND(' +
        'IF(D1>A4,B2*(A3-A2)+B3*(A4-A3)+B4*(D1-A4),IF(D1>A3,B2*(A3-A2)+B3*(D1-A3),IF(D1>A2,B2*(D1-A2),0))),2))*1.1),0)+1',
    );
    // ROUND(100 × 1.1, 0) + 1 = 110 + 1 = 111
    expect(both((t) => `=SALESOPS.ROUNDMONEY(SALESOPS.COMMISSION(D${t},A${t}:B${t + 3})*1.1,0)+1`)).toEqual({
      fn: 111,
      native: 111,
    });
    expect(reason('=SALESOPS.ROUNDMONEY(SALESOPS.FORECAST(A1:A9,1))')).toMatch(/FORECAST has no native equivalent/);
  });

  it('planShare converts natively where it can and says why not elsewhere', () => {
    const b = book();
    b.sheets[0].formulas[0][5] = '=SALESOPS.COMMISSION(D1,A1:B4)';
    b.sheets[0].formulas[1][5] = '=SALESOPS.COMMISSION(D1,A1:B4,E1:E2)';
    b.sheets[0].values[0][5] = 100;
    b.sheets[0].values[1][5] = 100;
    const plan = planShare(b, { version: '1', now: new Date(0) });
    expect(plan.cells.map((c) => [c.address, c.kind, c.reason])).toEqual([
      ['F1', 'native', undefined],
      [
        'F2',
        'value',
        'SALESOPS.COMMISSION: method is neither a text literal nor one cell, so the formula cannot follow it',
      ],
    ]);
    expect(plan.counts).toEqual({ COMMISSION: { native: 1, value: 1 } });
    expect(plan.provenance[6][4]).toMatch(/^IF\(OR\(NOT\(ISNUMBER\(D1\)\)/);
  });
});

describe('RAMPQUOTA', () => {
  // start 2024-01-17 (serial 45308), ramp 25 %, 50 %, 75 %; full quota 10,000 a month
  const cells = [
    [10000, 45308, 45308, null, null, null, null, 0.25],
    [null, null, null, null, null, null, null, 0.5],
    [null, null, null, null, null, null, null, 0.75],
  ];
  const f = (t: number) => `=SALESOPS.RAMPQUOTA(A${t},B${t},C${t},H${t}:H${t + 2},D${t})`;

  it('prorates the start month and steps through the ramp (calendar convention)', () => {
    // January: 10,000 × 0.25 × 15/31 (days 17–31) = 1,209.677… → 1,209.68
    expect(both(f, cells)).toEqual({ fn: 1209.68, native: 1209.68 });
    const feb = cells.map((r) => [...r]);
    feb[0][2] = 45340; // 2024-02-18: tenure month 2 → 10,000 × 0.5 = 5,000
    expect(both(f, feb)).toEqual({ fn: 5000, native: 5000 });
    const may = cells.map((r) => [...r]);
    may[0][2] = 45427; // 2024-05-15: tenure month 5, past the ramp → 10,000
    may[0][3] = 45436; // last day 2024-05-24: 24/31 of May → 7,741.935… → 7,741.94
    expect(both(f, may)).toEqual({ fn: 7741.94, native: 7741.94 });
    const after = may.map((r) => [...r]);
    after[0][2] = 45458; // 2024-06-15, after the end date → 0
    expect(both(f, after)).toEqual({ fn: 0, native: 0 });
  });

  it('trailing zeros after a step above 0 end the ramp; an end date of 0 is none; convention 0 is "calendar"', () => {
    // ramp 25 %, 50 %, 75 %, 0, 0: the zeros are blank cells as Excel for desktop passes them, so month 4 is 100 %
    const z = [
      ...cells.map((r) => [...r]),
      [null, null, null, null, null, null, null, 0],
      [null, null, null, null, null, null, null, 0],
    ];
    z[0][2] = 45400; // 2024-04-18: tenure month 4 → 10,000 × 1 = 10,000 (end date cell D blank)
    const g = (t: number) => `=SALESOPS.RAMPQUOTA(A${t},B${t},C${t},H${t}:H${t + 4},D${t},0)`;
    expect(both(g, z)).toEqual({ fn: 10000, native: 10000 });
    const ended = z.map((r) => [...r]);
    ended[0][3] = 0; // end date 0 = still active: 10,000
    expect(both(g, z, ended)).toEqual({ fn: 10000, native: 10000 });
    const mid = z.map((r) => [...r]);
    mid[3][7] = 0.9; // 25 %, 50 %, 75 %, 90 %, 0: month 4 is 90 % → 9,000
    expect(both(g, z, mid)).toEqual({ fn: 9000, native: 9000 });
    const gap = z.map((r) => [...r]);
    gap[1][7] = null; // 25 %, blank, 75 %, 0, 0: a blank before the last step → #VALUE!
    expect(both(g, z, gap)).toEqual({ fn: '#VALUE!', native: '#VALUE!' });
    const cut = z.map((r) => [...r]);
    cut[1][7] = null; // 25 %, blank, blank, 0, 0: the ramp is 25 % alone → month 4 at 100 %
    cut[2][7] = null;
    expect(both(g, z, cut)).toEqual({ fn: 10000, native: 10000 });
    const zeros = z.map((r) => [...r]);
    [0, 1, 2].forEach((i) => (zeros[i][7] = 0)); // all zeros: a ramp of five 0 % months, month 4 → 0
    expect(both(g, z, zeros)).toEqual({ fn: 0, native: 0 });
  });

  it('is an error where the function is (end before start), and refuses the other conventions', () => {
    const bad = cells.map((r) => [...r]);
    bad[0][3] = 45300;
    expect(both(f, cells, bad)).toEqual({ fn: '#VALUE!', native: '#VALUE!' });
    const b = book({ A6: 10000, B6: 45308, C6: 45308 });
    expect(reason('=SALESOPS.RAMPQUOTA(A6,B6,C6,,,"next")', b)).toMatch(/"next" convention has no native formula/);
    expect(reason('=SALESOPS.RAMPQUOTA(A6,B6,C6,A1:B4)', b)).toMatch(/ramp is not one row or one column/);
    expect(native('=SALESOPS.RAMPQUOTA(A6,B6,C6,,,"Calendar")', b)).toMatch(/^=IF\(OR\(NOT\(ISNUMBER\(A6\)\)/);
  });
});

describe('PIPELINE', () => {
  // opportunities A:C (amount, stage, close date), window in D/E, stage table F:G with a header row
  const cells = [
    [1000, 'Propose', 45300, 45292, 45350, 'Stage', 'Probability'],
    [2000, 'negotiate', 45400, null, null, 'Propose', 0.25],
    [500.5, 'Propose', 45310, null, null, 'Negotiate', 0.5],
  ];
  const f = (t: number) =>
    `=SALESOPS.PIPELINE(A${t}:A${t + 2},B${t}:B${t + 2},F${t}:G${t + 2},C${t}:C${t + 2},D${t},E${t})`;

  it('weights each opportunity in the window by its stage, case-insensitively', () => {
    // in [45292, 45350]: 1,000 × 0.25 + 500.50 × 0.25 = 250 + 125.125 = 375.125 → 375.13 (2,000 closes after)
    expect(both(f, cells)).toEqual({ fn: 375.13, native: 375.13 });
    const open = cells.map((r) => [...r]);
    open[0][4] = null; // no upper bound: + 2,000 × 0.5 = 1,375.125 → 1,375.13
    expect(both(f, open)).toEqual({ fn: 1375.13, native: 1375.13 });
  });

  it('an unknown stage is #N/A, as in the function', () => {
    const lost = cells.map((r) => [...r]);
    lost[1][1] = 'Lost';
    expect(both(f, cells, lost)).toEqual({ fn: '#N/A', native: '#N/A' });
  });

  it('reads the three ranges as one table and stage names ignoring case and every space', () => {
    // header rows in amounts, stages and close dates; stage table with a 0 | 0 row
    const t = [
      ['Amount', 'Stage', 'Close', null, null, 'Stage', 'Probability'],
      [1000, 'closedwon', 45300, null, null, 'Closed Won', 0.9],
      [0, 0, 45301, null, null, 0, 0],
      [200, 'Propose', 0, null, null, 'Propose', 0.25],
    ];
    const g = (r: number) =>
      `=SALESOPS.PIPELINE(A${r}:A${r + 3},B${r}:B${r + 3},F${r}:G${r + 3},C${r}:C${r + 3},D${r},E${r})`;
    // 1,000 × 0.9 + (row 0 | 0 skipped) + 200 × 0.25 = 900 + 50 = 950 (from/to blank: open)
    expect(both(g, t)).toEqual({ fn: 950, native: 950 });
    const to = t.map((r) => [...r]);
    to[0][4] = 45300; // to 45,300: the close date 0 is no date, so 200 drops out → 900
    to[0][3] = 0; // from 0: open
    expect(both(g, t, to)).toEqual({ fn: 900, native: 900 });
    const dup = t.map((r) => [...r]);
    dup[2][5] = 'closed won'; // two spellings of one stage → #VALUE!
    dup[2][6] = 0.5;
    expect(both(g, t, dup)).toEqual({ fn: '#VALUE!', native: '#VALUE!' });
  });

  it('refuses what it cannot write exactly', () => {
    const b: WorkbookSnapshot = {
      sheets: [{ name: 'S', values: [[1, 'Pro\tpose', null, null, null, 'Propose', 0.5]], formulas: [] }],
    };
    expect(reason('=SALESOPS.PIPELINE(A1:A1,B1:B1,F1:G1)', b)).toMatch(/tab, a non-breaking space/);
    b.sheets[0].values[0][1] = 'Propose';
    expect(reason('=SALESOPS.PIPELINE(A1:A1,B1:B1,F1:G1,,45000)', b)).toMatch(/without close_dates/);
    expect(native('=SALESOPS.PIPELINE(A1:A1,B1:B1,F1:G1)', b)).toBe(
      '=IF(OR(IF(AND(F1=0,G1=0),FALSE,OR(LOWER(SUBSTITUTE(F1," ",""))="",NOT(ISNUMBER(G1)),G1<0,G1>1))),#VALUE!,' +
        'ROUND(IF(AND(A1=0,B1=0),0,IF(OR(ISBLANK(A1),ISBLANK(B1)),#VALUE!,A1*' +
        'IF(LOWER(SUBSTITUTE(B1," ",""))=IF(AND(F1=0,G1=0)," 1",LOWER(SUBSTITUTE(F1," ",""))),G1,NA()))),2))',
    );
    b.sheets[0].values[0][0] = '1,000'; // text: spreadsheets convert it by their own settings
    expect(reason('=SALESOPS.PIPELINE(A1:A1,B1:B1,F1:G1)', b)).toMatch(/holds text or TRUE\/FALSE/);
    expect(reason('=SALESOPS.ROUNDMONEY(A1)', b)).toMatch(/amount holds text or TRUE\/FALSE/);
    b.sheets[0].values[0][0] = 1;
    b.sheets[0].values.push([2, null, null, null, null, null, null]);
    // amounts A1:A2 and stages B1:B1: rows 2 of amounts must be blank (the function refuses different heights)
    expect(reason('=SALESOPS.PIPELINE(A1:A2,B1:B1,F1:G1)', b)).toMatch(/refuses these ranges/);
  });
});
