/**
 * Excel-like argument generators for fuzzing custom functions: the values Excel can pass for a cell or a range.
 */
import fc from 'fast-check';

export type Cell = number | string | boolean | null;

/** Numbers Excel can hold: 0, negatives, huge, tiny, integers, fractions (never NaN/Infinity: Excel has none). */
export const excelNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 2, 12, 100, 1e-9, -1e-9, 1e15, -1e15, 9.99e307, 45292, 2958465, 0.95, 1.5),
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Text Excel can hold, including numeric-looking text, dates as text and unicode. */
export const excelText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '1,000',
    '12%',
    '$1,200.50',
    '(100)',
    '2024-01-31',
    '1/31/2024',
    'TRUE',
    'false',
    'ten',
    'marginal',
    'retro',
    'auto',
    'ets',
    'theta',
    'naive',
    'Alice',
    'Bob',
    'Closed Won',
    'Commit',
    '∑ünïcödé 😀',
    '#N/A',
    '=1+1',
  ),
  fc.string({ maxLength: 12 }),
);

/** One cell: a number, text, a boolean, or a blank (null, or 0 as some Excel builds pass it). */
export const excelCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 5, arbitrary: excelNumber },
  { weight: 2, arbitrary: excelText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** A range: 1×1, a row, a column, or a block; sometimes with a header row of text; sometimes large. */
export function excelRange(maxRows: number): fc.Arbitrary<Cell[][]> {
  const block = (rows: fc.Arbitrary<number>, cols: fc.Arbitrary<number>, cell: fc.Arbitrary<Cell>) =>
    fc
      .tuple(rows, cols)
      .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
  const numericCell = fc.oneof({ weight: 8, arbitrary: excelNumber }, { weight: 1, arbitrary: excelCell });
  const small = fc.oneof(
    block(fc.constant(1), fc.constant(1), excelCell),
    block(fc.integer({ min: 1, max: 30 }), fc.constant(1), numericCell),
    block(fc.constant(1), fc.integer({ min: 1, max: 30 }), numericCell),
    block(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 4 }), numericCell),
    block(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4 }), excelCell),
  );
  const withHeader = fc
    .tuple(small, fc.array(excelText, { minLength: 1, maxLength: 4 }))
    .map(([g, h]) => [Array.from({ length: g[0].length }, (_, i) => h[i % h.length] || 'Header'), ...g]);
  const large = fc.constantFrom(...largeRanges(maxRows));
  return fc.oneof(
    { weight: 12, arbitrary: small },
    { weight: 4, arbitrary: withHeader },
    { weight: 1, arbitrary: large },
  );
}

/** Any argument: a single cell or a range (Excel can pass a range to a scalar parameter too). */
export function excelArg(maxRows: number): fc.Arbitrary<Cell | Cell[][]> {
  return fc.oneof({ weight: 3, arbitrary: excelCell }, { weight: 2, arbitrary: excelRange(maxRows) });
}

/** A few large ranges built once (generating 100,000-row arrays per call would dominate the run). */
function largeRanges(maxRows: number): Cell[][][] {
  let s = 12345;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const make = (rows: number, cols: number, header: boolean): Cell[][] => {
    const body = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, (): Cell => Math.round(next() * 100000) / 100),
    );
    return header ? [Array.from({ length: cols }, (_, i) => `Column ${i + 1}`), ...body] : body;
  };
  const sizes = [1000, 10000, 100000].filter((r) => r <= maxRows);
  return sizes.flatMap((r) => [make(r, 1, false), make(r, 2, true), make(r, 3, false)]);
}
