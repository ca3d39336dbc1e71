/**
 * The quota wizard's model: read the roster, validate options, run the quota core (src/quota), and build the
 * write plan. Pure (no React), so the exact writes are testable.
 */
import { toNumberVector } from '../../../src/shared/coerce';
import { invalid } from '../../../src/shared/errors';
import { firstOfMonthSerial, monthIndex, serialToDate } from '../../../src/shared/dates';
import { locateColumns, parseTable } from '../../../src/shared/table';
import { hiringPlan, rampSchedule, teamCapacity, MAX_MONTHS } from '../../../src/quota';
import { formatCell, parseRange, qualified } from '../../workbook/address';
import type { RangeData, WriteCell, WritePlan } from '../../workbook/port';
import { fractionField, monthField, numberField, numberListField } from '../fields';
import type { QuotaForm, QuotaOptions, QuotaResult, RosterRep } from './types';

export const ROSTER_LAYOUT = {
  name: { header: 'Rep', kind: 'text', required: true, aliases: ['Name', 'Rep name'] },
  fullQuota: { header: 'Full quota', kind: 'number', required: true, aliases: ['Quota', 'Monthly quota'] },
  start: { header: 'Start date', kind: 'date', required: true, aliases: ['Start'] },
  end: { header: 'End date', kind: 'date', aliases: ['End'] },
} as const;

/** Reads the roster range (header row: Rep, Full quota, Start date, [End date]) with the cell of each field. */
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
    cells: {
      fullQuota: cell(r.row, cols.fullQuota),
      start: cell(r.row, cols.start),
      end: r.end !== undefined ? cell(r.row, cols.end) : undefined,
    },
  }));
}

/** Field-by-field validation of the options; `errors` maps a field to its message. */
export function validateOptions(form: QuotaForm): {
  options?: QuotaOptions;
  errors: Partial<Record<keyof QuotaForm, string>>;
} {
  const errors: Partial<Record<keyof QuotaForm, string>> = {};
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
  if (!first.ok || !months.ok || !ramp.ok || !attrition.ok || !lead.ok || Object.keys(errors).length > 0)
    return { errors };
  return {
    errors,
    options: {
      firstMonth: first.value,
      months: months.value ?? 1,
      ramp: ramp.value,
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

/** Runs the quota core: each rep's schedule, capacity with attrition, and the hiring plan. */
export function computeQuota(reps: RosterRep[], targets: number[], o: QuotaOptions): QuotaResult {
  const start = monthIndex(serialToDate(o.firstMonth));
  const monthSerials = Array.from({ length: o.months }, (_, i) => firstOfMonthSerial(start + i));
  const schedules = reps.map((r) => rampSchedule(r, o.firstMonth, o.months, { ramp: o.ramp }));
  const cap = teamCapacity({ reps, firstMonth: o.firstMonth, months: o.months, ramp: o.ramp, attrition: o.attrition });
  const fullQuota = reps.reduce((s, r) => s + r.fullQuota, 0) / reps.length;
  const plan = hiringPlan({
    targets,
    capacity: cap.capacity,
    fullQuota,
    ramp: o.ramp,
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
    capacityWithHires: plan.capacityWithHires,
    unmet: plan.unmet.map((u) => ({ month: u.month, reason: u.reason, shortfall: u.shortfall })),
  };
}

/**
 * The sheet the wizard writes (a new sheet, from A1):
 *   row 1  Month | first-of-month dates            row 6  (blank)
 *   row 2  Target | targets                        row 7  Ramp | ramp fractions (referenced by the formulas)
 *   row 3  Expected capacity | with attrition       row 8  (blank)
 *   row 4  Capacity with hires                      row 9  Rep | month dates
 *   row 5  Hires                                    rows 10… one rep a row: name, then the quota per month
 * then "Scheduled capacity" = column sums of the rep rows. Rows 1–4 feed a line chart.
 * With formulas, each rep row is one `=SALESOPS.RAMPSCHEDULE(full_quota, start, $B$1, months, ramp, [end])`
 * in column B that spills across the months, referencing the roster cells; the sums are `=SUM(...)`.
 */
export function buildQuotaPlan(
  sheet: string,
  reps: RosterRep[],
  o: QuotaOptions,
  res: QuotaResult,
  output: QuotaForm['output'],
): WritePlan {
  const n = o.months;
  const last = formatCell(0, n).replace(/\d+$/, '');
  const row = (label: string, values: WriteCell[]): WriteCell[] => [label, ...values];
  const rampCells: WriteCell[] = o.ramp.length > 0 ? o.ramp : [1];
  const width = Math.max(n, rampCells.length);
  const pad = (r: WriteCell[]): WriteCell[] => [...r, ...Array.from({ length: width + 1 - r.length }, () => null)];
  const rampRef = `$B$7:$${formatCell(6, rampCells.length).replace(/\d+$/, '')}$7`;
  const repRows = reps.map((r, i) =>
    output === 'formulas'
      ? pad([
          r.name,
          {
            formula: `=SALESOPS.RAMPSCHEDULE(${r.cells.fullQuota},${r.cells.start},$B$1,${n},${rampRef}${r.cells.end ? `,${r.cells.end}` : ''})`,
          },
        ])
      : pad(row(r.name, res.schedules[i])),
  );
  const firstRep = 10;
  const lastRep = firstRep + reps.length - 1;
  const sums: WriteCell[] =
    output === 'formulas'
      ? Array.from({ length: n }, (_, j) => {
          const col = formatCell(0, j + 1).replace(/\d+$/, '');
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
    pad(row('Ramp', rampCells)),
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
    pctRow,
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
