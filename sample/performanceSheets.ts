/**
 * The sample workbook's performance and routing sheets: Deals, Performance (ATTAINMENT, PACING, FISCALPERIOD),
 * Leads (ROUTE) and Routing (the rules and reps tables).
 */
import type { CellValue } from '../src/shared/cells';
import type { SampleCell, SampleSheet } from './workbook';
import type { SampleCompany } from './company';
import { PERFORMANCE_DATES, buildPerformanceData } from './performance';

const MONEY = '$#,##0';
const CENTS = '$#,##0.00';
const DATE = 'yyyy-mm-dd';
const v = (value: CellValue, numberFormat?: string): SampleCell => ({ value, numberFormat });
const f = (formula: string, numberFormat?: string): SampleCell => ({ formula, numberFormat });
const header = (...names: string[]) => names.map((n) => v(n));

/** Deals, Performance, Leads and Routing, built from `c`. */
export function performanceSheets(c: SampleCompany): SampleSheet[] {
  const data = buildPerformanceData(c);
  const active = c.reps.filter((r) => r.endDate === null);
  const n = active.length;
  const deals: SampleSheet = {
    name: 'Deals',
    description: `Closed-won deals of Q1 2026 up to 15 Mar 2026 (${data.deals.length}): rep, close date, amount in dollars.`,
    rows: [header('Rep', 'Date', 'Amount'), ...data.deals.map((d) => [v(d.rep), v(d.date, DATE), v(d.amount, CENTS)])],
    tables: [{ name: 'Deals', address: `A1:C${data.deals.length + 1}` }],
    widths: [18, 12, 13],
  };
  const last = 6 + n; // the last rep row; the team row of ATTAINMENT is row 7 + n
  const perf: (SampleCell | null)[][] = [
    [v('As of'), v(PERFORMANCE_DATES.asOf, DATE)],
    [v('Quarter start'), v(PERFORMANCE_DATES.quarterStart, DATE)],
    [v('Quarter end'), v(PERFORMANCE_DATES.quarterEnd, DATE)],
    [v('Fiscal period of As of (4-4-5, year from February)'), f('=SALESOPS.FISCALPERIOD(B1,"445",2)')],
    [],
    [
      ...header('Rep', 'Quarter quota'),
      null,
      f(`=SALESOPS.ATTAINMENT(A6:A${last},Deals!A1:C${data.deals.length + 1},A6:B${last},B2,B1)`),
      null,
      null,
      null,
      null,
      null,
      ...header('Expected to date', 'Pace', 'Projected attainment', 'Gap to quota'),
    ],
  ];
  for (let i = 0; i <= n; i++) {
    const row = 7 + i;
    const cells: (SampleCell | null)[] =
      i < n ? [v(active[i].name), v(active[i].annualQuota / 4, MONEY)] : [null, null];
    while (cells.length < 9) cells.push(null);
    cells.push(f(`=SALESOPS.PACING(E${row},F${row},$B$2,$B$3,$B$1)`, MONEY));
    perf.push(cells);
  }
  const performance: SampleSheet = {
    name: 'Performance',
    description: `Q1 2026 as of 15 Mar: SALESOPS.ATTAINMENT sums the Deals per rep against a quarter of each rep's annual quota (rank, team row); SALESOPS.PACING compares each rep's and the team's bookings with the quota expected by then (linear by days); SALESOPS.FISCALPERIOD shows the 4-4-5 period of the as-of date.`,
    rows: perf,
    tables: [],
    widths: [20, 14, 2, 18, 13, 13, 11, 6, 2, 16, 8, 12, 13],
  };
  const leads: SampleSheet = {
    name: 'Leads',
    description: `${data.leads.length} inbound leads; SALESOPS.ROUTE assigns each to a rep by the rules and reps of the Routing sheet (weighted round-robin within a team).`,
    rows: [
      [
        ...header('Lead ID', 'Country', 'Employees', 'Industry', 'Source'),
        null,
        f(
          `=SALESOPS.ROUTE(B1:E${data.leads.length + 1},Routing!A1:E${data.rules.length + 1},Routing!G1:K${data.routingReps.length + 1})`,
        ),
      ],
      ...data.leads.map((l) => [v(l.id), v(l.country), v(l.employees), v(l.industry), v(l.source)]),
    ],
    tables: [],
    widths: [10, 9, 11, 11, 10, 2, 18],
  };
  const rows: (SampleCell | null)[][] = [
    [
      ...header('Priority', 'Field', 'Operator', 'Value', 'Assign to'),
      null,
      ...header('Rep', 'Team', 'Weight', 'Capacity', 'Active'),
    ],
  ];
  const height = Math.max(data.rules.length, data.routingReps.length);
  for (let i = 0; i < height; i++) {
    const rule = data.rules[i];
    const rep = data.routingReps[i];
    rows.push([
      ...(rule ? rule.map((x) => v(x)) : [null, null, null, null, null]),
      null,
      ...(rep ? rep.map((x) => v(x)) : []),
    ]);
  }
  const routing: SampleSheet = {
    name: 'Routing',
    description:
      'Rules of engagement (Priority, Field, Operator, Value, Assign to; rows of one priority are ANDed, priority 9 is the default) and the routing reps (Team, Weight, Capacity, Active) that SALESOPS.ROUTE reads.',
    rows,
    tables: [
      { name: 'RoutingRules', address: `A1:E${data.rules.length + 1}` },
      { name: 'RoutingReps', address: `G1:K${data.routingReps.length + 1}` },
    ],
    widths: [9, 11, 10, 16, 18, 2, 18, 12, 8, 9, 8],
  };
  return [deals, performance, leads, routing];
}
