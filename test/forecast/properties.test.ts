/** Invariants of the forecasts and intervals, and the analytic ETS variances against their closed forms. */
import fc from 'fast-check';
import { fitEtsModel, forecastEts, forecastSeries, normalQuantile, type EtsFit } from '../../src/forecast';

const SEED = 20261128;

describe('ETS analytic variances against the closed forms of Hyndman et al. (2008), Table 6.1', () => {
  // A fitted model with parameters set by hand (the variance formulas depend only on them and σ²).
  const base = (spec: EtsFit['spec'], params: EtsFit['params'], state: number[], m: number): EtsFit => ({
    spec,
    name: '',
    m,
    params,
    initialState: state,
    finalState: state,
    logLik: 0,
    aic: 0,
    aicc: 0,
    bic: 0,
    sigma2: 4,
    residuals: [],
    fitted: [],
  });

  test('ETS(A,N,A): v_h = σ²[1 + (h−1)α² + γ(2α + γ)·⌊(h−1)/m⌋]', () => {
    // α = 0.3, γ = 0.2, m = 4, σ² = 4: h = 1 → 4; h = 5 → 4(1 + 4·0.09 + 0.2·0.8·1) = 4·1.52 = 6.08;
    // h = 9 → 4(1 + 8·0.09 + 0.16·2) = 4·2.04 = 8.16.
    const fit = base(
      { error: 'A', trend: 'N', season: 'A', damped: false },
      { alpha: 0.3, gamma: 0.2 },
      [100, 1, -1, 2, -2],
      4,
    );
    const f = forecastEts(fit, 9, 0.95);
    const z = normalQuantile(0.975);
    const half = (h: number) => (f.upper![h - 1] - f.lower![h - 1]) / 2 / z;
    expect(half(1) ** 2).toBeCloseTo(4, 10);
    expect(half(5) ** 2).toBeCloseTo(6.08, 10);
    expect(half(9) ** 2).toBeCloseTo(8.16, 10);
  });

  test('ETS(A,A,N): v_h = σ²[1 + (h−1){α² + αβh + β²h(2h−1)/6}]', () => {
    // α = 0.5, β = 0.1, σ² = 4, h = 3: 1 + 2·(0.25 + 0.15 + 0.01·3·5/6) = 1 + 2·0.425 = 1.85 → 7.4.
    const fit = base({ error: 'A', trend: 'A', season: 'N', damped: false }, { alpha: 0.5, beta: 0.1 }, [100, 2], 1);
    const f = forecastEts(fit, 3, 0.95);
    const z = normalQuantile(0.975);
    expect(((f.upper![2] - f.lower![2]) / 2 / z) ** 2).toBeCloseTo(7.4, 10);
    // Means: l + hb = 102, 104, 106.
    expect(f.mean).toEqual([102, 104, 106]);
  });

  test('ETS(M,N,N): v_h = μ²[(1 + σ²)(1 + α²σ²)^(h−1) − 1]', () => {
    // σ² = 4 is large; take a model with σ² = 0.01, α = 0.5, l = 100, h = 3:
    // 100²·(1.01·1.0025² − 1) = 10000·(1.01·1.00500625 − 1) = 10000·0.0150563125 = 150.563125.
    const fit = {
      ...base({ error: 'M', trend: 'N', season: 'N', damped: false }, { alpha: 0.5 }, [100], 1),
      sigma2: 0.01,
    };
    const f = forecastEts(fit, 3, 0.95);
    const z = normalQuantile(0.975);
    expect(((f.upper![2] - f.lower![2]) / 2 / z) ** 2).toBeCloseTo(150.563125, 8);
  });

  test('simulated intervals (multiplicative trend) agree with the analytic ones of the nearest linear model', () => {
    // ETS(M,M,N) with growth b = 1 (flat) behaves as ETS(M,N,N) to first order for h = 1: the one-step
    // distribution is exactly μ(1 + ε), so the 95 % bounds are μ(1 ± 1.96σ) up to simulation error (2000 paths).
    const fit = {
      ...base({ error: 'M', trend: 'M', season: 'N', damped: false }, { alpha: 0.5, beta: 0.01 }, [100, 1], 1),
      sigma2: 0.0025,
    };
    const f = forecastEts(fit, 2, 0.95);
    expect(f.lower![0]).toBeGreaterThan(100 * (1 - 1.96 * 0.05) - 1);
    expect(f.lower![0]).toBeLessThan(100 * (1 - 1.96 * 0.05) + 1);
    expect(f.upper![0]).toBeGreaterThan(100 * (1 + 1.96 * 0.05) - 1);
    expect(f.upper![0]).toBeLessThan(100 * (1 + 1.96 * 0.05) + 1);
    // Seeded: the same call gives the same bounds.
    expect(forecastEts(fit, 2, 0.95)).toEqual(f);
  });
});

describe('properties (fast-check, fixed seed)', () => {
  const series = fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 40 });
  const methods = fc.constantFrom('auto', 'ets', 'theta', 'damped', 'linear', 'naive', 'snaive');

  test('forecasts are finite and lower ≤ forecast ≤ upper', () => {
    fc.assert(
      fc.property(
        series,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0, 1, 4),
        methods,
        (y, h, seasonality, method) => {
          const m = method === 'snaive' && seasonality > y.length ? 0 : seasonality;
          const f = forecastSeries(y, h, { seasonality: m, method, level: 0.9 });
          expect(f.mean).toHaveLength(h);
          for (let i = 0; i < h; i++) {
            expect(Number.isFinite(f.mean[i])).toBe(true);
            expect(f.lower![i]).toBeLessThanOrEqual(f.mean[i] + 1e-9 * Math.abs(f.mean[i]));
            expect(f.upper![i]).toBeGreaterThanOrEqual(f.mean[i] - 1e-9 * Math.abs(f.mean[i]));
          }
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  test('a wider confidence gives a wider interval', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 8 }), methods, (y, h, method) => {
        let narrow;
        try {
          narrow = forecastSeries(y, h, { seasonality: 0, method, level: 0.8 });
        } catch (e) {
          // "ets" refuses series on which no model has a finite AICc (e.g. 4 almost equal values), with a message.
          expect((e as Error).name).toBe('ModelInputError');
          expect(method).toBe('ets');
          return;
        }
        const wide = forecastSeries(y, h, { seasonality: 0, method, level: 0.95 });
        for (let i = 0; i < h; i++) {
          expect(wide.lower![i]).toBeLessThanOrEqual(narrow.lower![i] + 1e-9);
          expect(wide.upper![i]).toBeGreaterThanOrEqual(narrow.upper![i] - 1e-9);
        }
      }),
      { seed: SEED + 1, numRuns: 30 },
    );
  });

  test('shifting the series shifts the additive forecasts (naive, linear, theta)', () => {
    fc.assert(
      fc.property(
        series,
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.constantFrom('naive', 'linear'),
        (y, c, method) => {
          const a = forecastSeries(y, 3, { seasonality: 0, method }).mean;
          const b = forecastSeries(
            y.map((v) => v + c),
            3,
            { seasonality: 0, method },
          ).mean;
          a.forEach((v, i) => expect(b[i]).toBeCloseTo(v + c, 6));
        },
      ),
      { seed: SEED + 2, numRuns: 50 },
    );
  });

  test('bad input never crashes: it throws a ModelInputError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.constant(null)), { maxLength: 10 }),
        fc.integer({ min: -5, max: 20 }),
        fc.option(fc.double(), { nil: undefined }),
        (y, h, level) => {
          try {
            const f = forecastSeries(y, h, { level, method: 'naive' });
            expect(f.mean.every(Number.isFinite)).toBe(true);
          } catch (e) {
            expect((e as Error).name).toBe('ModelInputError');
          }
        },
      ),
      { seed: SEED + 3, numRuns: 200 },
    );
  });
});

test('a fit with fixed smoothing parameters outside the admissible region is refused', () => {
  expect(() =>
    fitEtsModel([1, 2, 3, 4, 5, 6], 1, { error: 'A', trend: 'N', season: 'N', damped: false }, { alpha: 1.5 }),
  ).toThrow(/admissible/);
});
