/**
 * The Credit wizard's computations: read the deals, splits and ownership tables, credit them with the core
 * (src/credit), list the deals of the period that could not be credited or whose split shares are off, relieve
 * quotas for account moves (QUOTARELIEF's entry point), and build the write plan (the CREDITS audit table, the
 * credit per rep and the relieved quotas as values; a CREDITED formula column beside a roster). Pure (no React).
 */
import { dateToSerial, serialToDate } from '../../../src/shared/dates';
import { creditDeals, creditTotals, creditsGrid, inPeriod, indexOwnership, quotaReliefOf, readDeals, readOwnership, readSplits } from '../../../src/credit'; // prettier-ignore
import type { Grid } from '../../../src/shared/cells';
import { LIMITS } from '../../../src/shared/limits';
import type { SourceChoice } from '../../components/source';
import { formatCell, parseRange, qualified, splitQualified } from '../../workbook/address';
import type { BlockWrite, RangeData, WriteCell, WritePlan } from '../../workbook/port';
import { dateField, monthField, numberField } from '../fields';
import type { CreditErrors, CreditForm, CreditPreview, ReliefOptions } from './types';

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
  return {
    perRep: creditTotals(book, period).map((t) => ({ rep: t.rep, amount: t.cents / 100 })),
    problems: book.problems.filter((p) => inPeriod(p.deal.close, period)).map((p) => ({ deal: p.deal.id, kind: p.kind, message: p.message })), // prettier-ignore
    trail: creditsGrid(credits),
  };
}

/** The quota-relief options from the form (baseline date, first month, months); errors name their field. */
export function readReliefOptions(form: CreditForm): { options?: ReliefOptions; errors: CreditErrors } {
  const errors: CreditErrors = {};
  const baseline = dateField(form.baselineDate, 'Baseline date');
  if (!baseline.ok) errors.baselineDate = baseline.error;
  else if (baseline.value === undefined) errors.baselineDate = 'Baseline date is required: the day quotas were set (YYYY-MM-DD).'; // prettier-ignore
  const first = monthField(form.firstMonth, 'First month');
  if (!first.ok) errors.firstMonth = first.error;
  const months = numberField(form.months, 'Months', { min: 1, max: LIMITS.months, integer: true });
  if (!months.ok) errors.months = months.error;
  if (!baseline.ok || baseline.value === undefined || !first.ok || !months.ok || months.value === undefined) return { errors }; // prettier-ignore
  return { options: { baseline: baseline.value, firstMonth: first.value, months: months.value }, errors };
}

/**
 * The relieved quota table through QUOTARELIEF's entry point (same checks and limits as the function); an input
 * error is returned for the field it names (quotas, account quotas or ownership).
 */
export function computeRelief(
  quotas: Grid,
  accountQuotas: Grid,
  ownership: Grid,
  o: ReliefOptions,
): { relief?: (string | number)[][]; errors: CreditErrors } {
  try {
    return { relief: quotaReliefOf(quotas, accountQuotas, ownership, o.baseline, o.firstMonth, o.months), errors: {} }; // prettier-ignore
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const field: keyof CreditForm = /^account_quotas\b/.test(message)
      ? 'accountQuotas'
      : /^ownership\b/.test(message)
        ? 'ownership'
        : /^(baseline_date|first_month|months)\b/.test(message)
          ? 'months'
          : 'quotas';
    return { errors: { [field]: message } };
  }
}

/** `$A$1`-style absolute cell. */
const absCell = (row: number, col: number) => formatCell(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/** A table or range as a formula reference: `Deals[#All]`, or `Data!$A$1:$D$20` (absolute, to fill down). */
export function sourceRef(choice: SourceChoice): string {
  if (choice.kind === 'table') return `${choice.name}[#All]`;
  const q = splitQualified(choice.text);
  if (!q) throw new Error(`"${choice.text}" is not a range like Data!A1:D20.`);
  const r = parseRange(q.address);
  return qualified(q.sheet, `${absCell(r.top, r.left)}:${absCell(r.bottom, r.right)}`);
}

/** A date serial as `DATE(y,m,d)` (readable in the formula bar). */
function dateFormula(serial: number): string {
  const d = serialToDate(serial);
  return `DATE(${d.year},${d.month},${d.day})`;
}

/** What the CREDITED column reads: the three tables (splits and ownership optional) and the period. */
export interface CreditedRefs {
  deals: SourceChoice;
  splits?: SourceChoice;
  ownership?: SourceChoice;
  from?: number;
  to?: number;
}

/**
 * The CREDITED column right of a roster (rep names in its first column, header row first): a "Credited" header,
 * then `=SALESOPS.CREDITED(<rep cell>, <deals>, [splits], [ownership], [from], [to])` per rep row, as the comp
 * wizard writes its Payout column (formulas, so the column follows later edits of the tables).
 */
export function creditedColumn(roster: RangeData, refs: CreditedRefs): BlockWrite {
  const r = parseRange(roster.address);
  const args = [
    sourceRef(refs.deals),
    refs.splits ? sourceRef(refs.splits) : '',
    refs.ownership ? sourceRef(refs.ownership) : '',
    refs.from !== undefined ? dateFormula(refs.from) : '',
    refs.to !== undefined ? dateFormula(refs.to) : '',
  ];
  while (args.length > 1 && args[args.length - 1] === '') args.pop();
  const cells: WriteCell[][] = [['Credited']];
  for (let row = r.top + 1; row <= r.bottom; row++) {
    cells.push([{ formula: `=SALESOPS.CREDITED(${qualified(roster.sheet, formatCell(row, r.left))},${args.join(',')})` }]); // prettier-ignore
  }
  return { sheet: roster.sheet, at: formatCell(r.top, r.right + 1), cells, numberFormats: [['#,##0.00']] };
}

/**
 * The write, all or nothing: a new sheet with the CREDITS audit table at A1, the credit per rep at G1 and, with
 * quotas, the relieved quota table at J1 (values); with a roster, its CREDITED column (see `creditedColumn`).
 */
export function buildCreditWrite(
  sheet: string,
  preview: CreditPreview,
  roster?: { data: RangeData; refs: CreditedRefs },
): WritePlan {
  const perRep = [['Rep', 'Credited'], ...preview.perRep.map((r) => [r.rep, r.amount])];
  const blocks: BlockWrite[] = [
    { sheet, at: 'A1', cells: preview.trail },
    { sheet, at: 'G1', cells: perRep },
  ];
  if (preview.relief) blocks.push({ sheet, at: 'J1', cells: preview.relief });
  if (roster) blocks.push(creditedColumn(roster.data, roster.refs));
  return { newSheets: [sheet], blocks };
}
