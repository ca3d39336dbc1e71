import fc from 'fast-check';
import { findCalls, hasSalesopsCall, calledFunctions, toStoredSpelling, toTypedSpelling } from '../../src/share';

describe('findCalls', () => {
  it('finds a typed call with its arguments and offsets', () => {
    const f = '=SALESOPS.PAYOUT(C2, 21000, Curve!$A$1:$B$5, "retro")';
    const [c] = findCalls(f);
    expect(c).toEqual({
      name: 'PAYOUT',
      spelling: 'typed',
      start: 1,
      end: f.length,
      args: ['C2', '21000', 'Curve!$A$1:$B$5', '"retro"'],
      depth: 0,
    });
  });

  it('finds the stored spelling, case-insensitively', () => {
    const calls = findCalls('=_xldudf_salesops_commission(A1,$E$2:$F$5)+1');
    expect(calls.map((c) => [c.name, c.spelling, c.args])).toEqual([['COMMISSION', 'stored', ['A1', '$E$2:$F$5']]]);
  });

  it('finds nested calls with their depth and splits only top-level commas', () => {
    const f = '=SALESOPS.ROUNDMONEY(SALESOPS.COMMISSION(A1, B1:C4, "retro") * MAX(1, 2), 2)';
    const calls = findCalls(f);
    expect(calls.map((c) => [c.name, c.depth])).toEqual([
      ['ROUNDMONEY', 0],
      ['COMMISSION', 1],
    ]);
    expect(calls[0].args).toEqual(['SALESOPS.COMMISSION(A1, B1:C4, "retro") * MAX(1, 2)', '2']);
    expect(f.slice(calls[1].start, calls[1].end)).toBe('SALESOPS.COMMISSION(A1, B1:C4, "retro")');
  });

  it('ignores calls inside strings and quoted sheet names, and respects both inside arguments', () => {
    expect(findCalls('="SALESOPS.PAYOUT(1,2,3)"')).toEqual([]);
    expect(findCalls("='SALESOPS.PAYOUT(x'!A1")).toEqual([]);
    const f = `=SALESOPS.PIPELINE('It''s, (odd'!A2:A9, "a "", ) b", X1)`;
    expect(findCalls(f)[0].args).toEqual([`'It''s, (odd'!A2:A9`, '"a "", ) b"', 'X1']);
  });

  it('keeps structured references and array constants whole', () => {
    const f = '=SALESOPS.COMMISSION(A1, Tiers[[#Data],[Bound]:[Rate]], {1,2})';
    expect(findCalls(f)[0].args).toEqual(['A1', 'Tiers[[#Data],[Bound]:[Rate]]', '{1,2}']);
  });

  it('gives [] for a call without arguments and "" for omitted ones', () => {
    expect(findCalls('=SALESOPS.VERSION()')[0].args).toEqual([]);
    expect(findCalls('=SALESOPS.PAYOUT(A1,B1,C1:D4,,2)')[0].args).toEqual(['A1', 'B1', 'C1:D4', '', '2']);
  });

  it('does not match longer names or unbalanced calls', () => {
    expect(findCalls('=MYSALESOPS.PAYOUT(1)')).toEqual([]);
    expect(findCalls('=SALESOPS.PAYOUT(1')).toEqual([]);
    expect(findCalls('=SALESOPSX.PAYOUT(1)')).toEqual([]);
    expect(hasSalesopsCall('=SUM(A1:A3)')).toBe(false);
    expect(hasSalesopsCall('=1+salesops.roundmoney(A1)')).toBe(true);
  });

  it('lists the functions called, repeats removed', () => {
    expect(calledFunctions('=SALESOPS.ROUNDMONEY(SALESOPS.PAYOUT(1,1,A1:B2))+SALESOPS.PAYOUT(2,1,A1:B2)')).toEqual([
      'ROUNDMONEY',
      'PAYOUT',
    ]);
  });
});

describe('spellings', () => {
  it('converts every call and nothing else', () => {
    const typed = `=SALESOPS.ROUNDMONEY(salesops.commission(A1,'SALESOPS.X(1)'!B1:C3)&"SALESOPS.PAYOUT(")`;
    const stored = toStoredSpelling(typed);
    expect(stored).toBe(
      `=_xldudf_SALESOPS_ROUNDMONEY(_xldudf_SALESOPS_COMMISSION(A1,'SALESOPS.X(1)'!B1:C3)&"SALESOPS.PAYOUT(")`,
    );
    expect(toTypedSpelling(stored)).toBe(
      `=SALESOPS.ROUNDMONEY(SALESOPS.COMMISSION(A1,'SALESOPS.X(1)'!B1:C3)&"SALESOPS.PAYOUT(")`,
    );
  });

  it('round-trips: typed → stored → typed finds the same calls at every depth', () => {
    const names = fc.constantFrom('PAYOUT', 'COMMISSION', 'ROUNDMONEY', 'PIPELINE');
    const leaf = fc.constantFrom('A1', '"x, ("")"', "'My sheet'!B2:C4", '12.5', '');
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(names, fc.array(tie('e'), { maxLength: 3 })).map(([n, a]) => `SALESOPS.${n}(${a.join(',')})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (e) => {
        const f = `=${e}`;
        const s = toStoredSpelling(f);
        expect(toTypedSpelling(s)).toBe(f);
        const a = findCalls(f);
        const b = findCalls(s);
        expect(b.map((c) => [c.name, c.depth, c.args.length])).toEqual(a.map((c) => [c.name, c.depth, c.args.length]));
        expect(b.every((c) => c.spelling === 'stored')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
