/**
 * Shared by the CLI tests: builds dist/ once per Jest run, and runs the
 * built `claimgraph` the way a user does (`node dist/src/cli/main.js …`).
 *
 * Jest runs test files in parallel workers. Two builds writing dist/ at once
 * could let one file's child process load a half-written module, so the
 * build takes a lock (a directory, created atomically) and leaves a stamp
 * naming the Jest run (the workers' common parent process); a file that
 * finds the stamp of its own run does not build again.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
export const SEED_FILE = join(ROOT, 'seed', 'dumayr.bundle.json');

const LOCK = join(ROOT, 'dist', '.cli-test-build.lock');
const STAMP = join(ROOT, 'dist', '.cli-test-build.stamp');

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Compiles src/ to dist/ (tsconfig.build.json), at most once per Jest run. */
export function buildCliOnce(): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const run = String(process.ppid);
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than two minutes was left by a killed run.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`The build lock ${LOCK} was held for 90 s; remove it if no test is running.`);
      sleep(200);
    }
  }
  try {
    let stamp = '';
    try {
      stamp = readFileSync(STAMP, 'utf8');
    } catch {
      /* never built */
    }
    if (stamp === run) return;
    // --noCheck: emit only. test/structure/typecheck.test.ts type-checks src/ in the same run, so
    // checking it again here would only double the cost (10.5 s of CPU instead of 13.6 s, measured).
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--noCheck'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // tsc emits even when some file has a type error (files edited elsewhere may be mid-change):
    // go on when the CLI was written, but show the errors.
    if (tsc.status !== 0) {
      const emitted = (() => {
        try {
          return statSync(CLI).mtimeMs > Date.now() - 120_000;
        } catch {
          return false;
        }
      })();
      if (!emitted) throw new Error(`The build failed and wrote no CLI:\n${tsc.stdout}${tsc.stderr}`);
      console.warn(`tsc reported errors (the CLI was still emitted):\n${tsc.stdout}${tsc.stderr}`);
    }
    // As prepare does: npx runs a project's own bin as a command, so it must be executable.
    chmodSync(CLI, 0o755);
    writeFileSync(STAMP, run);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The environment of a CLI run: an embedded store in `dataDir`, never seeded, never Neo4j. */
export function cliEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CLAIMGRAPH_DATA_DIR: dataDir, CLAIMGRAPH_SEED: 'off', ...extra };
  for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'CLAIMGRAPH_EDITOR', 'PORT']) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `claimgraph args…` to completion. */
export function cli(args: string[], dataDir: string, options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(dataDir, options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `claimgraph <from…> | claimgraph <to…>`: the first one's stdout is piped into the second one's stdin. */
export function cliPipe(from: { args: string[]; dataDir: string }, to: { args: string[]; dataDir: string }): Promise<[CliResult, CliResult]> {
  const start = (args: string[], dataDir: string) => spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv(dataDir), stdio: ['pipe', 'pipe', 'pipe'] });
  const a = start(from.args, from.dataDir);
  const b = start(to.args, to.dataDir);
  a.stdout.pipe(b.stdin);
  const collect = (p: ReturnType<typeof start>, captureStdout: boolean) =>
    new Promise<CliResult>((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      if (captureStdout) p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      p.on('error', reject);
      p.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    });
  a.stdin.end();
  return Promise.all([collect(a, false), collect(b, true)]);
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
