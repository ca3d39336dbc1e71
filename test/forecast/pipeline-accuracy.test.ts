/** Pipeline roll-ups and accuracy measures, by hand. */
import {
  accuracy,
  intervalCoverage,
  projectAttainment,
  rollupCategories,
  stageTable,
  weightedPipeline,
} from '../../src/forecast';

const stages = stageTable([
  { stage: 'Qualify', probability: 0.1 },
  { stage: 'Proposal', probability: 0.45 },
  { stage: 'Commit', probability: 0.8 },
]);

describe('weighted pipeline', () => {
  const opps = [
    { amount: 10000, stage: 'Qualify', closeDate: 45000 },
    { amount: 3333.33, stage: 'proposal', closeDate: 45015 },
    { amount: 25000, stage: ' Commit ', closeDate: 45031 },
  ];

  test('Σ amount × probability, to the cent', () => {
    // 10000·0.1 + 3333.33·0.45 + 25000·0.8 = 1000 + 1499.9985 + 20000 = 22499.9985 → 22500.00.
    expect(weightedPipeline(opps, stages)).toBe(22500);
  });

  test('close-date window, inclusive at both ends', () => {
    // [45015, 45031]: 1499.9985 + 20000 = 21499.9985 → 21500.00; [45000, 45014]: 1000.
    expect(weightedPipeline(opps, stages, 45015, 45031)).toBe(21500);
    expect(weightedPipeline(opps, stages, 45000, 45014)).toBe(1000);
    expect(weightedPipeline(opps, stages, undefined, 45000)).toBe(1000);
  });

  test('an unknown stage is #N/A naming it; a probability above 1 is #VALUE!', () => {
    expect(() => weightedPipeline([{ amount: 1, stage: 'Negotiate' }], stages)).toThrow(/Negotiate/);
    try {
      weightedPipeline([{ amount: 1, stage: 'Negotiate' }], stages);
    } catch (e) {
      expect((e as { kind: string }).kind).toBe('notAvailable');
    }
    expect(() => stageTable([{ stage: 'Won', probability: 40 }])).toThrow(/fraction/);
    expect(() =>
      stageTable([
        { stage: 'Won', probability: 1 },
        { stage: 'won', probability: 1 },
      ]),
    ).toThrow(/twice/);
  });
});

test('forecast categories roll up: commit includes closed, best case includes commit, pipeline includes best case', () => {
  // closed 100 + 50 = 150; commit 200; best case 300; pipeline 400; omitted 999 (never rolled up).
  // Roll-ups: closed 150; commit 150 + 200 = 350; best case 350 + 300 = 650; pipeline 650 + 400 = 1050.
  const r = rollupCategories([
    { amount: 100, category: 'Closed' },
    { amount: 50, category: 'closed' },
    { amount: 200, category: 'Commit' },
    { amount: 300, category: 'Best Case' },
    { amount: 400, category: 'Pipeline' },
    { amount: 999, category: 'Omitted' },
  ]);
  expect(r.totals).toEqual({ closed: 150, commit: 200, 'best case': 300, pipeline: 400, omitted: 999 });
  expect(r.rollups).toEqual({ closed: 150, commit: 350, bestCase: 650, pipeline: 1050 });
  expect(() => rollupCategories([{ amount: 1, category: 'maybe' }])).toThrow(/maybe/);
});

test('attainment projection: weighted and run-rate', () => {
  // Closed 40,000 with 60 % of the quarter gone, weighted pipeline 22,500, quota 100,000:
  // weighted 62,500 → 0.625; run rate 40,000 / 0.6 = 66,666.67 → 0.6666…; gap 60,000.
  const p = projectAttainment(40000, 22500, 100000, 0.6);
  expect(p.weightedProjection).toBe(62500);
  expect(p.weightedAttainment).toBeCloseTo(0.625, 12);
  expect(p.runRateProjection).toBe(66666.67);
  expect(p.runRateAttainment).toBeCloseTo(2 / 3, 12);
  expect(p.gap).toBe(60000);
  expect(() => projectAttainment(1, 1, 0, 0.5)).toThrow(/quota/);
  expect(() => projectAttainment(1, 1, 10, 0)).toThrow(/elapsed/);
});

describe('accuracy', () => {
  test('MAE, RMSE, MAPE, sMAPE, MASE by hand', () => {
    // Actuals 100, 110, 90; forecasts 105, 100, 90: errors −5, 10, 0.
    // MAE 15/3 = 5; RMSE √(125/3) = 6.454972…; MAPE (0.05 + 0.0909… + 0)/3 = 0.0469696…;
    // sMAPE (10/205 + 20/210 + 0)/3 = (0.0487805 + 0.0952381)/3 = 0.0480062…;
    // history 80, 90, 85, 95 → naive MAE (10 + 5 + 10)/3 = 25/3 → MASE 5 / (25/3) = 0.6.
    const r = accuracy([100, 110, 90], [105, 100, 90], [80, 90, 85, 95]);
    expect(r.mae).toBeCloseTo(5, 12);
    expect(r.rmse).toBeCloseTo(Math.sqrt(125 / 3), 12);
    expect(r.mape).toBeCloseTo((0.05 + 10 / 110) / 3, 12);
    expect(r.smape).toBeCloseTo((10 / 205 + 20 / 210) / 3, 12);
    expect(r.mase).toBeCloseTo(0.6, 12);
  });

  test('seasonal MASE scale and undefined MAPE', () => {
    // m = 2, history 10, 20, 12, 22: |12 − 10| = 2, |22 − 20| = 2 → scale 2; MAE |0 − 1| = 1 → MASE 0.5.
    const r = accuracy([0], [1], [10, 20, 12, 22], 2);
    expect(r.mase).toBeCloseTo(0.5, 12);
    expect(r.mape).toBeUndefined();
    expect(r.smape).toBe(2);
  });

  test('interval coverage', () => {
    // 3 of 4 actuals inside (bounds inclusive).
    expect(intervalCoverage([1, 2, 3, 4], [0, 2, 3, 5], [1, 3, 4, 6])).toBe(0.75);
    expect(() => accuracy([1, 2], [1])).toThrow(/forecasts/);
  });
});
