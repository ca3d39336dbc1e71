/**
 * The crediting custom functions (SALESOPS namespace): one declaration each; the work is done by the entry points
 * of src/credit/sheet/functions.ts. CREDITED and CREDITS read the deals, splits and ownership tables through one
 * memo (functions/inputMemo.ts), so a CREDITED column filled down a roster reads and credits them once.
 */
import { excelCall } from './adapter';
import type { FunctionDeclaration } from './declaration';
import { InputMemo } from './inputMemo';
import {
  type CreditTables,
  type CreditTablesReader,
  checkCreditSizes,
  creditedOf,
  creditsOf,
  quotaReliefOf,
  readCreditTables,
} from '../src/credit';

/** The memo of credited tables (module state stays here, out of src/). */
export const creditMemo = new InputMemo<CreditTables>(2);

/** `readCreditTables`, answered from the memo when the three ranges hold a remembered call's cells. */
const rememberedCreditTables: CreditTablesReader = (deals, splits, ownership) => {
  // Size limits first, reading only sizes: a call past them is refused before any copy is made.
  checkCreditSizes(deals, splits, ownership);
  return creditMemo.get([deals, splits, ownership], () => readCreditTables(deals, splits, ownership));
};

const DEALS = {
  name: 'deals',
  description:
    'The deals table, header row included: Deal, Account, Amount (currency), Close date; optional Owner. Columns in any order.',
  dimensionality: 'matrix',
} as const;
const SPLITS = {
  name: 'splits',
  description:
    'Split rows, header row included: Deal, Rep, Share (fraction); optional Type "split" (default; a deal\'s split shares add up to 1) or "overlay" (extra credit).',
  dimensionality: 'matrix',
  optional: true,
} as const;
const OWNERSHIP = {
  name: 'ownership',
  description:
    'Account owners over time, header row included: Account, Rep, From, optional To (dates, both inclusive; blank To = still owned).',
  dimensionality: 'matrix',
} as const;
const FROM = { name: 'from', description: 'First close date of the period (inclusive); blank or 0: unbounded.', optional: true } as const; // prettier-ignore
const TO = { name: 'to', description: 'Last close date of the period (inclusive); blank or 0: unbounded.', optional: true } as const; // prettier-ignore

/** The crediting functions, in the order of functions.json. */
export const CREDIT_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: 'CREDITED',
    description:
      'The amount credited to a rep (currency, to the cent) on deals closing in a period: split shares, overlays, and whole deals of accounts the rep owned on the close date (or deals the rep owns). Given a roster column (or filled down one), it is the measure column PLANPAYOUT and PAYOUT read.',
    parameters: [
      {
        name: 'rep',
        description:
          "The rep's name (matched ignoring case and spaces), or a column of names: it then spills one amount per name, read from one reading of the tables.",
        dimensionality: 'matrix',
      },
      DEALS,
      SPLITS,
      { ...OWNERSHIP, optional: true },
      FROM,
      TO,
    ],
    result: 'matrix',
    fn: (rep, deals, splits, ownership, from, to) =>
      excelCall(creditedOf, rep, deals, splits, ownership, from, to, rememberedCreditTables),
  },
  {
    name: 'CREDITS',
    description:
      'The crediting audit trail: a header row, then one row per credit of the deals closing in the period: Deal, Rep, Share, Amount (currency, to the cent) and the rule that gave it (e.g. "split row 4", "owner of account A-17 on 2026-03-14", "deal owner", "overlay row 9").',
    parameters: [DEALS, SPLITS, { ...OWNERSHIP, optional: true }, FROM, TO],
    result: 'matrix',
    fn: (deals, splits, ownership, from, to) =>
      excelCall(creditsOf, deals, splits, ownership, from, to, rememberedCreditTables),
  },
  {
    name: 'QUOTARELIEF',
    description:
      "Monthly quotas after relief for account moves: a header row (Rep, then one YYYY-MM column per month) and one row per rep. Each change of owner after the baseline moves the account's contribution × the fraction of the month's calendar days from the change on (the change day counts for the gaining rep).",
    parameters: [
      { name: 'quotas', description: 'Monthly quota per rep as set on baseline_date, header row included: Rep, Quota (currency per month).', dimensionality: 'matrix' }, // prettier-ignore
      { name: 'account_quotas', description: 'Monthly quota contribution per account, header row included: Account, Quota (currency per month).', dimensionality: 'matrix' }, // prettier-ignore
      OWNERSHIP,
      { name: 'baseline_date', description: 'The date quotas were set (an Excel date): its owners are what the quotas already include.' }, // prettier-ignore
      { name: 'first_month', description: 'Any date in the first month of the result.' },
      { name: 'months', description: 'Number of months (1 to 1,200).' },
    ],
    result: 'matrix',
    fn: (quotas, account_quotas, ownership, baseline_date, first_month, months) =>
      excelCall(quotaReliefOf, quotas, account_quotas, ownership, baseline_date, first_month, months),
  },
];
