/**
 * The worked examples of docs/functions.md as data. The document's convention (stated in its section
 * "How the examples are written"):
 *
 * - **Sheets.** A Markdown table whose header row is a corner cell (the sheet name, `Sheet1` when blank) followed
 *   by column letters (`A`, `B`, or `A (earned)`; an empty header cell is a spacer column) and whose rows start
 *   with their row number is a range of cells. Cells are read as typed into Excel: `100,000` and `5%` are numbers,
 *   `2024-01-31` a date (its serial), `TRUE`/`FALSE` booleans, `=…` a formula, anything else text, an empty cell
 *   blank. Tables apply in document order to one
 *   workbook per `## ` section, each writing its cells (blank ones included) over what was there.
 * - **Examples.** A fenced block whose info string is `example` holds one example a line:
 *   `=FORMULA → RESULT`; a line starting with a space continues the previous one. RESULT is a number (matched
 *   to 1e-9 relative; ending in `…` it is matched to the digits shown), `"text"`, `TRUE`/`FALSE`, an array of
 *   these in Excel's notation (`{1, 2; 3, 4}`: commas between columns, semicolons between rows), or an error
 *   code with an optional excerpt of its message (`#VALUE! "stages: 3 rows"`).
 */
import { parseNumericText } from '../../src/shared/coerce';
import type { CellValue } from '../../src/shared/cells';
import { dateToSerial } from '../../src/shared/dates';

/** One expected cell. `digits`: the value was written with `…`, match to that many decimals. */
export type ExpectedCell =
  | { type: 'number'; value: number; digits?: number }
  | { type: 'text'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'error'; value: string };

/** An example's documented result. */
export type Expected =
  { kind: 'cells'; rows: ExpectedCell[][]; array: boolean } | { kind: 'error'; code: string; excerpt?: string };

/** What the document says, in order. */
export type DocEvent =
  | { type: 'section'; line: number; title: string }
  | { type: 'sheet'; line: number; sheet: string; cells: { row: number; col: number; value: CellValue }[] }
  | { type: 'example'; line: number; formula: string; expected: Expected; text: string };

const LETTERS = /^([A-Z]{1,3})(?:\s*\(.*\))?$/;

/** The cells of a Markdown table row (split on unescaped pipes, trimmed). */
function tableCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** Column index (0-based) of letters: A → 0, AA → 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A sheet cell as typed into Excel. */
export function sheetValue(text: string): CellValue {
  const t = text.replace(/^`|`$/g, '').trim();
  if (t === '') return null;
  if (t === 'TRUE' || t === 'FALSE') return t === 'TRUE';
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (date) return dateToSerial(Number(date[1]), Number(date[2]), Number(date[3]));
  const n = parseNumericText(t.replace(/^−/, '-'));
  return n === undefined ? t : n;
}

/** Parses a sheet table; `undefined` when the header is not a sheet header. */
function sheetTable(lines: string[], first: number): DocEvent | undefined {
  const header = tableCells(lines[0]);
  const cols = header.slice(1).map((h) => (h === '' ? -1 : LETTERS.test(h) ? columnIndex(LETTERS.exec(h)![1]) : -2));
  if (cols.some((c) => c === -2) || !cols.some((c) => c >= 0)) return undefined;
  const sheet = header[0].replace(/`/g, '').trim() || 'Sheet1';
  const cells: { row: number; col: number; value: CellValue }[] = [];
  lines.slice(2).forEach((line, i) => {
    const c = tableCells(line);
    const row = Number(c[0]);
    if (!Number.isInteger(row) || row < 1) throw new Error(`line ${first + 3 + i}: a sheet row must start with its row number`); // prettier-ignore
    cols.forEach((col, j) => {
      if (col >= 0) cells.push({ row: row - 1, col, value: sheetValue(c[j + 1] ?? '') });
    });
  });
  return { type: 'sheet', line: first + 1, sheet, cells };
}

/** Tokens of a RESULT. */
function tokens(s: string, line: number): string[] {
  const out: string[] = [];
  const re = /\s*("(?:[^"]|"")*"|[{};,]|#[A-Z0-9/]+[!?]?|[-−]?\d+(?:\.\d+)?…?|TRUE|FALSE)\s*/y;
  let i = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw new Error(`line ${line}: cannot read the result at "${s.slice(i)}"`);
    out.push(m[1]);
    i = re.lastIndex;
  }
  return out;
}

function cell(tok: string, line: number): ExpectedCell {
  if (tok.startsWith('"')) return { type: 'text', value: tok.slice(1, -1).replace(/""/g, '"') };
  if (tok === 'TRUE' || tok === 'FALSE') return { type: 'boolean', value: tok === 'TRUE' };
  if (tok.startsWith('#')) return { type: 'error', value: tok }; // an error in one cell of a spill
  const m = /^([-−]?\d+(?:\.(\d+))?)(…?)$/.exec(tok);
  if (!m) throw new Error(`line ${line}: expected a value, got ${tok}`);
  const value = Number(m[1].replace('−', '-'));
  return m[3] ? { type: 'number', value, digits: m[2]?.length ?? 0 } : { type: 'number', value };
}

/** Parses a RESULT (see the module comment). */
export function parseExpected(s: string, line: number): Expected {
  const t = tokens(s.trim(), line);
  if (t.length > 0 && t[0].startsWith('#')) {
    if (t.length > 2 || (t.length === 2 && !t[1].startsWith('"'))) throw new Error(`line ${line}: bad error result`);
    return t.length === 2
      ? { kind: 'error', code: t[0], excerpt: t[1].slice(1, -1).replace(/""/g, '"') }
      : { kind: 'error', code: t[0] };
  }
  if (t[0] !== '{') {
    if (t.length !== 1) throw new Error(`line ${line}: one value expected, got "${s}"`);
    return { kind: 'cells', rows: [[cell(t[0], line)]], array: false };
  }
  if (t[t.length - 1] !== '}') throw new Error(`line ${line}: an array must end with }`);
  const rows: ExpectedCell[][] = [[]];
  for (let i = 1; i < t.length - 1; i++) {
    const tok = t[i];
    if (tok === ';') rows.push([]);
    else if (tok !== ',') rows[rows.length - 1].push(cell(tok, line));
  }
  if (rows.some((r) => r.length !== rows[0].length)) throw new Error(`line ${line}: the array's rows differ in length`);
  return { kind: 'cells', rows, array: true };
}

/** Reads docs/functions.md into sections, sheet tables and examples, in document order. */
export function parseDocExamples(markdown: string): DocEvent[] {
  const lines = markdown.split('\n');
  const events: DocEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('## ')) {
      events.push({ type: 'section', line: i + 1, title: line.slice(3).trim() });
    } else if (line.startsWith('```example')) {
      const logical: { line: number; text: string }[] = [];
      let j = i + 1;
      for (; j < lines.length && !lines[j].startsWith('```'); j++) {
        const l = lines[j];
        if (l.trim() === '') continue;
        if (/^\s/.test(l) && logical.length > 0) logical[logical.length - 1].text += ` ${l.trim()}`;
        else logical.push({ line: j + 1, text: l.trim() });
      }
      for (const { line: n, text } of logical) {
        const at = text.indexOf(' → ');
        if (!text.startsWith('=') || at < 0) throw new Error(`line ${n}: expected "=FORMULA → RESULT", got "${text}"`);
        events.push({
          type: 'example',
          line: n,
          formula: text.slice(0, at).trim(),
          expected: parseExpected(text.slice(at + 3), n),
          text,
        });
      }
      i = j;
    } else if (line.startsWith('```')) {
      // Other code blocks are skipped whole.
      let j = i + 1;
      while (j < lines.length && !lines[j].startsWith('```')) j++;
      i = j;
    } else if (line.startsWith('|') && lines[i + 1]?.startsWith('|')) {
      let j = i;
      while (j < lines.length && lines[j].startsWith('|')) j++;
      const table = sheetTable(lines.slice(i, j), i);
      if (table) events.push(table);
      i = j - 1;
    }
  }
  return events;
}

/**
 * Why `got` (a value, or a 2-D array for a spill) does not match `want`, or `undefined` when it does. Excel
 * errors come as `{ error, message }`.
 */
export function mismatch(want: Expected, got: unknown): string | undefined {
  const err = got !== null && typeof got === 'object' && !Array.isArray(got) ? (got as { error: string; message?: string }) : undefined; // prettier-ignore
  if (want.kind === 'error') {
    if (!err) return `expected ${want.code}, got ${JSON.stringify(got)}`;
    if (err.error !== want.code) return `expected ${want.code}, got ${err.error} ${err.message ?? ''}`;
    if (want.excerpt !== undefined && !(err.message ?? '').includes(want.excerpt))
      return `expected a message with "${want.excerpt}", got "${err.message ?? ''}"`;
    return undefined;
  }
  if (err) return `expected a value, got ${err.error} ${err.message ?? ''}`;
  const rows = Array.isArray(got) ? (got as unknown[][]) : [[got]];
  if (!want.array && (rows.length !== 1 || rows[0].length !== 1)) return `expected one value, got a spill ${JSON.stringify(got)}`; // prettier-ignore
  if (rows.length !== want.rows.length || rows.some((r) => r.length !== want.rows[0].length))
    return `expected ${want.rows.length} × ${want.rows[0].length}, got ${JSON.stringify(got)}`;
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const w = want.rows[r][c];
      const g = rows[r][c];
      const where = want.array ? ` at row ${r + 1}, column ${c + 1}` : '';
      if (w.type === 'error') {
        const code = typeof g === 'string' ? g : (g as { error?: string; code?: string } | null)?.error ?? (g as { code?: string } | null)?.code; // prettier-ignore
        if (code !== w.value) return `expected ${w.value}${where}, got ${JSON.stringify(g)}`;
        continue;
      }
      if (w.type !== 'number') {
        if (w.value === '' && g === null) continue; // a blank cell of a spill
        if (g !== w.value) return `expected ${JSON.stringify(w.value)}${where}, got ${JSON.stringify(g)}`;
        continue;
      }
      if (typeof g !== 'number') return `expected ${w.value}${where}, got ${JSON.stringify(g)}`;
      const ok =
        w.digits !== undefined
          ? Math.abs(g - w.value) <= 0.5 * 10 ** -w.digits * (1 + 1e-9)
          : Math.abs(g - w.value) <= 1e-9 * Math.max(1, Math.abs(w.value));
      if (!ok) return `expected ${w.value}${w.digits !== undefined ? '…' : ''}${where}, got ${g}`;
    }
  }
  return undefined;
}
