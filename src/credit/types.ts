/**
 * The records of crediting, as read from the deals, splits and ownership tables. Rows are range rows (1-based,
 * the header being row 1), so every message and every rule can point at the row it came from. Dates are whole-day
 * Excel serials; money is in integer cents where it says so.
 */

/** One deal: `Deal`, `Account`, `Amount` (currency), `Close date` (serial), optional `Owner`. */
export interface Deal {
  readonly id: string;
  readonly account: string;
  readonly amount: number;
  readonly close: number;
  readonly owner: string | undefined;
  readonly row: number;
}

/** How a split row credits: `split` rows of a deal share its amount (they add up to 1); `overlay` rows add to it. */
export type SplitType = 'split' | 'overlay';

/** One split row: `Deal`, `Rep`, `Share` (fraction), `Type`. */
export interface SplitRow {
  readonly deal: string;
  readonly rep: string;
  readonly share: number;
  readonly type: SplitType;
  readonly row: number;
}

/** One effective-dated owner of an account: `Account`, `Rep`, `From`, `To` (both inclusive; `undefined` = still owned). */
export interface OwnershipRow {
  readonly account: string;
  readonly rep: string;
  readonly from: number;
  readonly to: number | undefined;
  readonly row: number;
}

/** Why a credit went where it went. */
export type CreditRule =
  | { readonly kind: 'split' | 'overlay'; readonly row: number }
  | { readonly kind: 'accountOwner'; readonly account: string; readonly date: number; readonly row: number }
  | { readonly kind: 'dealOwner'; readonly row: number };

/** One credit: a rep's share of one deal, in integer cents, and the rule that gave it. */
export interface Credit {
  readonly deal: Deal;
  readonly rep: string;
  readonly share: number;
  readonly cents: number;
  readonly rule: CreditRule;
}

/** A deal that could not be credited (`#N/A`) or whose split shares do not add up to 1 (`#VALUE!`). */
export interface CreditProblem {
  readonly kind: 'uncredited' | 'splitSum';
  readonly deal: Deal;
  readonly message: string;
}

/** Crediting of a deals table: every credit (in deal order, then split-row order) and every problem (deal order). */
export interface CreditBook {
  readonly credits: readonly Credit[];
  readonly problems: readonly CreditProblem[];
}
