import * as React from 'react';
import { Body1, Button, Caption1, ProgressBar, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { App } from '../App';
import type { SampleSheet } from '../../sample/workbook';
import type { MemoryWorkbook } from '../workbook/memory';
import type { FormulaEngine } from './engine';
import { Spreadsheet } from './Spreadsheet';
import { ChartList } from './ChartList';
import { loadSample } from './loadSample';
import { CHAR_PX } from './display';
import { useBackgroundCompute } from './useBackgroundCompute';
import { NotAWorkbookError, readXlsx, writeXlsx } from './xlsxFile';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', fontFamily: tokens.fontFamilyBase },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  intro: { flex: 1, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  main: { display: 'flex', flex: 1, minHeight: 0 },
  sheet: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  pane: {
    width: '400px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  status: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: '2px 8px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: '20px',
  },
  progress: { width: '160px' },
  fileInput: { display: 'none' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }, // prettier-ignore
});

/** A workbook on screen: its cells, the engine computing it, and what the file said about its columns. */
export interface PlaygroundBook {
  workbook: MemoryWorkbook;
  engine: FormulaEngine;
  /** Column widths in characters per sheet (from the sample or the file). */
  widths: Record<string, number[]>;
  /** Number formats of whole columns per sheet. */
  columnFormats: Record<string, Record<number, string>>;
  /** File name for Download. */
  fileName: string;
}

/** A book from sheets (the sample, or an opened file), its formulas left to compute in the background. */
export function bookOf(sheets: SampleSheet[], fileName: string): PlaygroundBook {
  const { workbook, engine } = loadSample(sheets, true);
  return {
    workbook,
    engine,
    fileName,
    widths: Object.fromEntries(sheets.map((s) => [s.name, s.widths ?? []])),
    columnFormats: Object.fromEntries(sheets.map((s) => [s.name, s.columnFormats ?? {}])),
  };
}

export interface PlaygroundProps {
  initial: PlaygroundBook;
  /** Called with each book shown (the sample first, then opened files), e.g. for the console handle. */
  onBook?: (book: PlaygroundBook) => void;
}

/** The stand-alone playground: a workbook as a spreadsheet (open/download .xlsx), the real task pane beside it. */
export function Playground({ initial, onBook }: PlaygroundProps): React.JSX.Element {
  const styles = useStyles();
  const [book, setBookState] = React.useState(initial);
  // Each book shown gets its own grid and task pane (their state belongs to the workbook).
  const [generation, setGeneration] = React.useState(0);
  const setBook = (b: PlaygroundBook) => {
    setBookState(b);
    setGeneration((g) => g + 1);
  };
  const { workbook, engine } = book;
  const [message, setMessage] = React.useState('');
  const [busy, setBusy] = React.useState<{ label: string; value?: number } | undefined>(undefined);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const pixelWidths = React.useRef<Record<string, number[]>>({});
  const compute = useBackgroundCompute(engine, workbook);

  React.useEffect(() => {
    onBook?.(book);
  }, [book, onBook]);
  React.useEffect(
    () =>
      workbook.subscribe((change) => {
        if (change.reason === 'select' || engine.lastEvaluations === 0) return;
        setMessage(`Recalculated ${engine.lastEvaluations} formula(s) in ${engine.lastMilliseconds} ms.`);
      }),
    [workbook, engine],
  );

  const open = async (file: File) => {
    setBusy({ label: `Reading ${file.name}…` });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      setBusy({ label: `Unpacking ${file.name}…` });
      const sheets = await readXlsx(file.name, bytes, (done, total) =>
        setBusy({ label: `Loading sheet ${done} of ${total}…`, value: done / total }),
      );
      pixelWidths.current = {};
      setBook(bookOf(sheets, file.name));
      setMessage(`Opened ${file.name}: ${sheets.length} sheet(s).`);
    } catch (e) {
      const text =
        e instanceof NotAWorkbookError ? e.message : `Could not open ${file.name}: ${String(e)}. Nothing was changed.`;
      setMessage(text);
    } finally {
      setBusy(undefined);
    }
  };

  const download = async () => {
    setBusy({ label: 'Writing the workbook…' });
    try {
      // Finish the formulas first: the file caches their values.
      while (engine.computeSome(1000) > 0) await new Promise((r) => setTimeout(r, 0));
      const chars = Object.fromEntries(
        workbook
          .sheetNames()
          .map((s) => [s, (pixelWidths.current[s] ?? []).map((px) => Math.round((px / CHAR_PX) * 10) / 10)]),
      );
      const bytes = await writeXlsx(workbook, engine, { ...book.widths, ...chars }, book.columnFormats);
      const blob = new Blob([bytes as BlobPart], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = book.fileName.replace(/\.xlsx$/i, '') + '.xlsx';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Downloaded ${a.download} (${(bytes.length / 1024).toFixed(0)} KB).`);
    } catch (e) {
      setMessage(`Could not write the workbook: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const status = busy
    ? busy.label
    : compute.pending > 0
      ? `Computing formulas: ${compute.total - compute.pending} of ${compute.total}…`
      : message ||
        'Select cells (drag, Shift+arrows, headers, Ctrl+A), paste tab-separated data, or open an .xlsx file.';
  // What a screen reader hears: the start and the end of a computation, not each 30 ms slice of it (the visible
  // status counts the formulas; the progress bar carries the fraction).
  const spoken = busy ? busy.label : compute.pending > 0 ? 'Computing formulas…' : status;
  const progress = busy
    ? busy.value
    : compute.pending > 0
      ? (compute.total - compute.pending) / compute.total
      : undefined;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">Sales Ops Modeler — playground</Title3>
        <Body1 className={styles.intro}>
          {book.fileName === 'SalesOps-Sample.xlsx'
            ? 'The sample company, computed by the same SALESOPS functions Excel runs. No Excel needed.'
            : `${book.fileName}, computed by the same SALESOPS functions Excel runs.`}
        </Body1>
        <div className={styles.actions}>
          <Button appearance="secondary" disabled={busy !== undefined} onClick={() => fileInput.current?.click()}>
            Open .xlsx…
          </Button>
          <Button appearance="secondary" disabled={busy !== undefined} onClick={() => void download()}>
            Download .xlsx
          </Button>
          <input
            ref={fileInput}
            className={styles.fileInput}
            type="file"
            aria-label="Open an Excel workbook"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void open(f);
            }}
          />
        </div>
      </header>
      <div className={styles.main}>
        <div className={styles.sheet}>
          <Spreadsheet
            key={generation}
            workbook={workbook}
            engine={engine}
            widths={book.widths}
            columnFormats={book.columnFormats}
            computeTick={compute.tick}
            computed={compute.pending === 0}
            onMessage={setMessage}
            onWidths={(s, px) => (pixelWidths.current[s] = px)}
          />
          <div className={styles.status}>
            <Caption1 aria-hidden="true">{status}</Caption1>
            <div className={styles.hidden} role="status" aria-live="polite">
              {spoken}
            </div>
            {progress !== undefined && (
              <ProgressBar className={styles.progress} value={progress} aria-label="Progress" />
            )}
          </div>
        </div>
        <aside className={styles.pane} aria-label="Task pane">
          <App key={generation} port={workbook} />
          <ChartList workbook={workbook} />
        </aside>
      </div>
    </div>
  );
}
