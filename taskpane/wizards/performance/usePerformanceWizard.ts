import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import type { WorkbookPort } from '../../workbook/port';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { WizardStep } from '../steps/types';
import { hasErrors, useStepMachine } from '../steps/useStepMachine';
import { buildPerformancePlan, computePerformance, testRouting, validatePeriod } from './compute';
import type { PerformanceErrors, PerformanceForm, PerformanceResult, RoutingResult } from './types';

const today = (): string => new Date().toISOString().slice(0, 10);

const INITIAL: PerformanceForm = {
  bookings: { kind: 'range', text: '' },
  quotas: { kind: 'range', text: '' },
  calendar: 'calendar',
  yearStartMonth: '1',
  asOf: today(),
  profile: '',
  records: { kind: 'range', text: '' },
  rules: { kind: 'range', text: '' },
  routingReps: { kind: 'range', text: '' },
  sampleSize: '500',
  sheetName: 'Performance',
};

const empty = (c: PerformanceForm['records']) => (c.kind === 'range' ? c.text.trim() === '' : c.name === '');

/** State and steps of the performance wizard: data → period → preview → routing (optional) → write. */
export function usePerformanceWizard(port: WorkbookPort) {
  const [result, setResult] = React.useState<PerformanceResult>();
  const [routing, setRouting] = React.useState<RoutingResult>();
  const [testing, setTesting] = React.useState(false);

  const steps: WizardStep<PerformanceForm, PerformanceErrors>[] = [
    {
      id: 'data',
      title: 'Bookings and quotas',
      validate: (form) => ({ bookings: sourceProblem(form.bookings), quotas: sourceProblem(form.quotas) }),
    },
    {
      id: 'period',
      title: 'Calendar',
      errorField: 'asOf',
      onNext: async ({ form }) => {
        const { options, errors } = validatePeriod(form);
        if (hasErrors(errors) || !options) return { errors };
        try {
          const [b, q] = await Promise.all([readSource(port, form.bookings), readSource(port, form.quotas)]);
          setResult(computePerformance(b.values, q.values, options));
        } catch (e) {
          return { errors: { asOf: errorMessage(e) } };
        }
      },
    },
    previewStep({ sheetField: 'sheetName', baseName: 'Performance' }),
    {
      id: 'routing',
      title: 'Routing',
      errorField: 'records',
      onNext: ({ form }) => {
        const all = [form.records, form.rules, form.routingReps];
        if (all.every(empty)) setRouting(undefined);
      },
    },
    writeStep({
      errorField: 'sheetName',
      build: ({ form }) =>
        result
          ? {
              plan: buildPerformancePlan(form.sheetName, result, routing),
              summary: `Wrote attainment and pace of ${result.lines.length} reps to sheet "${form.sheetName}".`,
            }
          : null,
    }),
  ];
  const m = useStepMachine<PerformanceForm, PerformanceErrors>({ port, steps, initialForm: INITIAL });

  const update = <K extends keyof PerformanceForm>(key: K, value: PerformanceForm[K]): void => {
    m.setForm((f) => ({ ...f, [key]: value }));
    m.clearErrors(key);
  };

  /** Routes a sample of the records with the rules and reps, and shows the distribution per rep. */
  const testRules = async (): Promise<void> => {
    const f = m.form;
    const errors: PerformanceErrors = {
      records: sourceProblem(f.records),
      rules: sourceProblem(f.rules),
      routingReps: sourceProblem(f.routingReps),
    };
    const n = Number(f.sampleSize);
    if (!Number.isInteger(n) || n < 1 || n > 200_000)
      errors.sampleSize = 'Sample: a whole number of records, 1 to 200,000.';
    if (hasErrors(errors)) {
      m.setErrors(errors);
      return;
    }
    setTesting(true);
    try {
      const [rec, rules, reps] = await Promise.all([
        readSource(port, f.records),
        readSource(port, f.rules),
        readSource(port, f.routingReps),
      ]);
      setRouting(testRouting(rec, rules, reps, n));
    } catch (e) {
      setRouting(undefined);
      m.setErrors({ records: errorMessage(e) });
    } finally {
      setTesting(false);
    }
  };

  return { ...m, result, routing, testing, update, testRules };
}
