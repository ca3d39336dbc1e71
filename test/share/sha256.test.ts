import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalInputs, fingerprintInputs, sha256Hex } from '../../src/share';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto on any text (UTF-8), including block-boundary lengths', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.nat(130).map((n) => 'x'.repeat(n)),
        ),
        (s) => {
          expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('canonicalInputs', () => {
  it('writes sheet, address (no $) and values row-major, blanks as null', () => {
    const text = canonicalInputs([
      {
        sheet: 'Comp plan',
        address: '$a$2:$B$3',
        values: [
          [0, 0.05],
          ['', true],
        ],
      },
    ]);
    expect(text).toBe('[["Comp plan","A2:B3",[[0,0.05],[null,true]]]]');
    expect(fingerprintInputs([{ sheet: 'S', address: 'A1', values: [[-0]] }])).toBe(
      fingerprintInputs([{ sheet: 'S', address: 'A1', values: [[0]] }]),
    );
  });

  it('changes when any input changes', () => {
    const a = fingerprintInputs([{ sheet: 'S', address: 'A1:A2', values: [[1], [2]] }]);
    expect(fingerprintInputs([{ sheet: 'S', address: 'A1:A2', values: [[1], [2.0000001]] }])).not.toBe(a);
    expect(fingerprintInputs([{ sheet: 'S', address: 'A1:A2', values: [[1], ['2']] }])).not.toBe(a);
    expect(fingerprintInputs([{ sheet: 'T', address: 'A1:A2', values: [[1], [2]] }])).not.toBe(a);
  });
});
