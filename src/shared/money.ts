/**
 * Money rounding policy: amounts are computed in full precision and rounded once, to the cent, at the payable
 * amount, half away from zero like Excel's ROUND(x, 2). Never round inside tier sums.
 */

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
 * fast. For |x| < 1e9 the 15-digit step moves x × 100 by under 1e-3 of a cent, so whenever x × 100 is more than
 * 1e-3 away from a half cent, plain half-away rounding of x × 100 agrees, and k / 100 is the same double as
 * Number((k / 100).toFixed(2)). Everything else takes the exact path. (test/shared/money.test.ts checks the
 * identity on random doubles, k/1000 decimals and amount × rate products.)
 */
export function toCents(x: number): number {
  const a = x < 0 ? -x : x;
  if (a < 1e9) {
    const s = a * 100;
    const k = Math.floor(s);
    const f = s - k;
    if (f < 0.499 || f > 0.501) {
      const r = (f > 0.5 ? k + 1 : k) / 100;
      return r === 0 ? 0 : x < 0 ? -r : r;
    }
  }
  return roundHalfAwayFromZero(x, 2);
}

/** `toCents(x)` as a whole number of cents (an integer; never −0). */
export function centsOf(x: number): number {
  const y = x * 100;
  if (Math.abs(y) < 1e12) {
    const frac = y - Math.floor(y);
    if (Math.abs(frac - 0.5) > 1e-3) return Math.round(y) + 0;
  }
  return Math.round(roundHalfAwayFromZero(x, 2) * 100) + 0;
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
