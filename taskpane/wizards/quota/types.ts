import type { SourceChoice } from '../../components/source';
import type { RampProfileKind } from '../../../src/quota';

/** The quota wizard's form, as typed (fields are text until validated). */
export interface QuotaForm {
  roster: SourceChoice;
  /** Monthly target: one flat amount per month, or a one-row range of monthly amounts. */
  targetMode: 'flat' | 'range';
  flatTarget: string;
  targetRange: SourceChoice;
  firstMonth: string;
  months: string;
  /** The team ramp: for reps without a profile (and for hires when the roster names no "new hire" profile). */
  ramp: string;
  /** One ramp per roster profile, keyed by the profile's normalised name (see `profileKey`). */
  profileRamps: Record<string, string>;
  attrition: string;
  leadTime: string;
  /** Write quotas as live SALESOPS.RAMPSCHEDULE formulas or as values. */
  output: 'formulas' | 'values';
  sheetName: string;
}

/** The form's single-valued fields (every field but the per-profile ramps). */
export type QuotaField = Exclude<keyof QuotaForm, 'profileRamps'>;

/** Validation messages: one per field, and one per profile ramp (keyed like `QuotaForm.profileRamps`). */
export type QuotaErrors = Partial<Record<QuotaField, string>> & { profileRamps?: Record<string, string> };

/** A ramp profile named in the roster's Profile column. */
export interface RosterProfile {
  /** Normalised name: lower case without spaces; the known kinds' aliases share one key. */
  key: string;
  /** The name as first written in the roster. */
  label: string;
  /** The known kind whose default ramp it starts from; undefined: a custom profile (starts from the team ramp). */
  kind?: RampProfileKind;
}

/** A rep read from the roster, with the cells its formulas will reference. */
export interface RosterRep {
  name: string;
  fullQuota: number;
  start: number;
  end?: number;
  /** The rep's ramp profile (its label as written in the rep's row); undefined (blank cell): the team ramp. */
  profile?: RosterProfile;
  cells: { fullQuota: string; start: string; end?: string };
}

/** Validated options. */
export interface QuotaOptions {
  firstMonth: number;
  months: number;
  /** The team ramp. */
  ramp: number[];
  /** The ramp of each roster profile, keyed by `RosterProfile.key`. */
  profileRamps: Record<string, number[]>;
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
  /** The profile whose ramp the hiring plan's new hires carry; undefined: the team ramp. */
  hireProfile?: RosterProfile;
  capacityWithHires: number[];
  unmet: { month: number; reason: 'leadTime' | 'ramp'; shortfall: number }[];
}
