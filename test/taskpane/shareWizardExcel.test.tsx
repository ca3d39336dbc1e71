/** @jest-environment jsdom */
/**
 * The Share wizard over the Excel adapter, on a fake Excel object model whose ranges are office-addin-mock
 * objects (test/taskpane/support/fakeExcel.ts). The fake computes nothing: cells carry the values Excel showed.
 */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { next } from './support/next';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExcelWorkbook } from '../../taskpane/workbook/excel';
import { ShareWizard } from '../../taskpane/wizards/share/ShareWizard';
import { FakeExcel, FakeSettings } from './support/fakeExcel';

const TIERS = '$A$1:$B$4';
const E2 = `=SALESOPS.COMMISSION(D2,${TIERS})`;
const E3 = `=SALESOPS.COMMISSION(D3,${TIERS},"retro")`;
const E4 = `=SALESOPS.COMMISSION(D4,${TIERS})`;
const A7 = '=SALESOPS.SEASONALQUOTA(1000,A6:C6)';

beforeAll(() => {
  (globalThis as unknown as { Office: unknown }).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
});
afterAll(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

/**
 * Comp as Excel shows it with the add-in: E2 = 22,000 (100,000 × 5 % + 150,000 × 8 % + 50,000 × 10 %), E3 =
 * 8,000 (retro at the bound), E4 #NAME? (entered while the add-in was not loaded), A7 spilled over A7:C7
 * (1,000 × 25 %, 25 %, 50 %).
 */
function excel(nameError = true) {
  const fake = new FakeExcel({
    Comp: [
      ['Lower bound', 'Rate', null, 'Amount', 'Commission'],
      [0, 0.05, null, 300000, null],
      [100000, 0.08, null, 100000, null],
      [250000, 0.1, null, 300000, null],
      [null],
      [0.25, 0.25, 0.5],
    ],
  });
  const cells = fake.sheet('Comp')!.cells;
  cells.set('E2', { v: 22000, f: E2 });
  cells.set('E3', { v: 8000, f: E3 });
  if (nameError) cells.set('E4', { v: '#NAME?', f: E4, e: true });
  cells.set('A7', { v: 250, f: A7 });
  cells.set('B7', { v: 250 });
  cells.set('C7', { v: 500 });
  fake.state.spills.set('Comp!A7', 'A7:C7');
  const settings = new FakeSettings();
  const wb = new ExcelWorkbook(fake.run, {
    supportsExcelApi: () => true,
    settings: () => settings as unknown as Office.Settings,
  });
  return { fake, settings, wb };
}

function setup(wb: ExcelWorkbook) {
  const { user, view } = renderWizard(ShareWizard, wb);
  return { user, view };
}

/** What each cell holds (its formula, else its value), for comparing the workbook before and after. */
const contents = (fake: FakeExcel) =>
  JSON.stringify({
    sheets: fake.state.sheets.map((s) => [s.name, [...s.cells].map(([a, c]) => [a, c.f ?? c.v])]),
    properties: [...fake.state.properties],
  });

async function share(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('table', { name: 'SALESOPS cells by function' }, { timeout: 10_000 });
  await next(user);
  await next(user);
  await screen.findByRole('table', { name: 'Cells to convert' }, { timeout: 10_000 });
  await next(user, 'Continue');
  await next(user, 'Write to workbook');
}

describe('Share wizard (Excel adapter, office-addin-mock)', () => {
  it('Repair re-enters the #NAME? cell in one write, without asking', async () => {
    const { fake, wb } = excel();
    const { user } = setup(wb);
    expect(
      await screen.findByText(/^1 SALESOPS cell shows #NAME\? \(Comp!E4\)/, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Repair 1 cell' }));
    expect(
      await screen.findByText('Re-entered 1 SALESOPS formula that showed #NAME?.', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fake.cell('Comp', 'E4')).toEqual({ v: '', f: E4 }); // written again (Excel recalculates it)
    expect(fake.cell('Comp', 'E2')).toEqual({ v: 22000, f: E2 });
  });

  it('shares in place: converted cells, spill values, Provenance sheet, document properties, auto-open setting', async () => {
    const { fake, settings, wb } = excel(false);
    const { user } = setup(wb);
    await share(user);
    expect(
      await screen.findByText(/^Shared 3 SALESOPS cells in place/, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    const comp = fake.sheet('Comp')!;
    for (const [, c] of comp.cells) expect(c.f ?? '').not.toMatch(/SALESOPS/i);
    // A value conversion keeps the value shown; a native one is a formula of its own.
    for (const [a, shown] of [
      ['E2', 22000],
      ['E3', 8000],
    ] as const) {
      const c = fake.cell('Comp', a)!;
      if (c.f) expect(c.f).toMatch(/^=/);
      else expect(c.v).toBe(shown);
    }
    // SEASONALQUOTA's spill: a native formula in each of its cells
    for (const a of ['A7', 'B7', 'C7']) expect(fake.cell('Comp', a)?.f).toMatch(/^=(?!.*SALESOPS)/i);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Comp', 'Provenance']);
    expect(fake.cell('Provenance', 'A1')?.v).toMatch(/^Sales Ops Modeler: shared copy/);
    expect([...fake.state.properties.keys()]).toEqual([
      'Sales Ops Modeler version',
      'Sales Ops Modeler shared at (UTC)',
      'Sales Ops Modeler converted cells',
      'Sales Ops Modeler native formulas',
      'Sales Ops Modeler value cells',
    ]);
    expect(settings.saved.get('Office.AutoShowTaskpaneWithDocument')).toBe(true);
  });

  it('Restore puts the formulas back and clears the spill area so that it can spill again', async () => {
    const { fake, wb } = excel(false);
    const first = setup(wb);
    await share(first.user);
    await screen.findByText(/^Shared 3 SALESOPS cells in place/, undefined, { timeout: 10_000 });
    first.view.unmount();
    const { user } = setup(wb);
    await user.click(await screen.findByRole('button', { name: 'Restore SALESOPS formulas' }, { timeout: 10_000 }));
    expect(
      await screen.findByText('Restored 3 SALESOPS formulas from the Provenance sheet.', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect([fake.cell('Comp', 'E2')?.f, fake.cell('Comp', 'E3')?.f, fake.cell('Comp', 'A7')?.f]).toEqual([E2, E3, A7]);
    expect([fake.cell('Comp', 'B7'), fake.cell('Comp', 'C7')]).toEqual([undefined, undefined]);
  });

  it('a write Excel refuses part way leaves the workbook, its properties and the setting as they were', async () => {
    const { fake, settings, wb } = excel(false);
    const before = contents(fake);
    const apply = wb.apply.bind(wb);
    // The apply's third sync (the write) fails after 4 of its queued commands ran; the adapter rolls back.
    jest.spyOn(wb, 'apply').mockImplementation((plan, approved) => {
      fake.failOnSync = fake.syncs + 3;
      fake.opsBeforeFailure = 4;
      return apply(plan, approved);
    });
    const { user } = setup(wb);
    await share(user);
    expect(
      await screen.findByText(
        /Writing to the workbook failed \(InvalidArgument: injected failure\); nothing was changed/,
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(contents(fake)).toBe(before);
    expect(settings.saves).toBe(0);
  });

  it('asks before overwriting an existing Provenance sheet; Cancel writes nothing', async () => {
    const { fake, settings, wb } = excel(false);
    fake.state.sheets.push({ name: 'Provenance', cells: new Map([['B2', { v: 'kept' }]]) });
    const before = contents(fake);
    const { user } = setup(wb);
    await share(user);
    const dialog = await screen.findByRole('alertdialog', undefined, { timeout: 10_000 });
    expect(within(dialog).getByText(/^Provenance!A1:H\d+: 1 non-empty cell \(B2\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(await screen.findByText('Nothing was written.', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(contents(fake)).toBe(before);
    expect(settings.saves).toBe(0);
  });
});
