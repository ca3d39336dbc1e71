/**
 * The comp custom functions (SALESOPS namespace): one declaration each; the work is done by the entry points of
 * src/comp/sheet/functions.ts. Amounts come back to the cent (half away from zero), rounded once at the payable
 * amount. COMMISSION and PAYOUT read their rate ranges through functions/rateMemo.ts (a column of calls shares one).
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { rememberedRateRange } from './rateMemo';
import {
  clawbacksOf,
  commissionOf,
  drawOf,
  payoutOf,
  planDrawOf,
  planPayoutOf,
  prorationOf,
  statementOf,
} from '../src/comp/sheet/functions';

/** The comp functions, in the order of functions.json. */
export const COMP_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'COMMISSION',
    description:
      "Commission on an amount from a rate table: marginal (each slice of the amount at its tier's rate) or retro (the whole amount at the rate of the highest tier reached). Below the first lower bound the commission is 0.",
    parameters: [
      { name: 'amount', description: 'The amount (currency) to pay commission on.' },
      {
        name: 'tiers',
        description:
          'Two columns: lower bound (currency, ascending) and rate (fraction, 0.05 = 5%); one header row of text is skipped.',
        dimensionality: 'matrix',
      },
      { name: 'method', description: '"marginal" (default) or "retro".', optional: true },
    ],
    fn: (amount, tiers, method) => excelCall(commissionOf, amount, tiers, method, rememberedRateRange),
  },
  {
    name: 'PAYOUT',
    description: 'Payout on a target incentive from attainment and a payout curve, with an optional cap and threshold.',
    parameters: [
      { name: 'attainment', description: 'Attainment as a fraction (1.05 = 105% of quota).' },
      { name: 'target_incentive', description: 'Target incentive at 100% attainment (currency per period).' },
      {
        name: 'curve',
        description:
          'Two columns: attainment lower bound (fraction, ascending) and rate multiplier (or, for "linear", the payout as a fraction of target); one header row of text is skipped.',
        dimensionality: 'matrix',
      },
      {
        name: 'method',
        description: '"marginal" (default), "retro" or "linear" (piecewise-linear through the curve\'s points).',
        optional: true,
      },
      {
        name: 'cap',
        description: 'Maximum payout as a multiple of target_incentive (2 = 200%); default or 0: no cap.',
        optional: true,
      },
      {
        name: 'threshold',
        description: 'Attainment (fraction) below which the payout is 0; default or 0: none.',
        optional: true,
      },
    ],
    fn: (attainment, target_incentive, curve, method, cap, threshold) =>
      excelCall(payoutOf, attainment, target_incentive, curve, method, cap, threshold, rememberedRateRange),
  },
  {
    name: 'DRAW',
    description:
      'Pays a draw period by period: spills one row per period with the amount paid and the outstanding draw balance after the period.',
    parameters: [
      {
        name: 'earned',
        description: 'One column of earned incentive per period (currency; negative after a clawback).',
        dimensionality: 'matrix',
      },
      {
        name: 'draw',
        description: 'The draw per period: one number, or a column with one per period (currency, zero or more).',
        dimensionality: 'matrix',
      },
      {
        name: 'recoverable',
        description:
          'TRUE (default): shortfalls become a balance recovered from later excess earnings; FALSE: pay the greater of earned and draw. The number 0 is refused (a blank cell on desktop).',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: (earned, draw, recoverable) => excelCall(drawOf, earned, draw, recoverable),
  },
  {
    name: 'PLANPAYOUT',
    description: 'Total payout of a multi-measure plan table for one rep and period: components, kickers and SPIFFs.',
    parameters: [
      {
        name: 'plan',
        description:
          'The plan table, header row included (first header cell "Plan v2", or "Plan v1" from older versions; see the comp docs).',
        dimensionality: 'matrix',
      },
      {
        name: 'actuals',
        description:
          "The rep's actuals: a header row of measure names over a row of values, two columns (measure, value), or a row of values in plan order.",
        dimensionality: 'matrix',
      },
      {
        name: 'measures',
        description:
          'Measure names for a bare row of actuals, in the same order (e.g. the header row of the actuals sheet).',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'proration',
        description:
          'Share of the period the rep is on the plan (fraction above 0, at most 1; scales target incentive and quotas); default 1. 0 is refused.',
        optional: true,
      },
    ],
    fn: (plan, actuals, measures, proration) => excelCall(planPayoutOf, plan, actuals, measures, proration),
  },
  {
    name: 'STATEMENT',
    description:
      'The statement of a plan payout, spilled as a table: component, measure, item, base, rate, amount, and a Total row; the amounts add up to the total exactly.',
    parameters: [
      {
        name: 'plan',
        description:
          'The plan table, header row included (first header cell "Plan v2", or "Plan v1" from older versions; see the comp docs).',
        dimensionality: 'matrix',
      },
      {
        name: 'actuals',
        description:
          "The rep's actuals: a header row of measure names over a row of values, two columns (measure, value), or a row of values in plan order.",
        dimensionality: 'matrix',
      },
      {
        name: 'measures',
        description:
          'Measure names for a bare row of actuals, in the same order (e.g. the header row of the actuals sheet).',
        dimensionality: 'matrix',
        optional: true,
      },
      {
        name: 'proration',
        description:
          'Share of the period the rep is on the plan (fraction above 0, at most 1; scales target incentive and quotas); default 1. 0 is refused.',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: (plan, actuals, measures, proration) => excelCall(statementOf, plan, actuals, measures, proration),
  },
  {
    name: 'PLANDRAW',
    description:
      "Applies the plan table's draw row to earnings per period: spills one row per period with the amount paid and the outstanding draw balance after the period.",
    parameters: [
      {
        name: 'plan',
        description:
          'The plan table, header row included, with a row of type "draw" (Rate = draw per period; Method = recoverable or non-recoverable).',
        dimensionality: 'matrix',
      },
      {
        name: 'earned',
        description: 'One column of earned incentive per period (currency; e.g. PLANPAYOUT results, after CLAWBACKS).',
        dimensionality: 'matrix',
      },
      {
        name: 'proration',
        description:
          'Share of each period the rep is on the plan (fraction 0 to 1, e.g. PRORATION results): one number for every period, or a column with one per period; scales the draw; default 1.',
        optional: true,
      },
    ],
    result: 'matrix',
    fn: (plan, earned, proration) => excelCall(planDrawOf, plan, earned, proration),
  },
  {
    name: 'CLAWBACKS',
    description:
      "Earnings per period after clawbacks: spills one column with each period's earned amount minus the commission reversed in that period, to the cent.",
    parameters: [
      {
        name: 'earned',
        description: 'One column of earned incentive per period (currency).',
        dimensionality: 'matrix',
      },
      {
        name: 'clawbacks',
        description:
          'Two or three columns: period (1 = the first row of earned), amount taken back (currency, zero or more), optional reference (e.g. the deal id); one header row of text is skipped.',
        dimensionality: 'matrix',
      },
    ],
    result: 'matrix',
    fn: (earned, clawbacks) => excelCall(clawbacksOf, earned, clawbacks),
  },
  {
    name: 'PRORATION',
    description:
      'Proration factor of a partial period by calendar days: (days on the plan inside the period − leave days) / days in the period.',
    parameters: [
      { name: 'period_start', description: 'First day of the period (an Excel date).' },
      { name: 'period_end', description: 'Last day of the period (an Excel date, inclusive).' },
      { name: 'start_date', description: 'First day on the plan (blank or 0: before the period).', optional: true },
      { name: 'end_date', description: 'Last day on the plan (blank or 0: after the period).', optional: true },
      {
        name: 'leave_days',
        description: 'Calendar days of leave inside the period while on the plan (default 0).',
        optional: true,
      },
    ],
    fn: (period_start, period_end, start_date, end_date, leave_days) =>
      excelCall(prorationOf, period_start, period_end, start_date, end_date, leave_days),
  },
];
