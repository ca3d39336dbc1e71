/**
 * Effective-dated account ownership, indexed for lookup by date: per account, the rows sorted by `From`, checked
 * not to overlap (two rows covering one day are an error naming both), so the owner on a date is found by binary
 * search in O(log rows of the account).
 */
import { invalid } from '../shared/errors';
import { nameKey } from '../shared/names';
import { upperBound } from '../shared/search';
import { isoDate } from '../shared/dates';
import type { OwnershipRow } from './types';

/** The rows of one account, sorted by `From`, as parallel arrays (`to` = +Infinity while still owned). */
export interface AccountHistory {
  readonly rows: readonly OwnershipRow[];
  readonly from: Float64Array;
  readonly to: Float64Array;
}

/** Ownership by account key (`nameKey` of the account). */
export type OwnershipIndex = ReadonlyMap<string, AccountHistory>;

/** Indexes ownership rows by account; `arg` names the argument in the overlap error. */
export function indexOwnership(rows: readonly OwnershipRow[], arg = 'ownership'): OwnershipIndex {
  const groups = new Map<string, OwnershipRow[]>();
  for (const r of rows) {
    const k = nameKey(r.account);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [r]);
    else g.push(r);
  }
  const out = new Map<string, AccountHistory>();
  for (const [k, g] of groups) {
    g.sort((a, b) => a.from - b.from || a.row - b.row);
    const from = new Float64Array(g.length);
    const to = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) {
      from[i] = g[i].from;
      to[i] = g[i].to ?? Infinity;
      if (i > 0 && from[i] <= to[i - 1]) overlap(g[i - 1], g[i], arg);
    }
    out.set(k, { rows: g, from, to });
  }
  return out;
}

function overlap(a: OwnershipRow, b: OwnershipRow, arg: string): never {
  const span = (r: OwnershipRow) => `${isoDate(r.from)} to ${r.to === undefined ? 'now' : isoDate(r.to)}`;
  const [first, second] = a.row < b.row ? [a, b] : [b, a];
  return invalid(
    `${arg}: rows ${first.row} and ${second.row} overlap for account "${a.account}" (${span(first)}, ${span(second)}); end the earlier one the day before the later one starts (both dates are inclusive).`,
  );
}

/** Index of the row of `h` that covers `date` (serial), or −1 (binary search on `From`). */
export function rowOn(h: AccountHistory, date: number): number {
  const found = upperBound(h.from, date) - 1;
  return found >= 0 && h.to[found] >= date ? found : -1;
}

/** The ownership row that gives `account` its owner on `date`, or `undefined` when no row covers it. */
export function ownerOn(index: OwnershipIndex, account: string, date: number): OwnershipRow | undefined {
  const h = index.get(nameKey(account));
  if (h === undefined) return undefined;
  const i = rowOn(h, date);
  return i < 0 ? undefined : h.rows[i];
}
