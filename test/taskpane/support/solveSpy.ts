/**
 * A stand-in for taskpane/wizards/territory/solve that records every request the wizard hands to the solver and
 * then solves it with the real runner. Use it in a test file with
 * `jest.mock('../../taskpane/wizards/territory/solve', () => jest.requireActual('./support/solveSpy').solveModule)`
 * and read `solveRequests` (emptied before each test by the file's own beforeEach).
 */
import type { SolveRequest } from '../../../taskpane/wizards/territory/types';

/** The requests handed to `startSolve`, in order. */
export const solveRequests: SolveRequest[] = [];

type SolveModule = typeof import('../../../taskpane/wizards/territory/solve');
const actual = jest.requireActual<SolveModule>('../../../taskpane/wizards/territory/solve');

/** The real solve module with `startSolve` recording its request first. */
export const solveModule: SolveModule = {
  ...actual,
  startSolve: (...args: Parameters<SolveModule['startSolve']>) => {
    solveRequests.push(args[0]);
    return actual.startSolve(...args);
  },
};
