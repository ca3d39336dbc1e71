/**
 * The multi-measure plan model. A plan pays a target incentive (currency per period) split by weights among
 * components; each component measures one measure against its quota (attainment = actual / quota, a fraction)
 * and pays through its own curve, threshold and cap (a multiple of the component's target incentive).
 * Kickers multiply a component's (capped) payout when a hurdle measure's attainment reaches a hurdle. SPIFFs pay
 * a fixed amount, or an amount per unit, on a measure's raw count, outside the weights and caps.
 */
import { nameKey, sameNameHint } from '../shared/names';
import { invalid } from '../shared/errors';
import { type PayoutCurve, checkTerms } from './curves';
import type { CompiledFormula } from './formulas';

/** One component of a plan (e.g. 70 % bookings). */
export interface PlanComponent {
  readonly name: string;
  /** The measure whose actual is compared with the quota. */
  readonly measure: string;
  /** Share of the plan's target incentive (fraction; the weights of a plan add up to 1). */
  readonly weight: number;
  /** Quota for the period, in the measure's units (> 0). */
  readonly quota: number;
  readonly curve: PayoutCurve;
  /** Maximum payout as a multiple of the component's target incentive. */
  readonly cap?: number;
  /** Attainment (fraction) below which the component pays 0. */
  readonly threshold?: number;
}

/** Multiplies `component`'s payout by `multiplier` when `measure`'s attainment is at least `hurdle`. */
export interface Kicker {
  readonly component: string;
  readonly measure: string;
  /** Attainment fraction to reach (e.g. 1 = 100 %). */
  readonly hurdle: number;
  readonly multiplier: number;
  /** Quota of the hurdle measure; default: the quota of the plan component that measures it. */
  readonly quota?: number;
}

/** A SPIFF: `fixed` pays `amount` once when the measure reaches `hurdle` units; `perUnit` pays `amount` per unit. */
export interface Spiff {
  readonly name: string;
  readonly measure: string;
  readonly kind: 'fixed' | 'perUnit';
  /** Currency (fixed) or currency per unit (perUnit). */
  readonly amount: number;
  /** Units to reach before anything is paid (default 1 for fixed, 0 for per unit). */
  readonly hurdle?: number;
}

/**
 * A draw: a guaranteed payment per period, paid when the period's earnings fall short of it (see `drawSchedule`).
 * Recoverable: the shortfall is a balance the rep repays from later earnings above the draw; non-recoverable:
 * the shortfall is a gift.
 */
export interface PlanDraw {
  /** A label for statements and tables (default "Draw"). */
  readonly name?: string;
  /** Currency per period, ≥ 0, for a whole period on the plan (`planDrawSchedule` prorates it for partial periods). */
  readonly amount: number;
  readonly recoverable: boolean;
}

/**
 * A formula component (plan table v3): its payout is `formula`, an expression over the plan's variables (see
 * `formulaVariables`), rounded to the cent once. It pays outside the curves: no curve, kicker, cap or threshold
 * (write them in the formula: `min(…, 2 * target_incentive)`).
 */
export interface FormulaComponent {
  readonly name: string;
  /** The expression, e.g. `min(attainment, 1.5) * target_incentive * (new_logos >= 3 ? 1.1 : 1)`. */
  readonly formula: string;
  /** Measures the component names; the first (with `quota`) gives `attainment`. May be empty. */
  readonly measures: readonly string[];
  /** Share of the plan's target incentive (fraction, ≥ 0; counts in the weights adding up to 1). */
  readonly weight: number;
  /** Quota of the first measure (> 0), in its units: gives the variables `quota` and `attainment`. */
  readonly quota?: number;
  /** The formula checked and compiled (set by readPlanTable and `compilePlanFormulas`; compiled again if absent). */
  readonly compiled?: CompiledFormula;
}

/** A plan for one period. */
export interface CompPlan {
  readonly name?: string;
  /** Target incentive at 100 % attainment, currency per period (before proration). */
  readonly targetIncentive: number;
  readonly components: readonly PlanComponent[];
  readonly kickers: readonly Kicker[];
  readonly spiffs: readonly Spiff[];
  /** Formula components, evaluated after the curve components, in order (plan table v3). */
  readonly formulas?: readonly FormulaComponent[];
  /** The plan's draw, applied across periods by `drawSchedule` (PLANPAYOUT itself is the earned incentive). */
  readonly draw?: PlanDraw;
}

/** Measure and component names match ignoring case and every space (`nameKey`): "New logos" = "newlogos". */
export function measureKey(name: string): string {
  return nameKey(name);
}

/** The plan's distinct measures in plan order: components, then kickers, then SPIFFs (first appearance). */
export function planMeasures(plan: CompPlan): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (m: string) => {
    const k = measureKey(m);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(m.trim());
    }
  };
  plan.components.forEach((c) => add(c.measure));
  plan.kickers.forEach((k) => add(k.measure));
  plan.spiffs.forEach((s) => add(s.measure));
  plan.formulas?.forEach((f) => f.measures.forEach(add));
  for (const m of PERIOD_MEASURES) {
    if (plan.formulas?.some((f) => formulaReads(f, m))) add(m);
  }
  return out;
}

/**
 * The period facts a formula may read, as actuals (columns of the rep's row, like measures): the days of the
 * period and the days the rep was employed in it. They are actuals of the plan only when a formula reads them.
 */
export const PERIOD_MEASURES = ['Period days', 'Days employed'] as const;

/** True when formula component `f` reads the measure or variable `name` (matching ignores case, spaces, `_`). */
export function formulaReads(f: FormulaComponent, name: string): boolean {
  const key = nameKey(name).replace(/_/g, '');
  if (f.compiled) return f.compiled.expression.reads.some((r) => r.replace(/_/g, '') === key);
  return (f.formula.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).some((w) => w.toLowerCase().replace(/_/g, '') === key);
}

const WEIGHT_TOLERANCE = 1e-9;

/**
 * Checks a plan's consistency: target incentive ≥ 0, at least one component, unique component names, weights ≥ 0
 * adding up to 1, quotas > 0, curves with at least one band, caps ≥ 0, kickers pointing at components with a
 * quota for their hurdle measure, SPIFF amounts and hurdles finite, a draw ≥ 0. Returns the plan; throws naming the part.
 */
export function validatePlan(plan: CompPlan, arg = 'plan'): CompPlan {
  if (!(Number.isFinite(plan.targetIncentive) && plan.targetIncentive >= 0)) {
    invalid(`${arg}: the target incentive must be zero or more, got ${plan.targetIncentive}.`);
  }
  const formulas = plan.formulas ?? [];
  if (plan.components.length === 0 && formulas.length === 0) invalid(`${arg}: the plan has no components.`);
  const names = new Set<string>();
  let weights = 0;
  for (const c of plan.components) {
    const where = `${arg}: component "${c.name}"`;
    if (measureKey(c.name) === '') invalid(`${arg}: a component has no name.`);
    const key = measureKey(c.name);
    if (names.has(key)) {
      // the other spelling, looked up only on this error path (a scan per component made 10,000 rows take 1.3 s)
      const same = plan.components.find((o) => o !== c && measureKey(o.name) === key);
      invalid(`${where} is defined twice${sameNameHint(c.name, same?.name ?? c.name)}.`);
    }
    names.add(key);
    if (measureKey(c.measure) === '') invalid(`${where}: the measure is missing.`);
    if (!(Number.isFinite(c.weight) && c.weight >= 0)) invalid(`${where}: the weight must be zero or more.`);
    if (!(Number.isFinite(c.quota) && c.quota > 0)) invalid(`${where}: the quota must be more than 0.`);
    if (c.curve.table.lowers.length === 0) invalid(`${where}: the curve has no bands.`);
    checkTerms(c, `${where}: cap`, `${where}: threshold`);
    weights += c.weight;
  }
  for (const f of formulas) {
    const where = `${arg}: formula component "${f.name}"`;
    const key = measureKey(f.name);
    if (key === '') invalid(`${arg}: a formula component has no name.`);
    if (names.has(key)) invalid(`${where} is defined twice (names match ignoring case and spaces).`);
    names.add(key);
    if (!(Number.isFinite(f.weight) && f.weight >= 0)) invalid(`${where}: the weight must be zero or more.`);
    if (f.quota !== undefined && !(Number.isFinite(f.quota) && f.quota > 0)) {
      invalid(`${where}: the quota must be more than 0.`);
    }
    if (f.quota !== undefined && f.measures.length === 0) invalid(`${where}: a quota needs a measure.`);
    weights += f.weight;
  }
  if (Math.abs(weights - 1) > WEIGHT_TOLERANCE) {
    invalid(`${arg}: the component weights add up to ${+weights.toPrecision(12)}; they must add up to 1 (100%).`);
  }
  for (const k of plan.kickers) {
    const where = `${arg}: kicker on "${k.component}"`;
    if (!plan.components.some((c) => measureKey(c.name) === measureKey(k.component))) {
      invalid(`${where}: no component of that name (kickers multiply curve components; a formula writes its own).`);
    }
    if (!Number.isFinite(k.hurdle)) invalid(`${where}: the hurdle must be a finite attainment fraction.`);
    if (!(Number.isFinite(k.multiplier) && k.multiplier >= 0))
      invalid(`${where}: the multiplier must be zero or more.`);
    if (k.quota !== undefined) {
      if (!(Number.isFinite(k.quota) && k.quota > 0)) invalid(`${where}: the quota must be more than 0.`);
    } else if (!plan.components.some((c) => measureKey(c.measure) === measureKey(k.measure))) {
      invalid(`${where}: no component measures "${k.measure}"; give the kicker a quota.`);
    }
  }
  for (const s of plan.spiffs) {
    const where = `${arg}: SPIFF "${s.name}"`;
    if (measureKey(s.measure) === '') invalid(`${where}: the measure is missing.`);
    if (!Number.isFinite(s.amount)) invalid(`${where}: the amount must be a finite number.`);
    if (s.hurdle !== undefined && !Number.isFinite(s.hurdle)) invalid(`${where}: the hurdle must be a finite number.`);
  }
  if (plan.draw !== undefined && !(Number.isFinite(plan.draw.amount) && plan.draw.amount >= 0)) {
    invalid(`${arg}: the draw must be zero or more (currency per period), got ${plan.draw.amount}.`);
  }
  return plan;
}
