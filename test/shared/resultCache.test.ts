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

  test('a forced hash collision is caught by the cell-by-cell check', () => {
    const cache = new ResultCache();
    const spy = jest.spyOn(ResultCache, 'keyOf').mockReturnValue(7);
    expect(cache.call(['x'], () => 'x')).toBe('x');
    expect(cache.call(['y'], () => 'y')).toBe('y');
    spy.mockRestore();
  });
});
