/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dateToSerial } from '../../src/shared/dates';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { QuotaWizard } from '../../taskpane/wizards/quota/QuotaWizard';
import { next } from './support/next';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));

const ANN_START = dateToSerial(2025, 1, 1);
const BOB_START = dateToSerial(2026, 1, 16);

function setup() {
  const wb = new MemoryWorkbook({
    Roster: [
      ['Rep', 'Full quota', 'Start date'],
      ['Ann', 10000, ANN_START],
      ['Bob', 10000, BOB_START],
    ],
  });
  wb.select('Roster', 'A1:C3');
  const { user } = renderWizard(QuotaWizard, wb);
  return { wb, user };
}

/** Types into a labelled text box (a change event: fast on a loaded machine). */
function fill(name: RegExp, value: string) {
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
}

async function toPreview(user: ReturnType<typeof userEvent.setup>, months = '3') {
  await user.click(screen.getByRole('button', { name: 'Use selection' }));
  expect(screen.getByRole('textbox', { name: /Roster range/ })).toHaveValue('Roster!A1:C3');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByText('2 reps read from the roster.');
  fill(/First month/, '2026-01');
  fill(/^Months/, months);
  fill(/Ramp/, '0.5');
  fill(/Monthly target/, '25000');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

describe('Quota and capacity wizard', () => {
  it('validates options next to their fields', async () => {
    const { user } = setup();
    await toPreview(user, '0');
    expect(await screen.findByText('Months must be at least 1.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Months/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('2 reps read from the roster.')).toBeInTheDocument(); // still on the options step
  });

  it('reports a roster error naming the cell', async () => {
    const { wb, user } = setup();
    wb.setCell('Roster', 'B3', 'ten');
    await user.click(screen.getByRole('button', { name: 'Use selection' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText(/Roster: row 3, column "Full quota": expected a number, got "ten"/),
    ).toBeInTheDocument();
  });

  it('previews hires and writes values to a new sheet', async () => {
    const { wb, user } = setup();
    await toPreview(user);
    // Bob starts 16 Jan 2026: Jan = 10,000 × 0.5 (ramp month 1) × 16/31 days = 2,580.645… → 2,580.65; Feb, Mar = 10,000.
    // Ann is fully ramped: 10,000 a month. Capacity: 12,580.65, 20,000, 20,000; target 25,000.
    // Hires (ramp 0.5 then 1, full quota = roster average 10,000): January needs ⌈(25,000 − 12,580.65) ÷ 5,000⌉ = 3,
    // and only January starts count in January, so 3 hires in January cover Feb/Mar too (20,000 + 30,000 ≥ 25,000).
    expect(await screen.findByText(/Hires needed: 3/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('textbox', { name: /New sheet name/ })).toHaveValue('Quota plan');
    await user.click(screen.getByRole('radio', { name: 'Values' }));
    await user.click(screen.getByRole('button', { name: 'Write to workbook' }));
    expect(await screen.findByText(/Wrote the quota plan for 2 reps/)).toBeInTheDocument();
    const r = await wb.readRange('Quota plan', 'A1:D12');
    expect(r.values[0]).toEqual([
      'Month',
      dateToSerial(2026, 1, 1),
      dateToSerial(2026, 2, 1),
      dateToSerial(2026, 3, 1),
    ]);
    expect(r.values[1]).toEqual(['Target', 25000, 25000, 25000]);
    expect(r.values[2]).toEqual(['Expected capacity', 12580.65, 20000, 20000]);
    // with hires: 12,580.65 + 3 × 5,000 = 27,580.65; 20,000 + 3 × 10,000 = 50,000
    expect(r.values[3]).toEqual(['Capacity with hires', 27580.65, 50000, 50000]);
    expect(r.values[4]).toEqual(['Hires', 3, 0, 0]);
    expect(r.values[6]).toEqual(['Ramp', 0.5, null, null]);
    expect(r.values[9]).toEqual(['Ann', 10000, 10000, 10000]);
    expect(r.values[10]).toEqual(['Bob', 2580.65, 10000, 10000]);
    expect(r.values[11]).toEqual(['Scheduled capacity', 12580.65, 20000, 20000]);
    expect(r.numberFormats[0][1]).toBe('mmm yyyy');
    expect(wb.charts()).toEqual([
      expect.objectContaining({ sheet: 'Quota plan', source: 'A1:D4', type: 'line', seriesBy: 'rows' }),
    ]);
  });

  it('writes RAMPSCHEDULE formulas that reference the roster', async () => {
    const { wb, user } = setup();
    await toPreview(user);
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Write to workbook' }));
    await screen.findByText(/Wrote the quota plan/);
    expect(wb.getCell('Quota plan', 'B10').formula).toBe(
      '=SALESOPS.RAMPSCHEDULE(Roster!B2,Roster!C2,$B$1,3,$B$7:$B$7)',
    );
    expect(wb.getCell('Quota plan', 'B11').formula).toBe(
      '=SALESOPS.RAMPSCHEDULE(Roster!B3,Roster!C3,$B$1,3,$B$7:$B$7)',
    );
    expect(wb.getCell('Quota plan', 'C12').formula).toBe('=SUM(C10:C11)');
    await waitFor(() => expect(wb.getCell('Quota plan', 'C10').formula).toBeUndefined()); // spill target left empty
  });
});

describe('Quota and capacity wizard: ramp profiles from the roster', () => {
  const JAN_2026 = dateToSerial(2026, 1, 1);
  const MAR_2026 = dateToSerial(2026, 3, 1);

  /** Ann: new hire, Bob: no profile (team ramp), Cat: internal transfer. */
  function setupProfiles() {
    const wb = new MemoryWorkbook({
      Roster: [
        ['Rep', 'Full quota', 'Start date', 'Profile'],
        ['Ann', 10000, JAN_2026, 'New hire'],
        ['Bob', 8000, MAR_2026, null],
        ['Cat', 10000, JAN_2026, 'Internal transfer'],
      ],
    });
    wb.select('Roster', 'A1:D4');
    const { user } = renderWizard(QuotaWizard, wb);
    return { wb, user };
  }

  async function toOptions(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole('button', { name: 'Use selection' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('3 reps read from the roster.');
    fill(/First month/, '2026-01');
    fill(/^Months/, '5');
    fill(/^Ramp \(/, '0.25, 0.5'); // the team ramp
    fill(/Monthly target/, '5000');
  }

  async function toWrite(user: ReturnType<typeof userEvent.setup>, output: 'Values' | 'Formulas') {
    await toOptions(user);
    await next(user);
    await next(user, 'Continue');
    await screen.findByRole('textbox', { name: /New sheet name/ });
    if (output === 'Values') await user.click(screen.getByRole('radio', { name: 'Values' }));
    await next(user, 'Write to workbook');
    expect(await screen.findByText(/Wrote the quota plan for 3 reps/)).toBeInTheDocument();
  }

  it('shows one ramp field per profile, prefilled with its default ramp, and none for reps without one', async () => {
    const { user } = setupProfiles();
    await toOptions(user);
    expect(screen.getByRole('textbox', { name: /^Ramp: New hire/ })).toHaveValue('0, 0.25, 0.5, 0.75');
    expect(screen.getByRole('textbox', { name: /^Ramp: Internal transfer/ })).toHaveValue('0.5');
    // the team ramp and the two profiles: Bob's blank profile adds no field
    expect(screen.getAllByRole('textbox', { name: /^Ramp/ })).toHaveLength(3);
  });

  it('validates a profile ramp next to its own field, and clears the message when it is edited', async () => {
    const { user } = setupProfiles();
    await toOptions(user);
    fill(/^Ramp: Internal transfer/, '0.5, 1.5');
    await next(user);
    const transfer = screen.getByRole('textbox', { name: /^Ramp: Internal transfer/ });
    expect(await screen.findByText('Ramp: Internal transfer: item 2 must be at most 1.')).toBeInTheDocument();
    expect(transfer).toHaveAttribute('aria-invalid', 'true');
    expect(transfer).toHaveAccessibleDescription(/item 2 must be at most 1/);
    expect(screen.getByRole('textbox', { name: /^Ramp: New hire/ })).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('3 reps read from the roster.')).toBeInTheDocument(); // still on the options step
    fill(/^Ramp: Internal transfer/, '0.5');
    expect(screen.queryByText(/item 2 must be at most 1/)).not.toBeInTheDocument();
  });

  it('previews the profile each rep got and the ramp the hires carry', async () => {
    const { user } = setupProfiles();
    await toOptions(user);
    await next(user);
    expect(
      await screen.findByText(
        'Hires needed: 0 (new hires carry the roster\'s average full quota and the "New hire" ramp).',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Ramp profile by rep' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) =>
        [...within(r).queryAllByRole('columnheader'), ...within(r).queryAllByRole('cell')].map((c) => c.textContent),
      );
    // month 1 (Jan 2026): Ann 10,000 × 0 = 0; Bob not yet employed; Cat 10,000 × 0.5 = 5,000
    expect(rows).toEqual([
      ['Rep', 'Profile', 'Month 1 quota'],
      ['Ann', 'New hire', '0.00'],
      ['Bob', 'Team ramp', '0.00'],
      ['Cat', 'Internal transfer', '5,000.00'],
    ]);
  });

  it("writes each rep's RAMPSCHEDULE formula against its own profile's ramp row", async () => {
    const { wb, user } = setupProfiles();
    await toWrite(user, 'Formulas');
    const labels = (await wb.readRange('Quota plan', 'A7:A11')).values.map((r) => r[0]);
    expect(labels).toEqual(['Ramp', 'Ramp: New hire', 'Ramp: Internal transfer', null, 'Rep']);
    // Ann (new hire) → row 8, 4 steps; Bob (no profile) → the team row 7, 2 steps; Cat (transfer) → row 9, 1 step
    expect(wb.getCell('Quota plan', 'B12').formula).toBe(
      '=SALESOPS.RAMPSCHEDULE(Roster!B2,Roster!C2,$B$1,5,$B$8:$E$8)',
    );
    expect(wb.getCell('Quota plan', 'B13').formula).toBe(
      '=SALESOPS.RAMPSCHEDULE(Roster!B3,Roster!C3,$B$1,5,$B$7:$C$7)',
    );
    expect(wb.getCell('Quota plan', 'B14').formula).toBe(
      '=SALESOPS.RAMPSCHEDULE(Roster!B4,Roster!C4,$B$1,5,$B$9:$B$9)',
    );
    expect(wb.getCell('Quota plan', 'D15').formula).toBe('=SUM(D12:D14)');
  });

  it('writes values equal to the hand-computed ramped quotas of each profile', async () => {
    const { wb, user } = setupProfiles();
    await toWrite(user, 'Values');
    const r = await wb.readRange('Quota plan', 'A7:F15');
    // Full calendar months, so each month is full quota × the fraction of the rep's tenure month:
    // Ann, 10,000 from 1 Jan 2026, new hire ramp 0, 0.25, 0.5, 0.75 → 0; 2,500; 5,000; 7,500; 10,000 (month 5: full).
    // Bob, 8,000 from 1 Mar 2026, team ramp 0.25, 0.5 → Jan, Feb 0 (not employed); Mar 2,000; Apr 4,000; May 8,000.
    // Cat, 10,000 from 1 Jan 2026, internal transfer ramp 0.5 → Jan 5,000; then 10,000.
    expect(r.values).toEqual([
      ['Ramp', 0.25, 0.5, null, null, null],
      ['Ramp: New hire', 0, 0.25, 0.5, 0.75, null],
      ['Ramp: Internal transfer', 0.5, null, null, null, null],
      [null, null, null, null, null, null],
      ['Rep', JAN_2026, dateToSerial(2026, 2, 1), MAR_2026, dateToSerial(2026, 4, 1), dateToSerial(2026, 5, 1)],
      ['Ann', 0, 2500, 5000, 7500, 10000],
      ['Bob', 0, 0, 2000, 4000, 8000],
      ['Cat', 5000, 10000, 10000, 10000, 10000],
      // column sums: 5,000; 12,500; 17,000; 21,500; 28,000
      ['Scheduled capacity', 5000, 12500, 17000, 21500, 28000],
    ]);
    expect(r.numberFormats.map((f) => f[1])).toEqual([
      '0%',
      '0%',
      '0%',
      'General',
      'mmm yyyy',
      '#,##0.00',
      '#,##0.00',
      '#,##0.00',
      '#,##0.00',
    ]);
    expect(wb.charts()).toEqual([expect.objectContaining({ source: 'A1:F4', at: 'A17' })]);
  });
});
