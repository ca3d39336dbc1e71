/**
 * Custom document properties (File › Info › Properties › Custom in Excel; docProps/custom.xml in the file), which
 * exceljs neither reads nor writes: added to the bytes exceljs wrote, keeping the input file's own custom
 * properties (exceljs drops them on reading).
 */
import JSZip from 'jszip';

/** A custom property's value: text, a number, a yes/no or a date-time. */
export type PropertyValue = string | number | boolean | Date;

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
/** The format id every user-defined custom property carries. */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[ch]};`);
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!); // prettier-ignore
}

function typedValue(v: PropertyValue): string {
  if (v instanceof Date) return `<vt:filetime>${v.toISOString().replace(/\.\d{3}Z$/, 'Z')}</vt:filetime>`;
  if (typeof v === 'boolean') return `<vt:bool>${v ? 'true' : 'false'}</vt:bool>`;
  if (typeof v === 'number') {
    return Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? `<vt:i4>${v}</vt:i4>` : `<vt:r8>${v}</vt:r8>`;
  }
  return `<vt:lpwstr>${escapeXml(v)}</vt:lpwstr>`;
}

/** The `<property>` elements of a custom.xml part, by name (their typed value kept as written). */
function readProperties(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/property>/g)) {
    out.set(unescapeXml(m[1]), m[2]);
  }
  return out;
}

/** The custom properties stored in an xlsx file's bytes, as name → text of the value (for tests and reports). */
export async function readCustomProperties(file: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file(CUSTOM_PART)?.async('string');
  const out: Record<string, string> = {};
  for (const [name, inner] of readProperties(xml ?? '')) out[name] = unescapeXml(inner.replace(/<[^>]*>/g, ''));
  return out;
}

/**
 * `file` (xlsx bytes) with custom properties `props` set, after those of `keepFrom` (the input file's bytes), whose
 * values of the same names are replaced.
 */
export async function addCustomProperties(
  file: Buffer,
  props: Record<string, PropertyValue>,
  keepFrom?: Buffer,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const kept = keepFrom ? await JSZip.loadAsync(keepFrom).then((z) => z.file(CUSTOM_PART)?.async('string')) : undefined;
  const all = readProperties(kept ?? (await zip.file(CUSTOM_PART)?.async('string')) ?? '');
  for (const [name, v] of Object.entries(props)) all.set(name, typedValue(v));
  let pid = 2;
  const body = [...all]
    .map(([name, inner]) => `<property fmtid="${FMTID}" pid="${pid++}" name="${escapeXml(name)}">${inner}</property>`)
    .join('');
  zip.file(
    CUSTOM_PART,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${body}</Properties>`,
  );
  const typesXml = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (!typesXml.includes(`PartName="/${CUSTOM_PART}"`)) {
    zip.file(
      '[Content_Types].xml',
      typesXml.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`),
    );
  }
  const relsXml = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  if (!relsXml.includes(CUSTOM_REL)) {
    const ids = [...relsXml.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    zip.file(
      '_rels/.rels',
      relsXml.replace('</Relationships>', `<Relationship Id="${id}" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`), // prettier-ignore
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
