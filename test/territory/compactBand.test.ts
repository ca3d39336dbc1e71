/**
 * Compact territories on large or coarse books (issue 24): the capacitated nearest-home carve, and the band coming
 * before compactness. Hand case with the arithmetic; a clustered book on which the search that weighs distance
 * used to stop outside the band (6,000 accounts × 200 reps: 4.4 %).
 */
import { geoBook } from '../../bench/territory/geoBooks';
import { greedyAssignment } from '../../src/territory/compact';
import { accountDistance, compile } from '../../src/territory/model';
import { solveHeuristic } from '../../src/territory';
import { equatorBook } from './equator';

describe('capacitated nearest-home carve', () => {
  test('each account to its nearest home with room, in order of distance', () => {
    // Reps on the equator at 0° and 10°; accounts at 1°, 2°, 3° and 9°, potential 10 each: total 40, target 20.
    // Pairs by distance: 1°→A (1°), 9°→B (1°), 2°→A (2°), 3°→A (3°: A holds 20, full at band 0), 3°→B (7°).
    // So A = {1°, 2°}, B = {3°, 9°}: 20 | 20, and 1° + 2° + 7° + 1° = 11° of arc in all.
    const c = compile(equatorBook([10, 10, 10, 10], [1, 2, 3, 9], [0, 10], ['A', 'B']));
    const pref = greedyAssignment(c, [0, 1, 2, 3], new Int32Array(4).fill(-1), 0, { work: 0 })!;
    expect(Array.from(pref)).toEqual([0, 0, 1, 1]);
    const km = [0, 1, 2, 3].reduce((s, a) => s + accountDistance(c, a, pref[a]), 0);
    expect(km).toBeCloseTo((11 * Math.PI * 6371.0088) / 180, 6);
  });

  test('an account that fits nowhere goes where it overfills least', () => {
    // Same reps; potentials 10, 10, 10, 40: total 70, target 35. 1°→A (10); 9°→B would hold 40 > 35 (band 0),
    // no; 2°→A (20); 3°→A (30); 9°→A would hold 70, no. 9° is left over: A would be at 70 / 35 = 200 %, B at
    // 40 / 35 ≈ 114 %, so B.
    const c = compile(equatorBook([10, 10, 10, 40], [1, 2, 3, 9], [0, 10], ['A', 'B']));
    const pref = greedyAssignment(c, [0, 1, 2, 3], new Int32Array(4).fill(-1), 0, { work: 0 })!;
    expect(Array.from(pref)).toEqual([0, 0, 0, 1]);
  });
});

test('a clustered 6,000 × 200 book with coordinates lands in the band, far more compact than without', () => {
  const b = geoBook(6000, 200, 9);
  const problem = {
    metrics: [b.pot, b.wl],
    reps: Array.from({ length: b.R }, (_, r) => ({ name: `Rep ${r + 1}`, home: { lat: b.hLat[r], lon: b.hLon[r] } })),
  };
  const withGeo = solveHeuristic({ ...problem, coordinates: { lat: b.lat, lon: b.lon } }, { tolerance: 0.02 });
  const without = solveHeuristic(problem, { tolerance: 0.02 });
  const c = compile({ ...problem, coordinates: { lat: b.lat, lon: b.lon } });
  const meanKm = (asg: Int32Array) => asg.reduce((s, r, a) => s + accountDistance(c, a, r), 0) / b.n;
  expect(withGeo.report!.largestDeviation).toBeLessThanOrEqual(0.02 + 1e-9);
  // Measured: 123 km with coordinates against about 1,150 km for the balanced plan that ignores them.
  expect(meanKm(withGeo.assignment)).toBeLessThan(0.25 * meanKm(without.assignment));
});
