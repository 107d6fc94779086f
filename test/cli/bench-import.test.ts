/**
 * `npm run bench:import` and `npm run bench:memory` at a toy size: they run
 * end to end and print what they promise (the import's time by query, the
 * engine's ceiling on the same graph by each path with the import as a
 * fraction of it, each field group's cost), and refuse bad arguments.
 * (The figures themselves are not asserted: benchmarks measure, tests check.)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildCliOnce, ROOT } from './build';

const script = (name: string) => join(ROOT, 'dist', 'src', 'cli', name);
const run = (name: string, args: string[]) => spawnSync(process.execPath, [script(name), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => buildCliOnce(), 120_000);

test('bench:import prints the import, its time by query, and the engine’s ceiling by each path with the import as a fraction of it', () => {
  const r = run('bench-import.js', ['--statements', '200', '--memory-only']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Load average at the start \(1, 5, 15 min\): [\d.]+, [\d.]+, [\d.]+ on \d+ cores$/m);
  expect(r.stdout).toMatch(/^In memory: import [\d.]+ s \(CPU [\d.]+ s\), [\d,]+ statements\/s/m);
  expect(r.stdout).toMatch(/^ {2}create-statements +[\d.]+ s +\d+ % +\(\d+ calls\)$/m);
  expect(r.stdout).toMatch(/^The engine's ceiling: the same graph \([\d,]+ nodes, [\d,]+ relationships/m);
  for (const path of ['UNWIND … CREATE in one transaction \\(all or nothing\\)', 'batchCreateNodesWithProps/Edges', 'upsertNodes/upsertEdges']) {
    expect(r.stdout).toMatch(new RegExp(`^ {2}${path}.* [\\d.]+ s \\(CPU [\\d.]+ s\\), +[\\d,]+ statements/s; the import runs at \\d+ % of it \\(CPU \\d+ %\\)$`, 'm'));
  }
}, 120_000);

test('bench:memory prints the RSS of the graph without each group of fields, and what each saves', () => {
  const r = run('bench-memory.js', ['--statements', '200']);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Graph of 200 statements \(seed 1\) as the import stored it: [\d,]+ nodes, [\d,]+ relationships\.$/m);
  expect(r.stdout).toMatch(/^ {2}full +RSS +[\d.]+ MiB/m);
  for (const variant of ['audit-names', 'audit-times', 'fingerprints', 'search-text', 'name-keys', 'stored-dates', 'lock-counter', 'all-of-these', 'graph-only']) {
    expect(r.stdout).toMatch(new RegExp(`^ {2}${variant} +RSS +[\\d.]+ MiB +saves +[\\d.]+ MiB \\( *-?[\\d,]+ bytes a statement\\)`, 'm'));
  }
}, 120_000);

test('bad arguments are refused with what was expected, exit 2', () => {
  const imports = run('bench-import.js', ['--statements', 'many']);
  expect(imports.status).toBe(2);
  expect(imports.stderr).toContain('--statements must be a positive integer, got many');
  const memory = run('bench-memory.js', ['--statements', '0']);
  expect(memory.status).toBe(2);
  expect(memory.stderr).toContain('--statements must be a positive integer, got 0');
  const against = run('bench-import.js', ['--against', '/nonexistent-checkout']);
  expect(against.status).toBe(2);
  expect(against.stderr).toContain('--against must name a checkout built with "npx tsc -p tsconfig.build.json" (expected /nonexistent-checkout/dist/src/cli/bench-import.js), got /nonexistent-checkout');
  const unknown = run('bench-memory.js', ['--fast']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain('Unknown option --fast for bench:memory');
});
