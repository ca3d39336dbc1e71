/**
 * Recalculating an xlsx with LibreOffice Calc headless, as a colleague without the add-in would see it: a user
 * profile whose registrymodifications.xcu sets OOXMLRecalcMode to 0 ("always recalculate") makes soffice compute
 * every formula on load; `--convert-to xlsx` then saves the results as the formulas' cached values, which exceljs
 * reads back. One soffice start takes seconds: batch many cases into one file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SOFFICE, findProgram } from './programs';

/** The profile's settings: recalculate OOXML (and ODF) files on load, always, without asking. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Creates a LibreOffice user profile in a new temporary directory (or `dir`) that recalculates every formula on
 * load; returns the profile directory.
 */
export function createRecalcProfile(dir?: string): string {
  const root = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-lo-profile-'));
  const user = path.join(root, 'user');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'registrymodifications.xcu'), REGISTRY);
  return root;
}

/** Options of a recalculation. */
export interface RecalcOptions {
  /** The soffice program (default: found on this machine). */
  soffice?: string;
  /** A profile made by `createRecalcProfile` (default: a fresh one, removed afterwards). */
  profile?: string;
  /** Time limit in milliseconds (default 120 s). */
  timeoutMs?: number;
}

/**
 * Opens `inFile` (xlsx) in LibreOffice Calc headless with recalculation on load and saves it as xlsx into
 * `outDir` (created when missing); returns the path of the recalculated copy (same base name).
 */
export function recalcWithLibreOffice(inFile: string, outDir: string, options: RecalcOptions = {}): string {
  const soffice = options.soffice ?? findProgram(SOFFICE);
  if (!soffice) throw new Error('recalcWithLibreOffice: soffice is not installed');
  const profile = options.profile ?? createRecalcProfile();
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, path.basename(inFile).replace(/\.[^.]+$/, '') + '.xlsx');
  if (path.resolve(outFile) === path.resolve(inFile)) {
    throw new Error('recalcWithLibreOffice: outDir must differ from the input file directory');
  }
  fs.rmSync(outFile, { force: true });
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.resolve(profile)}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'xlsx',
        '--outdir',
        outDir,
        inFile,
      ],
      { stdio: 'pipe', timeout: options.timeoutMs ?? 120_000, env: { ...process.env, HOME: profile } },
    );
  } finally {
    if (!options.profile) fs.rmSync(profile, { recursive: true, force: true });
  }
  if (!fs.existsSync(outFile)) throw new Error(`recalcWithLibreOffice: soffice wrote no ${outFile}`);
  return outFile;
}

/** A formula cell's cached value as exceljs reads it: `{ formula, result? }`, or a plain value. */
type ReadCell =
  { formula?: string; sharedFormula?: string; result?: unknown } | string | number | boolean | null | Date;

/**
 * The value a cell shows after a LibreOffice recalculation, from exceljs's reading of it: a formula's cached
 * result (an error as `{ error: '#VALUE!' }`), or the constant. exceljs drops a cached result of 0 (it tests the
 * value for truthiness), while LibreOffice writes every formula's `<v>`: a formula cell without a result is 0.
 */
export function shownValue(v: unknown): unknown {
  const cell = v as ReadCell;
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
    if ('formula' in cell || 'sharedFormula' in cell)
      return 'result' in cell && cell.result !== undefined ? cell.result : 0;
  }
  return cell;
}
