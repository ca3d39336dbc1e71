import type { TerritoryProblem } from '../../src/territory';
import { startSolve } from '../../taskpane/wizards/territory/solve';

const problem: TerritoryProblem = { metrics: [[40, 30, 20, 10]], reps: [{ name: 'Ann' }, { name: 'Bob' }] };

/** A stand-in Worker: records what the wizard does with it; the test plays the worker's replies. */
function fakeWorker() {
  const w = {
    posted: [] as unknown[],
    terminated: false,
    onmessage: null as ((e: { data: unknown }) => void) | null,
    onerror: null as ((e: { message: string }) => void) | null,
    postMessage(m: unknown) {
      this.posted.push(m);
    },
    terminate() {
      this.terminated = true;
    },
  };
  return w;
}

describe('territory solve runner', () => {
  it('posts the problem to the worker, relays progress and returns its result', async () => {
    const w = fakeWorker();
    const progress: number[] = [];
    const h = startSolve({ problem, solver: 'heuristic' }, (p) => progress.push(p.fraction), w as unknown as Worker);
    expect(w.posted).toEqual([{ problem, solver: 'heuristic' }]);
    w.onmessage!({ data: { type: 'progress', progress: { phase: 'balance', fraction: 0.5 } } });
    const done = { type: 'done', assignment: Int32Array.from([0, 1, 1, 0]), report: undefined, status: 'feasible' };
    w.onmessage!({ data: done });
    expect(await h.result).toBe(done);
    expect(progress).toEqual([0.5]);
    expect(w.terminated).toBe(true);
  });

  it('cancel terminates the worker and resolves as cancelled', async () => {
    const w = fakeWorker();
    const h = startSolve({ problem, solver: 'heuristic' }, () => undefined, w as unknown as Worker);
    h.cancel();
    expect(w.terminated).toBe(true);
    expect(await h.result).toEqual({ type: 'cancelled' });
  });

  it('reports a worker error', async () => {
    const w = fakeWorker();
    const h = startSolve({ problem, solver: 'heuristic' }, () => undefined, w as unknown as Worker);
    w.onmessage!({ data: { type: 'error', message: 'reps: the range is empty.' } });
    await expect(h.result).rejects.toThrow('reps: the range is empty.');
  });

  it('runs inline without a worker, and a cancel before it starts returns cancelled', async () => {
    // 40+10 = 30+20 = 50: a perfect split exists and the heuristic finds it on 4 accounts
    const r = await startSolve({ problem, solver: 'heuristic' }, () => undefined, undefined).result;
    expect(r.type).toBe('done');
    if (r.type === 'done') expect(r.report?.largestDeviation).toBe(0);
    const h = startSolve({ problem, solver: 'heuristic' }, () => undefined, undefined);
    h.cancel();
    expect(await h.result).toEqual({ type: 'cancelled' });
  });
});
