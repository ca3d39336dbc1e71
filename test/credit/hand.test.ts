/**
 * Crediting and quota relief, worked by hand (issue 18). Dates are Excel serials built with dateToSerial; each
 * expected figure has its arithmetic in a comment.
 */
import {
  type CreditBook,
  creditDeals,
  creditedAmount,
  creditsGrid,
  creditsIn,
  indexOwnership,
  quotaRelief,
  readAccountQuotas,
  readDeals,
  readOwnership,
  readQuotas,
  readSplits,
  repLedger,
} from '../../src/credit';
import type { CellValue } from '../../src/shared/cells';
import { dateToSerial } from '../../src/shared/dates';
import { ModelInputError } from '../../src/shared/errors';
import { messageOf } from '../support/messageOf';

const D = (y: number, m: number, d: number) => dateToSerial(y, m, d);
type Rows = CellValue[][];

function book(deals: Rows, splits?: Rows, ownership?: Rows): CreditBook {
  return creditDeals(readDeals(deals), readSplits(splits), indexOwnership(readOwnership(ownership)));
}

/** One deal closed 2026-03-02 on account A-1, split between the reps as [rep, share] rows. */
function splitDeal(deal: string, amount: number, shares: [string, CellValue][]): CreditBook {
  return book(
    [
      ['Deal', 'Account', 'Amount', 'Close date'],
      [deal, 'A-1', amount, D(2026, 3, 2)],
    ],
    [['Deal', 'Rep', 'Share'], ...shares.map(([rep, share]) => [deal, rep, share])],
  );
}

/** Cents of each credit as [deal, rep, cents, rule]. */
function lines(b: CreditBook) {
  return creditsGrid(b.credits)
    .slice(1)
    .map(([deal, rep, , amount, rule]) => [deal, rep, Math.round((amount as number) * 100), rule]);
}

function errorOf(f: () => unknown): ModelInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelInputError);
    return e as ModelInputError;
  }
  throw new Error('expected a ModelInputError');
}

describe('splits', () => {
  test('a 60/40 split of 1,000.01: the cents add up', () => {
    // 100,001 cents × 0.6 = 60,000.6 and × 0.4 = 40,000.4 → floors 60,000 + 40,000 = 100,000; the cent left goes
    // to the larger remainder (0.6): Ann 600.01, Ben 400.00; 600.01 + 400.00 = 1,000.01.
    const b = splitDeal('D-1', 1000.01, [
      ['Ann', 0.6],
      ['Ben', 0.4],
    ]);
    expect(lines(b)).toEqual([
      ['D-1', 'Ann', 60001, 'split row 2'],
      ['D-1', 'Ben', 40000, 'split row 3'],
    ]);
  });

  test('a reversal (negative amount) splits as its absolute value, negated', () => {
    // −1,000.01 → −(600.01) and −(400.00), symmetric with the sale it reverses; sum −1,000.01.
    const b = splitDeal('D-1', -1000.01, [
      ['Ann', '60%'],
      ['Ben', '40%'],
    ]);
    expect(lines(b).map((l) => l[2])).toEqual([-60001, -40000]);
  });

  test('a third each of 100.00: 33.34 + 33.33 + 33.33', () => {
    // 10,000 cents / 3 = 3,333.33… each → floors 9,999, one cent left, all remainders equal → the earliest row.
    const b = splitDeal('D-1', 100, [
      ['Ann', 1 / 3],
      ['Ben', 1 / 3],
      ['Cy', 1 / 3],
    ]);
    expect(lines(b).map((l) => l[2])).toEqual([3334, 3333, 3333]);
  });

  test('shares that do not add up to 1 are #VALUE! naming the deal and its rows', () => {
    const b = splitDeal('D-7', 500, [
      ['Ann', 0.6],
      ['Ben', 0.3],
    ]);
    // 0.6 + 0.3 = 0.9 ≠ 1 (tolerance 1e-9)
    expect(b.problems).toHaveLength(1);
    const e = errorOf(() => creditsIn(b, {}));
    expect(e.kind).toBe('value');
    expect(e.message).toMatch(/splits: deal "D-7" \(rows 2, 3\): the split shares add up to 0\.9, not 1/);
  });

  test('a split row naming an unknown deal is refused with its row', () => {
    expect(
      messageOf(
        () =>
        book([['Deal', 'Account', 'Amount', 'Close date'], ['D-1', 'A-1', 5, D(2026, 1, 1)]], [['Deal', 'Rep', 'Share'], ['D-9', 'Ann', 1]]), // prettier-ignore
      ),
    ).toMatch(/splits: row 2: deal "D-9" is not in deals/);
  });
});

describe('overlays', () => {
  test('an overlay credits Share × Amount in addition to the owner', () => {
    // Owner Ann (account owner on the close date) gets 1,000.00 × 1 = 1,000.00; overlay SE Omar 0.5 × 1,000.00 =
    // 500.00 more: 1,500.00 credited in all for a 1,000.00 deal (double credit).
    const b = book(
      [
        ['Deal', 'Account', 'Amount', 'Close date'],
        ['D-1', 'A-1', 1000, D(2026, 3, 2)],
      ],
      [
        ['Deal', 'Rep', 'Share', 'Type'],
        ['D-1', 'Omar', 0.5, 'Overlay'],
      ],
      [
        ['Account', 'Rep', 'From', 'To'],
        ['A-1', 'Ann', D(2026, 1, 1), null],
      ],
    );
    expect(lines(b)).toEqual([
      ['D-1', 'Ann', 100000, 'owner of account A-1 on 2026-03-02'],
      ['D-1', 'Omar', 50000, 'overlay row 2'],
    ]);
    const ledger = repLedger(b);
    expect(creditedAmount(ledger, 'omar', {})).toBe(500);
    expect(creditedAmount(ledger, ' ANN ', {})).toBe(1000);
  });

  test('an overlay of 12.5 % of 0.99 rounds half away from zero: 0.12375 → 0.12', () => {
    const b = book(
      [
        ['Deal', 'Account', 'Amount', 'Close date', 'Owner'],
        ['D-1', 'A-1', 0.99, D(2026, 3, 2), 'Ann'],
      ],
      [
        ['Deal', 'Rep', 'Share', 'Type'],
        ['D-1', 'Omar', 0.125, 'overlay'],
        ['D-1', 'Bo', 1, 'split'],
      ],
    );
    // split: Bo 0.99 (split row 3); overlay: 0.125 × 0.99 = 0.12375 → 0.12
    expect(lines(b)).toEqual([
      ['D-1', 'Bo', 99, 'split row 3'],
      ['D-1', 'Omar', 12, 'overlay row 2'],
    ]);
  });
});

describe('ownership by date', () => {
  // Account A-1: Ann to 2026-03-13, Ben from 2026-03-14 (a move on the 14th).
  const owners: Rows = [
    ['To', 'Rep', 'Account', 'From'], // columns in any order
    [D(2026, 3, 13), 'Ann', 'A-1', D(2026, 1, 1)],
    [null, 'Ben', 'A-1', D(2026, 3, 14)],
  ];
  const deals: Rows = [
    ['Close date', 'Amount', 'Account', 'Deal'],
    [D(2026, 3, 13), 100, 'A-1', 'D-1'],
    [D(2026, 3, 14), 200, 'a-1', 'D-2'], // account matched ignoring case
    [D(2026, 3, 31), 300, 'A-1', 'D-3'],
  ];

  test('a deal closing on the day of the move goes to the gaining rep (From is inclusive)', () => {
    const b = book(deals, undefined, owners);
    expect(lines(b)).toEqual([
      ['D-1', 'Ann', 10000, 'owner of account A-1 on 2026-03-13'],
      ['D-2', 'Ben', 20000, 'owner of account a-1 on 2026-03-14'],
      ['D-3', 'Ben', 30000, 'owner of account A-1 on 2026-03-31'],
    ]);
    const ledger = repLedger(b);
    // Ben, March 14–31: 200 + 300 = 500; Ben, from the 15th: 300; Ann, to the 13th: 100.
    expect(creditedAmount(ledger, 'Ben', { from: D(2026, 3, 14), to: D(2026, 3, 31) })).toBe(500);
    expect(creditedAmount(ledger, 'Ben', { from: D(2026, 3, 15) })).toBe(300);
    expect(creditedAmount(ledger, 'Ann', { to: D(2026, 3, 13) })).toBe(100);
    expect(creditedAmount(ledger, 'Ann', { from: D(2026, 3, 14) })).toBe(0);
    expect(creditedAmount(ledger, 'Nobody', {})).toBe(0);
  });

  test('a gap in ownership falls back to the deal Owner, and without one is #N/A naming the deal', () => {
    const gap: Rows = [
      ['Account', 'Rep', 'From', 'To'],
      ['A-1', 'Ann', D(2026, 1, 1), D(2026, 3, 13)],
      ['A-1', 'Ben', D(2026, 3, 20), null],
    ];
    const withOwner = book(
      [
        ['Deal', 'Account', 'Amount', 'Close date', 'Owner'],
        ['D-5', 'A-1', 50, D(2026, 3, 16), 'Cy'],
      ],
      undefined,
      gap,
    );
    expect(lines(withOwner)).toEqual([['D-5', 'Cy', 5000, 'deal owner']]);
    const without = book(
      [['Deal', 'Account', 'Amount', 'Close date', 'Owner'], ['D-1', 'A-1', 10, D(2026, 3, 2), null], ['D-5', 'A-1', 50, D(2026, 3, 16), null]], // prettier-ignore
      undefined,
      gap,
    );
    const e = errorOf(() => creditedAmount(repLedger(without), 'Ann', {}));
    expect(e.kind).toBe('notAvailable');
    expect(e.message).toMatch(/deals: row 3, deal "D-5": no split rows, no owner of account "A-1" on 2026-03-16/);
    // Outside the uncredited deal's period, the totals are known: Ann, March 1–15 = 10.
    expect(creditedAmount(repLedger(without), 'Ann', { to: D(2026, 3, 15) })).toBe(10);
  });

  test('a deal with no owner anywhere (no ownership at all, no Owner column) is #N/A naming it', () => {
    const b = book([
      ['Deal', 'Account', 'Amount', 'Close date'],
      ['D-1', 'A-9', 10, D(2026, 3, 2)],
    ]);
    const e = errorOf(() => creditsIn(b, {}));
    expect(e.kind).toBe('notAvailable');
    expect(e.message).toContain('deal "D-1"');
  });

  test('two overlapping rows of one account are an error naming both rows', () => {
    // Ann to 2026-03-14 and Ben from 2026-03-14 both own the 14th.
    const m = messageOf(() =>
      indexOwnership(
        readOwnership([
          ['Account', 'Rep', 'From', 'To'],
          ['A-2', 'Zed', D(2026, 1, 1), null],
          ['A-1', 'Ben', D(2026, 3, 14), null],
          ['A-1', 'Ann', D(2026, 1, 1), D(2026, 3, 14)],
        ]),
      ),
    );
    expect(m).toMatch(
      /ownership: rows 3 and 4 overlap for account "A-1" \(2026-03-14 to now, 2026-01-01 to 2026-03-14\)/,
    );
  });

  test('an open-ended row followed by a later row overlaps', () => {
    const m = messageOf(
      () =>
      indexOwnership(readOwnership([['Account', 'Rep', 'From'], ['A-1', 'Ann', D(2026, 1, 1)], ['A-1', 'Ben', D(2026, 3, 14)]])), // prettier-ignore
    );
    expect(m).toMatch(/rows 2 and 3 overlap/);
  });

  test('To before From is refused with its row', () => {
    expect(
      messageOf(() =>
        readOwnership([
          ['Account', 'Rep', 'From', 'To'],
          ['A-1', 'Ann', D(2026, 3, 2), D(2026, 3, 1)],
        ]),
      ),
    ).toMatch(/ownership: row 2: "To" is before "From"/);
  });
});

describe('bad tables', () => {
  test('a missing column names the argument and what was found', () => {
    expect(
      messageOf(() =>
        readDeals([
          ['Deal', 'Account', 'Amount'],
          ['D-1', 'A', 1],
        ]),
      ),
    ).toMatch(/deals: the header row has no column "Close date"/);
  });
  test('a bad cell names the argument, the row and the column', () => {
    expect(
      messageOf(() =>
        readDeals([
          ['Deal', 'Account', 'Amount', 'Close date'],
          ['D-1', 'A', 'ten', D(2026, 1, 1)],
        ]),
      ),
    ).toMatch(/deals: row 2, column "Amount": expected a number, got "ten"/);
  });
  test('duplicate deal ids are refused naming both rows', () => {
    expect(
      messageOf(() => readDeals([['Deal', 'Account', 'Amount', 'Close date'], ['D-1', 'A', 1, 46000], [' d-1', 'A', 2, 46000]])), // prettier-ignore
    ).toMatch(/deals: rows 2 and 3 both have Deal "D-1"/);
  });
  test('a share above 1 or a type other than split/overlay is refused with its row', () => {
    expect(messageOf(() => readSplits([['Deal', 'Rep', 'Share'], ['D-1', 'A', 60]]))).toMatch(/splits: row 2, column "Share"/); // prettier-ignore
    expect(messageOf(() => readSplits([['Deal', 'Rep', 'Share', 'Type'], ['D-1', 'A', 0.5, 'team']]))).toMatch(/row 2, column "Type"/); // prettier-ignore
  });
});

describe('quota relief', () => {
  // Baseline 2026-01-01: Ann owns A-1 (contribution 3,100 a month) and A-2 (1,000); Ben owns A-3 (500).
  // A-1 moves to Ben on 2026-03-14 (March has 31 days); A-2 moves to Ben on 2026-03-14 too.
  const ownership = indexOwnership(
    readOwnership([
      ['Account', 'Rep', 'From', 'To'],
      ['A-1', 'Ann', D(2025, 6, 1), D(2026, 3, 13)],
      ['A-1', 'Ben', D(2026, 3, 14), null],
      ['A-2', 'Ann', D(2025, 6, 1), D(2026, 3, 13)],
      ['A-2', 'Ben', D(2026, 3, 14), null],
      ['A-3', 'Ben', D(2025, 6, 1), null],
    ]),
  );
  const quotas = readQuotas([
    ['Rep', 'Quota'],
    ['Ann', 10_000],
    ['Ben', 8_000],
  ]);

  test('a move on the 14th of a 31-day month: 18/31 of the contribution to the gaining rep', () => {
    const r = quotaRelief({
      quotas,
      accountQuotas: readAccountQuotas([
        ['Account', 'Quota'],
        ['A-1', 3100],
      ]),
      ownership,
      baseline: D(2026, 1, 1),
      firstMonth: D(2026, 2, 15), // any day of February
      months: 3,
    });
    expect(r.months).toEqual(['2026-02', '2026-03', '2026-04']);
    // February: no move → 10,000 / 8,000. March: Ben owns days 14–31 = 18 days → 3,100 × 18/31 = 1,800 moves:
    // Ann 10,000 − 1,800 = 8,200, Ben 8,000 + 1,800 = 9,800. April: the whole 3,100 → Ann 6,900, Ben 11,100.
    expect(r.rows.map((x) => [x.rep, ...x.quota])).toEqual([
      ['Ann', 10_000, 8_200, 6_900],
      ['Ben', 8_000, 9_800, 11_100],
    ]);
  });

  test('18/31 of 1,000.00 in cents by largest remainder, and a sum of 0', () => {
    const r = quotaRelief({
      quotas,
      accountQuotas: readAccountQuotas([
        ['Quota', 'Account'],
        [1000, 'A-2'],
      ]),
      ownership,
      baseline: D(2026, 1, 1),
      firstMonth: D(2026, 3, 1),
      months: 1,
    });
    // 100,000 cents × 13/31 = 41,935.48 (Ann), × 18/31 = 58,064.52 (Ben) → floors 41,935 + 58,064, one cent left →
    // larger remainder (0.52) → Ben 58,065 = 580.65; Ann gives up 1,000.00 and keeps 419.35: −580.65.
    expect(r.rows.map((x) => x.reliefCents[0])).toEqual([-58065, 58065]);
  });

  test('baseline after the move: the set quotas already hold it, so no relief before or after it', () => {
    const r = quotaRelief({
      quotas,
      accountQuotas: readAccountQuotas([
        ['Account', 'Quota'],
        ['A-1', 3100],
      ]),
      ownership,
      baseline: D(2026, 4, 1),
      firstMonth: D(2026, 2, 1),
      months: 3,
    });
    // Ben owns A-1 on the baseline (since March 14). Every day up to the baseline counts as Ben's (the move before
    // it is already in the set quotas), and no change follows → 0 relief in February, March and April.
    expect(r.rows.map((x) => x.reliefCents)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  test('a gap relieves the losing rep; an account new to ownership adds to the gaining rep (a new rep gets a row)', () => {
    const own = indexOwnership(
      readOwnership([
        ['Account', 'Rep', 'From', 'To'],
        ['A-1', 'Ann', D(2025, 1, 1), D(2026, 3, 13)],
        ['A-1', 'Ben', D(2026, 3, 20), null],
        ['A-9', 'Dee', D(2026, 4, 1), null],
      ]),
    );
    const r = quotaRelief({
      quotas,
      accountQuotas: readAccountQuotas([
        ['Account', 'Quota'],
        ['A-1', 3100],
        ['A-9', 700],
      ]),
      ownership: own,
      baseline: D(2026, 1, 1),
      firstMonth: D(2026, 3, 1),
      months: 2,
    });
    // March A-1: Ann days 1–13 (13), nobody 14–19 (6), Ben 20–31 (12): 1,300 / 600 / 1,200 of 3,100.
    //   Ann 1,300 − 3,100 = −1,800; Ben +1,200 (600 left with the gap). April: Ann −3,100, Ben +3,100.
    // A-9, owned by nobody on the baseline: Dee (not in quotas) +700 in April.
    expect(r.rows.map((x) => [x.rep, ...x.reliefCents])).toEqual([
      ['Ann', -180_000, -310_000],
      ['Ben', 120_000, 310_000],
      ['Dee', 0, 70_000],
    ]);
    expect(r.rows[2].quota).toEqual([0, 700]);
  });
});
