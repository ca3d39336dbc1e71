/**
 * Ramp schedules: the fraction of full quota a rep carries in each tenure month while ramping up.
 * A schedule lists fractions for tenure months 1..k; from month k + 1 on the rep carries 1.0 (full quota).
 * An empty schedule means "no ramp" (1.0 from tenure month 1).
 */
import { invalid } from '../shared/errors';
import { checkFraction } from './limits';

/** Fractions of full quota (0 to 1, not percent) for tenure months 1..k; after k the fraction is 1. */
export type RampSchedule = readonly number[];

/** The kinds of rep a ramp profile applies to. */
export type RampProfileKind = 'newHire' | 'replacement' | 'internalTransfer';

/** A named ramp: the kind of rep and the schedule of fractions by tenure month. */
export interface RampProfile {
  readonly kind: RampProfileKind;
  readonly schedule: RampSchedule;
}

/**
 * Default ramp profiles (fractions by tenure month; override them with `rampProfile(kind, schedule)`):
 * - new hire: 0, 0.25, 0.5, 0.75, then 1 (first month onboarding, full at month 5);
 * - replacement (a backfill into an existing territory with pipeline): 0.25, 0.5, 0.75, then 1;
 * - internal transfer (knows the product and process): 0.5, then 1.
 */
export const DEFAULT_RAMP_PROFILES: Readonly<Record<RampProfileKind, RampProfile>> = {
  newHire: { kind: 'newHire', schedule: [0, 0.25, 0.5, 0.75] },
  replacement: { kind: 'replacement', schedule: [0.25, 0.5, 0.75] },
  internalTransfer: { kind: 'internalTransfer', schedule: [0.5] },
};

/** Names of the profile kinds as people write them (lower case, no spaces or hyphens) → the kind. */
const PROFILE_NAMES: ReadonlyMap<string, RampProfileKind> = new Map([
  ['newhire', 'newHire'],
  ['replacement', 'replacement'],
  ['internaltransfer', 'internalTransfer'],
  ['transfer', 'internalTransfer'],
]);

/**
 * The profile kind a name stands for, ignoring case, spaces and hyphens ("New hire" = "newHire" = "new-hire";
 * "internal transfer" or "transfer"), or undefined for any other name.
 */
export function rampProfileKindOf(name: string): RampProfileKind | undefined {
  return PROFILE_NAMES.get(name.toLowerCase().replace(/[\s-]+/g, ''));
}

/** A ramp profile of `kind`: the default schedule, or `schedule` (checked) when given. */
export function rampProfile(kind: RampProfileKind, schedule?: readonly number[]): RampProfile {
  if (!(kind in DEFAULT_RAMP_PROFILES)) {
    invalid(`ramp profile: expected "newHire", "replacement" or "internalTransfer", got ${JSON.stringify(kind)}.`);
  }
  return { kind, schedule: schedule === undefined ? DEFAULT_RAMP_PROFILES[kind].schedule : checkRamp(schedule) };
}

/** Checks every step of a ramp is a fraction in [0, 1]; returns a frozen copy. `arg` names it in messages. */
export function checkRamp(ramp: readonly number[], arg = 'ramp'): RampSchedule {
  ramp.forEach((f, i) => checkFraction(f, `${arg}: tenure month ${i + 1}`));
  return Object.freeze([...ramp]);
}

/** The fraction of full quota in tenure month `tenure` (1-based): the schedule's step, or 1 after it. */
export function rampFraction(ramp: RampSchedule, tenure: number): number {
  if (tenure < 1) return 0;
  return tenure <= ramp.length ? ramp[tenure - 1] : 1;
}

/** True when the ramp never steps down (each month's fraction ≥ the previous one, and the end 1 ≥ the last step). */
export function isNondecreasing(ramp: RampSchedule): boolean {
  for (let i = 1; i < ramp.length; i++) if (ramp[i] < ramp[i - 1]) return false;
  return true;
}
