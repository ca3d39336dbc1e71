/**
 * The file checks of `npm run share`, all made before anything is written: the input must be a readable xlsx
 * workbook (not missing, not a folder, not encrypted, not a legacy .xls); the output must end in .xlsx, sit in an
 * existing folder, not be the input file (compared by real path and by file identity, so links and `./` spellings
 * are caught), and not exist unless `--force` is given. The copy is written to a temporary file beside the output
 * and renamed over it, so a failure leaves no half-written file.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

/** A refusal: the message says what is wrong and what to do. */
export class ShareRefusal extends Error {
  override readonly name = 'ShareRefusal';
}

/** The first bytes of an OLE compound file: an encrypted xlsx, or a legacy .xls/.doc. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The first bytes of a zip package (an xlsx is one). */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The stream an encrypted Office file (ECMA-376 agile or standard encryption) stores its key data in. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** True when `bytes` are an OLE compound file holding an encrypted Office document. */
export function isEncryptedOffice(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(OLE_MAGIC) && bytes.includes(ENCRYPTION_INFO);
}

/** Reads the input workbook's bytes, refusing what is not an xlsx workbook. */
export async function readInput(file: string): Promise<Buffer> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ShareRefusal(`${file} does not exist. Give the path of an .xlsx workbook.`);
  }
  if (stat.isDirectory()) throw new ShareRefusal(`${file} is a folder, not an .xlsx workbook.`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new ShareRefusal(`${file} cannot be read (${(e as Error).message}).`);
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (isEncryptedOffice(bytes)) {
      throw new ShareRefusal(
        `${file} is encrypted (password-protected). Open it in Excel, remove the password ` +
          '(File › Info › Protect Workbook › Encrypt with Password, clear it), save, and share that file.',
      );
    }
    throw new ShareRefusal(`${file} is a legacy binary file (.xls), not an .xlsx workbook. Save it as .xlsx first.`);
  }
  const notXlsx = `${file} is not an .xlsx workbook`;
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new ShareRefusal(`${notXlsx} (an .xlsx file is a zip package).`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ShareRefusal(`${notXlsx}: it is a damaged zip package (${(e as Error).message}).`);
  }
  if (!zip.file('xl/workbook.xml')) {
    throw new ShareRefusal(`${notXlsx}: the zip package holds no xl/workbook.xml (a Word or other zip file?).`);
  }
  return bytes;
}

function realOrResolved(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Checks where the copy goes; throws a refusal when it must not be written there. */
export function checkOutput(input: string, output: string, force: boolean): void {
  if (!/\.xlsx$/i.test(output)) throw new ShareRefusal(`${output} must end in .xlsx (the copy is an .xlsx workbook).`);
  const dir = path.dirname(path.resolve(output));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new ShareRefusal(`the folder of ${output} does not exist: ${dir}. Create it first.`);
  }
  const same = realOrResolved(input) === realOrResolved(output);
  let outStat: fs.Stats | undefined;
  try {
    outStat = fs.statSync(output);
  } catch {
    outStat = undefined;
  }
  const inStat = fs.statSync(input);
  if (same || (outStat && outStat.dev === inStat.dev && outStat.ino === inStat.ino)) {
    throw new ShareRefusal(`${output} is the input workbook itself. Write the shared copy to another file.`);
  }
  if (outStat?.isDirectory()) throw new ShareRefusal(`${output} is a folder. Give a file name ending in .xlsx.`);
  if (outStat && !force) throw new ShareRefusal(`${output} already exists. Add --force to replace it.`);
}

/** Writes `bytes` to `file` through a temporary file in the same folder, renamed over it when complete. */
export function writeAtomically(file: string, bytes: Buffer): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Parts of an xlsx that exceljs, which writes the copy, does not keep: pattern → what to call them. */
const DROPPED_PARTS: [RegExp, string][] = [
  [/^xl\/charts\/chart\d+\.xml$/, 'chart'],
  [/^xl\/chartsheets\/sheet\d+\.xml$/, 'chart sheet'],
  [/^xl\/pivotTables\/pivotTable\d+\.xml$/, 'pivot table'],
  [/^xl\/slicers\/slicer\d+\.xml$/, 'slicer'],
  [/^xl\/externalLinks\/externalLink\d+\.xml$/, 'link to another workbook'],
  [/^xl\/vbaProject\.bin$/, 'macro project'],
];

/** What the copy will lack (`["2 charts", "1 pivot table"]`): parts of the input exceljs does not write back. */
export async function partsNotKept(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const out: string[] = [];
  for (const [pattern, what] of DROPPED_PARTS) {
    const n = names.filter((f) => pattern.test(f)).length;
    if (n > 0) out.push(`${n} ${what}${n === 1 ? '' : 's'}`);
  }
  return out;
}
