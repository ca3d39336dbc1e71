/**
 * The Credit wizard's computations: read the deals, splits and ownership tables, credit them with the core
 * (src/credit), list the deals of the period that could not be credited or whose split shares are off, and build
 * the write plan (the CREDITS audit table and the credit per rep, as values). Pure (no React).
 */
import { dateToSerial, serialToDate } from '../../../src/shared/dates';
import { creditDeals, creditsGrid, inPeriod, indexOwnership, readDeals, readOwnership, readSplits } from '../../../src/credit'; // prettier-ignore
import type { Grid } from '../../../src/shared/cells';
import type { WritePlan } from '../../workbook/port';
import { monthField } from '../fields';
import type { CreditErrors, CreditForm, CreditPreview } from './types';

/** The period of close dates (serials, inclusive) from the form's months; errors per field. */
export function readPeriod(form: CreditForm): { from?: number; to?: number; errors: CreditErrors } {
  const errors: CreditErrors = {};
  let from: number | undefined;
  let to: number | undefined;
  if (form.fromMonth.trim() !== '') {
    const m = monthField(form.fromMonth, 'From month');
    if (m.ok) from = m.value;
    else errors.fromMonth = m.error;
  }
  if (form.toMonth.trim() !== '') {
    const m = monthField(form.toMonth, 'To month');
    if (m.ok) {
      const d = serialToDate(m.value);
      to = dateToSerial(d.year, d.month + 1, 1) - 1; // the month's last day
    } else errors.toMonth = m.error;
  }
  if (from !== undefined && to !== undefined && from > to) errors.toMonth = 'To month: the period ends before it starts.'; // prettier-ignore
  return { from, to, errors };
}

/** Credits the tables for the period: credit per rep, problems (with why), and the audit trail. */
export function computeCredit(
  deals: Grid,
  splits: Grid | undefined,
  ownership: Grid | undefined,
  period: { from?: number; to?: number },
): CreditPreview {
  // prettier-ignore
  const book = creditDeals(readDeals(deals), readSplits(splits), indexOwnership(readOwnership(ownership)));
  const credits = book.credits.filter((c) => inPeriod(c.deal.close, period));
  const totals = new Map<string, number>();
  for (const c of credits) totals.set(c.rep, (totals.get(c.rep) ?? 0) + c.cents);
  return {
    perRep: [...totals].map(([rep, cents]) => ({ rep, amount: cents / 100 })).sort((a, b) => b.amount - a.amount || a.rep.localeCompare(b.rep)), // prettier-ignore
    problems: book.problems.filter((p) => inPeriod(p.deal.close, period)).map((p) => ({ deal: p.deal.id, kind: p.kind, message: p.message })), // prettier-ignore
    trail: creditsGrid(credits),
  };
}

/** The write: a new sheet with the CREDITS audit table at A1 and the credit per rep beside it (values). */
export function buildCreditWrite(sheet: string, preview: CreditPreview): WritePlan {
  const perRep = [['Rep', 'Credited'], ...preview.perRep.map((r) => [r.rep, r.amount])];
  return {
    newSheets: [sheet],
    blocks: [
      { sheet, at: 'A1', cells: preview.trail },
      { sheet, at: 'G1', cells: perRep },
    ],
  };
}
