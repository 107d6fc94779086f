// With NEO4J_URI set, the suite runs on Neo4j (test/engine.ts). On one
// database (NEO4J_TEST_DATABASES=clean, the default) the files must run one
// at a time, since each empties the graph; per-store databases run in parallel.
const { availableParallelism } = require('node:os');

const neo4jOneDatabase = Boolean(process.env.NEO4J_URI) && (process.env.NEO4J_TEST_DATABASES ?? 'clean') === 'clean';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Types stripped file by file with esbuild (test/transform.js), so no worker loads the
  // TypeScript compiler; test/structure/typecheck.test.ts type-checks src/ and test/ once per
  // run instead (the same strict tsconfig.json), so a type error still fails `npm test`.
  transform: { '^.+\\.ts$': '<rootDir>/test/transform.js' },
  testTimeout: 30000,
  // Heaviest first even on a fresh clone, where Jest has no timings yet (test/sequencer.js says why).
  testSequencer: '<rootDir>/test/sequencer.js',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Jest's default, one worker fewer than the cores, runs everything in band on a 2-core
  // machine; the files spend much of their time waiting on child processes (the CLI, the
  // built server, Chromium) or in the Cypher lint alone, so two workers there overlap them.
  maxWorkers: neo4jOneDatabase ? 1 : Math.max(2, availableParallelism() - 1),
};
