/** Invariants of crediting and quota relief (issue 18), as fast-check properties. */
import fc from 'fast-check';
import {
  type Deal,
  type OwnershipRow,
  type SplitRow,
  creditDeals,
  creditedAmount,
  indexOwnership,
  quotaRelief,
  repLedger,
  splitAmountCents,
} from '../../src/credit';
import { dateToSerial } from '../../src/shared/dates';

const JAN_2026 = dateToSerial(2026, 1, 1);
const REPS = ['Ann', 'Ben', 'Cy', 'Dee', 'Eve'];

describe('properties', () => {
  test('the split credits of a deal add up to its amount exactly, in cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (cents, weights) => {
          const total = weights.reduce((s, w) => s + w, 0);
          const shares = weights.map((w) => w / total); // add up to 1 within a few ulps
          const parts = splitAmountCents(cents / 100, shares);
          expect(parts.every(Number.isInteger)).toBe(true);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(cents);
          // each part within a cent of its exact share
          parts.forEach((p, i) => expect(Math.abs(p - cents * shares[i])).toBeLessThan(1 + 1e-6 * Math.abs(cents)));
        },
      ),
      { numRuns: 500 },
    );
  });

  /** An account history with no gap from before the baseline on: owners changing on the given days. */
  const history = fc.record({
    first: fc.constantFrom(...REPS),
    moves: fc.array(fc.record({ after: fc.integer({ min: 1, max: 200 }), rep: fc.constantFrom(...REPS) }), { maxLength: 6 }), // prettier-ignore
    quota: fc.integer({ min: 0, max: 10_000_000 }),
  });

  test('relief sums to 0 over reps each month when accounts only change hands', () => {
    fc.assert(
      fc.property(
        fc.array(history, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 14 }),
        (accounts, baselineDay, months) => {
          const rows: OwnershipRow[] = [];
          let row = 2;
          accounts.forEach((a, k) => {
            let from = JAN_2026 - 400;
            let rep = a.first;
            for (const m of a.moves) {
              const to = from + m.after - 1 + 30;
              rows.push({ account: `A-${k}`, rep, from, to, row: row++ });
              from = to + 1;
              rep = m.rep;
            }
            rows.push({ account: `A-${k}`, rep, from, to: undefined, row: row++ });
          });
          const r = quotaRelief({
            quotas: REPS.map((rep) => ({ rep, quota: 1000 })),
            accountQuotas: accounts.map((a, k) => ({ account: `A-${k}`, quota: a.quota / 100 })),
            ownership: indexOwnership(rows),
            baseline: JAN_2026 - 400 + baselineDay,
            firstMonth: JAN_2026 - 380,
            months,
          });
          for (let m = 0; m < months; m++) {
            expect(r.rows.reduce((s, x) => s + x.reliefCents[m], 0)).toBe(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('CREDITED over all reps equals the total of CREDITS, for any period', () => {
    let splitChecked = 0;
    const deal = fc.record({
      account: fc.integer({ min: 0, max: 5 }),
      cents: fc.integer({ min: -1e8, max: 1e9 }),
      day: fc.integer({ min: 0, max: 365 }),
      owner: fc.option(fc.constantFrom(...REPS), { nil: undefined }),
      split: fc.option(fc.array(fc.tuple(fc.constantFrom(...REPS), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 4 }), { nil: undefined }), // prettier-ignore
      overlay: fc.option(fc.tuple(fc.constantFrom(...REPS), fc.integer({ min: 1, max: 100 })), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(deal, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...REPS), fc.integer({ min: 0, max: 365 }), fc.integer({ min: 1, max: 200 })), { maxLength: 12 }), // prettier-ignore
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 365 }),
        (ds, owns, a, b) => {
          const deals: Deal[] = ds.map((d, i) => ({
            id: `D-${i}`,
            account: `A-${d.account}`,
            amount: d.cents / 100,
            close: JAN_2026 + d.day,
            owner: d.owner ?? 'House', // every deal can be credited
            row: i + 2,
          }));
          const splits: SplitRow[] = [];
          ds.forEach((d, i) => {
            const total = d.split?.reduce((s, [, w]) => s + w, 0) ?? 0;
            d.split?.forEach(([rep, w]) => splits.push({ deal: `D-${i}`, rep, share: w / total, type: 'split', row: splits.length + 2 })); // prettier-ignore
            if (d.overlay) splits.push({ deal: `D-${i}`, rep: d.overlay[0], share: d.overlay[1] / 100, type: 'overlay', row: splits.length + 2 }); // prettier-ignore
          });
          // Ownership without overlaps: keep each account's rows that do not overlap an earlier kept one.
          const kept: OwnershipRow[] = [];
          owns.forEach(([acc, rep, start, len], i) => {
            const from = JAN_2026 + start;
            const to = from + len - 1;
            const clash = kept.some((k) => k.account === `A-${acc}` && k.from <= to && from <= (k.to ?? Infinity));
            if (!clash) kept.push({ account: `A-${acc}`, rep, from, to, row: i + 2 });
          });
          const book = creditDeals(deals, splits, indexOwnership(kept));
          expect(book.problems).toEqual([]);
          const p = { from: JAN_2026 + Math.min(a, b), to: JAN_2026 + Math.max(a, b) };
          const total = book.credits
            .filter((c) => c.deal.close >= p.from && c.deal.close <= p.to)
            .reduce((s, c) => s + c.cents, 0);
          const ledger = repLedger(book);
          let sum = 0;
          for (const rep of [...REPS, 'House']) sum += Math.round(creditedAmount(ledger, rep, p) * 100);
          expect(sum).toBe(total);
          // and each split deal's split credits add up to its amount
          for (const d of deals) {
            const sc = book.credits.filter((c) => c.deal === d && c.rule.kind === 'split');
            if (sc.length > 0) {
              splitChecked++;
              expect(sc.reduce((s, c) => s + c.cents, 0)).toBe(Math.round(d.amount * 100));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(splitChecked).toBeGreaterThan(100); // split deals were generated and checked (1,585 here)
  });
});
