/**
 * `npm run sample`: writes dist/SalesOps-Sample.xlsx, the sample company as an Excel workbook with SALESOPS.*
 * formulas whose values are already computed (see scripts/sample/xlsx.ts), and dist/SalesOps-Sample-Shared.xlsx, its copy
 * for colleagues without the add-in, made by the code of `npm run share` (scripts/share/). An optional argument
 * gives another path for the sample; the shared copy goes beside it with "-Shared" before ".xlsx".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SharePlan } from '../../src/share/types';
import { installCustomFunctionsShim } from '../../taskpane/playground/customFunctionsShim';
import { writeAtomically } from '../share/files';
import { defaultShareOptions, shareXlsx } from '../share/share';
import { buildSampleWorkbook } from '../../sample/workbook';
import { buildSampleXlsx } from './xlsx';

/** Where the shared copy of the sample at `file` goes: `…/SalesOps-Sample-Shared.xlsx`. */
export function sharedPathOf(file: string): string {
  return file.replace(/(\.xlsx)?$/i, '-Shared.xlsx');
}

/** What `writeSampleWorkbook` wrote. */
export interface WrittenSample {
  sample: string;
  shared: string;
  plan: SharePlan;
}

/** Writes the sample workbook to `file` and its shared copy to `shared`. */
export async function writeSampleWorkbook(file: string, shared = sharedPathOf(file)): Promise<WrittenSample> {
  installCustomFunctionsShim();
  const book = buildSampleXlsx(buildSampleWorkbook());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  writeAtomically(file, bytes);
  const { output, plan } = await shareXlsx(bytes, defaultShareOptions());
  fs.mkdirSync(path.dirname(shared), { recursive: true });
  writeAtomically(shared, output);
  return { sample: file, shared, plan };
}

const isMain = typeof require !== 'undefined' && require.main === module;
if (isMain) {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'dist', 'SalesOps-Sample.xlsx'));
  writeSampleWorkbook(out).then(
    ({ sample, shared, plan }) => {
      const native = plan.cells.filter((c) => c.kind === 'native').length;
      console.log(`Wrote ${sample}`);
      console.log(`Wrote ${shared} (${native} native formulas, ${plan.cells.length - native} cells as values)`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
