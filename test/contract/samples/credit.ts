import type { FunctionSample } from '../harness';

// 2026-03-13 = 46094, 2026-03-14 = 46095 (Excel serials).
export const MAR_13 = 46094;
export const MAR_14 = 46095;
export const DEALS = [
  ['Deal', 'Account', 'Amount', 'Close date', 'Owner'],
  ['D-1', 'A-1', 1000.01, MAR_13, null],
  ['D-2', 'A-1', 500, MAR_14, null],
  ['D-3', 'A-2', 200, MAR_14, 'Cy'],
];
export const SPLITS = [
  ['Deal', 'Rep', 'Share', 'Type'],
  ['D-1', 'Ann', 0.6, 'split'],
  ['D-1', 'Ben', 0.4, 'split'],
  ['D-2', 'Omar', 0.5, 'overlay'],
];
// A-1 moves from Ann to Ben on 2026-03-14 (From and To inclusive).
export const OWNERS = [
  ['Account', 'Rep', 'From', 'To'],
  ['A-1', 'Ann', 46023, MAR_13],
  ['A-1', 'Ben', MAR_14, null],
];

export const samples: FunctionSample[] = [
  // Ann: 60 % of 1,000.01 = 600.006 → 600.01 (largest remainder: the cent left goes to the 0.6 remainder).
  { id: 'CREDITED', what: 'a 60/40 split', args: [[['Ann']], DEALS, SPLITS, OWNERS, null, null], expect: [[600.01]] },
  // Ben: 400.00 of D-1 + 500 (D-2: owner of A-1 on the day of the move) = 900.
  {
    id: 'CREDITED',
    what: 'the day of the move',
    args: [[['ben']], DEALS, SPLITS, OWNERS, null, null],
    expect: [[900]],
  },
  // Omar: overlay 0.5 × 500 = 250 in addition.
  { id: 'CREDITED', what: 'an overlay', args: [[['Omar']], DEALS, SPLITS, OWNERS, MAR_14, MAR_14], expect: [[250]] },
  { id: 'CREDITED', what: 'deal owner', args: ['Cy', DEALS, SPLITS, OWNERS, null, null], expect: [[200]] },
  // A roster column spills one amount per name, from one reading of the tables: Ann 600.01, Ben 900 (above),
  // Cy 200, Dee nothing (0); a blank roster cell, passed as null (web) or 0 (desktop), gives a blank.
  {
    id: 'CREDITED',
    what: 'a roster column spills one amount per name',
    args: [[['Ann'], ['Ben'], [null], ['Cy'], [0], ['Dee']], DEALS, SPLITS, OWNERS, null, null],
    expect: [[600.01], [900], [''], [200], [''], [0]],
  },
  // A row of names spills a row: Omar 250 (overlay), Ann 0 on 2026-03-14 only.
  {
    id: 'CREDITED',
    what: 'a row of names spills a row',
    args: [[['Omar', 'Ann']], DEALS, SPLITS, OWNERS, MAR_14, MAR_14],
    expect: [[250, 0]],
  },
  {
    id: 'CREDITED',
    what: 'a blank single rep is refused, naming the argument',
    args: [[[null]], DEALS, SPLITS, OWNERS, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'rep: text is required' },
  },
  {
    id: 'CREDITED',
    what: 'a deal with no owner',
    args: ['Ann', [DEALS[0], ['D-9', 'A-9', 5, MAR_13, null]], null, OWNERS, null, null],
    expect: { error: '#N/A', messageIncludes: 'deal "D-9"' },
  },
  {
    id: 'CREDITS',
    what: 'the audit trail',
    args: [DEALS, SPLITS, OWNERS, MAR_14, null],
    expect: [
      ['Deal', 'Rep', 'Share', 'Amount', 'Rule'],
      ['D-2', 'Ben', 1, 500, 'owner of account A-1 on 2026-03-14'],
      ['D-2', 'Omar', 0.5, 250, 'overlay row 4'],
      ['D-3', 'Cy', 1, 200, 'deal owner'],
    ],
  },
  {
    id: 'CREDITS',
    what: 'split shares that do not add up',
    args: [DEALS, [SPLITS[0], SPLITS[1]], OWNERS, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'deal "D-1" (rows 2)' },
  },
  {
    id: 'QUOTARELIEF',
    what: 'a move on the 14th of a 31-day month',
    // 3,100 a month moves from Ann to Ben on March 14: 18/31 × 3,100 = 1,800 in March, all 3,100 in April.
    args: [[['Rep', 'Quota'], ['Ann', 10000], ['Ben', 8000]], [['Account', 'Quota'], ['A-1', 3100]], OWNERS, 46023, 46082, 2], // prettier-ignore
    expect: [
      ['Rep', '2026-03', '2026-04'],
      ['Ann', 8200, 6900],
      ['Ben', 9800, 11100],
    ],
  },
  {
    id: 'QUOTARELIEF',
    what: 'bad months',
    args: [
      [
        ['Rep', 'Quota'],
        ['Ann', 1],
      ],
      [
        ['Account', 'Quota'],
        ['A-1', 1],
      ],
      OWNERS,
      46023,
      46082,
      0,
    ],
    expect: { error: '#VALUE!', messageIncludes: 'months' },
  },
];
