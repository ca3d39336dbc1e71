import type { SourceChoice } from '../../components/source';

export type CompTemplateId = 'accelerator' | 'multiMeasure' | 'draw' | 'formula';

/** The comp wizard's form. The plan itself is edited as the plan-table grid (text cells, header excluded). */
export interface CompForm {
  template: CompTemplateId;
  /** Plan-table rows below the header (`PLAN_TABLE_HEADER`), as typed. */
  rows: string[][];
  /** Optional roster for the cost of plan and the payout column: header row of measure names, one rep a row. */
  roster: SourceChoice;
  repCount: string;
  sheetName: string;
  tableName: string;
  writePayoutColumn: boolean;
}

/** One line of the what-if table. */
export interface WhatIf {
  attainment: number;
  payoutPerRep: number;
  /** payoutPerRep × reps. */
  cost: number;
  /** With a draw on the plan: what a rep is paid in a first period (no balance yet): max(payout, draw). */
  paidWithDraw?: number;
  /** With a recoverable draw: the balance the rep owes back after that period (draw − payout when short). */
  drawOwed?: number;
}
