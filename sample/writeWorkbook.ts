/**
 * `npm run sample`: writes dist/SalesOps-Sample.xlsx, the sample company as an Excel workbook with SALESOPS.*
 * formulas whose values are already computed (see sample/xlsx.ts). An optional argument gives another path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installCustomFunctionsShim } from '../taskpane/playground/customFunctionsShim';
import { buildSampleWorkbook } from './workbook';
import { buildSampleXlsx } from './xlsx';

/** Writes the sample workbook to `file` and returns its path. */
export async function writeSampleWorkbook(file: string): Promise<string> {
  installCustomFunctionsShim();
  const book = buildSampleXlsx(buildSampleWorkbook());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await book.xlsx.writeFile(file);
  return file;
}

const isMain = typeof require !== 'undefined' && require.main === module;
if (isMain) {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'SalesOps-Sample.xlsx'));
  writeSampleWorkbook(out).then(
    (f) => console.log(`Wrote ${f}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
