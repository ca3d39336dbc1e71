/**
 * The PLAN TABLE: a multi-measure plan as a range, one header row then one record a row. The first header cell
 * is the schema marker `Plan v3` (the layout version; an older version is migrated by MIGRATIONS, a newer one is
 * rejected with a clear message). Its column holds each row's type.
 *
 * Columns of version 3 (header names are case- and space-insensitive; Cap, Threshold and Formula may be left out):
 *   Plan v3 | Component | Measure | Target incentive | Weight | Quota | Method | Bound | Rate | Cap | Threshold | Formula
 *
 * Versions: 1 had no draw row; 2 adds it (same columns), so a version-1 table reads as it is; 3 adds the formula
 * row and the Formula column (optional), so a version-2 table reads as it is. A table with formula rows is marked
 * version 3, so an add-in that reads only version 2 refuses it with "update the add-in" instead of misreading it.
 *
 * Row types (blank rows, and rows of zeros as Excel for desktop passes blank cells, are skipped; unused cells of a
 * row are left blank):
 *   plan       Component = plan name (optional); Target incentive = currency per period (required, ≥ 0).
 *   component  Component = name; Measure; Weight (fraction, weights add up to 1); Quota (> 0, measure units);
 *              Method = marginal (default) | retro | linear; Cap (multiple of the component's target
 *              incentive, optional); Threshold (attainment fraction, optional).
 *   band       Component = the component it belongs to; Bound = attainment lower bound (fraction, ascending per
 *              component); Rate = multiplier (marginal, retro) or payout fraction of target (linear points).
 *   kicker     Component = the component whose payout is multiplied; Measure = the hurdle measure; Bound = hurdle
 *              attainment (fraction); Rate = multiplier; Quota = quota of the hurdle measure (optional when a
 *              component measures it).
 *   spiff      Component = SPIFF name; Measure = the counted measure; Method = fixed | per unit;
 *              Rate = amount (currency, or currency per unit); Bound = hurdle in units (optional).
 *   draw       (version 2; at most one) Component = label (optional, default "Draw"); Rate = draw per period
 *              (currency, ≥ 0); Method = recoverable (default) | non-recoverable.
 *   formula    (version 3) Component = name; Formula = the expression (src/comp/formulas.ts lists its variables);
 *              Measure = optional, one measure or several separated by commas (the first, with Quota, gives
 *              `attainment`; all become plan measures the formula can read); Weight (fraction, optional, counts
 *              in the weights adding up to 1; gives `target_incentive`); Quota (optional, > 0). Its payout is
 *              the formula's value, rounded to the cent once; formula rows are evaluated after the curve
 *              components, in table order, and may read the payouts of the curve components and earlier formulas.
 */
import { sameNameHint } from '../../shared/names';
import {
  type ArgValue,
  BLANK_AS_ZERO,
  type CellValue,
  type Grid,
  asGrid,
  describeValue,
  isBlankOrZero,
} from '../../shared/cells';
import { cellText, checkRectangular } from '../../shared/coerce';
import { invalid } from '../../shared/errors';
import {
  type ColumnSpec,
  type TableLayout,
  type TableRecord,
  locateColumns,
  parseTable,
  toGrid,
} from '../../shared/table';
import { type CurveMethod, type PayoutCurve } from '../curves';
import {
  type CompPlan,
  type FormulaComponent,
  type Kicker,
  type PlanComponent,
  type PlanDraw,
  type Spiff,
  measureKey,
  validatePlan,
} from '../plan';
import { rateTable } from '../rates';
import { compileFormula } from '../formulas';
import { LIMITS, checkSize, usedLength } from '../../shared/limits';

/** The plan-table layout version this code writes and reads. */
export const PLAN_TABLE_VERSION = 3;

/** The schema marker of the current version, the first header cell. */
export const PLAN_TABLE_MARKER = `Plan v${PLAN_TABLE_VERSION}`;

/** Header of a plan table of the current version, in column order. */
export const PLAN_TABLE_HEADER = [
  PLAN_TABLE_MARKER,
  'Component',
  'Measure',
  'Target incentive',
  'Weight',
  'Quota',
  'Method',
  'Bound',
  'Rate',
  'Cap',
  'Threshold',
  'Formula',
] as const;

const LAYOUT = {
  // The type column is headed by the schema marker; older markers name it in tables that are migrated.
  type: { header: PLAN_TABLE_MARKER, kind: 'text', required: true, aliases: ['Plan v1', 'Plan v2'] },
  component: { header: 'Component', kind: 'text' },
  measure: { header: 'Measure', kind: 'text' },
  targetIncentive: { header: 'Target incentive', kind: 'number', aliases: ['TI', 'Target'] },
  weight: { header: 'Weight', kind: 'number' },
  quota: { header: 'Quota', kind: 'number' },
  method: { header: 'Method', kind: 'text' },
  bound: { header: 'Bound', kind: 'number', aliases: ['Lower bound', 'Attainment', 'Hurdle'] },
  rate: { header: 'Rate', kind: 'number', aliases: ['Multiplier', 'Amount'] },
  cap: { header: 'Cap', kind: 'number' },
  threshold: { header: 'Threshold', kind: 'number', aliases: ['Gate'] },
  formula: { header: 'Formula', kind: 'text', aliases: ['Expression', 'Rule'] },
} as const;

/** Columns a header must have (Cap, Threshold and Formula may be left out). */
const REQUIRED_COLUMNS: readonly (keyof typeof LAYOUT)[] = [
  'component',
  'measure',
  'targetIncentive',
  'weight',
  'quota',
  'method',
  'bound',
  'rate',
];

type Row = TableRecord<typeof LAYOUT>;

/** Column keys of the plan-table layout. */
type ColumnKey = keyof typeof LAYOUT;

/** The required columns as a layout for `locateColumns` (in REQUIRED_COLUMNS order, each marked required). */
const REQUIRED_LAYOUT: TableLayout = Object.fromEntries(
  REQUIRED_COLUMNS.map((key): [string, ColumnSpec] => [key, { ...LAYOUT[key], required: true }]),
);

/**
 * Upgrades a layout to the next version (grid in → grid out); the reader applies them in turn up to
 * PLAN_TABLE_VERSION. Messages keep naming the user's own header cells, so a migration changes cells only where
 * the layout really moved.
 */
const MIGRATIONS: Readonly<Record<number, (grid: Grid) => Grid>> = {
  // 1 → 2: version 2 only adds the draw row type; every version-1 table is a valid version-2 table.
  1: (grid) => grid,
  // 2 → 3: version 3 adds the formula row and an optional Formula column; every version-2 table is a valid
  // version-3 table.
  2: (grid) => grid,
};

/** The layout version named by a plan table's first header cell (`Plan v1` → 1), or an error naming cell A1. */
export function planTableVersion(range: Grid | CellValue, arg = 'plan'): number {
  const grid = asGrid(range);
  const first = grid.length > 0 && grid[0].length > 0 ? grid[0][0] : null;
  const m = /^\s*plan\s*v\s*(\d+)\s*$/i.exec(typeof first === 'string' ? first : '');
  if (!m) {
    invalid(
      `${arg}: the first header cell (row 1, column A) must be the schema marker "${PLAN_TABLE_MARKER}", got ${describeValue(first)}; select the whole plan table including its header row.`,
    );
  }
  return Number(m[1]);
}

/** Reads a plan table (see the layout above) into a validated plan; errors name the row and column. */
export function readPlanTable(range: ArgValue, arg = 'plan'): CompPlan {
  const grid = currentVersionGrid(range, arg);
  const cells = cellNamer(grid[0], arg);
  locateColumns(grid[0], REQUIRED_LAYOUT, arg);
  // A row of zeros has no type: blank cells as Excel for desktop passes them.
  const rows = readRows(parseTable(grid, LAYOUT, arg, true), cells);
  attachBands(rows, cells);
  const head = checkPlanRows(rows, cells);
  return assemblePlan(head, rows, cells);
}

/** Names a plan table's cells in messages, with the user's own header text. */
interface CellNamer {
  readonly arg: string;
  readonly header: readonly CellValue[];
  /** `plan: row 4, column "Quota"`: where a row's cell is. */
  readonly at: (r: Row, key: ColumnKey) => string;
  /** `v`, or an error naming the cell when it is blank (`what` is required on a <type> row). */
  readonly need: <T>(r: Row, key: ColumnKey, v: T | undefined, what: string) => T;
}

/** What the rows of a plan table hold, by kind, in table order; the cells they came from kept for messages. */
interface PlanRows {
  plan?: { row: Row; name?: string; targetIncentive: number };
  comps: CurveEntry[];
  /** Components by measureKey(name): one lookup per band row instead of a scan of every component. */
  byName: Map<string, CurveEntry>;
  bandRows: Row[];
  kickers: { row: Row; k: Kicker }[];
  spiffs: Spiff[];
  draw?: { row: Row; d: PlanDraw };
  formulas: { row: Row; f: FormulaComponent }[];
}

/** A curve component as read: its fields, method and bands (filled in from the band rows). */
interface CurveEntry {
  row: Row;
  c: Omit<PlanComponent, 'curve'>;
  method: CurveMethod;
  bands: { lower: number; rate: number }[];
}

/** The grid at PLAN_TABLE_VERSION: size and shape checked, an older layout migrated, a newer one refused. */
function currentVersionGrid(range: ArgValue, arg: string): Grid {
  let grid = asGrid(range);
  checkSize(
    arg,
    usedLength(grid),
    LIMITS.planRows,
    'rows',
    'A plan table holds one plan (a few dozen rows); put each plan in its own table.',
  );
  checkRectangular(grid, arg);
  let version = planTableVersion(grid, arg);
  while (version !== PLAN_TABLE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (version > PLAN_TABLE_VERSION || !migrate) {
      invalid(
        `${arg}: this plan table has layout version ${version} (cell A1 "${cellText(grid[0][0])}"), but this add-in reads version ${PLAN_TABLE_VERSION}; update the add-in, or rewrite the table with the comp wizard.`,
      );
    }
    grid = migrate(grid);
    version += 1;
  }
  return grid;
}

/** The cell namer of a table with this header row, for argument `arg`. */
function cellNamer(header: readonly CellValue[], arg: string): CellNamer {
  const colName = (key: ColumnKey): string => {
    const spec: ColumnSpec = LAYOUT[key];
    const wanted = [spec.header, ...(spec.aliases ?? [])];
    const i = header.findIndex((h) => wanted.some((w) => measureKey(w) === measureKey(cellText(h))));
    return i >= 0 ? cellText(header[i]) : LAYOUT[key].header;
  };
  const at = (r: Row, key: ColumnKey) => `${arg}: row ${r.row}, column "${colName(key)}"`;
  const need = <T>(r: Row, key: ColumnKey, v: T | undefined, what: string): T => {
    if (v === undefined || v === '') invalid(`${at(r, key)}: ${what} is required on a ${r.type.toLowerCase()} row.`);
    return v;
  };
  return { arg, header, at, need };
}

/** Reads each record by its row type, in table order (band rows are kept to attach once all components are read). */
function readRows(records: readonly Row[], cells: CellNamer): PlanRows {
  const rows: PlanRows = { comps: [], byName: new Map(), bandRows: [], kickers: [], spiffs: [], formulas: [] };
  for (const read of records) {
    // Excel for desktop passes blank cells as 0: a Cap, Threshold, kicker Quota or SPIFF Bound of 0 is no value
    // (no cap, no gate, the component's quota, the default hurdle), as PAYOUT's cap and threshold.
    const r = { ...read, cap: nonZero(read.cap), threshold: nonZero(read.threshold) };
    const type = measureKey(r.type);
    if (type === 'plan') readPlanRow(r, rows, cells);
    else if (type === 'component') readComponentRow(r, rows, cells);
    else if (type === 'band') rows.bandRows.push(r);
    else if (type === 'kicker') rows.kickers.push({ row: r, k: readKickerRow(r, cells) });
    else if (type === 'spiff') rows.spiffs.push(readSpiffRow(r, cells));
    else if (type === 'draw') readDrawRow(r, rows, cells);
    else if (type === 'formula') readFormulaRow(r, rows, cells);
    else {
      invalid(
        `${cells.at(r, 'type')}: unknown row type ${describeValue(r.type)}; expected plan, component, band, kicker, spiff, draw or formula.`,
      );
    }
  }
  return rows;
}

/** The plan row: name (optional) and target incentive (currency per period, ≥ 0); a second plan row is an error. */
function readPlanRow(r: Row, rows: PlanRows, { at, need }: CellNamer): void {
  if (rows.plan) invalid(`${at(r, 'type')}: a second plan row (the first is row ${rows.plan.row.row}); keep one.`);
  const name = r.component || undefined;
  const targetIncentive = need(r, 'targetIncentive', r.targetIncentive, 'the target incentive');
  rows.plan = { row: r, name, targetIncentive };
  if (targetIncentive < 0) invalid(`${at(r, 'targetIncentive')}: must be zero or more, got ${targetIncentive}.`);
}

/** A component row: a curve component, bands to come (weight ≥ 0, quota > 0, cap ≥ 0); a name used twice is an error. */
function readComponentRow(r: Row, rows: PlanRows, { at, need }: CellNamer): void {
  const cname = need(r, 'component', r.component, 'a component name');
  const twin = rows.byName.get(measureKey(cname));
  if (twin) invalid(`${at(r, 'component')}: component "${cname}" is defined twice${sameNameHint(cname, twin.c.name)}.`);
  const weight = need(r, 'weight', r.weight, 'the weight');
  if (weight < 0) invalid(`${at(r, 'weight')}: must be zero or more, got ${weight}.`);
  const quota = need(r, 'quota', r.quota, 'the quota');
  if (!(quota > 0)) invalid(`${at(r, 'quota')}: must be more than 0, got ${quota}.`);
  if (r.cap !== undefined && r.cap < 0) invalid(`${at(r, 'cap')}: must be zero or more, got ${r.cap}.`);
  const entry: CurveEntry = {
    row: r,
    c: {
      name: cname,
      measure: need(r, 'measure', r.measure, 'the measure'),
      weight,
      quota,
      ...(r.cap !== undefined ? { cap: r.cap } : {}),
      ...(r.threshold !== undefined ? { threshold: r.threshold } : {}),
    },
    method: curveMethod(r.method, at(r, 'method')),
    bands: [],
  };
  rows.comps.push(entry);
  rows.byName.set(measureKey(cname), entry);
}

/** A kicker row: component multiplied, hurdle measure and attainment, multiplier (≥ 0), quota (> 0, optional). */
function readKickerRow(r: Row, { at, need }: CellNamer): Kicker {
  const target = need(r, 'component', r.component, 'the component to multiply');
  const multiplier = need(r, 'rate', r.rate, 'the multiplier');
  if (multiplier < 0) invalid(`${at(r, 'rate')}: the multiplier must be zero or more, got ${multiplier}.`);
  const quota = nonZero(r.quota);
  if (quota !== undefined && !(quota > 0)) invalid(`${at(r, 'quota')}: must be more than 0, got ${quota}.`);
  return {
    component: target,
    measure: need(r, 'measure', r.measure, 'the hurdle measure'),
    hurdle: need(r, 'bound', r.bound, 'the hurdle attainment'),
    multiplier,
    ...(quota !== undefined ? { quota } : {}),
  };
}

/** A SPIFF row: name, measure, fixed or per unit, amount (currency, or per unit) and hurdle (units, optional). */
function readSpiffRow(r: Row, { at, need }: CellNamer): Spiff {
  const kind = measureKey(need(r, 'method', r.method, 'fixed or per unit'));
  if (kind !== 'fixed' && kind !== 'per unit' && kind !== 'perunit') {
    invalid(`${at(r, 'method')}: expected "fixed" or "per unit" for a SPIFF, got ${describeValue(r.method)}.`);
  }
  return {
    name: need(r, 'component', r.component, 'the SPIFF name'),
    measure: need(r, 'measure', r.measure, 'the measure'),
    kind: kind === 'fixed' ? 'fixed' : 'perUnit',
    amount: need(r, 'rate', r.rate, 'the amount'),
    ...(nonZero(r.bound) !== undefined ? { hurdle: r.bound } : {}),
  };
}

/** The draw row: label (optional), draw per period (currency, ≥ 0), recoverable or not; a second one is an error. */
function readDrawRow(r: Row, rows: PlanRows, { at, need }: CellNamer): void {
  if (rows.draw) invalid(`${at(r, 'type')}: a second draw row (the first is row ${rows.draw.row.row}); keep one.`);
  const amount = need(r, 'rate', r.rate, 'the draw per period');
  if (amount < 0) invalid(`${at(r, 'rate')}: the draw must be zero or more, got ${amount}.`);
  const d: PlanDraw = {
    ...(r.component ? { name: r.component } : {}),
    amount,
    recoverable: drawRecoverable(r.method, at(r, 'method')),
  };
  rows.draw = { row: r, d };
}

/** A formula row: name, expression (uncompiled), measures, weight (≥ 0, default 0) and quota (> 0, optional). */
function readFormulaRow(r: Row, rows: PlanRows, { header, at, need }: CellNamer): void {
  const cname = need(r, 'component', r.component, 'a component name');
  const key = measureKey(cname);
  const twin = rows.byName.get(key) ?? rows.formulas.find((x) => measureKey(x.f.name) === key);
  if (twin) {
    const other = 'c' in twin ? twin.c.name : twin.f.name;
    invalid(`${at(r, 'component')}: component "${cname}" is defined twice${sameNameHint(cname, other)}.`);
  }
  if (!header.some((h) => ['formula', 'expression', 'rule'].includes(measureKey(cellText(h))))) {
    invalid(`${at(r, 'type')}: a formula row needs a "Formula" column; add it after "Threshold".`);
  }
  const written = need(r, 'formula', r.formula, 'the formula');
  // Excel for desktop passes a blank Formula cell as 0 (BLANK_AS_ZERO): a formula of 0 is none
  if (written.trim() !== '' && isBlankOrZero(Number(written))) {
    invalid(
      `${at(r, 'formula')}: the formula is required on a formula row (${BLANK_AS_ZERO}; to pay nothing, delete the row).`,
    );
  }
  const text = written.replace(/^\s*=/, '');
  const weight = r.weight ?? 0;
  if (weight < 0) invalid(`${at(r, 'weight')}: must be zero or more, got ${weight}.`);
  const quota = nonZero(r.quota);
  if (quota !== undefined && !(quota > 0)) invalid(`${at(r, 'quota')}: must be more than 0, got ${quota}.`);
  // Excel for desktop passes a blank cell as 0: a measure "0" is none
  const measures = (r.measure === undefined || r.measure.trim() === '0' ? '' : r.measure)
    .split(/[,;]/)
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (quota !== undefined && measures.length === 0) {
    invalid(`${at(r, 'measure')}: a formula row with a quota needs the measure it is the quota of.`);
  }
  rows.formulas.push({
    row: r,
    f: { name: cname, formula: text, measures, weight, ...(quota !== undefined ? { quota } : {}) },
  });
}

/** Adds each band row, in table order, to its component's bands (bounds ascending per component). */
function attachBands(rows: PlanRows, { at, need }: CellNamer): void {
  for (const r of rows.bandRows) {
    const owner = rows.byName.get(measureKey(r.component ?? ''));
    if (!owner) invalid(`${at(r, 'component')}: no component named ${describeValue(r.component ?? null)} in the plan.`);
    const lower = need(r, 'bound', r.bound, 'the lower bound');
    const rate = need(r, 'rate', r.rate, 'the rate');
    const prev = owner.bands[owner.bands.length - 1];
    if (prev && !(lower > prev.lower)) {
      invalid(
        `${at(r, 'bound')}: ${lower} is not above the previous bound ${prev.lower} of "${owner.c.name}"; sort its bands ascending.`,
      );
    }
    owner.bands.push({ lower, rate });
  }
}

/** The plan row, once the rows hold together: a plan row, bands on every component, each kicker's component exists. */
function checkPlanRows(rows: PlanRows, { arg, at }: CellNamer): NonNullable<PlanRows['plan']> {
  if (!rows.plan) invalid(`${arg}: no plan row; add a row of type "plan" with the target incentive.`);
  for (const x of rows.comps) {
    if (x.bands.length === 0) invalid(`${at(x.row, 'component')}: component "${x.c.name}" has no band rows.`);
  }
  for (const { row, k } of rows.kickers) {
    if (!rows.byName.has(measureKey(k.component))) {
      invalid(`${at(row, 'component')}: no component named "${k.component}" in the plan.`);
    }
  }
  return rows.plan;
}

/** The plan the rows make, validated, with each formula checked and compiled once (errors name its cell). */
function assemblePlan(head: NonNullable<PlanRows['plan']>, rows: PlanRows, { arg, at }: CellNamer): CompPlan {
  const { comps, formulas, draw } = rows;
  const plan: CompPlan = {
    ...(head.name !== undefined ? { name: head.name } : {}),
    targetIncentive: head.targetIncentive,
    components: comps.map((x) => ({
      ...x.c,
      curve: { method: x.method, table: rateTable(x.bands, `${arg}: "${x.c.name}" bands`) },
    })),
    kickers: rows.kickers.map((x) => x.k),
    spiffs: rows.spiffs,
    ...(formulas.length > 0 ? { formulas: formulas.map((x) => x.f) } : {}),
    ...(draw ? { draw: draw.d } : {}),
  };
  validatePlan(plan, arg);
  if (formulas.length === 0) return plan;
  // Check and compile each formula once, naming its cell; the plan carries the compiled formulas.
  const compiled = formulas.map((x, i) => compileFormula(plan, i, at(x.row, 'formula')));
  return { ...plan, formulas: formulas.map((x, i) => ({ ...x.f, compiled: compiled[i] })) };
}

/** `undefined` for 0 (a blank cell as Excel for desktop passes it) in columns where 0 is no value. */
function nonZero(v: number | undefined): number | undefined {
  return v === 0 ? undefined : v;
}

function curveMethod(v: string | undefined, where: string): CurveMethod {
  const s = measureKey(v ?? '');
  if (s === '' || s === 'marginal') return 'marginal';
  if (s === 'retro' || s === 'retroactive') return 'retro';
  if (s === 'linear' || s === 'piecewiselinear') return 'linear';
  return invalid(`${where}: expected "marginal", "retro" or "linear", got ${describeValue(v ?? null)}.`);
}

function drawRecoverable(v: string | undefined, where: string): boolean {
  const s = measureKey(v ?? '').replace(/[\s-]/g, '');
  if (s === '' || s === 'recoverable') return true;
  if (s === 'nonrecoverable') return false;
  return invalid(`${where}: expected "recoverable" or "non-recoverable" for a draw, got ${describeValue(v ?? null)}.`);
}

/**
 * Writes a plan as a plan table of the current version (header row + rows), the layout `readPlanTable` reads:
 * the plan row, then each component followed by its bands, then formula components, kickers, SPIFFs, the draw.
 */
export function writePlanTable(plan: CompPlan): Grid {
  const rows: (CellValue | undefined)[][] = [];
  //            type         component   measure     TI                    weight    quota     method    bound     rate      cap       threshold
  rows.push(['plan', plan.name ?? null, null, plan.targetIncentive]);
  for (const c of plan.components) {
    rows.push([
      'component',
      c.name,
      c.measure,
      null,
      c.weight,
      c.quota,
      c.curve.method,
      null,
      null,
      c.cap,
      c.threshold,
    ]);
    c.curve.table.lowers.forEach((lower, i) => {
      rows.push(['band', c.name, null, null, null, null, null, lower, c.curve.table.rates[i]]);
    });
  }
  for (const f of plan.formulas ?? []) {
    rows.push([
      'formula',
      f.name,
      f.measures.length > 0 ? f.measures.join(', ') : null,
      null,
      f.weight,
      f.quota,
      null,
      null,
      null,
      null,
      null,
      f.formula,
    ]);
  }
  for (const k of plan.kickers) {
    rows.push(['kicker', k.component, k.measure, null, null, k.quota, null, k.hurdle, k.multiplier]);
  }
  for (const s of plan.spiffs) {
    rows.push([
      'spiff',
      s.name,
      s.measure,
      null,
      null,
      null,
      s.kind === 'fixed' ? 'fixed' : 'per unit',
      s.hurdle,
      s.amount,
    ]);
  }
  const d = plan.draw;
  if (d) {
    rows.push([
      'draw',
      d.name ?? 'Draw',
      null,
      null,
      null,
      null,
      d.recoverable ? 'recoverable' : 'non-recoverable',
      null,
      d.amount,
    ]);
  }
  return toGrid([...PLAN_TABLE_HEADER], rows);
}

/** A plan's curve, for building plans in code: `curve('marginal', [[0, 1], [1, 1.5]])` (bound, rate pairs). */
export function curve(method: CurveMethod, bands: readonly (readonly [number, number])[]): PayoutCurve {
  return {
    method,
    table: rateTable(
      bands.map(([lower, rate]) => ({ lower, rate })),
      'curve',
    ),
  };
}
