/**
 * The `_xlfn.` prefixes of Excel's future functions (taskpane/playground/futureFunctions.ts): added on save,
 * dropped on open, never inside a string literal, a quoted sheet name or a longer name.
 */
import fc from 'fast-check';
import { filePrefixOf, withFilePrefixes, withoutFilePrefixes } from '../../taskpane/playground/futureFunctions';

describe('future-function prefixes', () => {
  it('knows the prefix Excel stores for a function, and none for a 2007 function', () => {
    expect(filePrefixOf('stdev.s')).toBe('_xlfn.');
    expect(filePrefixOf('XLOOKUP')).toBe('_xlfn.');
    expect(filePrefixOf('FILTER')).toBe('_xlfn._xlws.');
    expect(filePrefixOf('SUM')).toBe('');
    expect(filePrefixOf('STDEV')).toBe('');
  });

  it('rewrites calls only', () => {
    expect(withFilePrefixes('=IFS(A1>0,"IFS(",TRUE,SORT(\'IFS(x\'!A1:A3))')).toBe(
      '=_xlfn.IFS(A1>0,"IFS(",TRUE,_xlfn._xlws.SORT(\'IFS(x\'!A1:A3))',
    );
    // Already prefixed (or with the wrong one): Excel's prefix, once.
    expect(withFilePrefixes('=_xlfn.SORT(A1:A3)+_xlfn.IFNA(1,2)')).toBe('=_xlfn._xlws.SORT(A1:A3)+_xlfn.IFNA(1,2)');
    // A longer name that ends like a listed one is not a call of it.
    expect(withFilePrefixes('=MYSORT(A1)+X.IFNA(1)')).toBe('=MYSORT(A1)+X.IFNA(1)');
    expect(withoutFilePrefixes('=_xlfn._xlws.FILTER(A1:A3,B1:B3)+_xlfn.OTHER(1)')).toBe(
      '=FILTER(A1:A3,B1:B3)+_xlfn.OTHER(1)',
    );
  });

  it('open after save gives the formula back, and save is idempotent', () => {
    const names = ['SUM', 'STDEV.S', 'XLOOKUP', 'SORT', 'FILTER', 'IFNA', 'CONCAT', 'SALESOPS.PAYOUT', 'ROUND'];
    const literal = fc.stringMatching(/^[A-Za-z(),. ]{0,8}$/).map((t) => `"${t}"`);
    const leaf = fc.oneof(fc.constantFrom('A1', 'B2:B9', '1', "'Q1 (x)'!A1"), literal);
    const formula = fc
      .array(fc.tuple(fc.constantFrom(...names), fc.array(leaf, { maxLength: 3 })), { minLength: 1, maxLength: 4 })
      .map((calls) => '=' + calls.map(([n, args]) => `${n}(${args.join(',')})`).join('+'));
    fc.assert(
      fc.property(formula, (f) => {
        const saved = withFilePrefixes(f);
        expect(withoutFilePrefixes(saved)).toBe(f);
        expect(withFilePrefixes(saved)).toBe(saved);
        // Every literal and quoted sheet name is kept as it was.
        const quoted = (s: string) => s.match(/"[^"]*"|'[^']*'/g) ?? [];
        expect(quoted(saved)).toEqual(quoted(f));
      }),
    );
  });
});
