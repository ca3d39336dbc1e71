/// <reference lib="webworker" />
// The territory solver's Web Worker: receives a SolveRequest, posts progress now and then and the result.
import { solveTerritory } from '../../../src/territory';
import type { TerritoryProgress } from '../../../src/territory';
import type { SolveRequest, WorkerReply } from './types';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SolveRequest>) => void) | null;
  postMessage: (m: WorkerReply) => void;
};

scope.onmessage = (e: MessageEvent<SolveRequest>) => {
  const { problem, solver } = e.data;
  let last = 0;
  const onProgress = (progress: TerritoryProgress) => {
    const now = Date.now();
    if (now - last < 100) return; // at most ten progress messages a second
    last = now;
    scope.postMessage({ type: 'progress', progress });
  };
  solveTerritory(problem, solver === 'exact' ? { solver: 'exact', onProgress } : { onProgress }).then(
    (r) =>
      scope.postMessage({
        type: 'done',
        assignment: r.assignment,
        report: r.report,
        status: r.status,
        message: r.message,
      }),
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
