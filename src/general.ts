/**
 * The general custom functions (VERSION, ROUNDMONEY) from their cell arguments; functions/general.ts passes them
 * to `excelCall`.
 */
import type { ArgValue } from './shared/cells';
import { optionalNumber, toInteger, toNumber } from './shared/coerce';
import { roundHalfAwayFromZero } from './shared/money';
import { VERSION } from './version';

/** VERSION: the add-in version (text, e.g. "0.1.0"). */
export function versionOf(): string {
  return VERSION;
}

/** ROUNDMONEY: `amount` rounded half away from zero to `digits` decimal places (0 to 10, default 2). */
export function roundMoneyOf(amount: ArgValue, digits: ArgValue): number {
  const x = toNumber(amount, 'amount');
  const d = optionalNumber(digits, 'digits', 2);
  return roundHalfAwayFromZero(x, toInteger(d, 'digits', 0, 10));
}
