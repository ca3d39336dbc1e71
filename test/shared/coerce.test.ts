import fc from 'fast-check';
import {
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  parseNumericText,
  toInteger,
  toNumber,
  optionalNumberOrVector,
  toNumberOrVector,
  toNumberSeries,
  toNumberVector,
  toText,
  toVector,
  withoutHeader,
} from '../../src/shared/coerce';
import { columnLetter } from '../../src/shared/cells';
import { ModelInputError } from '../../src/shared/errors';
import { messageOf as err } from '../support/messageOf';

describe('numeric text, read as Excel reads it in arithmetic', () => {
  test.each([
    ['1,000', 1000],
    [' 3.5 ', 3.5],
    ['12%', 0.12],
    ['$1,200.50', 1200.5],
    ['(100)', -100],
    ['-2e3', -2000],
    ['.5', 0.5],
    ['+7', 7],
  ])('%p → %p', (s, n) => expect(parseNumericText(s)).toBeCloseTo(n, 12));

  test.each(['', 'ten', '1,00', '1.2.3', '12%%', '(5', '--5', '$', '%', '1e', 'NaN', 'Infinity', '0x10'])(
    '%p is not numeric',
    (s) => expect(parseNumericText(s)).toBeUndefined(),
  );

  test.each(['-0', '-0.00', '(0)', '-0%', '($0.00)'])('%p is 0, not -0 (Excel keeps no negative zero)', (s) =>
    expect(Object.is(parseNumericText(s), 0)).toBe(true),
  );
});

describe('scalar arguments', () => {
  test('numbers, booleans as 1/0, numeric text', () => {
    expect(toNumber(5, 'a')).toBe(5);
    expect(toNumber(true, 'a')).toBe(1);
    expect(toNumber('12%', 'a')).toBeCloseTo(0.12, 12);
    expect(toNumber([[7]], 'a')).toBe(7); // a 1×1 range is a single value
  });

  test('errors name the argument', () => {
    expect(err(() => toNumber('ten', 'amount'))).toBe('amount: expected a number, got "ten".');
    expect(err(() => toNumber(null, 'amount'))).toMatch(/^amount: a number is required/);
    expect(err(() => toNumber(NaN, 'amount'))).toMatch(/^amount: expected a finite number/);
    expect(err(() => toNumber([[1, 2]], 'amount'))).toMatch(/^amount: expected a single value, got a range of 1 × 2/);
    expect(err(() => toInteger(2.5, 'months', 1))).toMatch(/^months: expected a whole number/);
    expect(err(() => toInteger(0, 'months', 1))).toMatch(/^months: must be at least 1/);
  });

  test('optional arguments take their default when omitted or blank', () => {
    expect(optionalNumber(null, 'cap', 2)).toBe(2);
    expect(optionalNumber(undefined, 'cap', 2)).toBe(2);
    expect(optionalNumber('', 'cap', 2)).toBe(2);
    expect(optionalNumber(null, 'cap')).toBeUndefined();
    expect(optionalBoolean(null, 'recoverable', true)).toBe(true);
    expect(optionalBoolean('FALSE', 'recoverable', true)).toBe(false);
    expect(optionalBoolean(0, 'recoverable', true)).toBe(false);
    expect(err(() => optionalBoolean('maybe', 'recoverable', true))).toMatch(/^recoverable: expected TRUE or FALSE/);
    expect(optionalChoice(' RETRO ', 'method', ['marginal', 'retro'], 'marginal')).toBe('retro');
    expect(err(() => optionalChoice('flat', 'method', ['marginal', 'retro'], 'marginal'))).toBe(
      'method: expected one of "marginal", "retro", got "flat".',
    );
    expect(toText(42, 'stage')).toBe('42');
  });
});

describe('ranges', () => {
  test('a column, a row, or a single value is a vector; a header cell of text is dropped', () => {
    expect(toVector([[1], [2]], 'x')).toEqual([1, 2]);
    expect(toVector([[1, 2, 3]], 'x')).toEqual([1, 2, 3]);
    expect(toVector(5, 'x')).toEqual([5]);
    expect(toNumberVector([['Bookings'], [10], ['1,000']], 'x')).toEqual([10, 1000]);
    expect(
      err(() =>
        toVector(
          [
            [1, 2],
            [3, 4],
          ],
          'x',
        ),
      ),
    ).toMatch(/^x: expected one row or one column, got 2 rows × 2 columns/);
  });

  test('blank policies inside numeric ranges', () => {
    const col = [[1], [null], [''], [4]];
    expect(toNumberVector(col, 'x', 'zero')).toEqual([1, 0, 0, 4]);
    expect(toNumberVector(col, 'x', 'skip')).toEqual([1, 4]);
    expect(err(() => toNumberVector(col, 'x'))).toBe('x: item 2 is blank; a number is required.');
    expect(toNumberSeries(col, 'x')).toEqual([1, null, null, 4]);
    expect(err(() => toNumberVector([[1], [true]], 'x'))).toBe('x: item 2: expected a number, got TRUE.');
  });

  test('a number broadcasts; a vector must have the right length', () => {
    expect(toNumberOrVector(3, 'draw', 4)).toEqual([3, 3, 3, 3]);
    expect(err(() => toNumberOrVector([[1], [2]], 'draw', 3))).toBe('draw: expected one number or 3 items, got 2.');
    // optional: omitted, blank, or a single blank cell → undefined; otherwise as toNumberOrVector
    expect(optionalNumberOrVector(null, 'proration', 2)).toBeUndefined();
    expect(optionalNumberOrVector('', 'proration', 2)).toBeUndefined();
    expect(optionalNumberOrVector([[null]], 'proration', 2)).toBeUndefined();
    expect(optionalNumberOrVector([[0.5]], 'proration', 2)).toEqual([0.5, 0.5]);
    expect(optionalNumberOrVector([[0.5], [1]], 'proration', 2)).toEqual([0.5, 1]);
    expect(err(() => optionalNumberOrVector([[0.5], [null]], 'proration', 2))).toMatch(/^proration: item 2/);
  });

  test('withoutHeader skips a text first row only when data follows', () => {
    expect(
      withoutHeader([
        ['Lower', 'Rate'],
        [0, 0.1],
      ]).rows,
    ).toEqual([[0, 0.1]]);
    expect(withoutHeader([[0, 0.1]]).header).toBeUndefined();
    expect(withoutHeader([['Alice'], ['Bob']]).rows).toHaveLength(2); // all text: no header guessed
  });

  test('ragged ranges are refused', () => {
    expect(err(() => toVector([[1], [2, 3]] as never, 'x'))).toMatch(/not rectangular/);
  });

  test('column letters', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  test('property: any finite number written as text with thousands separators reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseNumericText(n.toLocaleString('en-US'))).toBe(n);
      }),
      { seed: 3, numRuns: 1000 },
    );
  });

  test('property: coercion never throws anything but ModelInputError', () => {
    const cell = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 })), (v) => {
        for (const f of [toNumber, toText, (x: never, a: string) => toNumberVector(x, a)]) {
          try {
            f(v as never, 'arg');
          } catch (e) {
            expect(e).toBeInstanceOf(ModelInputError);
          }
        }
      }),
      { seed: 9, numRuns: 2000 },
    );
  });
});
