/**
 * Quota relief: what account moves after the quota-setting date do to each rep's monthly quota.
 *
 * Quotas are set on `baseline` with the owners of that day: each rep's monthly quota already includes the monthly
 * contribution of the accounts the rep owned then. In every month of the horizon, an account's contribution c
 * belongs to its owners by calendar days: the rep who owns it on d of the month's D days gets d/D of c, the day of
 * a change counting for the gaining rep (ownership dates are inclusive: a move with the new row starting on the
 * 14th of a 31-day month gives the gaining rep days 14–31, 18/31 of c). The baseline owner gives up c and each
 * owner of the month gets its days' part, so:
 *
 *   relief(rep, month) = Σ over accounts [days owned by rep / D × c] − Σ over accounts owned by rep on baseline [c]
 *
 * Every day up to and including `baseline` counts as owned by the baseline owner (moves before it are in the set
 * quotas already); only changes of owner after it move quota. An account owned all month by its baseline owner
 * gives no relief. Days without an owner after the baseline belong to nobody (the baseline owner is relieved of
 * them); an account no one owned on baseline adds quota to the reps who own it later. A rep who gains an account
 * but has no quota row (a new hire) starts from 0. A baseline owner with no quota row is an error (#VALUE!: the
 * set quotas must hold what it owned), and so is an account quota no ownership row covers (#N/A). Each (account, month) is split in whole cents by largest remainder (src/shared/money.ts) over the owners'
 * days, so where accounts only change hands the relief of a month sums to exactly 0 over reps.
 */
import { type CivilDate, daysInMonth, firstOfMonthSerial, isoMonth, monthFromIndex, monthIndex, serialToDate } from '../shared/dates'; // prettier-ignore
import { invalid, notFound } from '../shared/errors';
import { LIMITS, checkSize, formatCount } from '../shared/limits';
import { centsOf } from '../shared/money';
import { nameKey } from '../shared/names';
import { splitAmountCents } from './crediting';
import { type OwnershipIndex, rowOn } from './ownership';

/** Inputs of `quotaRelief`. */
export interface ReliefInput {
  /** Monthly quota (currency) per rep, as set on `baseline`. */
  readonly quotas: readonly { readonly rep: string; readonly quota: number }[];
  /** Monthly quota contribution (currency) per account. */
  readonly accountQuotas: readonly { readonly account: string; readonly quota: number; readonly row?: number }[];
  readonly ownership: OwnershipIndex;
  /** The day quotas were set (serial). */
  readonly baseline: number;
  /** A date in the first month of the horizon (serial). */
  readonly firstMonth: number;
  /** Months in the horizon (≥ 1). */
  readonly months: number;
}

/** One rep's row: base quota (cents), relief per month (cents), quota per month after relief (currency). */
export interface ReliefRow {
  readonly rep: string;
  readonly baseCents: number;
  readonly reliefCents: readonly number[];
  readonly quota: readonly number[];
}

/** Relief of the horizon: month labels ("2026-03") and one row per rep (quotas' reps first, then new owners). */
export interface ReliefResult {
  readonly months: readonly string[];
  readonly rows: readonly ReliefRow[];
}

/**
 * Refuses (#NUM!) a relief table past `LIMITS.rosterCells` rep-months: `reps` distinct reps of quotas and ownership
 * (each may get a row) × `months`. Called before anything per rep is allocated.
 */
export function checkReliefSize(reps: number, months: number): void {
  checkSize(
    'quotas and ownership',
    reps * months,
    LIMITS.rosterCells,
    `rep-months (distinct reps of quotas and ownership × months: ${formatCount(reps)} × ${formatCount(months)})`,
    'Split the accounts (e.g. by team or region) into calls whose quotas and ownership name fewer reps, or shorten the horizon.', // prettier-ignore
  );
}

/** Month index (see src/shared/dates `monthIndex`) of a serial. */
const monthOf = (serial: number) => monthIndex(serialToDate(serial));

/** Computes quota relief (see the module comment). */
export function quotaRelief(input: ReliefInput): ReliefResult {
  const n = input.months;
  const m0 = monthOf(input.firstMonth);
  const hs = firstOfMonthSerial(m0);
  const he = firstOfMonthSerial(m0 + n) - 1;
  const repIndex = new Map<string, number>();
  const names: string[] = [];
  const base: number[] = [];
  for (const q of input.quotas) {
    repIndex.set(nameKey(q.rep), names.length);
    names.push(q.rep);
    base.push(centsOf(q.quota));
  }
  const distinct = new Set(repIndex.keys());
  for (const h of input.ownership.values()) for (const r of h.rows) distinct.add(nameKey(r.rep));
  checkReliefSize(distinct.size, n);
  const diff: Float64Array[] = names.map(() => new Float64Array(n + 1));
  const rep = (name: string): number => {
    const k = nameKey(name);
    let i = repIndex.get(k);
    if (i === undefined) {
      i = names.length;
      repIndex.set(k, i);
      names.push(name);
      base.push(0);
      diff.push(new Float64Array(n + 1));
    }
    return i;
  };
  /** Adds `cents` to rep `r` for months [a, b] of the horizon (0-based). */
  const add = (r: number, a: number, b: number, cents: number) => {
    diff[r][a] += cents;
    diff[r][b + 1] -= cents;
  };

  for (const aq of input.accountQuotas) {
    const h = input.ownership.get(nameKey(aq.account));
    if (h === undefined) {
      // a contribution no one holds is most likely a misspelt account ("A-17" for "A17"): never dropped silently
      const at = aq.row === undefined ? '' : `row ${aq.row}: `;
      notFound(`account_quotas: ${at}no ownership row covers account ${aq.account}; add its owner or remove it.`);
    }
    const c = centsOf(aq.quota);
    if (c === 0) continue;
    const bi = rowOn(h, input.baseline);
    const quotaRow = bi < 0 ? undefined : repIndex.get(nameKey(h.rows[bi].rep));
    if (bi >= 0 && (quotaRow === undefined || quotaRow >= input.quotas.length)) {
      const o = h.rows[bi];
      invalid(`ownership: row ${o.row}: ${o.rep} owns account ${o.account} on baseline_date but has no row in quotas; add the rep's quota.`); // prettier-ignore
    }
    const b = bi < 0 ? -1 : rep(h.rows[bi].rep);
    // The account's timeline over the horizon: owned segments and the gaps between them. Every day up to the
    // baseline counts as the baseline owner's (the set quotas hold it then); only later changes move quota.
    const segments: { start: number; end: number; owner: number }[] = [];
    let cursor = hs;
    if (input.baseline >= hs) {
      cursor = Math.min(input.baseline, he) + 1;
      segments.push({ start: hs, end: cursor - 1, owner: b });
    }
    for (let i = 0; i < h.rows.length && cursor <= he; i++) {
      const s = Math.max(h.from[i], cursor);
      const e = Math.min(h.to[i], he);
      if (e < s) continue;
      if (s > cursor) segments.push({ start: cursor, end: s - 1, owner: -1 });
      segments.push({ start: s, end: e, owner: rep(h.rows[i].rep) });
      cursor = e + 1;
    }
    if (cursor <= he) segments.push({ start: cursor, end: he, owner: -1 });
    const mixed = new Set<number>();
    for (const seg of segments) {
      const sd = serialToDate(seg.start);
      const ed = serialToDate(seg.end);
      const ma = monthIndex(sd) - m0;
      const mb = monthIndex(ed) - m0;
      const fa = sd.day === 1 ? ma : ma + 1;
      const fb = isLastDay(ed) ? mb : mb - 1;
      if (fa <= fb && seg.owner !== b) {
        if (seg.owner >= 0) add(seg.owner, fa, fb, c);
        if (b >= 0) add(b, fa, fb, -c);
      }
      if (fa !== ma) mixed.add(ma);
      if (fb !== mb) mixed.add(mb);
    }
    for (const m of mixed) {
      const first = firstOfMonthSerial(m0 + m);
      const { year, month } = monthFromIndex(m0 + m);
      const last = first + daysInMonth(year, month) - 1;
      const owners: number[] = [];
      const days: number[] = [];
      for (const seg of segments) {
        const d = Math.min(seg.end, last) - Math.max(seg.start, first) + 1;
        if (d <= 0) continue;
        const j = owners.indexOf(seg.owner);
        if (j >= 0) days[j] += d;
        else {
          owners.push(seg.owner);
          days.push(d);
        }
      }
      const parts = splitAmountCents(c / 100, days);
      owners.forEach((o, j) => {
        if (o >= 0) add(o, m, m, parts[j]);
      });
      if (b >= 0) add(b, m, m, -c);
    }
  }

  const labels: string[] = [];
  for (let m = 0; m < n; m++) {
    const { year, month } = monthFromIndex(m0 + m);
    labels.push(isoMonth(year, month));
  }
  const rows: ReliefRow[] = [];
  for (let r = 0; r < names.length; r++) {
    const relief: number[] = [];
    let run = 0;
    for (let m = 0; m < n; m++) {
      run += diff[r][m];
      relief.push(run + 0);
    }
    if (r >= input.quotas.length && relief.every((x) => x === 0)) continue; // an owner with no move in the horizon
    rows.push({ rep: names[r], baseCents: base[r], reliefCents: relief, quota: relief.map((x) => (base[r] + x) / 100 + 0) }); // prettier-ignore
  }
  return { months: labels, rows };
}

function isLastDay(d: CivilDate): boolean {
  return d.day === daysInMonth(d.year, d.month);
}

/** The relieved quota table: a header row ("Rep", then one "YYYY-MM" per month), then one row per rep. */
export function reliefGrid(r: ReliefResult): (string | number)[][] {
  return [['Rep', ...r.months], ...r.rows.map((row) => [row.rep, ...row.quota])];
}
