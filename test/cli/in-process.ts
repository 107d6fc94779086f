/**
 * Runs `claimgraph args…` inside the test's own process: the same command code
 * (src/cli/run.ts, what main.ts runs), with the environment, stdin, stdout,
 * stderr and exit code a child process would have, but without starting Node
 * and loading every module again for each run (about 0.4 s of CPU a run).
 * For tests of what a command does; where the process boundary is the point
 * (signals, a kill mid-write, a lock held by another process, the built bin,
 * a pipe between two processes), the tests use `cli` from build.ts instead.
 */
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run';
import { cliEnv, ROOT, type CliResult } from './build';

type WriteCallback = (error?: Error | null) => void;

/** Replaces `stream.write` with one that appends to `sink`; returns the undo. */
function captureWrites(stream: NodeJS.WriteStream, sink: string[]): () => void {
  const original = Object.getOwnPropertyDescriptor(stream, 'write');
  const originalTTY = Object.getOwnPropertyDescriptor(stream, 'isTTY');
  const write = (chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (done !== undefined) process.nextTick(done);
    return true;
  };
  Object.defineProperty(stream, 'write', { value: write, configurable: true, writable: true });
  // As under spawnSync: a pipe, not a terminal (progress is printed as lines).
  Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  return () => {
    if (original === undefined) delete (stream as { write?: unknown }).write;
    else Object.defineProperty(stream, 'write', original);
    if (originalTTY === undefined) delete (stream as { isTTY?: unknown }).isTTY;
    else Object.defineProperty(stream, 'isTTY', originalTTY);
  };
}

/** Swaps `process.env`'s contents for `env`; returns the undo. */
function swapEnvironment(env: NodeJS.ProcessEnv): () => void {
  const saved = { ...process.env };
  const replaceWith = (next: NodeJS.ProcessEnv) => {
    for (const name of Object.keys(process.env)) delete process.env[name];
    Object.assign(process.env, next);
  };
  replaceWith(env);
  return () => replaceWith(saved);
}

/** Gives `process.stdin` the bytes of `input`, as a pipe would; returns the undo. */
function swapStdin(input: string): () => void {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin');
  const stdin = Readable.from(input === '' ? [] : [Buffer.from(input, 'utf8')]);
  Object.defineProperty(process, 'stdin', { value: stdin, configurable: true, writable: true });
  return () => {
    if (original !== undefined) Object.defineProperty(process, 'stdin', original);
  };
}

let running = false;

/**
 * Runs `claimgraph args…` in-process on an embedded store in `dataDir`, with
 * the environment `cli` gives a child (never seeded, never Neo4j), and `input`
 * on stdin. One run at a time: the process's streams and environment are shared.
 */
export async function cliInProcess(args: string[], dataDir: string, options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  if (running) throw new Error('cliInProcess: one run at a time (it swaps the process\'s stdio and environment)');
  running = true;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const previousCwd = process.cwd();
  const undo = [swapEnvironment(cliEnv(dataDir, options.env)), swapStdin(options.input ?? ''), captureWrites(process.stdout, stdout), captureWrites(process.stderr, stderr)];
  try {
    process.chdir(options.cwd ?? ROOT);
    const { exitCode } = await runCli(args);
    return { status: exitCode, signal: null, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.chdir(previousCwd);
    for (const restore of undo.reverse()) restore();
    running = false;
  }
}
