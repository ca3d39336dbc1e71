/**
 * What ships: no code from strings in the production bundles, a Content-Security-Policy on every page, nothing
 * loaded from other origins but Office.js, least privilege in the manifest, and no cell text rendered as HTML.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensurePagesBuilt } from '../e2e/browser';
import { ROOT } from '../contract/harness';

jest.setTimeout(900_000);

const DIST = path.join(ROOT, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

beforeAll(() => ensurePagesBuilt());

const files = (ext: string) => fs.readdirSync(DIST).filter((f) => f.endsWith(ext));

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

// chevrotain (the playground's formula parser, via fast-formula-parser) carries an unused code-generation helper,
// `generateParserFactory`, built on new Function; the playground never calls it, and its CSP (no 'unsafe-eval')
// would refuse it if anything did. It is the one occurrence allowed, and only in the playground bundle.
const CHEVROTAIN_CODEGEN = /new Function\("tokenVocabulary","config","chevrotain",\w+\)/g;

// exceljs (the playground's Open/Download chunk, loaded on demand) bundles the setImmediate polyfill, whose branch for
// a string argument builds a function from it; exceljs only passes functions, and the playground's CSP (no
// 'unsafe-eval') would refuse it anyway. Allowed once per on-demand chunk; never in functions.js, taskpane.js or
// playground.js.
const SETIMMEDIATE_STRING = /"function"!=typeof (\w+)&&\(\1=new Function\(""\+\1\)\)/g;

test('the production bundles contain no eval and no new Function', () => {
  const js = files('.js');
  expect(js).toEqual(expect.arrayContaining(['functions.js', 'taskpane.js', 'playground.js']));
  for (const f of js) {
    let code = fs.readFileSync(path.join(DIST, f), 'utf8');
    if (f === 'playground.js') {
      expect(code.match(CHEVROTAIN_CODEGEN)?.length ?? 0).toBeLessThanOrEqual(1);
      code = code.replace(CHEVROTAIN_CODEGEN, '');
    }
    // the polyfill rides in a vendor chunk only: the entry bundles have none
    const entry = ['functions.js', 'taskpane.js', 'playground.js'].includes(f);
    expect({ f, setImmediate: code.match(SETIMMEDIATE_STRING)?.length ?? 0 }).toEqual({
      f,
      setImmediate: entry ? 0 : expect.any(Number),
    });
    expect(code.match(SETIMMEDIATE_STRING)?.length ?? 0).toBeLessThanOrEqual(1);
    code = code.replace(SETIMMEDIATE_STRING, '');
    expect({ f, evalCall: /(^|[^.\w$])eval\s*\(/.test(code) }).toEqual({ f, evalCall: false });
    expect({ f, newFunction: /new\s+Function\s*\(/.test(code) }).toEqual({ f, newFunction: false });
  }
});

test.each([['taskpane.html'], ['playground.html']])(
  '%s has a CSP with default-src self and no remote script but Office.js',
  (page) => {
    const html = fs.readFileSync(path.join(DIST, page), 'utf8');
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0], d.slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).not.toContain("'unsafe-eval'");
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['object-src']).toEqual(["'none'"]);
    for (const src of directives['script-src'] ?? []) {
      expect(["'self'", "'wasm-unsafe-eval'", 'https://appsforoffice.microsoft.com']).toContain(src);
    }
    // Every <script src> and <link href> is our own file, or Office.js.
    const refs = [...html.matchAll(/<(?:script|link)[^>]+?(?:src|href)=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const url of refs) {
      expect(url === OFFICE_JS || !/^[a-z]+:\/\//i.test(url)).toBe(true);
    }
    expect(html).not.toMatch(/fonts\.googleapis|cdn\.|unpkg|jsdelivr/);
  },
);

test('manifest: ReadWriteDocument only, no extra AppDomains', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  expect(manifest.match(/<Permissions>([^<]+)<\/Permissions>/)?.[1]).toBe('ReadWriteDocument');
  expect(manifest).not.toMatch(/<AppDomain>/);
});

test('no cell text is rendered as HTML anywhere in the task pane or the playground', () => {
  const sources = walk(path.join(ROOT, 'taskpane'));
  expect(sources.length).toBeGreaterThan(10);
  for (const f of sources) {
    const code = fs.readFileSync(f, 'utf8');
    expect({
      f,
      html: /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(code),
    }).toEqual({
      f,
      html: false,
    });
  }
});

test('user formulas are evaluated in one place: mathjs only in src/shared/expression.ts, no eval or new Function', () => {
  const importers: string[] = [];
  for (const f of [
    ...walk(path.join(ROOT, 'src')),
    ...walk(path.join(ROOT, 'functions')),
    ...walk(path.join(ROOT, 'taskpane')),
  ]) {
    const code = fs.readFileSync(f, 'utf8');
    expect({ f, dynamic: /(^|[^.\w$])eval\s*\(|new\s+Function\s*\(/.test(code) }).toEqual({ f, dynamic: false });
    if (/from ['"]mathjs(\/[\w/]+)?['"]/.test(code)) importers.push(path.relative(ROOT, f));
  }
  expect(importers).toEqual([path.join('src', 'shared', 'expression.ts')]);
});

test('mathjs ships in functions.js and taskpane.js (plan formulas), locked down, with no code from strings', () => {
  for (const f of ['functions.js', 'taskpane.js']) {
    const code = fs.readFileSync(path.join(DIST, f), 'utf8');
    // the locked-down instance (our message) and mathjs' parser (one of its messages) are both in the bundle
    expect({ f, lockedDown: code.includes('is disabled in plan formulas') }).toEqual({ f, lockedDown: true });
    expect({ f, parser: code.includes('Parenthesis ) expected') }).toEqual({ f, parser: true });
    // only the number factories: the classes of matrices and units are not in the bundle (their constructors'
    // messages would be); `typed` still names their types in its type list, which is harmless
    for (const absent of ['DenseMatrix constructor must be called', 'Unit constructor must be called']) {
      expect({ f, absent, found: code.includes(absent) }).toEqual({ f, absent, found: false });
    }
  }
});
