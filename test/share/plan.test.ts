import {
  PROVENANCE_COLUMNS,
  cellsToRepair,
  fingerprintInputs,
  planShare,
  readProvenance,
  type WorkbookSnapshot,
} from '../../src/share';

const now = new Date(Date.UTC(2026, 10, 30, 8, 15, 0));

function book(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Payouts',
        values: [
          ['Rep', 'Sales', 'Commission', 'Forecast'],
          ['Ann', 1500, 100, 10],
          ['Bob', 'x', '#VALUE!', 11],
          [null, null, null, 12],
        ],
        formulas: [
          ['', '', '', ''],
          ['', '', '=_xldudf_SALESOPS_COMMISSION(B2,Tiers!$A$1:$B$3)', '=SALESOPS.FORECAST(B2:B3,3)'],
          ['', '', '=SALESOPS.COMMISSION(B3,Tiers!$A$1:$B$3)', ''],
          ['', '', '', ''],
        ],
        errors: { C3: '#VALUE!' },
        spills: { D2: 'D2:D4' },
      },
      {
        name: 'Tiers',
        values: [
          ['Bound', 'Rate'],
          [0, 0.05],
          [1000, 0.1],
        ],
        formulas: [],
      },
      {
        name: 'provenance',
        values: [['old']],
        formulas: [['=SALESOPS.VERSION()']],
      },
    ],
  };
}

describe('planShare (values only)', () => {
  const plan = planShare(book(), { version: '0.1.0', now, valuesOnly: true });

  it('finds every SALESOPS cell but the Provenance sheet, row-major, with values, spills and errors', () => {
    expect(plan.cells.map((c) => [c.sheet, c.address, c.kind, c.area, c.values])).toEqual([
      ['Payouts', 'C2', 'value', 'C2', [[100]]],
      ['Payouts', 'D2', 'value', 'D2:D4', [[10], [11], [12]]],
      ['Payouts', 'C3', 'value', 'C3', [['#VALUE!']]],
    ]);
    expect(plan.cells[1].functions).toEqual(['FORECAST']);
    expect(plan.counts).toEqual({ COMMISSION: { native: 0, value: 2 }, FORECAST: { native: 0, value: 1 } });
  });

  it('fingerprints the values each formula read, in the order of its references', () => {
    const expected = fingerprintInputs([
      { sheet: 'Payouts', address: 'B2', values: [[1500]] },
      {
        sheet: 'Tiers',
        address: 'A1:B3',
        values: [
          ['Bound', 'Rate'],
          [0, 0.05],
          [1000, 0.1],
        ],
      },
    ]);
    expect(plan.cells[0].fingerprint).toBe(expected);
    expect(plan.cells[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.cells[2].fingerprint).not.toBe(expected); // B3 holds "x"
  });

  it('writes a Provenance sheet readable without the add-in that restores the original formulas', () => {
    const p = plan.provenance;
    expect(String(p[0][0])).toMatch(/shared copy/i);
    expect(String(p[1][0])).toMatch(/same result/);
    expect(p[2]).toEqual(['Add-in version', '0.1.0']);
    expect(p[3]).toEqual(['Shared at (UTC)', '2026-11-30T08:15:00.000Z']);
    expect(p[5]).toEqual([...PROVENANCE_COLUMNS]);
    expect(p[6].slice(0, 7)).toEqual([
      'Payouts',
      'C2',
      '_xldudf_SALESOPS_COMMISSION(B2,Tiers!$A$1:$B$3)',
      'value',
      '',
      100,
      'C2',
    ]);
    expect(p[7][5]).toBe('10 (first of 3 × 1)');
    // no cell of the sheet starts with "=": no surface can turn it into a live formula
    expect(p.flat().some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    expect(readProvenance(p)).toEqual([
      { sheet: 'Payouts', address: 'C2', formula: '=_xldudf_SALESOPS_COMMISSION(B2,Tiers!$A$1:$B$3)', area: 'C2' },
      { sheet: 'Payouts', address: 'D2', formula: '=SALESOPS.FORECAST(B2:B3,3)', area: 'D2:D4' },
      { sheet: 'Payouts', address: 'C3', formula: '=SALESOPS.COMMISSION(B3,Tiers!$A$1:$B$3)', area: 'C3' },
    ]);
  });
});

describe('readProvenance', () => {
  it('tolerates reordered and extra columns and blank rows', () => {
    const grid = [
      ['anything'],
      [],
      ['Note', 'Address', 'Sheet', 'Original formula', 'Area'],
      [null, 'b5', 'Capacity', 'SALESOPS.CAPACITY(A1:A3,B1:B3,C1,12)', 'B5:M5'],
      [null, null, null, null, null],
      ['x', 'C1', "It's", '=SALESOPS.ROUNDMONEY(A1)', ''],
    ];
    expect(readProvenance(grid)).toEqual([
      { sheet: 'Capacity', address: 'B5', formula: '=SALESOPS.CAPACITY(A1:A3,B1:B3,C1,12)', area: 'B5:M5' },
      { sheet: "It's", address: 'C1', formula: '=SALESOPS.ROUNDMONEY(A1)', area: 'C1' },
    ]);
  });

  it('refuses a sheet without the header row, and rows without a sheet, address or formula', () => {
    expect(() => readProvenance([['a', 'b']])).toThrow(/no header row with the columns "Sheet", "Address"/);
    const head = ['Sheet', 'Address', 'Original formula'];
    expect(() => readProvenance([head, ['', 'A1', 'SALESOPS.X()']])).toThrow(/row 2: the sheet name is missing/);
    expect(() => readProvenance([head, ['S', 'here', 'SALESOPS.X()']])).toThrow(/row 2: "here" is not a cell address/);
    expect(() => readProvenance([head, ['S', 'A1', null]])).toThrow(/row 2: the original formula is missing/);
  });
});

describe('cellsToRepair', () => {
  it('lists SALESOPS cells that show #NAME?, and nothing else', () => {
    const b: WorkbookSnapshot = {
      sheets: [
        {
          name: 'S',
          values: [['#NAME?', '#NAME?', 5, '#NAME?']],
          formulas: [['=_xldudf_SALESOPS_PAYOUT(1,1,A1:B2)', '=FOO(1)', '=SALESOPS.ROUNDMONEY(1)', '']],
          errors: { A1: '#NAME?', B1: '#NAME?' },
        },
      ],
    };
    expect(cellsToRepair(b)).toEqual([{ sheet: 'S', address: 'A1', formula: '=_xldudf_SALESOPS_PAYOUT(1,1,A1:B2)' }]);
  });
});
