import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { OverwriteConflict } from '../workbook/transaction';

export interface ConfirmOverwriteDialogProps {
  conflicts: OverwriteConflict[] | undefined;
  onAnswer: (overwrite: boolean) => void;
}

/** Asks before overwriting non-empty cells; lists each target range and how many of its cells hold data. */
export function ConfirmOverwriteDialog({ conflicts, onAnswer }: ConfirmOverwriteDialogProps): React.JSX.Element {
  return (
    <Dialog
      open={conflicts !== undefined}
      modalType="alert"
      onOpenChange={(_, d) => (d.open ? undefined : onAnswer(false))}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Overwrite cells that hold data?</DialogTitle>
          <DialogContent>
            <ul>
              {(conflicts ?? []).map((c) => (
                <li key={`${c.sheet}!${c.range}`}>
                  {`${c.sheet}!${c.range}: ${c.cells.length} non-empty cell${c.cells.length === 1 ? '' : 's'} (${c.cells
                    .slice(0, 5)
                    .join(', ')}${c.cells.length > 5 ? ', …' : ''})`}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              Overwrite
            </Button>
            <Button onClick={() => onAnswer(false)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
