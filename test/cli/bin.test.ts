/**
 * The documented form, `npx claimgraph …`, works from a fresh clone: `npm ci`
 * runs `prepare`, which compiles the file the package's `bin` names, and npx
 * runs a project's own bin.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCliOnce, CLI, ROOT } from './build';

jest.setTimeout(60_000);

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; scripts: Record<string, string> };

test('npm ci compiles what bin names (prepare), and npx claimgraph runs it', () => {
  expect(join(ROOT, manifest.bin.claimgraph as string)).toBe(CLI);
  // tsc writes the file without the executable bit, which npx needs to run a project's own bin.
  expect(manifest.scripts.prepare).toBe(`tsc -p tsconfig.build.json && node -e "require('fs').chmodSync('dist/src/cli/main.js', 0o755)"`);
  buildCliOnce(); // what prepare does
  const r = spawnSync('npx', ['--no-install', 'claimgraph', '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: `claimgraph ${manifest.version}\n` });
});
