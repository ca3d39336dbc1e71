/**
 * Random translation cases, one arbitrary per function: inputs the function accepts (and a few it refuses, where
 * the native formula must be an error too), laid out as `Case` blocks.
 */
import fc from 'fast-check';
import type { CellValue, Grid } from '../../../src/shared/cells';
import { type Case, around, fraction, money, tiers } from './cases';

const quote = (s: string) => `"${s}"`;

/** The tier block (optional header row) at A:B from `top`; returns the range text and the rows. */
function tierBlock(table: [number, number][], header: boolean, top: number): string {
  const first = top;
  const last = top + table.length - 1 + (header ? 1 : 0);
  return `$A$${first}:$B$${last}`;
}

function tierCells(table: [number, number][], header: boolean): Grid {
  const rows: Grid = table.map(([b, r]) => [b, r]);
  return header ? [['Lower bound', 'Rate'], ...rows] : rows;
}

/** Places `extra` cells from column D on the block's first row. */
function withRow0(cells: Grid, extra: CellValue[]): Grid {
  const out = cells.map((r) => [...r]);
  out[0] = [...out[0], null, ...extra];
  return out;
}

/** COMMISSION: 1–6 tiers (bounds from −1,000 to 5,000 rising by up to 50,000), rates −5 % to 50 %. */
export const commissionCase: fc.Arbitrary<Case> = fc
  .record({
    table: tiers(money(-1000, 5000), money(0.01, 50000), fraction(-0.05, 0.5)),
    header: fc.boolean(),
    method: fc.constantFrom(undefined, 'marginal', 'retro', 'Retro', 'retroactive'),
    asExpression: fc.boolean(),
  })
  .chain(({ table, header, method, asExpression }) =>
    around(table, money(-2000, 300000), 0.01).map((amount): Case => {
      const cells = withRow0(tierCells(table, header), [amount]);
      const m = method === undefined ? '' : `,${quote(method)}`;
      return {
        label: `COMMISSION(${amount}, ${JSON.stringify(table)}${m})`,
        cells,
        formula: (top) =>
          `=SALESOPS.COMMISSION(${asExpression ? `D${top}*1` : `D${top}`},${tierBlock(table, header, top)}${m})`,
      };
    }),
  );

/** PAYOUT: curves of 1–6 bands from attainment 0–1 rising by up to 0.8, rates 0–3; cap and threshold varied. */
export const payoutCase: fc.Arbitrary<Case> = fc
  .record({
    table: tiers(fraction(0, 1), fraction(0.0001, 0.8), fraction(0, 3)),
    header: fc.boolean(),
    method: fc.constantFrom(undefined, 'marginal', 'retro', 'linear', 'LINEAR'),
    ti: fc.oneof(money(0, 200000), fc.constantFrom(0, 1234.5, 21000)),
    cap: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fraction(0, 3, 2).map((v) => ({ kind: 'literal' as const, v })),
      fc.option(fraction(0, 3, 2), { nil: null }).map((v) => ({ kind: 'cell' as const, v })),
    ),
    threshold: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fraction(0, 1.2, 2).map((v) => ({ kind: 'literal' as const, v })),
      fc.option(fraction(0, 1.2, 2), { nil: null }).map((v) => ({ kind: 'cell' as const, v })),
    ),
  })
  .chain((p) =>
    around(p.table, fraction(-0.2, 3.5), 0.0001).map((attainment): Case => {
      const capCell = p.cap.kind === 'cell' ? p.cap.v : null;
      const thCell = p.threshold.kind === 'cell' ? p.threshold.v : null;
      const cells = withRow0(tierCells(p.table, p.header), [attainment, p.ti, capCell, thCell]);
      const method = p.method === undefined ? '' : quote(p.method);
      return {
        label: `PAYOUT(${attainment}, ${p.ti}, ${JSON.stringify(p.table)}, ${method}, ${JSON.stringify(p.cap)}, ${JSON.stringify(p.threshold)})`,
        cells,
        formula: (top) => {
          const cap = p.cap.kind === 'none' ? '' : p.cap.kind === 'literal' ? String(p.cap.v) : `F${top}`;
          const th =
            p.threshold.kind === 'none' ? '' : p.threshold.kind === 'literal' ? String(p.threshold.v) : `G${top}`;
          const args = [`D${top}`, `E${top}`, tierBlock(p.table, p.header, top), method, cap, th];
          while (args.length > 3 && args[args.length - 1] === '') args.pop();
          return `=SALESOPS.PAYOUT(${args.join(',')})`;
        },
      };
    }),
  );

/** ROUNDMONEY: amounts with three decimals (so that exact halves such as 2.675 come up), digits 0–4 or omitted. */
export const roundMoneyCase: fc.Arbitrary<Case> = fc
  .record({
    amount: fc.oneof(
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 1000),
      fc.constantFrom(1.005, 2.675, -2.675, 1.015, 61.725, 0.285, 1234.565, 8.345, 0.5, -0.5, 2.5),
    ),
    digits: fc.constantFrom(undefined, 0, 1, 2, 3),
  })
  .map(({ amount, digits }): Case => ({
    label: `ROUNDMONEY(${amount}, ${digits})`,
    cells: [[amount]],
    formula: (top) => `=SALESOPS.ROUNDMONEY(A${top}${digits === undefined ? '' : `,${digits}`})`,
  }));
