/* eslint-env node */
// A Jest reporter that ends the run with the blocks of tests it skipped and why: a block titled
// "TITLE [skipped: REASON]" (describeWithProgram in test/support/programs.ts, for a missing system program; the fuzz
// test's calls at the limits, which run with FUZZ_LIMITS=1): one line per block, so a green `npm test` on a machine
// without LibreOffice still says what it did not run, and why.
const path = require('path');

const SKIPPED = /^(.*) \[skipped: (.*)\]$/;

class SkippedReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  /** Lines "FILE › TITLE: REASON" for every block skipped with a reason in its title, in file order. */
  static skippedLines(results, rootDir) {
    const lines = [];
    for (const file of results.testResults) {
      const blocks = new Set();
      for (const t of file.testResults) {
        const block = t.status === 'pending' && t.ancestorTitles.find((a) => SKIPPED.test(a));
        if (block) blocks.add(block);
      }
      for (const block of blocks) {
        const [, title, reason] = SKIPPED.exec(block);
        lines.push(`${path.relative(rootDir, file.testFilePath)} › ${title}: ${reason}`);
      }
    }
    return lines;
  }

  onRunComplete(_contexts, results) {
    const lines = SkippedReporter.skippedLines(results, this.rootDir);
    if (lines.length === 0) return;
    process.stderr.write(
      `\nSkipped, and why (.ci/run runs them all; SALESOPS_REQUIRE_PROGRAMS=1 makes a missing program a failure):\n` +
        lines.map((l) => `  skipped ${l}\n`).join(''),
    );
  }
}

module.exports = SkippedReporter;
