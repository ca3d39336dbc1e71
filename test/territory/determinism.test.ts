/**
 * SALESOPS.TERRITORY is a spreadsheet function: the same inputs give the same plan, however loaded the machine.
 * The sheet-level entry (territoryOf, what functions/territory.ts calls) is run twice on a mid-size book, the
 * second time with a clock that jumps 10 s at every reading (a machine so slow that any wall-clock stop would
 * fire at once): the spills must be identical, so no clock decides where the search stops.
 */
import { mulberry32 } from '../../src/shared/random';
import { territoryOf } from '../../src/territory/sheet/functions';

/** 3,000 accounts, 30 reps, random current owners (about 20 % off balance), two metrics; header rows. */
function book(): { metrics: unknown[][]; reps: unknown[][]; current: unknown[][] } {
  const rng = mulberry32(24);
  const n = 3000;
  const R = 30;
  const metrics: unknown[][] = [['Potential', 'Workload']];
  const current: unknown[][] = [['Owner']];
  for (let a = 0; a < n; a++) {
    const p = Math.round(1000 * Math.pow(20, rng()));
    metrics.push([p, Math.round(p / 200 + 60 * rng())]);
    current.push([`Rep ${1 + Math.floor(rng() * R)}`]);
  }
  const reps: unknown[][] = [['Rep'], ...Array.from({ length: R }, (_, r) => [`Rep ${r + 1}`])];
  return { metrics, reps, current };
}

describe('TERRITORY is deterministic', () => {
  const { metrics, reps, current } = book();
  const call = (maxMoves: number | null, tolerance: number | null) =>
    territoryOf(metrics as never, reps as never, current as never, null, maxMoves, tolerance);

  test.each([
    [300, null],
    [null, 0.02],
  ])('max_moves %p, tolerance %p: two calls, one on a very slow clock, give the same spill', (maxMoves, tol) => {
    const first = call(maxMoves, tol);
    const perf = globalThis.performance;
    let t = perf.now();
    const nowSpy = jest.spyOn(perf, 'now').mockImplementation(() => (t += 10_000));
    const dateSpy = jest.spyOn(Date, 'now').mockImplementation(() => (t += 10_000));
    try {
      const second = call(maxMoves, tol);
      expect(second).toEqual(first);
    } finally {
      nowSpy.mockRestore();
      dateSpy.mockRestore();
    }
    // The plan did work: some accounts moved, within the budget.
    let moved = 0;
    for (let a = 1; a < first.length; a++) if (first[a][0] !== current[a][0]) moved++;
    expect(moved).toBeGreaterThan(0);
    if (maxMoves !== null) expect(moved).toBeLessThanOrEqual(maxMoves);
  });
});
