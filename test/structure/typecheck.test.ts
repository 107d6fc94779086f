import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * Jest strips the types without checking them (esbuild, test/transform.js),
 * so that each worker does not load the TypeScript compiler. The type check runs here instead, once per run: the strict
 * tsconfig.json over src/ and test/, as `npm run typecheck` does, so a type
 * error still fails `npm test`. Incremental, so a run after an unchanged one
 * checks only what changed: its build info is in the temp dir, one file per
 * working copy (not in node_modules/.cache, which several working copies can
 * share through a linked node_modules, each overwriting the others' build info
 * and racing them for the file).
 */
const ROOT = resolve(__dirname, '../..');

it('src/ and test/ type-check under the strict tsconfig.json', () => {
  const cache = join(tmpdir(), 'claimgraph-typecheck', createHash('sha256').update(ROOT).digest('hex').slice(0, 16));
  mkdirSync(cache, { recursive: true });
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', join(cache, 'typecheck.tsbuildinfo')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (tsc.error) throw tsc.error;
  expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
  expect(tsc.status).toBe(0);
}, 240_000);
