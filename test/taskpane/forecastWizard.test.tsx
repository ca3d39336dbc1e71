/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { next } from './support/next';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { ForecastWizard } from '../../taskpane/wizards/forecast/ForecastWizard';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));

function setup() {
  const wb = new MemoryWorkbook({ Sales: [['Sales'], [10], [12], [14], [16], [18]] });
  wb.select('Sales', 'A1:A6');
  const { user } = renderWizard(ForecastWizard, wb);
  return { wb, user };
}

const fill = (name: RegExp, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });

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

describe('Forecast wizard, pipeline mode', () => {
  // Serials: 46023 = 2026-01-01, 46054 = 2026-02-01, 46113 = 2026-04-01.
  const OPPS = [
    ['Deal', 'Amount', 'Stage', 'Close', 'Category'],
    ['Acme', 1000, 'Prospect', 46023, 'Pipeline'],
    ['Bolt', 2000, 'Negotiation', 46054, 'Commit'],
    ['Cray', 500, 'Won', 46113, 'Closed'],
  ];
  const STAGES = [
    ['Stage', 'Probability'],
    ['Prospect', 0.1],
    ['Negotiation', 0.6],
    ['Won', 1],
  ];

  function setupPipeline(opps = OPPS) {
    const wb = new MemoryWorkbook({ Opps: opps, Stages: STAGES });
    const { user } = renderWizard(ForecastWizard, wb);
    return { wb, user };
  }

  async function toColumns(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole('radio', { name: 'Pipeline (opportunity table)' }));
    fill(/Opportunities range/, 'Opps!A1:E4');
    fill(/Stage probabilities range/, 'Stages!A1:B4');
    await next(user);
    await screen.findByText('3 rows of opportunities; 3 stages.');
  }

  it('validates the picks next to their fields', async () => {
    const { user } = setupPipeline();
    await user.click(screen.getByRole('radio', { name: 'Pipeline (opportunity table)' }));
    await next(user);
    expect(await screen.findAllByText('Enter a range such as Data!A1:D20, or use the selection.')).toHaveLength(2);
    fill(/Opportunities range/, 'Opps!A1:E4');
    fill(/Stage probabilities range/, 'Stages!A1:B4');
    await next(user);
    await screen.findByText('3 rows of opportunities; 3 stages.');
    // the columns are guessed from the headers
    expect(screen.getByRole('combobox', { name: 'Amount column' })).toHaveValue('Amount');
    expect(screen.getByRole('combobox', { name: 'Stage column' })).toHaveValue('Stage');
    fireEvent.change(screen.getByRole('combobox', { name: 'Close-date column' }), { target: { value: '' } });
    fill(/Close from/, '2026-02-30');
    fill(/Close to/, '2026-01-31');
    await next(user);
    expect(await screen.findByText('From: 2026-02-30 is not a date.')).toBeInTheDocument();
    fill(/Close from/, '2026-02-01');
    await next(user);
    expect(await screen.findByText('To must be on or after From.')).toBeInTheDocument();
    fill(/Close to/, '2026-03-01');
    await next(user);
    expect(await screen.findByText('Choose the close-date column to use a close-date window.')).toBeInTheDocument();
  });

  it('previews the weighted pipeline and the category roll-up, and writes values', async () => {
    const { wb, user } = setupPipeline();
    await toColumns(user);
    await next(user);
    // By hand: 1000 × 0.1 + 2000 × 0.6 + 500 × 1 = 100 + 1,200 + 500 = 1,800.00
    expect(await screen.findByText('Weighted pipeline: 1,800.00')).toBeInTheDocument();
    expect(screen.getByText('3 opportunities within the close-date window.')).toBeInTheDocument();
    // Roll-up of the unweighted amounts: closed 500; commit 2,000 → 2,500; best case 0 → 2,500;
    // pipeline 1,000 → 3,500; omitted 0 (never rolled up).
    const table = screen.getByRole('table', { name: 'Forecast categories' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'CategoryAmountRoll-up',
      'Closed500.00500.00',
      'Commit2,000.002,500.00',
      'Best case0.002,500.00',
      'Pipeline1,000.003,500.00',
      'Omitted0.00',
    ]);
    await next(user, 'Continue');
    await user.click(await screen.findByRole('radio', { name: 'Values' }));
    await next(user, 'Write to workbook');
    await screen.findByText('Wrote the weighted pipeline to sheet "Pipeline".');
    expect((await wb.readRange('Pipeline', 'A1:C8')).values).toEqual([
      ['Weighted pipeline', 1800, null],
      [null, null, null],
      ['Category', 'Amount', 'Roll-up'],
      ['Closed', 500, 500],
      ['Commit', 2000, 2500],
      ['Best case', 0, 2500],
      ['Pipeline', 1000, 3500],
      ['Omitted', 0, null],
    ]);
  });

  it('writes a SALESOPS.PIPELINE formula over the chosen columns and the close-date window', async () => {
    const { wb, user } = setupPipeline();
    await toColumns(user);
    fill(/Close from/, '2026-01-01');
    fill(/Close to/, '2026-02-28');
    await next(user);
    // By hand: Cray closes 2026-04-01, outside the window: 1000 × 0.1 + 2000 × 0.6 = 1,300.00
    expect(await screen.findByText('Weighted pipeline: 1,300.00')).toBeInTheDocument();
    expect(screen.getByText('2 opportunities within the close-date window.')).toBeInTheDocument();
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    await screen.findByText(/Wrote the weighted pipeline/);
    expect(wb.getCell('Pipeline', 'A1').value).toBe('Weighted pipeline');
    expect(wb.getCell('Pipeline', 'B1').formula).toBe(
      '=SALESOPS.PIPELINE(Opps!$B$2:$B$4,Opps!$C$2:$C$4,Stages!$A$1:$B$4,Opps!$D$2:$D$4,DATE(2026,1,1),DATE(2026,2,28))',
    );
    // roll-up within the window: commit 2,000; pipeline 1,000 → 3,000
    expect(wb.getCell('Pipeline', 'B5').value).toBe(2000);
    expect(wb.getCell('Pipeline', 'C7').value).toBe(3000);
  });

  it('reads the opportunities from a named table and quotes a sheet name with a space in the formula', async () => {
    const wb = new MemoryWorkbook({ 'Deal Desk': OPPS, Stages: STAGES });
    wb.addTable('Deals', 'Deal Desk', 'A1:E4');
    const { user } = renderWizard(ForecastWizard, wb);
    await user.click(screen.getByRole('radio', { name: 'Pipeline (opportunity table)' }));
    await user.click(await screen.findByRole('radio', { name: 'Table' }));
    expect(screen.getByRole('combobox', { name: 'Opportunities table' })).toHaveValue('Deals');
    fill(/Stage probabilities range/, 'Stages!A1:B4');
    await next(user);
    await screen.findByText('3 rows of opportunities; 3 stages.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Forecast category column' }), { target: { value: '' } });
    await next(user);
    // same three deals, no window: 100 + 1,200 + 500 = 1,800.00
    expect(await screen.findByText('Weighted pipeline: 1,800.00')).toBeInTheDocument();
    expect(screen.getByText('No forecast category column chosen: no roll-up.')).toBeInTheDocument();
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    await screen.findByText(/Wrote the weighted pipeline/);
    expect(wb.getCell('Pipeline', 'B1').formula).toBe(
      "=SALESOPS.PIPELINE('Deal Desk'!$B$2:$B$4,'Deal Desk'!$C$2:$C$4,Stages!$A$1:$B$4)",
    );
    expect(wb.getCell('Pipeline', 'A3').value).toBeNull();
  });

  it('keeps the pipeline and the history forecast apart: each flow keeps its own write options and messages', async () => {
    // Before the split, both flows shared one form and one set of messages: the pipeline's "Values" choice and
    // its write-step messages landed in the history forecast's state.
    const wb = new MemoryWorkbook({ Opps: OPPS, Stages: STAGES, Sales: [['Sales'], [10], [12], [14], [16], [18]] });
    const { user } = renderWizard(ForecastWizard, wb);
    await toColumns(user);
    await next(user);
    await screen.findByText('Weighted pipeline: 1,800.00');
    await next(user, 'Continue');
    await user.click(await screen.findByRole('radio', { name: 'Values' }));
    fill(/New sheet name/, 'Sales');
    await next(user, 'Write to workbook');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A sheet named "Sales" already exists; choose another name.',
    );
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('radio', { name: 'History (time series)' }));
    fill(/History range/, 'Sales!A1:A6');
    await next(user);
    await screen.findByText('5 periods of history.');
    fill(/Horizon/, '2');
    fill(/Seasonality/, '0');
    fireEvent.change(screen.getByRole('combobox', { name: 'Method' }), { target: { value: 'naive' } });
    await next(user);
    await screen.findByRole('table', { name: 'Forecast' });
    await next(user, 'Continue');
    // the history forecast's own defaults: a formula, on a sheet named for it, and no message from the pipeline
    expect(screen.getByRole('radio', { name: /SALESOPS.FORECAST formula/ })).toBeChecked();
    expect(screen.getByRole('textbox', { name: /New sheet name/ })).toHaveValue('Forecast');
    expect(screen.getByRole('textbox', { name: /New sheet name/ })).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await next(user, 'Write to workbook');
    await screen.findByText('Wrote the forecast to sheet "Forecast".');
    expect(wb.getCell('Forecast', 'C7').formula).toBe('=SALESOPS.FORECAST(Sales!$A$1:$A$6,2,0,"naive",0.95)');
  });

  it('shows the core message for a stage missing from the stage table', async () => {
    const { user } = setupPipeline([...OPPS.slice(0, 3), ['Cray', 500, 'Verbal', 46113, 'Closed']]);
    await toColumns(user);
    await next(user);
    expect(
      await screen.findByText('stages: item 3: stage "Verbal" is not in stage_probabilities.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Weighted pipeline:/)).not.toBeInTheDocument();
  });
});
