/**
 * Fuzz every registered custom function through the built dist/functions.js (the contract harness) with
 * Excel-like arguments. Each call must return a valid Excel value (a finite number, text, a boolean, or a
 * rectangular 2-D array of those) or a CustomFunctions.Error with an allowed code whose message (for #VALUE! and
 * #N/A) names one of the function's arguments. Zero other exceptions.
 *
 * CI runs FUZZ_RUNS calls in all (default 20,000, fixed seed FUZZ_SEED=20261128); `npm run fuzz` runs 200,000.
 * Half the calls start from a documented sample call and replace some arguments, so deep paths are reached.
 * The slowest calls are written to test-results/fuzz-slowest.json (timings are reported, not asserted).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { type FunctionMeta, type FunctionSample, ROOT, loadBuiltFunctions, readMetadata } from '../contract/harness';
import { StubCustomFunctionsError } from '../support/customFunctionsStub';
import { excelArg } from './excelArgs';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS || 20000);
const SEED = Number(process.env.FUZZ_SEED || 20261128);
const MAX_ROWS = Number(process.env.FUZZ_MAX_ROWS || 100000);
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
      const bad = r.find((v) => !scalarOk(v));
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
