import * as React from 'react';
import { columnLetter } from '../../src/shared/cells';
import { formatCell, parseRange, tryParseRange } from '../workbook/address';
import type { MemoryWorkbook } from '../workbook/memory';
import type { WriteCell } from '../workbook/port';
import { ChartSvg } from './ChartList';
import { cellView } from './cellView';
import type { FormulaEngine } from './engine';
import {
  type Bounds,
  type GridSelection,
  cellSelection,
  columnSelection,
  extendBy,
  extendTo,
  isSelected,
  moveBy,
  rowSelection,
  selectAll,
  selectionAddress,
  selectionRect,
} from './selection';
import { HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT, useSpreadsheetStyles } from './spreadsheetStyles';
import { formatTsv, parseTsv } from './tsv';
import { useColumnWidths } from './useColumnWidths';
import { longestRow } from './extent';
import { copyText, readInput } from './input';
export { parseInput } from './input';

const OVERSCAN = 8;

/** Writes typed `text` into `sheet!address` (a date or percentage also sets the cell's number format). */
export function commitInput(wb: MemoryWorkbook, sheet: string, address: string, text: string): void {
  const { cell, numberFormat } = readInput(text);
  if (cell !== null && typeof cell === 'object') wb.setFormula(sheet, address, cell.formula);
  else wb.setCell(sheet, address, cell);
  if (numberFormat) wb.setNumberFormat(sheet, address, numberFormat);
}

/** Pasted tab-separated text as a block: cells read as typed input, and the number format each one set. */
export function pastedBlock(text: string): { cells: WriteCell[][]; numberFormats: (string | undefined)[][] } {
  // One trailing tab on a line adds no cell (as Excel reads "a\tb\t"): it must not clear a third column.
  const rows = parseTsv(text).map((r) => (r.length > 1 && r[r.length - 1] === '' ? r.slice(0, -1) : r));
  const width = longestRow(rows);
  const cells: WriteCell[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  for (const r of rows) {
    const typed = Array.from({ length: width }, (_, c) => readInput(r[c] ?? ''));
    cells.push(typed.map((t) => t.cell));
    numberFormats.push(typed.map((t) => t.numberFormat));
  }
  return { cells, numberFormats };
}

/** Pasted tab-separated text as cells to write (values read as typed input; "=…" as formulas). */
export function pastedCells(text: string): WriteCell[][] {
  return pastedBlock(text).cells;
}

export interface SpreadsheetProps {
  workbook: MemoryWorkbook;
  engine: FormulaEngine;
  /** Column widths (characters) per sheet, as the file or sample gave them (a minimum for auto-sizing). */
  widths?: Record<string, number[]>;
  /** Number formats set on whole columns, per sheet (0-based column → format). */
  columnFormats?: Record<string, Record<number, string>>;
  /** Bumped by the owner while formulas compute in the background (redraws the grid). */
  computeTick?: number;
  /** True once every formula has been computed (columns are sized again). */
  computed?: boolean;
  /** Tells the owner a message for the status bar (a paste that failed, how many cells were copied). */
  onMessage?: (text: string) => void;
  /** Tells the owner the current column widths of a sheet in pixels (for saving). */
  onWidths?: (sheet: string, px: number[]) => void;
}

/**
 * A spreadsheet view of a MemoryWorkbook: name box and formula bar, a virtualised grid that follows the ARIA grid
 * pattern (one tab stop, arrow keys, the active cell announced) and selects like Excel, sheet tabs, and the
 * workbook's charts drawn beside the data they plot.
 */
export function Spreadsheet(props: SpreadsheetProps): React.JSX.Element {
  const { workbook, engine, widths, columnFormats, computed = true, onMessage, onWidths } = props;
  const styles = useSpreadsheetStyles();
  const [, setVersion] = React.useState(0);
  const [sheet, setSheet] = React.useState(() => workbook.getSelection().sheet);
  const [sel, setSel] = React.useState<GridSelection>({ anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } });
  const [editing, setEditing] = React.useState<string | undefined>(undefined);
  const [barText, setBarText] = React.useState<string | undefined>(undefined);
  const [nameText, setNameText] = React.useState<string | undefined>(undefined);
  const [scroll, setScroll] = React.useState({ top: 0, height: 600 });
  const scroller = React.useRef<HTMLDivElement>(null);
  const grid = React.useRef<HTMLDivElement>(null);
  const knownSheets = React.useRef(workbook.sheetNames());
  const dragging = React.useRef<'cells' | undefined>(undefined);
  // Enter commits and unmounts the editor, whose blur must not commit a second time.
  const committed = React.useRef(false);
  const gridId = React.useId().replace(/:/g, '');

  React.useEffect(
    () =>
      workbook.subscribe((change) => {
        setVersion((v) => v + 1);
        // A wizard that adds a sheet: show it.
        const names = workbook.sheetNames();
        const added = names.filter((n) => !knownSheets.current.includes(n));
        knownSheets.current = names;
        if (added.length > 0 && change.reason !== 'select') {
          setSheet(added[added.length - 1]);
          setSel(cellSelection(0, 0, { rows: 1, cols: 1 }));
        }
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
    const stop = () => (dragging.current = undefined);
    window.addEventListener('mouseup', stop);
    return () => {
      ro.disconnect();
      window.removeEventListener('mouseup', stop);
    };
  }, []);

  const sheets = workbook.sheetNames();
  const currentSheet = sheets.includes(sheet) ? sheet : sheets[0];
  const used = parseRange(workbook.usedRange(currentSheet));
  const usedEmpty = used.bottom === 0 && used.right === 0 && workbook.getCell(currentSheet, 'A1').value === null;
  const rowCount = Math.max(used.bottom + 1 + 20, 50);
  const colCount = Math.max(used.right + 1 + 3, 12);
  const bounds: Bounds = { rows: rowCount, cols: colCount };
  const sheetFormats = columnFormats?.[currentSheet];
  const cw = useColumnWidths(workbook, engine, currentSheet, widths?.[currentSheet], sheetFormats, computed);
  const cols = Array.from({ length: colCount }, (_, c) => c);
  const colLeft: number[] = [];
  let x = ROW_HEADER_WIDTH;
  for (const c of cols) {
    colLeft.push(x);
    x += cw.widthOf(c);
  }
  const totalWidth = x;
  React.useEffect(() => {
    onWidths?.(
      currentSheet,
      cols.map((c) => cw.widthOf(c)),
    );
  });
  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);

  const active = sel.anchor;
  const activeAddress = formatCell(active.row, active.col);
  const rangeAddress = selectionAddress(sel);
  const rect = selectionRect(sel);
  const activeCell = workbook.getCell(currentSheet, activeAddress);
  const spill = activeCell.formula ? undefined : engine.spillFormulaAt(currentSheet, activeAddress);
  const shownFormula =
    activeCell.formula ?? (spill ? spill.formula : activeCell.value === null ? '' : String(activeCell.value));
  const activeView = cellView(workbook, engine, currentSheet, active.row, active.col, Infinity, sheetFormats);
  const cellId = (r: number, c: number) => `${gridId}-r${r}c${c}`;

  const scrollTo = (row: number, col: number) => {
    const el = scroller.current;
    if (!el) return;
    const y = row * ROW_HEIGHT;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW_HEIGHT + HEADER_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = y + ROW_HEIGHT + HEADER_HEIGHT - el.clientHeight;
    }
    const left = colLeft[col] ?? 0;
    const right = left + cw.widthOf(col);
    if (left - ROW_HEADER_WIDTH < el.scrollLeft) el.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
  };

  const choose = (next: GridSelection, follow: 'anchor' | 'focus' = 'anchor') => {
    setSel(next);
    setEditing(undefined);
    setBarText(undefined);
    setNameText(undefined);
    workbook.select(currentSheet, selectionAddress(next));
    const p = follow === 'anchor' ? next.anchor : next.focus;
    scrollTo(p.row, p.col);
  };

  const commit = (text: string, move: number) => {
    committed.current = true;
    commitInput(workbook, currentSheet, activeAddress, text);
    setEditing(undefined);
    setBarText(undefined);
    if (move) choose(moveBy(sel, move, 0, bounds));
    grid.current?.focus();
  };

  /** Writes a block of cells at the selection's top-left, in one batch (all or nothing). */
  const writeBlock = (cells: WriteCell[][], what: string, formats?: (string | undefined)[][]) => {
    if (cells.length === 0 || cells[0].length === 0) return;
    const at = formatCell(rect.top, rect.left);
    // A cell whose text set no format (a date, a percentage) keeps the one it had, as when typing in Excel.
    const numberFormats = formats?.map((row, r) =>
      row.map(
        (f, c) =>
          f ?? workbook.getCell(currentSheet, formatCell(rect.top + r, rect.left + c)).numberFormat ?? 'General',
      ),
    );
    workbook.apply({ blocks: [{ sheet: currentSheet, at, cells, numberFormats }] }).then(
      () => {
        const h = cells.length;
        const w = cells[0].length;
        const next = extendTo(cellSelection(rect.top, rect.left, bounds), rect.top + h - 1, rect.left + w - 1, {
          rows: Math.max(bounds.rows, rect.top + h),
          cols: Math.max(bounds.cols, rect.left + w),
        });
        choose(next);
        onMessage?.(`${what} ${h} × ${w} cell(s) at ${currentSheet}!${selectionAddress(next)}.`);
      },
      (e: unknown) => onMessage?.(`Nothing was ${what.toLowerCase()}: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    if (editing !== undefined) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const ctrl = e.ctrlKey || e.metaKey;
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      if (e.shiftKey) choose(extendBy(sel, dr, dc, bounds), 'focus');
      else choose(moveBy(sel, dr, dc, bounds));
    } else if (e.key === 'Tab') {
      // Inside a block Tab moves the active cell like Excel would; with one cell it leaves the grid (one tab stop).
      return;
    } else if (ctrl && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      choose(selectAll(usedEmpty ? undefined : { row: used.bottom, col: used.right }, bounds));
    } else if (e.key === 'Home') {
      e.preventDefault();
      choose(ctrl ? cellSelection(0, 0, bounds) : cellSelection(active.row, 0, bounds));
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      const page = Math.max(1, Math.floor(scroll.height / ROW_HEIGHT) - 1);
      choose(moveBy(sel, e.key === 'PageDown' ? page : -page, 0, bounds));
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      setEditing(activeCell.formula ?? (activeCell.value === null ? '' : String(activeCell.value)));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const h = rect.bottom - rect.top + 1;
      const w = rect.right - rect.left + 1;
      if (h === 1 && w === 1) workbook.setCell(currentSheet, activeAddress, null);
      else
        writeBlock(
          Array.from({ length: h }, () => Array.from({ length: w }, () => null)),
          'Cleared',
        );
    } else if (e.key.length === 1 && !ctrl && !e.altKey) {
      e.preventDefault();
      setEditing(e.key);
    }
  };

  const onCopy = (e: React.ClipboardEvent) => {
    if (editing !== undefined) return;
    e.preventDefault();
    const lines: string[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const line: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const v = cellView(workbook, engine, currentSheet, r, c, Infinity, sheetFormats);
        // The shown text when it reads back as the same value (as Excel copies), else the full value.
        line.push(v.pending || v.error ? v.text : copyText(v.value, v.format));
      }
      lines.push(line);
    }
    e.clipboardData.setData('text/plain', formatTsv(lines));
    onMessage?.(`Copied ${currentSheet}!${rangeAddress} as tab-separated text.`);
  };

  const onPaste = (e: React.ClipboardEvent) => {
    if (editing !== undefined) return;
    e.preventDefault();
    let block: ReturnType<typeof pastedBlock>;
    try {
      block = pastedBlock(e.clipboardData.getData('text/plain'));
    } catch (err) {
      onMessage?.(`Nothing was pasted: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    writeBlock(block.cells, 'Pasted', block.numberFormats);
  };

  const gotoName = (text: string) => {
    const r = tryParseRange(text.trim().toUpperCase());
    if (!r) {
      onMessage?.(`"${text}" is not a cell or range such as B2 or B2:D10.`);
      setNameText(undefined);
      return;
    }
    const b = { rows: Math.max(bounds.rows, r.bottom + 1), cols: Math.max(bounds.cols, r.right + 1) };
    choose(extendTo(cellSelection(r.top, r.left, b), r.bottom, r.right, b));
    grid.current?.focus();
  };

  const startResize = (c: number, e: React.MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startW = cw.widthOf(c);
    const move = (ev: MouseEvent) => cw.resize(c, startW + ev.clientX - startX);
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };

  // The active cell is announced once, through aria-activedescendant, under this name (Excel's "C3: $1,200,
  // formula …"); the live region speaks only what that does not: a range selection grown with Shift or the mouse.
  const activeName = `${activeAddress}: ${activeView.pending ? 'computing' : activeView.text || 'blank'}${
    activeCell.formula ? `, formula ${activeCell.formula}` : ''
  }`;
  const renderRow = (r: number) => (
    <div
      key={r}
      role="row"
      aria-rowindex={r + 2}
      className={styles.row}
      style={{ top: HEADER_HEIGHT + r * ROW_HEIGHT, width: totalWidth }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className={`${styles.rowHead} ${r >= rect.top && r <= rect.bottom ? styles.headActive : ''}`}
        onMouseDown={(e) => {
          e.preventDefault();
          grid.current?.focus();
          choose(rowSelection(r, bounds, e.shiftKey ? sel : undefined));
        }}
      >
        {r + 1}
      </div>
      {cols.map((c) => {
        const a = formatCell(r, c);
        const width = cw.widthOf(c);
        const isActive = r === active.row && c === active.col;
        const inRange = isSelected(sel, r, c);
        if (isActive && editing !== undefined) {
          return (
            <div
              key={c}
              role="gridcell"
              aria-colindex={c + 2}
              id={cellId(r, c)}
              className={`${styles.cell} ${styles.active}`}
              style={{ width }}
            >
              <input
                autoFocus
                aria-label={`Edit ${a}`}
                className={styles.editor}
                value={editing}
                onChange={(e) => setEditing(e.target.value)}
                onKeyDown={(e) => {
                  e.stopPropagation();
                  if (e.key === 'Enter') commit(editing, 1);
                  else if (e.key === 'Escape') {
                    committed.current = true;
                    setEditing(undefined);
                    grid.current?.focus();
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
        const v = cellView(workbook, engine, currentSheet, r, c, width, sheetFormats);
        const cls = [
          styles.cell,
          inRange && !isActive ? styles.inRange : '',
          v.formula ? styles.formulaCell : '',
          v.error ? styles.error : '',
          v.pending ? styles.pending : '',
          isActive ? styles.active : '',
        ].join(' ');
        return (
          <div
            key={c}
            role="gridcell"
            id={cellId(r, c)}
            aria-colindex={c + 2}
            aria-selected={inRange}
            aria-label={isActive ? activeName : undefined}
            aria-busy={v.pending || undefined}
            data-address={a}
            title={
              v.pending
                ? 'Computing…'
                : v.fromFile
                  ? 'Not recomputed: the value saved in the file (the playground cannot compute this formula; Excel will).'
                  : (v.error?.message ?? undefined)
            }
            className={cls}
            style={{ width, textAlign: v.numeric && !v.pending ? 'right' : 'left' }}
            onMouseDown={(e) => {
              if (e.button !== 0) return;
              e.preventDefault();
              grid.current?.focus();
              if (e.shiftKey) choose(extendTo(sel, r, c, bounds), 'focus');
              else {
                choose(cellSelection(r, c, bounds));
                dragging.current = 'cells';
              }
            }}
            onMouseEnter={() => {
              if (dragging.current === 'cells') {
                setSel((s) => {
                  const next = extendTo(s, r, c, bounds);
                  workbook.select(currentSheet, selectionAddress(next));
                  return next;
                });
              }
            }}
            onDoubleClick={() => setEditing(v.formula ?? (v.value === null ? '' : String(v.value)))}
          >
            {v.text}
          </div>
        );
      })}
    </div>
  );

  const rows: React.JSX.Element[] = [];
  for (let r = first; r <= last; r++) rows.push(renderRow(r));
  // The active cell's row is always in the DOM, so aria-activedescendant always names an element.
  if (active.row < first || active.row > last) rows.push(renderRow(active.row));

  const charts = workbook.charts().filter((c) => c.sheet === currentSheet);
  const announce = rangeAddress !== activeAddress ? `Selected ${rangeAddress}` : '';

  return (
    <section className={styles.root} aria-label="Spreadsheet">
      <div className={styles.bar}>
        <input
          className={styles.nameBox}
          aria-label="Name box"
          value={nameText ?? rangeAddress}
          onChange={(e) => setNameText(e.target.value)}
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') gotoName(nameText ?? rangeAddress);
            else if (e.key === 'Escape') setNameText(undefined);
          }}
          onBlur={() => setNameText(undefined)}
        />
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
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        <div
          ref={grid}
          role="grid"
          tabIndex={0}
          aria-label={`Sheet ${currentSheet}`}
          aria-rowcount={rowCount + 1}
          aria-colcount={colCount + 1}
          aria-multiselectable="true"
          aria-activedescendant={editing === undefined ? cellId(active.row, active.col) : undefined}
          className={`${styles.grid} ${styles.gridFocus}`}
          style={{ height: HEADER_HEIGHT + rowCount * ROW_HEIGHT, width: totalWidth }}
          onKeyDown={onGridKey}
          onCopy={onCopy}
          onPaste={onPaste}
        >
          <div role="row" aria-rowindex={1} className={styles.headRow} style={{ width: totalWidth }}>
            <div
              role="columnheader"
              aria-colindex={1}
              aria-label="Select all"
              className={styles.corner}
              onMouseDown={(e) => {
                e.preventDefault();
                grid.current?.focus();
                choose(selectAll(usedEmpty ? undefined : { row: used.bottom, col: used.right }, bounds));
              }}
            />
            {cols.map((c) => (
              <div
                key={c}
                role="columnheader"
                aria-colindex={c + 2}
                className={`${styles.headCell} ${c >= rect.left && c <= rect.right ? styles.headActive : ''}`}
                style={{ width: cw.widthOf(c) }}
                onMouseDown={(e) => {
                  e.preventDefault();
                  grid.current?.focus();
                  choose(columnSelection(c, bounds, e.shiftKey ? sel : undefined));
                }}
              >
                {columnLetter(c)}
                <div
                  aria-hidden="true"
                  data-resize={columnLetter(c)}
                  className={styles.resizer}
                  title="Drag to resize; double-click to fit the content"
                  onMouseDown={(e) => startResize(c, e)}
                  onDoubleClick={(e) => {
                    e.stopPropagation();
                    cw.autosize(c);
                  }}
                />
              </div>
            ))}
          </div>
          {rows}
        </div>
        {charts.map((chart) => {
          const at = parseRange(chart.at);
          return (
            <figure
              key={chart.id}
              className={styles.chart}
              aria-label={`Chart on sheet: ${chart.title}`}
              style={{ top: HEADER_HEIGHT + at.top * ROW_HEIGHT, left: colLeft[at.left] ?? totalWidth, width: 340 }}
            >
              <ChartSvg wb={workbook} chart={chart} />
            </figure>
          );
        })}
      </div>
      <div className={styles.hidden} aria-live="polite" aria-atomic="true">
        {announce}
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
              setSel(cellSelection(0, 0, bounds));
              setEditing(undefined);
              setBarText(undefined);
              workbook.select(s, 'A1');
              if (scroller.current) {
                scroller.current.scrollTop = 0;
                scroller.current.scrollLeft = 0;
              }
            }}
          >
            {s}
          </button>
        ))}
      </div>
    </section>
  );
}
