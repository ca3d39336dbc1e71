import * as React from 'react';
import type { BalanceReport, TerritoryProblem, TerritoryProgress } from '../../../src/territory';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import type { RangeData, WorkbookPort } from '../../workbook/port';
import { headerNames } from '../columns';
import { previewStep, writeStep } from '../steps/commonSteps';
import type { WizardStep } from '../steps/types';
import { hasErrors, useStepMachine } from '../steps/useStepMachine';
import { type TerritoryErrors, beforeReport, buildProblem, buildTerritoryWrite, readReps } from './compute';
import { type SolveHandle, startSolve } from './solve';
import { spawnWorker } from './spawnWorker';
import type { TerritoryForm } from './types';

export interface TerritoryRun {
  assignment: Int32Array;
  report: BalanceReport;
  before?: BalanceReport;
  status: string;
  /** The "most of a metric moved" limit of the run (metric index, fraction of its total), if any. */
  metricBudget?: { metric: number; fraction: number };
  /** True when the run had account coordinates (the report's distance means something). */
  coordinates: boolean;
}

/** What the reps range offers beyond names (a reps table's optional columns). */
export interface RepsColumns {
  /** The reps range has a Keys (eligibility) column. */
  keys: boolean;
}

const INITIAL: TerritoryForm = {
  accounts: { kind: 'range', text: '' },
  reps: { kind: 'range', text: '' },
  metrics: [],
  owner: '',
  lock: '',
  eligibility: '',
  latitude: '',
  longitude: '',
  maxMoves: '',
  maxMetricFraction: '',
  budgetMetric: '',
  solver: 'heuristic',
  reportSheet: 'Territory balance',
};

/** Reads one of the step's two ranges: the range, or the field's message. */
async function readChoice(
  port: WorkbookPort,
  form: TerritoryForm,
  key: 'accounts' | 'reps',
): Promise<{ data?: RangeData; error?: string }> {
  const problem = sourceProblem(form[key]);
  if (problem) return { error: problem };
  try {
    return { data: await readSource(port, form[key]) };
  } catch (e) {
    return { error: errorMessage(e) };
  }
}

/** State and steps of the territory carve wizard. */
export function useTerritoryWizard(port: WorkbookPort) {
  const [input, setInput] = React.useState<{ accounts: RangeData; reps: RangeData }>();
  const [repsColumns, setRepsColumns] = React.useState<RepsColumns>({ keys: false });
  const [solved, setSolved] = React.useState<{ run: TerritoryRun; repNames: string[] }>();
  const [progress, setProgress] = React.useState<TerritoryProgress>();
  const [running, setRunning] = React.useState(false);
  const [note, setNote] = React.useState<string>();
  const handle = React.useRef<SolveHandle>();
  React.useEffect(() => () => handle.current?.cancel(), []);

  /** Runs the solver (in a worker when there is one); true when it found a plan to preview. */
  const solve = async (p: TerritoryProblem, repNames: string[], solver: TerritoryForm['solver']): Promise<boolean> => {
    setRunning(true);
    setNote(undefined);
    setProgress(undefined);
    const h = startSolve({ problem: p, solver }, setProgress, spawnWorker());
    handle.current = h;
    try {
      const out = await h.result;
      if (out.type === 'cancelled') setNote('Cancelled: nothing was computed to write.');
      else if (!out.report) setNote(out.message ?? `The solver stopped without a plan (${out.status}).`);
      else {
        const run: TerritoryRun = {
          assignment: out.assignment,
          report: out.report,
          before: beforeReport(p),
          status: out.status,
          metricBudget: p.moveBudget?.maxMetricFraction,
          coordinates: p.coordinates !== undefined,
        };
        setSolved({ run, repNames });
        return true;
      }
    } catch (e) {
      setNote(errorMessage(e));
    } finally {
      handle.current = undefined;
      setRunning(false);
    }
    return false;
  };

  const steps: WizardStep<TerritoryForm, TerritoryErrors>[] = [
    {
      id: 'accounts',
      title: 'Accounts',
      onNext: async ({ form }) => {
        const a = await readChoice(port, form, 'accounts');
        const r = await readChoice(port, form, 'reps');
        const errors: TerritoryErrors = { accounts: a.error, reps: r.error };
        if (a.data && a.data.values.length < 2)
          errors.accounts = 'Accounts: expected a header row and at least one account.';
        if (r.data)
          try {
            setRepsColumns({ keys: readReps(r.data.values).table?.columns.keys !== undefined });
          } catch (e) {
            errors.reps = errorMessage(e);
          }
        if (!a.data || !r.data || hasErrors(errors)) return { errors };
        setInput({ accounts: a.data, reps: r.data });
      },
    },
    {
      id: 'options',
      title: 'Options',
      nextLabel: 'Run',
      onNext: async ({ form, setErrors }) => {
        if (!input) return { stay: true };
        const b = buildProblem(form, input.accounts, input.reps);
        setErrors(b.errors);
        if (!b.problem || !b.repNames) return { stay: true };
        return (await solve(b.problem, b.repNames, form.solver)) ? undefined : { stay: true };
      },
    },
    previewStep({ sheetField: 'reportSheet', baseName: 'Territory balance' }),
    writeStep({
      errorField: 'reportSheet',
      build: ({ form }) =>
        input && solved
          ? {
              plan: buildTerritoryWrite(
                input.accounts,
                solved.repNames,
                solved.run.assignment,
                solved.run.report,
                form.reportSheet,
              ),
              summary: `Wrote the new owners and the balance report (sheet "${form.reportSheet}").`,
            }
          : null,
    }),
  ];
  const m = useStepMachine<TerritoryForm, TerritoryErrors>({
    port,
    steps,
    initialForm: INITIAL,
    blocked: running,
    noBack: running,
    // latitude and longitude are checked as a pair: a change to either clears both messages
    clearTogether: [['latitude', 'longitude']],
  });
  const cancel = (): void => handle.current?.cancel();
  const columns = input ? headerNames(input.accounts) : [];
  return { ...m, columns, repsColumns, run: solved?.run, progress, running, note, cancel };
}
