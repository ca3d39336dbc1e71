import type { SourceChoice } from '../../components/source';

/** The Credit wizard's form, as typed. */
export interface CreditForm {
  deals: SourceChoice;
  splits: SourceChoice;
  ownership: SourceChoice;
  /** Period of close dates, YYYY-MM (first month and last month, both inclusive); blank: unbounded. */
  fromMonth: string;
  toMonth: string;
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
}
