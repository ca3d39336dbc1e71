/**
 * Formula components of a plan: which variables a formula may read, checking and compiling every formula of a plan
 * once (src/shared/expression.ts), and evaluating one for a rep. The variables of formula component i:
 *   - every measure of the plan by its name as a variable (`New logos` → `new_logos`): the rep's actual;
 *   - `attainment` (actual of the component's first measure / prorated quota) and `quota` (prorated), when the
 *     component has a measure and a quota;
 *   - `target_incentive` (plan target incentive × weight × proration, currency) and `weight` (fraction);
 *   - `period_days` and `days_employed`: actuals named "Period days" and "Days employed" (columns of the rep's
 *     row beside the measures); required in the actuals only when a formula reads them;
 *   - the payout of every curve component and of every earlier formula component, to the cent, by its name
 *     (`Bookings` → `bookings`) and always as `<name>_payout` (the form to use where a measure has that name:
 *     measures win).
 * Names match ignoring case and `_`; a name that is a word of the formula language (min, and, …) is not a variable.
 * A name two measures give (`Margin`, `Margin %`), or a measure and a built-in (`Weight`), cannot be read: a formula
 * that reads it is #VALUE! naming both and asking to rename a measure.
 */
import { invalid } from '../shared/errors';
import { nameKey } from '../shared/names';
import { type CompiledExpression, compileExpression, reservedVariable, variableName } from '../shared/expression';
import { type CompPlan, type FormulaComponent, PERIOD_MEASURES, planMeasures } from './plan';

/** One variable a formula may read: its name and where its value comes from. */
export type FormulaVariable =
  | { readonly name: string; readonly kind: 'measure'; readonly measure: string }
  | { readonly name: string; readonly kind: 'attainment' | 'quota' | 'targetIncentive' | 'weight' }
  | { readonly name: string; readonly kind: 'component'; readonly component: string };

/** What each kind of variable is, for the wizard's list. */
export const FORMULA_VARIABLE_HELP: Readonly<Record<FormulaVariable['kind'], string>> = {
  measure: "the rep's actual of the measure",
  attainment: "actual of the component's measure / prorated quota (fraction)",
  quota: "the component's quota, prorated",
  targetIncentive: "the component's target incentive: plan target incentive × weight × proration",
  weight: "the component's weight (fraction)",
  component: 'the payout of that component, to the cent',
};

/** The variables formula component `index` of `plan` may read, in the order the wizard lists them. */
export function formulaVariables(plan: CompPlan, index: number): FormulaVariable[] {
  return variablesOf(plan, index).variables;
}

const BUILT_IN: Readonly<Record<string, string>> = {
  attainment: 'attainment',
  quota: 'quota',
  targetincentive: 'target_incentive',
  weight: 'weight',
};

/**
 * The variables of formula component `index`, and the names that cannot be read because two sources give them
 * (two measures such as `Margin` and `Margin %`, or a measure such as `Weight` and the built-in variable): name
 * key (no `_`) → why, for the message.
 */
function variablesOf(plan: CompPlan, index: number): { variables: FormulaVariable[]; clashes: Map<string, string> } {
  const f = (plan.formulas ?? [])[index];
  const out: FormulaVariable[] = [];
  const seen = new Map<string, FormulaVariable | undefined>();
  const clashes = new Map<string, string>();
  const add = (v: FormulaVariable) => {
    const key = v.name.replace(/_/g, '');
    if (reservedVariable(v.name) !== undefined) return;
    if (seen.has(key)) {
      if (v.kind !== 'measure' || clashes.has(key)) return;
      const was = seen.get(key);
      if (was?.kind === 'measure' && nameKey(was.measure) !== nameKey(v.measure)) {
        clashes.set(
          key,
          `the measures "${was.measure}" and "${v.measure}" both give the variable ${was.name}; rename one of them`,
        );
      } else if (was === undefined || was.kind !== 'measure') {
        const builtIn = BUILT_IN[key];
        if (builtIn !== undefined) {
          clashes.set(
            key,
            `the measure "${v.measure}" has the name of the variable ${builtIn}${was === undefined ? ' (which needs a Measure and a Quota on the row)' : ''}; rename the measure (e.g. "${v.measure} units")`,
          );
        }
      }
      return;
    }
    seen.set(key, v);
    out.push(v);
  };
  if (f && f.measures.length > 0 && f.quota !== undefined) {
    add({ name: 'attainment', kind: 'attainment' });
    add({ name: 'quota', kind: 'quota' });
  } else {
    // reserved all the same, so a measure of that name never changes meaning when a quota is added
    seen.set('attainment', undefined);
    seen.set('quota', undefined);
  }
  add({ name: 'target_incentive', kind: 'targetIncentive' });
  add({ name: 'weight', kind: 'weight' });
  for (const m of [...planMeasures(plan), ...PERIOD_MEASURES]) {
    add({ name: variableName(m), kind: 'measure', measure: m });
  }
  const earlier = [...plan.components.map((c) => c.name), ...(plan.formulas ?? []).slice(0, index).map((x) => x.name)];
  for (const name of earlier) add({ name: variableName(name), kind: 'component', component: name });
  for (const name of earlier) add({ name: `${variableName(name)}_payout`, kind: 'component', component: name });
  return { variables: out, clashes };
}

/** A formula component checked and compiled, with the variables it may read by name. */
export interface CompiledFormula {
  readonly expression: CompiledExpression;
  readonly variables: ReadonlyMap<string, FormulaVariable>;
}

/** Checks and compiles formula component `index` of `plan`; `where` names its cell in messages (#VALUE!). */
export function compileFormula(plan: CompPlan, index: number, where: string): CompiledFormula {
  const { variables: vars, clashes } = variablesOf(plan, index);
  const source = plan.formulas![index].formula;
  // A name two sources give is read by neither: the formula that reads it is refused, naming both.
  const allowed = [
    ...vars.map((v) => v.name),
    ...[...clashes.keys()].filter((k) => !vars.some((v) => v.name.replace(/_/g, '') === k)),
  ];
  const expression = compileExpression(source, allowed, where);
  for (const read of expression.reads) {
    const why = clashes.get(read.replace(/_/g, ''));
    if (why !== undefined) {
      invalid(`${where}: formula "${source}" reads ${read}, but ${why}.`);
    }
  }
  return { expression, variables: new Map(vars.map((v) => [v.name, v])) };
}

/**
 * Every formula component of `plan` checked and compiled (or the one already compiled, from readPlanTable);
 * `where(i)` names formula component i's cell in messages. Throws #VALUE! naming the cell and the character
 * position of the first problem.
 */
export function compilePlanFormulas(
  plan: CompPlan,
  where: (i: number) => string = (i) => `plan: formula component "${plan.formulas![i].name}"`,
): CompiledFormula[] {
  return (plan.formulas ?? []).map((f, i) => f.compiled ?? compileFormula(plan, i, where(i)));
}

/** What a formula component is evaluated with, for one rep. */
export interface FormulaInputs {
  /** The rep's actual of a measure (by name; throws #N/A when missing). */
  readonly actual: (measure: string) => number;
  /** Proration fraction (0–1]. */
  readonly proration: number;
  /** Payouts to the cent of the components evaluated so far, by nameKey. */
  readonly payouts: ReadonlyMap<string, number>;
}

/** The result of one formula component for a rep: the amount to the cent and the variables it read, with values. */
export interface FormulaResult {
  readonly amount: number;
  readonly values: readonly (readonly [string, number])[];
}

/**
 * Evaluates formula component `index` of `plan` for one rep with `compiled` (from compilePlanFormulas). The
 * result is the component's payable amount, to the cent (rounded once, half away from zero, by `round`).
 */
export function evaluateFormula(
  plan: CompPlan,
  index: number,
  compiled: CompiledFormula,
  inputs: FormulaInputs,
  round: (x: number) => number,
): FormulaResult {
  const f: FormulaComponent = plan.formulas![index];
  const values: [string, number][] = [];
  const value = (name: string): number => {
    const v = compiled.variables.get(name);
    let x: number;
    if (v === undefined) x = NaN;
    else if (v.kind === 'measure') x = inputs.actual(v.measure);
    else if (v.kind === 'targetIncentive') x = plan.targetIncentive * f.weight * inputs.proration;
    else if (v.kind === 'weight') x = f.weight;
    else if (v.kind === 'quota') x = f.quota! * inputs.proration;
    else if (v.kind === 'attainment') x = inputs.actual(f.measures[0]) / (f.quota! * inputs.proration);
    else if (v.kind === 'component') x = inputs.payouts.get(nameKey(v.component)) ?? NaN;
    else x = NaN;
    if (!values.some((e) => e[0] === name)) values.push([name, x]);
    return x;
  };
  const amount = round(compiled.expression.evaluate(value));
  return { amount, values };
}
