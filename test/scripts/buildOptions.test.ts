/**
 * What the build reads from the environment: the production URL (required, normalised to one trailing "/") and
 * where Office.js comes from (the CDN; the npm copy only for OFFICE_JS=local in development).
 */
import path from 'node:path';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const opts = require('../../scripts/buildOptions.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const prod = (env: Record<string, string>) => opts.publicUrl({ production: true, env });

describe('the production URL', () => {
  it('development keeps the dev server', () => {
    expect(opts.publicUrl({ production: false, env: {} })).toBe('https://localhost:3000/');
    expect(opts.publicUrl({ production: false, env: { ADDIN_PUBLIC_URL: 'https://x.example/' } })).toBe(
      'https://localhost:3000/',
    );
  });

  it('production without ADDIN_PUBLIC_URL fails and says how to set it', () => {
    expect(() => prod({})).toThrow(/needs ADDIN_PUBLIC_URL.*ADDIN_PUBLIC_URL=https:\/\//s);
    expect(() => prod({ ADDIN_PUBLIC_URL: '  ' })).toThrow(/needs ADDIN_PUBLIC_URL/);
  });

  it('gets exactly one trailing slash', () => {
    expect(prod({ ADDIN_PUBLIC_URL: 'https://contoso.example/addin' })).toBe('https://contoso.example/addin/');
    expect(prod({ ADDIN_PUBLIC_URL: 'https://contoso.example/addin/' })).toBe('https://contoso.example/addin/');
    expect(prod({ ADDIN_PUBLIC_URL: 'https://contoso.example/addin//' })).toBe('https://contoso.example/addin/');
    expect(prod({ ADDIN_PUBLIC_URL: ' https://contoso.example ' })).toBe('https://contoso.example/');
    expect(prod({ ADDIN_PUBLIC_URL: 'https://contoso.example:8443/a/b' })).toBe('https://contoso.example:8443/a/b/');
  });

  it('refuses what Office cannot load or what is not a base address', () => {
    expect(() => prod({ ADDIN_PUBLIC_URL: 'http://contoso.example/' })).toThrow(/https/);
    expect(() => prod({ ADDIN_PUBLIC_URL: 'contoso.example/addin' })).toThrow(/not a URL/);
    expect(() => prod({ ADDIN_PUBLIC_URL: 'https://contoso.example/?v=1' })).toThrow(/plain base address/);
    expect(() => prod({ ADDIN_PUBLIC_URL: 'https://contoso.example/#x' })).toThrow(/plain base address/);
  });

  it('rewrites every dev URL of manifest.xml, with the slash between base and file', () => {
    const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const n = xml.split('https://localhost:3000/').length - 1;
    expect(n).toBeGreaterThan(5);
    const out = opts.rewriteManifest(xml, prod({ ADDIN_PUBLIC_URL: 'https://contoso.example/addin' }));
    expect(out).not.toMatch(/localhost/);
    expect(out.split('https://contoso.example/addin/').length - 1).toBe(n);
    expect(out).toContain('"https://contoso.example/addin/taskpane.html"');
    expect(out).not.toMatch(/addintaskpane|addin\/\//);
    expect(() => opts.rewriteManifest(xml, 'https://contoso.example/addin')).toThrow(/must end in/);
  });
});

describe('where Office.js comes from', () => {
  it('the CDN by default and in production', () => {
    const cdn = { src: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', local: false };
    expect(opts.officeJsSource({ production: true, env: {} })).toEqual(cdn);
    expect(opts.officeJsSource({ production: false, env: {} })).toEqual(cdn);
    expect(opts.officeJsSource({ production: true, env: { OFFICE_JS: 'cdn' } })).toEqual(cdn);
  });

  it('the npm copy with OFFICE_JS=local in development, never in production', () => {
    expect(opts.officeJsSource({ production: false, env: { OFFICE_JS: 'local' } })).toEqual({
      src: 'office-js/office.js',
      local: true,
    });
    expect(() => opts.officeJsSource({ production: true, env: { OFFICE_JS: 'local' } })).toThrow(/development only/);
    expect(() => opts.officeJsSource({ production: false, env: { OFFICE_JS: 'npm' } })).toThrow(/"cdn".*"local"/);
  });

  it('the npm copy holds what an Excel task pane loads, and the copy leaves out the rest', () => {
    const dir = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'en-us/office_strings.js']) {
      expect(fs.existsSync(path.join(dir, f))).toBe(true);
    }
    const keep = (f: string) => opts.keepOfficeJsFile(f);
    expect(
      ['office.js', 'excel-mac-16.00.js', 'en-us/office_strings.js', 'custom-functions-runtime.js'].every(keep),
    ).toBe(true);
    expect(['word-win32-16.01.js', 'office.debug.js', 'en-us/outlook_strings.js', 'office.d.ts'].some(keep)).toBe(
      false,
    );
    const listing = (d: string): string[] =>
      fs
        .readdirSync(path.join(dir, d), { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? listing(path.join(d, e.name)) : [path.join(d, e.name)]));
    const kept = listing('').filter(keep);
    const bytes = (files: string[]) => files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    // Less than half the package, and every Excel host script is in it.
    expect(bytes(kept)).toBeLessThan(bytes(listing('')) / 2);
    expect(kept.filter((f) => /^excel-.*\.js$/.test(f)).length).toBe(
      listing('').filter((f) => /^excel-(?!.*debug).*\.js$/.test(f)).length,
    );
  });
});

describe('webpack', () => {
  /** The pages configuration webpack.config.js returns for `mode` with `env` set (nothing is compiled). */
  async function pagesConfig(mode: string, env: Record<string, string | undefined>) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    for (const k of Object.keys(env)) if (env[k] === undefined) delete process.env[k];
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const configs = await require('../../webpack.config.js')({}, { mode });
      return configs.find((c: { name: string }) => c.name === 'pages');
    } finally {
      process.env = saved;
    }
  }
  const plugin = (config: { plugins: object[] }, name: string) =>
    config.plugins.filter((p) => p.constructor.name === name) as any[];

  it('OFFICE_JS=local (development): the task pane loads office-js/office.js, copied from the npm package', async () => {
    const local = await pagesConfig('development', { OFFICE_JS: 'local' });
    const taskpane = plugin(local, 'HtmlWebpackPlugin').find((h) => h.userOptions.filename === 'taskpane.html');
    expect(taskpane.userOptions.templateParameters).toEqual({ officeJs: 'office-js/office.js' });
    const copy = plugin(local, 'CopyPlugin')[0].patterns.find((p: { to: string }) => p.to === 'office-js/');
    expect(copy.context).toBe(path.dirname(require.resolve('@microsoft/office-js/dist/office.js')));
    expect(copy.filter(path.join(copy.context, 'excel-win32-16.01.js'))).toBe(true);
    expect(copy.filter(path.join(copy.context, 'word-win32-16.01.js'))).toBe(false);

    const cdn = await pagesConfig('development', { OFFICE_JS: undefined });
    const page = plugin(cdn, 'HtmlWebpackPlugin').find((h) => h.userOptions.filename === 'taskpane.html');
    expect(page.userOptions.templateParameters).toEqual({ officeJs: opts.OFFICE_JS_CDN });
    expect(plugin(cdn, 'CopyPlugin')[0].patterns.some((p: { to: string }) => p.to === 'office-js/')).toBe(false);
  });

  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  const run = (env: Record<string, string | undefined>) => {
    const e: Record<string, string | undefined> = { ...process.env, ...env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete e[k];
    // The configuration throws before anything compiles, so these runs take seconds.
    return spawnSync(process.execPath, [webpackCli, '--mode', 'production', '--config-name', 'pages'], {
      cwd: ROOT,
      env: e,
      encoding: 'utf8',
      timeout: 120000,
    });
  };

  it('refuses a production build without ADDIN_PUBLIC_URL', () => {
    const r = run({ ADDIN_PUBLIC_URL: undefined, OFFICE_JS: undefined });
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/needs ADDIN_PUBLIC_URL/);
  });

  it('refuses a production build with OFFICE_JS=local', () => {
    const r = run({ ADDIN_PUBLIC_URL: 'https://contoso.example/', OFFICE_JS: 'local' });
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/OFFICE_JS=local is for development only/);
  });
});
