/**
 * Pipeline forecasts: open opportunities weighted by the win probability of their stage, within a close-date
 * window; forecast categories with their cumulative roll-ups; and an attainment projection against quota.
 * Amounts are money (summed in full precision, rounded to the cent once at the total); probabilities are fractions.
 */
import { nameKey, sameNameHint } from '../shared/names';
import { notFound, invalid } from '../shared/errors';
import { toCents } from '../shared/money';

/** One opportunity. `closeDate` is an Excel date serial. */
export interface Opportunity {
  amount: number;
  stage: string;
  closeDate?: number;
}

/** Stage name → win probability (fraction 0 … 1). Names match ignoring case and every space (`nameKey`). */
export type StageProbabilities = ReadonlyMap<string, number>;

const key = nameKey;

/** Builds the stage table, checking each probability is a fraction and names are unique. */
export function stageTable(rows: readonly { stage: string; probability: number }[]): StageProbabilities {
  const out = new Map<string, number>();
  const spelled = new Map<string, string>();
  rows.forEach(({ stage, probability }, i) => {
    if (stage.trim() === '') invalid(`stage_probabilities: row ${i + 1} has no stage name.`);
    if (!(probability >= 0 && probability <= 1)) {
      invalid(
        `stage_probabilities: the probability of "${stage}" must be a fraction from 0 to 1 (e.g. 0.4 for 40%), got ${probability}.`,
      );
    }
    const had = spelled.get(key(stage));
    if (had !== undefined) invalid(`stage_probabilities: stage "${stage}" is listed twice${sameNameHint(stage, had)}.`);
    out.set(key(stage), probability);
    spelled.set(key(stage), stage);
  });
  return out;
}

/**
 * True when an opportunity closing on `closeDate` counts in the window [from, to] (inclusive; an omitted bound is
 * open; without a close date it counts only when both bounds are open).
 */
export function closesWithin(closeDate: number | undefined, from?: number, to?: number): boolean {
  if (from === undefined && to === undefined) return true;
  if (closeDate === undefined) return false;
  return (from === undefined || closeDate >= from) && (to === undefined || closeDate <= to);
}

/**
 * Weighted pipeline: Σ amount × probability(stage) over opportunities whose close date lies in [from, to]
 * (inclusive; an omitted bound is open; an opportunity without a close date counts only when both are open).
 * An unknown stage is a #N/A error naming it. Result rounded to the cent.
 */
export function weightedPipeline(
  opportunities: readonly Opportunity[],
  probabilities: StageProbabilities,
  from?: number,
  to?: number,
): number {
  if (from !== undefined && to !== undefined && from > to)
    invalid(`from: the window starts (${from}) after it ends (${to}).`);
  let total = 0;
  opportunities.forEach((o, i) => {
    const p = probabilities.get(key(o.stage));
    if (p === undefined) notFound(`stages: item ${i + 1}: stage "${o.stage}" is not in stage_probabilities.`);
    if (closesWithin(o.closeDate, from, to)) total += o.amount * p;
  });
  return toCents(total);
}

/** Forecast categories, from most to least certain. */
export const FORECAST_CATEGORIES = ['closed', 'commit', 'best case', 'pipeline', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** Amount in each category and the cumulative roll-ups (commit includes closed, best case includes commit, …). */
export interface CategoryRollup {
  totals: Record<ForecastCategory, number>;
  /** closed; closed + commit; + best case; + pipeline. Omitted is never rolled up. */
  rollups: { closed: number; commit: number; bestCase: number; pipeline: number };
}

/** Sums amounts by forecast category (names case-insensitive, "best_case"/"bestcase" accepted) and rolls them up. */
export function rollupCategories(items: readonly { amount: number; category: string }[]): CategoryRollup {
  const totals: Record<ForecastCategory, number> = { closed: 0, commit: 0, 'best case': 0, pipeline: 0, omitted: 0 };
  items.forEach(({ amount, category }, i) => {
    const c = category
      .trim()
      .toLowerCase()
      .replace(/[_\s]+/g, ' ')
      .replace('bestcase', 'best case');
    if (!(FORECAST_CATEGORIES as readonly string[]).includes(c)) {
      notFound(
        `categories: item ${i + 1}: "${category}" is not a forecast category (${FORECAST_CATEGORIES.join(', ')}).`,
      );
    }
    totals[c as ForecastCategory] += amount;
  });
  const r = (x: number) => toCents(x);
  const closed = totals.closed;
  const commit = closed + totals.commit;
  const bestCase = commit + totals['best case'];
  const pipeline = bestCase + totals.pipeline;
  for (const k of FORECAST_CATEGORIES) totals[k] = r(totals[k]);
  return { totals, rollups: { closed: r(closed), commit: r(commit), bestCase: r(bestCase), pipeline: r(pipeline) } };
}

/** An attainment projection for a period: money amounts and fractions of quota. */
export interface AttainmentProjection {
  /** closed + weighted open pipeline (money). */
  weightedProjection: number;
  /** closed ÷ elapsed fraction of the period (money): the run-rate projection. */
  runRateProjection: number;
  /** Projections as fractions of quota (1 = 100 %). */
  weightedAttainment: number;
  runRateAttainment: number;
  /** Quota still to close (money, ≥ 0). */
  gap: number;
}

/**
 * Projects attainment: `closed` booked so far, `weightedPipeline` expected from open deals, `quota` for the
 * period, `elapsed` the fraction of the period gone (0 < elapsed ≤ 1).
 */
export function projectAttainment(
  closed: number,
  weightedPipelineAmount: number,
  quota: number,
  elapsed: number,
): AttainmentProjection {
  if (!(quota > 0)) invalid(`quota: must be a positive amount, got ${quota}.`);
  if (!(elapsed > 0 && elapsed <= 1))
    invalid(`elapsed: the fraction of the period gone must be in (0, 1], got ${elapsed}.`);
  const weighted = closed + weightedPipelineAmount;
  const runRate = closed / elapsed;
  return {
    weightedProjection: toCents(weighted),
    runRateProjection: toCents(runRate),
    weightedAttainment: weighted / quota,
    runRateAttainment: runRate / quota,
    gap: toCents(Math.max(0, quota - closed)),
  };
}
