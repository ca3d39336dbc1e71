/**
 * Cells holding Excel data types reach custom functions as objects (functions.json allows custom data for `any`
 * parameters). Each shape documented for Excel.CellValue is read as the value the cell shows, at the one
 * coercion point (src/shared/coerce.ts), for single arguments and inside ranges, and through a real function.
 */
import fc from 'fast-check';
import {
  cellNumber,
  cellText,
  dataTypeValue,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  toNumber,
  toNumberSeries,
  toNumberVector,
  toText,
} from '../../src/shared/coerce';
import { EXCEL_FUNCTIONS } from '../../functions/catalog';
import { isExcelError } from '../support/customFunctionsStub';
import { messageOf } from '../support/messageOf';

const { COMMISSION: commission, PAYOUT: payout } = EXCEL_FUNCTIONS;

/** Data types as Excel passes them (the JSON of Excel.CellValue). */
const DOUBLE = { type: 'Double', basicType: 'Double', basicValue: 1200 };
const DOUBLE_FORMATTED = { type: 'Double', basicValue: 1200.5, numberFormat: '$#,##0.00' };
const FORMATTED_NUMBER = { type: 'FormattedNumber', basicValue: 0.12, numberFormat: '0%' };
const STRING = { type: 'String', basicType: 'String', basicValue: 'retro' };
const BOOLEAN = { type: 'Boolean', basicType: 'Boolean', basicValue: true };
const EMPTY = { type: 'Empty', basicType: 'Empty', basicValue: '' };
const ERROR = { type: 'Error', basicType: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' };
const ENTITY = {
  type: 'Entity',
  text: 'West region',
  properties: { Quota: { type: 'Double', basicValue: 2_000_000 } },
  basicType: 'Error',
  basicValue: '#VALUE!',
};
/** A Stocks cell: a linked entity whose fields (Price, …) are read with =A2.Price. */
const STOCK = {
  type: 'LinkedEntity',
  text: 'Microsoft Corporation',
  id: { entityId: 'XNAS:MSFT', domainId: 'Stocks', serviceId: 268435456, culture: 'en-US' },
  properties: { Price: { type: 'Double', basicValue: 410.5 } },
  basicType: 'Error',
  basicValue: '#VALUE!',
};
const GEOGRAPHY = { ...STOCK, text: 'Germany', id: { ...STOCK.id, domainId: 'Geography', entityId: 'Germany' } };
const WEB_IMAGE = { type: 'WebImage', address: 'https://example.com/a.png', basicType: 'Error', basicValue: '#VALUE!' };
const NOT_AVAILABLE = { type: 'ValueTypeNotAvailable', basicType: 'Double', basicValue: 7 };

const anyArg = (v: unknown) => v as never;

describe('dataTypeValue: each documented shape', () => {
  it.each([
    ['Double', DOUBLE, 1200],
    ['Double with a number format', DOUBLE_FORMATTED, 1200.5],
    ['FormattedNumber', FORMATTED_NUMBER, 0.12],
    ['String', STRING, 'retro'],
    ['Boolean', BOOLEAN, true],
    ['Empty', EMPTY, null],
    ['Error', ERROR, '#DIV/0!'],
    ['Entity', ENTITY, 'West region'],
    ['LinkedEntity (Stocks)', STOCK, 'Microsoft Corporation'],
    ['LinkedEntity (Geography)', GEOGRAPHY, 'Germany'],
    ['WebImage', WEB_IMAGE, '#VALUE!'],
    ['ValueTypeNotAvailable', NOT_AVAILABLE, 7],
    ['an unknown object', { foo: 1 }, '#VALUE!'],
  ])('%s', (_name, value, expected) => {
    expect(dataTypeValue(value)).toBe(expected);
  });
});

describe('single arguments', () => {
  it('a formatted number works where a number is expected', () => {
    expect(toNumber(anyArg(DOUBLE), 'amount')).toBe(1200);
    expect(toNumber(anyArg(FORMATTED_NUMBER), 'amount')).toBe(0.12);
    expect(toNumber(anyArg([[DOUBLE_FORMATTED]]), 'amount')).toBe(1200.5); // a one-cell range
    expect(optionalNumber(anyArg(NOT_AVAILABLE), 'cap')).toBe(7);
    expect(toNumber(anyArg({ type: 'String', basicValue: '$1,000' }), 'amount')).toBe(1000);
  });

  it('text, booleans and blanks read as what they show', () => {
    expect(optionalChoice(anyArg(STRING), 'method', ['marginal', 'retro'] as const, 'marginal')).toBe('retro');
    expect(optionalBoolean(anyArg(BOOLEAN), 'recoverable', false)).toBe(true);
    expect(toNumber(anyArg(BOOLEAN), 'x')).toBe(1);
    expect(optionalNumber(anyArg(EMPTY), 'cap', 2)).toBe(2);
    expect(() => toNumber(anyArg(EMPTY), 'amount')).toThrow(/amount: a number is required, got a blank cell/);
  });

  it('an entity works where text is expected: its display text', () => {
    expect(toText(anyArg(ENTITY), 'region')).toBe('West region');
    expect(toText(anyArg(STOCK), 'name')).toBe('Microsoft Corporation');
    expect(cellText(anyArg(GEOGRAPHY))).toBe('Germany');
  });

  it('an entity where a number is expected is an error naming the argument and the fix', () => {
    expect(messageOf(() => toNumber(anyArg(STOCK), 'amount'))).toBe(
      'amount: expected a number, got "Microsoft Corporation" (a data type: refer to one of its number fields instead, e.g. =A2.Price).',
    );
    expect(messageOf(() => toNumber(anyArg(ERROR), 'amount'))).toBe('amount: expected a number, got "#DIV/0!".');
    expect(() => toNumber(anyArg(WEB_IMAGE), 'amount')).toThrow(/amount: expected a number/);
  });
});

describe('inside ranges', () => {
  it('numbers, blanks and entities in a column', () => {
    expect(toNumberVector(anyArg([[DOUBLE], [FORMATTED_NUMBER], [3]]), 'values')).toEqual([1200, 0.12, 3]);
    expect(toNumberSeries(anyArg([[DOUBLE], [EMPTY], [null]]), 'history')).toEqual([1200, null, null]);
    expect(cellNumber(DOUBLE_FORMATTED)).toBe(1200.5);
    expect(cellNumber(STOCK)).toBeUndefined();
    expect(() => toNumberVector(anyArg([[1], [STOCK]]), 'values')).toThrow(
      /values: item 2: expected a number, got "Microsoft Corporation"/,
    );
  });

  it('a header cell that is a String data type is still a header', () => {
    const header = { type: 'String', basicValue: 'Bookings' };
    expect(toNumberVector(anyArg([[header], [DOUBLE], [5]]), 'values')).toEqual([1200, 5]);
  });
});

describe('through the functions', () => {
  const TIERS = [
    ['Lower bound', 'Rate'],
    [0, 0.05],
    [100_000, 0.08],
    [250_000, 0.1],
  ];
  it('COMMISSION of a formatted amount with formatted tiers equals the plain call', () => {
    // 300,000 marginal: 100,000 × 5 % + 150,000 × 8 % + 50,000 × 10 % = 5,000 + 12,000 + 5,000 = 22,000.
    const amount = { type: 'FormattedNumber', basicValue: 300_000, numberFormat: '$#,##0' };
    const tiers = TIERS.map((row, r) =>
      r === 0
        ? row.map((h) => ({ type: 'String', basicValue: h }))
        : row.map((x) => ({ type: 'Double', basicValue: x })),
    );
    expect(commission(amount, tiers, { type: 'String', basicValue: 'marginal' })).toBe(22_000);
    expect(commission(300_000, TIERS, null)).toBe(22_000);
  });

  it('PAYOUT with a Stocks cell as attainment returns #VALUE! naming the argument', () => {
    const curve = [
      [0, 0.5],
      [1, 2],
    ];
    const r = payout(STOCK, 10_000, curve, null, null, null);
    expect(isExcelError(r, '#VALUE!')).toBe(true);
    expect((r as { message?: string }).message).toMatch(/^attainment: expected a number.*=A2\.Price/);
  });

  it('any data type wrapping a number reads as that number (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom('Double', 'FormattedNumber'),
        (x, type) => {
          const wrapped = { type, basicValue: x, numberFormat: '0.00' };
          expect(toNumber(anyArg(wrapped), 'x')).toBe(toNumber(x, 'x'));
          expect(cellNumber(wrapped)).toBe(cellNumber(x));
        },
      ),
    );
  });
});
