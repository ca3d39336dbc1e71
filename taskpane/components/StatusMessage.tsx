import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { WriteStatus } from './useWriter';

/** Shows how a write went: a spinner while writing, then success, cancellation or the error (as plain text). */
export function StatusMessage({ status }: { status: WriteStatus }): React.JSX.Element | null {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'writing':
      return <Spinner size="tiny" label="Writing to the workbook…" />;
    case 'written':
      return (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{status.summary}</MessageBarBody>
        </MessageBar>
      );
    case 'cancelled':
      return (
        <MessageBar intent="info" role="status">
          <MessageBarBody>Nothing was written.</MessageBarBody>
        </MessageBar>
      );
    case 'error':
      return <ErrorMessage message={status.message} />;
  }
}

/** An error bar (text only, never HTML). */
export function ErrorMessage({ message }: { message: string }): React.JSX.Element {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
