/**
 * Translators of the comp functions: COMMISSION (marginal, retro) and PAYOUT (marginal, retro, linear, with cap
 * and threshold). See docs/sharing.md for the formulas.
 */
import { guarded, optionalNoneAtZero, requiredNumber, tierRange } from './args';
import { type Translator, choiceArg, refuse, translateWith } from './common';
import { linearFormula, marginalFormula, retroFormula } from './tiers';

/** An upper limit that no payout reaches: MIN against it leaves the payout as it is (no cap). */
const NO_CAP = '9.99E+307';

/** SALESOPS.COMMISSION(amount, tiers, [method]) → ROUND(marginal or retro amount over the tier cells, 2). */
export const translateCommission: Translator = (args, ctx) =>
  translateWith(() => {
    if (args.length > 3) refuse('too many arguments');
    const x = requiredNumber(args[0], 'amount', ctx);
    const tiers = tierRange(args[1], 'tiers', ctx);
    const method = choiceArg(args[2], 'method', 'marginal');
    let body: string;
    if (method === 'marginal') body = marginalFormula(x.text, tiers.lowers, tiers.rates);
    else if (method === 'retro' || method === 'retroactive') body = retroFormula(x.text, tiers.lowers, tiers.rates);
    else refuse(`method "${method}" is not one the function accepts`);
    return guarded([...x.errors, ...tiers.errors], `ROUND(${body},2)`);
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
    const method = choiceArg(args[3], 'method', 'marginal');
    // A cap or threshold of 0 (or a blank cell) is none: a cell is tested when the formula recalculates.
    const cap = optionalNoneAtZero(args[4], 'cap', ctx);
    const threshold = optionalNoneAtZero(args[5], 'threshold', ctx);
    if (ti.value !== undefined && !(ti.value >= 0)) refuse('target_incentive is negative');
    const errors = [...a.errors, ...ti.errors, ...(ti.value === undefined ? [`${ti.text}<0`] : []), ...curve.errors];
    let fraction: string;
    if (method === 'marginal') fraction = marginalFormula(a.text, curve.lowers, curve.rates);
    else if (method === 'retro' || method === 'retroactive') fraction = retroFormula(a.text, curve.lowers, curve.rates);
    else if (method === 'linear') fraction = linearFormula(a.text, curve.lowers, curve.rates);
    else refuse(`method "${method}" is not one the function accepts`);
    let amount = `${ti.text}*${fraction}`;
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
