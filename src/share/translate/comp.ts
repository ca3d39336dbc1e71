/**
 * Translators of the comp functions: COMMISSION (marginal, retro) and PAYOUT (marginal, retro, linear, with cap
 * and threshold). See docs/sharing.md for the formulas. PLANPAYOUT has no native formula: it is shared as its
 * value, and the reason names a formula component (plan table v3) where the plan has one, since a formula rule
 * has no portable Excel equivalent.
 */
import { guarded, optionalNoneAtZero, requiredNumber, tierRange } from './args';
import {
  type CallArg,
  type TranslateContext,
  type Translator,
  choiceArg,
  isOmitted,
  numberLiteral,
  refText,
  refValues,
  referenceArg,
  refuse,
  stringLiteral,
  translateWith,
} from './common';
import { linearFormula, marginalFormula, retroFormula } from './tiers';
import { cellText } from '../../shared/coerce';
import { nameKey } from '../../shared/names';

/** An upper limit that no payout reaches: MIN against it leaves the payout as it is (no cap). */
const NO_CAP = '9.99E+307';

/**
 * The formula for a method argument: the variant a literal (or the default) names; for a one-cell reference, a
 * switch on the cell's trimmed text (`=` compares text case-insensitively, as the function does), blank meaning
 * `fallback` and any other text #VALUE!, so a colleague can change the method. `variants` maps each accepted
 * method name (lower case) to the body it selects.
 */
export function methodFormula(
  arg: CallArg | undefined,
  ctx: TranslateContext,
  variants: Record<string, () => string>,
  fallback: string,
  errors: string[],
): string {
  // a literal 0 (a blank cell as Excel for desktop passes it) is the default, as in the function
  if (isOmitted(arg) || stringLiteral(arg) !== undefined || numberLiteral(arg) === 0) {
    const m = choiceArg(arg, 'method', fallback);
    const v = variants[m];
    if (!v) refuse(`method "${m}" is not one the function accepts`);
    return v();
  }
  const ref = referenceArg(arg, ctx);
  if (!ref || ref.top !== ref.bottom || ref.left !== ref.right) {
    refuse('method is neither a text literal nor one cell, so the formula cannot follow it');
  }
  // ""&cell: a blank cell is "" (some engines give TRIM(blank) an error)
  const m = `TRIM(""&${refText(ref, ctx)})`;
  const groups = new Map<string, string[]>();
  for (const [name, body] of Object.entries(variants)) {
    const b = body();
    groups.set(b, [...(groups.get(b) ?? []), name]);
  }
  // Any other text, or a number other than 0 (a blank cell as Excel for desktop passes it: the default), is refused
  // up front, as the function checks its method before anything else. A 0 reads "0" and falls to the default below.
  const cell = refText(ref, ctx);
  const names = [...Object.keys(variants), ''].map((n) => `${m}="${n}"`).join(',');
  errors.push(`IF(ISNUMBER(${cell}),${cell}<>0,NOT(OR(${names})))`);
  const entries = [...groups.entries()];
  const last = entries.find(([, names]) => names.includes(fallback)) ?? entries[entries.length - 1];
  let out = last[0];
  for (const [body, names] of entries.reverse()) {
    if (body === last[0]) continue;
    const tests = names.map((n) => `${m}="${n}"`);
    out = `IF(${tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`},${body},${out})`;
  }
  return out;
}

/** SALESOPS.COMMISSION(amount, tiers, [method]) → ROUND(marginal or retro amount over the tier cells, 2). */
export const translateCommission: Translator = (args, ctx) =>
  translateWith(() => {
    if (args.length > 3) refuse('too many arguments');
    const x = requiredNumber(args[0], 'amount', ctx);
    const tiers = tierRange(args[1], 'tiers', ctx);
    const retro = () => retroFormula(x.text, tiers.lowers, tiers.rates);
    const errors = [...x.errors, ...tiers.errors];
    const body = methodFormula(
      args[2],
      ctx,
      { marginal: () => marginalFormula(x.text, tiers.lowers, tiers.rates), retro, retroactive: retro },
      'marginal',
      errors,
    );
    return guarded(errors, `ROUND(${body},2)`);
  });

/**
 * SALESOPS.PAYOUT(attainment, target_incentive, curve, [method], [cap], [threshold]) →
 * ROUND(IF(attainment < threshold, 0, MIN(target × curve fraction, cap × target)), 2), with the checks the function
 * makes (target ≥ 0, cap ≥ 0) as #VALUE!.
 */
export const translatePayout: Translator = (args, ctx) =>
  translateWith(() => {
    if (args.length > 6) refuse('too many arguments');
    const a = requiredNumber(args[0], 'attainment', ctx);
    const ti = requiredNumber(args[1], 'target_incentive', ctx);
    const curve = tierRange(args[2], 'curve', ctx);
    // A cap or threshold of 0 (or a blank cell) is none: a cell is tested when the formula recalculates.
    const cap = optionalNoneAtZero(args[4], 'cap', ctx);
    const threshold = optionalNoneAtZero(args[5], 'threshold', ctx);
    if (ti.value !== undefined && !(ti.value >= 0)) refuse('target_incentive is negative');
    const errors = [...a.errors, ...ti.errors, ...(ti.value === undefined ? [`${ti.text}<0`] : []), ...curve.errors];
    const retro = () => retroFormula(a.text, curve.lowers, curve.rates);
    const fraction = methodFormula(
      args[3],
      ctx,
      {
        marginal: () => marginalFormula(a.text, curve.lowers, curve.rates),
        retro,
        retroactive: retro,
        linear: () => linearFormula(a.text, curve.lowers, curve.rates),
      },
      'marginal',
      errors,
    );
    let amount = `${ti.text}*${fraction}`;
    errors.push(...(cap?.errors ?? []), ...(threshold?.errors ?? []));
    if (cap !== undefined) {
      if (cap.value !== undefined && !(cap.value >= 0)) refuse('cap is negative');
      const limit = `${cap.text}*${ti.text}`;
      amount = `MIN(${amount},${cap.value !== undefined ? limit : `IF(${cap.given},${limit},${NO_CAP})`})`;
      if (cap.value === undefined) errors.push(`${cap.text}<0`);
    }
    if (threshold !== undefined) {
      const below =
        threshold.value !== undefined
          ? `${a.text}<${threshold.text}`
          : `AND(${threshold.given},${a.text}<${threshold.text})`;
      amount = `IF(${below},0,${amount})`;
    }
    return guarded(errors, `ROUND(${amount},2)`);
  });

/**
 * The formula components of the plan table an argument refers to (their names), read from the snapshot: rows whose
 * type cell (first column) is "formula". Empty when the argument is no reference or the plan has none.
 */
export function planFormulaComponents(arg: CallArg | undefined, ctx: TranslateContext): string[] {
  const ref = referenceArg(arg, ctx);
  if (!ref) return [];
  return refValues(ref, ctx)
    .filter((r) => nameKey(cellText(r[0] ?? null)) === 'formula')
    .map((r) => cellText(r[1] ?? null));
}

/**
 * SALESOPS.PLANPAYOUT(plan, actuals, …): shared as its value. A plan with formula components says so by name: a
 * formula rule is evaluated by the add-in's locked-down evaluator and has no portable Excel formula.
 */
export const translatePlanPayout: Translator = (args, ctx) =>
  translateWith(() => {
    const formulas = planFormulaComponents(args[0], ctx);
    if (formulas.length > 0) {
      refuse(
        `the plan has formula component${formulas.length > 1 ? 's' : ''} ${formulas.map((f) => `"${f}"`).join(', ')}, which no portable Excel formula evaluates`,
      );
    }
    return refuse('a plan table has no native equivalent');
  });
