/**
 * Native formulas for rate tables, written out tier by tier with nested IFs so that Excel adds and multiplies in
 * exactly the order the core does (src/comp/rates.ts, src/comp/curves.ts): the results agree to the last bit, not
 * only to the cent. `x` is the formula text of the amount (or attainment); `lowers`/`rates` one cell per tier.
 */

/**
 * Marginal amount: below[i] + rate_i × (x − lower_i) for the last tier i with lower_i < x (0 when none), where
 * below[i] = rate_0 × (lower_1 − lower_0) + … + rate_{i−1} × (lower_i − lower_{i−1}), added left to right.
 */
export function marginalFormula(x: string, lowers: readonly string[], rates: readonly string[]): string {
  let out = '0';
  for (let i = 0; i < lowers.length; i++) {
    const slices: string[] = [];
    for (let j = 0; j < i; j++) slices.push(`${rates[j]}*(${lowers[j + 1]}-${lowers[j]})`);
    slices.push(`${rates[i]}*(${x}-${lowers[i]})`);
    out = `IF(${x}>${lowers[i]},${slices.join('+')},${out})`;
  }
  return out;
}

/** Retroactive amount: x × rate_i for the last tier i with lower_i ≤ x (0 when none). */
export function retroFormula(x: string, lowers: readonly string[], rates: readonly string[]): string {
  let out = '0';
  for (let i = 0; i < lowers.length; i++) out = `IF(${x}>=${lowers[i]},${x}*${rates[i]},${out})`;
  return out;
}

/**
 * Piecewise-linear through the points (lower_i, rate_i): 0 below the first point, rate_{n−1} from the last,
 * y0 + ((y1 − y0) × (x − x0)) / (x1 − x0) between.
 */
export function linearFormula(x: string, lowers: readonly string[], rates: readonly string[]): string {
  const n = lowers.length;
  let out = '0';
  for (let i = 0; i < n; i++) {
    const at =
      i === n - 1
        ? rates[i]
        : `${rates[i]}+((${rates[i + 1]}-${rates[i]})*(${x}-${lowers[i]}))/(${lowers[i + 1]}-${lowers[i]})`;
    out = `IF(${x}>=${lowers[i]},${at},${out})`;
  }
  return out;
}
