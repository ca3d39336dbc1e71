/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { MemoryWorkbook } from '../../taskpane/workbook/memory';
import { previewStep, writeStep } from '../../taskpane/wizards/steps/commonSteps';
import type { WizardStep } from '../../taskpane/wizards/steps/types';
import { useStepMachine } from '../../taskpane/wizards/steps/useStepMachine';

interface Form {
  amount: string;
  sheetName: string;
}

const INITIAL: Form = { amount: '', sheetName: 'Report' };

/** Amount → preview → write, as a wizard declares it; `build` is what the write step writes. */
function stepsOf(build: (f: Form) => { plan: { newSheets: string[] }; summary: string } | null): WizardStep<Form>[] {
  return [
    {
      id: 'amount',
      title: 'Amount',
      validate: (f) => ({ amount: f.amount.trim() === '' ? 'Amount is required.' : undefined }),
      errorField: 'amount',
      onNext: ({ form }) => {
        if (form.amount === 'boom') throw new Error('Amount: cannot read "boom".');
      },
    },
    previewStep<Form>({ sheetField: 'sheetName', baseName: 'Report' }),
    writeStep<Form>({ errorField: 'sheetName', build: ({ form }) => build(form) }),
  ];
}

function setup(build = (f: Form) => ({ plan: { newSheets: [f.sheetName] }, summary: `Wrote "${f.sheetName}".` })) {
  const wb = new MemoryWorkbook({ Report: [['taken']] });
  const hook = renderHook(() => useStepMachine<Form>({ port: wb, steps: stepsOf(build), initialForm: INITIAL }));
  const next = () => act(() => hook.result.current.next());
  return { wb, hook, next };
}

describe('useStepMachine', () => {
  it('keeps the step while validate reports a message, shown at its field; a change clears it', async () => {
    const { hook, next } = setup();
    await next();
    expect(hook.result.current.stepId).toBe('amount');
    expect(hook.result.current.errors).toEqual({ amount: 'Amount is required.' });
    act(() => hook.result.current.update('amount', '10'));
    expect(hook.result.current.errors.amount).toBeUndefined();
  });

  it("shows an error thrown by a step's Next at the step's field and stays", async () => {
    const { hook, next } = setup();
    act(() => hook.result.current.update('amount', 'boom'));
    await next();
    expect(hook.result.current.stepId).toBe('amount');
    expect(hook.result.current.errors).toEqual({ amount: 'Amount: cannot read "boom".' });
    expect(hook.result.current.busy).toBe(false);
  });

  it('walks the steps with their labels; the preview proposes a free sheet name; Back and goTo', async () => {
    const { hook, next } = setup();
    expect(hook.result.current.frame).toMatchObject({ steps: ['Amount', 'Preview', 'Write'], current: 0 });
    expect(hook.result.current.frame.nextLabel).toBe('Next');
    act(() => hook.result.current.update('amount', '10'));
    await next();
    expect(hook.result.current.frame).toMatchObject({ current: 1, nextLabel: 'Continue' });
    await next();
    // "Report" is taken: the next free name
    expect(hook.result.current.form.sheetName).toBe('Report 2');
    expect(hook.result.current.frame).toMatchObject({ current: 2, nextLabel: 'Write to workbook' });
    act(() => hook.result.current.back());
    expect(hook.result.current.stepId).toBe('preview');
    act(() => hook.result.current.goTo('amount'));
    expect(hook.result.current.step).toBe(0);
  });

  it('writes on the last step and stays there; the write status is its own', async () => {
    const { wb, hook, next } = setup();
    act(() => hook.result.current.update('amount', '10'));
    await next();
    await next();
    await next();
    expect(hook.result.current.stepId).toBe('write');
    expect(hook.result.current.writer.status).toEqual({ kind: 'written', summary: 'Wrote "Report 2".' });
    expect(wb.sheetNames()).toEqual(['Report', 'Report 2']);
  });

  it("puts an error building the write at the write step's field of that wizard only", async () => {
    const failing = setup(() => {
      throw new Error('Sheet name: too long.');
    });
    const other = setup();
    act(() => failing.hook.result.current.update('amount', '10'));
    await failing.next();
    await failing.next();
    await failing.next();
    expect(failing.hook.result.current.stepId).toBe('write');
    expect(failing.hook.result.current.errors).toEqual({ sheetName: 'Sheet name: too long.' });
    expect(failing.hook.result.current.writer.status).toEqual({ kind: 'idle' });
    expect(other.hook.result.current.errors).toEqual({});
    expect(other.hook.result.current.writer.status).toEqual({ kind: 'idle' });
  });
});
