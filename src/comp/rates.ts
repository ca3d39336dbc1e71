/**
 * Rate tables: ascending lower bounds, each with a rate. A bound belongs to the tier it starts (lower bound ≤ x).
 * The same shape serves commission tiers on an amount (bounds in currency, rates as fractions of the amount) and
 * attainment bands of a payout curve (bounds as attainment fractions, rates as multipliers).
 */
import { invalid } from '../shared/errors';
import { upperBound } from '../shared/search';

/** One tier: it applies from `lower` (inclusive) up to the next tier's lower bound. */
export interface RateTier {
  readonly lower: number;
  readonly rate: number;
}

/**
 * A validated rate table: strictly ascending finite lower bounds, finite rates (parallel arrays), and the marginal
 * amount at each lower bound (`below[i]` = Σ_{j<i} rates[j] × (lowers[j+1] − lowers[j]), added up in tier order
 * just as a marginal sum over the slices would). Build it with `rateTable` or `readRateRange` (sheet/rates.ts).
 */
export interface RateTable {
  readonly lowers: readonly number[];
  readonly rates: readonly number[];
  readonly below: readonly number[];
}

/** The table of already-validated parallel arrays (finite, bounds strictly ascending), with its `below` sums. */
export function tableOf(lowers: number[], rates: number[]): RateTable {
  const below = new Array<number>(lowers.length);
  let sum = 0;
  for (let i = 0; i < lowers.length; i++) {
    below[i] = sum;
    if (i + 1 < lowers.length) sum += rates[i] * (lowers[i + 1] - lowers[i]);
  }
  return { lowers, rates, below };
}

/** One slice of a marginal calculation: the part of [lower, upper) that `x` covers, times the tier's rate. */
export interface RateSlice {
  /** 0-based tier index. */
  readonly tier: number;
  readonly lower: number;
  /** The next tier's lower bound, or `Infinity` for the top tier. */
  readonly upper: number;
  /** Length of the covered part of the tier: min(x, upper) − lower. */
  readonly base: number;
  readonly rate: number;
  /** base × rate, unrounded. */
  readonly amount: number;
}

/**
 * Builds a rate table from tiers, checking that bounds are finite and strictly ascending and rates finite.
 * `arg` names the argument in messages; an empty list is a valid table that pays 0 everywhere.
 */
export function rateTable(tiers: readonly RateTier[], arg = 'tiers'): RateTable {
  const lowers: number[] = [];
  const rates: number[] = [];
  tiers.forEach((t, i) => {
    if (!Number.isFinite(t.lower)) invalid(`${arg}: tier ${i + 1}: the lower bound must be a finite number.`);
    if (!Number.isFinite(t.rate)) invalid(`${arg}: tier ${i + 1}: the rate must be a finite number.`);
    if (i > 0 && !(t.lower > lowers[i - 1])) {
      invalid(
        `${arg}: tier ${i + 1}: lower bound ${t.lower} is not above the previous bound ${lowers[i - 1]}; sort the tiers ascending with distinct bounds.`,
      );
    }
    lowers.push(t.lower);
    rates.push(t.rate);
  });
  return tableOf(lowers, rates);
}

/** Index of the tier containing `x` (the last with lower ≤ x), or −1 below the first bound. */
export function tierIndex(x: number, table: RateTable): number {
  return upperBound(table.lowers, x) - 1;
}

/**
 * Marginal (graduated) amount: Σ rate_i × length of [lower_i, x] inside tier i. Units: x's units × rate
 * (currency × fraction = currency for commission). 0 at or below the first bound; continuous in x.
 * Computed as below[i] + rate_i × (x − lower_i) for the tier i with lower_i < x ≤ lower_{i+1}: the same additions
 * in the same order as summing `marginalSlices`, so the two agree to the last bit.
 */
export function marginalAmount(x: number, table: RateTable): number {
  const lowers = table.lowers;
  let i = lowers.length - 1;
  while (i >= 0 && x <= lowers[i]) i--;
  return i < 0 ? 0 : table.below[i] + table.rates[i] * (x - lowers[i]);
}

/** Retroactive amount: the whole x at the rate of the tier containing x (0 below the first bound). */
export function retroAmount(x: number, table: RateTable): number {
  const i = tierIndex(x, table);
  return i < 0 ? 0 : x * table.rates[i];
}

/** The slices a marginal calculation of `x` adds up (tiers x does not reach are left out). */
export function marginalSlices(x: number, table: RateTable): RateSlice[] {
  const out: RateSlice[] = [];
  const n = table.lowers.length;
  for (let i = 0; i < n; i++) {
    const lower = table.lowers[i];
    if (x <= lower) break;
    const upper = i + 1 < n ? table.lowers[i + 1] : Infinity;
    const base = Math.min(x, upper) - lower;
    out.push({ tier: i, lower, upper, base, rate: table.rates[i], amount: base * table.rates[i] });
  }
  return out;
}
