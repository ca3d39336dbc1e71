/** @jest-environment jsdom */
/**
 * The Share wizard on the in-memory workbook, computed by the playground's engine with the real SALESOPS
 * functions: scan, Repair, share in place and as copies, Restore, and writes that are refused.
 */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { next } from './support/next';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormulaEngine } from '../../taskpane/playground/engine';
import { salesOpsFunctions } from '../../taskpane/playground/registry';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { ShareWizard } from '../../taskpane/wizards/share/ShareWizard';
import { VERSION } from '../../src/version';

const TIERS = '$A$1:$B$4';

/**
 * Comp: tiers A1:B4 (0 → 5 %, 100,000 → 8 %, 250,000 → 10 %), amounts in D, commissions in E, and a
 * seasonal quota in A7 that spills over A7:C7. With `broken`, E4 holds the stored spelling of a call, which the
 * engine (like Excel without the add-in) shows as #NAME?.
 */
function workbook(broken = false): MemoryWorkbook {
  const wb = new MemoryWorkbook({
    Comp: [
      ['Lower bound', 'Rate', null, 'Amount', 'Commission'],
      [0, 0.05, null, 300000, { formula: `=SALESOPS.COMMISSION(D2,${TIERS})` }],
      [100000, 0.08, null, 100000, { formula: `=SALESOPS.COMMISSION(D3,${TIERS},"retro")` }],
      [250000, 0.1, null, 300000, broken ? { formula: `=_xldudf_SALESOPS_COMMISSION(D4,${TIERS})` } : null],
      [],
      [0.25, 0.25, 0.5],
      [{ formula: '=SALESOPS.SEASONALQUOTA(1000,A6:C6)' }],
    ],
    Notes: [['Shared with finance']],
  });
  new FormulaEngine(salesOpsFunctions()).attach(wb);
  return wb;
}

function setup(wb: MemoryWorkbook) {
  const { user, view } = renderWizard(ShareWizard, wb);
  return { user, view };
}

const v = (wb: MemoryWorkbook, sheet: string, a: string) => wb.getCell(sheet, a).value;
const f = (wb: MemoryWorkbook, sheet: string, a: string) => wb.getCell(sheet, a).formula;

/** Every formula of a sheet, by address. */
function formulas(wb: MemoryWorkbook, sheet: string): Record<string, string> {
  return Object.fromEntries(
    wb
      .formulaCells()
      .filter((c) => c.sheet === sheet)
      .map((c) => [c.address, c.formula]),
  );
}

async function toPreview(
  user: ReturnType<typeof userEvent.setup>,
  mode?: RegExp,
  opts: { noAutoOpen?: boolean; valuesOnly?: boolean } = {},
) {
  await screen.findByRole('table', { name: 'SALESOPS cells by function' }, { timeout: 10_000 });
  await next(user);
  if (mode) await user.click(screen.getByRole('radio', { name: mode }));
  if (opts.noAutoOpen) await user.click(screen.getByRole('checkbox', { name: /Open the task pane automatically/ }));
  if (opts.valuesOnly) await user.click(screen.getByRole('checkbox', { name: /^Values only/ }));
  await next(user);
  return screen.findByRole('table', { name: 'Cells to convert' }, { timeout: 10_000 });
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? ''),
    );

describe('Share wizard (in-memory workbook)', () => {
  it('scans: counts by function and conversion, and the #NAME? cells; Repair re-enters them in the typed spelling', async () => {
    const wb = workbook(true);
    // The engine computed: E2 = 100,000 × 5 % + 150,000 × 8 % + 50,000 × 10 % = 22,000; E3 = 100,000 × 8 % = 8,000
    // (retro, at the bound); A7:C7 = 1,000 × (25 %, 25 %, 50 %) = 250, 250, 500; E4 is #NAME?.
    expect([v(wb, 'Comp', 'E2'), v(wb, 'Comp', 'E3'), v(wb, 'Comp', 'E4')]).toEqual([22000, 8000, '#NAME?']);
    expect([v(wb, 'Comp', 'A7'), v(wb, 'Comp', 'B7'), v(wb, 'Comp', 'C7')]).toEqual([250, 250, 500]);
    const { user } = setup(wb);
    const table = await screen.findByRole('table', { name: 'SALESOPS cells by function' }, { timeout: 10_000 });
    expect(screen.getByText('4 SALESOPS cells on 1 sheet: Comp.')).toBeInTheDocument();
    const counts = Object.fromEntries(
      rowsOf(table).map(([fn, native, values]) => [fn, Number(native) + Number(values)]),
    );
    expect(counts).toEqual({ COMMISSION: 3, SEASONALQUOTA: 1 });
    expect(screen.getByText(/^1 SALESOPS cell shows #NAME\? \(Comp!E4\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Repair 1 cell' }));
    expect(await screen.findByText('Re-entered 1 SALESOPS formula that showed #NAME?.')).toBeInTheDocument();
    expect(f(wb, 'Comp', 'E4')).toBe(`=SALESOPS.COMMISSION(D4,${TIERS})`);
    expect(v(wb, 'Comp', 'E4')).toBe(22000); // same inputs as E2
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Repair/ })).not.toBeInTheDocument());
    // nothing else moved
    expect(f(wb, 'Comp', 'E2')).toBe(`=SALESOPS.COMMISSION(D2,${TIERS})`);
    expect(wb.sheetNames()).toEqual(['Comp', 'Notes']);
  });

  it('shares in place without asking about the SALESOPS cells: native formulas stay live, values stay put', async () => {
    const wb = workbook();
    const before = { E2: v(wb, 'Comp', 'E2'), E3: v(wb, 'Comp', 'E3') };
    const { user } = setup(wb);
    const table = await toPreview(user);
    const rows = rowsOf(table);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Comp', 'E2', `=SALESOPS.COMMISSION(D2,${TIERS})`],
      ['Comp', 'E3', `=SALESOPS.COMMISSION(D3,${TIERS},"retro")`],
      ['Comp', 'A7:C7', '=SALESOPS.SEASONALQUOTA(1000,A6:C6)'],
    ]);
    // a spilled result is converted to values, every cell of it
    // SEASONALQUOTA spills: a native formula in each cell of the spill
    expect(rows[2][3]).toMatch(/^Native: =.*a formula in each of the 3 cells\)$/);
    expect(rows[2][4]).toBe('250 … (1 × 3)');
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    expect(
      await screen.findByText(/^Shared 3 SALESOPS cells in place: /, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    // No SALESOPS call is left on Comp; each cell shows what it showed.
    for (const formula of Object.values(formulas(wb, 'Comp'))) expect(formula).not.toMatch(/SALESOPS/i);
    expect([v(wb, 'Comp', 'E2'), v(wb, 'Comp', 'E3')]).toEqual([before.E2, before.E3]);
    expect([v(wb, 'Comp', 'A7'), v(wb, 'Comp', 'B7'), v(wb, 'Comp', 'C7')]).toEqual([250, 250, 500]);
    for (const a of ['A7', 'B7', 'C7']) expect(f(wb, 'Comp', a)).toMatch(/^=/);
    // New weights 50 %, 25 %, 25 % of 1,000 → 500, 250, 250 (the native spill follows its inputs too).
    wb.setCell('Comp', 'A6', 0.5);
    wb.setCell('Comp', 'C6', 0.25);
    expect([v(wb, 'Comp', 'A7'), v(wb, 'Comp', 'B7'), v(wb, 'Comp', 'C7')]).toEqual([500, 250, 250]);
    // COMMISSION has a native translation: it follows its inputs as the function would.
    // 400,000 marginal → 100,000 × 5 % + 150,000 × 8 % + 150,000 × 10 % = 5,000 + 12,000 + 15,000 = 32,000;
    // 260,000 retro → 260,000 × 10 % = 26,000.
    expect(rows.slice(0, 2).map((r) => r[3])).toEqual([
      expect.stringMatching(/^Native: =/),
      expect.stringMatching(/^Native: =/),
    ]);
    wb.setCell('Comp', 'D2', 400000);
    wb.setCell('Comp', 'D3', 260000);
    expect(v(wb, 'Comp', 'E2')).toBeCloseTo(32000, 9);
    expect(v(wb, 'Comp', 'E3')).toBeCloseTo(26000, 9);
    // The Provenance sheet, the document properties and the auto-open setting.
    expect(wb.sheetNames()).toEqual(['Comp', 'Notes', 'Provenance']);
    const prov = (await wb.readSheet('Provenance')).values;
    expect(prov.find((r) => r[0] === 'Add-in version')?.[1]).toBe(VERSION);
    expect(prov.filter((r) => r[0] === 'Comp').map((r) => r[1])).toEqual(['E2', 'E3', 'A7']);
    expect(wb.documentProperties()['Sales Ops Modeler version']).toBe(VERSION);
    expect(wb.documentProperties()['Sales Ops Modeler shared at (UTC)']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(wb.autoOpenTaskpane()).toBe(true);
  });

  it('asks before overwriting an existing Provenance sheet; on Cancel nothing changes', async () => {
    const wb = workbook();
    wb.addSheet('Provenance');
    wb.setCell('Provenance', 'A1', 'my own notes');
    wb.setCell('Provenance', 'H40', 'far away');
    const { user } = setup(wb);
    await toPreview(user);
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    const dialog = await screen.findByRole('alertdialog', undefined, { timeout: 10_000 });
    // Only the Provenance sheet is asked about (the SALESOPS cells were chosen by sharing in place); its old
    // content down to H40 is covered so that no stale row stays.
    expect(within(dialog).getByText(/^Provenance!A1:H40: 2 non-empty cells \(A1, H40\)/)).toBeInTheDocument();
    expect(within(dialog).queryByText(/^Comp!/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(await screen.findByText('Nothing was written.', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(f(wb, 'Comp', 'E2')).toBe(`=SALESOPS.COMMISSION(D2,${TIERS})`);
    expect(f(wb, 'Comp', 'A7')).toBe('=SALESOPS.SEASONALQUOTA(1000,A6:C6)');
    expect([v(wb, 'Provenance', 'A1'), v(wb, 'Provenance', 'H40')]).toEqual(['my own notes', 'far away']);
    expect(wb.documentProperties()).toEqual({});
    expect(wb.autoOpenTaskpane()).toBeUndefined();
  });

  it('shares as copies: the originals keep their formulas, the Provenance sheet names the copies', async () => {
    const wb = workbook();
    const { user } = setup(wb);
    const table = await toPreview(user, /^As copies/, { noAutoOpen: true });
    expect(rowsOf(table).map((r) => `${r[0]}!${r[1]}`)).toEqual([
      'Comp (shared)!E2',
      'Comp (shared)!E3',
      'Comp (shared)!A7:C7',
    ]);
    await next(user, 'Continue');
    expect(screen.getByText(/^Copies "Comp" to "Comp \(shared\)"/)).toBeInTheDocument();
    await next(user, 'Write to workbook');
    expect(
      await screen.findByText(/^Shared 3 SALESOPS cells on "Comp \(shared\)"/, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(wb.sheetNames()).toEqual(['Comp', 'Notes', 'Provenance', 'Comp (shared)']);
    expect(f(wb, 'Comp', 'E2')).toBe(`=SALESOPS.COMMISSION(D2,${TIERS})`);
    for (const formula of Object.values(formulas(wb, 'Comp (shared)'))) expect(formula).not.toMatch(/SALESOPS/i);
    expect(v(wb, 'Comp (shared)', 'E3')).toBe(8000);
    expect([v(wb, 'Comp (shared)', 'A7'), v(wb, 'Comp (shared)', 'C7')]).toEqual([250, 500]);
    expect(v(wb, 'Comp (shared)', 'A1')).toBe('Lower bound'); // the rest of the sheet is copied
    const prov = (await wb.readSheet('Provenance')).values;
    expect(prov.filter((r) => typeof r[0] === 'string' && r[0].startsWith('Comp')).map((r) => r[0])).toEqual([
      'Comp (shared)',
      'Comp (shared)',
      'Comp (shared)',
    ]);
    expect(wb.autoOpenTaskpane()).toBe(false);
  });

  it('restores the original formulas of a values-only share; the spill area is cleared and spills again', async () => {
    const wb = workbook();
    const first = setup(wb);
    await toPreview(first.user, undefined, { valuesOnly: true });
    await next(first.user, 'Continue');
    await next(first.user, 'Write to workbook');
    await screen.findByText(/^Shared 3 SALESOPS cells in place: 0 native formulas/, undefined, { timeout: 10_000 });
    expect([f(wb, 'Comp', 'A7'), f(wb, 'Comp', 'B7'), v(wb, 'Comp', 'B7')]).toEqual([undefined, undefined, 250]);
    first.view.unmount();
    const { user } = setup(wb);
    const restore = await screen.findByRole('button', { name: 'Restore SALESOPS formulas' }, { timeout: 10_000 });
    expect(screen.getByText(/The Provenance sheet lists 3 converted cells/)).toBeInTheDocument();
    await user.click(restore);
    expect(
      await screen.findByText('Restored 3 SALESOPS formulas from the Provenance sheet.', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(formulas(wb, 'Comp')).toEqual({
      E2: `=SALESOPS.COMMISSION(D2,${TIERS})`,
      E3: `=SALESOPS.COMMISSION(D3,${TIERS},"retro")`,
      A7: '=SALESOPS.SEASONALQUOTA(1000,A6:C6)',
    });
    // computed again by the functions: 22,000, 8,000 and the spill 250, 250, 500
    expect([v(wb, 'Comp', 'E2'), v(wb, 'Comp', 'E3')]).toEqual([22000, 8000]);
    expect([v(wb, 'Comp', 'A7'), v(wb, 'Comp', 'B7'), v(wb, 'Comp', 'C7')]).toEqual([250, 250, 500]);
  });

  it('asks before restoring over a cell edited since the share; on Cancel nothing is restored', async () => {
    const wb = workbook();
    const first = setup(wb);
    await toPreview(first.user);
    await next(first.user, 'Continue');
    await next(first.user, 'Write to workbook');
    await screen.findByText(/^Shared 3 SALESOPS cells in place/, undefined, { timeout: 10_000 });
    first.view.unmount();
    wb.setCell('Comp', 'E3', 'agreed 9,000'); // a colleague typed over the converted cell
    const { user } = setup(wb);
    await user.click(await screen.findByRole('button', { name: 'Restore SALESOPS formulas' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('alertdialog', undefined, { timeout: 10_000 });
    expect(within(dialog).getByText(/^Comp!E3: 1 non-empty cell \(E3\)/)).toBeInTheDocument();
    expect(within(dialog).getAllByRole('listitem', { hidden: true })).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(await screen.findByText('Nothing was written.', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(v(wb, 'Comp', 'E3')).toBe('agreed 9,000');
    for (const formula of Object.values(formulas(wb, 'Comp'))) expect(formula).not.toMatch(/SALESOPS/i);
  });
});
