/* eslint-env node */
// A Jest reporter that ends the run with the tests skipped for a missing system program (describeWithProgram in
// test/support/programs.ts titles such a block "TITLE [skipped: PROGRAM not installed; HOW TO INSTALL]"): one line
// per block, so a green `npm test` on a machine without LibreOffice still says what it did not run, and why.
const path = require('path');

const SKIPPED = /^(.*) \[skipped: (.*)\]$/;

class SkippedReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  /** Lines "FILE › TITLE: REASON" for every block skipped for a missing program, in file order. */
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
      `\nSkipped, because a program they need is not installed (SALESOPS_REQUIRE_PROGRAMS=1 makes this a failure):\n` +
        lines.map((l) => `  skipped ${l}\n`).join(''),
    );
  }
}

module.exports = SkippedReporter;
