/**
 * A memo of plan tables read by readPlanTable (src/comp): PLANPAYOUT, STATEMENT and PLANDRAW over many reps pass
 * the same plan range to every call, and a plan with formula components is parsed, checked and compiled once,
 * not once per rep. The shared input memo (functions/inputMemo.ts) confirms a hit cell by cell against a copy, and
 * remembers a refused range's error, so it is raised again with its message without reading the range again.
 */
import { type CompPlan, readPlanTable } from '../src/comp';
import type { ArgValue } from '../src/shared/cells';
import { InputMemo } from './inputMemo';

/** At most this many plans (plan tables hold at most LIMITS.planRows rows each). */
const plans = new InputMemo<CompPlan>(16);

/** The plan of `range` (read and checked by readPlanTable, formulas compiled), from the memo when unchanged. */
export function cachedPlan(range: unknown, arg = 'plan'): CompPlan {
  return plans.get([range, arg], () => readPlanTable(range as ArgValue, arg));
}

/** Empties the memo (tests). */
export function clearPlanCache(): void {
  plans.clear();
}
