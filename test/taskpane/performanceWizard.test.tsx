/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { dateToSerial as d } from '../../src/shared/dates';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { PerformanceWizard } from '../../taskpane/wizards/performance/PerformanceWizard';
import { next } from './support/next';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));

function setup() {
  const wb = new MemoryWorkbook({
    Data: [
      ['Rep', 'Date', 'Amount', null, 'Rep', 'Quota'],
      ['Ann', d(2026, 1, 10), 23_000, null, 'Ann', 90_000],
      ['Bob', d(2026, 2, 1), 30_000, null, 'Bob', 45_000],
      ['Ann', d(2026, 2, 20), 10_000, null, null, null], // after the as-of date: not counted yet
      ['Bob', d(2025, 12, 31), 99_000, null, null, null], // the previous quarter
    ],
    Leads: [['Country'], ['US'], ['US'], ['US'], ['DE'], ['FR']],
    Routing: [
      ['Priority', 'Field', 'Operator', 'Value', 'Assign to', null, 'Rep', 'Team', 'Weight'],
      [1, 'Country', 'in', 'US', 'East', null, 'Ann', 'East', 2],
      [2, 'Country', 'in', 'DE', 'Bob', null, 'Bob', 'East', 1],
    ],
  });
  const { user } = renderWizard(PerformanceWizard, wb);
  return { wb, user };
}

const fill = (name: RegExp, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });

/** Bookings Data!A1:C5, quotas Data!E1:F3, as of 2026-02-15: through to the preview step. */
async function toPreview(user: ReturnType<typeof setup>['user']) {
  fill(/Bookings range/, 'Data!A1:C5');
  fill(/Quotas range/, 'Data!E1:F3');
  await next(user, 'Next');
  fill(/As of/, '2026-02-15');
  await next(user, 'Next');
}

describe('Performance wizard', () => {
  it('previews attainment and pace, tests routing rules, and writes the table and a chart', async () => {
    const { wb, user } = setup();
    await toPreview(user);
    // Q1 2026 = 31 + 28 + 31 = 90 days; 15 Feb is day 46. Ann: expected 90,000 × 46/90 = 46,000, booked 23,000
    // → pace 0.50. Bob: expected 45,000 × 46/90 = 23,000, booked 30,000 → 1.30. Team: 53,000 of 69,000 → 0.77.
    expect(await screen.findByText(/FY2026 Q1: 2026-01-01 to 2026-03-31, as of 2026-02-15/)).toBeInTheDocument();
    expect(
      screen.getByText(/Team: 53,000.00 booked of 135,000.00 .*expected to date 69,000.00, pace 0.77/),
    ).toBeInTheDocument();
    expect(screen.getByText('Behind pace (1): Ann 0.50.')).toBeInTheDocument();
    await next(user, 'Continue');
    // Routing: US → East (Ann 2 : Bob 1): Ann, Bob, Ann; DE → Bob directly; FR matches no rule.
    fill(/Records range/, 'Leads!A1:A6');
    fill(/Rules range/, 'Routing!A1:E3');
    fill(/Routing reps range/, 'Routing!G1:I3');
    await user.click(screen.getByRole('button', { name: 'Test rules' }));
    expect(await screen.findByText('5 records tested: 4 routed.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Records per rep' })).toHaveTextContent(/Ann\s*East\s*2\s*40.0%/);
    expect(screen.getByRole('table', { name: 'Records per rep' })).toHaveTextContent(/Bob\s*East\s*2\s*40.0%/);
    expect(screen.getByRole('table', { name: /Not routed/ })).toHaveTextContent(/No rule matches this record/);
    await next(user, 'Next');
    await next(user, 'Write to workbook');
    await waitFor(() => expect(wb.getCell('Performance', 'A7').value).toBe('Ann'));
    expect(['B7', 'C7', 'F7', 'G7', 'J7'].map((a) => wb.getCell('Performance', a).value)).toEqual([
      23_000,
      90_000,
      46_000,
      0.5,
      'Yes',
    ]);
    expect(wb.getCell('Performance', 'A9').value).toBe('Team');
    expect(wb.getCell('Performance', 'F9').value).toBe(69_000);
    expect(wb.getCell('Performance', 'Q7').value).toBe('East');
    expect(wb.charts()).toEqual([
      expect.objectContaining({ sheet: 'Performance', source: 'L6:N8', type: 'columnClustered' }),
    ]);
  });

  it('shows a bad as-of date next to its field', async () => {
    const { user } = setup();
    fill(/Bookings range/, 'Data!A1:C5');
    fill(/Quotas range/, 'Data!E1:F3');
    await next(user, 'Next');
    fill(/As of/, '15/02/2026');
    await next(user, 'Next');
    expect(await screen.findByText('As of: type a date as YYYY-MM-DD, e.g. 2026-03-15.')).toBeInTheDocument();
  });

  it('shows a bookings range on a missing sheet at Bookings, on the data step', async () => {
    const { user } = setup();
    fill(/Bookings range/, 'Nope!A1:C5');
    fill(/Quotas range/, 'Data!E1:F3');
    await next(user, 'Next');
    // Before: the wizard moved on and showed the read error under "As of" on the Calendar step.
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /Bookings range/ })).toHaveAccessibleDescription(/Nope/),
    );
    expect(screen.getByRole('textbox', { name: /Quotas range/ })).not.toHaveAccessibleDescription(/Nope/);
    expect(screen.queryByRole('textbox', { name: /As of/ })).not.toBeInTheDocument();
  });

  it('routing: all three ranges or none; a change drops the result; Next tests when not tested', async () => {
    const { wb, user } = setup();
    await toPreview(user);
    await next(user, 'Continue');
    fill(/Records range/, 'Leads!A1:A6');
    await next(user, 'Next');
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /Rules range/ })).toHaveAccessibleDescription(
        /or leave all three empty/,
      ),
    );
    fill(/Rules range/, 'Routing!A1:E3');
    fill(/Routing reps range/, 'Routing!G1:I3');
    await user.click(screen.getByRole('button', { name: 'Test rules' }));
    expect(await screen.findByText('5 records tested: 4 routed.')).toBeInTheDocument();
    // A smaller sample: the shown result is stale and goes; Next tests the 2 records (US → Ann, US → Bob).
    fill(/Records to test/, '2');
    expect(screen.queryByText('5 records tested: 4 routed.')).not.toBeInTheDocument();
    await next(user, 'Next');
    await next(user, 'Write to workbook');
    await waitFor(() => expect(wb.getCell('Performance', 'Q7').value).toBe('East'));
    expect(wb.getCell('Performance', 'R6').value).toBe('Records (of 2 tested)');
  }, 180_000);
});

describe('Performance wizard: dates and the chart', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses an as-of day that does not exist, naming the field', async () => {
    const { user } = setup();
    fill(/Bookings range/, 'Data!A1:C5');
    fill(/Quotas range/, 'Data!E1:F3');
    await next(user, 'Next');
    fill(/As of/, '2026-02-31');
    await next(user, 'Next');
    expect(await screen.findByText('As of: 2026-02-31 is not a date.')).toBeInTheDocument();
    expect(screen.queryByText(/FY2026 Q1/)).not.toBeInTheDocument();
  });

  it("proposes today's local date as of when the wizard opens, not the date the module loaded", async () => {
    // The module loaded on the real today; the wizard opens on 2026-03-01 (local noon, so any time zone agrees).
    jest.useFakeTimers({ now: new Date(2026, 2, 1, 12), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'performance', 'hrtime'] }); // prettier-ignore
    const { user } = setup();
    fill(/Bookings range/, 'Data!A1:C5');
    fill(/Quotas range/, 'Data!E1:F3');
    await next(user, 'Next');
    expect(await screen.findByRole('textbox', { name: /As of/ })).toHaveValue('2026-03-01');
  });

  it('links the chart to the table of the same figures as its text alternative', async () => {
    const { user } = setup();
    fill(/Bookings range/, 'Data!A1:C5');
    fill(/Quotas range/, 'Data!E1:F3');
    await next(user, 'Next');
    fill(/As of/, '2026-02-15');
    await next(user, 'Next');
    const figure = await screen.findByRole('figure', { name: 'Booked vs expected to date, per rep' });
    const table = screen.getByRole('table', { name: 'Attainment and pace per rep' });
    expect(table.id).not.toBe('');
    expect(figure).toHaveAttribute('aria-describedby', table.id);
    expect(figure).toHaveAccessibleDescription(/Ann.*23,000\.00.*90,000\.00/);
  });
});
