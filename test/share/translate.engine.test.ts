/**
 * Property tests: each native translation against its SALESOPS function on random inputs, both computed by the
 * playground's engine (fast-formula-parser for the native formula, the add-in's own custom functions for the call).
 */
import fc from 'fast-check';
import { TRANSLATORS } from '../../src/share';
import type { Translator } from '../../src/share/translate/common';
import { type Case, agrees, evaluateWithEngine, placeCases, withEdits } from './support/cases';
import { commissionCase, payoutCase, pipelineCase, rampQuotaCase, roundMoneyCase } from './support/generators';

const RUNS = Number(process.env.SHARE_RUNS ?? 300);

function check(c: Case): void {
  const { placed, values } = placeCases([c]);
  const p = placed[0];
  if (!p.native) throw new Error(`${c.label}: no native formula: ${p.reason}`);
  const [r] = evaluateWithEngine(placed, values);
  if (!agrees(r.fn, r.native)) {
    throw new Error(`${c.label}: function ${JSON.stringify(r.fn)} ≠ native ${JSON.stringify(r.native)}\n${p.native}`);
  }
}

describe('native translations agree with the functions (playground engine)', () => {
  it.each([
    ['COMMISSION', commissionCase],
    ['PAYOUT', payoutCase],
    ['ROUNDMONEY', roundMoneyCase],
    ['RAMPQUOTA', rampQuotaCase],
    ['PIPELINE', pipelineCase(false)],
  ] as const)('%s', (_name, arb) => {
    fc.assert(fc.property(arb, check), { numRuns: RUNS, seed: 14 });
  });

  it.each([
    ['COMMISSION', commissionCase],
    ['PAYOUT', payoutCase],
    ['RAMPQUOTA', rampQuotaCase],
    ['PIPELINE', pipelineCase(false)],
  ] as const)('%s: still agrees after a colleague edits the inputs of the shared copy', (_name, arb) => {
    fc.assert(
      fc.property(withEdits(arb), ({ c, edited }) => {
        const { placed, values } = placeCases([c]); // translated on the inputs as shared
        if (!placed[0].native) throw new Error(`${c.label}: no native formula: ${placed[0].reason}`);
        const after = values.map((row, i) => edited[i] ?? row);
        const [r] = evaluateWithEngine(placed, after);
        if (!agrees(r.fn, r.native)) {
          throw new Error(`${c.label} edited to ${JSON.stringify(edited)}: ${String(r.fn)} ≠ ${String(r.native)}`);
        }
      }),
      { numRuns: RUNS, seed: 15 },
    );
  });

  /** Whether the property over `arb` fails with `name`'s translator mutated by `mutate`. */
  function failsWith(name: string, arb: fc.Arbitrary<Case>, mutate: (native: string) => string): boolean {
    const good = TRANSLATORS[name];
    TRANSLATORS[name] = (args, ctx) => {
      const t = good(args, ctx);
      return 'native' in t ? { native: mutate(t.native) } : t;
    };
    try {
      return fc.check(fc.property(arb, check), { numRuns: RUNS, seed: 14 }).failed;
    } finally {
      TRANSLATORS[name] = good;
    }
  }

  it('the old semantics fail the properties: a cap or threshold of 0 as a cap or gate at 0', () => {
    expect(failsWith('PAYOUT', payoutCase, (f) => f.replace(/\)<>0,/g, ')<>-1E+300,'))).toBe(true);
  });

  it('the old semantics fail the properties: stage names compared with their spaces', () => {
    expect(
      failsWith('PIPELINE', pipelineCase(false), (f) => f.replace(/SUBSTITUTE\(([^,()]+),"\s*","\s*"\)/g, '$1')),
    ).toBe(true);
  });

  it('a deliberately wrong translation fails the property (retro with > instead of >=)', () => {
    const good = TRANSLATORS.COMMISSION;
    const mutant: Translator = (args, ctx) => {
      const t = good(args, ctx);
      return 'native' in t ? { native: t.native.replace(/>=/g, '>') } : t;
    };
    TRANSLATORS.COMMISSION = mutant;
    try {
      const out = fc.check(fc.property(commissionCase, check), { numRuns: RUNS, seed: 14 });
      expect(out.failed).toBe(true);
    } finally {
      TRANSLATORS.COMMISSION = good;
    }
  });
});
