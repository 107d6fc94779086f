import { closest } from '../config';

/**
 * The command line's argument parsing: one small parser for every command,
 * so each accepts `--name value`, `--name=value`, flags, `--` (the end of the
 * options) and `-` (stdin) the same way. A wrong argument is a usage error:
 * exit 2, with the command's help.
 */

/** The process exit codes, documented in `claimgraph --help` and the README. */
export const EXIT = {
  OK: 0,
  /** The input is invalid: a bundle with problems, a file that is not JSON, an unknown id. */
  INVALID_INPUT: 1,
  /** The command line or the configuration is wrong. */
  USAGE: 2,
  /** The store failed: unreachable, locked, a write conflict, an internal error. */
  STORE: 3,
} as const;

/** A wrong command line: reported with the help of the command it concerns. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose help to show; undefined shows the general help. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  /** Options that take a value (`--editor NAME`), without the leading dashes. */
  values?: readonly string[];
  /** Options that take none (`--dry-run`). */
  flags?: readonly string[];
}

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
  positional: string[];
  help: boolean;
}

/** Parses one command's arguments (after the command name). */
export function parseArgs(command: string, argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  let help = false;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1];
    if (match === null || name === undefined) throw new UsageError(`Unknown option ${JSON.stringify(arg)} for ${command}.`, command);
    const inline = match[2];
    if (spec.values?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`Option --${name} of ${command} needs a value.`, command);
      }
      if (value.trim() === '') throw new UsageError(`Option --${name} of ${command} needs a non-empty value.`, command);
      if (values.has(name)) throw new UsageError(`Option --${name} of ${command} is given twice.`, command);
      values.set(name, value);
    } else if (spec.flags?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`Option --${name} of ${command} takes no value.`, command);
      flags.add(name);
    } else {
      const known = [...(spec.values ?? []), ...(spec.flags ?? [])];
      const near = closest(name, known);
      throw new UsageError(`Unknown option --${name} for ${command}${near === null ? '' : `: did you mean --${near}?`}${near === null && known.length === 0 ? ` (${command} takes no option)` : near === null ? '.' : ''}`, command);
    }
  }
  return { values, flags, positional, help };
}

/** One command of the command line: its help, its options and what it does (src/cli/commands.ts lists them). */
export interface Command {
  /** One line for the general help. */
  summary: string;
  /** The command's own help (`claimgraph <command> --help`). */
  help: string;
  options: OptionSpec;
  /** Returns the exit code, or -1 when the command keeps running (serve). */
  run(args: ParsedArgs): Promise<number>;
}
