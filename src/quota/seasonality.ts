/**
 * Seasonality: an annual quota spread over months by weights that sum to 1, and quarterly roll-ups.
 */
import { invalid } from '../shared/errors';
import { sumCents } from '../shared/money';
import { splitCents } from '../shared/money';
import { checkMonthList, checkNonNegative } from './limits';

/** How far the seasonality weights may be from summing to 1 (rounding in a sheet of percentages). */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * Spreads an annual quota (money) over periods by seasonality `weights` (fractions ≥ 0 that sum to 1, usually 12
 * of them): monthly amounts in whole cents that add up exactly to the annual quota (largest remainder).
 */
export function spreadAnnual(annual: number, weights: readonly number[], arg = 'weights'): number[] {
  checkNonNegative(annual, 'annual_quota');
  if (weights.length === 0) invalid(`${arg}: at least one weight is required.`);
  checkMonthList(weights.length, arg, 'weights');
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) invalid(`${arg}: item ${i + 1}: expected a weight of 0 or more, got ${w}.`);
  });
  const sum = weights.reduce((s, w) => s + w, 0);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    invalid(`${arg}: the weights must sum to 1 (100%), they sum to ${sum}; divide each by their total.`);
  }
  return splitCents(annual, weights, arg);
}

/**
 * Sums monthly amounts by quarter (groups of 3 from the first month); a last partial quarter sums what it has.
 * Sums are exact in cents for amounts already rounded to the cent.
 */
export function quarterlyRollup(monthly: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < monthly.length; i += 3) out.push(sumCents(monthly.slice(i, i + 3)));
  return out;
}
