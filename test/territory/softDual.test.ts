/**
 * The soft transport dual (src/territory/softDual.ts) with one price per rep and metric (D = 2), from given prices,
 * and its anytime mode. A hand case whose optimum is worked out.
 */
import { type SoftPoints, softPrices, softShares } from '../../src/territory/softDual';

/**
 * Four points of one account each, two reps. A and C weigh (1, 0), B and D (0, 1). A is 0 km from Ann and 10 km
 * from Bob, C 0 and 20; B 10 and 0, D 20 and 0. Targets: 1 of each metric per rep. The nearest homes give Ann
 * (2, 0) and Bob (0, 2): right on the sum of the two metrics, 100 % off on each. Each rep must give up one point of
 * the metric it has too much of; the cheapest are A (10 km more) and B (10 km more), 20 km in all, against 40 for
 * C and D. So at the optimum Ann holds B and C, Bob A and D.
 */
function points(): SoftPoints {
  const size = Float64Array.from([1, 0, 0, 1, 1, 0, 0, 1]);
  return {
    dims: 2,
    count: Float64Array.from([1, 1, 1, 1]),
    size,
    mass: size.slice(),
    start: Int32Array.from([0, 2, 4, 6]),
    active: Int32Array.from([2, 2, 2, 2]),
    rep: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]),
    km: Float64Array.from([0, 10, 10, 0, 0, 20, 20, 0]),
  };
}
const targets = Float64Array.from([1, 1, 1, 1]);
const temperatures = [4, 1, 0.25];

describe('soft dual with a price per rep and metric', () => {
  test('balances each metric at the least distance', () => {
    const pts = points();
    const solved = softPrices(
      pts,
      targets,
      { temperatures, iterations: 300, band: 0, settled: 0.01 },
      { work: 0 },
      1e7,
      1e6,
    );
    expect(solved).toBeDefined();
    expect(solved!.off).toBeLessThanOrEqual(0.01);
    const share = new Float64Array(8);
    softShares(pts, solved!.prices, temperatures[2], share);
    // Arc order per point: Ann, Bob. A and D go to Bob, B and C to Ann.
    expect(share[1]).toBeGreaterThan(0.9); // A → Bob
    expect(share[2]).toBeGreaterThan(0.9); // B → Ann
    expect(share[4]).toBeGreaterThan(0.9); // C → Ann
    expect(share[7]).toBeGreaterThan(0.9); // D → Bob
    // Each rep's soft load on each metric within 1 % of its target.
    const load = new Float64Array(4);
    for (let i = 0; i < 4; i++)
      for (let j = 2 * i; j < 2 * i + 2; j++)
        for (let d = 0; d < 2; d++) load[2 * pts.rep[j] + d] += share[j] * pts.mass[2 * i + d];
    for (const x of load) expect(Math.abs(x - 1)).toBeLessThanOrEqual(0.01);
  });

  test('from given prices, and with too little work: undefined, or (anytime) the prices reached', () => {
    // One price on every metric prices the sum, so starting from 0 on both is starting from the combined optimum
    // (any common price). Each evaluation costs 8 arcs × 0.5 = 4 units: 20 units are five evaluations.
    const from = Float64Array.from([0, 0, 0, 0]);
    const schedule = { temperatures, iterations: 300, band: 0, settled: 0.01, from };
    expect(softPrices(points(), targets, schedule, { work: 0 }, 20, 1e6)).toBeUndefined();
    const meter = { work: 0 };
    const reached = softPrices(points(), targets, { ...schedule, anytime: true }, meter, 20, 1e6);
    expect(reached).toBeDefined();
    expect(reached!.prices).toHaveLength(4);
    expect(meter.work).toBeLessThanOrEqual(20);
    // The starting prices are left as they were.
    expect(Array.from(from)).toEqual([0, 0, 0, 0]);
  });
});
