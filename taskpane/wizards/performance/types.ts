import type { SourceChoice } from '../../components/source';
import type { CalendarKind } from '../../../src/calendar';

/** The performance wizard's form, as typed. */
export interface PerformanceForm {
  /** Bookings: three columns (rep, date, amount) with a header row. */
  bookings: SourceChoice;
  /** Quotas for the period: two columns (rep, quota) with a header row. */
  quotas: SourceChoice;
  calendar: CalendarKind;
  yearStartMonth: string;
  /** As-of date, YYYY-MM-DD. */
  asOf: string;
  /** Optional weights of the quarter's three periods ("0.3, 0.3, 0.4"); empty: linear by days. */
  profile: string;
  /** Routing test (optional): records, rules and reps tables, and how many records to test. */
  records: SourceChoice;
  rules: SourceChoice;
  routingReps: SourceChoice;
  sampleSize: string;
  sheetName: string;
}

export type PerformanceErrors = Partial<Record<keyof PerformanceForm, string>>;

/** One rep's (or the team's) line of the preview and the written table. */
export interface PerformanceLine {
  rep: string;
  booked: number;
  quota: number;
  attainment: number | null;
  rank: number | null;
  expected: number;
  pace: number | null;
  projected: number | null;
  gap: number;
}

/** The current quarter's performance. */
export interface PerformanceResult {
  asOf: number;
  year: number;
  quarter: number;
  start: number;
  end: number;
  calendarLabel: string;
  lines: PerformanceLine[];
  team: PerformanceLine;
  /** Reps whose pace is below 1, slowest first. */
  behind: PerformanceLine[];
}

/** A routing test: records per rep in the sample, and the records that could not be routed, by reason. */
export interface RoutingResult {
  tested: number;
  perRep: { rep: string; team: string; count: number }[];
  unrouted: { reason: string; count: number }[];
}
