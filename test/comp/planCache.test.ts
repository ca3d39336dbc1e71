/** functions/planCache.ts: a plan range read once, compiled formulas shared, a changed cell read again. */
import { cachedPlan, clearPlanCache } from '../../functions/planCache';
import { messageOf } from '../support/messageOf';
import { HEADER } from './fixtures';

const row = (...cells: (string | number | null)[]) => [...cells, ...new Array<null>(HEADER.length - cells.length)];
const plan = (formula: string) => [
  HEADER,
  row('plan', 'P', null, 1000),
  row('formula', 'A', 'Bookings', null, 1, 100, null, null, null, null, null, formula),
];

beforeEach(() => clearPlanCache());

test('the same range (an equal copy, as Excel passes it to every call) gives the same read plan', () => {
  const p = cachedPlan(plan('attainment * target_incentive'));
  expect(cachedPlan(plan('attainment * target_incentive'))).toBe(p);
  expect(p.formulas?.[0].compiled).toBeDefined();
});

test('a changed cell is read again; a refused range is refused with its message every time', () => {
  const p = cachedPlan(plan('attainment * target_incentive'));
  const q = cachedPlan(plan('attainment * 2 * target_incentive'));
  expect(q).not.toBe(p);
  expect(q.formulas?.[0].formula).toBe('attainment * 2 * target_incentive');
  const bad = plan('attainment * target_incentiv');
  expect(messageOf(() => cachedPlan(bad))).toMatch(/at character 14: unknown variable "target_incentiv"/);
  expect(messageOf(() => cachedPlan(bad))).toMatch(/at character 14/);
  // a range changed in place after it was stored does not change the stored copy
  const g = plan('attainment');
  const first = cachedPlan(g);
  g[2][11] = 'quota';
  expect(cachedPlan(g)).not.toBe(first);
  expect(cachedPlan(g).formulas?.[0].formula).toBe('quota');
});
