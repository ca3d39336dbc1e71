/**
 * The Nelder–Mead simplex minimiser, a line-by-line port of R's `nmmin` (src/appl/optim.c, used by `optim` and
 * by forecast::ets through `etsNelderMead`), so that fits start and stop as R's do: initial step 10 % of the
 * largest |parameter|, reflection 1, contraction 0.5, expansion 2, relative tolerance √ε.
 */

/** The result of a minimisation: the best point, its value and the number of function evaluations. */
export interface MinimizeResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

const BIG = 1.0e35;

/**
 * Fills vertices 2…n+1 of the simplex P (coordinate i of vertex j in P[i][j]; vertex 1 is `b`): vertex j + 1
 * moves coordinate j by a step of 10 % of the largest |b_i| (0.1 when all are 0), ×10 until it changes the
 * value. Returns the size of the simplex (the sum of the steps).
 */
function initialSimplex(P: number[][], b: readonly number[]): number {
  const n = b.length;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(b[i]) > step) step = 0.1 * Math.abs(b[i]);
  if (step === 0) step = 0.1;
  for (let j = 2; j <= n + 1; j++) {
    for (let i = 0; i < n; i++) P[i][j - 1] = b[i];
    let trystep = step;
    while (P[j - 2][j - 1] === b[j - 2]) {
      P[j - 2][j - 1] = b[j - 2] + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  return size;
}

/** Writes into column `into` of P the centroid of the n + 1 vertices less vertex `without` (0-based). */
function centroidWithout(P: number[][], without: number, into: number): void {
  const n = P.length - 1;
  for (let i = 0; i < n; i++) {
    let temp = -P[i][without];
    for (let j = 0; j <= n; j++) temp += P[i][j];
    P[i][into] = temp / n;
  }
}

/** Shrinks every vertex towards vertex `best` (0-based) by the factor `bet`; returns the new simplex size. */
function shrinkTowards(P: number[][], best: number, bet: number): number {
  const n = P.length - 1;
  let size = 0;
  for (let j = 0; j <= n; j++) {
    if (j !== best) {
      for (let i = 0; i < n; i++) {
        P[i][j] = bet * (P[i][j] - P[i][best]) + P[i][best];
        size += Math.abs(P[i][j] - P[i][best]);
      }
    }
  }
  return size;
}

/** Evaluates every vertex of P but `keep` (0-based) into row n, using `b` as scratch; returns the evaluations. */
function evaluateVertices(P: number[][], keep: number, b: number[], evalAt: (x: number[]) => number): number {
  const n = P.length - 1;
  let count = 0;
  for (let j = 0; j <= n; j++) {
    if (j !== keep) {
      for (let i = 0; i < n; i++) b[i] = P[i][j];
      P[n][j] = evalAt(b);
      count++;
    }
  }
  return count;
}

/**
 * The best (lowest) and worst (highest) vertices, 1-based as in R's nmmin, scanning from the current best `L`
 * so that ties keep R's choice.
 */
function bestAndWorst(P: number[][], L: number): [number, number] {
  const n = P.length - 1;
  let VL = P[n][L - 1];
  let VH = VL;
  let H = L;
  for (let j = 1; j <= n + 1; j++) {
    if (j !== L) {
      const v = P[n][j - 1];
      if (v < VL) {
        L = j;
        VL = v;
      }
      if (v > VH) {
        H = j;
        VH = v;
      }
    }
  }
  return [L, H];
}

/** Sets vertex `j` (0-based) of P to the point x with value v. */
function setVertex(P: number[][], j: number, x: readonly number[], v: number): void {
  const n = P.length - 1;
  for (let i = 0; i < n; i++) P[i][j] = x[i];
  P[n][j] = v;
}

/** Minimises `f` from `start` by Nelder–Mead; non-finite values count as 1e35. Stops after `maxEvaluations`. */
export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  maxEvaluations = 2000,
  relTol = Math.sqrt(Number.EPSILON),
): MinimizeResult {
  const n = start.length;
  const alpha = 1;
  const bet = 0.5;
  const gamm = 2;
  const b = [...start];
  const evalAt = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : BIG;
  };
  let fv = f(b);
  if (!Number.isFinite(fv)) return { x: b, value: Infinity, evaluations: 1, converged: false };
  if (n === 0) return { x: b, value: fv, evaluations: 1, converged: true };
  let funcount = 1;
  const convtol = relTol * (Math.abs(fv) + relTol);
  const n1 = n + 1;
  const C = n + 2;
  // P[i][j]: coordinate i of vertex j (i < n), P[n][j] its value; column C-1 holds the centroid.
  const P = Array.from({ length: n1 }, () => new Array<number>(n + 2).fill(0));
  P[n1 - 1][0] = fv;
  for (let i = 0; i < n; i++) P[i][0] = b[i];
  let L = 1;
  let oldsize = initialSimplex(P, b);
  let calcvert = true;
  let failed = false;
  let VL: number;
  let VH: number;
  let H: number;
  for (;;) {
    if (calcvert) {
      funcount += evaluateVertices(P, L - 1, b, evalAt);
      calcvert = false;
    }
    [L, H] = bestAndWorst(P, L);
    VL = P[n1 - 1][L - 1];
    VH = P[n1 - 1][H - 1];
    if (VH <= VL + convtol) break;
    centroidWithout(P, H - 1, C - 1);
    for (let i = 0; i < n; i++) b[i] = (1 + alpha) * P[i][C - 1] - alpha * P[i][H - 1];
    fv = evalAt(b);
    funcount++;
    const VR = fv;
    if (VR < VL) {
      P[n1 - 1][C - 1] = fv;
      for (let i = 0; i < n; i++) {
        const t = gamm * b[i] + (1 - gamm) * P[i][C - 1];
        P[i][C - 1] = b[i];
        b[i] = t;
      }
      fv = evalAt(b);
      funcount++;
      if (fv < VR) setVertex(P, H - 1, b, fv);
      else {
        for (let i = 0; i < n; i++) P[i][H - 1] = P[i][C - 1];
        P[n1 - 1][H - 1] = VR;
      }
    } else {
      if (VR < VH) setVertex(P, H - 1, b, VR);
      for (let i = 0; i < n; i++) b[i] = (1 - bet) * P[i][H - 1] + bet * P[i][C - 1];
      fv = evalAt(b);
      funcount++;
      if (fv < P[n1 - 1][H - 1]) setVertex(P, H - 1, b, fv);
      else if (VR >= VH) {
        calcvert = true;
        const size = shrinkTowards(P, L - 1, bet);
        if (size < oldsize) oldsize = size;
        else {
          failed = true;
          break;
        }
      }
    }
    if (funcount > maxEvaluations) break;
  }
  const x = new Array<number>(n);
  for (let i = 0; i < n; i++) x[i] = P[i][L - 1];
  return { x, value: P[n1 - 1][L - 1], evaluations: funcount, converged: !failed && funcount <= maxEvaluations };
}
