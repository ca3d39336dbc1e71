/**
 * Issue 25, item 4: every worked example of docs/functions.md runs through the built dist/functions.js, in the
 * playground's formula engine (fast-formula-parser for DATE, array constants and the like), on the sheets the
 * document draws. The convention is in test/contract/docExamples.ts and in the document itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, readMetadata } from './harness';
import { builtFunctions } from './built';
import { type DocEvent, type Expected, mismatch, parseDocExamples } from './docExamples';
import type { CellValue } from '../../src/shared/cells';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { FormulaEngine, type CustomFunctionImpl } from '../../taskpane/playground/engine';
import { formatCell } from '../../taskpane/workbook/address';

const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'functions.md'), 'utf8');
const events = parseDocExamples(DOC);
const examples = events.filter((e): e is Extract<DocEvent, { type: 'example' }> => e.type === 'example');

/** SALESOPS.<ID> → the bundle's function, called with every declared parameter (omitted ones null), as Excel does. */
function bundleFunctions(): Record<string, CustomFunctionImpl> {
  const meta = readMetadata();
  const out: Record<string, CustomFunctionImpl> = {};
  for (const [id, fn] of builtFunctions()) {
    const n = meta.functions.find((f) => f.id === id)!.parameters.length;
    out[`SALESOPS.${id}`] = (...args: unknown[]) => fn(...args, ...new Array<null>(Math.max(0, n - args.length)).fill(null)); // prettier-ignore
  }
  return out;
}
const FUNCTIONS = bundleFunctions();

/** The workbook state (sheet → cells) before each example: tables apply in order, reset at each `## `. */
function workbooks(): Map<number, Map<string, Map<string, CellValue>>> {
  const out = new Map<number, Map<string, Map<string, CellValue>>>();
  let sheets = new Map<string, Map<string, CellValue>>();
  for (const e of events) {
    if (e.type === 'section') sheets = new Map();
    else if (e.type === 'sheet') {
      const s = sheets.get(e.sheet) ?? new Map<string, CellValue>();
      sheets.set(e.sheet, s);
      for (const c of e.cells) s.set(`${c.row},${c.col}`, c.value);
    } else out.set(e.line, new Map([...sheets].map(([k, v]) => [k, new Map(v)])));
  }
  return out;
}
const STATES = workbooks();

/** Evaluates `formula` on `sheets`; a spill comes back as a 2-D array, an error as `{ error, message }`. */
function evaluate(formula: string, sheets: Map<string, Map<string, CellValue>>): unknown {
  const init: Record<string, (CellValue | { formula: string })[][]> = { Sheet1: [] };
  for (const [name, cells] of sheets) {
    const grid: CellValue[][] = [];
    for (const [k, v] of cells) {
      const [r, c] = k.split(',').map(Number);
      while (grid.length <= r) grid.push([]);
      grid[r][c] = v;
    }
    const w = Math.max(0, ...grid.map((r) => r.length));
    const cell = (v: CellValue | undefined) =>
      v === undefined ? null : typeof v === 'string' && v.startsWith('=') ? { formula: v } : v;
    init[name] = grid.map((r) => Array.from({ length: w }, (_, i) => cell(r[i])));
  }
  const wb = new MemoryWorkbook(init);
  const engine = new FormulaEngine(FUNCTIONS);
  engine.attach(wb);
  // The formula goes in row 1 of Sheet1, right of every drawn cell, so its spill covers none of them.
  const at = formatCell(0, Math.max(0, ...(init.Sheet1 ?? []).map((r) => r.length)) + 1);
  wb.setFormula('Sheet1', at, formula);
  const err = engine.errorAt('Sheet1', at);
  if (err) return { error: err.code, message: err.message ?? '' };
  const spill = engine.spillAreaOf('Sheet1', at);
  if (!spill) return wb.getCell('Sheet1', at).value;
  const rows: unknown[][] = [];
  for (let r = spill.top; r <= spill.bottom; r++) {
    const line: unknown[] = [];
    for (let c = spill.left; c <= spill.right; c++) line.push(wb.getCell('Sheet1', formatCell(r, c)).value);
    rows.push(line);
  }
  return rows;
}

describe('docs/functions.md: every worked example gives its documented result through dist/functions.js', () => {
  test('the examples are many and cover every function', () => {
    expect(examples.length).toBeGreaterThanOrEqual(100);
    const ids = readMetadata().functions.map((f) => f.id);
    const used = new Set(examples.flatMap((e) => [...e.formula.matchAll(/SALESOPS\.([A-Z]+)\(/g)].map((m) => m[1])));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  test('no example is written outside an example block (prose "=SALESOPS.X(…) → …" would go untested)', () => {
    const outside: string[] = [];
    let inBlock = false;
    DOC.split('\n').forEach((line, i) => {
      if (line.startsWith('```')) inBlock = !inBlock;
      else if (!inBlock && /=SALESOPS\.[A-Z]+\([^`]*\)`?\s*(→|gives|spills|returns)/.test(line)) outside.push(`${i + 1}: ${line}`); // prettier-ignore
    });
    expect(outside).toEqual([]);
  });

  const results = new Map<number, unknown>();
  test.each(examples.map((e): [number, string, Expected] => [e.line, e.text, e.expected]))(
    'line %i: %s',
    (line, _text, expected) => {
      const e = examples.find((x) => x.line === line)!;
      const got = evaluate(e.formula, STATES.get(line)!);
      results.set(line, got);
      expect(mismatch(expected, got)).toBeUndefined();
    },
  );

  test('negative control: a documented result off by a cent, or another error code, is caught', () => {
    let checked = 0;
    for (const e of examples) {
      const got = results.get(e.line);
      const want = e.expected;
      if (got === undefined) continue;
      if (want.kind === 'error') {
        expect(mismatch({ ...want, code: want.code === '#N/A' ? '#VALUE!' : '#N/A' }, got)).toBeDefined();
      } else {
        const rows = want.rows.map((r) =>
          r.map((c) =>
            c.type === 'number' ? { ...c, value: c.value + (c.digits !== undefined ? 10 ** -c.digits : 0.01) } : c,
          ),
        );
        if (!rows.flat().some((c) => c.type === 'number')) continue;
        expect(mismatch({ ...want, rows }, got)).toBeDefined();
      }
      checked++;
    }
    expect(checked).toBe(examples.length - examples.filter((e) => e.expected.kind === 'cells' && !e.expected.rows.flat().some((c) => c.type === 'number')).length); // prettier-ignore
  });
});

describe('the example convention is read as documented', () => {
  const md = [
    '## Section',
    '| Plan | A | B (label) | | D |',
    '|---|---|---|---|---|',
    '| 2 | 1,000 | 5% | x | 2024-01-31 |',
    '| 3 | TRUE | text | | =1/3 |',
    '',
    '```example',
    '=F(1) → {1, 2.5…; "a ""b""", FALSE}',
    '=F(2) →',
    '  #N/A "no ""x"""',
    '```',
    '```ts',
    '=NOT(1) → 2',
    '```',
  ].join('\n');
  const ev = parseDocExamples(md);

  test('sheets, continuation lines, arrays, quotes and errors', () => {
    expect(ev.map((e) => e.type)).toEqual(['section', 'sheet', 'example', 'example']);
    const sheet = ev[1] as Extract<DocEvent, { type: 'sheet' }>;
    expect(sheet.sheet).toBe('Plan');
    // Row 2: A 1,000 → 1000, B 5% → 0.05, D 2024-01-31 → serial 45322; the spacer column is not read.
    expect(sheet.cells).toEqual([
      { row: 1, col: 0, value: 1000 },
      { row: 1, col: 1, value: 0.05 },
      { row: 1, col: 3, value: 45322 },
      { row: 2, col: 0, value: true },
      { row: 2, col: 1, value: 'text' },
      { row: 2, col: 3, value: '=1/3' },
    ]);
    const [a, b] = ev.slice(2) as Extract<DocEvent, { type: 'example' }>[];
    expect(a.expected).toEqual({
      kind: 'cells',
      array: true,
      rows: [
        [
          { type: 'number', value: 1 },
          { type: 'number', value: 2.5, digits: 1 },
        ],
        [
          { type: 'text', value: 'a "b"' },
          { type: 'boolean', value: false },
        ],
      ],
    });
    expect(b.expected).toEqual({ kind: 'error', code: '#N/A', excerpt: 'no "x"' });
  });

  test('"…" matches to the digits shown; a plain number matches exactly', () => {
    const one = (value: number, digits?: number): Expected => ({
      kind: 'cells',
      array: false,
      rows: [[{ type: 'number', value, ...(digits === undefined ? {} : { digits }) }]],
    });
    expect(mismatch(one(0.5806, 4), 18 / 31)).toBeUndefined();
    expect(mismatch(one(0.5807, 4), 18 / 31)).toBeDefined();
    expect(mismatch(one(2068.97), 2068.97)).toBeUndefined();
    expect(mismatch(one(2068.97), 2068.971)).toBeDefined(); // exact: to 1e-9 relative
  });
});
