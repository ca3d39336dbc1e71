/**
 * General custom functions of the SALESOPS namespace.
 */
import { excelCall } from './adapter';
import { roundHalfAwayFromZero } from '../src/shared/money';
import { optionalNumber, toNumber, toInteger } from '../src/shared/coerce';
import { VERSION } from '../src/version';

/**
 * The version of the Sales Ops Modeler add-in whose functions are loaded (text, e.g. "0.1.0").
 * @customfunction VERSION
 * @returns The add-in version.
 */
export function version(): any {
  return excelCall(() => VERSION);
}

/**
 * Rounds an amount of money the way payouts are rounded: half away from zero, to the cent unless digits says otherwise.
 * @customfunction ROUNDMONEY
 * @param amount The amount to round.
 * @param [digits] Decimal places, 0 to 10 (default 2).
 * @returns The rounded amount.
 */
export function roundMoney(amount: any, digits?: any): any {
  return excelCall(() => {
    const x = toNumber(amount, 'amount');
    const d = optionalNumber(digits, 'digits', 2);
    return roundHalfAwayFromZero(x, toInteger(d, 'digits', 0, 10));
  });
}
