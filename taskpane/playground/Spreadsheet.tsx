import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CellValue } from '../../src/shared/cells';
import { columnLetter } from '../../src/shared/cells';
import { parseNumericText } from '../../src/shared/coerce';
import { formatCell, parseRange } from '../workbook/address';
import type { MemoryWorkbook } from '../workbook/memory';
import type { FormulaEngine } from './engine';
import { formatValue, isNumeric } from './format';

const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 52;
const DEFAULT_WIDTH = 96;
const CHAR_WIDTH = 7;
const OVERSCAN = 8;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0, minHeight: 0 },
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: { width: '72px', fontFamily: 'monospace', textAlign: 'center' },
  formula: { flex: 1, fontFamily: 'monospace', padding: '2px 6px' },
  scroller: { flex: 1, overflow: 'auto', position: 'relative', minHeight: 0, backgroundColor: '#fff' },
  colHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    backgroundColor: tokens.colorNeutralBackground3,
    height: `${HEADER_HEIGHT}px`,
  },
  corner: {
    position: 'sticky',
    left: 0,
    zIndex: 3,
    width: `${ROW_HEADER_WIDTH}px`,
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headCell: {
    flexShrink: 0,
    textAlign: 'center',
    fontSize: '12px',
    lineHeight: `${HEADER_HEIGHT}px`,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  row: { position: 'absolute', left: 0, display: 'flex', height: `${ROW_HEIGHT}px` },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    width: `${ROW_HEADER_WIDTH}px`,
    flexShrink: 0,
    fontSize: '12px',
    textAlign: 'center',
    lineHeight: `${ROW_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  cell: {
    flexShrink: 0,
    padding: '0 4px',
    fontSize: '13px',
    lineHeight: `${ROW_HEIGHT - 1}px`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderRight: '1px solid #e5e5e5',
    borderBottom: '1px solid #e5e5e5',
    boxSizing: 'border-box',
    cursor: 'cell',
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  formulaCell: { backgroundColor: '#f3f8ff' },
  error: { color: tokens.colorPaletteRedForeground1 },
  editor: { width: '100%', height: '100%', border: 'none', outline: 'none', font: 'inherit', padding: 0 },
  tabs: {
    display: 'flex',
    gap: '2px',
    overflowX: 'auto',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: '2px 4px',
  },
  tab: {
    border: 'none',
    padding: '4px 12px',
    background: 'transparent',
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    fontSize: '13px',
  },
  tabActive: { backgroundColor: '#fff', fontWeight: 600, borderBottom: `2px solid ${tokens.colorBrandStroke1}` },
});

/** What a user typed, as a cell: a formula, a number (Excel's reading of numeric text), a boolean or text. */
export function parseInput(text: string): { formula: string } | CellValue {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('=') && t.length > 1) return { formula: t };
  const n = parseNumericText(t);
  if (n !== undefined) return n;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return text;
}

/** Writes typed `text` into `sheet!address`. */
export function commitInput(wb: MemoryWorkbook, sheet: string, address: string, text: string): void {
  const v = parseInput(text);
  if (v !== null && typeof v === 'object') wb.setFormula(sheet, address, v.formula);
  else wb.setCell(sheet, address, v);
}

export interface SpreadsheetProps {
  workbook: MemoryWorkbook;
  engine: FormulaEngine;
  /** Column widths (characters) per sheet, when known. */
  widths?: Record<string, number[]>;
}

/** A spreadsheet view of a MemoryWorkbook: formula bar, virtualised grid, sheet tabs; cells are editable. */
export function Spreadsheet({ workbook, engine, widths }: SpreadsheetProps): React.JSX.Element {
  const styles = useStyles();
  const [, setVersion] = React.useState(0);
  const [sheet, setSheet] = React.useState(() => workbook.getSelection().sheet);
  const [sel, setSel] = React.useState({ row: 0, col: 0 });
  const [editing, setEditing] = React.useState<string | undefined>(undefined);
  const [barText, setBarText] = React.useState<string | undefined>(undefined);
  const [scroll, setScroll] = React.useState({ top: 0, height: 600 });
  const scroller = React.useRef<HTMLDivElement>(null);
  const knownSheets = React.useRef(workbook.sheetNames());
  // Enter commits and unmounts the editor, whose blur must not commit a second time.
  const committed = React.useRef(false);

  React.useEffect(
    () =>
      workbook.subscribe((change) => {
        setVersion((v) => v + 1);
        // A wizard that adds a sheet: show it.
        const names = workbook.sheetNames();
        const added = names.filter((n) => !knownSheets.current.includes(n));
        knownSheets.current = names;
        if (added.length > 0 && change.reason !== 'select') setSheet(added[added.length - 1]);
      }),
    [workbook],
  );

  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const sheets = workbook.sheetNames();
  const currentSheet = sheets.includes(sheet) ? sheet : sheets[0];
  const used = parseRange(workbook.usedRange(currentSheet));
  const rowCount = Math.max(used.bottom + 1 + 20, 50);
  const colCount = Math.max(used.right + 1 + 3, 12);
  const sheetWidths = widths?.[currentSheet] ?? [];
  const colWidth = (c: number) => Math.max(40, Math.round((sheetWidths[c] ?? DEFAULT_WIDTH / CHAR_WIDTH) * CHAR_WIDTH));
  const cols = Array.from({ length: colCount }, (_, c) => c);
  const totalWidth = ROW_HEADER_WIDTH + cols.reduce((s, c) => s + colWidth(c), 0);
  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);

  const address = formatCell(sel.row, sel.col);
  const selectedCell = workbook.getCell(currentSheet, address);
  const spill = selectedCell.formula ? undefined : engine.spillFormulaAt(currentSheet, address);
  const shownFormula =
    selectedCell.formula ??
    (spill ? `${spill.formula}` : selectedCell.value === null ? '' : String(selectedCell.value));

  const select = (row: number, col: number) => {
    const r = Math.max(0, row);
    const c = Math.max(0, col);
    setSel({ row: r, col: c });
    setEditing(undefined);
    setBarText(undefined);
    workbook.select(currentSheet, formatCell(r, c));
    const el = scroller.current;
    if (el) {
      const y = r * ROW_HEIGHT;
      if (y < el.scrollTop) el.scrollTop = y;
      else if (y + ROW_HEIGHT + HEADER_HEIGHT > el.scrollTop + el.clientHeight) {
        el.scrollTop = y + ROW_HEIGHT + HEADER_HEIGHT - el.clientHeight;
      }
    }
  };

  const commit = (text: string, move: number) => {
    committed.current = true;
    commitInput(workbook, currentSheet, address, text);
    setEditing(undefined);
    setBarText(undefined);
    if (move) select(sel.row + move, sel.col);
    scroller.current?.focus();
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    if (editing !== undefined) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, 1],
    };
    if (moves[e.key]) {
      e.preventDefault();
      select(sel.row + moves[e.key][0], sel.col + moves[e.key][1]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      setEditing(selectedCell.formula ?? (selectedCell.value === null ? '' : String(selectedCell.value)));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      workbook.setCell(currentSheet, address, null);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing(e.key);
    }
  };

  const rows: React.JSX.Element[] = [];
  for (let r = first; r <= last; r++) {
    rows.push(
      <div key={r} className={styles.row} style={{ top: HEADER_HEIGHT + r * ROW_HEIGHT, width: totalWidth }}>
        <div className={styles.rowHead}>{r + 1}</div>
        {cols.map((c) => {
          const a = formatCell(r, c);
          const cell = workbook.getCell(currentSheet, a);
          const err = engine.errorAt(currentSheet, a);
          const isSel = r === sel.row && c === sel.col;
          const cls = [
            styles.cell,
            cell.formula ? styles.formulaCell : '',
            err ? styles.error : '',
            isSel ? styles.selected : '',
          ].join(' ');
          if (isSel && editing !== undefined) {
            return (
              <div key={c} className={cls} style={{ width: colWidth(c) }}>
                <input
                  autoFocus
                  aria-label={`Edit ${a}`}
                  className={styles.editor}
                  value={editing}
                  onChange={(e) => setEditing(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') commit(editing, 1);
                    else if (e.key === 'Escape') {
                      committed.current = true;
                      setEditing(undefined);
                      scroller.current?.focus();
                    }
                  }}
                  onFocus={() => (committed.current = false)}
                  onBlur={() => {
                    if (!committed.current) commit(editing, 0);
                  }}
                />
              </div>
            );
          }
          return (
            <div
              key={c}
              role="gridcell"
              data-address={a}
              title={err?.message ?? undefined}
              className={cls}
              style={{ width: colWidth(c), textAlign: isNumeric(cell.value) && !err ? 'right' : 'left' }}
              onMouseDown={() => select(r, c)}
              onDoubleClick={() => setEditing(cell.formula ?? (cell.value === null ? '' : String(cell.value)))}
            >
              {formatValue(cell.value, cell.numberFormat)}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <section className={styles.root} aria-label="Spreadsheet">
      <div className={styles.bar}>
        <input className={styles.nameBox} aria-label="Name box" readOnly value={address} />
        <span aria-hidden="true">fx</span>
        <input
          className={styles.formula}
          aria-label="Formula bar"
          value={barText ?? shownFormula}
          readOnly={spill !== undefined}
          title={spill ? `Spilled from ${spill.anchor}` : undefined}
          onChange={(e) => setBarText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && barText !== undefined) commit(barText, 0);
            else if (e.key === 'Escape') setBarText(undefined);
          }}
        />
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="grid"
        aria-label={`Sheet ${currentSheet}`}
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        onKeyDown={onGridKey}
      >
        <div style={{ height: HEADER_HEIGHT + rowCount * ROW_HEIGHT, width: totalWidth, position: 'relative' }}>
          <div className={styles.colHeader} style={{ width: totalWidth }}>
            <div className={styles.corner} />
            {cols.map((c) => (
              <div key={c} className={styles.headCell} style={{ width: colWidth(c) }}>
                {columnLetter(c)}
              </div>
            ))}
          </div>
          {rows}
        </div>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {sheets.map((s) => (
          <button
            key={s}
            role="tab"
            aria-selected={s === currentSheet}
            className={`${styles.tab} ${s === currentSheet ? styles.tabActive : ''}`}
            onClick={() => {
              setSheet(s);
              setSel({ row: 0, col: 0 });
              setEditing(undefined);
              setBarText(undefined);
              workbook.select(s, 'A1');
              if (scroller.current) scroller.current.scrollTop = 0;
            }}
          >
            {s}
          </button>
        ))}
      </div>
    </section>
  );
}
