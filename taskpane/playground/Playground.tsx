import * as React from 'react';
import { Body1, Caption1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { App } from '../App';
import type { MemoryWorkbook } from '../workbook/memory';
import type { FormulaEngine } from './engine';
import { Spreadsheet } from './Spreadsheet';
import { ChartList } from './ChartList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', fontFamily: tokens.fontFamilyBase },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  main: { display: 'flex', flex: 1, minHeight: 0 },
  sheet: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    width: '400px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  status: { padding: '2px 8px', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

export interface PlaygroundProps {
  workbook: MemoryWorkbook;
  engine: FormulaEngine;
  widths?: Record<string, number[]>;
}

/** The stand-alone playground: the sample workbook as a spreadsheet, the real task pane beside it. */
export function Playground({ workbook, engine, widths }: PlaygroundProps): React.JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState('');
  React.useEffect(
    () =>
      workbook.subscribe((change) => {
        if (change.reason === 'select' || engine.lastEvaluations === 0) return;
        setStatus(`Recalculated ${engine.lastEvaluations} formula(s) in ${engine.lastMilliseconds} ms.`);
      }),
    [workbook, engine],
  );
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">Sales Ops Modeler — playground</Title3>
        <Body1>The sample company, computed by the same SALESOPS functions Excel runs. No Excel needed.</Body1>
      </header>
      <div className={styles.main}>
        <div className={styles.sheet}>
          <Spreadsheet workbook={workbook} engine={engine} widths={widths} />
          <Caption1 className={styles.status} role="status" aria-live="polite">
            {status || 'Edit any input cell (double-click, or select and type) and its dependents recompute.'}
          </Caption1>
        </div>
        <aside className={styles.pane} aria-label="Task pane">
          <App port={workbook} />
          <ChartList workbook={workbook} />
        </aside>
      </div>
    </div>
  );
}
