import * as React from 'react';
import type { WorkbookPort, WritePlan } from '../workbook/port';
import { writePlan, type OverwriteConflict, type WritePlanOptions } from '../workbook/transaction';
import { ConfirmOverwriteDialog } from './ConfirmOverwriteDialog';
import { errorMessage } from './errorMessage';

export type WriteStatus =
  | { kind: 'idle' }
  | { kind: 'writing' }
  | { kind: 'written'; summary: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** A wizard's writer: `write`, its status, and the overwrite dialog to render. */
export interface Writer {
  /** Resolves to the outcome's status (`'error'` when the write threw; the status says why). */
  write: (plan: WritePlan, summary: string, options?: WritePlanOptions) => Promise<WriteStatus['kind']>;
  status: WriteStatus;
  dialog: React.JSX.Element;
}

/**
 * Writes a plan through the one transaction path, asking in a dialog before overwriting non-empty cells.
 * Returns `write(plan, summary)`, the status, and the dialog element to render.
 */
export function useWriter(port: WorkbookPort): Writer {
  const [status, setStatus] = React.useState<WriteStatus>({ kind: 'idle' });
  const [pending, setPending] = React.useState<{ conflicts: OverwriteConflict[]; answer: (b: boolean) => void }>();
  const write = React.useCallback(
    async (plan: WritePlan, summary: string, options?: WritePlanOptions) => {
      setStatus({ kind: 'writing' });
      try {
        const out = await writePlan(
          port,
          plan,
          (conflicts) => new Promise<boolean>((answer) => setPending({ conflicts, answer })),
          options,
        );
        setStatus(out.status === 'written' ? { kind: 'written', summary } : { kind: 'cancelled' });
        return out.status;
      } catch (e) {
        setStatus({ kind: 'error', message: errorMessage(e) });
        return 'error' as const;
      }
    },
    [port],
  );
  const dialog = (
    <ConfirmOverwriteDialog
      conflicts={pending?.conflicts}
      onAnswer={(b) => {
        pending?.answer(b);
        setPending(undefined);
      }}
    />
  );
  return { write, status, dialog };
}
