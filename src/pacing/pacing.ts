/**
 * Pacing to quota: how much of a period's quota should be booked by a date, and how the bookings compare.
 *
 * Days are whole Excel date serials; a period runs from `start` to `end` inclusive, and `asOf` counts as elapsed
 * (on the first day one day of the period has passed; on the last day all of it).
 * - Linear (no profile): expected share = elapsed days ÷ period days.
 * - Profile: the period is cut into sub-periods with weights (normalised to sum 1); expected share = the weights of
 *   the sub-periods before `asOf`'s + its weight × its elapsed days ÷ its days (prorated by calendar days).
 * - Before the period: expected 0, pace and projection blank. After it: expected = quota, and pace = projected
 *   attainment = the final attainment (booked ÷ quota).
 * Pace = booked ÷ expected; projected attainment = booked ÷ expected share ÷ quota: the same ratio whenever both
 * are defined (the projection assumes the rest of the period follows the profile at the current pace). Both are
 * blank when nothing is expected yet (a zero quota, or before the period).
 */
import { roundHalfAwayFromZero } from '../shared/money';

/** A sub-period of a profile: first and last day (serials, inclusive) and its weight (not normalised). */
export interface SubPeriod {
  readonly start: number;
  readonly end: number;
  readonly weight: number;
}

/** What PACING answers; money in the quota's currency, ratios as fractions (1 = on pace). */
export interface Pacing {
  /** Quota expected to be booked by as-of, to the cent. */
  readonly expected: number;
  /** booked ÷ expected; `null` when nothing is expected yet. */
  readonly pace: number | null;
  /** booked ÷ expected share ÷ quota; `null` when nothing is expected yet. */
  readonly projected: number | null;
  /** quota − booked (negative when over quota), to the cent. */
  readonly gap: number;
}

/** The share of the period (0–1) expected by the end of day `asOf`: linear by days, or by the profile. */
export function expectedShare(start: number, end: number, asOf: number, profile?: readonly SubPeriod[]): number {
  if (asOf < start) return 0;
  if (asOf >= end) return 1;
  if (profile === undefined || profile.length === 0) return (asOf - start + 1) / (end - start + 1);
  let total = 0;
  for (const p of profile) total += p.weight;
  let done = 0;
  for (const p of profile) {
    if (asOf >= p.end) done += p.weight;
    else {
      if (asOf >= p.start) done += (p.weight * (asOf - p.start + 1)) / (p.end - p.start + 1);
      break;
    }
  }
  return done / total;
}

const cents = (x: number) => roundHalfAwayFromZero(x, 2);

/** PACING's four figures for `booked` against `quota` over [start, end] as of `asOf` (see the module comment). */
export function pacing(
  booked: number,
  quota: number,
  start: number,
  end: number,
  asOf: number,
  profile?: readonly SubPeriod[],
): Pacing {
  const linear = (profile === undefined || profile.length === 0) && asOf >= start && asOf < end;
  // Linear: quota × elapsed ÷ days, multiplied first so that whole figures stay whole (91,000 × 1 ÷ 91 = 1,000).
  const expectedExact = linear
    ? (quota * (asOf - start + 1)) / (end - start + 1)
    : quota * expectedShare(start, end, asOf, profile);
  const ratio = expectedExact > 0 ? booked / expectedExact : null;
  return { expected: cents(expectedExact) + 0, pace: ratio, projected: ratio, gap: cents(quota - booked) + 0 };
}
