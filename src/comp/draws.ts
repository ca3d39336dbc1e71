/**
 * Draws and clawbacks across periods. All amounts are currency per period; they are taken to the cent on input
 * (they are payables, e.g. results of PAYOUT) and computed in whole cents, so paid amounts and balances reconcile
 * exactly: Σ paid = Σ earned + Σ (draw advanced) − Σ recovered, and the last balance is what is still owed back.
 */
import { centsOf, toCents } from '../shared/money';
import { invalid, notFound } from '../shared/errors';
import type { CompPlan } from './plan';
import { checkProration } from './proration';

/** One period of a draw schedule (currency). */
export interface DrawPeriod {
  /** Incentive earned in the period (after clawbacks). */
  readonly earned: number;
  /** The draw (guaranteed minimum payment) of the period. */
  readonly draw: number;
  /** What is paid in the period: never less than the draw. */
  readonly paid: number;
  /** Outstanding draw balance (owed back by the rep) after the period; always 0 for a non-recoverable draw. */
  readonly balance: number;
  /** Of the earnings above the draw, what went to repay the balance. */
  readonly recovered: number;
}

/**
 * Pays a draw period by period. Recoverable: when earned < draw, pay the draw and add the shortfall to the
 * balance; when earned > draw, recover min(earned − draw, balance) and pay the rest. Non-recoverable: pay
 * max(earned, draw), the balance stays 0. A negative `earned` (a clawback larger than the period's earnings)
 * simply makes a larger shortfall. `draw` must be ≥ 0 in every period.
 */
export function drawSchedule(earned: readonly number[], draw: readonly number[], recoverable: boolean): DrawPeriod[] {
  if (draw.length !== earned.length) {
    invalid(`draw: expected one number or ${earned.length} items (one per period), got ${draw.length}.`);
  }
  const out: DrawPeriod[] = [];
  let balance = 0; // cents
  for (let t = 0; t < earned.length; t++) {
    if (!Number.isFinite(earned[t])) invalid(`earned: item ${t + 1} must be a finite number.`);
    if (!(Number.isFinite(draw[t]) && draw[t] >= 0)) {
      invalid(`draw: item ${t + 1} must be zero or more, got ${draw[t]}.`);
    }
    const e = Math.round(toCents(earned[t]) * 100);
    const d = Math.round(toCents(draw[t]) * 100);
    let paid: number;
    let recovered = 0;
    if (!recoverable) {
      paid = Math.max(e, d);
    } else if (e < d) {
      paid = d;
      balance += d - e;
    } else {
      recovered = Math.min(e - d, balance);
      balance -= recovered;
      paid = e - recovered;
    }
    out.push({ earned: e / 100, draw: d / 100, paid: paid / 100, balance: balance / 100, recovered: recovered / 100 });
  }
  return out;
}

/** A clawback: commission already paid on a deal, reversed in a later period. */
export interface Clawback {
  /** The period (1-based, in the earnings list) in which the reversal is booked. */
  readonly period: number;
  /** The commission to take back (currency, ≥ 0). */
  readonly amount: number;
  /** What is reversed, e.g. the deal id (for statements). */
  readonly reference?: string;
}

/**
 * Earnings per period after clawbacks: each clawback's amount is subtracted in its period (which may go negative;
 * a recoverable draw of 0 then carries the negative forward as a balance recovered from later earnings).
 */
export function applyClawbacks(earned: readonly number[], clawbacks: readonly Clawback[]): number[] {
  const out = [...earned];
  clawbacks.forEach((c, i) => {
    const where = `clawbacks: item ${i + 1}${c.reference ? ` (${c.reference})` : ''}`;
    if (!(Number.isInteger(c.period) && c.period >= 1 && c.period <= earned.length)) {
      invalid(`${where}: period must be a whole number from 1 to ${earned.length}, got ${c.period}.`);
    }
    if (!(Number.isFinite(c.amount) && c.amount >= 0)) {
      invalid(`${where}: amount must be zero or more (the commission to take back), got ${c.amount}.`);
    }
    out[c.period - 1] -= c.amount;
  });
  return out;
}

/**
 * The plan's draw applied to earnings per period (currency; e.g. a column of PLANPAYOUT results after clawbacks):
 * `drawSchedule` with the plan's draw amount in every period, scaled by `proration[t]` (the share of period t the
 * rep is on the plan, a fraction 0–1, e.g. from `prorationFactor`; default 1) and taken to the cent. A plan
 * without a draw row is a lookup that fails.
 */
export function planDrawSchedule(
  plan: CompPlan,
  earned: readonly number[],
  arg = 'plan',
  proration?: readonly number[],
): DrawPeriod[] {
  const d = plan.draw;
  if (!d)
    notFound(`${arg}: the plan table has no draw row; add a row of type "draw" with the draw per period in Rate.`);
  if (proration && proration.length !== earned.length) {
    invalid(`proration: expected one number or ${earned.length} items (one per period), got ${proration.length}.`);
  }
  return drawSchedule(
    earned,
    earned.map((_, t) => (proration ? d.amount * checkProration(proration[t], `proration: item ${t + 1}`) : d.amount)),
    d.recoverable,
  );
}

/**
 * Earnings per period after clawbacks, to the cent: each period's earned amount and each clawback are taken to the
 * cent first and subtracted in whole cents, so the result reconciles exactly (Σ result = Σ earned − Σ clawbacks).
 */
export function clawbackSchedule(earned: readonly number[], clawbacks: readonly Clawback[]): number[] {
  earned.forEach((e, t) => {
    if (!Number.isFinite(e)) invalid(`earned: item ${t + 1} must be a finite number.`);
  });
  applyClawbacks(earned, clawbacks); // validates periods and amounts, in the user's units
  const cents = earned.map(centsOf);
  for (const c of clawbacks) cents[c.period - 1] -= centsOf(c.amount);
  return cents.map((c) => c / 100 + 0);
}
