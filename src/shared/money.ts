/**
 * Money rounding policy: amounts are computed in full precision and rounded once, to the cent, at the payable
 * amount, half away from zero like Excel's ROUND(x, 2). Never round inside tier sums. Parts that must add up to
 * a total to the cent (a statement's lines, a quota spread over months or reps) are settled by largest remainder,
 * `settleCents`, in one place.
 */
import { invalid } from './errors';

/**
 * Rounds `x` to `digits` decimals, half away from zero, as Excel's ROUND does for values typed in a cell:
 * 1.005 → 1.01 and 2.675 → 2.68 (binary floating point stores both just below the half; the value is first
 * brought to 15 significant digits, Excel's display precision, so the decimal the user sees is what rounds).
 */
export function roundHalfAwayFromZero(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const at15 = Number(a.toPrecision(15));
  const scaled = Number((at15 * 10 ** digits).toPrecision(15));
  const r = Math.floor(scaled + 0.5) / 10 ** digits;
  const out = sign * Number(r.toFixed(Math.max(0, digits)));
  return out === 0 ? 0 : out;
}

/**
 * Rounds an amount of money to the cent, half away from zero: the same result as `roundHalfAwayFromZero(x, 2)`,
 * fast. The exact path first brings |x| to its nearest 15-significant-digit decimal; in cents that moves it by
 * at most the half-spacing of that grid, which lies in (|x| × 5e-14, |x| × 5e-13]. With s = x × 100 (off by at
 * most |x| × 1.2e-14 cents) and r = Math.round(s):
 * - |s − r| < 0.499 and |s| < 1e11 (|x| < 1e9, so both errors together stay under 0.000513 cents): s is more than
 *   0.001 cents from a half, the 15-digit value lies on the same side of the half as x, and r/100 is the answer;
 * - otherwise `nearHalfCents` decides (true halves such as 1,234.50 × 0.05 = 61.725, large amounts, non-finite).
 */
export function toCents(x: number): number {
  const s = x * 100;
  const r = Math.round(s);
  const f = s - r;
  if (f < 0.499 && f > -0.499 && s < 1e11 && s > -1e11) return r / 100 + 0;
  return nearHalfCents(x);
}

/**
 * `toCents` for amounts near a half cent (or ≥ 1e9, or non-finite). With s = |x| × 100 and d = s − (⌊s⌋ + ½):
 * - |d| clearly above the largest half-spacing: plain half-away rounding of s agrees with the exact path;
 * - |d| clearly below the smallest half-spacing: the 15-digit value IS the half cent, which rounds away from zero;
 * - otherwise (a hair's breadth from the band's edges: rare), and for |x| ≥ 1e9, the exact path decides.
 */
function nearHalfCents(x: number): number {
  const a = x < 0 ? -x : x;
  if (a < 1e9) {
    const s = a * 100;
    const k = Math.floor(s);
    const d = s - k - 0.5;
    const ad = d < 0 ? -d : d;
    const err = a * 1.2e-14;
    let up: boolean | undefined;
    if (ad - err > a * 5e-13) up = d > 0;
    else if (ad + err < a * 5e-14) up = true;
    if (up !== undefined) {
      const r = (up ? k + 1 : k) / 100;
      return r === 0 ? 0 : x < 0 ? -r : r;
    }
  }
  return roundHalfAwayFromZero(x, 2);
}

/** `toCents(x)` as a whole number of cents (an integer; never −0). */
export function centsOf(x: number): number {
  return Math.round(toCents(x) * 100) + 0;
}

/**
 * Sum of amounts in integer cents (exact for amounts up to ±90 trillion): use it to add already-rounded lines so
 * that a statement's lines and its total agree to the cent.
 */
export function sumCents(amounts: readonly number[]): number {
  let cents = 0;
  for (const a of amounts) cents += Math.round(a * 100);
  return cents / 100;
}

/**
 * Largest remainder: adds or takes one cent at a time from `cents` (integer cents, a rounding of `exactCents`)
 * until they add up to `totalCents`, taking first the parts whose rounding moved them furthest against the
 * direction needed (ties to the earlier part), cycling if needed; `eligible(i)` false leaves part i as it is.
 * Changes and returns `cents`.
 */
export function settleCents(
  exactCents: readonly number[],
  cents: number[],
  totalCents: number,
  eligible: (i: number) => boolean = () => true,
): number[] {
  let diff = totalCents - cents.reduce((a, b) => a + b, 0);
  if (diff === 0 || cents.length === 0) return cents;
  const step = diff > 0 ? 1 : -1;
  // remainder in the direction of the step: how much the part lost (step +1) or gained (step −1) by rounding
  const order = exactCents
    .map((x, i) => ({ i, r: (x - cents[i]) * step }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .filter((o) => eligible(o.i));
  for (let k = 0; diff !== 0 && order.length > 0; k = (k + 1) % order.length) {
    cents[order[k].i] += step;
    diff -= step;
  }
  return cents;
}

/**
 * Splits `amount` (money, ≥ 0, rounded to the cent first) in proportion to `weights` (≥ 0, not all 0): parts in
 * whole cents whose sum is exactly the amount rounded to the cent (each part its floor in cents, the cents left
 * over one each to the parts with the largest remainders, ties to the earlier part; a weight of 0 gets nothing).
 */
export function splitCents(amount: number, weights: readonly number[], arg = 'weights'): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) invalid(`${arg}: at least one weight is required.`);
  if (!(total > 0) || !Number.isFinite(total)) invalid(`${arg}: the weights must add up to more than 0.`);
  const cents = Math.round(amount * 100);
  const raw = weights.map((w) => (cents * w) / total);
  const floors = raw.map((r) => Math.floor(r));
  // Floors never add up to more than the amount; should rounding of `raw` make them, they are kept as they are.
  if (floors.reduce((s, c) => s + c, 0) < cents) settleCents(raw, floors, cents, (i) => weights[i] > 0);
  return floors.map((c) => c / 100);
}

/**
 * Rounds `exact` amounts (currency) to whole cents so that they add up to `totalCents` exactly: each is rounded
 * half away from zero, then the difference is settled by largest remainder (`settleCents`). Returns integer cents.
 */
export function allocateCents(exact: readonly number[], totalCents: number): number[] {
  const cents = exact.map((x) => Math.round(toCents(x) * 100));
  const diff = totalCents - cents.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(diff)) invalid('statement: an amount is not a finite number of cents.');
  return settleCents(
    exact.map((x) => x * 100),
    cents,
    totalCents,
  );
}
