import fc from 'fast-check';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { FormulaEngine, type CustomFunctionImpl } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';

function setup(init: ConstructorParameters<typeof MemoryWorkbook>[0], extra: Record<string, CustomFunctionImpl> = {}) {
  const wb = new MemoryWorkbook(init);
  const engine = new FormulaEngine({ ...salesOpsFunctions(), ...extra });
  engine.attach(wb);
  const val = (sheet: string, a: string) => wb.getCell(sheet, a).value;
  return { wb, engine, val };
}

describe('FormulaEngine', () => {
  it('rounds as Excel (half away from zero on the decimal shown) and matches as Excel MATCH', () => {
    const { val } = setup({
      S: [
        [{ formula: '=ROUND(1.005,2)' }, { formula: '=ROUND(-1.005,2)' }, { formula: '=ROUND(2.675,2)' }],
        [{ formula: '=ROUND(1250,-2)' }, { formula: '=ROUND(1249.9,-2)' }, { formula: '=ROUND("x",2)' }],
        [10, 20, 30],
        ['Ann', 'bob', 'Cy'],
        [{ formula: '=MATCH("BOB",A4:C4,0)' }, { formula: '=MATCH(25,A3:C3)' }, { formula: '=MATCH(5,A3:C3,1)' }],
        [{ formula: '=MATCH(30,A3:C3,0)' }, { formula: '=MATCH("Dee",A4:C4,0)' }, { formula: '=MATCH(1,A3:C4,0)' }],
        [30, 20, 10],
        [{ formula: '=MATCH(25,A7:C7,-1)' }, { formula: '=MATCH(40,A7:C7,-1)' }],
      ],
    });
    // 1.005 is stored as 1.00499999…; Excel rounds the decimal shown: 1.01, -1.01, 2.68; 1250 → 1300, 1249.9 → 1200
    expect([val('S', 'A1'), val('S', 'B1'), val('S', 'C1')]).toEqual([1.01, -1.01, 2.68]);
    expect([val('S', 'A2'), val('S', 'B2'), val('S', 'C2')]).toEqual([1300, 1200, '#VALUE!']);
    // exact text ignores case → 2; 25 in ascending 10,20,30 → the last ≤ 25 is 20 → 2; 5 is below them all → #N/A
    expect([val('S', 'A5'), val('S', 'B5'), val('S', 'C5')]).toEqual([2, 2, '#N/A']);
    // 30 exactly → 3; a name not there → #N/A; a 2-D range → #N/A
    expect([val('S', 'A6'), val('S', 'B6'), val('S', 'C6')]).toEqual([3, '#N/A', '#N/A']);
    // descending 30,20,10, type -1: the last ≥ 25 is 30 → 1; nothing ≥ 40 → #N/A
    expect([val('S', 'A8'), val('S', 'B8')]).toEqual([1, '#N/A']);
  });

  it('computes standard formulas and recomputes only the dependents of an edited cell', () => {
    const { wb, engine, val } = setup({
      S: [
        [2, { formula: '=A1*3' }, { formula: '=SUM(A1:B1)' }],
        [10, { formula: '=A2+1' }, null],
      ],
    });
    // B1 = 2*3 = 6; C1 = 2+6 = 8; B2 = 10+1 = 11
    expect([val('S', 'B1'), val('S', 'C1'), val('S', 'B2')]).toEqual([6, 8, 11]);
    expect(engine.lastEvaluations).toBe(3);
    wb.setCell('S', 'A1', 5);
    // B1 = 5*3 = 15; C1 = 5+15 = 20; B2 (not a dependent of A1) is not recomputed
    expect([val('S', 'B1'), val('S', 'C1'), val('S', 'B2')]).toEqual([15, 20, 11]);
    expect(engine.lastEvaluations).toBe(2);
  });

  it('follows references across sheets, including quoted sheet names', () => {
    const { wb, val } = setup({
      'Comp Plan': [[0.5]],
      Out: [[{ formula: "='Comp Plan'!A1*200" }]],
    });
    expect(val('Out', 'A1')).toBe(100); // 0.5 * 200
    wb.setCell('Comp Plan', 'A1', 0.25);
    expect(val('Out', 'A1')).toBe(50); // 0.25 * 200
  });

  it('calls SALESOPS functions with ranges: PAYOUT on a two-band marginal curve with cap and threshold', () => {
    const { wb, val } = setup({
      S: [
        [0, 1, 1.2, { formula: '=SALESOPS.PAYOUT(C1,21000,A1:B2,"marginal",2,0.5)' }],
        [1, 2, null, null],
      ],
    });
    // 21,000 × (1.0 × 1.0 + 2.0 × 0.2) = 21,000 × 1.4 = 29,400
    expect(val('S', 'D1')).toBeCloseTo(29400, 9);
    wb.setCell('S', 'C1', 0.4);
    // below the 0.5 threshold: 0
    expect(val('S', 'D1')).toBe(0);
    wb.setCell('S', 'C1', 3);
    // 21,000 × (1 + 2 × 2) = 105,000, capped at 2 × 21,000 = 42,000
    expect(val('S', 'D1')).toBeCloseTo(42000, 9);
  });

  it('shows a core input error as #VALUE! with its message, and propagates it to dependents', () => {
    const { wb, engine, val } = setup({
      S: [['ten', { formula: '=SALESOPS.ROUNDMONEY(A1)' }, { formula: '=B1+1' }]],
    });
    expect(val('S', 'B1')).toBe('#VALUE!');
    expect(engine.errorAt('S', 'B1')?.message).toMatch(/amount/);
    expect(engine.errorAt('S', 'C1')?.code).toBe('#VALUE!');
    wb.setCell('S', 'A1', 2.675);
    expect(val('S', 'B1')).toBe(2.68); // ROUND half away from zero: 2.675 → 2.68
    expect(val('S', 'C1')).toBe(3.68);
    expect(engine.errorAt('S', 'C1')).toBeUndefined();
  });

  it('spills arrays, lets formulas read the spill, and reports #SPILL! when blocked', () => {
    const { wb, engine, val } = setup(
      { S: [[{ formula: '=T.GRID(A3)' }, null, { formula: '=SUM(A1:B2)' }], [null, null, null], [1]] },
      {
        'T.GRID': (k: unknown) => [
          [k, 2 * Number(k)],
          [3 * Number(k), 4 * Number(k)],
        ],
      },
    );
    // k = 1: [[1, 2], [3, 4]] → SUM = 10
    expect([val('S', 'A1'), val('S', 'B1'), val('S', 'A2'), val('S', 'B2'), val('S', 'C1')]).toEqual([1, 2, 3, 4, 10]);
    expect(engine.spillFormulaAt('S', 'B2')).toEqual({ anchor: 'A1', formula: '=T.GRID(A3)' });
    wb.setCell('S', 'A3', 2);
    // k = 2: 2 + 4 + 6 + 8 = 20
    expect(val('S', 'C1')).toBe(20);
    wb.setCell('S', 'B2', 'x');
    expect(val('S', 'A1')).toBe('#SPILL!');
    wb.setCell('S', 'B2', null);
    expect(val('S', 'A1')).toBe(2);
    expect(val('S', 'C1')).toBe(20);
  });

  it('reports a circular reference as #REF! and never hangs', () => {
    const { val } = setup({ S: [[{ formula: '=B1+1' }, { formula: '=A1+1' }, { formula: '=SUM(A1:C1)' }]] });
    expect(val('S', 'A1')).toBe('#REF!');
    expect(val('S', 'C1')).toBe('#REF!');
  });

  it('reports unknown functions as #NAME? and unreadable formulas as an error', () => {
    const { val } = setup({ S: [[{ formula: '=SALESOPS.NOSUCH(1)' }, { formula: '=SUM(1))' }]] });
    expect(val('S', 'A1')).toBe('#NAME?');
    expect(val('S', 'B1')).toBe('#ERROR!');
  });

  it('provides MAX, MIN and MEDIAN (declared but empty in fast-formula-parser)', () => {
    const { val } = setup({
      S: [
        [3, { formula: '=MAX(A1:A4)' }, { formula: '=MIN(A1:A4)' }, { formula: '=MEDIAN(A1:A4)' }],
        [-2],
        ['text'],
        [8],
      ],
    });
    // numbers 3, -2, 8 (text ignored): max 8, min -2, median 3
    expect([val('S', 'B1'), val('S', 'C1'), val('S', 'D1')]).toEqual([8, -2, 3]);
  });

  it('recalculates after a change to a cell that a range on another sheet covers by rows and columns', () => {
    // A1 = SUM(Data!A1:C10) + B5: fast-formula-parser's own DepParser dropped B5 (inside A1:C10 by rows and
    // columns, though on another sheet), so a change of S!B5 recalculated nothing
    const { wb, val } = setup({
      Data: [[1, 2, 3]],
      S: [[{ formula: '=SUM(Data!A1:C10)+B5' }], [], [], [], [null, 10]],
    });
    expect(val('S', 'A1')).toBe(16); // 1 + 2 + 3 + 10
    wb.setCell('S', 'B5', 20);
    expect(val('S', 'A1')).toBe(26); // 6 + 20
  });

  it('provides SUBSTITUTE as Excel has it (every occurrence, or the n-th; case-sensitive)', () => {
    const { val } = setup({
      S: [
        ['Closed Won', { formula: '=SUBSTITUTE(A1," ","")' }, { formula: '=SUBSTITUTE("a-b-c","-","+",2)' }],
        [12.5, { formula: '=SUBSTITUTE(A2,".",",")' }, { formula: '=SUBSTITUTE("Aa","a","x")' }],
        [null, { formula: '=SUBSTITUTE(A3,"x","y")' }, { formula: '=SUBSTITUTE("abc","","z")' }],
        [null, { formula: '=SUBSTITUTE("a-b","-","+",3)' }, { formula: '=SUBSTITUTE("a","a","b",0)' }],
      ],
    });
    // "Closed Won" without spaces; only the 2nd "-" of a-b-c; 12.5 read as text "12.5"; only lower-case a;
    // a blank is ""; an empty "old" leaves the text; no 3rd "-" leaves it; instance 0 is #VALUE!
    expect([val('S', 'B1'), val('S', 'C1'), val('S', 'B2'), val('S', 'C2')]).toEqual([
      'ClosedWon',
      'a-b+c',
      '12,5',
      'Ax',
    ]);
    expect([val('S', 'B3'), val('S', 'C3'), val('S', 'B4'), val('S', 'C4')]).toEqual(['', 'abc', 'a-b', '#VALUE!']);
  });

  it('incremental recomputation equals a fresh computation after any sequence of edits (property)', () => {
    // A chain of formulas over inputs in column A: B_i = A_i * 2 + B_{i-1}; C1 = SUM(B1:B6); D1 = MAX(A1:A6)
    const n = 6;
    const init = () => {
      const rows: ({ formula: string } | number | null)[][] = [];
      for (let i = 1; i <= n; i++) {
        rows.push([
          i,
          { formula: i === 1 ? '=A1*2' : `=A${i}*2+B${i - 1}` },
          i === 1 ? { formula: `=SUM(B1:B${n})` } : null,
          i === 1 ? { formula: `=MAX(A1:A${n})` } : null,
        ]);
      }
      return { S: rows };
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: -1000, max: 1000 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const live = setup(init());
          for (const [row, value] of edits) live.wb.setCell('S', `A${row}`, value);
          const fresh = new MemoryWorkbook(init());
          for (const [row, value] of edits) fresh.setCell('S', `A${row}`, value);
          new FormulaEngine({}).attach(fresh);
          // D1 = MAX of the inputs, by hand from the edit list
          const inputs = Array.from({ length: n }, (_, i) => i + 1);
          for (const [row, value] of edits) inputs[row - 1] = value;
          expect(live.wb.getCell('S', 'D1').value).toBe(Math.max(...inputs));
          for (let i = 1; i <= n; i++) {
            for (const col of ['B', 'C', 'D']) {
              expect(live.wb.getCell('S', `${col}${i}`).value).toBe(fresh.getCell('S', `${col}${i}`).value);
            }
          }
        },
      ),
      { seed: 42, numRuns: 25 },
    );
  });
});
