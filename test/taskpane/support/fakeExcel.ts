/* eslint-disable @typescript-eslint/no-this-alias -- setters in object literals need the fake itself */
/**
 * A small fake of the Excel object model for the adapter tests. Ranges are `office-addin-mock` objects, so a
 * property read before `load` + `sync` returns the mock's error text instead of data (the tests would see it).
 * Writes (property assignments and method calls) are queued and run at `context.sync()`, as in Office.js; a
 * failure can be injected on the N-th sync after K of its queued commands ran (Office.js runs the commands
 * before a failing one).
 *
 * Persistent refusals, as Excel's: writes to a protected sheet (`protect`) or to a refused area (`refuseArea`: a
 * merged area, part of a spill…) throw on every sync that tries them; adding a table or a named range whose name
 * is taken, or a table overlapping another, throws too. A command that throws ends its sync: the commands queued
 * before it have run, the ones after it have not.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { formatCell, parseRange } from '../../../taskpane/workbook/address';
import type { ExcelRun } from '../../../taskpane/workbook/excel';

interface Cell {
  v: string | number | boolean;
  f?: string;
  nf?: string;
  /** An error value (v is its text, e.g. "#N/A"). */
  e?: true;
}

/** Excel's error values, as `range.values` shows them and as `range.formulas = "#N/A"` enters them. */
const ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!']);

export interface FakeState {
  sheets: { name: string; cells: Map<string, Cell> }[];
  tables: { name: string; sheet: string; address: string }[];
  names: { name: string; ref: string }[];
  charts: { sheet: string; name: string; type: string; source: string; title?: string; at?: string }[];
  /** Spilled results: "Sheet!F2" → "F2:H4" (what getSpillingToRangeOrNullObject returns). */
  spills: Map<string, string>;
  /** Custom document properties. */
  properties: Map<string, string | number | boolean>;
}

/** A fake of `Office.Settings` (set/get/remove, saveAsync); `failSave` makes the next save fail. */
export class FakeSettings {
  saved = new Map<string, unknown>();
  pending = new Map<string, unknown>();
  saves = 0;
  failSave = false;
  get(name: string): unknown {
    return this.pending.get(name) ?? null;
  }
  set(name: string, value: unknown): void {
    this.pending.set(name, value);
  }
  remove(name: string): void {
    this.pending.delete(name);
  }
  saveAsync(cb: (r: { status: string; error?: { message: string } }) => void): void {
    this.saves += 1;
    if (this.failSave) {
      this.failSave = false;
      cb({ status: 'failed', error: { message: 'injected save failure' } });
      return;
    }
    this.saved = new Map(this.pending);
    cb({ status: 'succeeded' });
  }
}

type Op = () => void;

export class FakeExcel {
  state: FakeState = { sheets: [], tables: [], names: [], charts: [], spills: new Map(), properties: new Map() };
  syncs = 0;
  runs = 0;
  /** Inject: the `failOnSync`-th sync (counted over the fake's life) throws after `opsBeforeFailure` commands. */
  failOnSync: number | undefined;
  opsBeforeFailure = 0;
  /** Runs once when the injected failure fires (e.g. to protect a sheet "in between"). */
  onInjectedFailure: (() => void) | undefined;
  /** Protected sheets (lower case): every write to them fails. */
  readonly protectedSheets = new Set<string>();
  /** Areas every write to which fails (a merged area, part of a spill…). */
  readonly refusedAreas: { sheet: string; address: string }[] = [];
  private queue: Op[] = [];
  private mocks: OfficeMockObject[] = [];
  private after: (() => void)[] = [];
  private syncing = false;
  private chartSeq = 0;

  constructor(sheets: Record<string, (string | number | boolean | null)[][]>) {
    for (const [name, grid] of Object.entries(sheets)) {
      const cells = new Map<string, Cell>();
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== '') cells.set(formatCell(r, c), { v });
        }),
      );
      this.state.sheets.push({ name, cells });
    }
  }

  /** The `Excel.run` to give the adapter. */
  run: ExcelRun = async (batch) => {
    this.runs += 1;
    const ctx = this.context();
    return batch(ctx as unknown as Excel.RequestContext);
  };

  /** Protects a sheet: from now on every write to it fails, as in Excel. */
  protect(sheet: string): void {
    this.protectedSheets.add(sheet.toLowerCase());
  }

  /** From now on every write that touches `sheet!address` fails. */
  refuseArea(sheet: string, address: string): void {
    this.refusedAreas.push({ sheet, address });
  }

  cell(sheet: string, address: string): Cell | undefined {
    return this.sheet(sheet)?.cells.get(address);
  }

  sheet(name: string) {
    return this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private context() {
    const sync = async (): Promise<void> => {
      this.syncs += 1;
      const ops = this.queue;
      this.queue = [];
      if (this.failOnSync === this.syncs) {
        this.mocks = [];
        this.after = [];
        ops.slice(0, this.opsBeforeFailure).forEach((op) => op());
        this.onInjectedFailure?.();
        throw new Error('InvalidArgument: injected failure');
      }
      try {
        ops.forEach((op) => op());
      } catch (e) {
        this.mocks = [];
        this.after = [];
        throw e;
      }
      this.syncing = true;
      for (const m of this.mocks) await m.sync();
      this.syncing = false;
      this.mocks = [];
      this.after.forEach((f) => f());
      this.after = [];
    };
    return { workbook: this.workbook(), sync };
  }

  /** A loadable plain object: `load` is a no-op that returns it, data is filled at the next sync by `fill`. */
  private loadable<T extends object>(obj: T, fill?: (o: T) => void): T & { load: () => T } {
    const o = obj as T & { load: () => T };
    o.load = () => {
      if (fill) this.after.push(() => fill(o));
      return o;
    };
    return o;
  }

  private collection<T extends { name: string }>(list: () => T[]) {
    return this.loadable({ items: [] as T[] }, (o) => {
      o.items = list();
    });
  }

  private workbook() {
    const self = this;
    return {
      worksheets: Object.assign(
        this.collection(() => this.state.sheets.map((s) => this.worksheet(s.name))),
        {
          getItem: (name: string) => this.worksheet(name),
          getItemOrNullObject: (name: string) => this.worksheet(name, true),
          add: (name: string) => this.queue.push(() => this.state.sheets.push({ name, cells: new Map() })),
        },
      ),
      tables: Object.assign(
        this.collection(() => this.state.tables.map((t) => this.table(t.name))),
        {
          getItem: (name: string) => this.table(name),
          getItemOrNullObject: (name: string) => this.table(name, true),
        },
      ),
      names: Object.assign(
        this.collection(() => this.state.names.map((n) => this.namedItem(n.name))),
        {
          getItem: (name: string) => this.namedItem(name),
          getItemOrNullObject: (name: string) => this.namedItem(name, true),
          add: (name: string, ref: unknown) =>
            this.queue.push(() => {
              if (self.nameTaken(name)) throw new Error(`InvalidArgument: the name "${name}" already exists`);
              const text = typeof ref === 'string' ? ref.replace(/^=/, '') : (ref as { ref: string }).ref;
              self.state.names.push({ name, ref: text });
            }),
        },
      ),
      getSelectedRange: () => this.range(this.state.sheets[0].name, 'A1:B2'),
      properties: {
        custom: Object.assign(
          this.loadable({ items: [] as { key: string; value: unknown }[] }, (o) => {
            o.items = [...this.state.properties].map(([key, value]) => ({ key, value }));
          }),
          {
            add: (key: string, value: string | number | boolean) =>
              this.queue.push(() => {
                const old = [...this.state.properties.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
                if (old !== undefined) this.state.properties.delete(old);
                this.state.properties.set(key, value);
              }),
            getItemOrNullObject: (key: string) => ({
              delete: () =>
                this.queue.push(() => {
                  for (const k of [...this.state.properties.keys()])
                    if (k.toLowerCase() === key.toLowerCase()) this.state.properties.delete(k);
                }),
            }),
          },
        ),
      },
    };
  }

  private worksheet(name: string, orNull = false) {
    const exists = (): boolean => this.sheet(name) !== undefined;
    const ws = {
      name: this.sheet(name)?.name ?? name,
      isNullObject: orNull && !exists(),
      load: () => ws,
      getRange: (address: string) => this.range(name, address),
      protection: this.loadable({ protected: false }, (o) => {
        o.protected = this.protectedSheets.has(name.toLowerCase());
      }),
      getUsedRangeOrNullObject: () =>
        this.loadable({ isNullObject: true, address: '' }, (o) => {
          const cells = [...(this.sheet(name)?.cells ?? new Map<string, Cell>())]
            .filter(([, c]) => c.v !== '' || c.f)
            .map(([a]) => parseRange(a));
          o.isNullObject = cells.length === 0;
          if (cells.length === 0) return;
          const top = Math.min(...cells.map((c) => c.top));
          const left = Math.min(...cells.map((c) => c.left));
          const bottom = Math.max(...cells.map((c) => c.bottom));
          const right = Math.max(...cells.map((c) => c.right));
          o.address = `${name}!${formatCell(top, left)}:${formatCell(bottom, right)}`;
        }),
      copy: () => {
        let to = `${name} (2)`;
        this.queue.push(() => {
          const from = this.sheet(name);
          if (!from) throw new Error(`ItemNotFound: ${name}`);
          this.state.sheets.push({ name: to, cells: new Map([...from.cells].map(([a, c]) => [a, { ...c }])) });
          // a copy keeps the sheet's protection, as in Excel
          if (this.protectedSheets.has(name.toLowerCase())) this.protectedSheets.add(to.toLowerCase());
        });
        const copy = {
          set name(v: string) {
            const old = to;
            to = v;
            self.queue.push(() => {
              const s = self.sheet(old);
              if (s) s.name = v;
              if (self.protectedSheets.delete(old.toLowerCase())) self.protectedSheets.add(v.toLowerCase());
            });
          },
          getRange: (address: string) => this.range(to, address),
        };
        return copy;
      },
      delete: () =>
        this.queue.push(() => {
          // deleting a sheet deletes its tables and charts, as in Excel
          this.state.sheets = this.state.sheets.filter((s) => s.name.toLowerCase() !== name.toLowerCase());
          this.state.tables = this.state.tables.filter((t) => t.sheet.toLowerCase() !== name.toLowerCase());
          this.state.charts = this.state.charts.filter((c) => c.sheet.toLowerCase() !== name.toLowerCase());
        }),
      tables: {
        add: (address: string) => {
          const rec = { name: '', sheet: name, address };
          this.queue.push(() => {
            this.checkWritable(name, address);
            const r = parseRange(address);
            const clash = this.state.tables.find(
              (t) => t.sheet.toLowerCase() === name.toLowerCase() && overlaps(parseRange(t.address), r),
            );
            if (clash) throw new Error(`InvalidOperation: ${address} overlaps table ${clash.name}`);
            let i = this.state.tables.length + 1;
            while (this.nameTaken(`Table${i}`)) i++;
            rec.name = `Table${i}`;
            this.state.tables.push(rec);
          });
          return {
            set name(v: string) {
              self.queue.push(() => {
                if (v.toLowerCase() !== rec.name.toLowerCase() && self.nameTaken(v))
                  throw new Error(`InvalidArgument: the name "${v}" already exists`);
                rec.name = v;
              });
            },
          };
        },
      },
      charts: Object.assign(
        this.collection(() =>
          this.state.charts
            .filter((c) => c.sheet === name)
            .map((c) => ({ name: c.name, delete: () => this.queue.push(() => this.removeChart(c.name)) })),
        ),
        {
          add: (type: string, source: { ref: string }, _seriesBy: string) => {
            const rec = {
              sheet: name,
              name: `Chart ${++this.chartSeq}`,
              type,
              source: source.ref,
            } as FakeState['charts'][number];
            this.queue.push(() => this.state.charts.push(rec));
            return {
              title: {
                set text(v: string) {
                  self.queue.push(() => {
                    rec.title = v;
                  });
                },
              },
              setPosition: (at: string) => this.queue.push(() => (rec.at = at)),
            };
          },
        },
      ),
    };
    const self = this;
    return ws;
  }

  /** True when a table or a defined name already has `name` (case-insensitive), as Excel checks. */
  private nameTaken(name: string): boolean {
    const k = name.toLowerCase();
    return (
      this.state.tables.some((t) => t.name.toLowerCase() === k) ||
      this.state.names.some((n) => n.name.toLowerCase() === k)
    );
  }

  /** Throws as Excel does for a write to a protected sheet or a refused area. */
  private checkWritable(sheet: string, address: string): void {
    if (this.protectedSheets.has(sheet.toLowerCase()))
      throw new Error(`AccessDenied: the sheet "${sheet}" is protected`);
    const r = parseRange(address);
    const hit = this.refusedAreas.find(
      (a) => a.sheet.toLowerCase() === sheet.toLowerCase() && overlaps(parseRange(a.address), r),
    );
    if (hit) throw new Error(`InvalidOperation: cannot change part of ${hit.sheet}!${hit.address}`);
  }

  private removeChart(name: string): void {
    this.state.charts = this.state.charts.filter((c) => c.name !== name);
  }

  private table(name: string, orNull = false) {
    const rec = () => this.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    const t = rec();
    return {
      name,
      isNullObject: orNull && !t,
      load: function () {
        return this;
      },
      getRange: () => this.range(t?.sheet ?? '', t?.address ?? 'A1'),
      getHeaderRowRange: () => {
        const r = parseRange(t?.address ?? 'A1');
        return this.range(t?.sheet ?? '', `${formatCell(r.top, r.left)}:${formatCell(r.top, r.right)}`);
      },
      worksheet: {
        name: t?.sheet ?? '',
        load: function () {
          return this;
        },
      },
      convertToRange: () =>
        this.queue.push(() => {
          if (!rec()) throw new Error(`ItemNotFound: table ${name}`);
          this.state.tables = this.state.tables.filter((x) => x.name.toLowerCase() !== name.toLowerCase());
        }),
    };
  }

  private namedItem(name: string, orNull = false) {
    const n = this.state.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return {
      name,
      formula: n ? `=${n.ref}` : '',
      isNullObject: orNull && !n,
      load: function () {
        return this;
      },
      delete: () =>
        this.queue.push(() => {
          if (!this.state.names.some((x) => x.name.toLowerCase() === name.toLowerCase()))
            throw new Error(`ItemNotFound: name ${name}`);
          this.state.names = this.state.names.filter((x) => x.name.toLowerCase() !== name.toLowerCase());
        }),
    };
  }

  /** A range: an office-addin-mock object holding the current cells; writes are queued commands. */
  private range(sheet: string, address: string) {
    const r = parseRange(address);
    const s = this.sheet(sheet);
    const grid = <T>(f: (c: Cell | undefined) => T): T[][] =>
      Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
        Array.from({ length: r.right - r.left + 1 }, (_, j) => f(s?.cells.get(formatCell(r.top + i, r.left + j)))),
      );
    const mock = new OfficeMockObject({
      address: `${sheet}!${address}`,
      values: grid((c) => c?.v ?? ''),
      formulas: grid((c) => c?.f ?? c?.v ?? ''),
      valueTypes: grid((c) =>
        c === undefined || (c.v === '' && !c.f)
          ? 'Empty'
          : c.e
            ? 'Error'
            : typeof c.v === 'number'
              ? 'Double'
              : typeof c.v === 'boolean'
                ? 'Boolean'
                : 'String',
      ),
      numberFormat: grid((c) => c?.nf ?? 'General'),
      rowCount: r.bottom - r.top + 1,
    }) as OfficeMockObject & Record<string, unknown>;
    (mock as Record<string, unknown>).worksheet = {
      name: sheet,
      load: function () {
        return this;
      },
    };
    (mock as Record<string, unknown>).ref = `${sheet}!${address}`;
    (mock as Record<string, unknown>).getSpillingToRangeOrNullObject = () =>
      this.loadable({ isNullObject: true, address: '' }, (o) => {
        const area = this.state.spills.get(`${s?.name ?? sheet}!${address}`);
        o.isNullObject = area === undefined;
        o.address = area ? `${sheet}!${area}` : '';
      });
    this.mocks.push(mock);
    const self = this;
    for (const prop of ['formulas', 'numberFormat'] as const) {
      let stored: unknown = mock[prop];
      Object.defineProperty(mock, prop, {
        get: () => stored,
        set: (v: unknown) => {
          stored = v;
          if (!self.syncing && Array.isArray(v))
            self.queue.push(() => self.writeGrid(sheet, address, prop, v as unknown[][]));
        },
      });
    }
    return mock;
  }

  private writeGrid(sheet: string, address: string, prop: 'formulas' | 'numberFormat', g: unknown[][]): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`ItemNotFound: ${sheet}`);
    this.checkWritable(sheet, address);
    const r = parseRange(address);
    g.forEach((row, i) =>
      row.forEach((x, j) => {
        const a = formatCell(r.top + i, r.left + j);
        const old = s.cells.get(a);
        if (prop === 'numberFormat') {
          // "General" on a blank cell is Excel's default: the cell stays empty
          if (String(x) === 'General' && (!old || (old.v === '' && !old.f))) s.cells.delete(a);
          else if (String(x) === 'General' && old) s.cells.set(a, { v: old.v, ...(old.f ? { f: old.f } : {}) });
          else s.cells.set(a, { ...(old ?? { v: '' }), nf: String(x) });
          return;
        }
        const nf = old?.nf;
        // Writing over a spill's anchor ends that spill (the fake computes no new one).
        this.state.spills.delete(`${s.name}!${a}`);
        if (typeof x === 'string' && x.startsWith('=')) s.cells.set(a, { v: '', f: x, nf });
        else if (typeof x === 'string' && ERRORS.has(x)) s.cells.set(a, { v: x, e: true, nf });
        else if (typeof x === 'string' && x.startsWith("'")) s.cells.set(a, { v: x.slice(1), nf });
        else if (x === '' || x === null) {
          if (nf) s.cells.set(a, { v: '', nf });
          else s.cells.delete(a);
        } else s.cells.set(a, { v: x as number | boolean, nf });
      }),
    );
  }
}

function overlaps(a: { top: number; left: number; bottom: number; right: number }, b: typeof a): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
