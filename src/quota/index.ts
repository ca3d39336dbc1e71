/**
 * The quota domain of the modeling core: ramped quotas, team capacity, the hiring plan, seasonality and top-down
 * allocation. Pure functions; bad input throws `ModelInputError` (→ #VALUE!) naming the argument.
 *
 * Units: money amounts are per calendar month unless said otherwise, rounded to the cent; ramp steps, attrition,
 * over-assignment and shares are FRACTIONS (0.25, not 25); dates are Excel 1900 date serials (src/shared/dates).
 * Every horizon is at most `MAX_MONTHS` (1,200) months.
 *
 * API (for the custom functions in functions/quota.ts and the capacity-planning wizard):
 * - Ramp: `RampSchedule` (fractions for tenure months 1..k, then 1), `checkRamp`, `rampFraction`,
 *   `DEFAULT_RAMP_PROFILES` / `rampProfile(kind, schedule?)` for 'newHire' | 'replacement' | 'internalTransfer'.
 *   `rampProfileKindOf(name)` reads a profile name as people write it ("New hire", "transfer").
 * - Tenure: `TenureConvention` = 'calendar' (default) | 'next' | 'anniversary' (see tenure.ts for the rules),
 *   `employment(start, end?)`, `monthFraction(employment, monthIndex, ramp, convention)`.
 * - One rep: `rampQuota(rep, monthSerial, {ramp, convention})` → money for that calendar month;
 *   `rampSchedule(rep, firstMonthSerial, months, {ramp, convention})` → money per month.
 *   `Rep` = { fullQuota (per month), start, end?, ramp? }.
 * - Team: `teamCapacity({reps, firstMonth, months, ramp?, convention?, attrition?, backfill?: {leadTime, ramp?}})`
 *   → { capacity (money per month, expected), rre (ramped rep equivalents), scheduled (sum of rep schedules) }.
 * - Hiring: `hiringSchedule({targets, capacity, fullQuota, ramp?, attrition?, leadTime?, overAssignment?})`
 *   → { hires (whole people per month), totalHires, required, capacityWithHires, unmet: [{month, reason, shortfall}] }.
 *   Fewest total hires (proved in hiring.ts), starting as late as that allows.
 * - Seasonality: `spreadAnnual(annual, weights)` (weights sum to 1 → cents that add up to the annual quota),
 *   `quarterlyRollup(monthly)`.
 * - Allocation: `allocateQuota({target, reps, method: 'even' | 'weight' | 'priorYear', firstMonth, months, ramp?,
 *   convention?, applyRamp?})` → { amounts (cents, sum = target), shares, availability }.
 * - Splitting to the cent: `splitCents(amount, weights)` in src/shared/money.ts (largest remainder).
 */
export { MAX_MONTHS, checkMonthList, checkMonths, checkRosterSize, monthOfSerial } from './limits';
export {
  type RampSchedule,
  type RampProfile,
  type RampProfileKind,
  DEFAULT_RAMP_PROFILES,
  rampProfile,
  rampProfileKindOf,
  checkRamp,
  rampFraction,
  isNondecreasing,
} from './ramp';
export { type TenureConvention, type Employment, TENURE_CONVENTIONS, employment, monthFraction } from './tenure';
export { type Rep, type ScheduleOptions, rampQuota, rampSchedule } from './schedule';
export { type CapacityInput, type CapacityResult, type BackfillOptions, teamCapacity } from './capacity';
export { type HiringInput, type HiringSchedule, type UnmetMonth, hiringSchedule, shortfallByMonth } from './hiring';
export { spreadAnnual, quarterlyRollup } from './seasonality';
export {
  type AllocationMethod,
  type AllocationRep,
  type AllocationInput,
  type Allocation,
  allocateQuota,
} from './allocation';
