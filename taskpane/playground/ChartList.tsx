import * as React from 'react';
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { formatCell, parseRange } from '../workbook/address';
import type { MemoryChart, MemoryWorkbook } from '../workbook/memory';
import { maxOf, minOf } from './extent';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: '4px',
    padding: '6px',
    backgroundColor: '#fff',
  },
});

const COLORS = ['#0f6cbd', '#e3008c', '#107c10', '#ca5010', '#5c2e91', '#038387'];

/** Series of a chart's source range: first row = series names, first column = categories (or the transpose). */
export function chartSeries(
  wb: MemoryWorkbook,
  chart: MemoryChart,
): { categories: string[]; series: { name: string; values: number[] }[] } {
  const r = parseRange(chart.source);
  const grid: (string | number | boolean | null)[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: (string | number | boolean | null)[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(wb.getCell(chart.sheet, formatCell(row, col)).value);
    grid.push(line);
  }
  const byRows = chart.seriesBy === 'rows';
  const m = byRows ? grid : grid[0].map((_, c) => grid.map((row) => row[c]));
  // m[0] = header line: [corner, categories…]; m[i] = [series name, values…]
  const categories = m[0].slice(1).map((c) => (c === null ? '' : String(c)));
  const series = m.slice(1).map((line) => ({
    name: line[0] === null ? '' : String(line[0]),
    values: line.slice(1).map((v) => (typeof v === 'number' ? v : 0)),
  }));
  return { categories, series };
}

/** A small SVG rendering of a chart record (lines for line/area/scatter, bars otherwise). */
export function ChartSvg({ wb, chart }: { wb: MemoryWorkbook; chart: MemoryChart }): React.JSX.Element {
  const { categories, series } = chartSeries(wb, chart);
  const W = 340;
  const H = 160;
  const pad = 24;
  const all = series.flatMap((s) => s.values);
  const max = Math.max(0, maxOf(all, 0));
  const min = Math.min(0, minOf(all, 0));
  const span = max - min || 1;
  const n = Math.max(1, categories.length);
  const x = (i: number) => pad + ((W - 2 * pad) * (i + 0.5)) / n;
  const y = (v: number) => H - pad - ((H - 2 * pad) * (v - min)) / span;
  const lines = chart.type === 'line' || chart.type === 'area' || chart.type === 'xyScatter';
  const barW = (W - 2 * pad) / n / Math.max(1, series.length) - 1;
  return (
    // Scales down to its container (a 320 px task pane) and never past its drawn size.
    <svg
      viewBox={`0 0 ${W} ${H}`}
      style={{ width: '100%', maxWidth: W, height: 'auto', display: 'block' }}
      role="img"
      aria-label={chart.title}
    >
      <line x1={pad} x2={W - pad} y1={y(0)} y2={y(0)} stroke="#999" />
      {series.map((s, k) =>
        lines ? (
          <polyline
            key={k}
            fill="none"
            stroke={COLORS[k % COLORS.length]}
            strokeWidth={2}
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
        ) : (
          <g key={k} fill={COLORS[k % COLORS.length]}>
            {s.values.map((v, i) => (
              <rect
                key={i}
                x={x(i) - ((barW + 1) * series.length) / 2 + k * (barW + 1)}
                width={Math.max(1, barW)}
                y={Math.min(y(v), y(0))}
                height={Math.abs(y(v) - y(0))}
              />
            ))}
          </g>
        ),
      )}
      <text x={pad} y={12} fontSize={10}>
        {series.map((s) => s.name).join(' · ')}
      </text>
    </svg>
  );
}

/** The workbook's chart records (written by wizards), each drawn from its source range. */
export function ChartList({ workbook }: { workbook: MemoryWorkbook }): React.JSX.Element | null {
  const styles = useStyles();
  const [, setVersion] = React.useState(0);
  React.useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);
  const charts = workbook.charts();
  if (charts.length === 0) return null;
  return (
    <section className={styles.root} aria-label="Charts">
      <Subtitle2>Charts</Subtitle2>
      {charts.map((c) => (
        <figure key={c.id} className={styles.card} style={{ margin: 0 }} aria-label={`Chart ${c.title}`}>
          <Caption1>
            {c.title} — {c.type} of {c.sheet}!{c.source}
          </Caption1>
          <ChartSvg wb={workbook} chart={c} />
        </figure>
      ))}
    </section>
  );
}
