/**
 * Tests that need a system program this machine may lack (LibreOffice's `soffice` for the interop tests). Without
 * the program such a test is skipped, and the end of the run lists it in one line naming the program and how to
 * install it (test/support/skippedReporter.js); with
 * SALESOPS_REQUIRE_PROGRAMS=1 (set by .ci/run, which installs them) a missing program fails the suite instead, so
 * CI always runs these tests. SALESOPS_HIDE_PROGRAMS=soffice,chromium makes this machine look like a fresh one:
 * the named programs are not looked for on PATH or at their usual places (an explicit SOFFICE_PATH or CHROMIUM_PATH
 * still counts).
 */
import fs from 'node:fs';
import path from 'node:path';

/** A system program a test may need, with where to look and how to install it. */
export interface ProgramSpec {
  /** Its command name, e.g. "soffice". */
  name: string;
  /** Environment variable that may hold its full path, e.g. "SOFFICE_PATH". */
  env?: string;
  /** Further absolute paths to try after PATH. */
  paths?: string[];
  /** How to install it, shown in the skip line. */
  install: string;
}

export const SOFFICE: ProgramSpec = {
  name: 'soffice',
  env: 'SOFFICE_PATH',
  paths: [
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  ],
  install: 'sudo apt-get install libreoffice-calc-nogui (Debian/Ubuntu; .ci/run does it), or set SOFFICE_PATH',
};

/** True when SALESOPS_HIDE_PROGRAMS (a comma-separated list of command names) names this program. */
export function programHidden(name: string): boolean {
  return (process.env.SALESOPS_HIDE_PROGRAMS ?? '')
    .split(',')
    .map((n) => n.trim())
    .includes(name);
}

/** The program's full path, or undefined when it is not on this machine (or hidden by SALESOPS_HIDE_PROGRAMS). */
export function findProgram(spec: ProgramSpec): string | undefined {
  const fromEnv = spec.env ? process.env[spec.env] : undefined;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  if (programHidden(spec.name)) return undefined;
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const p = path.join(dir, spec.name + ext);
      if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
    }
  }
  return spec.paths?.find((p) => fs.existsSync(p));
}

/** True when tests must not skip for a missing program (CI). */
export function programsRequired(): boolean {
  return process.env.SALESOPS_REQUIRE_PROGRAMS === '1';
}

/**
 * `describe` when the program is here, else a visible skip: a skipped block titled "TITLE [skipped: PROGRAM not
 * installed; HOW]", which test/support/skippedReporter.js lists in one line at the end of the run; or, under
 * SALESOPS_REQUIRE_PROGRAMS=1, a failing test. The block receives the program's path.
 */
export function describeWithProgram(spec: ProgramSpec, title: string, body: (programPath: string) => void): void {
  const found = findProgram(spec);
  if (found) {
    describe(title, () => body(found));
    return;
  }
  const line = `skipped "${title}": ${spec.name} is not installed — install it with: ${spec.install}`;
  if (programsRequired()) {
    describe(title, () => {
      it(`needs ${spec.name} (SALESOPS_REQUIRE_PROGRAMS=1)`, () => {
        throw new Error(line.replace(/^skipped/, 'cannot run'));
      });
    });
    return;
  }
  describe.skip(`${title} [skipped: ${spec.name} not installed; ${spec.install}]`, () => {
    it('needs the program', () => undefined);
  });
}
