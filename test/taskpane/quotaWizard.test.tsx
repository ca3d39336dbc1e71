/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { dateToSerial } from '../../src/shared/dates';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { QuotaWizard } from '../../taskpane/wizards/quota/QuotaWizard';

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
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <QuotaWizard port={wb} />
    </FluentProvider>,
  );
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
