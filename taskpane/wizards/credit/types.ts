import type { SourceChoice } from '../../components/source';

/** The Credit wizard's form, as typed. */
export interface CreditForm {
  deals: SourceChoice;
  splits: SourceChoice;
  ownership: SourceChoice;
  /** Period of close dates, YYYY-MM (first month and last month, both inclusive); blank: unbounded. */
  fromMonth: string;
  toMonth: string;
  /** Optional roster: a range or table of rep names (header row first); a CREDITED column goes to its right. */
  roster: SourceChoice;
  /** Quota relief (optional: blank quotas = no relief): quotas as set on the baseline date, account contributions. */
  quotas: SourceChoice;
  accountQuotas: SourceChoice;
  /** The date quotas were set, YYYY-MM-DD. */
  baselineDate: string;
  /** First month of the relief table, YYYY-MM. */
  firstMonth: string;
  /** Months in the relief table (1 to 1,200). */
  months: string;
  sheetName: string;
}

export type CreditErrors = Partial<Record<keyof CreditForm, string>>;

/** What the preview shows and the write uses. */
export interface CreditPreview {
  /** Credit per rep in the period (currency), largest first. */
  perRep: { rep: string; amount: number }[];
  /** Deals of the period that could not be credited, and deals whose split shares are off, with why. */
  problems: { deal: string; kind: 'uncredited' | 'splitSum'; message: string }[];
  /** The CREDITS audit table (header row first). */
  trail: (string | number)[][];
  /** The relieved quota table (header row "Rep", "YYYY-MM"…, then one row per rep), when quotas were given. */
  relief?: (string | number)[][];
}

/** The checked quota-relief options (serials and a month count). */
export interface ReliefOptions {
  baseline: number;
  firstMonth: number;
  months: number;
}
