/**
 * The hiring plan: how many reps to start each month so that capacity meets the target every month with the
 * fewest total hires.
 *
 * Model. Plan month i = 0 … n − 1. Required capacity R_i = target_i × (1 + overAssignment). The existing team
 * carries E_i = capacity_i × (1 − attrition)^i (attrition applies to the existing, tenured team; see
 * capacity.ts). A hire starts on the 1st of a month s ≥ leadTime (whole months before the first hire can
 * start) and carries fullQuota × ramp(i − s + 1) in month i ≥ s; hires are not attrited within the horizon.
 * Month i is met when E_i + Σ_s hires_s × fullQuota × ramp(i − s + 1) ≥ R_i.
 *
 * Why "everyone as early as possible" gives the fewest hires (and why the ramp must not step down). With a
 * nondecreasing ramp, a hire who starts in month s contributes at least as much in EVERY month as one who
 * starts in month s' > s (ramp(i − s + 1) ≥ ramp(i − s' + 1), and 0 before s'). So moving every hire of any
 * feasible plan to the earliest allowed month L = leadTime keeps it feasible with the same count: some optimal
 * plan hires everyone in month L, and its size is N* = max over months i of ⌈(R_i − E_i) ÷ (fullQuota ×
 * ramp(i − L + 1))⌉ — a lower bound for every plan by the same argument, hence the minimum. Greedy
 * earliest-month hiring is therefore optimal for a nondecreasing ramp. A ramp that steps down (e.g. 1, 0.5)
 * breaks the dominance (a hire who starts later can be worth more in a given month), so `hiringSchedule` refuses it.
 *
 * Among the plans with N* hires, the plan returned starts hires as LATE as possible (so the team does not carry
 * idle heads): it maximises the hires in the last month, then in the month before, and so on, each time
 * checking that every month stays met with the remaining hires in month L. This never changes the total.
 *
 * Months that cannot be met by any number of hires are reported and skipped (the plan meets the others): a
 * shortfall before month L (`leadTime`), or in a month where a hire started in month L is still at ramp 0
 * (`ramp`).
 */
import { invalid } from '../shared/errors';
import { toCents } from '../shared/money';
import { checkFraction, checkMonthList } from './limits';
import { type RampSchedule, checkRamp, isNondecreasing, rampFraction } from './ramp';

/** Inputs of `hiringSchedule`; amounts are money per month. */
export interface HiringInput {
  /** Target per month (money, ≥ 0). */
  readonly targets: readonly number[];
  /** Capacity of the existing team per month, same length as `targets` (e.g. from `teamCapacity`). */
  readonly capacity: readonly number[];
  /** Fully ramped quota per hire per month (money, > 0). */
  readonly fullQuota: number;
  /** Hire ramp (fractions by tenure month, must not step down); omitted: no ramp. */
  readonly ramp?: readonly number[];
  /** Monthly attrition rate of the existing team, a fraction in [0, 1) (default 0). */
  readonly attrition?: number;
  /** Whole months before the first hire can start (default 0: hires can start in the first month). */
  readonly leadTime?: number;
  /** Quota over-assignment as a fraction (0.1 = targets raised by 10%) (default 0). */
  readonly overAssignment?: number;
}

/** A month the plan cannot meet, with why and the shortfall (money) that remains. */
export interface UnmetMonth {
  /** Plan month, 0-based. */
  readonly month: number;
  readonly reason: 'leadTime' | 'ramp';
  readonly shortfall: number;
}

/** The hiring schedule: hires to start per month, and the months they cannot cover. */
export interface HiringSchedule {
  /** Hires (whole people) to start on the 1st of each plan month. */
  readonly hires: number[];
  readonly totalHires: number;
  /** Required capacity per month: target × (1 + over-assignment) (money, to the cent). */
  readonly required: number[];
  /** Expected capacity per month with the plan: existing team after attrition + hires (money, to the cent). */
  readonly capacityWithHires: number[];
  /** Months that no plan can meet. */
  readonly unmet: UnmetMonth[];
}

/** Relative slack when comparing capacity with a requirement (floating-point noise, far below a cent). */
const EPS = 1e-9;

/** The fewest hires per month so that capacity meets the (over-assigned) target every month it can be met. */
export function hiringSchedule(input: HiringInput): HiringSchedule {
  const n = input.targets.length;
  if (n < 1) invalid('targets: at least one month is required.');
  checkMonthList(n, 'targets');
  if (input.capacity.length !== n) {
    invalid(`capacity: expected ${n} months (as many as targets), got ${input.capacity.length}.`);
  }
  input.targets.forEach((t, i) => {
    if (!Number.isFinite(t) || t < 0) invalid(`targets: month ${i + 1}: expected an amount ≥ 0, got ${t}.`);
  });
  input.capacity.forEach((c, i) => {
    if (!Number.isFinite(c) || c < 0) invalid(`capacity: month ${i + 1}: expected an amount ≥ 0, got ${c}.`);
  });
  const F = input.fullQuota;
  if (!Number.isFinite(F) || F <= 0) invalid(`full_quota: expected an amount greater than 0, got ${F}.`);
  const ramp: RampSchedule = checkRamp(input.ramp ?? []);
  if (!isNondecreasing(ramp)) {
    invalid('ramp: the hiring plan needs a ramp that never steps down (each month ≥ the one before).');
  }
  const attrition = checkFraction(input.attrition ?? 0, 'attrition', false);
  const L = input.leadTime ?? 0;
  if (!Number.isInteger(L) || L < 0) invalid(`lead_time: expected a whole number of months ≥ 0, got ${L}.`);
  const over = input.overAssignment ?? 0;
  if (!Number.isFinite(over) || over < 0 || over > 10) {
    invalid(`over_assignment: expected a fraction from 0 to 10 (e.g. 0.1 or 10%), got ${over}.`);
  }

  const required = input.targets.map((t) => t * (1 + over));
  const existing = input.capacity.map((c, i) => c * (1 - attrition) ** i);
  const short = required.map((r, i) => r - existing[i]);
  const tol = (i: number) => EPS * Math.max(1, Math.abs(required[i]));

  const unmet: UnmetMonth[] = [];
  const constrained: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (short[i] <= tol(i)) continue;
    const step = i >= L ? rampFraction(ramp, i - L + 1) : 0;
    if (i < L || step === 0) {
      unmet.push({ month: i, reason: i < L ? 'leadTime' : 'ramp', shortfall: toCents(short[i]) });
      continue;
    }
    constrained.push(i);
    total = Math.max(total, Math.ceil(short[i] / (F * step) - EPS));
  }
  if (!Number.isSafeInteger(total)) invalid('targets: the plan would need more hires than can be counted.');

  const hires = new Array<number>(n).fill(0);
  if (total > 0) {
    hires[L] = total;
    // cover[i]: capacity the hires add in month i (money). Moving k hires from month L to month s removes
    // k × F × (ramp(i − L + 1) − ramp(i − s + 1)) from every month i (the second term is 0 before s).
    const cover = required.map((_, i) => (i >= L ? total * F * rampFraction(ramp, i - L + 1) : 0));
    const loss = (i: number, s: number) => F * (rampFraction(ramp, i - L + 1) - rampFraction(ramp, i - s + 1));
    const fits = (k: number, s: number) =>
      constrained.every((i) => existing[i] + cover[i] - k * loss(i, s) >= required[i] - tol(i));
    // Start hires as late as possible: the most in the last month, then the month before, and so on.
    for (let s = n - 1; s > L && hires[L] > 0; s--) {
      let k = hires[L];
      for (const i of constrained) {
        const d = loss(i, s);
        if (d > 0) k = Math.min(k, Math.floor((existing[i] + cover[i] - required[i] + tol(i)) / d));
      }
      k = Math.max(0, k);
      if (k > 0 && !fits(k, s)) {
        // Floating-point guard: the largest k that fits, by bisection (fits is monotone in k).
        let lo = 0;
        let hi = k - 1;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (fits(mid, s)) lo = mid;
          else hi = mid - 1;
        }
        k = lo;
      }
      if (k === 0) continue;
      hires[L] -= k;
      hires[s] += k;
      for (let i = L; i < n; i++) cover[i] -= k * loss(i, s);
    }
  }

  const capacityWithHires = existing.map((e, i) => {
    let c = e;
    for (let s = 0; s <= i; s++) if (hires[s] > 0) c += hires[s] * F * rampFraction(ramp, i - s + 1);
    return toCents(c);
  });
  return { hires, totalHires: total, required: required.map(toCents), capacityWithHires, unmet };
}

/** The shortfall left in each month of `plan` (money, to the cent): 0 where the target is met. */
export function shortfallByMonth(plan: HiringSchedule): number[] {
  const gap = new Array<number>(plan.hires.length).fill(0);
  for (const u of plan.unmet) gap[u.month] = u.shortfall;
  return gap;
}
