/**
 * Runs the territory core off the main thread: in a Web Worker when one can be started, else inline (jsdom,
 * old hosts). Cancel terminates the worker at once (the heuristic is synchronous, so a message could not reach
 * it mid-run); inline, Cancel sets the core's cancel token, which it checks between steps.
 */
import { solveTerritory } from '../../../src/territory';
import type { TerritoryProgress } from '../../../src/territory';
import type { SolveRequest, WorkerReply } from './types';

export type SolveOutcome = Extract<WorkerReply, { type: 'done' }> | { type: 'cancelled' };

export interface SolveHandle {
  result: Promise<SolveOutcome>;
  cancel: () => void;
}

/** Solves in `worker` when given, else inline; progress goes to `onProgress`. */
export function startSolve(
  req: SolveRequest,
  onProgress: (p: TerritoryProgress) => void,
  worker: Worker | undefined,
): SolveHandle {
  if (worker) {
    let settle: (o: SolveOutcome) => void = () => undefined;
    let fail: (e: Error) => void = () => undefined;
    const result = new Promise<SolveOutcome>((res, rej) => {
      settle = res;
      fail = rej;
    });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.progress);
      else {
        worker.terminate();
        if (m.type === 'done') settle(m);
        else fail(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      fail(new Error(e.message || 'The territory worker failed.'));
    };
    worker.postMessage(req);
    return {
      result,
      cancel: () => {
        worker.terminate();
        settle({ type: 'cancelled' });
      },
    };
  }
  const token = { aborted: false };
  const result = (async (): Promise<SolveOutcome> => {
    await Promise.resolve();
    if (token.aborted) return { type: 'cancelled' };
    const r = await solveTerritory(
      req.problem,
      req.solver === 'exact' ? { solver: 'exact', onProgress, signal: token } : { onProgress, signal: token },
    );
    if (r.status === 'cancelled') return { type: 'cancelled' };
    return { type: 'done', assignment: r.assignment, report: r.report, status: r.status, message: r.message };
  })();
  return { result, cancel: () => (token.aborted = true) };
}
