import * as React from 'react';
import { Body1, Title3, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: '280px',
  },
});

/** The task pane: the planners' wizards over the modeling core. */
export function App(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-label="Sales Ops Modeler">
      <Title3 as="h1">Sales Ops Modeler</Title3>
      <Body1>Type =SALESOPS. in a cell to use the functions.</Body1>
    </main>
  );
}
