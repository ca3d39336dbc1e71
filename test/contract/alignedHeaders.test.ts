/**
 * Issue 25, item 1: the columns of one table passed as several arguments work with or without their header row
 * (the header is decided once for the set, src/shared/aligned.ts), through the built dist/functions.js, for every
 * function that takes aligned columns: PIPELINE, TERRITORY, BALANCE, CAPACITY, RRE, ALLOCATEQUOTA.
 */
import { callBuilt, col } from './built';
import { alignedHeader } from '../../src/shared/aligned';

/** The same columns without their first (header) cell. */
const body = (c: unknown[][]) => c.slice(1);

describe('PIPELINE: amounts, stages and close dates are one table', () => {
  // The example: 1000 × 10 % + 2000 × 80 % + 500 × 100 % = 100 + 1600 + 500 = 2200;
  // in [45005, 45020] only the Commit (45010) and Closed Won (45020) rows: 1600 + 500 = 2100.
  const amounts = col('Amount', 1000, 2000, 500);
  const stages = col('Stage', 'Qualify', 'Commit', 'Closed Won');
  const close = col('Close', 45000, 45010, 45020);
  const table = [
    ['Stage', 'Probability'],
    ['Qualify', 0.1],
    ['Commit', 0.8],
    ['Closed Won', 1],
  ];

  test.each([
    ['with header rows', amounts, stages, close],
    ['without header rows', body(amounts), body(stages), body(close)],
  ])('%s', (_what, a, s, d) => {
    expect(callBuilt('PIPELINE', a, s, table)).toBe(2200);
    expect(callBuilt('PIPELINE', a, s, table, d)).toBe(2200);
    expect(callBuilt('PIPELINE', a, s, table, d, 45005, 45020)).toBe(2100);
  });

  test('a header cell that is blank (or 0, as Excel for desktop passes it) in the close-date column', () => {
    expect(callBuilt('PIPELINE', amounts, stages, table, col(null, 45000, 45010, 45020), 45005, 45020)).toBe(2100);
    expect(callBuilt('PIPELINE', amounts, stages, table, col(0, 45000, 45010, 45020), 45005, 45020)).toBe(2100);
  });

  test('blank rows below the table as Excel for desktop passes them (0) are ignored', () => {
    expect(callBuilt('PIPELINE', col(...amounts.flat(), 0, 0), col(...stages.flat(), 0, 0), table)).toBe(2200);
  });

  test('a misaligned selection (header in one range only) is #VALUE! asking for the same rows', () => {
    expect(callBuilt('PIPELINE', amounts, body(stages), table)).toEqual({
      error: '#VALUE!',
      message: expect.stringMatching(/^stages: 3 rows but amounts has 4; select the same rows/),
    });
    expect(callBuilt('PIPELINE', amounts, stages, table, body(close))).toEqual({
      error: '#VALUE!',
      message: expect.stringContaining('close_dates: 3 rows'),
    });
  });

  test('a header in the amounts only, over data rows elsewhere, names the header cell', () => {
    // Stages start with a value row of the same height: there is no header row, so "Amount" is a bad amount.
    const r = callBuilt('PIPELINE', amounts, col(42, 'Qualify', 'Commit', 'Closed Won'), table);
    expect(r).toEqual({ error: '#VALUE!', message: expect.stringContaining('amounts: item 1') });
  });
});

describe('TERRITORY and BALANCE: metrics, current, locked and assignment are one table', () => {
  const metrics = col('Potential', 50, 40, 30, 30, 20, 10);
  const reps = col('Rep', 'Ann', 'Bob');
  const current = col('Owner', 'Ann', 'Ann', 'Ann', 'Bob', 'Bob', 'Bob');
  const locked = col('Locked', null, null, true, null, null, null);

  test('with and without header rows', () => {
    // Total 180, targets 90: moving the 30 of row 4 evens 120 | 60 to 90 | 90 with one move.
    const plan = ['Ann', 'Ann', 'Bob', 'Bob', 'Bob', 'Bob'];
    expect(callBuilt('TERRITORY', metrics, reps, current)).toEqual(col('Assigned rep', ...plan));
    expect(callBuilt('TERRITORY', body(metrics), body(reps), body(current))).toEqual(col(...plan));
  });

  test('locked with its header (and a blank header cell in locked, also as 0) follows the set', () => {
    // Row 4 locked with Ann, one move: the 40 of row 3 goes to Bob (Ann 80, Bob 100).
    const plan = ['Ann', 'Bob', 'Ann', 'Bob', 'Bob', 'Bob'];
    expect(callBuilt('TERRITORY', metrics, reps, current, locked, 1)).toEqual(col('Assigned rep', ...plan));
    expect(callBuilt('TERRITORY', body(metrics), body(reps), body(current), body(locked), 1)).toEqual(col(...plan));
    const zeroHeader = col(0, 0, 0, true, 0, 0, 0);
    expect(callBuilt('TERRITORY', metrics, reps, current, zeroHeader, 1)).toEqual(col('Assigned rep', ...plan));
  });

  test('a locked column whose first cell is TRUE is data: the metrics header is then an error', () => {
    const r = callBuilt('TERRITORY', metrics, reps, current, col(true, null, null, true, null, null, null), 1);
    expect(r).toEqual({ error: '#VALUE!', message: expect.stringContaining('metrics: row 1, column 1') });
  });

  test('BALANCE with and without header rows', () => {
    const withHeader = callBuilt('BALANCE', current, metrics, reps) as unknown[][];
    const without = callBuilt('BALANCE', body(current), body(metrics), body(reps)) as unknown[][];
    // Ann 120 → index 133.33, Bob 60 → 66.67 (targets 90).
    expect(withHeader[1].slice(0, 3)).toEqual(['Ann', 3, 120]);
    expect(withHeader[0][2]).toBe('Potential total');
    expect(without[0][2]).toBe('Metric 1 total');
    expect(without.slice(1).map((r) => r.slice(1))).toEqual(withHeader.slice(1).map((r) => r.slice(1)));
  });
});

describe('CAPACITY, RRE and ALLOCATEQUOTA: the roster columns are one table', () => {
  const JAN_1 = 45292; // 2024-01-01
  const FEB_15 = 45337; // 2024-02-15 (Jan 1 + 31 + 14)
  const JUL_1 = 45474; // 2024-07-01 (Jan 1 + 31 + 29 + 31 + 30 + 31 + 30)
  const quotas = col('Quota', 10000, 8000);
  const starts = col('Start', JAN_1, FEB_15);
  const ends = col('End', null, null);

  test.each([
    ['with header rows', quotas, starts, ends],
    ['without header rows', body(quotas), body(starts), body(ends)],
    ['with header rows, blank end dates passed as 0', quotas, starts, col('End', 0, 0)],
    ['end_dates header only over blanks passed as 0, a blank header cell in full_quotas', col(0, 10000, 8000), starts, col('End', 0, 0)], // prettier-ignore
  ])('CAPACITY and RRE %s', (_what, q, s, e) => {
    // Ramp 50 %: Jan 10000 × 0.5 = 5000; Feb 10000 + 8000 × 0.5 × 15/29 = 12068.97; Mar 10000 + 8000 = 18000.
    expect(callBuilt('CAPACITY', q, s, JAN_1, 3, 0.5, e)).toEqual([[5000, 12068.97, 18000]]);
    // RRE: 0.5; 1 + 0.5 × 15/29 = 1.2586…; 2.
    const rre = callBuilt('RRE', s, JAN_1, 3, 0.5, e) as number[][];
    expect(rre[0][0]).toBe(0.5);
    expect(rre[0][1]).toBeCloseTo(1 + (0.5 * 15) / 29, 12);
    expect(rre[0][2]).toBe(2);
  });

  test('one quota for everyone beside start dates with a header', () => {
    // 10000 × 0.5 = 5000; 10000 + 10000 × 0.5 × 15/29 = 12586.21; 20000.
    expect(callBuilt('CAPACITY', 10000, starts, JAN_1, 3, 0.5)).toEqual([[5000, 12586.21, 20000]]);
  });

  test('ALLOCATEQUOTA with and without header rows, even and by weight', () => {
    const s3 = col('Start', JAN_1, JAN_1, JUL_1);
    const e3 = col('End', null, null, null);
    const w3 = col('Weight', 1, 1, 2);
    // Even: availability 1, 1, 6/12 → shares 0.4, 0.4, 0.2 of 120,000.
    expect(callBuilt('ALLOCATEQUOTA', 120000, s3, JAN_1, 12, 'even', null, null, e3)).toEqual(col(48000, 48000, 24000)); // prettier-ignore
    expect(callBuilt('ALLOCATEQUOTA', 120000, body(s3), JAN_1, 12, 'even', null, null, body(e3))).toEqual(col(48000, 48000, 24000)); // prettier-ignore
    // Weight × availability: 1, 1, 2 × 0.5 = 1 → 40,000 each.
    expect(callBuilt('ALLOCATEQUOTA', 120000, s3, JAN_1, 12, 'weight', w3, null, e3)).toEqual(col(40000, 40000, 40000)); // prettier-ignore
    expect(callBuilt('ALLOCATEQUOTA', 120000, body(s3), JAN_1, 12, 'weight', body(w3))).toEqual(col(40000, 40000, 40000)); // prettier-ignore
  });

  test('a roster column with a header beside one without is #VALUE! asking for the same rows', () => {
    expect(callBuilt('CAPACITY', quotas, body(starts), JAN_1, 3, 0.5)).toEqual({
      error: '#VALUE!',
      message: expect.stringContaining('select the same rows'),
    });
    expect(callBuilt('ALLOCATEQUOTA', 1000, col('Start', JAN_1, JAN_1), JAN_1, 12, 'weight', col(1, 2))).toEqual({
      error: '#VALUE!',
      message: expect.stringContaining('basis: 2 rows but start_dates has 3'),
    });
  });
});

describe('alignedHeader decides once for the set', () => {
  const r = (kind: 'number' | 'date' | 'text' | 'boolean', ...first: unknown[]) => ({
    kind,
    rows: [first as (string | number | boolean | null)[]],
  });
  test.each([
    [[r('number', 'Amount'), r('text', 'Stage')], true],
    [[r('number', 'Amount'), r('text', 'Qualify'), r('date', null)], true],
    [[r('number', 1000), r('text', 'Qualify')], false],
    [[r('text', 'Stage')], false], // text alone cannot tell
    [[r('number', '1,000'), r('text', 'Stage')], false], // numeric text is a value
    [[r('number', 'Amount'), r('boolean', 'TRUE')], false], // "TRUE" is a boolean value
    [[r('number', 'Amount'), r('date', 45000)], false],
    [[r('number', 0, 'Potential'), r('text', 0)], true], // 0 as Excel for desktop passes a blank
  ])('%# → %s', (ranges, want) => {
    expect(alignedHeader(ranges)).toBe(want);
  });
});
