/**
 * The forecast accuracy measures of the M competitions, shared by `npm run bench forecast` and the selection
 * script (bench/forecast/select.ts): one series' errors over its horizon.
 */

/** One series' errors: sMAPE summed over the horizon (percent), MAE, points inside the interval, MASE's scale. */
export interface SeriesErrors {
  /** Sum over the horizon of 200·|a − f| / (|a| + |f|) (÷ h: the series' sMAPE, in percent). */
  smapeSum: number;
  /** Mean absolute error over the horizon. */
  mae: number;
  /** Actual values inside [lower, upper] (0 without an interval). */
  inside: number;
  /** In-sample mean absolute seasonal-naive difference (lag m) of the training part: MASE = mae / scale. */
  scale: number;
}

/** The errors over `h` periods of forecast `mean` (optional interval) against `test`; `train` gives MASE's scale. */
export function seriesErrors(
  train: readonly number[],
  test: readonly number[],
  m: number,
  h: number,
  mean: readonly number[],
  lower?: readonly number[],
  upper?: readonly number[],
): SeriesErrors {
  let scale = 0;
  for (let t = m; t < train.length; t++) scale += Math.abs(train[t] - train[t - m]);
  scale /= train.length - m;
  let smapeSum = 0;
  let mae = 0;
  let inside = 0;
  for (let i = 0; i < h; i++) {
    const a = test[i];
    const f = mean[i];
    smapeSum += (200 * Math.abs(a - f)) / (Math.abs(a) + Math.abs(f));
    mae += Math.abs(a - f);
    if (lower && upper && a >= lower[i] && a <= upper[i]) inside++;
  }
  return { smapeSum, mae: mae / h, inside, scale };
}
