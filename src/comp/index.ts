/**
 * The comp domain of the modeling core: commission rate tables, attainment payout curves, multi-measure plans,
 * draws and clawbacks, proration, statements and the plan table. Pure functions; bad input throws
 * ModelInputError naming the argument or cell. Amounts are currency; attainment, weights, rates and caps are
 * fractions or multiples (1.05 = 105 %). Kernels return unrounded amounts; payables are rounded once to the cent
 * (toCents, half away from zero) — statements and plan payouts do this for you.
 *
 * For the task-pane comp wizard:
 * - Build a plan in code: `{ targetIncentive, components: [{ name, measure, weight, quota, curve: curve('marginal',
 *   [[0, 1], [1, 1.5]]), cap, threshold }], kickers: [], spiffs: [] }`, check it with `validatePlan(plan)`.
 * - Write it to the sheet: `writePlanTable(plan)` → a 2-D array (header row `Plan v2 | Component | …` + rows) to
 *   put in a range as is. Read it back: `readPlanTable(grid)` (errors name the row and column).
 * - Preview a payout: `planStatement(plan, { Bookings: 1_200_000, 'New logos': 4 }, { proration })` → lines
 *   (component, item, base, rate, amount) that add up to `total` exactly; `statementGrid(s)` lays it out as a
 *   range; `planPayout(...)` is the total alone. `prorationFactor({ periodStart, periodEnd, start, end,
 *   leaveDays })` gives the proration fraction from dates (Excel serials).
 * - Single curves: `payoutAmount(attainment, targetIncentive, curve, { cap, threshold })`; commission tiers:
 *   `marginalAmount(amount, table)` / `retroAmount(amount, table)` with `rateTable([{ lower, rate }])`.
 * - Periods: `drawSchedule(earned, draw, recoverable)`, `planDrawSchedule(plan, earned)` (the plan's draw row),
 *   `clawbackSchedule(earned, clawbacks)` (to the cent; `readClawbacks(range)` reads SALESOPS.CLAWBACKS' range).
 * - Rounding a payable yourself: `toCents(x)` from src/shared/money.ts.
 */
export * from './rates';
export * from './sheet/rates';
export * from './curves';
export * from './plan';
export * from './proration';
export * from './draws';
export * from './sheet/clawbacks';
export * from './statement';
export * from './sheet/planTable';
export * from './sheet/actuals';
