/** Translator of SALESOPS.ROUNDMONEY. */
import { requiredNumber, guarded } from './args';
import { type Translator, isOmitted, numberLiteral, refuse, translateWith } from './common';

/**
 * SALESOPS.ROUNDMONEY(amount, [digits]) → ROUND(amount, digits): both round half away from zero on the value as
 * shown to 15 significant digits. Only for digits omitted (2) or a whole literal from 0 to 10: a digits cell could
 * hold 1.5, which ROUND truncates and the function refuses.
 */
export const translateRoundMoney: Translator = (args, ctx) =>
  translateWith(() => {
    if (args.length > 2) refuse('too many arguments');
    const x = requiredNumber(args[0], 'amount', ctx);
    let digits = 2;
    if (!isOmitted(args[1])) {
      const d = numberLiteral(args[1]);
      if (d === undefined || !Number.isInteger(d) || d < 0 || d > 10) {
        refuse('digits is not a whole number literal from 0 to 10');
      }
      digits = d;
    }
    return guarded(x.errors, `ROUND(${x.text},${digits})`);
  });
