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

/** A read-only preview table (cell text is rendered as text, never as HTML). */
export function DataTable({
  caption,
  header,
  rows,
}: {
  caption: string;
  header: string[];
  rows: string[][];
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table size="extra-small" aria-label={caption}>
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
