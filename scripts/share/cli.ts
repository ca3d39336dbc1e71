/**
 * `npm run share -- <in.xlsx> <out.xlsx> [--force]`: writes a copy of a workbook that colleagues without the add-in
 * can use (docs/sharing.md). Every SALESOPS cell is computed with the add-in's function code, then written as a
 * native Excel formula over the same cells where one gives the same value to the cent, or as its values; a visible
 * Provenance sheet lists each converted cell. Everything else in the workbook is left as it was.
 *
 * Exit codes: 0 written; 1 refused or failed (nothing written); 2 wrong arguments. Relative paths are taken from
 * the folder `npm run` was started in.
 */
import path from 'node:path';
import type { SharePlan } from '../../src/share/types';
import { checkOutput, partsNotKept, readInput, ShareRefusal, writeAtomically } from './files';
import { defaultShareOptions, shareXlsx } from './share';

const USAGE = `usage: npm run share -- <in.xlsx> <out.xlsx> [--force]
  Writes a copy of in.xlsx for colleagues without the Sales Ops Modeler add-in: SALESOPS formulas become native
  Excel formulas (same value to the cent, inputs stay live) or their values, listed on a Provenance sheet.
  --force  replace out.xlsx when it exists`;

/** Where the command writes its messages (the console, or a test's buffers). */
export interface CliIo {
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** One line per function: `PAYOUT 30 native, 4 values`. */
export function summarize(plan: SharePlan): string[] {
  return Object.entries(plan.counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, c]) => `  ${name}: ${c.native ?? 0} native formula(s), ${c.value ?? 0} as values`);
}

/** Runs the command on `argv` (the arguments after the script name); resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const force = argv.includes('--force');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--force');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (unknown.length > 0 || files.length !== 2) {
    io.err(
      unknown.length > 0 ? `share: unknown option ${unknown.join(' ')}` : 'share: give an input and an output file',
    );
    io.err(USAGE);
    return 2;
  }
  const [input, output] = files.map((f) => path.resolve(io.cwd, f));
  const [inShown, outShown] = files;
  try {
    const bytes = await readInput(input);
    checkOutput(input, output, force);
    const started = performance.now();
    let result: Awaited<ReturnType<typeof shareXlsx>>;
    try {
      result = await shareXlsx(bytes, defaultShareOptions());
    } catch (e) {
      throw new ShareRefusal(`cannot share ${inShown}: ${(e as Error).message}`);
    }
    // The checks again right before writing: the output may have appeared while the workbook was computed.
    checkOutput(input, output, force);
    writeAtomically(output, result.output);
    const { cells } = result.plan;
    const native = cells.filter((c) => c.kind === 'native').length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(`Wrote ${outShown} in ${seconds} s: ${cells.length} SALESOPS cell(s), ${native} as native formulas, ${cells.length - native} as values; see its Provenance sheet.`); // prettier-ignore
    for (const line of summarize(result.plan)) io.out(line);
    const lost = await partsNotKept(bytes);
    if (lost.length > 0) {
      io.out(`warning: ${inShown} has ${lost.join(', ')}, which the copy does not keep (exceljs, which writes it, drops them); add them back in Excel if the copy needs them.`); // prettier-ignore
    }
    if (result.keptCached.length > 0) {
      io.out(
        `  ${result.keptCached.length} other formula(s) use functions this command cannot compute; their saved values were used: ${result.keptCached.slice(0, 5).join(', ')}${result.keptCached.length > 5 ? ', …' : ''}`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof ShareRefusal) {
      io.err(`share: refused: ${e.message.split(input).join(inShown).split(output).join(outShown)}`);
      io.err('Nothing was written.');
      return 1;
    }
    io.err(`share: failed: ${(e as Error).stack ?? String(e)}`);
    io.err('Nothing was written.');
    return 1;
  }
}

const isMain = typeof require !== 'undefined' && require.main === module;
if (isMain) {
  main(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
