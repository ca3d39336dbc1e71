/**
 * Splitting an amount of money into parts by shares so that the parts are whole cents and add up to the amount
 * exactly (largest-remainder method: each part gets its floor in cents, the cents left over go one each to the
 * parts with the largest remainders, ties to the earlier part).
 */
import { invalid } from '../shared/errors';

/**
 * Splits `amount` (money, ≥ 0, rounded to the cent first) in proportion to `weights` (≥ 0, not all 0): parts in
 * whole cents whose sum is exactly the amount rounded to the cent.
 */
export function splitCents(amount: number, weights: readonly number[], arg = 'weights'): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) invalid(`${arg}: at least one weight is required.`);
  if (!(total > 0) || !Number.isFinite(total)) invalid(`${arg}: the weights must add up to more than 0.`);
  const cents = Math.round(amount * 100);
  const raw = weights.map((w) => (cents * w) / total);
  const floors = raw.map((r) => Math.floor(r));
  let left = cents - floors.reduce((s, c) => s + c, 0);
  const order = raw.map((r, i) => i).sort((a, b) => raw[b] - floors[b] - (raw[a] - floors[a]) || a - b);
  for (let j = 0; left > 0 && j < order.length; j = (j + 1) % order.length) {
    if (weights[order[j]] > 0) {
      floors[order[j]]++;
      left--;
    }
  }
  return floors.map((c) => c / 100);
}
