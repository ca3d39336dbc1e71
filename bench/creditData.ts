/**
 * Seeded crediting tables for `npm run bench credit` and the limit cases: deals over 2026, accounts that each move
 * once mid-year (two ownership rows per account), deals split 60/40 in pairs, and overlay rows.
 */
import type { CellValue } from '../src/shared/cells';

const JAN_1_2025 = 45658;
const JAN_1_2026 = 46023;

/** Tables of the given sizes (data rows; each grid has its header row first). */
export function creditTables(size: { deals: number; ownership: number; splits: number; reps: number }, seed0 = 18) {
  let seed = seed0;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (n: number) => Math.floor(rand() * n);
  const rep = () => `Rep ${pick(size.reps) + 1}`;
  const accounts = Math.max(1, Math.floor(size.ownership / 2));
  const ownership: CellValue[][] = [['Account', 'Rep', 'From', 'To']];
  for (let a = 0; a < accounts && ownership.length <= size.ownership; a++) {
    const move = JAN_1_2026 + pick(365);
    ownership.push([`A-${a}`, rep(), JAN_1_2025, move - 1]);
    if (ownership.length <= size.ownership) ownership.push([`A-${a}`, rep(), move, null]);
  }
  const deals: CellValue[][] = [['Deal', 'Account', 'Amount', 'Close date', 'Owner']];
  for (let i = 0; i < size.deals; i++) {
    // one deal in ten is on an account outside the ownership table: it goes to its Owner
    const account = rand() < 0.1 ? `X-${i}` : `A-${pick(accounts)}`;
    deals.push([`D-${i}`, account, Math.round(rand() * 5e6) / 100, JAN_1_2026 + pick(365), rep()]);
  }
  const splits: CellValue[][] = [['Deal', 'Rep', 'Share', 'Type']];
  const pairs = Math.floor((size.splits * 0.8) / 2);
  for (let k = 0; k < pairs; k++) {
    const d = `D-${(k * 3) % size.deals}`;
    splits.push([d, rep(), 0.6, 'split'], [d, rep(), 0.4, 'split']);
  }
  for (let k = 0; splits.length <= size.splits; k++)
    splits.push([`D-${(k * 5 + 1) % size.deals}`, rep(), 0.25, 'overlay']);
  return { deals, ownership, splits };
}
