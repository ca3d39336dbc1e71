import * as React from 'react';
import { errorMessage } from '../../components/errorMessage';
import { readSourceFor, sourceLeftEmpty, sourceProblem } from '../../components/source';
import type { WorkbookPort } from '../../workbook/port';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { WizardStep } from '../steps/types';
import { hasErrors, useStepMachine } from '../steps/useStepMachine';
import type { CellValue } from '../../../src/shared/cells';
import { buildPerformancePlan, checkPerformanceData, computePerformance, testRouting, validatePeriod } from './compute';
import type { PerformanceErrors, PerformanceForm, PerformanceResult, RoutingResult } from './types';

/** Today in the user's time zone, YYYY-MM-DD (read when the wizard opens, not when the module loads). */
export const localToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

const initialForm = (): PerformanceForm => ({
  bookings: { kind: 'range', text: '' },
  quotas: { kind: 'range', text: '' },
  calendar: 'calendar',
  yearStartMonth: '1',
  asOf: localToday(),
  profile: '',
  records: { kind: 'range', text: '' },
  rules: { kind: 'range', text: '' },
  routingReps: { kind: 'range', text: '' },
  sampleSize: '500',
  sheetName: 'Performance',
});

/** The routing test's tables, each read on its own so that a read error shows at its own field. */
const ROUTING_FIELDS = ['records', 'rules', 'routingReps'] as const;

/** State and steps of the performance wizard: data → period → preview → routing (optional) → write. */
export function usePerformanceWizard(port: WorkbookPort) {
  const [result, setResult] = React.useState<PerformanceResult>();
  const [routing, setRouting] = React.useState<RoutingResult>();
  const [testing, setTesting] = React.useState(false);
  const [data, setData] = React.useState<{ bookings: CellValue[][]; quotas: CellValue[][] }>();
  // Bumped whenever an input of the routing test changes: a test started before the change is stale.
  const routingInputs = React.useRef(0);

  const steps: WizardStep<PerformanceForm, PerformanceErrors>[] = [
    {
      id: 'data',
      title: 'Bookings and quotas',
      validate: (form) => ({ bookings: sourceProblem(form.bookings), quotas: sourceProblem(form.quotas) }),
      onNext: async ({ form }) => {
        const [b, q] = await Promise.all([
          readSourceFor(port, form.bookings, 'bookings'),
          readSourceFor(port, form.quotas, 'quotas'),
        ]);
        if (!b.data || !q.data) return { errors: { ...b.errors, ...q.errors } };
        const errors = checkPerformanceData(b.data.values, q.data.values);
        if (hasErrors(errors)) return { errors };
        setData({ bookings: b.data.values, quotas: q.data.values });
      },
    },
    {
      id: 'period',
      title: 'Calendar',
      errorField: 'asOf',
      onNext: ({ form }) => {
        const { options, errors } = validatePeriod(form);
        if (hasErrors(errors) || !options) return { errors };
        if (!data) return { goTo: 'data' };
        setResult(computePerformance(data.bookings, data.quotas, options));
      },
    },
    previewStep({ sheetField: 'sheetName', baseName: 'Performance' }),
    {
      id: 'routing',
      title: 'Routing',
      errorField: 'records',
      onNext: async ({ form }) => {
        const missing = ROUTING_FIELDS.filter((k) => sourceLeftEmpty(form[k]));
        if (missing.length === ROUTING_FIELDS.length) return setRouting(undefined);
        if (missing.length > 0) {
          const message = 'Fill in records, rules and reps to test routing, or leave all three empty to skip.';
          return { errors: Object.fromEntries(missing.map((k) => [k, message])) };
        }
        if (!routing) {
          const errors = await runTest(form);
          if (errors) return { errors };
        }
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
  const m = useStepMachine<PerformanceForm, PerformanceErrors>({
    port,
    steps,
    initialForm,
    blocked: testing,
  });

  // A routing result belongs to the inputs it was tested on: a change drops it (and a test still running).
  const { records, rules, routingReps, sampleSize } = m.form;
  React.useEffect(() => {
    routingInputs.current += 1;
    setRouting(undefined);
  }, [records, rules, routingReps, sampleSize]);

  /**
   * Routes a sample of the records with the rules and reps and keeps the distribution per rep; returns the messages
   * (each at its own field) when it cannot.
   */
  async function runTest(f: PerformanceForm): Promise<PerformanceErrors | undefined> {
    const errors: PerformanceErrors = {
      records: sourceProblem(f.records),
      rules: sourceProblem(f.rules),
      routingReps: sourceProblem(f.routingReps),
    };
    const n = Number(f.sampleSize);
    if (!Number.isInteger(n) || n < 1 || n > 200_000)
      errors.sampleSize = 'Sample: a whole number of records, 1 to 200,000.';
    if (hasErrors(errors)) return errors;
    const inputs = routingInputs.current;
    setTesting(true);
    try {
      const [rec, rules, reps] = await Promise.all(ROUTING_FIELDS.map((k) => readSourceFor(port, f[k], k)));
      if (!rec.data || !rules.data || !reps.data) return { ...rec.errors, ...rules.errors, ...reps.errors };
      let tested: RoutingResult;
      try {
        tested = testRouting(rec.data, rules.data, reps.data, n);
      } catch (e) {
        const message = errorMessage(e);
        const field = /^rules\b/i.test(message) ? 'rules' : /^reps\b/i.test(message) ? 'routingReps' : 'records';
        return { [field]: message };
      }
      if (inputs === routingInputs.current) setRouting(tested);
      return undefined;
    } finally {
      setTesting(false);
    }
  }

  /** The Test rules button: runs the test and shows its messages at their fields. */
  const testRules = async (): Promise<void> => {
    const errors = await runTest(m.form);
    if (errors) m.setErrors(errors);
  };

  return { ...m, result, routing, testing, testRules };
}
