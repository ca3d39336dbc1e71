/**
 * The sample company's crediting data (issue 18), derived from its accounts and reps with its own seed: a quarter
 * of deals (Q1 2026), split deals and overlay reps, and an ownership history in which some accounts change hands
 * in the middle of a month (one with a gap, whose deal falls back to its Owner). Monthly quotas and account
 * contributions feed SALESOPS.QUOTARELIEF.
 */
import { dateToSerial } from '../src/shared/dates';
import type { SampleCompany } from './company';
import { Prng } from './prng';

export const CREDIT_SEED = 18;
export const CREDIT_FROM = dateToSerial(2026, 1, 1);
export const CREDIT_TO = dateToSerial(2026, 3, 31);
/** Quotas were set on this date with that day's owners. */
export const CREDIT_BASELINE = dateToSerial(2026, 1, 1);
const OWNED_SINCE = dateToSerial(2025, 1, 1);

export interface CreditSample {
  deals: { deal: string; account: string; amount: number; close: number; owner: string | null }[];
  splits: { deal: string; rep: string; share: number; type: 'split' | 'overlay' }[];
  ownership: { account: string; rep: string; from: number; to: number | null }[];
  /** Reps credited (the roster), sorted by name. */
  roster: string[];
  /** Monthly quota per rep as set on the baseline (reps owning an account on it). */
  quotas: { rep: string; quota: number }[];
  /** Monthly quota contribution per account. */
  accountQuotas: { account: string; quota: number }[];
}

/** Mid-month moves: [account index, year, month, day of the move]. Index 5 is left unowned 2026-03-01…14. */
const MOVES: [number, number, number, number][] = [
  [0, 2026, 2, 14],
  [1, 2026, 3, 14],
  [2, 2026, 3, 1],
  [3, 2026, 1, 20],
  [4, 2026, 3, 10],
];
const GAP = { account: 5, from: dateToSerial(2026, 3, 1), to: dateToSerial(2026, 3, 14) };
const OVERLAY_REPS = ['Priya Shah (SE)', 'Marco Bell (Partner)'];

/** Builds the crediting sample from the company (deterministic). */
export function buildCreditSample(c: SampleCompany): CreditSample {
  const rng = new Prng(CREDIT_SEED);
  const accounts = c.accounts.filter((a) => a.owner !== '').slice(0, 16);
  const repsOf = [...new Set(c.accounts.map((a) => a.owner).filter((o) => o !== ''))];
  const ownership: CreditSample['ownership'] = [];
  accounts.forEach((a, i) => {
    const move = MOVES.find((m) => m[0] === i);
    if (move) {
      const day = dateToSerial(move[1], move[2], move[3]);
      const to = repsOf.find((r) => r !== a.owner && r.localeCompare(a.owner) > 0) ?? repsOf[0];
      ownership.push({ account: a.id, rep: a.owner, from: OWNED_SINCE, to: day - 1 });
      ownership.push({ account: a.id, rep: to, from: day, to: null });
    } else if (i === GAP.account) {
      ownership.push({ account: a.id, rep: a.owner, from: OWNED_SINCE, to: GAP.from - 1 });
      ownership.push({ account: a.id, rep: a.owner, from: GAP.to + 1, to: null });
    } else {
      ownership.push({ account: a.id, rep: a.owner, from: OWNED_SINCE, to: null });
    }
  });
  const deals: CreditSample['deals'] = [];
  for (let i = 0; i < 40; i++) {
    const a = accounts[i % accounts.length];
    deals.push({
      deal: `Q1-${String(i + 1).padStart(3, '0')}`,
      account: a.id,
      amount: Math.round(rng.logNormal(25_000, 0.6) * 100) / 100,
      close: CREDIT_FROM + rng.int(0, CREDIT_TO - CREDIT_FROM),
      // deals of the account with an ownership gap carry their Owner, the fallback in the gap
      owner: i % accounts.length === GAP.account ? a.owner : null,
    });
  }
  // A deal closing on the day of a move (the gaining rep is credited), and one in the gap (its Owner is).
  deals.push({ deal: 'Q1-041', account: accounts[1].id, amount: 18_000, close: dateToSerial(2026, 3, 14), owner: null }); // prettier-ignore
  deals.push({ deal: 'Q1-042', account: accounts[GAP.account].id, amount: 9_500, close: dateToSerial(2026, 3, 5), owner: accounts[GAP.account].owner }); // prettier-ignore
  const splits: CreditSample['splits'] = [];
  for (const [d, share] of [
    [2, 0.6],
    [7, 0.5],
    [12, 0.7],
    [19, 0.6],
    [26, 0.55],
  ] as const) {
    const deal = deals[d];
    const owner = ownership.find((o) => o.account === deal.account)!.rep;
    const other = repsOf[(repsOf.indexOf(owner) + 3) % repsOf.length];
    splits.push({ deal: deal.deal, rep: owner, share, type: 'split' });
    splits.push({ deal: deal.deal, rep: other, share: Math.round((1 - share) * 100) / 100, type: 'split' });
  }
  [4, 9, 15, 30].forEach((d, k) => splits.push({ deal: deals[d].deal, rep: OVERLAY_REPS[k % 2], share: 0.25, type: 'overlay' })); // prettier-ignore
  const roster = [...new Set([...ownership.map((o) => o.rep), ...splits.map((s) => s.rep), ...deals.flatMap((d) => (d.owner ? [d.owner] : []))])].sort(); // prettier-ignore
  const accountQuotas = accounts.map((a) => ({ account: a.id, quota: Math.max(1000, Math.round(a.revenue / 12 / 100) * 100) })); // prettier-ignore
  const quotas =
    [...new Set(ownership.filter((o) => o.from <= CREDIT_BASELINE && (o.to ?? Infinity) >= CREDIT_BASELINE).map((o) => o.rep))] // prettier-ignore
      .sort()
      .map((rep) => ({ rep, quota: 50_000 }));
  return { deals, splits, ownership, roster, quotas, accountQuotas };
}
