import fs from 'node:fs';
import path from 'node:path';
import { FUNCTION_MODULES, salesOpsFunctions } from '../../taskpane/playground/registry';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FILES = require('../../functions/files.cjs') as string[];

/** `@customfunction NAME` → the name of the exported function its JSDoc documents, per file. */
function declared(file: string): { id: string; exportName: string }[] {
  const src = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const out: { id: string; exportName: string }[] = [];
  const re = /@customfunction\s+([A-Za-z0-9_.]+)[\s\S]*?\*\/\s*export\s+(?:async\s+)?function\s+([A-Za-z0-9_$]+)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push({ id: m[1].toUpperCase(), exportName: m[2] });
  return out;
}

describe('playground function registry', () => {
  it('imports every module listed in functions/files.cjs', () => {
    expect(Object.keys(FUNCTION_MODULES).sort()).toEqual(FILES.map((f) => path.basename(f, '.ts')).sort());
  });

  it('registers every @customfunction under its JSDoc name, bound to the very function Excel calls', () => {
    const registered = salesOpsFunctions();
    let count = 0;
    for (const file of FILES) {
      const mod = FUNCTION_MODULES[path.basename(file, '.ts')];
      for (const { id, exportName } of declared(file)) {
        count++;
        const fn = registered[`SALESOPS.${id}`];
        // A failure here names the export: add it to ALIASES in taskpane/playground/registry.ts.
        expect({ id, exportName, same: fn === mod[exportName] }).toEqual({ id, exportName, same: true });
      }
    }
    // VERSION and ROUNDMONEY at least (general.ts).
    expect(count).toBeGreaterThanOrEqual(2);
  });
});
