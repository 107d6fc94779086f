/**
 * Errors that say what to do, from the CLI as a user runs it (in-process,
 * test/cli/in-process.ts; serve and the Neo4j connections as the built CLI in
 * a child process, since whether the process ends is part of the point): a
 * misspelled setting, a HOST or a port that cannot be used, a data folder
 * that is a file, an export into a folder that does not exist, a NEO4J_URI
 * that points at something that is not a Neo4j.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { buildCliOnce, CLI, cliEnv, type CliResult, ROOT, SEED_FILE, tempDir } from './build';
import { cliInProcess } from './in-process';

jest.setTimeout(60_000);

let tmp: { path: string; remove: () => void };
beforeAll(() => {
  buildCliOnce();
  tmp = tempDir('claimgraph-errors-');
}, 90_000);
afterAll(() => tmp?.remove());

function expectExit(r: CliResult, code: number): void {
  if (r.status !== code) throw new Error(`expected exit code ${code}, got ${r.status ?? r.signal}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
}

/** `cli`, without blocking this process (a port it holds must keep being held). */
function cliAsync(args: string[], dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv(dataDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A CLI that hangs fails its test (killed, so status is null) rather than the whole run.
    const kill = setTimeout(() => p.kill('SIGKILL'), 40_000);
    p.on('error', reject);
    p.on('close', (status, signal) => {
      clearTimeout(kill);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

test('a misspelled CLAIMGRAPH_* variable is named with the closest setting, and the command still runs', async () => {
  const r = await cliInProcess(['export', '--out', join(tmp.path, 'warned.json')], join(tmp.path, 'warned'), { env: { CLAIMGRAPH_MAX_COSTS: '100', CLAIMGRAPH_FROBNICATE: '1' } });
  expectExit(r, 0);
  expect(r.stderr).toContain('claimgraph: warning: CLAIMGRAPH_FROBNICATE is not a claimgraph setting and is ignored; the settings are listed by "npx claimgraph --help"');
  expect(r.stderr).toContain('claimgraph: warning: CLAIMGRAPH_MAX_COSTS is not a claimgraph setting and is ignored; did you mean CLAIMGRAPH_MAX_COST?');
});

test('a data folder that is a file is CONFIG_INVALID: a folder was expected, a file came', async () => {
  const file = join(tmp.path, 'not-a-folder');
  writeFileSync(file, 'x');
  const r = await cliInProcess(['export'], file);
  expectExit(r, 2);
  expect(r.stderr).toBe(`claimgraph: CONFIG_INVALID: Invalid configuration:\n  CLAIMGRAPH_DATA_DIR: expected a folder (the store is the file graph.grafeo in it), got a file: ${file}\n`);
});

test('a HOST that does not resolve is refused with the other settings, before the store opens or the seed loads', async () => {
  const dir = join(tmp.path, 'bad-host');
  const r = await cliAsync(['serve'], dir, { HOST: 'garbage.invalid', PORT: '0', CLAIMGRAPH_SEED: 'auto' });
  expectExit(r, 2);
  expect(r.stderr).toMatch(/^claimgraph: CONFIG_INVALID: Invalid configuration:\n {2}HOST: expected an address or a host name of this machine to listen on, got "garbage\.invalid", which does not resolve \((ENOTFOUND|EAI_AGAIN)\)\n$/);
  expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  const syntax = await cliAsync(['serve', '--host', 'not a host!'], dir);
  expectExit(syntax, 2);
  expect(syntax.stderr).toContain('HOST: expected an IP address or a host name of this machine to listen on (e.g. 127.0.0.1, ::, localhost), got "not a host!"');
});

test('a port in use: which host and port, that another claimgraph may hold it, exit 2, nothing opened', async () => {
  const holder: Server = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  const port = (holder.address() as { port: number }).port;
  const dir = join(tmp.path, 'port-in-use');
  try {
    const r = await cliAsync(['serve', '--port', String(port), '--host', '127.0.0.1'], dir);
    expectExit(r, 2);
    expect(r.stderr).toBe(`claimgraph: CONFIG_INVALID: Cannot listen on 127.0.0.1:${port} is in use: another program listens there, perhaps another claimgraph serve. Stop it, or choose another port (PORT or --port).\n`);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
});

describe('NEO4J_URI at something that is not a Neo4j: the host and port, what went wrong, exit 3, never the credentials', () => {
  const neo4jEnv = (uri: string) => ({ NEO4J_URI: uri, NEO4J_USERNAME: 'neo4j-admin-user', NEO4J_PASSWORD: 'pw-S3cret', PORT: '0', HOST: '127.0.0.1' });
  const expectNoCredentials = (r: CliResult) => expect(r.stdout + r.stderr).not.toMatch(/S3cret|neo4j-admin-user/);

  test('serve, with the HTTP port: it answered, but not in Bolt', async () => {
    const http = createHttpServer((_req, res) => res.end('<html>Neo4j Browser</html>'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    try {
      const r = await cliAsync(['serve'], join(tmp.path, 'neo4j-http'), neo4jEnv(`bolt://127.0.0.1:${port}`));
      expectExit(r, 3);
      expect(r.stderr).toBe(
        `claimgraph: STORE_UNAVAILABLE: Neo4j at 127.0.0.1:${port} (NEO4J_URI) answered, but not in Bolt: point NEO4J_URI at the Bolt port (7687 by default), not the HTTP one (7474).\n`,
      );
      expectNoCredentials(r);
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });

  test('export, with a port nobody listens on: it could not be reached', async () => {
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const r = await cliAsync(['export'], join(tmp.path, 'neo4j-closed'), neo4jEnv(`neo4j://neo4j-admin-user:pw-S3cret@127.0.0.1:${port}`));
    expectExit(r, 3);
    expect(r.stderr).toBe(
      `claimgraph export: STORE_UNAVAILABLE: Neo4j at 127.0.0.1:${port} (NEO4J_URI) could not be reached (connection refused: nothing listens on that port): check the host and port in NEO4J_URI, and that Neo4j is running.\n`,
    );
    expectNoCredentials(r);
  });

  test('serve, with a port that never answers: says so after the connect timeout, and the process ends', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const { port } = silent.address() as AddressInfo;
    try {
      const r = await cliAsync(['serve'], join(tmp.path, 'neo4j-silent'), neo4jEnv(`bolt://127.0.0.1:${port}`));
      expectExit(r, 3);
      expect(r.stderr).toMatch(new RegExp(`^claimgraph: STORE_UNAVAILABLE: Neo4j at 127\\.0\\.0\\.1:${port} \\(NEO4J_URI\\) did not answer in Bolt within \\d+ s: `));
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

test('export --out into a folder that does not exist says so, without the temporary file name', async () => {
  const dir = join(tmp.path, 'export-data');
  mkdirSync(dir, { recursive: true });
  expectExit(await cliInProcess(['import', SEED_FILE], dir), 0);
  const out = join(tmp.path, 'no-such-folder', 'graph.json');
  const r = await cliInProcess(['export', '--out', out], dir);
  expectExit(r, 2);
  expect(r.stderr).toBe(`claimgraph export: cannot write ${out}: the folder ${join(tmp.path, 'no-such-folder')} does not exist (create it first). Nothing was written.\n`);
  expect(r.stderr).not.toContain('.tmp');
});

test('seed says what it did: written the first time, "nothing was written" the second, the totals in words', async () => {
  const dir = join(tmp.path, 'seeded');
  const first = await cliInProcess(['seed'], dir);
  expectExit(first, 0);
  expect(first.stdout).toMatch(/^Seed written to the embedded engine at .*graph\.grafeo:$/m);
  const second = await cliInProcess(['seed'], dir);
  expectExit(second, 0);
  expect(second.stdout).toMatch(/^The seed is already in the embedded engine at .*graph\.grafeo: nothing was written\.$/m);
  expect(second.stdout).toMatch(/^The store now holds 19 sources, 18 entities, 1 document, 34 claims, 43 statements\.$/m);
});

test('validate against a data folder with no store yet checks against an empty graph and creates nothing', async () => {
  const dir = join(tmp.path, 'validate-only');
  const r = await cliInProcess(['validate', SEED_FILE], dir);
  expectExit(r, 0);
  expect(r.stdout).toContain('(no store there yet: an empty graph)');
  expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
});
