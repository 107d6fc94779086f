/**
 * Recovering a damaged embedded store from the command line, as an operator
 * does (the commands in-process, test/cli/in-process.ts; the built CLI in a
 * child process where another process holds the store): a store whose WAL was deleted
 * refuses to open with what to do; `restore` puts a backup back, `salvage`
 * accepts the loss; `backup --server` takes a backup from a running server.
 */
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpServer } from '../../src/api/server';
import { keyLine } from '../../src/api/auth';
import { loadApiConfig } from '../../src/config';
import { exportBundle } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import { openStore } from '../../src/store/open';
import { spawn } from 'node:child_process';
import { buildCliOnce, CLI, cliEnv, type CliResult, ROOT, SEED_FILE, tempDir } from './build';
import { cliInProcess } from './in-process';

/** `cli`, without blocking this process: the server it talks to runs in this process. */
function cliAsync(args: string[], dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv(dataDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

jest.setTimeout(60_000);

let tmp: { path: string; remove: () => void };
beforeAll(() => {
  buildCliOnce();
  tmp = tempDir('claimgraph-recovery-');
}, 90_000);
afterAll(() => tmp?.remove());

function expectExit(r: CliResult, code: number): void {
  if (r.status !== code) throw new Error(`expected exit code ${code}, got ${r.status ?? r.signal}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
}

const EXTRA = JSON.stringify({
  format: 'claimgraph-bundle', version: 2,
  sources: [{ id: 'src-after-backup', name: 'Written after the backup', kind: 'PERSON', anonymous: false }],
});

test('a deleted WAL: refused with what to do; restore brings back the backup; salvage accepts the loss', async () => {
  let dir = join(tmp.path, 'data');
  expectExit(await cliInProcess(['import', SEED_FILE], dir), 0);
  const backup = join(tmp.path, 'backup.grafeo');
  const backedUp = await cliInProcess(['backup', '--out', backup], dir);
  expectExit(backedUp, 0);
  expect(backedUp.stdout).toMatch(/^Backup of .*graph\.grafeo written to .*backup\.grafeo \(commit \d+, [\d,]+ bytes\)\.$/m);
  // The export is the reference: what the store held at the backup.
  const atBackup = (await cliInProcess(['export'], dir)).stdout;
  // A crash right after an acknowledged import: the files as the open store left them, then the WAL lost.
  const live = join(tmp.path, 'live');
  const store = await openStore({ engine: 'embedded', path: join(dir, 'graph.grafeo') });
  await importBundle(store, JSON.parse(EXTRA), { editor: 'test' });
  cpSync(dir, live, { recursive: true });
  await store.close();
  dir = live;
  rmSync(join(dir, 'graph.grafeo.wal'), { recursive: true, force: true });

  const refused = await cliInProcess(['export'], dir);
  expectExit(refused, 3);
  expect(refused.stderr).toMatch(/is behind its last acknowledged commit: it opens at commit \d+, but commit \d+ was acknowledged/);
  expect(refused.stderr).toContain('npx claimgraph restore FILE');
  expect(refused.stderr).toContain('npx claimgraph salvage');

  const salvageDir = join(tmp.path, 'salvage');
  cpSync(dir, salvageDir, { recursive: true });

  const restored = await cliInProcess(['restore', backup], dir);
  expectExit(restored, 0);
  expect(restored.stdout).toMatch(/^Restored .*graph\.grafeo from .*backup\.grafeo \(commit \d+\)\. The replaced files are in .*graph\.grafeo\.replaced-/);
  expect((await cliInProcess(['export'], dir)).stdout).toBe(atBackup);

  const salvaged = await cliInProcess(['salvage'], salvageDir);
  expectExit(salvaged, 0);
  expect(salvaged.stdout).toMatch(/^Salvaged .*: it now opens at commit \d+; \d+ acknowledged commit\(s\) after it are lost\.$/m);
  expect(readdirSync(salvageDir).some((f) => f.startsWith('graph.grafeo.before-salvage-'))).toBe(true);
  expect((await cliInProcess(['export'], salvageDir)).stdout).toBe(atBackup);

  // Usage: restore needs a backup file.
  const notABackup = await cliInProcess(['restore', join(tmp.path, 'nope.grafeo')], dir);
  expectExit(notABackup, 1);
  expect(notABackup.stderr).toContain('Expected a backup file written by "npx claimgraph backup", got nothing at');
});

test('next to a running server: export, validate and import through it with a key; an online backup with an admin key only', async () => {
  const dir = join(tmp.path, 'online');
  expectExit(await cliInProcess(['import', SEED_FILE], dir), 0);
  const store = await openStore({ engine: 'embedded', path: join(dir, 'graph.grafeo') });
  const api = loadApiConfig({ CLAIMGRAPH_API_KEYS: [keyLine('admin', 'ops', 'admin-key-123456'), keyLine('editor', 'ed', 'editor-key-123456')].join(',') });
  const server = await startHttpServer(store, 0, '127.0.0.1', { api });
  const origin = new URL(server.url).origin;
  try {
    // The store is held: the CLI says so and points at the way that works.
    const held = await cliAsync(['backup', '--out', join(tmp.path, 'held.grafeo')], dir); // another process: the lock between processes is the point
    expectExit(held, 3);
    expect(held.stderr).toContain('in use by another process, most likely a running "claimgraph serve"');

    expect(held.stderr).toContain('npx claimgraph export --server http://HOST:PORT');

    // Export, import and validate through the running server, with a key: no need to stop it.
    const exported = await cliInProcess(['export', '--server', origin], dir, { env: { CLAIMGRAPH_API_KEY: 'editor-key-123456' } });
    expectExit(exported, 0);
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(JSON.stringify(await exportBundle(store))));
    const bundleFile = join(tmp.path, 'through-server.json');
    writeFileSync(bundleFile, JSON.stringify({ format: 'claimgraph-bundle', version: 2, sources: [{ id: 'src-through-server', name: 'Imported through the server', kind: 'PERSON', anonymous: false }] }));
    const checked = await cliInProcess(['validate', '--server', origin, bundleFile], dir, { env: { CLAIMGRAPH_API_KEY: 'admin-key-123456' } });
    expectExit(checked, 0);
    expect(checked.stdout).toMatch(/^\s+sources\s+1\s+0\s+0$/m);
    expect(checked.stdout).toContain('Dry run: nothing was written.');
    expect((await store.read('sources-by-ids', { ids: ['src-through-server'] })).length).toBe(0);
    const editorImport = await cliInProcess(['import', '--server', origin, bundleFile], dir, { env: { CLAIMGRAPH_API_KEY: 'editor-key-123456' } });
    expectExit(editorImport, 2);
    expect(editorImport.stderr).toContain('the server refused (HTTP 403): FORBIDDEN: The mutation importBundles needs role admin; this key has role editor.');
    const imported = await cliInProcess(['import', '--server', origin, bundleFile], dir, { env: { CLAIMGRAPH_API_KEY: 'admin-key-123456' } });
    expectExit(imported, 0);
    expect(imported.stdout).toMatch(/^\s+sources\s+1\s+0\s+0$/m);
    expect((await store.read('sources-by-ids', { ids: ['src-through-server'] })).length).toBe(1);

    const noKey = await cliInProcess(['backup', '--server', origin], dir, { env: { CLAIMGRAPH_API_KEY: 'editor-key-123456' } });
    expectExit(noKey, 2);
    expect(noKey.stderr).toContain('refused (HTTP 403): A backup needs role admin; this key has role editor.');

    const online = await cliInProcess(['backup', '--server', origin], dir, { env: { CLAIMGRAPH_API_KEY: 'admin-key-123456' } });
    expectExit(online, 0);
    const path = /to (\S+\.grafeo) \(commit/.exec(online.stdout)?.[1] as string;
    expect(existsSync(path)).toBe(true);
    const copy = await openStore({ engine: 'embedded', path });
    try {
      const [row] = await copy.read('graph-counts');
      expect(row).toEqual((await store.read('graph-counts'))[0]);
    } finally {
      await copy.close();
    }
  } finally {
    await server.stop();
    await store.close();
  }
});
