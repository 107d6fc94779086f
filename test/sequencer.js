/*
 * Jest's order of test files, with one change for a run that has no timings yet (a fresh
 * clone, CI). Jest starts the slowest files first so that no worker is left running one long
 * file at the end; without timings it guesses by file size, and the heaviest files here are
 * among the smallest (the Cypher lint's test file is one of them), so they ran last and the
 * run ended on them. A file with no timing of its own takes its expected time
 * from EXPECTED_SECONDS (measured, 7 and 8 December 2026); the rest is Jest's own order.
 */
const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');

/** Seconds a file took in CI, for the files that take the longest. Only the order matters. */
const EXPECTED_SECONDS = {
  'test/store/cypher-lint.test.ts': 60,
  'test/browser/explorer.test.ts': 41,
  'test/hardening/fuzz-import.test.ts': 28,
  'test/hardening/injection.test.ts': 22,
  'test/graph/import-properties.test.ts': 22,
  'test/api/operations.test.ts': 20,
  'test/hardening/fuzz-mutations.test.ts': 17,
  'test/structure/typecheck.test.ts': 12,
  'test/cli/crash.test.ts': 12,
  'test/hardening/concurrency.test.ts': 11,
};

class ExpectedTimeSequencer extends Sequencer {
  time(test) {
    const measured = super.time(test);
    if (measured !== undefined) return measured;
    const expected = EXPECTED_SECONDS[relative(test.context.config.rootDir, test.path)];
    return expected === undefined ? undefined : expected * 1000;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    // Jest runs files without a timing first; the expected ones among them go first of all, longest first.
    const expected = sorted.filter((t) => super.time(t) === undefined && t.duration !== undefined);
    const rest = sorted.filter((t) => !expected.includes(t));
    return [...expected.sort((a, b) => b.duration - a.duration), ...rest];
  }
}

module.exports = ExpectedTimeSequencer;
