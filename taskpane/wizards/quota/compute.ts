/**
 * The quota wizard's computations: read the roster, validate options, run the quota core (src/quota), and build the
 * write plan. Pure (no React), so the exact writes are testable.
 */
import { toNumberVector } from '../../../src/shared/coerce';
import { invalid } from '../../../src/shared/errors';
import { firstOfMonthSerial, monthIndex, serialToDate } from '../../../src/shared/dates';
import { locateColumns, parseTable } from '../../../src/shared/table';
import {
  DEFAULT_RAMP_PROFILES,
  hiringSchedule,
  isNondecreasing,
  rampProfileKindOf,
  rampSchedule,
  teamCapacity,
  MAX_MONTHS,
} from '../../../src/quota';
import { formatCell, parseRange, qualified } from '../../workbook/address';
import type { RangeData, WriteCell, WritePlan } from '../../workbook/port';
import { fractionField, monthField, numberField, numberListField } from '../fields';
import type { QuotaErrors, QuotaForm, QuotaOptions, QuotaResult, RosterProfile, RosterRep } from './types';

export const ROSTER_LAYOUT = {
  name: { header: 'Rep', kind: 'text', required: true, aliases: ['Name', 'Rep name'] },
  fullQuota: { header: 'Full quota', kind: 'number', required: true, aliases: ['Quota', 'Monthly quota'] },
  start: { header: 'Start date', kind: 'date', required: true, aliases: ['Start'] },
  end: { header: 'End date', kind: 'date', aliases: ['End'] },
  profile: { header: 'Profile', kind: 'text', aliases: ['Ramp profile', 'Type'] },
} as const;

/**
 * A profile name as written in the roster → the profile: a known kind by any of its names (`rampProfileKindOf`:
 * "New hire" = "newHire" = "new-hire", "transfer" = "internal transfer"), keyed by the kind so its aliases share
 * one ramp; any other name a custom profile, keyed ignoring case, spaces and hyphens. `label` keeps the name as
 * written (trimmed).
 */
export function rosterProfile(name: string): RosterProfile {
  const label = name.trim();
  const kind = rampProfileKindOf(label);
  return kind ? { key: kind.toLowerCase(), label, kind } : { key: label.toLowerCase().replace(/[\s-]+/g, ''), label };
}

/**
 * Reads the roster range (header row: Rep, Full quota, Start date, [End date], [Profile]) with the cell of each
 * field. A blank Profile cell (or no Profile column) leaves the rep on the team ramp.
 */
export function readRoster(data: RangeData): RosterRep[] {
  const records = parseTable(data.values, ROSTER_LAYOUT, 'Roster');
  if (records.length === 0) invalid('Roster: no reps below the header row.');
  const cols = locateColumns(data.values[0], ROSTER_LAYOUT, 'Roster');
  const top = parseRange(data.address);
  const cell = (row: number, col: number): string =>
    qualified(data.sheet, formatCell(top.top + row - 1, top.left + col));
  return records.map((r) => ({
    name: r.name,
    fullQuota: r.fullQuota,
    start: r.start,
    end: r.end,
    profile: r.profile !== undefined && r.profile.trim() !== '' ? rosterProfile(r.profile) : undefined,
    cells: {
      fullQuota: cell(r.row, cols.fullQuota),
      start: cell(r.row, cols.start),
      end: r.end !== undefined ? cell(r.row, cols.end) : undefined,
    },
  }));
}

/**
 * `record[key]` when `key` is the record's own (profile keys are the roster's words: "constructor" must not find
 * Object.prototype's). Records keyed by profile are built with own properties (`Object.fromEntries`, spreads).
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The distinct profiles of the roster, in order of first appearance, each labelled as first written. */
export function rosterProfiles(reps: readonly RosterRep[]): RosterProfile[] {
  const seen = new Map<string, RosterProfile>();
  for (const r of reps) if (r.profile && !seen.has(r.profile.key)) seen.set(r.profile.key, r.profile);
  return [...seen.values()];
}

/** The profile whose ramp the hiring plan's new hires carry: the roster's "new hire" profile, if it names one. */
export function hireProfile(profiles: readonly RosterProfile[]): RosterProfile | undefined {
  return profiles.find((p) => p.kind === 'newHire');
}

/** A ramp as the Ramp fields show it: "0, 0.25, 0.5, 0.75". */
export function formatRamp(ramp: readonly number[]): string {
  return ramp.join(', ');
}

/**
 * The ramp fields of a roster's profiles: the text already typed for a profile (when re-reading the roster), else
 * the known kind's default schedule (DEFAULT_RAMP_PROFILES), else (a custom profile) the team ramp's text.
 */
export function initialProfileRamps(
  profiles: readonly RosterProfile[],
  teamRamp: string,
  typed: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return Object.fromEntries(
    profiles.map((p) => [
      p.key,
      own(typed, p.key) ?? (p.kind ? formatRamp(DEFAULT_RAMP_PROFILES[p.kind].schedule) : teamRamp),
    ]),
  );
}

/**
 * The profile ramps after the team ramp's text changed from `before` to `after`: a custom profile whose field
 * still reads the team ramp follows it (it starts from the team ramp until the user types its own).
 */
export function followTeamRamp(
  profileRamps: Readonly<Record<string, string>>,
  profiles: readonly RosterProfile[],
  before: string,
  after: string,
): Record<string, string> {
  const follows = new Set(profiles.filter((p) => !p.kind && own(profileRamps, p.key) === before).map((p) => p.key));
  return Object.fromEntries(Object.entries(profileRamps).map(([k, v]) => [k, follows.has(k) ? after : v]));
}

const HIRE_RAMP_STEPS_DOWN = 'the hiring plan needs a ramp that never steps down (each month at least the one before).';

/**
 * Field-by-field validation of the options; `errors` maps a field to its message (and each profile's ramp field,
 * by profile key, to its own). `profiles` are the roster's (`rosterProfiles`), one ramp field each.
 */
export function validateOptions(
  form: QuotaForm,
  profiles: readonly RosterProfile[] = [],
): {
  options?: QuotaOptions;
  errors: QuotaErrors;
} {
  const errors: QuotaErrors = {};
  const first = monthField(form.firstMonth, 'First month');
  const months = numberField(form.months, 'Months', { min: 1, max: MAX_MONTHS, integer: true });
  const ramp = numberListField(form.ramp, 'Ramp', { min: 0, max: 1 });
  const attrition = fractionField(form.attrition === '' ? '0' : form.attrition, 'Monthly attrition', 0.99);
  const lead = numberField(form.leadTime === '' ? '0' : form.leadTime, 'Hiring lead time', {
    min: 0,
    max: MAX_MONTHS,
    integer: true,
  });
  if (!first.ok) errors.firstMonth = first.error;
  if (!months.ok) errors.months = months.error;
  if (!ramp.ok) errors.ramp = ramp.error;
  if (!attrition.ok) errors.attrition = attrition.error;
  if (!lead.ok) errors.leadTime = lead.error;
  if (form.targetMode === 'flat') {
    const t = numberField(form.flatTarget, 'Monthly target', { min: 0 });
    if (!t.ok) errors.flatTarget = t.error;
  }
  const parsed = profiles.map((p) => ({
    p,
    r: numberListField(own(form.profileRamps, p.key) ?? '', `Ramp: ${p.label}`, { min: 0, max: 1 }),
  }));
  const profileRamps: Record<string, number[]> = Object.fromEntries(
    parsed.flatMap(({ p, r }) => (r.ok ? [[p.key, r.value]] : [])),
  );
  const profileErrors: [string, string][] = parsed.flatMap(({ p, r }) => (r.ok ? [] : [[p.key, r.error]]));
  // The hiring plan's new hires carry the "new hire" profile's ramp, else the team ramp; it must not step down.
  const hire = hireProfile(profiles);
  if (hire) {
    const r = own(profileRamps, hire.key);
    if (r && !isNondecreasing(r)) profileErrors.push([hire.key, `Ramp: ${hire.label}: ${HIRE_RAMP_STEPS_DOWN}`]);
  } else if (ramp.ok && !isNondecreasing(ramp.value)) {
    errors.ramp = `Ramp: ${HIRE_RAMP_STEPS_DOWN}`;
  }
  if (profileErrors.length > 0) errors.profileRamps = Object.fromEntries(profileErrors);
  if (!first.ok || !months.ok || !ramp.ok || !attrition.ok || !lead.ok || Object.keys(errors).length > 0)
    return { errors };
  return {
    errors,
    options: {
      firstMonth: first.value,
      months: months.value ?? 1,
      ramp: ramp.value,
      profileRamps,
      attrition: attrition.value,
      leadTime: lead.value ?? 0,
    },
  };
}

/** The monthly targets: a flat amount repeated, or the numbers of a one-row/one-column range (exactly `months`). */
export function readTargets(form: QuotaForm, months: number, range?: RangeData): number[] {
  if (form.targetMode === 'flat') {
    const t = numberField(form.flatTarget, 'Monthly target', { min: 0 });
    if (!t.ok) invalid(t.error);
    return Array.from({ length: months }, () => t.value ?? 0);
  }
  if (!range) invalid('Targets: choose the range of monthly targets.');
  const nums = toNumberVector(range.values, 'Targets');
  if (nums.length !== months)
    invalid(`Targets: the range holds ${nums.length} numbers; the plan has ${months} months (one target per month).`);
  return nums;
}

/** The ramp of one rep: its profile's, or the team ramp when it has none. */
export function repRamp(rep: RosterRep, o: QuotaOptions): number[] {
  if (!rep.profile) return o.ramp;
  const r = own(o.profileRamps, rep.profile.key);
  if (r === undefined) invalid(`Ramp: no ramp for the profile "${rep.profile.label}" of ${rep.name}.`);
  return r;
}

/**
 * Runs the quota core: each rep's schedule (on its profile's ramp), capacity with attrition, and the hiring plan
 * (new hires on the "new hire" profile's ramp if the roster names that profile, else on the team ramp).
 */
export function computeQuota(reps: RosterRep[], targets: number[], o: QuotaOptions): QuotaResult {
  const start = monthIndex(serialToDate(o.firstMonth));
  const monthSerials = Array.from({ length: o.months }, (_, i) => firstOfMonthSerial(start + i));
  const ramps = reps.map((r) => repRamp(r, o));
  const schedules = reps.map((r, i) => rampSchedule(r, o.firstMonth, o.months, { ramp: ramps[i] }));
  const cap = teamCapacity({
    reps: reps.map((r, i) => ({ fullQuota: r.fullQuota, start: r.start, end: r.end, ramp: ramps[i] })),
    firstMonth: o.firstMonth,
    months: o.months,
    ramp: o.ramp,
    attrition: o.attrition,
  });
  const fullQuota = reps.reduce((s, r) => s + r.fullQuota, 0) / reps.length;
  const hire = hireProfile(rosterProfiles(reps));
  const plan = hiringSchedule({
    targets,
    capacity: cap.capacity,
    fullQuota,
    ramp: (hire && own(o.profileRamps, hire.key)) ?? o.ramp,
    attrition: 0, // cap.capacity already carries the expected attrition of the tenured team
    leadTime: o.leadTime,
  });
  return {
    monthSerials,
    targets,
    schedules,
    scheduled: cap.scheduled,
    expected: cap.capacity,
    hires: plan.hires,
    totalHires: plan.totalHires,
    hireProfile: hire,
    capacityWithHires: plan.capacityWithHires,
    unmet: plan.unmet.map((u) => ({ month: u.month, reason: u.reason, shortfall: u.shortfall })),
  };
}

/**
 * The sheet the wizard writes (a new sheet, from A1), for a roster naming P ramp profiles (P ≥ 0):
 *   row 1  Month | first-of-month dates            row 6  (blank)
 *   row 2  Target | targets                        row 7  Ramp | the team ramp's fractions
 *   row 3  Expected capacity | with attrition       rows 8 … 7+P  Ramp: <profile> | that profile's fractions
 *   row 4  Capacity with hires                      row 8+P  (blank)
 *   row 5  Hires                                    row 9+P  Rep | month dates
 *                                                  rows 10+P …  one rep a row: name, then the quota per month
 * then "Scheduled capacity" = column sums of the rep rows. Rows 1–4 feed a line chart placed below, after a blank row.
 * The profile rows follow the order of first appearance in the roster, labelled as first written; without
 * profiles (P = 0) the layout is the original one (reps from row 10). An empty ramp is written as 1 (no ramp).
 * With formulas, each rep row is one `=SALESOPS.RAMPSCHEDULE(full_quota, start, $B$1, months, ramp, [end])`
 * in column B that spills across the months, referencing the roster cells and the absolute ramp row of the rep's
 * profile (the team's row 7 when it has none); the sums are `=SUM(...)`.
 */
export function buildQuotaWrite(
  sheet: string,
  reps: RosterRep[],
  o: QuotaOptions,
  res: QuotaResult,
  output: QuotaForm['output'],
): WritePlan {
  const n = o.months;
  const column = (c: number): string => formatCell(0, c).replace(/\d+$/, '');
  const last = column(n);
  const row = (label: string, values: WriteCell[]): WriteCell[] => [label, ...values];
  const profiles = rosterProfiles(reps);
  const asCells = (ramp: readonly number[]): WriteCell[] => (ramp.length > 0 ? [...ramp] : [1]);
  const teamRow = 7;
  const ramps: { label: string; cells: WriteCell[]; row: number }[] = [
    { label: 'Ramp', cells: asCells(o.ramp), row: teamRow },
    ...profiles.map((p, i) => ({
      label: `Ramp: ${p.label}`,
      cells: asCells(own(o.profileRamps, p.key) ?? o.ramp),
      row: teamRow + 1 + i,
    })),
  ];
  const rampRow = new Map(profiles.map((p, i) => [p.key, ramps[i + 1]]));
  const width = Math.max(n, ...ramps.map((r) => r.cells.length));
  const pad = (r: WriteCell[]): WriteCell[] => [...r, ...Array.from({ length: width + 1 - r.length }, () => null)];
  /** The absolute reference of a rep's ramp row: its profile's, else the team's. */
  const rampRef = (rep: RosterRep): string => {
    const r = (rep.profile ? rampRow.get(rep.profile.key) : undefined) ?? ramps[0];
    return `$B$${r.row}:$${column(r.cells.length)}$${r.row}`;
  };
  const repRows = reps.map((r, i) =>
    output === 'formulas'
      ? pad([
          r.name,
          {
            formula: `=SALESOPS.RAMPSCHEDULE(${r.cells.fullQuota},${r.cells.start},$B$1,${n},${rampRef(r)}${r.cells.end ? `,${r.cells.end}` : ''})`,
          },
        ])
      : pad(row(r.name, res.schedules[i])),
  );
  const firstRep = teamRow + ramps.length + 2;
  const lastRep = firstRep + reps.length - 1;
  const sums: WriteCell[] =
    output === 'formulas'
      ? Array.from({ length: n }, (_, j) => {
          const col = column(j + 1);
          return { formula: `=SUM(${col}${firstRep}:${col}${lastRep})` };
        })
      : res.scheduled;
  const cells: WriteCell[][] = [
    pad(row('Month', res.monthSerials)),
    pad(row('Target', res.targets)),
    pad(row('Expected capacity', res.expected)),
    pad(row('Capacity with hires', res.capacityWithHires)),
    pad(row('Hires', res.hires)),
    pad([null]),
    ...ramps.map((r) => pad(row(r.label, r.cells))),
    pad([null]),
    pad(row('Rep', res.monthSerials)),
    ...repRows,
    pad(row('Scheduled capacity', sums)),
  ];
  const moneyRow = ['General', ...Array.from({ length: width }, () => '#,##0.00')];
  const dateRow = ['General', ...Array.from({ length: width }, () => 'mmm yyyy')];
  const plainRow = Array.from({ length: width + 1 }, () => 'General');
  const pctRow = ['General', ...Array.from({ length: width }, () => '0%')];
  const numberFormats = [
    dateRow,
    moneyRow,
    moneyRow,
    moneyRow,
    plainRow,
    plainRow,
    ...ramps.map(() => pctRow),
    plainRow,
    dateRow,
    ...reps.map(() => moneyRow),
    moneyRow,
  ];
  return {
    newSheets: [sheet],
    blocks: [{ sheet, at: 'A1', cells, numberFormats }],
    charts: [
      {
        sheet,
        source: `A1:${last}4`,
        type: 'line',
        title: 'Capacity vs target',
        at: `A${lastRep + 3}`,
        seriesBy: 'rows',
      },
    ],
  };
}
