// jsdom cannot lay out SVG charts; tests replace @fluentui/react-charts with components that list their data.

export function LineChart(props: {
  data: { chartTitle?: string; lineChartData?: { legend: string; data: { x: number; y: number }[] }[] };
}) {
  return (
    <div data-testid="line-chart" aria-label={props.data.chartTitle}>
      {(props.data.lineChartData ?? []).map((s) => `${s.legend}: ${s.data.map((p) => p.y).join(' ')}`).join(' | ')}
    </div>
  );
}

export function GroupedVerticalBarChart(props: {
  chartTitle?: string;
  data?: { name: string; series: { legend: string; data: number }[] }[];
}) {
  return (
    <div data-testid="bar-chart" aria-label={props.chartTitle}>
      {(props.data ?? [])
        .map((g) => `${g.name}: ${g.series.map((s) => `${s.legend}=${s.data}`).join(',')}`)
        .join(' | ')}
    </div>
  );
}
