/** Ramp schedules and typed ramp profiles. */
import {
  DEFAULT_RAMP_PROFILES,
  checkRamp,
  isNondecreasing,
  rampFraction,
  rampProfile,
  rampProfileKindOf,
  rampSchedule,
  teamCapacity,
} from '../../src/quota';
import { serial } from './helpers';

describe('ramp schedules', () => {
  test('the step of each tenure month, then 1; 0 before tenure month 1', () => {
    const r = checkRamp([0.25, 0.5]);
    expect([0, 1, 2, 3, 40].map((k) => rampFraction(r, k))).toEqual([0, 0.25, 0.5, 1, 1]);
    expect(rampFraction([], 1)).toBe(1);
  });

  test('steps must be fractions in [0, 1], named by tenure month', () => {
    expect(() => checkRamp([0.5, 50])).toThrow('ramp: tenure month 2');
    expect(() => checkRamp([Number.NaN])).toThrow('tenure month 1');
  });

  test('nondecreasing', () => {
    expect(isNondecreasing([0, 0.5, 0.5, 1])).toBe(true);
    expect(isNondecreasing([0.5, 0.25])).toBe(false);
  });
});

describe('typed ramp profiles', () => {
  test('defaults for new hire, replacement and internal transfer', () => {
    expect(DEFAULT_RAMP_PROFILES.newHire.schedule).toEqual([0, 0.25, 0.5, 0.75]);
    expect(DEFAULT_RAMP_PROFILES.replacement.schedule).toEqual([0.25, 0.5, 0.75]);
    expect(DEFAULT_RAMP_PROFILES.internalTransfer.schedule).toEqual([0.5]);
    expect(rampProfile('replacement', [0.6]).schedule).toEqual([0.6]);
    expect(() => rampProfile('replacement', [2])).toThrow('ramp');
    expect(() => rampProfile('contractor' as 'newHire')).toThrow('ramp profile');
  });

  test('profile names as people write them', () => {
    const kinds = ['New hire', 'newHire', 'new-hire', ' NEW HIRE ', 'Replacement', 'internal transfer', 'Transfer'].map(
      rampProfileKindOf,
    );
    expect(kinds).toEqual([
      'newHire',
      'newHire',
      'newHire',
      'newHire',
      'replacement',
      'internalTransfer',
      'internalTransfer',
    ]);
    expect(['Enterprise AE', 'constructor', '__proto__', ''].map(rampProfileKindOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('a roster mixing profiles: each rep on its own ramp', () => {
    // All start 2024-01-01 at 1000. January: new hire 0, replacement 250, transfer 500 → 750.
    // February: 250 + 500 + 1000 = 1750. March: 500 + 750 + 1000 = 2250. April: 750 + 1000 + 1000 = 2750.
    // May: 1000 × 3 = 3000.
    const start = serial('2024-01-01');
    const reps = (['newHire', 'replacement', 'internalTransfer'] as const).map((kind) => ({
      fullQuota: 1000,
      start,
      ramp: rampProfile(kind).schedule,
    }));
    expect(teamCapacity({ reps, firstMonth: start, months: 5 }).capacity).toEqual([750, 1750, 2250, 2750, 3000]);
    expect(rampSchedule(reps[0], start, 5)).toEqual([0, 250, 500, 750, 1000]);
  });
});
