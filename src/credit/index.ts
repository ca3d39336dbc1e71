/**
 * The crediting domain of the modeling core: who is credited for each deal (splits, overlays, account owners by
 * date, deal owners) and what mid-period account moves do to monthly quotas (quota relief). Pure functions; bad
 * input throws `ModelInputError` naming the argument, the row and the fix. Money in integer cents inside, to the
 * cent outside; dates are Excel serials, periods inclusive.
 */
export * from './types';
export { checkTableSize, readAccountQuotas, readDeals, readOwnership, readQuotas, readSplits, tableRows } from './sheet/tables'; // prettier-ignore
export { type AccountHistory, type OwnershipIndex, indexOwnership, ownerOn, rowOn } from './ownership';
export {
  CREDITS_HEADER,
  type Period,
  type RepLedger,
  SHARE_TOLERANCE,
  checkPeriod,
  creditDeals,
  creditedAmount,
  creditTotals,
  creditsGrid,
  creditsIn,
  inPeriod,
  repLedger,
  ruleText,
  splitAmountCents,
  throwProblemIn,
} from './crediting';
export { type ReliefInput, type ReliefResult, type ReliefRow, quotaRelief, reliefGrid } from './relief';
export {
  type CreditTables,
  type CreditTablesReader,
  checkCreditSizes,
  creditedOf,
  creditsOf,
  quotaReliefOf,
  readCreditTables,
} from './sheet/functions';
