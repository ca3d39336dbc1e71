/**
 * CREDITED over a roster range (issue 18): `=SALESOPS.CREDITED(A2:A1001, …)` spills one amount per name from one
 * reading of the tables, and each amount is the one the same name gives alone.
 */
import fc from 'fast-check';
import { type CreditTablesReader, creditedOf, readCreditTables } from '../../src/credit';
import { ModelInputError } from '../../src/shared/errors';
import { DEALS, OWNERS, SPLITS } from '../contract/samples/credit';

// The tables of the contract samples: D-1 (1,000.01, 2026-03-13) split 60/40 Ann/Ben, D-2 (500, 2026-03-14) of
// A-1 with Omar's 50 % overlay, D-3 (200) owned by Cy; A-1 moves from Ann to Ben on 2026-03-14.
/** A reader that counts how often the tables are read. */
function counting(): { read: CreditTablesReader; reads: () => number } {
  let n = 0;
  return {
    read: (d, s, o) => {
      n++;
      return readCreditTables(d, s, o);
    },
    reads: () => n,
  };
}

describe('CREDITED over a roster range', () => {
  test('a column spills one amount per name and reads the tables once', () => {
    const c = counting();
    // Ann 600.01 (60 % of 1,000.01, the cent to the larger remainder); Ben 400.00 + 500 (owner of A-1 on the day
    // D-2 closes) = 900; Omar 0.5 × 500 = 250 (overlay); Cy 200 (deal owner); " ann " as Ann; Zed nothing.
    const got = creditedOf([['Ann'], ['Ben'], ['Omar'], ['Cy'], [' ann '], ['Zed']], DEALS, SPLITS, OWNERS, null, null, c.read); // prettier-ignore
    expect(got).toEqual([[600.01], [900], [250], [200], [600.01], [0]]);
    expect(c.reads()).toBe(1);
  });

  test('blank cells, as the web (null, "") or desktop (0) passes them, give blanks; a row spills a row', () => {
    expect(creditedOf([['Ann', null, '', 0, 'Ben']], DEALS, SPLITS, OWNERS, null, null)).toEqual([
      [600.01, '', '', '', 900],
    ]);
  });

  test('one name, alone or as a 1 × 1 range, gives a 1 × 1 result; a blank one is refused', () => {
    expect(creditedOf('Ben', DEALS, SPLITS, OWNERS, null, null)).toEqual([[900]]);
    expect(creditedOf([['Ben']], DEALS, SPLITS, OWNERS, null, null)).toEqual([[900]]);
    expect(() => creditedOf([[null]], DEALS, SPLITS, OWNERS, null, null)).toThrow(/rep: text is required/);
  });

  test('table and period errors apply to the whole range', () => {
    expect(() => creditedOf([['Ann'], ['Ben']], DEALS, SPLITS, OWNERS, 46095, 46094)).toThrow(/from: .* is after to/);
    // Without splits and owners, D-2 of A-1 on 2026-03-14 has no owner: #N/A naming the deal.
    expect(() => creditedOf([['Ann'], ['Ben']], DEALS, null, [OWNERS[0], OWNERS[1]], null, null)).toThrow(/deal "D-2"/);
  });

  test('more than 100,000 names are refused (#NUM!) before the tables are read', () => {
    const c = counting();
    const names = Array.from({ length: 100_001 }, (_, i) => [`Rep ${i}`]);
    let error: unknown;
    try {
      creditedOf(names, DEALS, SPLITS, OWNERS, null, null, c.read);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelInputError);
    expect((error as ModelInputError).kind).toBe('number');
    expect((error as Error).message).toMatch(/^rep: .*100,000/);
    expect(c.reads()).toBe(0);
  });

  test('each amount of a spill is what the name gives alone, for any roster and period', () => {
    const name = fc.constantFrom('Ann', 'ben', ' Omar ', 'CY', 'Dee', 'House', null, '', 0);
    const day = fc.option(fc.integer({ min: 46080, max: 46110 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), day, day, (rows, a, b) => {
        const width = rows[0].length;
        const roster = rows.map((r) => Array.from({ length: width }, (_, j) => r[j % r.length]));
        if (roster.length * width === 1) return; // a single cell is the one-name case above
        const [from, to] = a !== null && b !== null && a > b ? [b, a] : [a, b];
        const got = creditedOf(roster, DEALS, SPLITS, OWNERS, from, to);
        roster.forEach((row, i) =>
          row.forEach((n, j) => {
            const alone = n === null || n === '' || n === 0 ? '' : creditedOf(n, DEALS, SPLITS, OWNERS, from, to)[0][0];
            expect(got[i][j]).toBe(alone);
          }),
        );
      }), // prettier-ignore
      { numRuns: 200 },
    );
  });
});
