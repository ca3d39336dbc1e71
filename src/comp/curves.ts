/**
 * Attainment payout curves on a target incentive. Attainment is a fraction (1.05 = 105 % of quota); the curve
 * gives the payout as a fraction of the target incentive; amounts are currency, unrounded (round once at the
 * payable amount, see money.ts).
 *
 * - `marginal`: Σ rate_i × length of [0, attainment] inside band i (rates are multipliers: accelerators above 1,
 *   decelerators below 1). Below the first band's bound nothing is paid.
 * - `retro`: attainment × the rate of the band containing attainment.
 * - `linear`: piecewise-linear through the (attainment, payout fraction) points; 0 below the first point, flat at
 *   the last point's payout above the last point (add a far point to keep accelerating, or set a cap).
 * Then the gate: attainment below `threshold` pays 0; and the cap: at most `cap` × target incentive.
 */
import { invalid } from '../shared/errors';
import { type RateTable, marginalAmount, marginalSlices, retroAmount, tierIndex } from './rates';

/** How a curve turns attainment into a payout fraction. */
export type CurveMethod = 'marginal' | 'retro' | 'linear';

/** A payout curve: for `linear`, the table's lowers are attainment points and its rates payout fractions. */
export interface PayoutCurve {
  readonly method: CurveMethod;
  readonly table: RateTable;
}

/** Gate and cap of a payout: `threshold` is an attainment fraction; `cap` a multiple of the target incentive. */
export interface PayoutTerms {
  readonly cap?: number;
  readonly threshold?: number;
}

/** Checks cap (≥ 0) and threshold (finite); `argCap`/`argThreshold` name them in messages. */
export function checkTerms(terms: PayoutTerms, argCap = 'cap', argThreshold = 'threshold'): PayoutTerms {
  const { cap, threshold } = terms;
  // typeof checks too: a plan built in code (or read from JSON) may carry null, true or "2", which must be refused
  const capOk = cap === undefined || (typeof cap === 'number' && cap - cap === 0 && cap >= 0);
  if (capOk && (threshold === undefined || (typeof threshold === 'number' && threshold - threshold === 0))) {
    return terms;
  }
  return rejectTerms(terms, argCap, argThreshold);
}

/** Throws the message for the term `checkTerms` refused. */
function rejectTerms(terms: PayoutTerms, argCap: string, argThreshold: string): PayoutTerms {
  if (terms.cap !== undefined && !(Number.isFinite(terms.cap) && terms.cap >= 0)) {
    invalid(`${argCap}: must be zero or more (a multiple of the target incentive, e.g. 2 = 200 %), got ${terms.cap}.`);
  }
  if (terms.threshold !== undefined && !Number.isFinite(terms.threshold)) {
    invalid(`${argThreshold}: must be a finite attainment fraction (e.g. 0.5 = 50 %).`);
  }
  return terms;
}

/** Piecewise-linear interpolation through the points of `table` (0 below the first, flat after the last). */
export function linearFraction(attainment: number, table: RateTable): number {
  const i = tierIndex(attainment, table);
  if (i < 0) return 0;
  const n = table.lowers.length;
  if (i === n - 1) return table.rates[i];
  const x0 = table.lowers[i];
  const x1 = table.lowers[i + 1];
  const y0 = table.rates[i];
  const y1 = table.rates[i + 1];
  return y0 + ((y1 - y0) * (attainment - x0)) / (x1 - x0);
}

/** The curve's payout as a fraction of target incentive at `attainment`, before gate and cap. */
export function curveFraction(attainment: number, curve: PayoutCurve): number {
  switch (curve.method) {
    case 'marginal':
      return marginalAmount(attainment, curve.table);
    case 'retro':
      return retroAmount(attainment, curve.table);
    case 'linear':
      return linearFraction(attainment, curve.table);
  }
}

/**
 * The payout (currency, unrounded) for `attainment` (fraction) on `targetIncentive` (currency per period):
 * targetIncentive × curve fraction, 0 below the threshold, at most cap × targetIncentive.
 */
export function payoutAmount(
  attainment: number,
  targetIncentive: number,
  curve: PayoutCurve,
  terms: PayoutTerms = {},
): number {
  if (terms.threshold !== undefined && attainment < terms.threshold) return 0;
  const raw = targetIncentive * curveFraction(attainment, curve);
  if (terms.cap !== undefined) {
    const limit = terms.cap * targetIncentive;
    if (raw > limit) return limit;
  }
  return raw;
}

/** One explained step of a payout: what was multiplied (base × rate = amount, unrounded). */
export interface PayoutStep {
  readonly kind: 'band' | 'point' | 'gate' | 'cap';
  /** A short description, e.g. `band 100%–150%`. */
  readonly item: string;
  readonly base: number | null;
  readonly rate: number | null;
  readonly amount: number;
}

const pct = (x: number) => (Number.isFinite(x) ? `${+(x * 100).toPrecision(12)}%` : '∞');

/**
 * The steps of `payoutAmount`, which add up to it: marginal bands (base = target incentive × attainment inside
 * the band, rate = multiplier), or the retro band (base = target incentive × attainment), or the interpolated
 * point (base = target incentive, rate = payout fraction); then a gate step (attainment below threshold, amount
 * minus the curve payout) or a cap step (the amount above the cap, negative).
 */
export function payoutSteps(
  attainment: number,
  targetIncentive: number,
  curve: PayoutCurve,
  terms: PayoutTerms = {},
): PayoutStep[] {
  const steps: PayoutStep[] = [];
  let raw = 0;
  if (curve.method === 'marginal') {
    for (const s of marginalSlices(attainment, curve.table)) {
      const base = targetIncentive * s.base;
      const amount = base * s.rate;
      raw += amount;
      steps.push({ kind: 'band', item: `band ${pct(s.lower)}–${pct(s.upper)}`, base, rate: s.rate, amount });
    }
  } else if (curve.method === 'retro') {
    const i = tierIndex(attainment, curve.table);
    if (i >= 0) {
      const upper = i + 1 < curve.table.lowers.length ? curve.table.lowers[i + 1] : Infinity;
      const base = targetIncentive * attainment;
      const rate = curve.table.rates[i];
      raw = base * rate;
      steps.push({
        kind: 'band',
        item: `band ${pct(curve.table.lowers[i])}–${pct(upper)} (retro)`,
        base,
        rate,
        amount: raw,
      });
    }
  } else {
    const f = linearFraction(attainment, curve.table);
    raw = targetIncentive * f;
    steps.push({ kind: 'point', item: `curve at ${pct(attainment)}`, base: targetIncentive, rate: f, amount: raw });
  }
  if (terms.threshold !== undefined && attainment < terms.threshold) {
    steps.push({ kind: 'gate', item: `below threshold ${pct(terms.threshold)}`, base: null, rate: null, amount: -raw });
    return steps;
  }
  if (terms.cap !== undefined && raw > terms.cap * targetIncentive) {
    steps.push({
      kind: 'cap',
      item: `cap at ${+terms.cap.toPrecision(12)}× target`,
      base: null,
      rate: null,
      amount: terms.cap * targetIncentive - raw,
    });
  }
  return steps;
}
