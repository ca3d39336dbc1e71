/**
 * The input memo (functions/inputMemo.ts) that CREDITED and CREDITS share: a call whose arguments hold the cells of
 * a remembered call reuses its result, and a changed cell anywhere — value, type or shape — is seen.
 */
import fc from 'fast-check';
import { InputMemo } from '../../functions/inputMemo';

type Cell = string | number | boolean | null;

/** A deep copy with new arrays and new string objects (as Excel passes each call: nothing shared). */
const fresh = (g: unknown): unknown =>
  Array.isArray(g) ? g.map(fresh) : typeof g === 'string' ? g.split('').join('') : g;

const deals = (): Cell[][] => [
  ['Deal', 'Account', 'Amount', 'Close date'],
  ['D-1', 'A-1', 1000.01, 46094],
  ['D-2', 'A-1', 500, 46095],
  ['D-3', 'A-2', -0.5, 46114],
];

function counted(memo = new InputMemo<number>(2)) {
  let parses = 0;
  const get = (args: unknown[]) =>
    memo.get(args, () => {
      parses += 1;
      return parses;
    });
  return { memo, get, parses: () => parses };
}

describe('input memo', () => {
  test('the same cells in fresh arrays and strings hit; the result is reused', () => {
    const m = counted();
    expect(m.get([deals(), null, 'x', 3])).toBe(1);
    expect(m.get(fresh([deals(), null, 'x', 3]) as unknown[])).toBe(1);
    expect(m.memo.hits).toBe(1);
    expect(m.parses()).toBe(1);
  });

  test('a changed cell in any position of any argument, to any other value, is a miss', () => {
    const cell = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)); // prettier-ignore
    const grid = fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })); // prettier-ignore
    fc.assert(
      fc.property(
        fc.array(grid, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        cell,
        (args, k, i, j, v) => {
          // prettier-ignore
          const a = k % args.length;
          const r = i % args[a].length;
          const c = j % args[a][r].length;
          fc.pre(!Object.is(args[a][r][c], v) && !(args[a][r][c] === 0 && v === 0)); // −0 and 0 are one cell value
          const m = counted();
          m.get(args);
          const changed = fresh(args) as Cell[][][];
          changed[a][r][c] = v;
          expect(m.get(changed)).toBe(2);
          expect(m.get(fresh(args) as unknown[])).toBe(1); // the first is still remembered (capacity 2)
        },
      ),
      { numRuns: 500 },
    );
  });

  test('type and shape changes are misses: "1" vs 1, null vs "" vs 0, true vs 1, a row or column more', () => {
    const m = counted(new InputMemo<number>(8));
    const base = [['a', 1, null, true]];
    m.get(base);
    expect(m.get([['a', '1', null, true]])).toBe(2);
    expect(m.get([['a', 1, '', true]])).toBe(3);
    expect(m.get([['a', 1, 0, true]])).toBe(4);
    expect(m.get([['a', 1, null, 1]])).toBe(5);
    expect(m.get([['a', 1, null, true, null]])).toBe(6);
    expect(
      m.get([
        ['a', 1, null, true],
        ['a', 1, null, true],
      ]),
    ).toBe(7);
    expect(m.get([['a', 1, null, true]])).toBe(1); // base, remembered
    const n = counted();
    n.get([[[1, 2]], 5]);
    expect(n.get([[1, 2], 5])).toBe(2); // a 1-D list is not the 2-D range
    expect(n.get([[[1, 2]], [[5]]])).toBe(3); // a range is not the scalar
    expect(n.get([[[1, 2]]])).toBe(4); // one argument fewer
  });

  test('the last row and the last argument are compared too (no early stop before the end)', () => {
    const m = counted();
    const big = Array.from({ length: 1000 }, (_, i) => [`D-${i}`, 'A', i, 46000 + i]);
    m.get([big, deals()]);
    const lastRow = fresh(big) as Cell[][];
    lastRow[999][3] = 1;
    expect(m.get([lastRow, deals()])).toBe(2);
    const lastArg = deals();
    lastArg[3][3] = 46115;
    expect(m.get([big, lastArg])).toBe(3);
  });

  test('an input error is remembered and thrown again without parsing again', () => {
    const memo = new InputMemo<number>(2);
    let parses = 0;
    const bad = () => {
      parses += 1;
      throw new Error('deals: row 3, column "Amount": expected a number, got "ten"');
    };
    expect(() => memo.get([deals()], bad)).toThrow(/row 3/);
    expect(() => memo.get(fresh([deals()]) as unknown[], bad)).toThrow(/row 3/);
    expect(parses).toBe(1);
  });

  test('least recently used goes first past the capacity', () => {
    const m = counted(new InputMemo<number>(2));
    m.get([[[1]]]); // 1
    m.get([[[2]]]); // 2
    m.get([[[1]]]); // hit: 1 is now the most recent
    m.get([[[3]]]); // 3: 2 goes
    expect(m.get([[[1]]])).toBe(1);
    expect(m.get([[[2]]])).toBe(4);
  });
});
