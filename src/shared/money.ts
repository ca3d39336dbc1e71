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
 * fast. The exact path first brings |x| to its nearest 15-significant-digit decimal; in cents that moves it by
 * at most the half-spacing of that grid, which lies in (|x| × 5e-14, |x| × 5e-13]. With s = |x| × 100 (off by at
 * most |x| × 1.2e-14 cents) and d = s − (⌊s⌋ + ½) its distance from the half cent:
 * - |d| clearly above the largest half-spacing: the 15-digit value lies on the same side of the half as x, so
 *   plain half-away rounding of s agrees;
 * - |d| clearly below the smallest half-spacing: the 15-digit value IS the half cent (a typed 123.455, or an
 *   amount × rate such as 1,234.50 × 0.05 = 61.725), which rounds away from zero;
 * - otherwise (a hair's breadth from the band's edges: rare), and for |x| ≥ 1e9, the exact path decides.
 * ⌊s⌋ / 100 is the same double as Number((⌊s⌋ / 100).toFixed(2)) for these magnitudes. (test/shared/moneyFast.test.ts
 * checks the identity on random doubles, k/1000 decimals, amount × rate products and values a few ulps off a half.)
 */
export function toCents(x: number): number {
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
