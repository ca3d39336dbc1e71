import { checkResult, excelCall } from '../../functions/adapter';
import { invalid, notFound } from '../../src/shared/errors';
import { isExcelError } from '../support/customFunctionsStub';
import { VERSION } from '../../src/version';
import pkg from '../../package.json';

describe('excelCall: the one wrapper between Excel and the core', () => {
  test('input errors become #VALUE! / #N/A with the message', () => {
    const v = excelCall(() => invalid('tiers: row 2: expected a number, got "x".'));
    expect(isExcelError(v, '#VALUE!')).toBe(true);
    expect((v as { message: string }).message).toBe('tiers: row 2: expected a number, got "x".');
    expect(
      isExcelError(
        excelCall(() => notFound('stage "Won?" is not in the table')),
        '#N/A',
      ),
    ).toBe(true);
  });

  test('unexpected exceptions become #NUM!, never escape', () => {
    expect(
      isExcelError(
        excelCall(() => {
          throw new TypeError('boom');
        }),
        '#NUM!',
      ),
    ).toBe(true);
    expect(
      isExcelError(
        excelCall(() => NaN),
        '#NUM!',
      ),
    ).toBe(true);
    expect(
      isExcelError(
        excelCall(() => [[1, Infinity]]),
        '#NUM!',
      ),
    ).toBe(true);
    expect(
      isExcelError(
        excelCall(() => [[1, 2], [3]]),
        '#NUM!',
      ),
    ).toBe(true);
    expect(
      isExcelError(
        excelCall(() => []),
        '#NUM!',
      ),
    ).toBe(true);
  });

  test('a scalar number result: finite numbers pass, -0 becomes 0, ±Infinity is #NUM!; arguments pass through', () => {
    expect(excelCall((a: number, b: number) => a * b, 6, 7)).toBe(42);
    expect(
      Object.is(
        excelCall(() => -0),
        0,
      ),
    ).toBe(true);
    expect(
      isExcelError(
        excelCall(() => Infinity),
        '#NUM!',
      ),
    ).toBe(true);
    expect(
      isExcelError(
        excelCall(() => -Infinity),
        '#NUM!',
      ),
    ).toBe(true);
    expect(excelCall((s: string) => s.toUpperCase(), 'ab')).toBe('AB');
  });

  test('results: blanks in arrays become "", -0 becomes 0, long messages are cut to 255 characters', () => {
    expect(
      checkResult([
        [1, null],
        [-0, 'x'],
      ]),
    ).toEqual([
      [1, ''],
      [0, 'x'],
    ]);
    const v = excelCall(() => invalid('x'.repeat(400)));
    expect((v as { message: string }).message).toHaveLength(255);
  });

  test('the add-in version equals package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
