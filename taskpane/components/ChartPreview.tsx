import * as React from 'react';
import { GroupedVerticalBarChart, LineChart } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';

/** One line of a line chart. */
export interface LineSeries {
  legend: string;
  points: { x: number; y: number }[];
}

/** Grouped bars: one group per category, one bar per series. */
export interface BarGroup {
  name: string;
  bars: { legend: string; value: number }[];
}

const useStyles = makeStyles({ root: { width: '100%', minWidth: 0, overflow: 'hidden' } });

/** A line chart of `series`, sized to the task pane. */
export function LinePreview({ title, series }: { title: string; series: LineSeries[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <figure className={styles.root} aria-label={title} style={{ margin: 0 }}>
      <LineChart
        data={{ chartTitle: title, lineChartData: series.map((s) => ({ legend: s.legend, data: s.points })) }}
        height={220}
      />
    </figure>
  );
}

/**
 * A grouped bar chart of `groups`, sized to the task pane; `describedBy` names the element (a table of the same
 * figures) that is its text alternative.
 */
export function BarPreview({
  title,
  groups,
  describedBy,
}: {
  title: string;
  groups: BarGroup[];
  describedBy?: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <figure className={styles.root} aria-label={title} aria-describedby={describedBy} style={{ margin: 0 }}>
      <GroupedVerticalBarChart
        chartTitle={title}
        data={groups.map((g) => ({
          name: g.name,
          series: g.bars.map((b) => ({ key: `${g.name}-${b.legend}`, legend: b.legend, data: b.value })),
        }))}
        height={220}
      />
    </figure>
  );
}
