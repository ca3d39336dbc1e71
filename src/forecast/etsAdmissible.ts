/**
 * The parameter region of ETS fits: R's `admissible` (the forecastability region, Hyndman et al. 2008, ch. 10)
 * and `check.param` (usual bounds and admissibility).
 */

/**
 * Work buffers of `admissible` for season length m: the characteristic polynomial and the two rows of the
 * Schur–Cohn test. A fit allocates one and passes it to every check, so the optimiser allocates nothing per call
 * and the module keeps no state.
 */
export interface AdmissibleScratch {
  readonly poly: Float64Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/** Buffers for `admissible` with season length m (polynomials of up to m + 2 coefficients). */
export function admissibleScratch(m: number): AdmissibleScratch {
  const len = Math.max(m + 2, 2);
  return { poly: new Float64Array(len), a: new Float64Array(len), b: new Float64Array(len) };
}

/**
 * True when all roots of the polynomial Σ c_k z^k (increasing order, c_last ≠ 0) have modulus ≤ 1 + 1e-10
 * (the Schur–Cohn test on p((1 + 1e-10)·z); R's `admissible` computes the roots with polyroot). Only the
 * first `len` coefficients are read; `scratch` (from `admissibleScratch(m)` with m + 2 ≥ len) is overwritten.
 */
export function rootsWithinUnitCircle(
  coefficients: ArrayLike<number>,
  len = coefficients.length,
  scratch: AdmissibleScratch = admissibleScratch(len),
): boolean {
  let a = scratch.a;
  let next = scratch.b;
  let scale = 1;
  for (let k = 0; k < len; k++) {
    a[k] = coefficients[k] * scale;
    scale *= 1 + 1e-10;
  }
  for (let d = len - 1; d >= 1; d--) {
    const a0 = a[0];
    const ad = a[d];
    if (!(Math.abs(a0) < Math.abs(ad))) return false;
    for (let k = 0; k < d; k++) next[k] = ad * a[k + 1] - a0 * a[d - 1 - k];
    // Rescale to keep the magnitudes near 1.
    const norm = Math.abs(next[d - 1]) || 1;
    for (let k = 0; k < d; k++) next[k] /= norm;
    const t = a;
    a = next;
    next = t;
  }
  return true;
}

/**
 * R's `admissible`: the forecastability region of the parameters (Hyndman et al. 2008, ch. 10); `scratch` from
 * `admissibleScratch(m)` (allocated per call when omitted).
 */
export function admissible(
  alpha: number,
  beta: number | undefined,
  gamma: number | undefined,
  phi: number | undefined,
  m: number,
  scratch?: AdmissibleScratch,
): boolean {
  const ph = phi ?? 1;
  if (ph < 0 || ph > 1 + 1e-8) return false;
  if (gamma === undefined) {
    if (alpha < 1 - 1 / ph || alpha > 1 + 1 / ph) return false;
    if (beta !== undefined && (beta < alpha * (ph - 1) || beta > (1 + ph) * (2 - alpha))) return false;
  } else if (m > 1) {
    const be = beta ?? 0;
    if (gamma < Math.max(1 - 1 / ph - alpha, 0) || gamma > 1 + 1 / ph - alpha) return false;
    if (alpha < 1 - 1 / ph - (gamma * (1 - m + ph + ph * m)) / (2 * ph * m)) return false;
    if (be < -(1 - ph) * (gamma / m + alpha)) return false;
    const work = scratch ?? admissibleScratch(m);
    const poly = work.poly;
    poly[0] = ph * (1 - alpha - gamma);
    poly[1] = alpha + be - alpha * ph + gamma - 1;
    for (let k = 0; k < m - 2; k++) poly[2 + k] = alpha + be - alpha * ph;
    poly[m] = alpha + be - ph;
    poly[m + 1] = 1;
    if (!rootsWithinUnitCircle(poly, m + 2, work)) return false;
  }
  return true;
}

/** R's `check.param` with bounds = "both": the usual bounds and admissibility (`scratch` as `admissible`). */
export function checkParams(
  alpha: number,
  beta: number | undefined,
  gamma: number | undefined,
  phi: number | undefined,
  lower: readonly number[],
  upper: readonly number[],
  m: number,
  scratch?: AdmissibleScratch,
): boolean {
  if (alpha < lower[0] || alpha > upper[0]) return false;
  if (beta !== undefined && (beta < lower[1] || beta > alpha || beta > upper[1])) return false;
  if (phi !== undefined && (phi < lower[3] || phi > upper[3])) return false;
  if (gamma !== undefined && (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])) return false;
  return admissible(alpha, beta, gamma, phi, m, scratch);
}
