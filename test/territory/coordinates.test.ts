/**
 * Compact territories (issue 24): account locations from Latitude/Longitude columns of `metrics`, rep homes from a
 * reps table, and a hand-worked case where balance and compactness meet.
 */
import { EXCEL_FUNCTIONS } from '../../functions/catalog';
import { parseMetrics, parseReps, solveHeuristic } from '../../src/territory';

const { TERRITORY: territory } = EXCEL_FUNCTIONS;
import { DEGREE_KM, equatorBook } from './equator';

describe('coordinates from the ranges', () => {
  test('Latitude and Longitude columns of metrics are locations, not metrics', () => {
    const m = parseMetrics([
      ['Potential', 'Latitude', 'Workload', 'Longitude'],
      [10, 45.5, 3, -73.6],
      [20, 43.7, 4, -79.4],
    ]);
    expect(m.names).toEqual(['Potential', 'Workload']);
    expect(Array.from(m.columns[0])).toEqual([10, 20]);
    expect(Array.from(m.columns[1])).toEqual([3, 4]);
    expect(Array.from(m.coordinates!.lat)).toEqual([45.5, 43.7]);
    expect(Array.from(m.coordinates!.lon)).toEqual([-73.6, -79.4]);
  });

  test('a latitude column needs a longitude column, and values must be on the globe', () => {
    expect(() =>
      parseMetrics([
        ['Potential', 'Lat'],
        [1, 2],
      ]),
    ).toThrow(/needs a "Longitude" column/);
    expect(() =>
      parseMetrics([
        ['Potential', 'Lat', 'Lng'],
        [1, 95, 0],
      ]),
    ).toThrow(/row 2, column "Lat": expected a number from -90 to 90/);
  });

  test('a reps table with a header reads homes (Rep, Latitude, Longitude)', () => {
    const r = parseReps(
      [
        ['Rep', 'Latitude', 'Longitude'],
        ['Ann', 0, 0],
        ['Bob', 0, 10],
      ],
      true,
    );
    expect(r.reps).toEqual([
      { name: 'Ann', home: { lat: 0, lon: 0 } },
      { name: 'Bob', home: { lat: 0, lon: 10 } },
    ]);
  });
});

describe('balanced and compact, by hand', () => {
  // Four accounts of potential 10 on the equator at longitude 0, 1, 2 and 10; Ann lives at 0, Bob at 10.
  // Nearest-home carve: Ann {0, 1, 2} = 30, Bob {10} = 10: 50 % off. Balanced plans give each rep two accounts;
  // the nearest of them is Ann {0, 1}, Bob {2, 10}: distances 0 + 1° + 8° + 0 = 9° = 9 × 111.195 km = 1000.8 km
  // (Ann {0, 2}, Bob {1, 10} would be 0 + 2° + 9° + 0 = 11°).
  const problem = equatorBook([10, 10, 10, 10], [0, 1, 2, 10]);

  test('the plan is Ann {0, 1}, Bob {2, 10}: balanced, 9° of travel in all', () => {
    const res = solveHeuristic(problem);
    expect(Array.from(res.assignment)).toEqual([0, 0, 1, 1]);
    expect(res.report!.largestDeviation).toBe(0);
    expect(res.report!.totalDistanceKm).toBeCloseTo(9 * DEGREE_KM, 6);
  });

  test('through SALESOPS.TERRITORY with the columns found by header', () => {
    const out = territory(
      [
        ['Potential', 'Latitude', 'Longitude'],
        [10, 0, 0],
        [10, 0, 1],
        [10, 0, 2],
        [10, 0, 10],
      ],
      [
        ['Rep', 'Latitude', 'Longitude'],
        ['Ann', 0, 0],
        ['Bob', 0, 10],
      ],
      null,
      null,
      null,
      0.02,
    );
    expect(out).toEqual([['Assigned rep'], ['Ann'], ['Ann'], ['Bob'], ['Bob']]);
  });

  test('with current owners, distance alone never moves an account (disruption comes first)', () => {
    // Balanced but scattered: Ann owns 0 and 10, Bob 1 and 2. Every swap towards compactness costs two moves.
    const res = solveHeuristic({ ...problem, current: [0, 1, 1, 0] });
    expect(res.report!.accountsMoved).toBe(0);
  });
});
