/**
 * Cell readers of crediting: the deals, splits, ownership, quotas and account-quota tables. Each is a range with
 * one header row whose columns are found by name in any order (src/shared/table.ts: case, spaces and aliases do
 * not matter), dates are Excel serials, and every error names the argument, the row and the fix. Rows blank (or 0,
 * as Excel for desktop passes blank cells) in every column are skipped.
 */
import type { ArgValue } from '../../shared/cells';
import { invalid } from '../../shared/errors';
import { LIMITS, checkSize, usedLength } from '../../shared/limits';
import { nameKey, sameNameHint } from '../../shared/names';
import { parseTable } from '../../shared/table';
import type { Deal, OwnershipRow, SplitRow, SplitType } from '../types';

const DEALS = {
  id: { header: 'Deal', kind: 'text', required: true, aliases: ['Deal ID', 'Opportunity', 'Opportunity ID'] },
  account: { header: 'Account', kind: 'text', required: true, aliases: ['Account ID', 'Account name'] },
  amount: { header: 'Amount', kind: 'number', required: true, aliases: ['Deal amount', 'Value'] },
  close: { header: 'Close date', kind: 'date', required: true, aliases: ['Close', 'Closed', 'Closed date'] },
  owner: { header: 'Owner', kind: 'text', aliases: ['Deal owner', 'Opportunity owner'] },
} as const;

const SPLITS = {
  deal: { header: 'Deal', kind: 'text', required: true, aliases: ['Deal ID', 'Opportunity', 'Opportunity ID'] },
  rep: { header: 'Rep', kind: 'text', required: true, aliases: ['Rep name', 'Sales rep'] },
  share: { header: 'Share', kind: 'number', required: true, aliases: ['Split', 'Percent', 'Credit share'] },
  type: { header: 'Type', kind: 'text', aliases: ['Split type', 'Credit type'] },
} as const;

const OWNERSHIP = {
  account: { header: 'Account', kind: 'text', required: true, aliases: ['Account ID', 'Account name'] },
  rep: { header: 'Rep', kind: 'text', required: true, aliases: ['Owner', 'Rep name', 'Sales rep'] },
  from: { header: 'From', kind: 'date', required: true, aliases: ['Start', 'Start date', 'Effective from'] },
  to: { header: 'To', kind: 'date', aliases: ['End', 'End date', 'Effective to', 'Until'] },
} as const;

const QUOTAS = {
  rep: { header: 'Rep', kind: 'text', required: true, aliases: ['Rep name', 'Sales rep'] },
  quota: { header: 'Quota', kind: 'number', required: true, aliases: ['Monthly quota'] },
} as const;

const ACCOUNT_QUOTAS = {
  account: { header: 'Account', kind: 'text', required: true, aliases: ['Account ID', 'Account name'] },
  quota: { header: 'Quota', kind: 'number', required: true, aliases: ['Contribution', 'Monthly quota', 'Account quota'] }, // prettier-ignore
} as const;

/** Data rows of a table argument (its used rows less the header); 0 when omitted. */
export function tableRows(v: ArgValue): number {
  return Math.max(0, usedLength(v) - 1);
}

/** Refuses a table past `LIMITS.creditRows` rows (#NUM!), before anything is read. */
export function checkTableSize(arg: string, v: ArgValue): void {
  checkSize(
    arg,
    tableRows(v),
    LIMITS.creditRows,
    'rows',
    'Filter the table to the period you credit (e.g. one year of deals) or to the accounts involved.',
  );
}

/** Refuses a second row whose `key` matches an earlier one (ignoring case and spaces): the error names both rows. */
function checkUnique<T extends { row: number }>(
  rows: readonly T[],
  key: (r: T) => string,
  arg: string,
  what: string,
  fix: string,
): void {
  const seen = new Map<string, T>();
  for (const r of rows) {
    const k = nameKey(key(r));
    const first = seen.get(k);
    if (first !== undefined) {
      invalid(`${arg}: rows ${first.row} and ${r.row} both have ${what} "${key(first)}"${sameNameHint(key(first), key(r))}; ${fix}`); // prettier-ignore
    }
    seen.set(k, r);
  }
}

/** Reads the deals table (ids unique, ignoring case and spaces). */
export function readDeals(range: ArgValue, arg = 'deals'): Deal[] {
  checkTableSize(arg, range);
  const rows = parseTable(range ?? null, DEALS, arg, true);
  const deals: Deal[] = rows.map((r) => ({ ...r, owner: r.owner === '' ? undefined : r.owner }));
  checkUnique(deals, (d) => d.id, arg, 'Deal', 'give every deal its own id.');
  return deals;
}

/** Reads the splits table; an omitted or blank argument is no splits. Shares are fractions above 0, at most 1. */
export function readSplits(range: ArgValue, arg = 'splits'): SplitRow[] {
  if (isOmitted(range)) return [];
  checkTableSize(arg, range);
  return parseTable(range ?? null, SPLITS, arg, true).map((r) => {
    const where = `${arg}: row ${r.row}`;
    if (!(r.share > 0 && r.share <= 1)) {
      invalid(`${where}, column "Share": expected a fraction above 0 and at most 1 (0.6 or 60%), got ${r.share}.`);
    }
    return { deal: r.deal, rep: r.rep, share: r.share, type: splitType(r.type, where), row: r.row };
  });
}

function splitType(t: string | undefined, where: string): SplitType {
  const s = (t ?? '').trim().toLowerCase();
  if (s === '' || s === 'split') return 'split';
  if (s === 'overlay') return 'overlay';
  return invalid(`${where}, column "Type": expected "split" or "overlay" (blank = split), got "${t}".`);
}

/** Reads the ownership table; an omitted or blank argument is no ownership. `To` before `From` is an error. */
export function readOwnership(range: ArgValue, arg = 'ownership'): OwnershipRow[] {
  if (isOmitted(range)) return [];
  checkTableSize(arg, range);
  return parseTable(range ?? null, OWNERSHIP, arg, true).map((r) => {
    if (r.to !== undefined && r.to < r.from) {
      invalid(`${arg}: row ${r.row}: "To" is before "From"; both dates are inclusive, so a one-day ownership has To = From.`); // prettier-ignore
    }
    return r;
  });
}

/** Reads the quotas table (`Rep`, monthly `Quota`); reps unique. */
export function readQuotas(range: ArgValue, arg = 'quotas'): { rep: string; quota: number; row: number }[] {
  checkTableSize(arg, range);
  const rows = parseTable(range ?? null, QUOTAS, arg, true);
  checkUnique(rows, (r) => r.rep, arg, 'Rep', 'give each rep one row.');
  return rows;
}

/** Reads the account quotas table (`Account`, monthly `Quota` contribution); accounts unique. */
export function readAccountQuotas(
  range: ArgValue,
  arg = 'account_quotas',
): { account: string; quota: number; row: number }[] {
  // prettier-ignore
  checkTableSize(arg, range);
  const rows = parseTable(range ?? null, ACCOUNT_QUOTAS, arg, true);
  checkUnique(rows, (r) => r.account, arg, 'Account', 'give each account one row.');
  return rows;
}

/** An optional table left out: omitted, a blank cell, or a 0 (Excel for desktop passes a blank cell as 0). */
function isOmitted(v: ArgValue): boolean {
  if (v === undefined || v === null || v === '' || v === 0) return true;
  return Array.isArray(v) && v.length === 1 && v[0].length === 1 && (v[0][0] === null || v[0][0] === '' || v[0][0] === 0); // prettier-ignore
}
