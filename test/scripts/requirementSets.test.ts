/**
 * manifest.xml declares the Excel API requirement set the add-in needs, and the declaration stays true: every
 * Office.js API the task pane and the functions call (found with TypeScript's type checker, not by text search)
 * is looked up in @types/office-js, whose doc comment names its set ("[Api set: ExcelApi 1.7]"); the highest
 * set of an unconditional call must be the one manifest.xml declares. Excel that lacks it then never offers the
 * add-in, instead of failing in the middle of a write.
 *
 * A call above the declared set is allowed only when it is conditional: listed in CONDITIONAL with its set, and
 * guarded in its file by `Office.context.requirements.isSetSupported('ExcelApi', '<version>')`, or by the Excel
 * adapter's `supportsExcelApi('<version>')` (with a fallback for older Excel). An Excel member whose doc comment names no set must be in UNTAGGED (with the set its docs page
 * gives) or be one of the runtime members every set has (load, items, …); the common Office API (Office.onReady,
 * Office.context, …) needs no Excel set.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const OFFICE_TYPES = path.join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');

/**
 * APIs above the manifest's set that the code calls only after checking the set at run time, with that set.
 * Example (the Share wizard's spill check): 'Excel.Range.getSpillingToRangeOrNullObject': 'ExcelApi 1.12'.
 */
const CONDITIONAL: Record<string, string> = {
  // Spill areas for the Share wizard's scan; a host without 1.12 has no dynamic arrays, so nothing spills there.
  'Excel.Range.getSpillingToRangeOrNullObject': 'ExcelApi 1.12',
};

/** Excel APIs whose doc comment in @types/office-js names no set, with the set their reference page gives. */
const UNTAGGED: Record<string, string> = {
  'Excel.run': 'ExcelApi 1.1',
  'Excel.RequestContext.workbook': 'ExcelApi 1.1',
};

/** Members of every Excel object or collection, from the OfficeExtension runtime of ExcelApi 1.1. */
const RUNTIME_MEMBERS = new Set(['load', 'items', 'toJSON', 'track', 'untrack', 'context', 'isNullObject', 'sync']);

/** Where Office.js is called: the task pane (with its workbook adapters) and the custom functions. */
function callerFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of ['taskpane', 'functions']) walk(path.join(ROOT, d));
  return out;
}

interface Use {
  api: string;
  set: string | undefined;
  file: string;
}

/** Every use of a member declared in @types/office-js's Excel namespace, with its set (see UNTAGGED). */
function officeApiUses(files: string[]): Use[] {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        let symbol = checker.getSymbolAtLocation(node.name);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const decl = symbol?.declarations?.[0];
        if (decl && path.resolve(decl.getSourceFile().fileName) === OFFICE_TYPES) {
          const owner = ownerName(decl);
          if (/^Excel\b/.test(owner)) {
            const remarks = ts
              .getJSDocTags(decl)
              .map((t) => (typeof t.comment === 'string' ? t.comment : (ts.getTextOfJSDocComment(t.comment) ?? '')))
              .join('\n');
            const api = `${owner}.${node.name.text}`;
            const set =
              /\[Api set: (ExcelApi [\d.]+)\]/.exec(remarks)?.[1] ??
              UNTAGGED[api] ??
              (RUNTIME_MEMBERS.has(node.name.text) ? 'ExcelApi 1.1' : undefined);
            uses.push({ api, set, file: path.relative(ROOT, sf.fileName) });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** "Excel.NamedItem" for a member of class NamedItem in namespace Excel. */
function ownerName(decl: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
    if ((ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isModuleDeclaration(n)) && n.name) {
      names.unshift(n.name.text);
    }
  }
  return names.join('.');
}

const version = (set: string) => set.split(' ')[1].split('.').map(Number);
const compare = (a: string, b: string) => {
  const [x, y] = [version(a), version(b)];
  return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
};

function declaredExcelApi(): string | undefined {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const sets = /<Requirements>\s*<Sets[^>]*>([\s\S]*?)<\/Sets>/.exec(xml)?.[1] ?? '';
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"\s*\/>/.exec(sets);
  return m ? `ExcelApi ${m[1]}` : undefined;
}

describe('Excel API requirement set', () => {
  const uses = officeApiUses(callerFiles());

  it('finds the Excel APIs the adapter calls, with their documented sets', () => {
    const byApi = new Map(uses.map((u) => [u.api, u.set]));
    // A few fixed points: if these are not found, the scan is broken and would pass anything.
    expect(byApi.get('Excel.run')).toBe('ExcelApi 1.1');
    expect(byApi.get('Excel.WorksheetCollection.getItemOrNullObject')).toBe('ExcelApi 1.4');
    expect(byApi.get('Excel.Table.convertToRange')).toBe('ExcelApi 1.2');
    expect(byApi.get('Excel.NamedItem.formula')).toBe('ExcelApi 1.7');
    expect(uses.filter((u) => u.file === path.join('taskpane', 'workbook', 'excel.ts')).length).toBeGreaterThan(40);
  });

  it('knows the set of every Excel API called (add a new one without a documented set to UNTAGGED)', () => {
    expect(uses.filter((u) => u.set === undefined).map((u) => `${u.api} (${u.file})`)).toEqual([]);
  });

  it('manifest.xml declares the highest set of an unconditional call', () => {
    const needed = uses
      .filter((u) => !(u.api in CONDITIONAL))
      .reduce<Use | undefined>((hi, u) => (hi && compare(hi.set!, u.set!) >= 0 ? hi : u), undefined);
    expect(needed).toBeDefined();
    expect({ declared: declaredExcelApi() }).toEqual({ declared: needed!.set });
  });

  it('calls above the declared set are conditional, listed and guarded', () => {
    const declared = declaredExcelApi()!;
    for (const u of uses) {
      if (compare(u.set!, declared) <= 0) continue;
      expect({ api: u.api, set: u.set, listed: CONDITIONAL[u.api] }).toEqual({
        api: u.api,
        set: u.set,
        listed: u.set,
      });
      const source = fs.readFileSync(path.join(ROOT, u.file), 'utf8');
      const [name, v] = u.set!.split(' ');
      // the guard: Office's own call, or the Excel adapter's injectable host (`supportsExcelApi`), which calls it
      const guarded =
        source.includes(`isSetSupported('${name}', '${v}')`) ||
        (name === 'ExcelApi' &&
          source.includes(`supportsExcelApi('${v}')`) &&
          source.includes("isSetSupported('ExcelApi', version)"));
      expect({ file: u.file, guarded }).toEqual({
        file: u.file,
        guarded: true,
      });
    }
    for (const set of Object.values(CONDITIONAL)) expect(compare(set, declared)).toBeGreaterThan(0);
  });
});
