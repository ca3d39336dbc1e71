import * as React from 'react';
import {
  Button,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  // Fluent's Table is fixed-layout at 100% width: at 320 px a dozen columns get ~26 px each and the 56 px inputs
  // overlap. Let the table take its content's width and scroll inside the wrapper instead.
  wrap: {
    overflowX: 'auto',
    maxWidth: '100%',
    '& table': { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
    // the inner <input>'s intrinsic 20 characters would make every column ~200 px wide
    '& .fui-Input__input': { width: '10ch', minWidth: 0 },
  },
  input: { minWidth: '64px', width: '100%' },
});

export interface GridEditorProps {
  caption: string;
  columns: string[];
  rows: string[][];
  onChange: (rows: string[][]) => void;
  /** Per-cell validation messages keyed "row,col" (0-based), shown as the input's accessible description. */
  errors?: Record<string, string>;
}

/** An editable grid of text inputs (one labelled input per cell) with add/remove row buttons. */
export function GridEditor({ caption, columns, rows, onChange, errors = {} }: GridEditorProps): React.JSX.Element {
  const styles = useStyles();
  const set = (r: number, c: number, v: string): void =>
    onChange(rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row)));
  return (
    <div className={styles.wrap}>
      <Table size="extra-small" aria-label={caption}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c}>{c}</TableHeaderCell>
            ))}
            <TableHeaderCell>
              <span style={{ position: 'absolute', left: '-9999px' }}>Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((v, c) => {
                const err = errors[`${r},${c}`];
                return (
                  <TableCell key={c}>
                    <Input
                      className={styles.input}
                      aria-label={`Row ${r + 1} ${columns[c]}`}
                      aria-invalid={err ? true : undefined}
                      title={err}
                      value={v}
                      onChange={(_, d) => set(r, c, d.value)}
                    />
                  </TableCell>
                );
              })}
              <TableCell>
                <Button
                  size="small"
                  aria-label={`Remove row ${r + 1}`}
                  disabled={rows.length <= 1}
                  onClick={() => onChange(rows.filter((_, i) => i !== r))}
                >
                  −
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button size="small" onClick={() => onChange([...rows, columns.map(() => '')])}>
        Add row
      </Button>
    </div>
  );
}
