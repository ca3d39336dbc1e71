/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import { renderWizard } from './support/render';
import { next } from './support/next';
import { fireEvent, screen, within } from '@testing-library/react';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { CompWizard } from '../../taskpane/wizards/comp/CompWizard';
import { HEADER } from '../comp/fixtures';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));

function setup() {
  const wb = new MemoryWorkbook({
    Roster: [
      ['Rep', 'Bookings'],
      ['Ann', 120000],
      ['Bob', 80000],
    ],
  });
  const { user } = renderWizard(CompWizard, wb);
  return { wb, user };
}

describe('Comp plan wizard', () => {
  it('names the grid cell of a bad tier', async () => {
    const { user } = setup();
    await next(user); // template: single measure with accelerator
    fireEvent.change(screen.getByRole('textbox', { name: 'Row 3 Rate' }), { target: { value: 'ten' } });
    await next(user);
    expect(await screen.findByText(/Plan: row 4, column "Rate": expected a number, got "ten"/)).toBeInTheDocument();
  });

  it('previews the what-if and the roster cost, then writes the plan table and a PLANPAYOUT column', async () => {
    const { wb, user } = setup();
    await next(user);
    fireEvent.change(screen.getByRole('textbox', { name: /Roster \(optional.*range/ }), {
      target: { value: 'Roster!A1:B3' },
    });
    await next(user);
    // TI 10,000, quota 100,000, marginal bands 0→×1, 100%→×2, cap 3×TI:
    //  50%: 10,000 × 0.5 = 5,000;  100%: 10,000;  150%: 10,000 × (1 + 2 × 0.5) = 20,000 (2 reps: ×2)
    const table = await screen.findByRole('table', { name: 'What-if' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows.slice(1)).toEqual(['50%5,000.0010,000.00', '100%10,000.0020,000.00', '150%20,000.0040,000.00']);
    // Ann 120,000 → 10,000 × (1 + 2 × 0.2) = 14,000; Bob 80,000 → 8,000; total 22,000
    expect(screen.getByText("Cost of plan at the roster's actuals: 22,000.00")).toBeInTheDocument();
    // the curve reaches the cap at 200%: 10,000 × (1 + 2 × 1) = 30,000 = 3 × TI
    expect(screen.getByTestId('line-chart').textContent).toMatch(/ 30000$/);
    await next(user, 'Continue');
    expect(await screen.findByRole('checkbox', { name: /Payout column/ })).toBeChecked();
    await next(user, 'Write to workbook');
    expect(
      await screen.findByText(/Wrote plan table CompPlan to sheet "Comp plan" and a payout column/),
    ).toBeInTheDocument();
    const t = (await wb.readTable('CompPlan')).values;
    expect(t[0]).toEqual(HEADER); // the layout written out by hand in test/comp/fixtures.ts
    expect(t[1].slice(0, 4)).toEqual(['plan', 'AE plan', null, 10000]);
    expect(wb.tables()).toEqual([{ name: 'CompPlan', sheet: 'Comp plan', address: 'A1:L5' }]);
    expect(wb.getCell('Roster', 'C1').value).toBe('Payout');
    expect(wb.getCell('Roster', 'C2').formula).toBe(
      "=SALESOPS.PLANPAYOUT('Comp plan'!$A$1:$L$5,Roster!A2:B2,Roster!$A$1:$B$1)",
    );
    expect(wb.getCell('Roster', 'C3').formula).toBe(
      "=SALESOPS.PLANPAYOUT('Comp plan'!$A$1:$L$5,Roster!A3:B3,Roster!$A$1:$B$1)",
    );
  });

  it('asks before overwriting the roster column and writes nothing when cancelled', async () => {
    const { wb, user } = setup();
    wb.setCell('Roster', 'C2', 'keep me');
    await next(user);
    fireEvent.change(screen.getByRole('textbox', { name: /Roster \(optional.*range/ }), {
      target: { value: 'Roster!A1:B3' },
    });
    await next(user);
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    // The preflight (reading the targets, checking they are empty) can take over a second on a loaded 2-core box.
    const dialog = await screen.findByRole('alertdialog', undefined, { timeout: 10_000 });
    expect(within(dialog).getByText(/Roster!C1:C3: 1 non-empty cell \(C2\)/)).toBeInTheDocument();
    // jsdom cannot run the dialog's enter animation, so its buttons count as hidden to the role query
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(await screen.findByText('Nothing was written.', undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(wb.getCell('Roster', 'C2').value).toBe('keep me');
    expect(wb.sheetNames()).toEqual(['Roster']);
    await next(user, 'Write to workbook');
    await user.click(
      within(await screen.findByRole('alertdialog', undefined, { timeout: 10_000 })).getByRole('button', {
        name: 'Overwrite',
        hidden: true,
      }),
    );
    await screen.findByText(/Wrote plan table CompPlan/, undefined, { timeout: 10_000 });
    expect(wb.getCell('Roster', 'C2').formula).toMatch(/^=SALESOPS.PLANPAYOUT\(/);
  });

  it('draw template: previews what a first period pays with the draw, writes the draw row that PLANDRAW reads', async () => {
    const { wb, user } = setup();
    await user.click(screen.getByRole('radio', { name: 'New hire with a recoverable draw' }));
    await next(user);
    // The template's draw row is in the grid: Rate 6000, Method recoverable.
    const rows = screen.getAllByLabelText(/^Row \d+ Plan v3$/);
    const drawRow = rows.findIndex((r) => (r as HTMLInputElement).value === 'draw') + 1;
    expect(drawRow).toBeGreaterThan(0);
    expect(screen.getByLabelText(`Row ${drawRow} Rate`)).toHaveValue('6000');
    await next(user);
    // TI 10,000, marginal ×1 then ×2 above 100 %, draw 6,000 recoverable, no balance yet:
    //  50 %: earned 5,000 < 6,000 → paid 6,000, owed 1,000 (10 reps: cost 50,000 earned)
    // 100 %: earned 10,000 → paid 10,000, owed 0;  150 %: 10,000 × (1 + 2 × 0.5) = 20,000 → paid 20,000
    const table = await screen.findByRole('table', { name: 'What-if' });
    const text = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(text[0]).toBe('AttainmentPayout per repCost for 10 repsPaid with drawOwed after');
    expect(text.slice(1)).toEqual([
      '50%5,000.0050,000.006,000.001,000.00',
      '100%10,000.00100,000.0010,000.000.00',
      '150%20,000.00200,000.0020,000.000.00',
    ]);
    expect(screen.getByText(/New-hire draw: 6,000.00 per period, recoverable/)).toBeInTheDocument();
    // Second series: at 0 % nothing is earned and the draw (6,000) is paid; from 60 % on the earnings exceed it.
    const chart = screen.getByTestId('line-chart').textContent ?? '';
    expect(chart).toMatch(/Paid in a first period \(with draw\): 6000 6000 /);
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    expect(await screen.findByText(/Pay its draw across periods with =SALESOPS.PLANDRAW/)).toBeInTheDocument();
    const t = (await wb.readTable('CompPlan')).values;
    expect(t[0][0]).toBe('Plan v3');
    expect(t[t.length - 1]).toEqual([
      'draw',
      'New-hire draw',
      null,
      null,
      null,
      null,
      'recoverable',
      null,
      6000,
      null,
      null,
      null,
    ]);
  });

  it('formula template: checks the formula as it is typed (message and position), previews through the evaluator', async () => {
    const { wb, user } = setup();
    await user.click(screen.getByRole('radio', { name: /formula kicker over two measures/ }));
    await next(user);
    const field = screen.getByLabelText(/Formula of "Logo kicker" \(plan-table row 6\)/);
    expect(field).toHaveValue('attainment >= 1 and new_logos >= 5 ? 1.5 * target_incentive : 0');
    expect(screen.getByText('The formula checks.')).toBeInTheDocument();
    // the variables of this row are listed, with what each is
    expect(screen.getByText(/Variables: attainment \(actual of the component's measure/)).toBeInTheDocument();
    // a typo: named with its position, before Next is pressed
    fireEvent.change(field, { target: { value: 'attainment * target_incentiv' } });
    expect(
      screen.getByText(/unknown variable "target_incentiv"; the variables are: .* \(at character 14\)/),
    ).toBeInTheDocument();
    // the same cell in the grid holds the typed text
    expect(screen.getByLabelText('Row 5 Formula')).toHaveValue('attainment * target_incentiv');
    fireEvent.change(field, { target: { value: 'cos.constructor("alert(1)")()' } });
    expect(
      screen.getByText(/text \(quotes\) is not allowed; formulas work on numbers \(at character 17\)/),
    ).toBeInTheDocument();
    // a rule that pays 0.1 × its target per point of attainment above 100 %, as a formula
    fireEvent.change(field, { target: { value: 'max(attainment - 1, 0) * 10 * target_incentive' } });
    expect(screen.getByText('The formula checks.')).toBeInTheDocument();
    await next(user);
    // TI 10,000: Bookings 70 % → 7,000, marginal ×1 then ×2 above 100 %, cap 2×; Logo kicker 30 % → 3,000.
    //  50 %: 3,500 + 0 = 3,500;  100 %: 7,000 + 0 = 7,000;
    // 150 %: 7,000 × (1 + 2 × 0.5) = 14,000 (= the cap 2 × 7,000) + (1.5 − 1) × 10 × 3,000 = 15,000 → 29,000
    const table = await screen.findByRole('table', { name: 'What-if' });
    const text = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(text.slice(1)).toEqual(['50%3,500.0035,000.00', '100%7,000.0070,000.00', '150%29,000.00290,000.00']);
    await next(user, 'Continue');
    await next(user, 'Write to workbook');
    await screen.findByText(/Wrote plan table CompPlan/);
    const t = (await wb.readTable('CompPlan')).values;
    expect(t[0][0]).toBe('Plan v3');
    expect(t[5]).toEqual([
      'formula',
      'Logo kicker',
      'Bookings, New logos',
      null,
      0.3,
      100000,
      null,
      null,
      null,
      null,
      null,
      'max(attainment - 1, 0) * 10 * target_incentive',
    ]);
  });
});
