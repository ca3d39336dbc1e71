import type { SourceChoice } from '../../components/source';

/** The quota wizard's form, as typed (fields are text until validated). */
export interface QuotaForm {
  roster: SourceChoice;
  /** Monthly target: one flat amount per month, or a one-row range of monthly amounts. */
  targetMode: 'flat' | 'range';
  flatTarget: string;
  targetRange: SourceChoice;
  firstMonth: string;
  months: string;
  ramp: string;
  attrition: string;
  leadTime: string;
  /** Write quotas as live SALESOPS.RAMPSCHEDULE formulas or as values. */
  output: 'formulas' | 'values';
  sheetName: string;
}

/** A rep read from the roster, with the cells its formulas will reference. */
export interface RosterRep {
  name: string;
  fullQuota: number;
  start: number;
  end?: number;
  cells: { fullQuota: string; start: string; end?: string };
}

/** Validated options. */
export interface QuotaOptions {
  firstMonth: number;
  months: number;
  ramp: number[];
  attrition: number;
  leadTime: number;
}

/** What the preview shows and the write uses. */
export interface QuotaResult {
  monthSerials: number[];
  targets: number[];
  /** Per rep, quota per month (money, to the cent). */
  schedules: number[][];
  scheduled: number[];
  expected: number[];
  hires: number[];
  totalHires: number;
  capacityWithHires: number[];
  unmet: { month: number; reason: 'leadTime' | 'ramp'; shortfall: number }[];
}
