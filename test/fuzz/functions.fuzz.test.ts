/**
 * Fuzz every registered custom function through the built dist/functions.js (the contract harness) with
 * Excel-like arguments. Each call must return a valid Excel value (a finite number, text, a boolean, or a
 * rectangular 2-D array of those) or a CustomFunctions.Error with an allowed code whose message (for #VALUE! and
 * #N/A) names one of the function's arguments. Zero other exceptions.
 *
 * CI runs FUZZ_RUNS calls in all (default 20,000, fixed seed FUZZ_SEED=20261128); `npm run fuzz` runs 200,000.
 * Half the calls start from a documented sample call and replace some arguments, so deep paths are reached.
 * The slowest calls are written to test-results/fuzz-slowest.json (timings are reported, not asserted).
 *
 * The size dimension: every range argument of a documented sample call replaced by an empty range (blank cells) and
 * by one cell; and every case of bench/limitCases.ts, at each function's documented limit (a value, not an error)
 * and just past it (#NUM! with a message naming the argument and the limit). The calls at the limits take minutes
 * in this `vm` context (cross-context arrays), so they run with FUZZ_LIMITS=1 or `npm run fuzz` (FUZZ_RUNS ≥
 * 100,000) and are listed as skipped otherwise; the cases past the limits always run. Whether a call at the limit
 * answers within 2 s is checked by `npm run bench limits` (the bundle in Node's own context), not here.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { type FunctionMeta, type FunctionSample, ROOT, loadBuiltFunctions, readMetadata } from '../contract/harness';
import { StubCustomFunctionsError } from '../support/customFunctionsStub';
import { excelArg } from './excelArgs';
import { limitCases } from '../../bench/limitCases';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS || 20000);
const SEED = Number(process.env.FUZZ_SEED || 20261128);
const MAX_ROWS = Number(process.env.FUZZ_MAX_ROWS || 100000);
const AT_LIMITS = process.env.FUZZ_LIMITS === '1' || TOTAL_RUNS >= 100_000;
const ALLOWED_CODES = new Set(['#VALUE!', '#N/A', '#NUM!']);

const meta = readMetadata();
const built = loadBuiltFunctions();
const sampleDir = path.join(__dirname, '..', 'contract', 'samples');
const samples: FunctionSample[] = fs
  .readdirSync(sampleDir)
  .filter((f) => f.endsWith('.ts'))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .flatMap((f) => (require(path.join(sampleDir, f)) as { samples: FunctionSample[] }).samples);

const slowest: { id: string; ms: number; shape: string }[] = [];

function shapeOf(args: unknown[]): string {
  return args
    .map((a) =>
      Array.isArray(a) ? `${a.length}x${Array.isArray(a[0]) ? a[0].length : '?'}` : JSON.stringify(a)?.slice(0, 20),
    )
    .join(', ');
}

/** Checks one result; returns a description of what is wrong, or undefined when it is valid. */
function problem(f: FunctionMeta, result: unknown): string | undefined {
  if (result instanceof StubCustomFunctionsError) {
    if (!ALLOWED_CODES.has(result.code)) return `error code ${result.code} is not allowed`;
    if (result.code === '#NUM!') return undefined;
    const msg = (result.message ?? '').toLowerCase();
    if (!msg) return `${result.code} without a message`;
    const names = f.parameters.map((p) => p.name.toLowerCase());
    if (!names.some((n) => msg.includes(n)))
      return `${result.code} message does not name an argument: "${result.message}"`;
    return undefined;
  }
  const scalarOk = (v: unknown) =>
    (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean';
  if (Array.isArray(result)) {
    if (result.length === 0) return 'empty array';
    if (!result.every((r) => Array.isArray(r))) return 'not a 2-D array';
    const w = (result[0] as unknown[]).length;
    if (w === 0) return 'empty row';
    for (const r of result as unknown[][]) {
      if (r.length !== w) return 'ragged array';
      // An error in one cell of a spill (ROUTE's unroutable record) is #N/A with the reason as its message.
      const cellError = (v: unknown) => v instanceof StubCustomFunctionsError && v.code === '#N/A' && !!v.message;
      const bad = r.find((v) => !scalarOk(v) && !cellError(v));
      if (bad !== undefined || r.some((v) => v === undefined)) return `invalid cell ${String(bad)}`;
    }
    return undefined;
  }
  return scalarOk(result) ? undefined : `invalid value ${String(result)}`;
}

const fns = meta.functions.filter((f) => f.parameters.length > 0);
const runsPer = Math.max(50, Math.ceil(TOTAL_RUNS / Math.max(1, fns.length)));

describe(`fuzz: ${TOTAL_RUNS} Excel-like calls through dist/functions.js (seed ${SEED})`, () => {
  afterAll(() => {
    slowest.sort((a, b) => b.ms - a.ms);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, 'test-results', 'fuzz-slowest.json'),
      JSON.stringify(slowest.slice(0, 20), null, 2),
    );
  });

  test.each(fns.map((f): [string, FunctionMeta] => [f.id, f]))('%s', (id, f) => {
    const fn = built.associations.get(id)!;
    const own = samples.filter((s) => s.id === id);
    const n = f.parameters.length;
    const fresh = fc.array(excelArg(MAX_ROWS), { minLength: n, maxLength: n });
    const mutated =
      own.length === 0
        ? fresh
        : fc
            .tuple(fc.constantFrom(...own), fresh, fc.array(fc.boolean(), { minLength: n, maxLength: n }))
            .map(([s, rnd, keep]) =>
              Array.from({ length: n }, (_, i) => (keep[i] && i < s.args.length ? s.args[i] : rnd[i])),
            );
    const omitted = (args: unknown[]) => args.map((a, i) => (f.parameters[i].optional && a === null ? null : a));
    fc.assert(
      fc.property(fc.oneof(fresh, mutated).map(omitted), (args) => {
        const t0 = performance.now();
        let result: unknown;
        try {
          result = fn(...args);
        } catch (e) {
          throw new Error(`${id}(${shapeOf(args)}) threw ${String(e)}`);
        }
        const ms = performance.now() - t0;
        if (ms > 50) slowest.push({ id, ms: Math.round(ms), shape: shapeOf(args) });
        const p = problem(f, result);
        if (p) throw new Error(`${id}(${shapeOf(args)}): ${p}`);
      }),
      { seed: SEED, numRuns: runsPer, endOnFailure: true },
    );
  });
});

describe('fuzz: the size dimension through dist/functions.js', () => {
  const sampleFor = (id: string): FunctionSample | undefined => {
    const own = samples.filter((x) => x.id === id);
    return own.find((x) => !(typeof x.expect === 'object' && x.expect !== null && 'error' in x.expect)) ?? own[0];
  };
  const ranged = fns.flatMap((f) =>
    f.parameters.flatMap((p, i): [string, FunctionMeta, number][] =>
      p.dimensionality === 'matrix' && sampleFor(f.id) ? [[`${f.id}(${p.name})`, f, i]] : [],
    ),
  );

  test.each(ranged)('%s: an empty range and a one-cell range give a valid value or error', (_, f, i) => {
    const fn = built.associations.get(f.id)!;
    const base = sampleFor(f.id)!.args;
    const given = base[i];
    const first = Array.isArray(given) ? (given as unknown[][]).flat().find((c) => c !== null && c !== '') : given;
    for (const v of [[[null]], [['']], [[first ?? 1]]]) {
      const args = f.parameters.map((_p, k) => (k === i ? v : (base[k] ?? null)));
      let result: unknown;
      try {
        result = fn(...args);
      } catch (e) {
        throw new Error(`${f.id}(${shapeOf(args)}) threw ${String(e)}`);
      }
      const p = problem(f, result);
      if (p) throw new Error(`${f.id}(${shapeOf(args)}): ${p}`);
    }
  });

  const sized = (kind: 'limit' | 'past') =>
    limitCases
      .filter((c) => c.kind === kind)
      .map((c): [string, string, string, (typeof limitCases)[number]] => [c.fn, c.what, c.kind, c]);
  const checkSized = (id: string, _what: string, kind: string, c: (typeof limitCases)[number]) => {
    const f = meta.functions.find((x) => x.id === id)!;
    const result = built.associations.get(id)!(...c.args());
    expect(problem(f, result)).toBeUndefined();
    if (kind === 'limit') {
      expect(result instanceof StubCustomFunctionsError ? `${result.code} ${result.message ?? ''}` : 'a value').toBe(
        'a value',
      );
    } else {
      expect(result).toBeInstanceOf(StubCustomFunctionsError);
      const e = result as StubCustomFunctionsError;
      expect(e.code).toBe('#NUM!');
      // The message names the limit ("at most N …") and an argument of the function.
      expect(e.message).toMatch(/: at most [\d,]+ .+, got [\d,]+\. \S/);
      expect(f.parameters.some((p) => (e.message ?? '').startsWith(`${p.name}:`))).toBe(true);
    }
  };
  test.each(sized('past'))('%s, %s: refused (%s)', checkSized);
  const atLimits = AT_LIMITS
    ? 'at the limits'
    : 'at the limits [skipped: minutes in this vm context; FUZZ_LIMITS=1 or npm run fuzz runs them, as .ci/run does]';
  describe(atLimits, () => {
    (AT_LIMITS ? test : test.skip).each(sized('limit'))('%s, %s: a value (%s)', checkSized);
  });
});
