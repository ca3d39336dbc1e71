/** Hand-checkable forecasts: every expected value is worked out in the comment next to it. */
import {
  etsFilter,
  fitEtsModel,
  forecastEts,
  forecastSeries,
  linearForecast,
  naiveForecast,
  driftForecast,
  seasonalNaiveForecast,
  fillMissing,
  detectSeasonLength,
  isSeasonal,
  rootsWithinUnitCircle,
  normalQuantile,
  type EtsFit,
} from '../../src/forecast';

describe('benchmark methods', () => {
  test('naive repeats the last value; σ² is the mean squared one-step change', () => {
    // y = 10, 12, 11, 13: changes 2, −1, 2 → σ² = (4 + 1 + 4)/3 = 3; h-step variance 3h.
    const f = naiveForecast([10, 12, 11, 13], 3, 0.95);
    expect(f.mean).toEqual([13, 13, 13]);
    const z = normalQuantile(0.975); // 1.959963984540054
    expect(f.upper![0] - 13).toBeCloseTo(z * Math.sqrt(3), 12);
    expect(f.upper![2] - 13).toBeCloseTo(z * Math.sqrt(9), 12);
    expect(13 - f.lower![1]).toBeCloseTo(z * Math.sqrt(6), 12);
  });

  test('random walk with drift: the last value plus k times the mean change; σ² about the drift, n − 2 df', () => {
    // y = 10, 12, 11, 15, 17: drift c = (17 − 10)/4 = 1.75 → 18.75, 20.5, 22.25.
    // Changes 2, −1, 4, 2 less c: 0.25, −2.75, 2.25, 0.25; squares 0.0625 + 7.5625 + 5.0625 + 0.0625 = 12.75;
    // σ² = 12.75/(5 − 2) = 4.25; k-step half-width z·√(4.25·k): k = 1 → 1.959964·2.061553 = 4.040570.
    const f = driftForecast([10, 12, 11, 15, 17], 3, 0.95);
    expect(f.mean).toEqual([18.75, 20.5, 22.25]);
    const z = normalQuantile(0.975);
    expect(f.upper![0] - 18.75).toBeCloseTo(4.04057, 5);
    expect(f.upper![0] - 18.75).toBeCloseTo(z * Math.sqrt(4.25), 12);
    expect(22.25 - f.lower![2]).toBeCloseTo(z * Math.sqrt(4.25 * 3), 12);
    // Two values: a straight line through them, σ = 0 (zero width); no interval without a level.
    const two = driftForecast([3, 5], 2, 0.9);
    expect(two.mean).toEqual([7, 9]);
    expect(two.upper).toEqual([7, 9]);
    expect(driftForecast([3, 5], 1).lower).toBeUndefined();
  });

  test('seasonal naive repeats the last season', () => {
    // m = 4, last season 5, 6, 7, 8: periods 1…6 ahead are 5, 6, 7, 8, 5, 6.
    expect(seasonalNaiveForecast([1, 2, 3, 4, 5, 6, 7, 8], 4, 6).mean).toEqual([5, 6, 7, 8, 5, 6]);
    // m = 3, n = 7 (not a whole number of seasons): last 3 values 5, 6, 7 → 5, 6, 7, 5.
    expect(seasonalNaiveForecast([1, 2, 3, 4, 5, 6, 7], 3, 4).mean).toEqual([5, 6, 7, 5]);
  });

  test('linear trend equals FORECAST.LINEAR', () => {
    // (t, y) = (1, 2), (2, 4), (3, 5), (4, 4), (5, 5): t̄ = 3, ȳ = 4, Sxy = (−2)(−2)+(−1)(0)+0+(1)(0)+(2)(1) = 6,
    // Sxx = 10 → slope 0.6, intercept 4 − 1.8 = 2.2; t = 6 → 5.8, t = 7 → 6.4.
    const f = linearForecast([2, 4, 5, 4, 5], 2);
    expect(f.mean[0]).toBeCloseTo(5.8, 12);
    expect(f.mean[1]).toBeCloseTo(6.4, 12);
  });

  test('linear trend interval: s·z·√(1 + 1/n + (t − t̄)²/Sxx)', () => {
    // Same data: residuals 2−2.8, 4−3.4, 5−4, 4−4.6, 5−5.2 = −0.8, 0.6, 1, −0.6, −0.2 → SSE 0.64+0.36+1+0.36+0.04 = 2.4,
    // s² = 2.4/3 = 0.8; t = 6: 1 + 1/5 + 9/10 = 2.1 → half-width z·√(0.8·2.1) = z·√1.68.
    const f = linearForecast([2, 4, 5, 4, 5], 1, 0.9);
    const z = normalQuantile(0.95);
    expect(f.upper![0] - f.mean[0]).toBeCloseTo(z * Math.sqrt(1.68), 10);
  });
});

describe('simple exponential smoothing', () => {
  const ann = { error: 'A', trend: 'N', season: 'N', damped: false } as const;

  test('the recursion with a fixed alpha', () => {
    // α = 0.5, l₀ = 10, y = 12, 11, 13:
    // ŷ₁ = 10, e₁ = 2, l₁ = 10 + 0.5·2 = 11; ŷ₂ = 11, e₂ = 0, l₂ = 11; ŷ₃ = 11, e₃ = 2, l₃ = 12.
    // Criterion n·log Σe² = 3·log 8.
    const r = etsFilter([12, 11, 13], ann, 1, [10], 0.5, 0, 0, 1);
    expect(Array.from(r.fitted)).toEqual([10, 11, 11]);
    expect(Array.from(r.e)).toEqual([2, 0, 2]);
    expect(r.finalState).toEqual([12]);
    expect(r.lik).toBeCloseTo(3 * Math.log(8), 12);
  });

  test('maximum likelihood with a fixed alpha finds the least-squares initial level', () => {
    // α = 0.5: e₁ = 12 − l₀, l₁ = 6 + l₀/2, e₂ = 5 − l₀/2, l₂ = 8.5 + l₀/4, e₃ = 4.5 − l₀/4 (y = 12, 11, 13, 12 adds
    // e₄ = 12 − l₃ with l₃ = l₂ + e₃/2 = 10.75 + l₀/8, e₄ = 1.25 − l₀/8).
    // d/dl₀ Σe² = 0: (12 − l₀) + ½(5 − l₀/2) + ¼(4.5 − l₀/4) + ⅛(1.25 − l₀/8) = 0
    // → 12 + 2.5 + 1.125 + 0.15625 = l₀(1 + ¼ + 1/16 + 1/64) → l₀ = 15.78125 / 1.328125 = 11.882352941…
    const fit = fitEtsModel([12, 11, 13, 12], 1, ann, { alpha: 0.5 }) as EtsFit;
    expect(fit.params.alpha).toBe(0.5);
    expect(fit.initialState[0]).toBeCloseTo(15.78125 / 1.328125, 3);
    // Forecast = l₄ = l₃ + e₄/2 with l₀ = 11.88235: l₃ = 10.75 + 1.48529 = 12.23529, e₄ = −0.23529 → 12.11765.
    expect(forecastEts(fit, 2).mean[0]).toBeCloseTo(12.117647, 3);
  });
});

describe('seasonal series', () => {
  const pure = [10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40];

  test.each(['auto', 'ets', 'theta', 'damped', 'snaive'] as const)(
    '%s forecasts a pure seasonal series back',
    (method) => {
      // The series repeats 10, 20, 30, 40: the next six periods are 10, 20, 30, 40, 10, 20.
      const f = forecastSeries(pure, 6, { seasonality: 4, method });
      [10, 20, 30, 40, 10, 20].forEach((v, i) => expect(f.mean[i]).toBeCloseTo(v, 6));
    },
  );

  test('the season length is detected', () => {
    expect(detectSeasonLength(pure)).toBe(4);
    const monthly = Array.from({ length: 60 }, (_, t) => 100 + 0.5 * t + 20 * Math.sin((2 * Math.PI * t) / 12));
    expect(detectSeasonLength(monthly)).toBe(12);
    expect(forecastSeries(monthly, 1).seasonLength).toBe(12);
    // A straight line has no season.
    expect(detectSeasonLength(Array.from({ length: 40 }, (_, t) => 3 * t + 1))).toBe(1);
  });

  test("thetaf's seasonality test", () => {
    const monthly = Array.from({ length: 60 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12));
    expect(isSeasonal(monthly, 12)).toBe(true);
    // n ≤ 2m: never seasonal.
    expect(isSeasonal(monthly.slice(0, 24), 12)).toBe(false);
  });
});

describe('series tools', () => {
  test('missing values are filled by linear interpolation', () => {
    // Gap between 10 (index 1) and 16 (index 4): 12, 14; leading blank takes 10, trailing blank takes 16.
    expect(fillMissing([null, 10, null, null, 16, null])).toEqual([10, 10, 12, 14, 16, 16]);
  });

  test('blanks inside the history are interpolated; trailing blanks do not push the forecast out', () => {
    // 10, (12), 14, blank, blank → history 10, 12, 14 → naive forecast 14 for the next period.
    expect(forecastSeries([10, null, 14, null, null], 1, { method: 'naive' }).mean).toEqual([14]);
  });

  test('the Schur–Cohn root test', () => {
    // (z − 0.5)(z + 0.8) = z² + 0.3z − 0.4: roots inside; (z − 0.5)(z − 3) = z² − 3.5z + 1.5: a root at 3.
    expect(rootsWithinUnitCircle([-0.4, 0.3, 1])).toBe(true);
    expect(rootsWithinUnitCircle([1.5, -3.5, 1])).toBe(false);
    // z − 1: a root on the unit circle is allowed (R: |root| ≤ 1 + 1e-10).
    expect(rootsWithinUnitCircle([-1, 1])).toBe(true);
    expect(rootsWithinUnitCircle([-1.001, 1])).toBe(false);
  });

  test('the normal quantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 8);
  });
});
