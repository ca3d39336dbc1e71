import * as React from 'react';
import type { BalanceReport, TerritoryProblem, TerritoryProgress } from '../../../src/territory';
import { errorMessage } from '../../components/errorMessage';
import { readSource, sourceProblem } from '../../components/source';
import { useWriter } from '../../components/useWriter';
import type { RangeData, WorkbookPort } from '../../workbook/port';
import { uniqueSheetName } from '../../workbook/transaction';
import { type TerritoryErrors, beforeReport, buildProblem, buildTerritoryPlan, headers, readReps } from './model';
import { type SolveHandle, startSolve } from './solve';
import { spawnWorker } from './spawnWorker';
import type { TerritoryForm } from './types';

export const TERRITORY_STEPS = ['Accounts', 'Options', 'Preview', 'Write'] as const;

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

/** State and steps of the territory carve wizard. */
export function useTerritoryWizard(port: WorkbookPort) {
  const [step, setStep] = React.useState(0);
  const [form, setForm] = React.useState<TerritoryForm>({
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
  });
  const [errors, setErrors] = React.useState<TerritoryErrors>({});
  const [accounts, setAccounts] = React.useState<RangeData>();
  const [reps, setReps] = React.useState<RangeData>();
  const [repsColumns, setRepsColumns] = React.useState<RepsColumns>({ keys: false });
  const [problem, setProblem] = React.useState<{ problem: TerritoryProblem; repNames: string[] }>();
  const [progress, setProgress] = React.useState<TerritoryProgress>();
  const [running, setRunning] = React.useState(false);
  const [note, setNote] = React.useState<string>();
  const [run, setRun] = React.useState<TerritoryRun>();
  const handle = React.useRef<SolveHandle>();
  const [busy, setBusy] = React.useState(false);
  const writer = useWriter(port);
  const update = <K extends keyof TerritoryForm>(key: K, value: TerritoryForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    // latitude and longitude are checked as a pair: a change to either clears both messages
    const paired: (keyof TerritoryForm)[] = key === 'latitude' || key === 'longitude' ? ['latitude', 'longitude'] : [];
    setErrors((e) => ({ ...e, [key]: undefined, ...Object.fromEntries(paired.map((k) => [k, undefined])) }));
  };
  React.useEffect(() => () => handle.current?.cancel(), []);

  const solve = async (p: TerritoryProblem, repNames: string[]): Promise<void> => {
    setRunning(true);
    setNote(undefined);
    setProgress(undefined);
    const h = startSolve({ problem: p, solver: form.solver }, setProgress, spawnWorker());
    handle.current = h;
    try {
      const out = await h.result;
      if (out.type === 'cancelled') setNote('Cancelled: nothing was computed to write.');
      else if (!out.report) setNote(out.message ?? `The solver stopped without a plan (${out.status}).`);
      else {
        setRun({
          assignment: out.assignment,
          report: out.report,
          before: beforeReport(p),
          status: out.status,
          metricBudget: p.moveBudget?.maxMetricFraction,
          coordinates: p.coordinates !== undefined,
        });
        setProblem({ problem: p, repNames });
        setStep(2);
      }
    } catch (e) {
      setNote(errorMessage(e));
    } finally {
      handle.current = undefined;
      setRunning(false);
    }
  };

  const next = async (): Promise<void> => {
    setBusy(true);
    try {
      if (step === 0) {
        const errs: TerritoryErrors = {};
        const pa = sourceProblem(form.accounts);
        const pr = sourceProblem(form.reps);
        if (pa) errs.accounts = pa;
        if (pr) errs.reps = pr;
        let a: RangeData | undefined;
        let r: RangeData | undefined;
        if (!pa)
          try {
            a = await readSource(port, form.accounts);
            if (a.values.length < 2) errs.accounts = 'Accounts: expected a header row and at least one account.';
          } catch (e) {
            errs.accounts = errorMessage(e);
          }
        if (!pr)
          try {
            r = await readSource(port, form.reps);
            setRepsColumns({ keys: readReps(r.values).table?.columns.keys !== undefined });
          } catch (e) {
            errs.reps = errorMessage(e);
          }
        setErrors(errs);
        if (!a || !r || Object.values(errs).some(Boolean)) return;
        setAccounts(a);
        setReps(r);
        setStep(1);
      } else if (step === 1 && accounts && reps) {
        const b = buildProblem(form, accounts, reps);
        setErrors(b.errors);
        if (!b.problem || !b.repNames) return;
        await solve(b.problem, b.repNames);
      } else if (step === 2) {
        update('reportSheet', uniqueSheetName(await port.listSheets(), 'Territory balance'));
        setStep(3);
      } else if (step === 3 && accounts && run && problem) {
        try {
          const plan = buildTerritoryPlan(accounts, problem.repNames, run.assignment, run.report, form.reportSheet);
          await writer.write(plan, `Wrote the new owners and the balance report (sheet "${form.reportSheet}").`);
        } catch (e) {
          setErrors({ reportSheet: errorMessage(e) });
        }
      }
    } finally {
      setBusy(false);
    }
  };
  const back = (): void => setStep((s) => Math.max(0, s - 1));
  const cancel = (): void => handle.current?.cancel();
  const columns = accounts ? headers(accounts) : [];
  return {
    step,
    form,
    errors,
    columns,
    repsColumns,
    run,
    progress,
    running,
    note,
    busy,
    update,
    next,
    back,
    cancel,
    writer,
  };
}
