/**
 * The comp wizard's computations: plan templates, the plan grid ⇄ the comp core's plan table (src/comp), the payout
 * curve and what-if figures, and the write plan. Pure (no React).
 */
import type { CellValue, Grid } from '../../../src/shared/cells';
import { invalid } from '../../../src/shared/errors';
import { toCents } from '../../../src/shared/money';
import {
  type CompPlan,
  FORMULA_VARIABLE_HELP,
  PERIOD_MEASURES,
  PLAN_TABLE_HEADER,
  curve,
  formulaVariables,
  measureKey,
  planDrawSchedule,
  planMeasures,
  planPayout,
  readActuals,
  readPlanTable,
  writePlanTable,
} from '../../../src/comp';
import { EXPRESSION_FUNCTIONS, type ExpressionProblem, checkExpression } from '../../../src/shared/expression';
import { formatCell, formatRange, parseRange, qualified } from '../../workbook/address';
import type { BlockWrite, RangeData, WriteCell, WritePlan } from '../../workbook/port';
import type { CompTemplateId, WhatIf } from './types';

/** Single measure, accelerator above 100 %, capped at 3× target incentive: the base of two templates. */
const ACCELERATOR: CompPlan = {
  name: 'AE plan',
  targetIncentive: 10000,
  components: [
    {
      name: 'Bookings',
      measure: 'Bookings',
      weight: 1,
      quota: 100000,
      curve: curve('marginal', [
        [0, 1],
        [1, 2],
      ]),
      cap: 3,
    },
  ],
  kickers: [],
  spiffs: [],
};

/** Starting plans. Amounts are currency per period; weights, bounds, caps and thresholds are fractions/multiples. */
export const TEMPLATES: Record<CompTemplateId, { label: string; plan: CompPlan }> = {
  accelerator: {
    label: 'Single measure with accelerator',
    plan: ACCELERATOR,
  },
  multiMeasure: {
    label: 'Multi-measure with weights, threshold and cap',
    plan: {
      name: 'AE plan',
      targetIncentive: 10000,
      components: [
        {
          name: 'Bookings',
          measure: 'Bookings',
          weight: 0.7,
          quota: 100000,
          curve: curve('marginal', [
            [0, 1],
            [1, 1.5],
          ]),
          cap: 2,
          threshold: 0.5,
        },
        {
          name: 'New logos',
          measure: 'New logos',
          weight: 0.3,
          quota: 10,
          curve: curve('marginal', [
            [0, 1],
            [1, 2],
          ]),
          cap: 2,
        },
      ],
      kickers: [],
      spiffs: [],
    },
  },
  draw: {
    label: 'New hire with a recoverable draw',
    plan: { ...ACCELERATOR, name: 'New-hire plan', draw: { name: 'New-hire draw', amount: 6000, recoverable: true } },
  },
  formula: {
    label: 'Bookings curve with a formula kicker over two measures',
    plan: {
      name: 'AE plan',
      targetIncentive: 10000,
      components: [{ ...ACCELERATOR.components[0], weight: 0.7, cap: 2 }],
      kickers: [],
      spiffs: [],
      formulas: [
        {
          name: 'Logo kicker',
          measures: ['Bookings', 'New logos'],
          weight: 0.3,
          quota: 100000,
          formula: 'attainment >= 1 and new_logos >= 5 ? 1.5 * target_incentive : 0',
        },
      ],
    },
  },
};

/** Column of the Formula cell and of the row type in the edited rows (the plan table's columns). */
const FORMULA_COLUMN = PLAN_TABLE_HEADER.indexOf('Formula');

/** Live check of one formula row of the grid: its problem (message and 1-based position), or what it may read. */
export interface FormulaCheck {
  /** Index of the row in the edited rows (0-based; the plan-table row is index + 2). */
  readonly index: number;
  readonly name: string;
  readonly formula: string;
  /** The problem with the formula, or undefined when it checks. */
  readonly problem?: ExpressionProblem;
  /** The variables this formula may read, with what each is. */
  readonly variables: readonly { name: string; help: string }[];
  /** Set when the rest of the table does not read yet, so the variables are not known. */
  readonly tableProblem?: string;
}

/**
 * Checks every formula row of the edited grid as the user types, through the same evaluator as PLANPAYOUT: the
 * table is read with each formula set to 1 (so that one bad formula does not hide the variables of the others;
 * not 0, which reads as a blank Formula cell),
 * then each formula is checked against the variables of its row.
 */
export function formulaChecks(rows: string[][]): FormulaCheck[] {
  const at = rows.map((r, i) => ({ r, i })).filter(({ r }) => measureKey(r[0] ?? '') === 'formula');
  if (at.length === 0) return [];
  let plan: CompPlan | undefined;
  let tableProblem: string | undefined;
  try {
    plan = parsePlan(rows.map((r) => (measureKey(r[0] ?? '') === 'formula' ? withFormula(r, '1') : r)));
  } catch (e) {
    tableProblem = e instanceof Error ? e.message : String(e);
  }
  return at.map(({ r, i }, k) => {
    const formula = (r[FORMULA_COLUMN] ?? '').replace(/^\s*=/, '');
    const variables = plan
      ? formulaVariables(plan, k).map((v) => ({ name: v.name, help: FORMULA_VARIABLE_HELP[v.kind] }))
      : [];
    const problem = plan
      ? checkExpression(
          formula,
          variables.map((v) => v.name),
        )
      : undefined;
    return {
      index: i,
      name: r[1] ?? '',
      formula: r[FORMULA_COLUMN] ?? '',
      ...(problem ? { problem } : {}),
      variables,
      ...(tableProblem !== undefined ? { tableProblem } : {}),
    };
  });
}

/** A copy of a grid row with its Formula cell set to `text`. */
export function withFormula(row: string[], text: string): string[] {
  const out = PLAN_TABLE_HEADER.map((_, i) => row[i] ?? '');
  out[FORMULA_COLUMN] = text;
  return out;
}

/** The functions a formula may call, for the wizard's help text. */
export const FORMULA_FUNCTIONS: readonly string[] = Object.values(EXPRESSION_FUNCTIONS).map((f) => f.doc);

/** A plan as editable text rows (the plan table below its header). */
export function planToRows(plan: CompPlan): string[][] {
  const grid = writePlanTable(plan);
  return grid
    .slice(1)
    .map((r) => PLAN_TABLE_HEADER.map((_, i) => (r[i] === null || r[i] === undefined ? '' : String(r[i]))));
}

/** The plan table grid (header + rows) from the edited rows: blank text cells become blank cells. */
export function rowsToGrid(rows: string[][]): Grid {
  return [[...PLAN_TABLE_HEADER], ...rows.map((r) => r.map((c): CellValue => (c.trim() === '' ? null : c.trim())))];
}

/** Reads the edited plan through the comp core (its errors name the row and column of the grid). */
export function parsePlan(rows: string[][]): CompPlan {
  return readPlanTable(rowsToGrid(rows), 'Plan');
}

/**
 * Every measure at `attainment` of its component's quota (curve components, and formula components with a measure
 * and a quota); measures without a quota (SPIFFs, a formula's other measures) at 0; a full period (30 of 30 days).
 */
export function actualsAt(plan: CompPlan, attainment: number): Map<string, number> {
  const m = new Map<string, number>(planMeasures(plan).map((x) => [measureKey(x), 0]));
  for (const f of plan.formulas ?? []) {
    if (f.quota !== undefined && f.measures.length > 0) m.set(measureKey(f.measures[0]), attainment * f.quota);
  }
  for (const c of plan.components) m.set(measureKey(c.measure), attainment * c.quota);
  for (const p of PERIOD_MEASURES) if (m.has(measureKey(p))) m.set(measureKey(p), 30);
  return m;
}

/** The payout curve: payout (currency, to the cent) with every measure at 0 %, 5 %, …, 200 % of quota. */
export function payoutCurve(plan: CompPlan): { x: number; y: number }[] {
  return Array.from({ length: 41 }, (_, i) => {
    const a = i / 20;
    return { x: Math.round(a * 100), y: planPayout(plan, actualsAt(plan, a)) };
  });
}

/**
 * With a draw on the plan, what a rep is paid in a first period (no balance owed yet) at each point of `curve`:
 * the draw schedule of that one period (max(payout, draw)); undefined without a draw.
 */
export function paidWithDrawCurve(
  plan: CompPlan,
  curve: { x: number; y: number }[],
): { x: number; y: number }[] | undefined {
  if (!plan.draw) return undefined;
  return curve.map((pt) => ({ x: pt.x, y: planDrawSchedule(plan, [pt.y])[0].paid }));
}

/**
 * Payout per rep and cost for `reps` reps at 50 %, 100 % and 150 % attainment (cost summed in cents); with a draw,
 * also what a first period pays and what the rep then owes back (recoverable draws).
 */
export function whatIf(plan: CompPlan, reps: number): WhatIf[] {
  return [0.5, 1, 1.5].map((a) => {
    const p = planPayout(plan, actualsAt(plan, a));
    const row: WhatIf = { attainment: a, payoutPerRep: p, cost: toCents(p * reps) };
    if (!plan.draw) return row;
    const first = planDrawSchedule(plan, [p])[0];
    return { ...row, paidWithDraw: first.paid, drawOwed: first.balance };
  });
}

/** Cost of plan at the roster's actuals: the sum of each rep's payout (header row of measure names, one rep a row). */
export function rosterCost(plan: CompPlan, roster: RangeData): { reps: number; cost: number } {
  const [header, ...rows] = roster.values;
  const body = rows.filter((r) => r.some((c) => c !== null && c !== ''));
  if (body.length === 0) invalid('Roster: no reps below the header row.');
  let cents = 0;
  body.forEach((r, i) => {
    try {
      cents += Math.round(planPayout(plan, readActuals(plan, [header, r])) * 100);
    } catch (e) {
      invalid(`Roster row ${i + 2}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return { reps: body.length, cost: cents / 100 };
}

/**
 * The write: the plan table (header + rows) at A1 of a new sheet as the named Excel table `tableName`; with a
 * roster, a "Payout" column right of it: `=SALESOPS.PLANPAYOUT(<plan range>, <rep row>, <roster header>)`.
 */
export function buildCompWrite(
  plan: CompPlan,
  sheet: string,
  tableName: string,
  roster: RangeData | undefined,
): WritePlan {
  const grid = writePlanTable(plan);
  const width = PLAN_TABLE_HEADER.length;
  const cells: WriteCell[][] = grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  const planAddress = formatRange({ top: 0, left: 0, bottom: cells.length - 1, right: width - 1 });
  const blocks: BlockWrite[] = [{ sheet, at: 'A1', cells }];
  if (roster) {
    const r = parseRange(roster.address);
    const abs = (row: number, col: number) => `$${formatCell(row, col).replace(/(\d+)$/, '$$$1')}`;
    const planRef = qualified(sheet, `${abs(0, 0)}:${abs(cells.length - 1, width - 1)}`);
    const headerRef = qualified(roster.sheet, `${abs(r.top, r.left)}:${abs(r.top, r.right)}`);
    const column: WriteCell[][] = [['Payout']];
    for (let row = r.top + 1; row <= r.bottom; row++) {
      const repRow = qualified(roster.sheet, `${formatCell(row, r.left)}:${formatCell(row, r.right)}`);
      column.push([{ formula: `=SALESOPS.PLANPAYOUT(${planRef},${repRow},${headerRef})` }]);
    }
    blocks.push({
      sheet: roster.sheet,
      at: formatCell(r.top, r.right + 1),
      cells: column,
      numberFormats: [['#,##0.00']],
    });
  }
  return { newSheets: [sheet], blocks, tables: [{ name: tableName, sheet, address: planAddress }] };
}
