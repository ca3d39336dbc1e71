/**
 * Function contract: what Excel loads (dist/functions.js + dist/functions.json) agrees with itself, with the
 * declarations in functions/catalog.ts, and with the documented sample values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type FunctionMeta, type FunctionSample, ROOT, loadBuiltFunctions, readMetadata } from './harness';
import { isExcelError } from '../support/customFunctionsStub';

import { SALESOPS_FUNCTIONS } from '../../functions/catalog';
import { functionsJson } from '../../functions/declaration';

function allSamples(): FunctionSample[] {
  const dir = path.join(__dirname, 'samples');
  return (
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      .flatMap((f) => (require(path.join(dir, f)) as { samples: FunctionSample[] }).samples)
  );
}

const meta = readMetadata();
const built = loadBuiltFunctions();
const samples = allSamples();

describe('dist/functions.js registers exactly the functions of dist/functions.json', () => {
  const ids = meta.functions.map((f) => f.id).sort();

  test('every id in functions.json is associated, and nothing else', () => {
    expect([...built.associations.keys()].sort()).toEqual(ids);
    expect(built.duplicates).toEqual([]);
  });

  test('negative control: a bundle with one association removed is caught', () => {
    // The bundle registers in one loop over the declarations; the stripped bundle skips the first one.
    const skipFirst = (code: string) =>
      code.replace(
        /CustomFunctions\.associate\(/,
        '((id,fn)=>id===' + JSON.stringify(ids[0]) + '||CustomFunctions.associate(id,fn))(',
      );
    expect(skipFirst('CustomFunctions.associate(a,b)')).not.toBe('CustomFunctions.associate(a,b)');
    const stripped = loadBuiltFunctions(skipFirst);
    expect(stripped.associations.size).toBe(ids.length - 1);
  });

  test('ids are unique and upper case', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9.]*$/);
  });

  test.each(meta.functions.map((f): [string, FunctionMeta] => [f.id, f]))(
    '%s: declared parameter count matches the implementation',
    (id, f) => {
      const fn = built.associations.get(id);
      expect(typeof fn).toBe('function');
      // Implementations declare every parameter without default values, so Function.length is the full count.
      expect(fn!.length).toBe(f.parameters.length);
      // Optional parameters come last (Excel's rule), and every parameter has a description.
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(f.parameters.slice(firstOptional).every((p) => p.optional || p.repeating)).toBe(true);
      for (const p of f.parameters) {
        expect(['any', 'number', 'string', 'boolean']).toContain(p.type ?? 'any');
        expect((p as { description?: string }).description ?? '').not.toBe('');
      }
      expect(f.description ?? '').not.toBe('');
    },
  );

  test('functions.js touches nothing but CustomFunctions (no window, document, Office)', () => {
    const code = fs.readFileSync(path.join(ROOT, 'dist', 'functions.js'), 'utf8');
    expect(code).not.toMatch(/\b(window|document|Office)\s*\./);
    expect(code).not.toMatch(/\beval\s*\(|new Function\s*\(/);
  });
});

describe('functions.json is generated, never hand-written', () => {
  test('regenerating the metadata from the declarations in functions/ gives dist/functions.json exactly', () => {
    const text = fs.readFileSync(path.join(ROOT, 'dist', 'functions.json'), 'utf8');
    expect(functionsJson(SALESOPS_FUNCTIONS)).toBe(text);
    expect(JSON.parse(text)).toEqual(meta);
  });

  test('functions/index.ts registers the declarations of functions/catalog.ts', () => {
    const index = fs.readFileSync(path.join(ROOT, 'functions', 'index.ts'), 'utf8');
    expect(index).toContain(`import { SALESOPS_FUNCTIONS } from './catalog';`);
    expect(index).toContain('CustomFunctions.associate(f.name, f.fn)');
  });
});

describe('docs/functions.md documents every function', () => {
  test('each id has a "### SALESOPS.<ID>(" heading whose parameters are the metadata parameters, in order', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'functions.md'), 'utf8');
    const problems: string[] = [];
    for (const f of meta.functions) {
      const m = new RegExp(`^###\\s+\`?SALESOPS\\.${f.id}\\(([^)]*)\\)`, 'm').exec(doc);
      if (!m) {
        problems.push(`${f.id}: no heading`);
        continue;
      }
      const documented = m[1]
        .split(',')
        .map((p) => p.trim().replace(/^\[|\]$/g, ''))
        .filter((p) => p !== '');
      const declared = f.parameters.map((p) => p.name);
      if (documented.join(',') !== declared.join(',')) {
        problems.push(`${f.id}: documented (${documented.join(', ')}) but declared (${declared.join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('documented sample calls through dist/functions.js', () => {
  test('every function has at least one sample', () => {
    const covered = new Set(samples.map((s) => s.id));
    expect(meta.functions.map((f) => f.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  test.each(samples.map((s): [string, string, FunctionSample] => [s.id, s.what, s]))('%s: %s', async (id, _what, s) => {
    const fn = built.associations.get(id);
    expect(fn).toBeDefined();
    const params = meta.functions.find((f) => f.id === id)!.parameters;
    // Excel passes every declared parameter; omitted optional ones arrive as null.
    const args = [...s.args];
    while (args.length < params.length) args.push(null);
    const got = await Promise.resolve(fn!(...args));
    const want = s.expect as { error?: string; messageIncludes?: string };
    if (want !== null && typeof want === 'object' && !Array.isArray(want) && typeof want.error === 'string') {
      expect(isExcelError(got)).toBe(true);
      expect((got as { code: string }).code).toBe(want.error);
      if (want.messageIncludes) expect((got as { message?: string }).message ?? '').toContain(want.messageIncludes);
    } else {
      expect(
        isExcelError(got) ? `error ${(got as { code: string }).code}: ${(got as { message?: string }).message}` : got,
      ).toEqual(approx(s.expect));
    }
  });
});

/** Numbers compared to 1e-9 relative; arrays element by element. */
function approx(v: unknown): unknown {
  if (typeof v === 'number')
    return expect.closeTo(v, Math.max(0, 9 - Math.floor(Math.log10(Math.max(Math.abs(v), 1e-3)))));
  if (Array.isArray(v)) return v.map(approx);
  return v;
}
