/**
 * The sample workbook as sheets of cells: constant values, SALESOPS.* and standard formulas, number formats and
 * table ranges. The playground loads it into the in-memory workbook; `scripts/sample/writeWorkbook.ts` writes it as an
 * .xlsx file. Addresses are A1-style; the plan year is 2026 (see company.ts).
 */
import type { CellValue } from '../src/shared/cells';
import { columnLetter } from '../src/shared/cells';
import { dateToSerial } from '../src/shared/dates';
import { buildCreditSample } from './credit';
import { type SampleCompany, PLAN_YEAR_START, REGIONS, buildSampleCompany } from './company';
import { performanceSheets } from './performanceSheets';
import type { ChartSpec } from '../taskpane/workbook/port';

/** One cell: a constant `value` or a `formula` ("=..."), with an optional number format code. */
export interface SampleCell {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
}

export interface SampleSheet {
  name: string;
  /** What the sheet holds (shown on the README sheet). */
  description: string;
  /** Cells from A1, row-major; `null` = empty. */
  rows: (SampleCell | null)[][];
  /** Excel tables on this sheet: name and address (header row included). */
  tables: { name: string; address: string }[];
  /** Workbook-level defined names that point at a range of this sheet: name and address (optional). */
  names?: { name: string; address: string }[];
  /** Column widths in characters (optional). */
  widths?: number[];
  /** Number formats set on whole columns (0-based column → format code), as a sheet may set them (optional). */
  columnFormats?: Record<number, string>;
  /**
   * Results an opened .xlsx file cached for its formulas (A1 address → value, errors as their code; an array
   * formula's whole range as rows), kept where the playground cannot compute the formula (optional; the sample
   * has none).
   */
  cachedResults?: Record<string, CellValue | CellValue[][]>;
  /** Charts of the sheet's data (the playground draws them beside it; the .xlsx file holds none). */
  charts?: ChartSpec[];
}

export const FORMAT = {
  money: '$#,##0',
  cents: '$#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  month: 'mmm yyyy',
  integer: '0',
  decimal: '0.00',
} as const;

const v = (value: CellValue, numberFormat?: string): SampleCell => ({ value, numberFormat });
const f = (formula: string, numberFormat?: string): SampleCell => ({ formula, numberFormat });

/** Where the e2e test and the docs find the headline cells of the sample. */
export const SAMPLE_CELLS = {
  /** The first rep's 2025 quota (an input) and total payout (a formula) on the Payouts sheet. */
  payoutsQuota: 'C2',
  payoutsBookingsPayout: 'J2',
  payoutsLogoPayout: 'K2',
  payoutsTotal: 'L2',
} as const;

/** Builds every sheet of the sample workbook from `company` (default: the published seed). */
export function buildSampleWorkbook(company: SampleCompany = buildSampleCompany()): SampleSheet[] {
  const sheets = [
    repsSheet(company),
    accountsSheet(company),
    bookingsSheet(company),
    opportunitiesSheet(company),
    stagesSheet(company),
    compPlanSheet(company),
    payoutsSheet(company),
    rampSheet(company),
    capacitySheet(company),
    forecastSheet(),
    territorySheet(company),
    ...creditSheets(company),
    ...performanceSheets(company),
  ];
  return [readmeSheet(sheets), ...sheets];
}

function header(...names: string[]): SampleCell[] {
  return names.map((n) => v(n));
}

function repsSheet(c: SampleCompany): SampleSheet {
  const rows: SampleCell[][] = [
    header('Rep ID', 'Name', 'Region', 'Segment', 'Start date', 'End date', 'Annual quota', 'Monthly quota', 'Target incentive', 'Home lat', 'Home long'), // prettier-ignore
  ];
  c.reps.forEach((r, i) => {
    const row = i + 2;
    rows.push([
      v(r.id),
      v(r.name),
      v(r.region),
      v(r.segment),
      v(r.startDate, FORMAT.date),
      v(r.endDate, FORMAT.date),
      v(r.annualQuota, FORMAT.money),
      f(`=G${row}/12`, FORMAT.money),
      v(r.targetIncentive, FORMAT.money),
      v(r.homeLat),
      v(r.homeLong),
    ]);
  });
  return {
    name: 'Reps',
    description: `${c.reps.length} reps in 4 regions × 2 segments: start dates (7 still ramping), end dates (3 leavers in 2026), annual quota, monthly quota (= annual ÷ 12), target incentive, home coordinates.`,
    rows,
    tables: [{ name: 'Reps', address: `A1:K${c.reps.length + 1}` }],
    widths: [8, 18, 9, 12, 12, 12, 13, 13, 15, 9, 10],
  };
}

function accountsSheet(c: SampleCompany): SampleSheet {
  const rows: SampleCell[][] = [
    header('Account ID', 'Name', 'Region', 'Segment', 'Potential', 'Workload (h)', 'Revenue', 'Latitude', 'Longitude', 'Current owner'), // prettier-ignore
  ];
  for (const a of c.accounts) {
    rows.push([
      v(a.id),
      v(a.name),
      v(a.region),
      v(a.segment),
      v(a.potential, FORMAT.money),
      v(a.workload, FORMAT.integer),
      v(a.revenue, FORMAT.money),
      v(a.lat),
      v(a.long),
      v(a.owner === '' ? null : a.owner),
    ]);
  }
  return {
    name: 'Accounts',
    description: `${c.accounts.length} accounts: annual potential ($), workload (hours a year), revenue ($), region, segment, coordinates and the current owner — deliberately unbalanced; accounts of leavers are unassigned (blank).`,
    rows,
    tables: [{ name: 'Accounts', address: `A1:J${c.accounts.length + 1}` }],
    widths: [10, 22, 9, 12, 12, 12, 12, 9, 10, 18],
  };
}

function bookingsSheet(c: SampleCompany): SampleSheet {
  const rows: SampleCell[][] = [header('Month', ...REGIONS, 'Total')];
  c.bookings.forEach((b, i) => {
    const row = i + 2;
    rows.push([
      v(b.month, FORMAT.month),
      ...REGIONS.map((r) => v(b.byRegion[r], FORMAT.money)),
      f(`=SUM(B${row}:E${row})`, FORMAT.money),
    ]);
  });
  return {
    name: 'Bookings',
    description:
      '36 months of bookings (Jan 2023 – Dec 2025) per region, with growth and quarter-end seasonality; Total = SUM of the regions.',
    rows,
    tables: [{ name: 'Bookings', address: `A1:F${c.bookings.length + 1}` }],
    charts: [
      {
        sheet: 'Bookings',
        source: `A1:E${c.bookings.length + 1}`,
        type: 'line',
        title: 'Monthly bookings by region',
        at: 'K2',
        seriesBy: 'columns',
      },
    ],
    widths: [10, 12, 12, 12, 12, 13],
  };
}

function opportunitiesSheet(c: SampleCompany): SampleSheet {
  const rows: SampleCell[][] = [header('Opportunity ID', 'Account ID', 'Owner', 'Stage', 'Amount', 'Close date')];
  for (const o of c.opportunities) {
    rows.push([
      v(o.id),
      v(o.accountId),
      v(o.owner),
      v(o.stage),
      v(o.amount, FORMAT.money),
      v(o.closeDate, FORMAT.date),
    ]);
  }
  return {
    name: 'Opportunities',
    description: `${c.opportunities.length} open opportunities closing in 2026: account, owner, stage, amount ($), expected close date.`,
    rows,
    tables: [{ name: 'Opportunities', address: `A1:F${c.opportunities.length + 1}` }],
    widths: [14, 11, 18, 14, 12, 12],
  };
}

function stagesSheet(c: SampleCompany): SampleSheet {
  const rows: SampleCell[][] = [header('Stage', 'Probability')];
  for (const s of c.stages) rows.push([v(s.stage), v(s.probability, FORMAT.percent)]);
  return {
    name: 'Stages',
    description: 'Win probability of each open stage (a fraction; 40 % = 0.4), used by SALESOPS.PIPELINE.',
    rows,
    tables: [{ name: 'Stages', address: `A1:B${c.stages.length + 1}` }],
    widths: [14, 12],
  };
}

/** CompPlan cell addresses (used by the Payouts formulas). */
const PLAN = {
  bookingsCurve: 'CompPlan!$A$2:$B$3',
  logoCurve: 'CompPlan!$D$2:$E$3',
  weight: ['CompPlan!$B$7', 'CompPlan!$C$7'],
  threshold: ['CompPlan!$B$8', 'CompPlan!$C$8'],
  cap: ['CompPlan!$B$9', 'CompPlan!$C$9'],
  method: ['CompPlan!$B$10', 'CompPlan!$C$10'],
};

function compPlanSheet(c: SampleCompany): SampleSheet {
  const [bookings, logos] = c.comp;
  const rows: (SampleCell | null)[][] = [
    [...header('Attainment from', 'Rate'), null, ...header('Attainment from', 'Rate')],
  ];
  for (let i = 0; i < Math.max(bookings.curve.length, logos.curve.length); i++) {
    const b = bookings.curve[i];
    const l = logos.curve[i];
    rows.push([
      b ? v(b.from, FORMAT.percent) : null,
      b ? v(b.rate, FORMAT.decimal) : null,
      null,
      l ? v(l.from, FORMAT.percent) : null,
      l ? v(l.rate, FORMAT.decimal) : null,
    ]);
  }
  rows.push([]);
  rows.push([v('Curves above: Bookings (A:B) and New logos (D:E); marginal bands, rate multiplier per band.')]);
  rows.push(header('Parameter', bookings.name, logos.name));
  rows.push([v('Weight'), v(bookings.weight, FORMAT.percent), v(logos.weight, FORMAT.percent)]);
  rows.push([v('Threshold'), v(bookings.threshold, FORMAT.percent), v(logos.threshold, FORMAT.percent)]);
  rows.push([v('Cap (× target incentive)'), v(bookings.cap, FORMAT.decimal), v(logos.cap, FORMAT.decimal)]);
  rows.push([v('Method'), v('marginal'), v('marginal')]);
  return {
    name: 'CompPlan',
    description:
      'Two-measure comp plan: Bookings (70 % of target incentive) and New logos (30 %); marginal payout curves with an accelerator above 100 % attainment (2.0× and 1.5×), a 50 % threshold and a cap at 2× target incentive.',
    rows,
    tables: [
      { name: 'BookingsCurve', address: 'A1:B3' },
      { name: 'LogoCurve', address: 'D1:E3' },
      { name: 'PlanParameters', address: 'A6:C10' },
    ],
    widths: [26, 12, 12, 16, 8],
  };
}

/** Reps paid on 2025: those who started before 2025-01-01. */
export function payoutReps(c: SampleCompany) {
  return c.reps.filter((r) => r.startDate < dateToSerial(2025, 1, 1));
}

function payoutsSheet(c: SampleCompany): SampleSheet {
  const reps = payoutReps(c);
  const rows: (SampleCell | null)[][] = [
    header('Rep ID', 'Name', 'Quota', 'Bookings', 'Attainment', 'Target incentive', 'New logos', 'New-logo target', 'Logo attainment', 'Bookings payout', 'New-logo payout', 'Total payout'), // prettier-ignore
  ];
  reps.forEach((r, i) => {
    const row = i + 2;
    rows.push([
      v(r.id),
      v(r.name),
      v(r.annualQuota, FORMAT.money),
      v(r.bookings2025, FORMAT.money),
      f(`=D${row}/C${row}`, FORMAT.percent),
      v(r.targetIncentive, FORMAT.money),
      v(r.newLogos2025, FORMAT.integer),
      v(r.newLogoTarget, FORMAT.integer),
      f(`=G${row}/H${row}`, FORMAT.percent),
      f(
        `=SALESOPS.PAYOUT(E${row},F${row}*${PLAN.weight[0]},${PLAN.bookingsCurve},${PLAN.method[0]},${PLAN.cap[0]},${PLAN.threshold[0]})`,
        FORMAT.cents,
      ),
      f(
        `=SALESOPS.PAYOUT(I${row},F${row}*${PLAN.weight[1]},${PLAN.logoCurve},${PLAN.method[1]},${PLAN.cap[1]},${PLAN.threshold[1]})`,
        FORMAT.cents,
      ),
      f(`=SALESOPS.ROUNDMONEY(J${row}+K${row})`, FORMAT.cents),
    ]);
  });
  const last = reps.length + 1;
  const total = last + 1;
  const sum = (col: string, fmt: string) => f(`=SUM(${col}2:${col}${last})`, fmt);
  rows.push([
    v('Total'),
    null,
    sum('C', FORMAT.money),
    sum('D', FORMAT.money),
    f(`=D${total}/C${total}`, FORMAT.percent),
    sum('F', FORMAT.money),
    sum('G', FORMAT.integer),
    sum('H', FORMAT.integer),
    f(`=G${total}/H${total}`, FORMAT.percent),
    sum('J', FORMAT.cents),
    sum('K', FORMAT.cents),
    sum('L', FORMAT.cents),
  ]);
  return {
    name: 'Payouts',
    description: `2025 incentive payouts of the ${reps.length} reps employed all year: attainment = bookings ÷ quota; each measure's payout = SALESOPS.PAYOUT(attainment, target incentive × weight, curve, method, cap, threshold); total = SALESOPS.ROUNDMONEY(sum). Edit a quota and the payouts recompute.`,
    rows,
    tables: [{ name: 'Payouts', address: `A1:L${last}` }],
    widths: [8, 18, 12, 12, 11, 15, 10, 14, 14, 15, 15, 14],
  };
}

function rampSheet(c: SampleCompany): SampleSheet {
  const rows: SampleCell[][] = [header('Tenure month', 'Fraction of full quota')];
  c.ramp.forEach((x, i) => rows.push([v(i + 1, FORMAT.integer), v(x, FORMAT.percent)]));
  return {
    name: 'Ramp',
    description:
      'Ramp schedule for new hires: fraction of the full monthly quota in tenure months 1–3 (100 % from month 4). Tenure month 1 is the calendar month of the start date, prorated by days employed.',
    rows,
    tables: [{ name: 'Ramp', address: `A1:B${c.ramp.length + 1}` }],
    widths: [14, 22],
  };
}

/** Capacity sheet layout: rep rows 2…41, then the team rows. */
export const CAPACITY_ROWS = { capacity: 42, check: 43, target: 44, gap: 45, hires: 46 } as const;

function capacitySheet(c: SampleCompany): SampleSheet {
  const n = c.reps.length;
  const rampRange = `Ramp!$B$2:$B$${c.ramp.length + 1}`;
  const months = Array.from({ length: 12 }, (_, m) => v(dateToSerial(2026, m + 1, 1), FORMAT.month));
  const rows: (SampleCell | null)[][] = [[v('Rep'), ...months]];
  c.reps.forEach((r, i) => {
    const row = i + 2;
    rows.push([
      v(r.name),
      f(`=SALESOPS.RAMPSCHEDULE(Reps!H${row},Reps!E${row},$B$1,12,${rampRange},Reps!F${row})`, FORMAT.money),
    ]);
  });
  const cols = Array.from({ length: 12 }, (_, m) => columnLetter(m + 1));
  const R = CAPACITY_ROWS;
  rows.push([
    v('Team capacity'),
    f(
      `=SALESOPS.CAPACITY(Reps!$H$2:$H$${n + 1},Reps!$E$2:$E$${n + 1},$B$1,12,${rampRange},Reps!$F$2:$F$${n + 1})`,
      FORMAT.money,
    ),
  ]);
  rows.push([v('Check: sum of rep rows'), ...cols.map((col) => f(`=SUM(${col}2:${col}${n + 1})`, FORMAT.money))]);
  rows.push([v('Target'), ...c.hiring.targets.map((t) => v(t, FORMAT.money))]);
  rows.push([v('Gap (target − capacity)'), ...cols.map((col) => f(`=${col}${R.target}-${col}${R.capacity}`, FORMAT.money))]); // prettier-ignore
  rows.push([
    v('Hires to start'),
    f(`=SALESOPS.HIRES(B${R.target}:M${R.target},B${R.capacity}:M${R.capacity},$B$49,${rampRange},$B$50,$B$51)`, FORMAT.integer), // prettier-ignore
  ]);
  rows.push([]);
  rows.push(header('Hiring parameter', 'Value'));
  rows.push([v('Full monthly quota per hire'), v(c.hiring.fullMonthlyQuota, FORMAT.money)]);
  rows.push([v('Monthly attrition'), v(c.hiring.monthlyAttrition, FORMAT.percent)]);
  rows.push([v('Lead time (months)'), v(c.hiring.leadTimeMonths, FORMAT.integer)]);
  return {
    name: 'Capacity',
    description:
      '2026 ramped quota per rep and month (SALESOPS.RAMPSCHEDULE), team capacity (SALESOPS.CAPACITY, checked against the sum of the rep rows), the monthly bookings target, the gap, and the hires to start each month (SALESOPS.HIRES).',
    rows,
    tables: [],
    widths: [26, ...cols.map(() => 11)],
  };
}

function forecastSheet(): SampleSheet {
  const rows: (SampleCell | null)[][] = [
    [...header('Month', 'Forecast', 'Lower 95%', 'Upper 95%'), null, ...header('Quarter', 'From', 'To', 'Weighted pipeline')], // prettier-ignore
  ];
  const pipe = (from: string, to: string) =>
    `=SALESOPS.PIPELINE(Opportunities!$E$2:$E$601,Opportunities!$D$2:$D$601,Stages!$A$2:$B$6,Opportunities!$F$2:$F$601${from}${to})`;
  for (let m = 0; m < 12; m++) {
    const row = m + 2;
    const cells: (SampleCell | null)[] = [v(dateToSerial(2026, m + 1, 1), FORMAT.month)];
    if (m === 0) cells.push(f('=SALESOPS.FORECAST(Bookings!$F$2:$F$37,12,12,"auto",0.95)', FORMAT.money));
    if (m < 4) {
      while (cells.length < 5) cells.push(null);
      const q = m + 1;
      cells.push(
        v(`Q${q} 2026`),
        v(dateToSerial(2026, 3 * m + 1, 1), FORMAT.date),
        v(dateToSerial(2026, 3 * m + 4, 0), FORMAT.date),
        f(pipe(`,G${row}`, `,H${row}`), FORMAT.money),
      );
    } else if (m === 4) {
      while (cells.length < 5) cells.push(null);
      cells.push(v('All open'), null, null, f(pipe('', ''), FORMAT.money));
    } else if (m === 5) {
      while (cells.length < 5) cells.push(null);
      cells.push(v('Check: Q1–Q4'), null, null, f('=SUM(I2:I5)', FORMAT.money));
    }
    rows.push(cells);
  }
  return {
    name: 'Forecast',
    description:
      '2026 bookings forecast from the 36-month history (SALESOPS.FORECAST, seasonality 12, 95 % interval) and the stage-weighted open pipeline per quarter (SALESOPS.PIPELINE = Σ amount × stage probability for close dates in [From, To]).',
    rows,
    tables: [],
    widths: [10, 13, 13, 13, 2, 12, 12, 12, 18],
    charts: [
      { sheet: 'Forecast', source: 'A1:D13', type: 'line', title: '2026 forecast', at: 'K2', seriesBy: 'columns' },
    ],
  };
}

/** Territory sheet: where the rep list and the move budget are. */
export const TERRITORY_CELLS = { repsTop: 2, maxMovesLabel: 'E41', maxMoves: 'E42' } as const;

function territorySheet(c: SampleCompany): SampleSheet {
  const active = c.reps.filter((r) => r.endDate === null);
  const nAcc = c.accounts.length;
  const repsEnd = active.length + 1;
  const rows: (SampleCell | null)[][] = [];
  rows.push([...header('Account ID', 'Current owner', 'Proposed owner'), null, v('Rep'), null, v('Balance report →')]);
  c.accounts.forEach((a, i) => {
    const cells: (SampleCell | null)[] = [v(a.id), v(a.owner === '' ? null : a.owner)];
    cells.push(
      i === 0
        ? f(`=SALESOPS.TERRITORY(Accounts!$E$2:$F$${nAcc + 1},$E$2:$E$${repsEnd},Accounts!$J$2:$J$${nAcc + 1},,$E$42)`)
        : null,
    );
    if (i < active.length) cells.push(null, v(active[i].name));
    if (i === 0) cells.push(null, f(`=SALESOPS.BALANCE(C2:C${nAcc + 1},Accounts!$E$2:$F$${nAcc + 1},E2:E${repsEnd})`));
    rows.push(cells);
  });
  rows[40] = [...rows[40].slice(0, 3), null, v('Max moves')];
  rows[41] = [...rows[41].slice(0, 3), null, v(300, FORMAT.integer)];
  return {
    name: 'Territory',
    description: `Territory carve for 2026: SALESOPS.TERRITORY balances potential and workload of the ${nAcc} accounts over the ${active.length} reps who stay (leavers excluded), moving at most "Max moves" accounts from their current owner; SALESOPS.BALANCE reports each rep's totals and index vs target.`,
    rows,
    tables: [],
    widths: [11, 18, 18, 2, 18, 2, 18, 12, 12, 12, 12],
  };
}

function readmeSheet(sheets: SampleSheet[]): SampleSheet {
  const rows: SampleCell[][] = [
    [v('Sales Ops Modeler — sample workbook')],
    [
      v(
        'A synthetic sales organisation (seeded, reproducible). SALESOPS.* formulas need the Sales Ops Modeler add-in; the values saved in this file were computed by the same functions, so they show before the add-in loads.',
      ),
    ],
    [],
    header('Sheet', 'What it holds and how it is computed'),
  ];
  for (const s of sheets) rows.push([v(s.name), v(s.description)]);
  rows.push([]);
  rows.push(header('Function', 'What it computes'));
  const fns: [string, string][] = [
    ['SALESOPS.PAYOUT', 'Payout of one measure: target incentive × Σ band rate × attainment inside the band (marginal), 0 below the threshold, at most cap × target incentive.'], // prettier-ignore
    ['SALESOPS.ROUNDMONEY', 'Rounds to the cent, half away from zero (the payout rounding policy).'],
    ['SALESOPS.RAMPSCHEDULE', 'A rep\'s monthly quotas: full monthly quota × ramp fraction of the tenure month × share of the month employed.'], // prettier-ignore
    ['SALESOPS.CAPACITY', "Team capacity per month: the sum of every rep's ramped quota."],
    [
      'SALESOPS.HIRES',
      'Hires to start each month so that capacity meets the target, given ramp, attrition and lead time.',
    ],
    ['SALESOPS.FORECAST', 'Point forecast and 95 % interval of monthly bookings (automatic method choice).'],
    ['SALESOPS.PIPELINE', 'Σ amount × stage probability of open opportunities closing in [from, to].'],
    ['SALESOPS.TERRITORY', 'A balanced, low-disruption owner for each account (at most max_moves changes).'],
    ['SALESOPS.BALANCE', 'Per-rep totals of each metric and index vs target (100 = on target).'],
    ['SALESOPS.CREDITED', 'A rep\'s credit on deals closing in the period: split shares, overlays, and deals of accounts owned on the close date.'], // prettier-ignore
    ['SALESOPS.CREDITS', 'The crediting audit trail: one row per credit with the rule that gave it.'],
    ['SALESOPS.QUOTARELIEF', 'Monthly quotas after account moves: the contribution moves by the calendar days after the change.'], // prettier-ignore
  ];
  for (const [name, what] of fns) rows.push([v(name), v(what)]);
  return {
    name: 'README',
    description: 'This sheet: what every sheet holds and what each formula computes.',
    rows,
    tables: [],
    widths: [24, 120],
  };
}

/** Where the crediting sheets hold their tables (for tests and the wizard's docs). */
export const CREDIT_CELLS = { sheet: 'Credit', trail: 'Credits' } as const;

function creditSheets(c: SampleCompany): SampleSheet[] {
  const s = buildCreditSample(c);
  const n = Math.max(s.deals.length, s.splits.length, s.ownership.length, s.roster.length, s.accountQuotas.length, s.quotas.length) + 1; // prettier-ignore
  const rows: (SampleCell | null)[][] = Array.from({ length: n }, () => new Array<SampleCell | null>(24).fill(null));
  const put = (col: number, head: string[], body: (SampleCell | null)[][]) => {
    head.forEach((h, j) => (rows[0][col + j] = v(h)));
    body.forEach((r, i) => r.forEach((cell, j) => (rows[i + 1][col + j] = cell)));
  };
  const dealsRange = `$A$1:$E$${s.deals.length + 1}`;
  const splitsRange = `$G$1:$J$${s.splits.length + 1}`;
  const ownersRange = `$L$1:$O$${s.ownership.length + 1}`;
  const period = 'DATE(2026,1,1),DATE(2026,3,31)';
  put(0, ['Deal', 'Account', 'Amount', 'Close date', 'Owner'], s.deals.map((d) => [v(d.deal), v(d.account), v(d.amount, FORMAT.cents), v(d.close, FORMAT.date), d.owner ? v(d.owner) : null])); // prettier-ignore
  put(6, ['Deal', 'Rep', 'Share', 'Type'], s.splits.map((x) => [v(x.deal), v(x.rep), v(x.share, FORMAT.percent), v(x.type)])); // prettier-ignore
  put(11, ['Account', 'Rep', 'From', 'To'], s.ownership.map((o) => [v(o.account), v(o.rep), v(o.from, FORMAT.date), o.to === null ? null : v(o.to, FORMAT.date)])); // prettier-ignore
  put(16, ['Rep', 'Credited Q1'], s.roster.map((r, i) => [v(r), f(`=SALESOPS.CREDITED(Q${i + 2},${dealsRange},${splitsRange},${ownersRange},${period})`, FORMAT.cents)])); // prettier-ignore
  put(
    19,
    ['Account', 'Quota'],
    s.accountQuotas.map((a) => [v(a.account), v(a.quota, FORMAT.money)]),
  );
  put(
    22,
    ['Rep', 'Quota'],
    s.quotas.map((q) => [v(q.rep), v(q.quota, FORMAT.money)]),
  );
  const sheet = CREDIT_CELLS.sheet;
  const trail: (SampleCell | null)[][] = [
    [
      f(`=SALESOPS.CREDITS(${sheet}!${dealsRange},${sheet}!${splitsRange},${sheet}!${ownersRange},${period})`),
      null, null, null, null, null, null,
      f(`=SALESOPS.QUOTARELIEF(${sheet}!$W$1:$X$${s.quotas.length + 1},${sheet}!$T$1:$U$${s.accountQuotas.length + 1},${sheet}!${ownersRange},DATE(2026,1,1),DATE(2026,1,1),3)`), // prettier-ignore
    ],
  ]; // prettier-ignore
  return [
    {
      name: sheet,
      description:
        'Crediting inputs for Q1 2026: deals, splits (60/40-style splits and overlay reps), account ownership with mid-month moves (and a gap), account and rep quotas; Credited Q1 = SALESOPS.CREDITED per rep.',
      rows,
      tables: [
        { name: 'CreditDeals', address: `A1:E${s.deals.length + 1}` },
        { name: 'CreditSplits', address: `G1:J${s.splits.length + 1}` },
        { name: 'Ownership', address: `L1:O${s.ownership.length + 1}` },
        { name: 'CreditRoster', address: `Q1:R${s.roster.length + 1}` },
        { name: 'AccountQuotas', address: `T1:U${s.accountQuotas.length + 1}` },
        { name: 'RepQuotas', address: `W1:X${s.quotas.length + 1}` },
      ],
      widths: [9, 10, 12, 11, 16, 2, 9, 20, 7, 8, 2, 10, 16, 11, 11, 2, 20, 13, 2, 10, 9, 2, 16, 9],
    },
    {
      name: CREDIT_CELLS.trail,
      description:
        'SALESOPS.CREDITS: every credit of Q1 2026 with the rule that gave it; SALESOPS.QUOTARELIEF: monthly quotas after the account moves (from H1).',
      rows: trail,
      tables: [],
      widths: [9, 20, 7, 12, 36, 2, 2, 20, 10, 10, 10],
    },
  ];
}

/** The first month of the plan year (for docs/tests). */
export const FIRST_PLAN_MONTH = PLAN_YEAR_START;
