/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { ForecastWizard } from '../../taskpane/wizards/forecast/ForecastWizard';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));

function setup() {
  const wb = new MemoryWorkbook({ Sales: [['Sales'], [10], [12], [14], [16], [18]] });
  wb.select('Sales', 'A1:A6');
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <ForecastWizard port={wb} />
    </FluentProvider>,
  );
  return { wb, user };
}

const fill = (name: RegExp, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
const next = (user: ReturnType<typeof userEvent.setup>, name = 'Next') =>
  user.click(screen.getByRole('button', { name }));

async function toOptions(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Use selection' }));
  await next(user);
  await screen.findByText('5 periods of history.');
  fill(/Horizon/, '2');
  fill(/Seasonality/, '0');
  fireEvent.change(screen.getByRole('combobox', { name: 'Method' }), { target: { value: 'naive' } });
}

describe('Forecast wizard', () => {
  it('validates the options next to their fields', async () => {
    const { user } = setup();
    await toOptions(user);
    fill(/Confidence/, '1.5');
    fill(/Horizon/, '0');
    await next(user);
    expect(await screen.findByText('Horizon must be at least 1.')).toBeInTheDocument();
    expect(screen.getByText(/Confidence: type a fraction like 0.05 or a percent like 5%/)).toBeInTheDocument();
  });

  it('previews the naive forecast and its backtest, and writes values', async () => {
    const { wb, user } = setup();
    await toOptions(user);
    fill(/Confidence/, '');
    fill(/Backtest/, '1');
    await next(user);
    // naive: every forecast = the last value, 18
    const fc = await screen.findByRole('table', { name: 'Forecast' });
    expect(
      within(fc)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['PeriodForecast', '618.00', '718.00']);
    // backtest: train 10,12,14,16 → naive 16 for the held-out 18: MAE 2; sMAPE 2 / ((18 + 16) / 2) = 11.8 %;
    // MAPE 2 / 18 = 11.1 %; MASE = 2 / mean |Δ train| (= 2) = 1.000
    const bt = screen.getByRole('table', { name: 'Backtest on the last 1 points' });
    expect(
      within(bt)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['MeasureValue', 'MAE2.00', 'sMAPE11.8%', 'MAPE11.1%', 'MASE1.000']);
    await next(user, 'Continue');
    await user.click(await screen.findByRole('radio', { name: 'Values' }));
    await next(user, 'Write to workbook');
    await screen.findByText('Wrote the forecast to sheet "Forecast".');
    expect((await wb.readRange('Forecast', 'A1:C8')).values).toEqual([
      ['Period', 'Actual', 'Forecast'],
      [1, 10, null],
      [2, 12, null],
      [3, 14, null],
      [4, 16, null],
      [5, 18, null],
      [6, null, 18],
      [7, null, 18],
    ]);
    expect(wb.charts()).toEqual([expect.objectContaining({ sheet: 'Forecast', source: 'A1:C8', type: 'line' })]);
  });

  it('writes a SALESOPS.FORECAST formula with the interval and references to the history', async () => {
    const { wb, user } = setup();
    await toOptions(user);
    await next(user);
    await screen.findByRole('table', { name: 'Forecast' });
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    await screen.findByText(/Wrote the forecast/);
    expect(wb.getCell('Forecast', 'B2').formula).toBe('=Sales!A2');
    expect(wb.getCell('Forecast', 'C7').formula).toBe('=SALESOPS.FORECAST(Sales!$A$1:$A$6,2,0,"naive",0.95)');
    expect(wb.getCell('Forecast', 'D1').value).toBe('Lower');
    expect(wb.getCell('Forecast', 'C8')).toEqual({ value: null, numberFormat: '#,##0.00' }); // left for the spill
  });
});
