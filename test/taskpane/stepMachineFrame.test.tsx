/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import './support/dom';
import * as React from 'react';
import { act, renderHook, screen } from '@testing-library/react';
import { renderWizard } from './support/render';
import { next } from './support/next';
import { WizardFrame } from '../../taskpane/components/WizardFrame';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import type { WorkbookPort } from '../../taskpane/workbook/port';
import { previewStep } from '../../taskpane/wizards/steps/commonSteps';
import type { WizardStep } from '../../taskpane/wizards/steps/types';
import { useStepMachine } from '../../taskpane/wizards/steps/useStepMachine';
import { PerformanceWizard } from '../../taskpane/wizards/performance/PerformanceWizard';

jest.mock('@fluentui/react-charts', () => jest.requireActual('./support/chartsMock'));

interface Form {
  sheetName: string;
}

/** A promise resolved from outside: a step's Next that is still working. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

/** Start → slow (its Next waits for `slow`) → preview → done. */
function stepsOf(slow: Promise<void>): WizardStep<Form>[] {
  return [
    { id: 'start', title: 'Start' },
    { id: 'slow', title: 'Slow', onNext: () => slow },
    previewStep<Form>({ sheetField: 'sheetName', baseName: 'Report' }),
    { id: 'done', title: 'Done' },
  ];
}

/** Excel refusing to list sheets while a cell is being edited. */
class EditingWorkbook extends MemoryWorkbook {
  override listSheets(): Promise<string[]> {
    return Promise.reject(new Error('Excel is in cell-editing mode: press Enter or Esc in the cell, then retry.'));
  }
}

function TestWizard({ port, slow }: { port: WorkbookPort; slow: Promise<void> }): React.JSX.Element {
  const m = useStepMachine<Form>({ port, steps: stepsOf(slow), initialForm: { sheetName: '' } });
  return (
    <WizardFrame title="Test" {...m.frame}>
      <p>{`On ${m.stepId}`}</p>
    </WizardFrame>
  );
}

describe('step machine in its frame', () => {
  let unhandled: unknown[];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  beforeEach(() => {
    unhandled = [];
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it("shows a failure of the preview's Continue in an alert, stays, and rejects nothing", async () => {
    const open = gate();
    open.open();
    const wb = new EditingWorkbook({});
    const { user } = renderWizard(({ port }) => <TestWizard port={port} slow={open.promise} />, wb);
    await next(user, 'Next');
    await next(user, 'Next');
    expect(await screen.findByText('On preview')).toBeInTheDocument();
    await next(user, 'Continue');
    expect(await screen.findByRole('alert')).toHaveTextContent(/cell-editing mode/);
    expect(screen.getByText('On preview')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 0));
    expect(unhandled).toEqual([]);
    // Back clears the alert
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('the Performance wizard shows the same failure of its preview step', async () => {
    const wb = new EditingWorkbook({
      Data: [
        ['Rep', 'Date', 'Amount', null, 'Rep', 'Quota'],
        ['Ann', 46032, 100, null, 'Ann', 1000],
      ],
    });
    const { user } = renderWizard(PerformanceWizard, wb);
    const fill = async (name: RegExp, value: string) => {
      const box = screen.getByRole('textbox', { name });
      await user.clear(box);
      await user.type(box, value);
    };
    await fill(/Bookings range/, 'Data!A1:C2');
    await fill(/Quotas range/, 'Data!E1:F2');
    await next(user, 'Next');
    await fill(/As of/, '2026-01-20');
    await next(user, 'Next');
    await next(user, 'Continue');
    expect(await screen.findByRole('alert')).toHaveTextContent(/cell-editing mode/);
    expect(unhandled).toEqual([]);
  });

  it('disables Back while Next works', async () => {
    const slow = gate();
    const { user } = renderWizard(({ port }) => <TestWizard port={port} slow={slow.promise} />, new MemoryWorkbook({}));
    await next(user, 'Next');
    expect(await screen.findByText('On slow')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    await act(async () => slow.open());
    expect(await screen.findByText('On preview')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back' })).toBeEnabled();
  });

  it("ignores a Next's outcome once the step it started on is no longer shown", async () => {
    const slow = gate();
    const wb = new MemoryWorkbook({});
    const hook = renderHook(() =>
      useStepMachine<Form>({ port: wb, steps: stepsOf(slow.promise), initialForm: { sheetName: '' } }),
    );
    await act(() => hook.result.current.next());
    expect(hook.result.current.stepId).toBe('slow');
    let pending!: Promise<void>;
    act(() => {
      pending = hook.result.current.next();
    });
    act(() => hook.result.current.back());
    expect(hook.result.current.stepId).toBe('start');
    await act(async () => {
      slow.open();
      await pending;
    });
    // Before: the outcome moved one step on from wherever the user was ("start" → "slow").
    expect(hook.result.current.stepId).toBe('start');
    expect(hook.result.current.busy).toBe(false);
  });
});
