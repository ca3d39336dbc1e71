/**
 * Crediting: who gets credit for each deal, and why.
 *
 * - A deal with `split` rows is credited to their reps by share; the shares must add up to 1 (within 1e-9). The
 *   deal amount, rounded to the cent, is split in whole cents by largest remainder (src/shared/money.ts), so the
 *   split credits add up to it exactly. A negative amount (a reversal) is split as its absolute value, negated.
 * - A deal without split rows is credited 100 % to its account's owner on the close date (ownership, both dates
 *   inclusive), else to its `Owner`, else it is a problem (`#N/A` naming the deal): credit is never dropped.
 * - Each `overlay` row credits Share × Amount, rounded to the cent, in addition (double credit).
 *
 * Credits are in integer cents. Problems are collected, not thrown, so a preview can list them all; the
 * period readers below throw the first one in the period.
 */
import { invalid, notFound } from '../shared/errors';
import { centsOf, splitCents } from '../shared/money';
import { nameKey } from '../shared/names';
import { lowerBound } from '../shared/search';

import { isoDate } from '../shared/dates';
import { type OwnershipIndex, ownerOn } from './ownership';
import type { Credit, CreditBook, CreditProblem, CreditRule, Deal, SplitRow } from './types';

/** Tolerance of a deal's split shares around 1. */
export const SHARE_TOLERANCE = 1e-9;

/**
 * Splits `amount` (currency) by `shares` into whole cents that add up to the amount rounded to the cent (largest
 * remainder, the shared helper); a negative amount is split as its absolute value, negated.
 */
export function splitAmountCents(amount: number, shares: readonly number[]): number[] {
  const cents = centsOf(amount);
  const parts = splitCents(Math.abs(cents) / 100, shares, 'splits');
  return parts.map((p) => (cents < 0 ? -1 : 1) * Math.round(p * 100) + 0);
}

const NO_SPLITS: readonly SplitRow[] = [];

/** Groups split rows by deal key; a row naming a deal that is not in `deals` is an error naming the row. */
function splitsByDeal(deals: readonly Deal[], splits: readonly SplitRow[]): Map<string, SplitRow[]> {
  const out = new Map<string, SplitRow[]>();
  if (splits.length === 0) return out;
  const known = new Set<string>();
  for (const d of deals) known.add(nameKey(d.id));
  for (const s of splits) {
    const k = nameKey(s.deal);
    if (!known.has(k)) {
      invalid(`splits: row ${s.row}: deal "${s.deal}" is not in deals; correct the id or remove the row (its credit would go nowhere).`); // prettier-ignore
    }
    const g = out.get(k);
    if (g === undefined) out.set(k, [s]);
    else g.push(s);
  }
  return out;
}

/** Credits every deal (see the module comment): the credits in deal order, and the deals that could not be. */
export function creditDeals(
  deals: readonly Deal[],
  splits: readonly SplitRow[],
  ownership: OwnershipIndex,
): CreditBook {
  const byDeal = splitsByDeal(deals, splits);
  const credits: Credit[] = [];
  const problems: CreditProblem[] = [];
  for (const deal of deals) {
    const rows = byDeal.size === 0 ? undefined : byDeal.get(nameKey(deal.id));
    const split = rows === undefined ? NO_SPLITS : rows.filter((r) => r.type === 'split');
    if (split.length > 0) {
      let sum = 0;
      for (const r of split) sum += r.share;
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
        problems.push({ kind: 'splitSum', deal, message: splitSumMessage(deal, split, sum) });
      } else {
        const cents = splitAmountCents(
          deal.amount,
          split.map((r) => r.share),
        );
        split.forEach((r, i) => credits.push({ deal, rep: r.rep, share: r.share, cents: cents[i], rule: { kind: 'split', row: r.row } })); // prettier-ignore
      }
    } else {
      const owner = ownerOn(ownership, deal.account, deal.close);
      const rule: CreditRule | undefined = owner
        ? { kind: 'accountOwner', account: deal.account, date: deal.close, row: owner.row }
        : deal.owner !== undefined
          ? { kind: 'dealOwner', row: deal.row }
          : undefined;
      const rep = owner?.rep ?? deal.owner;
      if (rule === undefined || rep === undefined) {
        problems.push({ kind: 'uncredited', deal, message: uncreditedMessage(deal) });
      } else {
        credits.push({ deal, rep, share: 1, cents: centsOf(deal.amount), rule });
      }
    }
    if (rows !== undefined) {
      for (const r of rows) {
        if (r.type === 'overlay') {
          credits.push({ deal, rep: r.rep, share: r.share, cents: centsOf(r.share * deal.amount), rule: { kind: 'overlay', row: r.row } }); // prettier-ignore
        }
      }
    }
  }
  return { credits, problems };
}

function splitSumMessage(deal: Deal, rows: readonly SplitRow[], sum: number): string {
  const total = Number(sum.toPrecision(12));
  return `splits: deal "${deal.id}" (rows ${rows.map((r) => r.row).join(', ')}): the split shares add up to ${total}, not 1; make them add up to 1 (100%), or mark extra credit as Type "overlay".`; // prettier-ignore
}

function uncreditedMessage(deal: Deal): string {
  return `deals: row ${deal.row}, deal "${deal.id}": no split rows, no owner of account "${deal.account}" on ${isoDate(deal.close)} in ownership, and no Owner; add an ownership row covering that date, an Owner, or split rows.`; // prettier-ignore
}

/** The rule of a credit as text: "split row 4", "owner of account A-17 on 2026-03-14", "deal owner", "overlay row 9". */
export function ruleText(rule: CreditRule, date: (serial: number) => string = isoDate): string {
  switch (rule.kind) {
    case 'split':
      return `split row ${rule.row}`;
    case 'overlay':
      return `overlay row ${rule.row}`;
    case 'accountOwner':
      return `owner of account ${rule.account} on ${date(rule.date)}`;
    case 'dealOwner':
      return 'deal owner';
  }
}

/** A period of close dates, both ends inclusive (serials); `undefined` = unbounded. From after To is an error. */
export interface Period {
  readonly from?: number;
  readonly to?: number;
}

/** Checks a period: `from` after `to` is an error naming both. */
export function checkPeriod(p: Period): Period {
  if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
    invalid(`from: ${isoDate(p.from)} is after to (${isoDate(p.to)}); the period runs from the first date to the last, both inclusive.`); // prettier-ignore
  }
  return p;
}

/** True when `close` lies in `p`. */
export function inPeriod(close: number, p: Period): boolean {
  return (p.from === undefined || close >= p.from) && (p.to === undefined || close <= p.to);
}

/** Throws the first problem of a deal closing in `p` (`#VALUE!` for split sums, `#N/A` for an uncredited deal). */
export function throwProblemIn(problems: readonly CreditProblem[], p: Period): void {
  for (const x of problems) {
    if (inPeriod(x.deal.close, p)) {
      if (x.kind === 'splitSum') invalid(x.message);
      notFound(x.message);
    }
  }
}

/** The credits of deals closing in `p`, after refusing the period's first problem. */
export function creditsIn(book: CreditBook, p: Period): Credit[] {
  throwProblemIn(book.problems, p);
  return book.credits.filter((c) => inPeriod(c.deal.close, p));
}

/**
 * Credit per rep (cents) on deals closing in `p`, reps matched as CREDITED matches them (ignoring case and
 * spaces; named as first credited), largest first, then by name. Unlike CREDITED it does not refuse the period's
 * problems: a preview lists them beside the totals.
 */
export function creditTotals(book: CreditBook, p: Period): { rep: string; cents: number }[] {
  const totals = new Map<string, { rep: string; cents: number }>();
  for (const c of book.credits) {
    if (!inPeriod(c.deal.close, p)) continue;
    const k = nameKey(c.rep);
    const t = totals.get(k);
    if (t === undefined) totals.set(k, { rep: c.rep, cents: c.cents });
    else t.cents += c.cents;
  }
  return [...totals.values()].sort((a, b) => b.cents - a.cents || a.rep.localeCompare(b.rep));
}

/** Header of the CREDITS audit trail. */
export const CREDITS_HEADER = ['Deal', 'Rep', 'Share', 'Amount', 'Rule'] as const;

/** The audit trail as a grid: the header, then Deal, Rep, Share, Amount (currency, to the cent), Rule per credit. */
export function creditsGrid(credits: readonly Credit[]): (string | number)[][] {
  const out: (string | number)[][] = [[...CREDITS_HEADER]];
  const dates = new Map<number, string>();
  const date = (serial: number) => {
    let d = dates.get(serial);
    if (d === undefined) dates.set(serial, (d = isoDate(serial)));
    return d;
  };
  for (const c of credits) out.push([c.deal.id, c.rep, c.share, c.cents / 100 + 0, ruleText(c.rule, date)]);
  return out;
}

/**
 * Credits per rep, for totals over any period in O(log credits): per rep key, the close dates of its credits in
 * ascending order and the running sum of their cents.
 */
export interface RepLedger {
  readonly reps: ReadonlyMap<string, { readonly name: string; readonly close: Float64Array; readonly running: Float64Array }>; // prettier-ignore
  readonly problems: readonly CreditProblem[];
}

/** Builds the per-rep ledger of a credit book. */
export function repLedger(book: CreditBook): RepLedger {
  const groups = new Map<string, { name: string; items: Credit[] }>();
  for (const c of book.credits) {
    const k = nameKey(c.rep);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, { name: c.rep, items: [c] });
    else g.items.push(c);
  }
  const reps = new Map<string, { name: string; close: Float64Array; running: Float64Array }>();
  for (const [k, g] of groups) {
    g.items.sort((a, b) => a.deal.close - b.deal.close);
    const close = new Float64Array(g.items.length);
    const running = new Float64Array(g.items.length + 1);
    g.items.forEach((c, i) => {
      close[i] = c.deal.close;
      running[i + 1] = running[i] + c.cents;
    });
    reps.set(k, { name: g.name, close, running });
  }
  return { reps, problems: book.problems };
}

/**
 * The credited amount (currency, to the cent) of `rep` (matched ignoring case and spaces) on deals closing in `p`;
 * 0 for a rep with no credit. Refuses the period's first problem, whatever rep it concerns: the totals are not
 * known until every deal of the period is credited.
 */
export function creditedAmount(ledger: RepLedger, rep: string, p: Period): number {
  throwProblemIn(ledger.problems, p);
  const r = ledger.reps.get(nameKey(rep));
  if (r === undefined) return 0;
  const i = p.from === undefined ? 0 : lowerBound(r.close, p.from);
  const j = p.to === undefined ? r.close.length : lowerBound(r.close, p.to + 1);
  return j > i ? (r.running[j] - r.running[i]) / 100 + 0 : 0;
}
