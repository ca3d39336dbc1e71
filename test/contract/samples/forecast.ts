import type { FunctionSample } from '../harness';

const col = (...v: (number | string | null)[]) => v.map((x) => [x]);
// Stage table with a header row; "80%" is text read as 0.8.
const STAGES = [
  ['Stage', 'Probability'],
  ['Qualify', 0.1],
  ['Commit', '80%'],
  ['Closed Won', 1],
];

export const samples: FunctionSample[] = [
  // Naive: every forecast is the last value, 15.
  { id: 'FORECAST', what: 'naive', args: [col(10, 12, 15), 2, 0, 'naive', null], expect: [[15], [15]] },
  // Least-squares line through (1,1), (2,3), (3,5), (4,7): y = 2t − 1, so t = 5 → 9 and t = 6 → 11.
  { id: 'FORECAST', what: 'linear trend', args: [col(1, 3, 5, 7), 2, 0, 'linear', null], expect: [[9], [11]] },
  // Seasonal naive, season 3: the last season 4, 5, 6 repeats; period 4 ahead is 4 again.
  {
    id: 'FORECAST',
    what: 'seasonal naive',
    args: [col(1, 2, 3, 4, 5, 6), 4, 3, 'snaive', null],
    expect: [[4], [5], [6], [4]],
  },
  // A blank cell is a missing value, filled by interpolation: 10, (11), 12 → naive forecast 12.
  { id: 'FORECAST', what: 'blank is missing', args: [col(10, null, 12), 1, 0, 'naive', null], expect: [[12]] },
  // Naive with a 95 % interval: one-step changes 2, −1, 2 → σ² = (4 + 1 + 4)/3 = 3; z = 1.959963984540054.
  // h = 1: 13 ± z·√3 = 13 ± 3.394757202228515; h = 2: 13 ± z·√6 = 13 ± 4.800911676355310.
  {
    id: 'FORECAST',
    what: 'naive with 95% interval',
    args: [col(10, 12, 11, 13), 2, 0, 'naive', 0.95],
    expect: [
      [13, 9.605242797771485, 16.394757202228515],
      [13, 8.199088323644691, 17.80091167635531],
    ],
  },
  {
    id: 'FORECAST',
    what: 'text in history',
    args: [col(10, 'ten', 12), 2, null, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'history' },
  },
  {
    id: 'FORECAST',
    what: 'one point',
    args: [col(10), 2, null, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'history' },
  },
  {
    id: 'FORECAST',
    what: 'horizon below 1',
    args: [col(10, 11, 12), 0, null, null, null],
    expect: { error: '#VALUE!', messageIncludes: 'horizon' },
  },
  {
    id: 'FORECAST',
    what: 'confidence outside (0, 1)',
    args: [col(10, 11, 12), 2, null, null, 95],
    expect: { error: '#VALUE!', messageIncludes: 'confidence' },
  },
  {
    id: 'FORECAST',
    what: 'unknown method',
    args: [col(10, 11, 12), 2, null, 'arima', null],
    expect: { error: '#VALUE!', messageIncludes: 'method' },
  },
  // 1000 × 0.1 + 2000 × 0.8 + 500 × 1 = 100 + 1600 + 500 = 2200.
  {
    id: 'PIPELINE',
    what: 'weighted total',
    args: [col(1000, 2000, 500), col('Qualify', 'Commit', 'Closed Won'), STAGES],
    expect: 2200,
  },
  // Close dates 45000, 45010, 45020 in [45005, 45020]: only the last two count: 1600 + 500 = 2100.
  {
    id: 'PIPELINE',
    what: 'close-date window',
    args: [
      col(1000, 2000, 500),
      col('Qualify', 'Commit', 'Closed Won'),
      STAGES,
      col(45000, 45010, 45020),
      45005,
      45020,
    ],
    expect: 2100,
  },
  {
    id: 'PIPELINE',
    what: 'unknown stage',
    args: [col(1000, 2000), col('Qualify', 'Negotiate'), STAGES],
    expect: { error: '#N/A', messageIncludes: 'Negotiate' },
  },
  {
    id: 'PIPELINE',
    what: 'text amount',
    args: [col(1000, 'lots'), col('Qualify', 'Commit'), STAGES],
    expect: { error: '#VALUE!', messageIncludes: 'amounts' },
  },
  // Actuals 10, 20 vs forecasts 12, 18: errors −2, 2 → MAE 2, RMSE 2, MAPE (0.2 + 0.1)/2 = 0.15,
  // sMAPE (4/22 + 4/38)/2 = 0.14354066985645933; history 8, 9, 11, 10 → naive MAE (1 + 2 + 1)/3 = 4/3, MASE 1.5.
  {
    id: 'ACCURACY',
    what: 'all measures',
    args: [col(10, 20), col(12, 18), col(8, 9, 11, 10), null],
    expect: [
      ['MAE', 2],
      ['RMSE', 2],
      ['MAPE', 0.15],
      ['sMAPE', 0.14354066985645933],
      ['MASE', 1.5],
    ],
  },
  {
    id: 'ACCURACY',
    what: 'lengths differ',
    args: [col(10, 20), col(12), null, null],
    expect: { error: '#VALUE!', messageIncludes: 'forecasts' },
  },
];
