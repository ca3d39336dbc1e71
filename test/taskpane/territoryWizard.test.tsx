/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { next } from './support/next';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { TerritoryWizard } from '../../taskpane/wizards/territory/TerritoryWizard';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));
// jsdom has no Worker: the wizard runs the core inline (spawnWorker's import.meta cannot load under ts-jest's CommonJS)
jest.mock('../../taskpane/wizards/territory/spawnWorker', () => ({ spawnWorker: () => undefined }));

function setup() {
  const wb = new MemoryWorkbook({
    Accounts: [
      ['Account', 'Potential', 'Owner'],
      ['A1', 40, 'Ann'],
      ['A2', 30, 'Ann'],
      ['A3', 20, 'Ann'],
      ['A4', 10, 'Ann'],
    ],
    Reps: [['Rep'], ['Ann'], ['Bob']],
  });
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <TerritoryWizard port={wb} />
    </FluentProvider>,
  );
  return { wb, user };
}

async function toOptions(user: ReturnType<typeof userEvent.setup>) {
  fireEvent.change(screen.getByRole('textbox', { name: /Accounts range/ }), { target: { value: 'Accounts!A1:C5' } });
  fireEvent.change(screen.getByRole('textbox', { name: /Reps range/ }), { target: { value: 'Reps!A1:A3' } });
  await next(user);
  await screen.findByRole('checkbox', { name: 'Potential' });
}

describe('Territory carve wizard', () => {
  it('asks for a metric before running', async () => {
    const { user } = setup();
    await toOptions(user);
    await next(user, 'Run');
    expect(await screen.findByText('Choose at least one metric column to balance.')).toBeInTheDocument();
  });

  it('respects the move budget, previews before/after and writes the owners and the report', async () => {
    const { wb, user } = setup();
    await toOptions(user);
    await user.click(screen.getByRole('checkbox', { name: 'Potential' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Current owner' }), { target: { value: 'Owner' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Most accounts moved/ }), { target: { value: '1' } });
    await next(user, 'Run');
    // total 100, equal shares → target 50 each. Before: Ann 100 (index 200), Bob 0 → largest deviation 100 %.
    // One move allowed: moving the 40 gives Ann 60 / Bob 40 (deviation 10 / 50 = 20 %), the best single move.
    expect(await screen.findByText('Accounts moved: 1. Largest deviation: 20.0% (was 100.0%).')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Balance by rep' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['RepAccountsPotential index', 'Ann3120.0', 'Bob180.0']);
    expect(screen.getByTestId('bar-chart').textContent).toBe('Ann: Before=200,After=120 | Bob: Before=0,After=80');
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    await screen.findByText(/Wrote the new owners/);
    expect((await wb.readRange('Accounts', 'D1:D5')).values.flat()).toEqual(['New owner', 'Bob', 'Ann', 'Ann', 'Ann']);
    const report = await wb.readRange('Territory balance', 'A1:A3');
    expect(report.values.flat()).toEqual(['Rep', 'Ann', 'Bob']);
    expect(wb.charts()).toEqual([expect.objectContaining({ sheet: 'Territory balance', type: 'column' })]);
  });
});
