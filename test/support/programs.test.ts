import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWithProgram, findProgram, programHidden, type ProgramSpec, SOFFICE } from './programs';

/** Runs `fn` with these environment variables (undefined deletes one), then restores the environment. */
function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return fn();
  } finally {
    process.env = saved;
  }
}

/** A folder holding an executable file `name`, for a PATH; removed after the test file. */
const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'salesops-programs-'));
afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));
fs.writeFileSync(path.join(bin, 'fakeprog'), '#!/bin/sh\n', { mode: 0o755 });

const FAKE: ProgramSpec = { name: 'fakeprog', env: 'FAKEPROG_PATH', install: 'apt-get install fakeprog' };
const CLEAN = { FAKEPROG_PATH: undefined, SALESOPS_HIDE_PROGRAMS: undefined, SALESOPS_REQUIRE_PROGRAMS: undefined };

describe('finding a system program', () => {
  it('finds it on PATH, or at one of its usual places, else reports it missing', () => {
    withEnv({ ...CLEAN, PATH: ['/nowhere', bin].join(path.delimiter) }, () => {
      expect(findProgram(FAKE)).toBe(path.join(bin, 'fakeprog'));
    });
    withEnv({ ...CLEAN, PATH: '/nowhere' }, () => {
      expect(findProgram(FAKE)).toBeUndefined();
      expect(findProgram({ ...FAKE, paths: ['/nowhere/fakeprog', path.join(bin, 'fakeprog')] })).toBe(
        path.join(bin, 'fakeprog'),
      );
    });
  });

  it('takes its environment variable first, and a variable naming no file means missing', () => {
    withEnv({ ...CLEAN, PATH: bin, FAKEPROG_PATH: '/opt/fakeprog' }, () => {
      expect(findProgram(FAKE)).toBeUndefined();
    });
    const elsewhere = path.join(bin, 'fakeprog');
    withEnv({ ...CLEAN, PATH: '/nowhere', FAKEPROG_PATH: elsewhere }, () => expect(findProgram(FAKE)).toBe(elsewhere));
  });

  it('SALESOPS_HIDE_PROGRAMS hides it from PATH and its usual places (a fresh machine), not from its variable', () => {
    const usual = { ...FAKE, paths: [path.join(bin, 'fakeprog')] };
    withEnv({ ...CLEAN, PATH: bin, SALESOPS_HIDE_PROGRAMS: 'chromium, fakeprog' }, () => {
      expect(programHidden('fakeprog')).toBe(true);
      expect(programHidden('fake')).toBe(false);
      expect(findProgram(usual)).toBeUndefined();
    });
    withEnv(
      { ...CLEAN, PATH: bin, SALESOPS_HIDE_PROGRAMS: 'fakeprog', FAKEPROG_PATH: path.join(bin, 'fakeprog') },
      () => expect(findProgram(FAKE)).toBe(path.join(bin, 'fakeprog')),
    );
  });
});

/** What describeWithProgram registered, read by standing in for Jest's describe/describe.skip/it while it runs. */
function registered(env: Record<string, string | undefined>): {
  blocks: { kind: 'describe' | 'skip'; title: string }[];
  tests: { title: string; fn: () => unknown }[];
  bodyGot: string[];
  stderr: string;
} {
  const blocks: { kind: 'describe' | 'skip'; title: string }[] = [];
  const tests: { title: string; fn: () => unknown }[] = [];
  const bodyGot: string[] = [];
  let stderr = '';
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { describe: g.describe, it: g.it };
  const fakeDescribe = Object.assign(
    (title: string, fn: () => void) => {
      blocks.push({ kind: 'describe', title });
      fn();
    },
    { skip: (title: string) => blocks.push({ kind: 'skip', title }) },
  );
  g.describe = fakeDescribe;
  g.it = (title: string, fn: () => unknown) => tests.push({ title, fn });
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  try {
    withEnv(env, () =>
      describeWithProgram(FAKE, 'converts a workbook', (p) => {
        bodyGot.push(p);
      }),
    );
  } finally {
    g.describe = saved.describe;
    g.it = saved.it;
    write.mockRestore();
  }
  return { blocks, tests, bodyGot, stderr };
}

describe('describeWithProgram', () => {
  it('runs the block with the program path when the program is here', () => {
    const r = registered({ ...CLEAN, PATH: bin });
    expect(r.blocks).toEqual([{ kind: 'describe', title: 'converts a workbook' }]);
    expect(r.bodyGot).toEqual([path.join(bin, 'fakeprog')]);
    expect(r.stderr).toBe('');
  });

  it('without the program skips the block under a title naming the program and its install command', () => {
    const r = registered({ ...CLEAN, PATH: '/nowhere' });
    expect(r.bodyGot).toEqual([]);
    expect(r.blocks).toEqual([
      { kind: 'skip', title: 'converts a workbook [skipped: fakeprog not installed; apt-get install fakeprog]' },
    ]);
    expect(r.stderr).toBe('');
  });

  it('under SALESOPS_REQUIRE_PROGRAMS=1 a missing program is a failing test, not a skip', () => {
    const r = registered({ ...CLEAN, PATH: '/nowhere', SALESOPS_REQUIRE_PROGRAMS: '1' });
    expect(r.bodyGot).toEqual([]);
    expect(r.blocks).toEqual([{ kind: 'describe', title: 'converts a workbook' }]);
    expect(r.tests.map((t) => t.title)).toEqual(['needs fakeprog (SALESOPS_REQUIRE_PROGRAMS=1)']);
    expect(() => r.tests[0].fn()).toThrow(
      'cannot run "converts a workbook": fakeprog is not installed — install it with: apt-get install fakeprog',
    );
    expect(r.stderr).toBe('');
  });
});

// The real thing: LibreOffice runs headless here when installed (skipped visibly, or failing in CI, when not).
describeWithProgram(SOFFICE, 'LibreOffice (soffice) for the interop tests', (soffice) => {
  it('runs headless and names its version', () => {
    const r = spawnSync(soffice, ['--headless', '--version'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/LibreOffice \d+\.\d+/);
  });
});

describe('the summary of skipped tests at the end of the run', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const SkippedReporter = require('./skippedReporter') as {
    skippedLines: (results: unknown, rootDir: string) => string[];
  };
  const test = (status: string, ...ancestorTitles: string[]) => ({ status, ancestorTitles });

  it('names each block skipped for a missing program once, with its file and install command', () => {
    const skippedTitle = 'round trip [skipped: soffice not installed; apt-get install libreoffice-calc-nogui]';
    const results = {
      testResults: [
        {
          testFilePath: '/repo/test/share/interop.test.ts',
          testResults: [
            test('pending', 'share', skippedTitle),
            test('pending', 'share', skippedTitle),
            test('passed', 'share', 'plain'),
            test('pending', 'share', 'an it.skip elsewhere'),
          ],
        },
        { testFilePath: '/repo/test/other.test.ts', testResults: [test('passed', 'x')] },
      ],
    };
    expect(SkippedReporter.skippedLines(results, '/repo')).toEqual([
      `${path.join('test', 'share', 'interop.test.ts')} › round trip: soffice not installed; ` +
        'apt-get install libreoffice-calc-nogui',
    ]);
    expect(SkippedReporter.skippedLines({ testResults: [results.testResults[1]] }, '/repo')).toEqual([]);
  });
});
