import { ResultCache } from '../../functions/resultCache';
import { invalid } from '../../src/shared/errors';
import { isExcelError } from '../support/customFunctionsStub';

describe('ResultCache', () => {
  test('equal arguments hit; different arguments miss; the computation runs once per distinct input', () => {
    const cache = new ResultCache(2);
    let runs = 0;
    const f = (args: unknown[]) =>
      cache.call(args, () => {
        runs++;
        return [[(args[0] as number[][]).flat().reduce((a, b) => a + b, 0)]];
      });
    expect(f([[[1], [2]], null])).toEqual([[3]]);
    expect(f([[[1], [2]], null])).toEqual([[3]]);
    expect(runs).toBe(1);
    expect(f([[[1], [3]], null])).toEqual([[4]]);
    expect(runs).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  test('"1" and 1 are different inputs (no collision between text and numbers)', () => {
    const cache = new ResultCache();
    expect(cache.call(['1'], () => 'text')).toBe('text');
    expect(cache.call([1], () => 'number')).toBe('number');
  });

  test('the total size is bounded: least recently used entries go first once the cells exceed maxCells', () => {
    // Capacity 8 entries but 100 cells. Each call holds its argument (a column of 30 cells) and its result (1 cell):
    // 31 cells, so three fit (93) and a fourth (124 > 100) evicts the least recently used one.
    const cache = new ResultCache(8, 100);
    let runs = 0;
    const column = (x: number) => Array.from({ length: 30 }, () => [x]);
    const f = (x: number) => cache.call([column(x)], () => ++runs);
    f(1);
    f(2);
    f(3);
    expect([cache.size, cache.cells]).toEqual([3, 93]);
    f(1); // a hit: 1 is now the most recent
    expect(runs).toBe(3);
    f(4); // 124 cells > 100: evicts 2, the least recently used
    expect([cache.size, cache.cells]).toEqual([3, 93]);
    f(1);
    f(3);
    expect(runs).toBe(4);
    f(2); // evicted before: computed again
    expect(runs).toBe(5);
  });

  test('an entry larger than maxCells on its own is returned but not stored', () => {
    const cache = new ResultCache(8, 100);
    let runs = 0;
    const big = Array.from({ length: 200 }, (_, i) => [i]);
    expect(cache.call([big], () => ++runs)).toBe(1);
    expect(cache.call([big], () => ++runs)).toBe(2);
    expect([cache.size, cache.cells]).toEqual([0, 0]);
    // The result counts too: a 1-cell argument with a 150-cell result is not stored either.
    cache.call([1], () => Array.from({ length: 150 }, () => [0]));
    expect(cache.size).toBe(0);
  });

  test('a refused check returns its error and stores nothing (no copy of a huge argument)', () => {
    const cache = new ResultCache(8, 100);
    const result = cache.call(
      [[[1]]],
      () => 1,
      () => invalid('x: too large.'),
    );
    expect(isExcelError(result, '#VALUE!')).toBe(true);
    expect([cache.size, cache.misses]).toEqual([0, 0]);
  });

  test('least recently used entries are evicted beyond capacity', () => {
    const cache = new ResultCache(2);
    let runs = 0;
    const f = (x: number) => cache.call([x], () => ++runs);
    f(1);
    f(2);
    f(1); // 1 is now most recent
    f(3); // evicts 2
    f(1);
    expect(runs).toBe(3);
    f(2);
    expect(runs).toBe(4);
  });

  test('errors are results too: the same bad input gives the same #VALUE! without recomputing', () => {
    const cache = new ResultCache();
    let runs = 0;
    const bad = () => cache.call(['x'], () => (runs++, invalid('history: expected numbers')));
    expect(isExcelError(bad(), '#VALUE!')).toBe(true);
    expect(isExcelError(bad(), '#VALUE!')).toBe(true);
    expect(runs).toBe(1);
  });
});

describe('ResultCache never mixes up inputs', () => {
  test('a caller mutating its array after the call does not change what is considered equal', () => {
    const cache = new ResultCache();
    const range = [[1], [2]];
    expect(cache.call([range], () => 'first')).toBe('first');
    range[1][0] = 5; // the stored copy still says 2
    expect(cache.call([range], () => 'second')).toBe('second');
  });

  test('null and an omitted argument are the same input; 0 and blank are not', () => {
    const cache = new ResultCache();
    expect(cache.call([1, null], () => 'a')).toBe('a');
    expect(cache.call([1, undefined], () => 'b')).toBe('a');
    expect(cache.call([1, 0], () => 'c')).toBe('c');
    expect(cache.call([[[1.5]]], () => 'd')).toBe('d');
    expect(cache.call([[[1.25]]], () => 'e')).toBe('e');
  });

  test('arguments that differ only in their last cell, or in the type of a cell, are different inputs', () => {
    const cache = new ResultCache();
    const column = (last: unknown) => [...Array.from({ length: 999 }, (_, i) => [i]), [last]];
    expect(cache.call([column(1)], () => 'one')).toBe('one');
    expect(cache.call([column(2)], () => 'two')).toBe('two');
    expect(cache.call([column('1')], () => 'text')).toBe('text');
    expect(cache.call([column(true)], () => 'bool')).toBe('bool');
    expect(cache.call([column(1)], () => 'again')).toBe('one');
  });
});
