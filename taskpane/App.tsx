import * as React from 'react';
import { Body1, Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookPort } from './workbook/port';
import { WIZARDS, type WizardId } from './wizards/registry';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  tabs: { flexWrap: 'wrap' },
});

export interface AppProps {
  /** The workbook the wizards read and write: the Excel adapter inside Office, a MemoryWorkbook elsewhere. */
  port: WorkbookPort;
}

/** The task pane: a wizard picker and the chosen wizard, all over the workbook port. */
export function App({ port }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [current, setCurrent] = React.useState<WizardId>('comp');
  const wizard = WIZARDS.find((w) => w.id === current) ?? WIZARDS[0];
  const Wizard = wizard.component;
  return (
    <main className={styles.root} aria-label="Sales Ops Modeler">
      <Title3 as="h1">Sales Ops Modeler</Title3>
      <Body1>Pick a planning wizard. Type =SALESOPS. in a cell to use the functions directly.</Body1>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label="Wizards"
        selectedValue={current}
        onTabSelect={(_, d) => setCurrent(d.value as WizardId)}
      >
        {WIZARDS.map((w) => (
          <Tab key={w.id} value={w.id}>
            {w.label}
          </Tab>
        ))}
      </TabList>
      <Wizard key={wizard.id} port={port} />
    </main>
  );
}
