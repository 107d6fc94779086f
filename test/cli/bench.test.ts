/**
 * `npm run bench` at a toy size: the harness runs end to end, measures every
 * core question raw and over HTTP, loads the server from a child process
 * without errors, and writes the markdown report with the machine described.
 * (The figures themselves are not asserted: benchmarks measure, tests check.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCliOnce, ROOT, tempDir } from './build';

const BENCH = join(ROOT, 'dist', 'src', 'cli', 'bench.js');

const run = (args: string[]) =>
  spawnSync(process.execPath, ['--expose-gc', BENCH, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LOG_LEVEL: 'silent' } });

beforeAll(() => buildCliOnce(), 120_000);

test('a toy-size run writes the whole report: import, six questions raw and over HTTP, hubs, round trips, load without errors', () => {
  const dir = tempDir('claimgraph-bench-');
  try {
    const out = join(dir.path, 'report.md');
    const r = run(['--statements', '300', '--runs', '5', '--targets', '3', '--connections', '2', '--load-seconds', '1', '--out', out]);
    expect(r.stderr.replace(/^ {2}measured .*\n/gm, '')).toBe('');
    expect(r.status).toBe(0);
    const report = readFileSync(out, 'utf8');
    expect(report).toMatch(/^# Benchmark: 300 statements$/m);
    expect(report).toMatch(/^- Machine: \d+ × .+ RAM, .+ Node v\d+.*@grafeo-db\/js \d+\.\d+\.\d+$/m);
    expect(report).toMatch(/^\| 300 \| [\d.]+ \| [\d,]+ \| [\d.]+ \w+ \| [\d.]+ \w+ \| [\d.]+ \w+ \|$/m);
    for (const question of ['who said a claim', 'what a source said', 'conflicts on a claim', 'conflicts for a source', 'corroboration of a claim', 'search claims']) {
      // targets, runs, raw median and p99, HTTP median and p99 (numbers), a ratio, round trips
      expect(report).toMatch(new RegExp(`^\\| ${question} \\| \\d+ \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+× \\| [\\d–]+ \\|$`, 'm'));
    }
    expect(report).toMatch(/^\| who said a claim: most-stated claim \(\d+ statements\) \|/m);
    expect(report).toMatch(/^\| what a source said: most prolific source \(\d+ statements\) \|/m);
    // The load leg: some requests, none failed.
    expect(report).toMatch(/^\| [\d,]*[1-9][\d,]* \| [\d,]+ \| [\d.]+ \| [\d.]+ \| 0 \|$/m);
    expect(r.stdout).toContain(report.trim().split('\n')[0]);
  } finally {
    dir.remove();
  }
}, 120_000);

test('bad arguments are refused with what was expected, exit 2', () => {
  const r = run(['--statements', 'many']);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('--statements must be an integer from 100 to 10000000, got many');
  const unknown = run(['--fast']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain('Unknown option --fast for bench');
});
