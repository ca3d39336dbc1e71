/**
 * General custom functions of the SALESOPS namespace: one declaration each, over src/general.ts.
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { roundMoneyOf, versionOf } from '../src/general';

/** The general functions, in the order of functions.json. */
export const GENERAL_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'VERSION',
    description: 'The version of the Sales Ops Modeler add-in whose functions are loaded (text, e.g. "0.1.0").',
    parameters: [],
    fn: () => excelCall(versionOf),
  },
  {
    name: 'ROUNDMONEY',
    description:
      'Rounds an amount of money the way payouts are rounded: half away from zero, to the cent unless digits says otherwise.',
    parameters: [
      { name: 'amount', description: 'The amount to round.' },
      { name: 'digits', description: 'Decimal places, 0 to 10 (default 2).', optional: true },
    ],
    fn: (amount, digits) => excelCall(roundMoneyOf, amount, digits),
  },
];
