// Validates manifest.xml (or the file given) offline against Microsoft's XSD schemas, with xmllint compiled to
// WebAssembly (no system package needed). Exits 1 when invalid. The schemas are the read-only input in
// ../shared/manifest-schemas beside the checkout; a clone made elsewhere (e.g. under mktemp) looks beside the
// repository it was cloned from (its local "origin"); MANIFEST_SCHEMAS overrides both.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = path.resolve(process.argv[2] || path.join(root, 'manifest.xml'));

/** The local path of the repository this checkout was cloned from, if any. */
function originDir() {
  try {
    const url = execFileSync('git', ['-C', root, 'remote', 'get-url', 'origin'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dir = url.startsWith('file://') ? fileURLToPath(url) : url;
    return path.isAbsolute(dir) && fs.existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

const beside = (dir) => path.join(dir, '..', 'shared', 'manifest-schemas');
const hasSchemas = (dir) => fs.existsSync(path.join(dir, 'OfficeAppManifestV1_1.xsd'));
function findSchemas() {
  if (process.env.MANIFEST_SCHEMAS) return process.env.MANIFEST_SCHEMAS;
  if (hasSchemas(beside(root))) return beside(root);
  const origin = originDir();
  return origin && hasSchemas(beside(origin)) ? beside(origin) : beside(root);
}
const schemaDir = path.resolve(findSchemas());

if (!hasSchemas(schemaDir)) {
  console.error(
    `validate: no schemas in ${schemaDir} (set MANIFEST_SCHEMAS to the folder holding OfficeAppManifestV1_1.xsd)`,
  );
  process.exit(2);
}
const schemas = fs
  .readdirSync(schemaDir)
  .filter((f) => f.endsWith('.xsd'))
  .sort((a, b) => (a === 'OfficeAppManifestV1_1.xsd' ? -1 : b === 'OfficeAppManifestV1_1.xsd' ? 1 : a.localeCompare(b)))
  .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), 'utf8') }));

const result = await validateXML({
  xml: [{ fileName: path.basename(manifestPath), contents: fs.readFileSync(manifestPath, 'utf8') }],
  schema: schemas[0],
  preload: schemas.slice(1),
});
if (!result.valid) {
  for (const e of result.errors) console.error(e.rawMessage ?? e.message ?? String(e));
  console.error(`validate: ${path.relative(process.cwd(), manifestPath)} is NOT valid`);
  process.exit(1);
}
console.log(
  `validate: ${path.relative(process.cwd(), manifestPath) || manifestPath} is valid against ${schemas.length} schemas`,
);
