/* eslint-env node */
// Writes dist/functions.json from the function declarations (functions/catalog.ts), for webpack's functions build.
// The declarations are TypeScript, so esbuild bundles them (npm packages stay external and load from
// node_modules) into a module evaluated here; `functionsJson` (functions/declaration.ts) turns them into the text.
// A declaration list with problems (a duplicate name, a required parameter after an optional one…) fails the build.
const path = require('path');
const Module = require('module');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = [
  "export { SALESOPS_FUNCTIONS } from './functions/catalog';",
  "export { checkDeclarations, functionsJson } from './functions/declaration';",
].join('\n');

/** Loads the declarations afresh; returns the functions.json text, the problems and the source files read. */
function loadFunctionsJson() {
  const out = esbuild.buildSync({
    stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: 'functions-json-entry.ts', loader: 'ts' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = path.join(ROOT, 'functions', '.functions-json-entry.cjs');
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(out.outputFiles[0].text, file);
  const { SALESOPS_FUNCTIONS, checkDeclarations, functionsJson } = m.exports;
  const inputs = Object.keys(out.metafile.inputs)
    .filter((f) => !f.includes('node_modules') && !f.startsWith('<stdin>'))
    .map((f) => path.resolve(ROOT, f));
  return { json: functionsJson(SALESOPS_FUNCTIONS), problems: checkDeclarations(SALESOPS_FUNCTIONS), inputs };
}

class FunctionsJsonPlugin {
  constructor(options = {}) {
    this.output = options.output || 'functions.json';
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FunctionsJsonPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionsJsonPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          let result;
          try {
            result = loadFunctionsJson();
          } catch (e) {
            compilation.errors.push(new WebpackError(`functions.json: ${e instanceof Error ? e.message : e}`));
            return;
          }
          for (const f of result.inputs) compilation.fileDependencies.add(f);
          if (result.problems.length > 0) {
            compilation.errors.push(new WebpackError(`functions.json: ${result.problems.join('; ')}`));
            return;
          }
          compilation.emitAsset(this.output, new sources.RawSource(result.json));
        },
      );
    });
  }
}

module.exports = { FunctionsJsonPlugin, loadFunctionsJson };
