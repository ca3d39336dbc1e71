/**
 * A memo of plan tables read by readPlanTable (src/comp): PLANPAYOUT, STATEMENT and PLANDRAW over many reps pass
 * the same plan range to every call, and a plan with formula components is parsed, checked and compiled once,
 * not once per rep. Entries are found by the 53-bit hash of the range (ResultCache.keyOf) and confirmed cell by
 * cell against a copy, so a collision never returns another plan. A range that fails to read is not stored (its
 * error is raised again, with its message, on every call). Least recently used entries go first.
 */
import { type CompPlan, readPlanTable } from '../src/comp';
import { ResultCache, copy, same } from './resultCache';

/** At most this many plans (plan tables hold at most LIMITS.planRows rows each). */
const CAPACITY = 16;

const plans = new Map<number, { grid: unknown; arg: string; plan: CompPlan }>();

/** The plan of `range` (read and checked by readPlanTable, formulas compiled), from the memo when unchanged. */
export function cachedPlan(range: unknown, arg = 'plan'): CompPlan {
  const key = ResultCache.keyOf([range, arg]);
  const hit = plans.get(key);
  if (hit !== undefined && hit.arg === arg && same(hit.grid, range)) {
    plans.delete(key);
    plans.set(key, hit);
    return hit.plan;
  }
  const plan = readPlanTable(range as never, arg);
  plans.delete(key);
  plans.set(key, { grid: copy(range), arg, plan });
  while (plans.size > CAPACITY) plans.delete(plans.keys().next().value!);
  return plan;
}

/** Empties the memo (tests). */
export function clearPlanCache(): void {
  plans.clear();
}
