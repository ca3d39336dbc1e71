import * as React from 'react';
import {
  Body1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PaneState } from './host';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '40em',
    boxSizing: 'border-box',
  },
});

/** The pane where the wizards cannot run: "open this in Excel" in a plain browser, or why not inside Office. */
export function HostMessage({ state }: { state: Exclude<PaneState, { kind: 'excel' }> }): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-label="Sales Ops Modeler">
      <Title3 as="h1">Sales Ops Modeler</Title3>
      {state.kind === 'outside' ? (
        <>
          <MessageBar intent="info" role="status" data-pane-state="outside">
            <MessageBarBody>
              <MessageBarTitle>Open this in Excel</MessageBarTitle>
              This page is the task pane of an Excel add-in: its wizards read and write the open workbook, so they run
              only inside Excel.
            </MessageBarBody>
          </MessageBar>
          <Body1>
            To use it, sideload the add-in&apos;s manifest.xml into Excel (desktop or the web), then choose Home › Sales
            Ops Modeler. To try the functions and wizards without Excel, open the{' '}
            <Link href="playground.html">playground</Link>.
          </Body1>
        </>
      ) : (
        <MessageBar intent="error" role="alert" data-pane-state="error">
          <MessageBarBody>
            <MessageBarTitle>{state.title}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
