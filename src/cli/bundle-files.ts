/**
 * Where the command line's bundles come from: files, every `*.json` of a
 * directory (sorted by name), or stdin (`-`). Each is one bundle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeUtf8Problem, utf8Problem } from '../utf8';
import { UsageError } from './args';

/** One bundle to read: a file, or stdin. */
export interface BundleInput {
  /** What to call it in messages: the path as given (joined for a directory's files), or "stdin". */
  label: string;
  /** The file to read; null for stdin. */
  path: string | null;
}

/** A bundle that could not be read or is not JSON: invalid input (exit 1), nothing written. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * Turns the command's arguments into the list of bundles to read, in order.
 * Checked before anything is read or written, so a typo in the third path
 * does not leave the first two imported: a missing path or an empty
 * directory is a usage error.
 */
export function expandInputs(command: string, args: readonly string[], stdinIsTTY: boolean): BundleInput[] {
  if (args.length === 0) {
    if (stdinIsTTY) throw new UsageError(`${command} needs a file, a directory, or - to read a bundle from stdin.`, command);
    return [{ label: 'stdin', path: null }];
  }
  const inputs: BundleInput[] = [];
  let stdin = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdin) throw new UsageError('stdin (-) can be given only once: it holds one bundle.', command);
      stdin = true;
      inputs.push({ label: 'stdin', path: null });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      throw new UsageError(`No such file or directory: ${arg}`, command);
    }
    if (!isDirectory) {
      inputs.push({ label: arg, path: arg });
      continue;
    }
    const files = readdirSync(arg, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
      .map((e) => e.name)
      .sort();
    if (files.length === 0) throw new UsageError(`The directory ${arg} holds no *.json file.`, command);
    for (const name of files) inputs.push({ label: join(arg, name), path: join(arg, name) });
  }
  return inputs;
}

/** Reads all of stdin, as bytes. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Reads one bundle's JSON. Throws InputError when it cannot be read or parsed; the bundle is not checked here. */
export async function readBundleJson(input: BundleInput): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = input.path === null ? await readStdin() : readFileSync(input.path);
  } catch (error) {
    throw new InputError(`Cannot read ${input.label}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Decoding would turn bytes that are not UTF-8 into U+FFFD silently, ids included.
  const broken = utf8Problem(bytes);
  if (broken !== null) throw new InputError(`${input.label} is not UTF-8: ${describeUtf8Problem(bytes, broken)}.`);
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new InputError(`${input.label} is empty: expected one claimgraph bundle as JSON.`);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${input.label} is not valid JSON: ${message}${where(text, message)}`);
  }
}

/** "(line L, column C)" for a JSON.parse message that gives a position. */
function where(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (position === null) return '';
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
