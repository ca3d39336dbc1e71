/**
 * The quota wizard's model with per-rep ramp profiles (the roster's optional Profile column): reading profiles,
 * their ramp fields, validation, the computation on each rep's profile ramp, and the sheet layout with one ramp
 * row per profile — checked cell by cell, and by computing the written formulas with the playground's engine.
 */
import { dateToSerial } from '../../src/shared/dates';
import { FormulaEngine } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import type { WriteCell } from '../../taskpane/workbook/port';
import {
  buildQuotaWrite,
  computeQuota,
  followTeamRamp,
  initialProfileRamps,
  readRoster,
  rosterProfiles,
  validateOptions,
} from '../../taskpane/wizards/quota/compute';
import type { QuotaForm, QuotaOptions, RosterRep } from '../../taskpane/wizards/quota/types';

const JAN_2026 = dateToSerial(2026, 1, 1);
const MAR_2026 = dateToSerial(2026, 3, 1);
const JAN_2025 = dateToSerial(2025, 1, 1);

/** Reads `rows` (header first) as a roster on sheet Roster from A1. */
async function roster(rows: WriteCell[][]): Promise<RosterRep[]> {
  const wb = new MemoryWorkbook({ Roster: rows });
  const width = String.fromCharCode(64 + rows[0].length);
  return readRoster(await wb.readRange('Roster', `A1:${width}${rows.length}`));
}

const FORM: QuotaForm = {
  roster: { kind: 'range', text: 'Roster!A1:D4' },
  targetMode: 'flat',
  flatTarget: '5000',
  targetRange: { kind: 'range', text: '' },
  firstMonth: '2026-01',
  months: '5',
  ramp: '0.25, 0.5',
  profileRamps: {},
  attrition: '0',
  leadTime: '0',
  output: 'formulas',
  sheetName: 'Quota plan',
};

/**
 * Ann: new hire, Bob: no profile (team ramp), Cat: internal transfer. Their hand-computed quotas, Jan–May 2026,
 * with the team ramp 0.25, 0.5 and the default profile ramps (full months: quota × the tenure month's fraction):
 * - Ann, 10,000 from 1 Jan 2026, new hire ramp 0, 0.25, 0.5, 0.75: 0; 2,500; 5,000; 7,500; then 10,000 (month 5).
 * - Bob, 8,000 from 1 Mar 2026, team ramp 0.25, 0.5: not employed Jan, Feb; Mar 2,000; Apr 4,000; May 8,000.
 * - Cat, 10,000 from 1 Jan 2026, internal transfer ramp 0.5: Jan 5,000; then 10,000.
 * Scheduled capacity (column sums): 5,000; 12,500; 17,000; 21,500; 28,000.
 */
const THREE: WriteCell[][] = [
  ['Rep', 'Full quota', 'Start date', 'Profile'],
  ['Ann', 10000, JAN_2026, 'New hire'],
  ['Bob', 8000, MAR_2026, null],
  ['Cat', 10000, JAN_2026, 'Internal transfer'],
];
const ANN = [0, 2500, 5000, 7500, 10000];
const BOB = [0, 0, 2000, 4000, 8000];
const CAT = [5000, 10000, 10000, 10000, 10000];
const SCHEDULED = [5000, 12500, 17000, 21500, 28000];

/** Validated options for THREE with the default profile ramps. */
function threeOptions(reps: RosterRep[]): QuotaOptions {
  const profiles = rosterProfiles(reps);
  const v = validateOptions({ ...FORM, profileRamps: initialProfileRamps(profiles, FORM.ramp) }, profiles);
  expect(v.errors).toEqual({});
  if (!v.options) throw new Error('expected options');
  return v.options;
}

describe('quota model: roster profiles', () => {
  it('reads the Profile column: known kinds by any spelling, custom names, blanks on the team ramp', async () => {
    const reps = await roster([
      ['Rep', 'Full quota', 'Start date', 'Ramp profile'],
      ['A', 1, JAN_2026, 'New hire'],
      ['B', 1, JAN_2026, null],
      ['C', 1, JAN_2026, 'INTERNAL  transfer'],
      ['D', 1, JAN_2026, 'newHire'],
      ['E', 1, JAN_2026, 'transfer'],
      ['F', 1, JAN_2026, ' Enterprise AE '],
      ['G', 1, JAN_2026, 'enterpriseae'],
      ['H', 1, JAN_2026, 'Replacement'],
      ['I', 1, JAN_2026, '   '],
      ['J', 1, JAN_2026, 'New-hire'],
      ['K', 1, JAN_2026, 'internal-Transfer'],
    ]);
    expect(reps.map((r) => r.profile?.key)).toEqual([
      'newhire',
      undefined,
      'internaltransfer',
      'newhire',
      'internaltransfer',
      'enterpriseae',
      'enterpriseae',
      'replacement',
      undefined,
      'newhire',
      'internaltransfer',
    ]);
    // one profile per normalised name, in order of first appearance, labelled as first written
    expect(rosterProfiles(reps)).toEqual([
      { key: 'newhire', label: 'New hire', kind: 'newHire' },
      { key: 'internaltransfer', label: 'INTERNAL  transfer', kind: 'internalTransfer' },
      { key: 'enterpriseae', label: 'Enterprise AE' },
      { key: 'replacement', label: 'Replacement', kind: 'replacement' },
    ]);
  });

  it('takes "Type" as the Profile column, and reads a roster without one as before (no profiles)', async () => {
    const typed = await roster([
      ['Name', 'Quota', 'Start', 'Type'],
      ['A', 1, JAN_2026, 'Transfer'],
    ]);
    expect(typed[0].profile).toEqual({ key: 'internaltransfer', label: 'Transfer', kind: 'internalTransfer' });
    const plain = await roster([
      ['Rep', 'Full quota', 'Start date'],
      ['A', 1, JAN_2026],
    ]);
    expect(plain[0].profile).toBeUndefined();
    expect(rosterProfiles(plain)).toEqual([]);
  });

  it('prefills each profile ramp: the kind default, a custom profile the team ramp, text already typed kept', async () => {
    const profiles = rosterProfiles(
      await roster([
        ['Rep', 'Full quota', 'Start date', 'Profile'],
        ['A', 1, JAN_2026, 'new hire'],
        ['B', 1, JAN_2026, 'Replacement'],
        ['C', 1, JAN_2026, 'transfer'],
        ['D', 1, JAN_2026, 'SMB'],
      ]),
    );
    expect(initialProfileRamps(profiles, '0.3, 0.6')).toEqual({
      newhire: '0, 0.25, 0.5, 0.75',
      replacement: '0.25, 0.5, 0.75',
      internaltransfer: '0.5',
      smb: '0.3, 0.6',
    });
    // re-reading the roster keeps what was typed for a profile still there, and drops profiles no longer there
    expect(initialProfileRamps(profiles.slice(0, 1), '0.3', { newhire: '0.1', gone: '1' })).toEqual({
      newhire: '0.1',
    });
  });

  it('a custom profile follows the team ramp until its own ramp is typed; known kinds never do', async () => {
    const profiles = rosterProfiles(
      await roster([
        ['Rep', 'Full quota', 'Start date', 'Profile'],
        ['A', 1, JAN_2026, 'SMB'],
        ['B', 1, JAN_2026, 'Enterprise'],
        ['C', 1, JAN_2026, 'Transfer'],
      ]),
    );
    const before = { smb: '0.25, 0.5', enterprise: '0.1, 0.2', internaltransfer: '0.25, 0.5' };
    expect(followTeamRamp(before, profiles, '0.25, 0.5', '0.5')).toEqual({
      smb: '0.5', // still read the team ramp: follows it
      enterprise: '0.1, 0.2', // typed by the user: kept
      internaltransfer: '0.25, 0.5', // a known kind: kept, even when it happens to equal the team ramp
    });
  });
});

describe('quota model: profile names are data', () => {
  it('names that are Object.prototype properties ("constructor", "__proto__") are profiles like any other', async () => {
    const reps = await roster([
      ['Rep', 'Full quota', 'Start date', 'Profile'],
      ['A', 10000, JAN_2026, 'Constructor'],
      ['B', 10000, JAN_2026, '__proto__'],
    ]);
    const profiles = rosterProfiles(reps);
    expect(profiles.map((p) => p.key)).toEqual(['constructor', '__proto__']);
    const ramps = initialProfileRamps(profiles, '0.5');
    expect(Object.entries(ramps)).toEqual([
      ['constructor', '0.5'],
      ['__proto__', '0.5'],
    ]);
    // a computed key is an own property (as the wizard's form writes it): its message is keyed like any other
    const bad = validateOptions({ ...FORM, profileRamps: { ...ramps, ['__proto__']: 'x' } }, profiles);
    expect(Object.entries(bad.errors.profileRamps ?? {})).toEqual([
      ['__proto__', 'Ramp: __proto__: item 1 ("x") is not a number.'],
    ]);
    const v = validateOptions({ ...FORM, months: '1', profileRamps: ramps }, profiles);
    expect(v.errors).toEqual({});
    if (!v.options) throw new Error('expected options');
    expect(Object.entries(v.options.profileRamps)).toEqual([
      ['constructor', [0.5]],
      ['__proto__', [0.5]],
    ]);
    // each 10,000 × 0.5 in its first month
    expect(computeQuota(reps, [0], v.options).schedules).toEqual([[5000], [5000]]);
  });
});

describe('quota model: options with profiles', () => {
  it('validates each profile ramp by the Ramp rules, with the message under that profile', async () => {
    const profiles = rosterProfiles(await roster(THREE));
    const v = validateOptions(
      { ...FORM, profileRamps: { newhire: '0, 0.25, 0.5, 0.75', internaltransfer: '0.5, 1.5' } },
      profiles,
    );
    expect(v.options).toBeUndefined();
    expect(v.errors).toEqual({
      profileRamps: { internaltransfer: 'Ramp: Internal transfer: item 2 must be at most 1.' },
    });
    const word = validateOptions({ ...FORM, profileRamps: { newhire: 'half', internaltransfer: '0.5' } }, profiles);
    expect(word.errors.profileRamps).toEqual({ newhire: 'Ramp: New hire: item 1 ("half") is not a number.' });
  });

  it('the hire ramp must not step down: the new hire profile when the roster names it, else the team ramp', async () => {
    const profiles = rosterProfiles(await roster(THREE));
    const down = '0.5, 0.25';
    // the team ramp may step down when the hires carry the new hire profile's ramp
    const a = validateOptions(
      { ...FORM, ramp: down, profileRamps: { newhire: '0.5', internaltransfer: down } },
      profiles,
    );
    expect(a.errors).toEqual({});
    expect(a.options?.profileRamps).toEqual({ newhire: [0.5], internaltransfer: [0.5, 0.25] });
    const b = validateOptions({ ...FORM, profileRamps: { newhire: down, internaltransfer: '0.5' } }, profiles);
    expect(b.errors.profileRamps?.newhire).toMatch(/^Ramp: New hire: the hiring plan needs a ramp that never steps/);
    expect(b.errors.ramp).toBeUndefined();
    // without a new hire profile, the team ramp is the hire ramp
    const c = validateOptions({ ...FORM, ramp: down }, []);
    expect(c.errors.ramp).toMatch(/^Ramp: the hiring plan needs a ramp that never steps down/);
  });
});

describe('quota model: computing and writing with profiles', () => {
  it("computes each rep's schedule and the team capacity on the rep's profile ramp", async () => {
    const reps = await roster(THREE);
    const res = computeQuota(reps, [5000, 5000, 5000, 5000, 5000], threeOptions(reps));
    expect(res.schedules).toEqual([ANN, BOB, CAT]);
    expect(res.scheduled).toEqual(SCHEDULED);
    expect(res.expected).toEqual(SCHEDULED); // no tenured reps: attrition does not apply
    expect(res.hireProfile?.label).toBe('New hire');
    expect(res.hires).toEqual([0, 0, 0, 0, 0]); // capacity ≥ 5,000 every month
  });

  it('hires carry the new hire profile ramp when the roster names it, else the team ramp', async () => {
    // Dee (10,000 a month, since Jan 2025) is fully ramped: capacity 10,000; targets 10,000 then 15,000.
    // February is 5,000 short; a hire carries the roster's average full quota, 10,000.
    const rows = (profile: string | null): WriteCell[][] => [
      ['Rep', 'Full quota', 'Start date', 'Profile'],
      ['Dee', 10000, JAN_2025, profile],
    ];
    const options = (profileRamps: Record<string, number[]>): QuotaOptions => ({
      firstMonth: JAN_2026,
      months: 2,
      ramp: [0.5],
      profileRamps,
      attrition: 0,
      leadTime: 0,
    });
    // New hire ramp 0, 0.25, …: a February hire adds 0; a January hire adds 10,000 × 0.25 = 2,500 in February,
    // so February needs ⌈5,000 ÷ 2,500⌉ = 2 hires starting in January.
    const withProfile = computeQuota(await roster(rows('New hire')), [10000, 15000], options({ newhire: [0, 0.25] }));
    expect(withProfile.hires).toEqual([2, 0]);
    expect(withProfile.hireProfile?.key).toBe('newhire');
    // Team ramp 0.5: a February hire adds 10,000 × 0.5 = 5,000, so 1 hire, as late as possible: February.
    const team = computeQuota(await roster(rows(null)), [10000, 15000], options({}));
    expect(team.hires).toEqual([0, 1]);
    expect(team.hireProfile).toBeUndefined();
  });

  it('writes one ramp row per profile and points each rep formula at its own ramp row', async () => {
    const reps = await roster(THREE);
    const o = threeOptions(reps);
    const res = computeQuota(reps, [5000, 5000, 5000, 5000, 5000], o);
    const plan = buildQuotaWrite('Quota plan', reps, o, res, 'formulas');
    const cells = plan.blocks?.[0].cells ?? [];
    expect(cells.map((r) => r[0])).toEqual([
      'Month',
      'Target',
      'Expected capacity',
      'Capacity with hires',
      'Hires',
      null,
      'Ramp', // row 7: the team ramp
      'Ramp: New hire', // row 8
      'Ramp: Internal transfer', // row 9
      null,
      'Rep', // row 11
      'Ann', // rows 12–14
      'Bob',
      'Cat',
      'Scheduled capacity', // row 15
    ]);
    expect(cells[6]).toEqual(['Ramp', 0.25, 0.5, null, null, null]);
    expect(cells[7]).toEqual(['Ramp: New hire', 0, 0.25, 0.5, 0.75, null]);
    expect(cells[8]).toEqual(['Ramp: Internal transfer', 0.5, null, null, null, null]);
    expect(cells[11][1]).toEqual({ formula: '=SALESOPS.RAMPSCHEDULE(Roster!B2,Roster!C2,$B$1,5,$B$8:$E$8)' });
    expect(cells[12][1]).toEqual({ formula: '=SALESOPS.RAMPSCHEDULE(Roster!B3,Roster!C3,$B$1,5,$B$7:$C$7)' });
    expect(cells[13][1]).toEqual({ formula: '=SALESOPS.RAMPSCHEDULE(Roster!B4,Roster!C4,$B$1,5,$B$9:$B$9)' });
    expect(cells[14][1]).toEqual({ formula: '=SUM(B12:B14)' });
    expect(cells[14][5]).toEqual({ formula: '=SUM(F12:F14)' });
    const formats = plan.blocks?.[0].numberFormats ?? [];
    expect(formats.map((r) => r[1])).toEqual([
      'mmm yyyy',
      '#,##0.00',
      '#,##0.00',
      '#,##0.00',
      'General',
      'General',
      '0%',
      '0%',
      '0%',
      'General',
      'mmm yyyy',
      '#,##0.00',
      '#,##0.00',
      '#,##0.00',
      '#,##0.00',
    ]);
    // the chart still plots rows 1–4, below the Scheduled capacity row (15) after a blank row
    expect(plan.charts).toEqual([expect.objectContaining({ source: 'A1:F4', at: 'A17' })]);
  });

  it('the written formulas compute the hand-worked quotas (playground engine)', async () => {
    const wb = new MemoryWorkbook({ Roster: THREE });
    const reps = readRoster(await wb.readRange('Roster', 'A1:D4'));
    const o = threeOptions(reps);
    const res = computeQuota(reps, [5000, 5000, 5000, 5000, 5000], o);
    new FormulaEngine(salesOpsFunctions()).attach(wb);
    await wb.apply(buildQuotaWrite('Quota plan', reps, o, res, 'formulas'));
    const r = await wb.readRange('Quota plan', 'A12:F15');
    expect(r.values).toEqual([
      ['Ann', ...ANN],
      ['Bob', ...BOB],
      ['Cat', ...CAT],
      ['Scheduled capacity', ...SCHEDULED],
    ]);
  });

  it('without profiles the layout is unchanged: reps from row 10 on the team ramp row 7', async () => {
    const reps = await roster([
      ['Rep', 'Full quota', 'Start date'],
      ['Ann', 10000, JAN_2026],
    ]);
    const o = threeOptions(reps);
    const plan = buildQuotaWrite('Q', reps, o, computeQuota(reps, [1, 1, 1, 1, 1], o), 'formulas');
    const cells = plan.blocks?.[0].cells ?? [];
    expect(cells[8][0]).toBe('Rep');
    expect(cells[9][1]).toEqual({ formula: '=SALESOPS.RAMPSCHEDULE(Roster!B2,Roster!C2,$B$1,5,$B$7:$C$7)' });
    expect(cells[10][1]).toEqual({ formula: '=SUM(B10:B10)' });
    expect(plan.charts?.[0].at).toBe('A13'); // Scheduled capacity in row 11, a blank row, the chart
  });
});
