/**
 * ETS and Theta against R 4 with forecast 8.20 (recorded here; R is not needed to run the tests).
 * The optimiser is a port of R's Nelder–Mead and the recursions of forecast's C code, so agreement is close:
 * tolerance 1e-6 relative on AICc and 1e-5 absolute on smoothing parameters, 1e-6 relative on forecasts,
 * unless a comment says otherwise.
 */
import { fitEtsModel, forecastEts, selectEts, thetaForecast } from '../../src/forecast';

// R: as.numeric(AirPassengers) (monthly, 1949–1960).
const AP = [
  112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114,
  140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209, 191,
  172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293, 259,
  229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 318, 374, 413, 405,
  355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318, 362, 348, 363, 435, 491,
  505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535,
  622, 606, 508, 461, 390, 432,
];
// M1 series YAF2 (yearly), /work/shared/datasets/m1.jsonl, train part.
const YAF2 = [
  3600, 7700, 12300, 30500, 47390, 57006, 98563, 117759, 115097, 133759, 142485, 169611, 216229, 253227, 313096, 322681,
  296245, 370333, 443826, 426751, 453627, 553400,
];

const rel = (got: number, want: number, tol: number) => expect(Math.abs(got - want) / Math.abs(want)).toBeLessThan(tol);

describe('ETS against R forecast 8.20', () => {
  test('AirPassengers: automatic choice is ETS(M,Ad,M) with R parameters and AICc', () => {
    // R: f <- ets(AirPassengers); f$method; f$par; f$aicc; f$loglik
    // → ETS(M,Ad,M) alpha 0.709551916209 beta 0.0204089193322 gamma 0.000100468309719 phi 0.979999926684
    //   aicc 1400.63843247 loglik -679.583216237
    const fit = selectEts(AP, 12);
    expect(fit.name).toBe('ETS(M,Ad,M)');
    expect(fit.params.alpha).toBeCloseTo(0.709551916209, 5);
    expect(fit.params.beta).toBeCloseTo(0.0204089193322, 5);
    expect(fit.params.gamma).toBeCloseTo(0.000100468309719, 5);
    expect(fit.params.phi).toBeCloseTo(0.979999926684, 5);
    rel(fit.aicc, 1400.63843247, 1e-6);
    rel(fit.logLik, -679.583216237, 1e-6);
    // R: forecast(f, h = 3, level = 95) → Jan 1961 441.801847278 [407.886278423, 475.717416133].
    // R's class3 means use l + b (not l + φb) for the damped trend; ours are the model's point forecasts
    // (l + φb)·s, so they differ by 0.01 %; the 95 % half-width agrees to 0.1 %.
    const fc = forecastEts(fit, 3, 0.95);
    rel(fc.mean[0], 441.801847278, 2e-4);
    rel((fc.upper![0] - fc.lower![0]) / 2, (475.717416133 - 407.886278423) / 2, 1e-3);
  });

  test('AirPassengers ETS(M,A,M): parameters, AICc and class-3 intervals', () => {
    // R: f2 <- ets(AirPassengers, model = "MAM", damped = FALSE); forecast(f2, h = 3, level = 95)
    // → alpha 0.394996850495 beta 0.0107004419033 gamma 0.399539202401 aicc 1403.66438097
    //   448.973767167 [413.971785785, 483.975748550]; 425.227817273 [389.481422994, 460.974211552];
    //   484.213711485 [440.646179214, 527.781243755]
    const fit = fitEtsModel(AP, 12, { error: 'M', trend: 'A', season: 'M', damped: false })!;
    expect(fit.params.alpha).toBeCloseTo(0.394996850495, 5);
    expect(fit.params.beta).toBeCloseTo(0.0107004419033, 5);
    expect(fit.params.gamma).toBeCloseTo(0.399539202401, 5);
    rel(fit.aicc, 1403.66438097, 1e-6);
    const fc = forecastEts(fit, 3, 0.95);
    const want = [
      [448.973767167, 413.971785785, 483.97574855],
      [425.227817273, 389.481422994, 460.974211552],
      [484.213711485, 440.646179214, 527.781243755],
    ];
    want.forEach(([m, lo, up], i) => {
      rel(fc.mean[i], m, 1e-6);
      rel(fc.lower![i], lo, 1e-6);
      rel(fc.upper![i], up, 1e-6);
    });
  });

  test('AirPassengers ETS(A,N,A): parameters, AICc and σ²', () => {
    // R: f3 <- ets(AirPassengers, model = "ANA"); f3$par; f3$aicc; f3$sigma2
    // → alpha 0.999899619707 gamma 0.000100251318452 aicc 1568.60907793 sigma2 327.408670106
    const fit = fitEtsModel(AP, 12, { error: 'A', trend: 'N', season: 'A', damped: false })!;
    expect(fit.params.alpha).toBeCloseTo(0.999899619707, 5);
    expect(fit.params.gamma).toBeCloseTo(0.000100251318452, 5);
    rel(fit.aicc, 1568.60907793, 1e-6);
    rel(fit.sigma2, 327.408670106, 1e-6);
  });

  test('M1 YAF2 (yearly): ETS(A,A,N) with R parameters, initial states, AICc and intervals', () => {
    // R: f4 <- ets(YAF2); f4$method; f4$par; f4$aicc
    // → ETS(A,A,N) alpha 0.185318469798 beta 0.16272719437 l -26439.605549 b 18787.9437312 aicc 532.293825488
    // R: forecast(f4, h = 3, level = 95) → 556280.7 [495633.6, 616927.8], 594333.0 [530117.6, 658548.4],
    //    632385.3 [561088.8, 703681.8]
    const fit = selectEts(YAF2, 1);
    expect(fit.name).toBe('ETS(A,A,N)');
    expect(fit.params.alpha).toBeCloseTo(0.185318469798, 5);
    expect(fit.params.beta).toBeCloseTo(0.16272719437, 5);
    rel(fit.initialState[0], -26439.605549, 1e-5);
    rel(fit.initialState[1], 18787.9437312, 1e-5);
    rel(fit.aicc, 532.293825488, 1e-6);
    const fc = forecastEts(fit, 3, 0.95);
    [
      [556280.7, 495633.6, 616927.8],
      [594333.0, 530117.6, 658548.4],
      [632385.3, 561088.8, 703681.8],
    ].forEach(([m, lo, up], i) => {
      rel(fc.mean[i], m, 1e-6);
      rel(fc.lower![i], lo, 1e-6);
      rel(fc.upper![i], up, 1e-6);
    });
  });
});

describe('Theta against R thetaf', () => {
  test('AirPassengers: seasonal Theta', () => {
    // R: th <- thetaf(AirPassengers, h = 3, level = 95); th$model$alpha; th$model$drift
    // → alpha 0.837752089949 drift 1.3230696288; 440.078191082 [418.996718569, 461.159663594],
    //   428.384280557 [400.882624469, 455.885936645], 489.70709867 [457.0229482, 522.391249139]
    const th = thetaForecast(AP, 12, 3, 0.95);
    expect(th.model.seasonal).toBe(true);
    expect(th.model.alpha).toBeCloseTo(0.837752089949, 5);
    rel(th.model.drift, 1.3230696288, 1e-6);
    [
      [440.078191082, 418.996718569, 461.159663594],
      [428.384280557, 400.882624469, 455.885936645],
      [489.70709867, 457.0229482, 522.391249139],
    ].forEach(([m, lo, up], i) => {
      rel(th.mean[i], m, 1e-6);
      rel(th.lower![i], lo, 1e-6);
      rel(th.upper![i], up, 1e-6);
    });
  });

  test('YAF2: non-seasonal Theta', () => {
    // R: thetaf(YAF2, h = 2, level = 95) → 565938.838497 [481363.137983, 650514.53901],
    //    578486.400608 [458884.278787, 698088.522429]
    const th = thetaForecast(YAF2, 1, 2, 0.95);
    expect(th.model.seasonal).toBe(false);
    [
      [565938.838497, 481363.137983, 650514.53901],
      [578486.400608, 458884.278787, 698088.522429],
    ].forEach(([m, lo, up], i) => {
      rel(th.mean[i], m, 1e-6);
      rel(th.lower![i], lo, 1e-6);
      rel(th.upper![i], up, 1e-6);
    });
  });
});
