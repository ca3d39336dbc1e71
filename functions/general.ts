/**
 * General custom functions of the SALESOPS namespace.
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { roundHalfAwayFromZero } from '../src/shared/money';
import { optionalNumber, toNumber, toInteger } from '../src/shared/coerce';
import { VERSION } from '../src/version';

function version(): any {
  return excelCall(() => VERSION);
}

function roundMoney(amount: any, digits?: any): any {
  return excelCall(() => {
    const x = toNumber(amount, 'amount');
    const d = optionalNumber(digits, 'digits', 2);
    return roundHalfAwayFromZero(x, toInteger(d, 'digits', 0, 10));
  });
}

/** The general functions, in the order of functions.json. */
export const GENERAL_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'VERSION',
    description: 'The version of the Sales Ops Modeler add-in whose functions are loaded (text, e.g. "0.1.0").',
    parameters: [],
    fn: version,
  },
  {
    name: 'ROUNDMONEY',
    description:
      'Rounds an amount of money the way payouts are rounded: half away from zero, to the cent unless digits says otherwise.',
    parameters: [
      { name: 'amount', description: 'The amount to round.' },
      { name: 'digits', description: 'Decimal places, 0 to 10 (default 2).', optional: true },
    ],
    fn: roundMoney,
  },
];
