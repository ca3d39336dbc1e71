/**
 * The plan calculator and its statement. Every payout explains itself line by line (component, item, base, rate,
 * amount). Rounding policy: lines are computed unrounded; the payable total is rounded once, to the cent, half
 * away from zero (money.ts); each line's shown amount is its exact amount rounded to the cent, with the few
 * cents of rounding difference given to the lines with the largest remainders, so the shown lines add up to the
 * total exactly.
 */
import { type Grid } from '../shared/cells';
import { invalid, notFound } from '../shared/errors';
import { allocateCents, toCents } from '../shared/money';
import { payoutAmount, payoutSteps } from './curves';
import { type CompPlan, measureKey, validatePlan } from './plan';
import { checkProration } from './proration';
import { compilePlanFormulas, evaluateFormula } from './formulas';

/** A rep's actuals for the period: measure name → value in the measure's units. */
export type Actuals = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** What a statement line is. */
export type LineKind = 'band' | 'point' | 'gate' | 'cap' | 'kicker' | 'spiff' | 'formula';

/** One line of a statement: `base × rate = exact` where both apply; `amount` is the reconciled, rounded amount. */
export interface StatementLine {
  readonly component: string;
  readonly measure: string;
  readonly kind: LineKind;
  readonly item: string;
  readonly base: number | null;
  readonly rate: number | null;
  /** Unrounded amount (currency). */
  readonly exact: number;
  /** Amount to the cent; the lines' amounts add up to the statement total exactly. */
  readonly amount: number;
}

/** How one component was measured. */
export interface ComponentResult {
  readonly name: string;
  readonly measure: string;
  readonly actual: number;
  /** Prorated quota. */
  readonly quota: number;
  /** actual / prorated quota (fraction). */
  readonly attainment: number;
  /** Prorated component target incentive (plan target incentive × weight × proration). */
  readonly targetIncentive: number;
  /** Unrounded payout of the component, kickers included (a formula component's: to the cent). */
  readonly payout: number;
  /** A formula component's formula and the values of the variables it read. */
  readonly formula?: { readonly source: string; readonly values: readonly (readonly [string, number])[] };
}

/** A payout statement. */
export interface Statement {
  readonly lines: readonly StatementLine[];
  readonly components: readonly ComponentResult[];
  /** The payable amount, to the cent. */
  readonly total: number;
  /** Unrounded payable amount: the components' own amounts (kickers included) plus SPIFFs; the lines explain it. */
  readonly exactTotal: number;
  readonly proration: number;
}

/** Options of a plan calculation. */
export interface PayoutOptions {
  /** Share of the period the rep is on the plan (0–1, see prorationFactor); scales target incentive and quotas. */
  readonly proration?: number;
}

/**
 * A lookup of measures in `actuals` (names match case- and space-insensitively; of equal names the last wins);
 * missing → #N/A. Indexes the actuals once, so a plan of many components looks each measure up in O(1).
 */
export function actualsLookup(actuals: Actuals, arg = 'actuals'): (measure: string) => number {
  const entries: [string, number][] =
    actuals instanceof Map
      ? [...(actuals as ReadonlyMap<string, number>)]
      : Object.entries(actuals as Readonly<Record<string, number>>);
  const byKey = new Map<string, number>();
  for (const [k, v] of entries) byKey.set(measureKey(k), v);
  return (measure) => {
    const found = byKey.get(measureKey(measure));
    if (found === undefined) {
      notFound(`${arg}: no value for measure "${measure}" (found: ${entries.map((e) => e[0]).join(', ') || 'none'}).`);
    }
    return found;
  };
}

type Draft = Omit<StatementLine, 'amount'>;

/**
 * Computes a plan's payout for one rep and period, with its statement. `plan` is validated first; every measure
 * the plan uses must be in `actuals` (#N/A otherwise).
 */
export function planStatement(plan: CompPlan, actuals: Actuals, options: PayoutOptions = {}): Statement {
  validatePlan(plan);
  const f = checkProration(options.proration ?? 1);
  const drafts: Draft[] = [];
  const components: ComponentResult[] = [];
  const measured = actualsLookup(actuals);
  const quotas = new Map<string, number>();
  for (const c of [...plan.components].reverse()) quotas.set(measureKey(c.measure), c.quota);
  const quotaOf = (measure: string): number | undefined => quotas.get(measureKey(measure));

  for (const c of plan.components) {
    const actual = measured(c.measure);
    const quota = c.quota * f;
    const ti = plan.targetIncentive * c.weight * f;
    const attainment = quota > 0 ? actual / quota : 0;
    if (!Number.isFinite(attainment)) {
      invalid(
        `actuals: the attainment of "${c.name}" (${actual} / ${quota}) is not a finite number; check the quota and proration.`,
      );
    }
    // The lines explain the amount; the amount is the curve's own (as PAYOUT computes it), not their float sum: a
    // capped payout is cap × target incentive exactly, where band lines minus the cap line can land a hair below a
    // half cent (41.83 + 1,044.915 − 1,024 = 62.744999… for 1.5 × 41.83 = 62.745, which pays 62.75).
    for (const s of payoutSteps(attainment, ti, c.curve, c))
      drafts.push({ component: c.name, measure: c.measure, ...s, exact: s.amount });
    let payout = payoutAmount(attainment, ti, c.curve, c);
    for (const k of plan.kickers) {
      if (measureKey(k.component) !== measureKey(c.name)) continue;
      const kq = (k.quota ?? quotaOf(k.measure) ?? 0) * f;
      const ka = kq > 0 ? measured(k.measure) / kq : 0;
      if (ka < k.hurdle) continue;
      const exact = payout * (k.multiplier - 1);
      drafts.push({
        component: c.name,
        measure: k.measure,
        kind: 'kicker',
        item: `kicker ×${+k.multiplier.toPrecision(12)} (${k.measure} at ${+(ka * 100).toPrecision(12)}%)`,
        base: payout,
        rate: k.multiplier - 1,
        exact,
      });
      payout += exact;
    }
    components.push({ name: c.name, measure: c.measure, actual, quota, attainment, targetIncentive: ti, payout });
  }
  const formulas = plan.formulas ?? [];
  if (formulas.length > 0) {
    const compiled = compilePlanFormulas(plan);
    const payouts = new Map<string, number>();
    for (const c of components) payouts.set(measureKey(c.name), toCents(c.payout));
    for (let i = 0; i < formulas.length; i++) {
      const fc = formulas[i];
      const r = evaluateFormula(plan, i, compiled[i], { actual: measured, proration: f, payouts }, toCents);
      payouts.set(measureKey(fc.name), r.amount);
      const measure = fc.measures[0] ?? '';
      const quota = fc.quota !== undefined ? fc.quota * f : 0;
      const actual = measure !== '' && quota > 0 ? measured(measure) : 0;
      drafts.push({
        component: fc.name,
        measure,
        kind: 'formula',
        item: formulaItem(fc.formula, r.values),
        base: null,
        rate: null,
        exact: r.amount,
      });
      components.push({
        name: fc.name,
        measure,
        actual,
        quota,
        attainment: quota > 0 ? actual / quota : 0,
        targetIncentive: plan.targetIncentive * fc.weight * f,
        payout: r.amount,
        formula: { source: fc.formula, values: r.values },
      });
    }
  }
  for (const s of plan.spiffs) {
    const units = measured(s.measure);
    const hurdle = s.hurdle ?? (s.kind === 'fixed' ? 1 : 0);
    if (units < hurdle) continue;
    const fixed = s.kind === 'fixed';
    drafts.push({
      component: s.name,
      measure: s.measure,
      kind: 'spiff',
      item: fixed ? 'SPIFF (fixed)' : 'SPIFF (per unit)',
      base: fixed ? null : units,
      rate: fixed ? null : s.amount,
      exact: fixed ? s.amount : units * s.amount,
    });
  }
  // Components at their own amounts (with kickers), formulas at theirs (already to the cent), SPIFFs.
  let exactTotal = 0;
  for (const c of components) exactTotal += c.payout;
  for (const d of drafts) if (d.kind === 'spiff') exactTotal += d.exact;
  const total = toCents(exactTotal);
  const cents = allocateCents(
    drafts.map((d) => d.exact),
    Math.round(total * 100),
  );
  return {
    lines: drafts.map((d, i) => ({ ...d, amount: cents[i] / 100 })),
    components,
    total,
    exactTotal,
    proration: f,
  };
}

/** The payable total of a plan for one rep and period (currency, to the cent). */
export function planPayout(plan: CompPlan, actuals: Actuals, options: PayoutOptions = {}): number {
  return planStatement(plan, actuals, options).total;
}

/** Column headers of a statement grid. */
export const STATEMENT_HEADER = ['Component', 'Measure', 'Item', 'Base', 'Rate', 'Amount'] as const;

/** A statement as a range: the header, one row per line, then a `Total` row whose amount is the lines' sum. */
export function statementGrid(s: Statement): Grid {
  const rows: Grid = [[...STATEMENT_HEADER]];
  for (const l of s.lines) rows.push([l.component, l.measure, l.item, tidy(l.base), tidy(l.rate), l.amount]);
  rows.push(['Total', null, null, null, null, s.total]);
  return rows;
}

/**
 * The statement item of a formula line: the formula, then the value of each variable it read, so the rep can redo
 * the arithmetic: `formula: min(attainment, 1.5) * target_incentive; where attainment = 1.2; target_incentive = 25000`.
 * It never starts with `=`, `+` or `-`, so a copy of it as a value is never read as an Excel formula.
 */
export function formulaItem(source: string, values: readonly (readonly [string, number])[]): string {
  const shown = values.map(([n, v]) => `${n} = ${+v.toPrecision(12)}`).join('; ');
  return `formula: ${source.trim().replace(/\s+/g, ' ')}${shown ? `; where ${shown}` : ''}`;
}

/** A base or rate for display: 12 significant digits, so 1399.9999999999998 shows as 1400. */
function tidy(x: number | null): number | null {
  return x === null ? null : +x.toPrecision(12);
}
