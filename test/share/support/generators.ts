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
    // 0: a blank cell as Excel for desktop passes it, read as the default "marginal"
    method: fc.constantFrom<string | number | undefined>(undefined, 'marginal', 'retro', 'Retro', 'retroactive', 0),
    methodCell: fc.option(fc.constantFrom<CellValue>(null, 0, 'marginal', 'retro', 'retroactive', ' retro ', 'flat'), {
      nil: undefined,
    }),
    asExpression: fc.boolean(),
  })
  .chain(({ table, header, method, methodCell, asExpression }) =>
    around(table, money(-2000, 300000), 0.01).map((amount): Case => {
      const cells = withRow0(tierCells(table, header), methodCell === undefined ? [amount] : [amount, methodCell]);
      const m =
        methodCell !== undefined
          ? ',E#'
          : method === undefined
            ? ''
            : `,${typeof method === 'number' ? method : quote(method)}`;
      return {
        label: `COMMISSION(${amount}, ${JSON.stringify(table)}${m})`,
        cells,
        formula: (top) =>
          `=SALESOPS.COMMISSION(${asExpression ? `D${top}*1` : `D${top}`},${tierBlock(table, header, top)}${m.replace('#', String(top))})`,
      };
    }),
  );

/**
 * PAYOUT: curves of 1–6 bands from attainment −0.5–1 rising by up to 0.8, rates 0–3; method, cap and threshold
 * varied, 0 among them (0 is none for cap and threshold, "marginal" for the method), in literals and in cells.
 */
const capOrThreshold = (max: number) =>
  fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.oneof(fraction(-0.5, max, 2), fc.constant(0)).map((v) => ({ kind: 'literal' as const, v })),
    fc
      .oneof(fc.option(fraction(-0.5, max, 2), { nil: null }), fc.constant(0))
      .map((v) => ({ kind: 'cell' as const, v })),
  );

export const payoutCase: fc.Arbitrary<Case> = fc
  .record({
    table: tiers(fraction(-0.5, 1), fraction(0.0001, 0.8), fraction(0, 3)),
    header: fc.boolean(),
    method: fc.constantFrom<string | number | undefined>(undefined, 'marginal', 'retro', 'linear', 'LINEAR', 0),
    methodCell: fc.option(fc.constantFrom<CellValue>(null, 0, 'marginal', 'retro', 'linear', 'retroactive', 'bogus'), {
      nil: undefined,
    }),
    ti: fc.oneof(money(0, 200000), fc.constantFrom(0, 1234.5, 21000)),
    cap: capOrThreshold(3).filter((c) => c.kind !== 'literal' || c.v >= 0),
    threshold: capOrThreshold(1.2),
  })
  .chain((p) =>
    around(p.table, fraction(-0.8, 3.5), 0.0001).map((attainment): Case => {
      const capCell = p.cap.kind === 'cell' ? p.cap.v : null;
      const thCell = p.threshold.kind === 'cell' ? p.threshold.v : null;
      const extra: CellValue[] = [attainment, p.ti, capCell, thCell];
      if (p.methodCell !== undefined) extra.push(p.methodCell);
      const cells = withRow0(tierCells(p.table, p.header), extra);
      const method =
        p.methodCell !== undefined
          ? 'H#'
          : p.method === undefined
            ? ''
            : typeof p.method === 'number'
              ? String(p.method)
              : quote(p.method);
      return {
        label: `PAYOUT(${attainment}, ${p.ti}, ${JSON.stringify(p.table)}, ${method}, ${JSON.stringify(p.cap)}, ${JSON.stringify(p.threshold)})`,
        cells,
        formula: (top) => {
          const cap = p.cap.kind === 'none' ? '' : p.cap.kind === 'literal' ? String(p.cap.v) : `F${top}`;
          const th =
            p.threshold.kind === 'none' ? '' : p.threshold.kind === 'literal' ? String(p.threshold.v) : `G${top}`;
          const args = [
            `D${top}`,
            `E${top}`,
            tierBlock(p.table, p.header, top),
            method.replace('#', String(top)),
            cap,
            th,
          ];
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

/**
 * RAMPQUOTA (calendar convention): ramps of 0–8 steps, zeros among them (leading, all-zero), then trailing blanks
 * or zeros (which end the ramp after a step above 0), as a row or column with or without a header; end dates
 * omitted, blank, 0 or a date; convention omitted, "calendar" or 0.
 */
export const rampQuotaCase: fc.Arbitrary<Case> = fc
  .record({
    full: fc.oneof(money(0, 200000), fc.constantFrom(0, 10000, 12345.67)),
    start: fc.integer({ min: D2020, max: D2031 }),
    monthOffset: fc.oneof(fc.integer({ min: -60, max: 500 }), fc.integer({ min: -1, max: 10 })),
    monthFraction: fc.constantFrom(0, 0, 0.5),
    end: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.constant({ kind: 'blank' as const }),
      fc.constant({ kind: 'zero' as const }),
      fc.integer({ min: 0, max: 400 }).map((d) => ({ kind: 'cell' as const, d })),
    ),
    ramp: fc.array(fc.oneof(fraction(0, 1, 2), fc.constant(0)), { maxLength: 8 }),
    trailing: fc.array(fc.constantFrom(null, 0), { maxLength: 3 }),
    header: fc.boolean(),
    asRow: fc.boolean(),
    withRamp: fc.boolean(),
    convention: fc.constantFrom<string | number | undefined>(undefined, 'calendar', 'Calendar', 0),
  })
  .filter((p) => !p.withRamp || p.ramp.length + p.trailing.length > 0)
  .map((p): Case => {
    const month = p.start + p.monthOffset + p.monthFraction;
    const endCell = p.end.kind === 'cell' ? p.start + p.end.d : p.end.kind === 'zero' ? 0 : null;
    const rampCells: CellValue[] = [
      ...(p.header && p.ramp.some((v) => typeof v === 'number') ? ['Ramp'] : []),
      ...p.ramp,
      ...p.trailing,
    ];
    const rows: Grid = [[p.full, p.start, month, endCell]];
    if (p.withRamp) {
      if (p.asRow) rows.push(rampCells.slice(0, 9));
      else rampCells.forEach((v, i) => ((rows[i] ??= [null, null, null, null])[7] = v));
    }
    for (const r of rows) for (let c = 0; c < 8; c++) r[c] ??= null;
    return {
      label: `RAMPQUOTA(${p.full}, ${p.start}, ${month}, ${JSON.stringify(rampCells)}, ${JSON.stringify(p.end)}, ${p.convention})`,
      cells: rows,
      formula: (top) => {
        const n = Math.min(rampCells.length, 9);
        const ramp = !p.withRamp
          ? ''
          : p.asRow
            ? `A${top + 1}:${String.fromCharCode(64 + n)}${top + 1}`
            : `H${top}:H${top + rampCells.length - 1}`;
        const args = [`A${top}`, `B${top}`, `C${top}`, ramp, p.end.kind === 'none' ? '' : `D${top}`];
        if (p.convention !== undefined) {
          args.push(typeof p.convention === 'number' ? String(p.convention) : quote(p.convention));
        }
        while (args.length > 3 && args[args.length - 1] === '') args.pop();
        return `=SALESOPS.RAMPQUOTA(${args.join(',')})`;
      },
    };
  });

const STAGES = ['Prospect', 'Qualify', 'Propose', 'Negotiate', 'Closed won'];

/** Spellings the function reads as the same stage name: any letter case, any spaces. */
const spelled = (stage: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(stage) },
    { weight: 2, arbitrary: fc.constant(stage.toUpperCase()) },
    { weight: 2, arbitrary: fc.constant(stage.replace(/ /g, '').toLowerCase()) },
    { weight: 1, arbitrary: fc.constant(` ${stage.split('').join(' ')}  `) },
  );

/**
 * PIPELINE: 1–5 opportunities (with a 7-row stage table, longer ones may pass 8,000 characters and stay values) over a stage table of the five stages (header or not, a 0 | 0 row now and then),
 * stages spelled in any case and with any spaces, an unknown stage now and then, rows of 0 | 0 (skipped), close
 * dates in 2024 or 0 (no date), from/to omitted, literal or in cells (0: open), a header row over amounts, stages
 * and close dates or none. `blanks`: blank rows and blank close dates and bounds too.
 */
export function pipelineCase(blanks: boolean): fc.Arbitrary<Case> {
  const date = fc.integer({ min: 45292, max: 45657 });
  const opp = fc.record({
    amount: money(-1000, 500000),
    stage: fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...STAGES).chain(spelled) },
      { weight: 1, arbitrary: fc.constant('Lost') },
    ),
    date: fc.oneof({ weight: 6, arbitrary: date }, { weight: 1, arbitrary: fc.constant(blanks ? null : 0) }),
    row: fc.constantFrom<'opp' | 'zero' | 'blank'>(
      ...(['opp', 'opp', 'opp', 'opp', 'opp', 'opp', 'zero'] as const),
      ...(blanks ? (['blank'] as const) : []),
    ),
  });
  const bnd = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    date.map((v) => ({ kind: 'literal' as const, v })),
    fc.oneof(date, fc.constant(0), ...(blanks ? [fc.constant(null)] : [])).map((v) => ({ kind: 'cell' as const, v })),
  );
  return fc
    .record({
      opps: fc.array(opp, { minLength: 1, maxLength: 5 }),
      probs: fc.array(fraction(0, 1, 2), { minLength: 5, maxLength: 5 }),
      header: fc.boolean(),
      tableHeader: fc.boolean(),
      zeroRow: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined, freq: 3 }),
      from: bnd,
      to: bnd,
      withDates: fc.boolean(),
    })
    .map((p): Case => {
      const hasBounds = p.from.kind !== 'none' || p.to.kind !== 'none';
      const withDates = p.withDates || hasBounds;
      const table: Grid = STAGES.map((s, i) => [s, p.probs[i]]);
      if (p.zeroRow !== undefined) table.splice(p.zeroRow, 0, [0, 0]);
      if (p.tableHeader) table.unshift(['Stage', 'Probability']);
      const oh = p.header ? 1 : 0;
      const height = Math.max(p.opps.length + oh, table.length);
      const cells: Grid = [];
      for (let r = 0; r < height; r++) {
        const o = r >= oh ? p.opps[r - oh] : undefined;
        const head = p.header && r === 0;
        const cell = (v: CellValue, zero: CellValue) => (o?.row === 'opp' ? v : o?.row === 'zero' ? zero : null);
        const t = table[r];
        cells.push([
          head ? 'Amount' : cell(o?.amount ?? null, 0),
          head ? 'Stage' : cell(o?.stage ?? null, 0),
          head ? (withDates ? 'Close date' : null) : o && withDates ? (o.date ?? null) : null,
          r === 0 && p.from.kind === 'cell' ? p.from.v : null,
          r === 0 && p.to.kind === 'cell' ? p.to.v : null,
          t ? t[0] : null,
          t ? t[1] : null,
        ]);
      }
      return {
        label: `PIPELINE(${JSON.stringify(p.opps)}, ${JSON.stringify(table)}, ${JSON.stringify(p.from)}, ${JSON.stringify(p.to)}, dates ${withDates}, header ${p.header})`,
        cells,
        formula: (top) => {
          const last = top + oh + p.opps.length - 1;
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
