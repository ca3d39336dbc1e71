import { SALESOPS_FUNCTIONS } from '../../functions/catalog';
import { salesOpsFunctions } from '../../taskpane/playground/registry';
import { readMetadata } from '../contract/harness';

describe('playground function registry', () => {
  it('registers every declared function, and only those', () => {
    expect(Object.keys(salesOpsFunctions()).sort()).toEqual(SALESOPS_FUNCTIONS.map((f) => `SALESOPS.${f.name}`).sort());
  });

  it('registers every function of functions.json under its name, bound to the very function Excel calls', () => {
    const registered = salesOpsFunctions();
    let count = 0;
    for (const { id } of readMetadata().functions) {
      count++;
      const declared = SALESOPS_FUNCTIONS.find((f) => f.name === id);
      const fn = registered[`SALESOPS.${id}`];
      expect({ id, same: declared !== undefined && fn === declared.fn }).toEqual({ id, same: true });
    }
    // VERSION and ROUNDMONEY at least (general.ts).
    expect(count).toBeGreaterThanOrEqual(2);
  });
});
