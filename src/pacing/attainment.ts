/**
 * ATTAINMENT's calculation: booked against quota per rep (in cents), competition ranks and the team total. The
 * reading of cells lives in sheet/attainment.ts.
 */
import { upperBound } from '../shared/search';

/** The label of ATTAINMENT's last row. */
export const TEAM_LABEL = 'Team';

/** One rep's line: money to the cent, attainment as a fraction (null for a zero quota), rank 1 = best. */
export interface AttainmentLine {
  readonly rep: string;
  readonly booked: number;
  readonly quota: number;
  readonly attainment: number | null;
  readonly rank: number | null;
}

/** ATTAINMENT's figures: a line per rep in `reps` order and the team total (rank null). */
export interface AttainmentTable {
  readonly lines: readonly AttainmentLine[];
  readonly team: AttainmentLine;
}

/** The ratio and competition ranks (1, 2, 2, 4) of reps' booked (cents) against quotas (cents). */
export function attainmentTable(
  reps: readonly string[],
  bookedCents: readonly number[],
  quotaCents: readonly number[],
) {
  const att = reps.map((_, i) => (quotaCents[i] > 0 ? bookedCents[i] / quotaCents[i] : null));
  // Excel's RANK.EQ, largest first: 1 + how many attainments are greater (ties share a rank)
  const ascending = att.filter((a): a is number => a !== null).sort((x, y) => x - y);
  const rankOf = (a: number) => ascending.length - upperBound(ascending, a) + 1;
  const lines = reps.map((rep, i) => ({
    rep,
    booked: bookedCents[i] / 100,
    quota: quotaCents[i] / 100,
    attainment: att[i],
    rank: att[i] === null ? null : rankOf(att[i]),
  }));
  const b = bookedCents.reduce((s, x) => s + x, 0);
  const q = quotaCents.reduce((s, x) => s + x, 0);
  const team = { rep: TEAM_LABEL, booked: b / 100, quota: q / 100, attainment: q > 0 ? b / q : null, rank: null };
  return { lines, team } satisfies AttainmentTable;
}
