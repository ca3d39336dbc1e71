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

/** Serial of 2020-01-01 and of 2030-12-31. */
const D2020 = 43831;
const D2031 = 47848;

/** RAMPQUOTA (calendar convention): ramps of 0–8 steps (row or column, header, trailing blanks), end dates or not. */
export const rampQuotaCase: fc.Arbitrary<Case> = fc
  .record({
    full: fc.oneof(money(0, 200000), fc.constantFrom(0, 10000, 12345.67)),
    start: fc.integer({ min: D2020, max: D2031 }),
    monthOffset: fc.integer({ min: -60, max: 500 }),
    monthFraction: fc.constantFrom(0, 0, 0.5),
    end: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.constant({ kind: 'blank' as const }),
      fc.integer({ min: 0, max: 400 }).map((d) => ({ kind: 'cell' as const, d })),
    ),
    ramp: fc.array(fraction(0, 1, 2), { maxLength: 8 }),
    trailing: fc.integer({ min: 0, max: 2 }),
    header: fc.boolean(),
    asRow: fc.boolean(),
    withRamp: fc.boolean(),
    convention: fc.constantFrom(undefined, 'calendar', 'Calendar'),
  })
  .filter((p) => !p.withRamp || p.ramp.length + p.trailing > 0)
  .map((p): Case => {
    const month = p.start + p.monthOffset + p.monthFraction;
    const endCell = p.end.kind === 'cell' ? p.start + p.end.d : null;
    const rampCells: CellValue[] = [
      ...(p.header && p.ramp.length > 0 ? ['Ramp'] : []),
      ...p.ramp,
      ...new Array<null>(p.trailing).fill(null),
    ];
    const rows: Grid = [[p.full, p.start, month, endCell]];
    if (p.withRamp) {
      if (p.asRow) rows.push(rampCells.slice(0, 9));
      else rampCells.forEach((v, i) => ((rows[i] ??= [null, null, null, null])[7] = v));
    }
    for (const r of rows) for (let c = 0; c < 8; c++) r[c] ??= null;
    const cells = p.withRamp && p.asRow ? rows : rows;
    return {
      label: `RAMPQUOTA(${p.full}, ${p.start}, ${month}, ${JSON.stringify(rampCells)}, ${JSON.stringify(p.end)}, ${p.convention})`,
      cells,
      formula: (top) => {
        const n = Math.min(rampCells.length, 9);
        const ramp = !p.withRamp
          ? ''
          : p.asRow
            ? `A${top + 1}:${String.fromCharCode(64 + n)}${top + 1}`
            : `H${top}:H${top + rampCells.length - 1}`;
        const args = [`A${top}`, `B${top}`, `C${top}`, ramp, p.end.kind === 'none' ? '' : `D${top}`];
        if (p.convention) args.push(quote(p.convention));
        while (args.length > 3 && args[args.length - 1] === '') args.pop();
        return `=SALESOPS.RAMPQUOTA(${args.join(',')})`;
      },
    };
  });

const STAGES = ['Prospect', 'Qualify', 'Propose', 'Negotiate', 'Closed won'];

/**
 * PIPELINE: 1–12 opportunities over a stage table of the five stages (header or not), stages in any letter case,
 * an unknown stage now and then, close dates in 2024, from/to omitted, literal or in cells (maybe blank).
 * `blanks`: blank rows and blank close dates too (the engine evaluates both branches of IF, so only LibreOffice
 * can run those).
 */
export function pipelineCase(blanks: boolean): fc.Arbitrary<Case> {
  const date = fc.integer({ min: 45292, max: 45657 });
  const opp = fc.record({
    amount: money(-1000, 500000),
    stage: fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...STAGES) },
      { weight: 3, arbitrary: fc.constantFrom(...STAGES).map((s) => s.toUpperCase()) },
      { weight: 1, arbitrary: fc.constant('Lost') },
    ),
    date: blanks ? fc.option(date, { nil: null, freq: 5 }) : date,
    blank: blanks ? fc.constantFrom(false, false, false, false, true) : fc.constant(false),
  });
  const bnd = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    date.map((v) => ({ kind: 'literal' as const, v })),
    (blanks ? fc.option(date, { nil: null }) : date).map((v) => ({ kind: 'cell' as const, v })),
  );
  return fc
    .record({
      opps: fc.array(opp, { minLength: 1, maxLength: 12 }),
      probs: fc.array(fraction(0, 1, 2), { minLength: 5, maxLength: 5 }),
      header: fc.boolean(),
      from: bnd,
      to: bnd,
      withDates: fc.boolean(),
    })
    .map((p): Case => {
      const hasBounds = p.from.kind !== 'none' || p.to.kind !== 'none';
      const withDates = p.withDates || hasBounds;
      const table: Grid = STAGES.map((s, i) => [s, p.probs[i]]);
      if (p.header) table.unshift(['Stage', 'Probability']);
      const height = Math.max(p.opps.length, table.length);
      const cells: Grid = [];
      for (let r = 0; r < height; r++) {
        const o = p.opps[r];
        const t = table[r];
        const blank = o?.blank ?? true;
        cells.push([
          o && !blank ? o.amount : null,
          o && !blank ? o.stage : null,
          o && withDates ? o.date : null,
          r === 0 && p.from.kind === 'cell' ? p.from.v : null,
          r === 0 && p.to.kind === 'cell' ? p.to.v : null,
          t ? t[0] : null,
          t ? t[1] : null,
        ]);
      }
      return {
        label: `PIPELINE(${JSON.stringify(p.opps)}, ${JSON.stringify(p.probs)}, ${JSON.stringify(p.from)}, ${JSON.stringify(p.to)}, dates ${withDates})`,
        cells,
        formula: (top) => {
          const last = top + p.opps.length - 1;
          const b = (x: typeof p.from, col: string) =>
            x.kind === 'none' ? '' : x.kind === 'literal' ? String(x.v) : `${col}${top}`;
          const args = [
            `A${top}:A${last}`,
            `B${top}:B${last}`,
            `$F$${top}:$G$${top + table.length - 1}`,
            withDates ? `C${top}:C${last}` : '',
            b(p.from, 'D'),
            b(p.to, 'E'),
          ];
          while (args.length > 3 && args[args.length - 1] === '') args.pop();
          return `=SALESOPS.PIPELINE(${args.join(',')})`;
        },
      };
    });
}
