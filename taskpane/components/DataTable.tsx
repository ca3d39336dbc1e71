import * as React from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';

const useStyles = makeStyles({ wrap: { overflowX: 'auto', maxWidth: '100%' } });

/** Rows a preview table shows at most (the rest are counted below it). */
export const PREVIEW_ROWS = 200;

/** A read-only preview table (cell text is rendered as text, never as HTML) in a focusable scrolling region. */
export function DataTable({
  caption,
  header,
  rows,
  id,
}: {
  caption: string;
  header: string[];
  rows: string[][];
  /** The table's id (e.g. for a chart's aria-describedby). */
  id?: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    // The wrapper scrolls sideways in a narrow pane: it takes focus so that keyboard users can scroll it too
    // (axe: scrollable-region-focusable), and is named after its table.
    <div className={styles.wrap} role="region" aria-label={caption} tabIndex={0}>
      <Table id={id} size="extra-small" aria-label={caption}>
        <TableHeader>
          <TableRow>
            {header.map((h, i) => (
              <TableHeaderCell key={i}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              {r.map((c, j) => (
                <TableCell key={j}>{c}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
