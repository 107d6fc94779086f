/**
 * The `claimgraph` command as a function: picks the command, parses its
 * arguments, runs it, prints a failure as the user should read it, and gives
 * the exit code. main.ts runs it as the process; the tests run it in-process
 * (test/cli/in-process.ts), where a child process would prove nothing more.
 * The commands themselves are in commands.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closest } from '../config';
import { ClaimgraphError } from '../errors';
import { projectRoot } from '../paths';
import { EXIT, parseArgs, UsageError } from './args';
import { COMMANDS, describeError, exitCodeOf, GENERAL_HELP } from './commands';

const helpOf = (command: string | undefined): string => (command !== undefined && COMMANDS[command] ? (COMMANDS[command]?.help ?? GENERAL_HELP) : GENERAL_HELP);

async function dispatch(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`claimgraph: a command is needed.\n\n${GENERAL_HELP}`);
    return EXIT.USAGE;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    const { version } = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`claimgraph ${version}\n`);
    return EXIT.OK;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0];
    if (topic !== undefined && COMMANDS[topic] === undefined) throw new UsageError(`Unknown command ${JSON.stringify(topic)}.`);
    process.stdout.write(helpOf(topic));
    return EXIT.OK;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    const near = closest(name.replace(/^-+/, ''), Object.keys(COMMANDS));
    throw new UsageError(
      `Unknown ${name.startsWith('-') ? 'option' : 'command'} ${JSON.stringify(name)}: ${near === null ? `expected one of ${Object.keys(COMMANDS).join(', ')}.` : `did you mean ${near}?`}`,
    );
  }
  const args = parseArgs(name, rest, command.options);
  if (args.help) {
    process.stdout.write(command.help);
    return EXIT.OK;
  }
  return command.run(args);
}

/**
 * What a run of `claimgraph argv…` ended with: its exit code (negative when the
 * command keeps the process running, as serve does), and whether it failed by
 * throwing (then the message is already on stderr).
 */
export interface CliOutcome {
  exitCode: number;
  threw: boolean;
}

/** Runs `claimgraph argv…` on this process's stdio and environment; never rejects. */
export async function runCli(argv: readonly string[]): Promise<CliOutcome> {
  try {
    return { exitCode: await dispatch(argv), threw: false };
  } catch (error: unknown) {
    if (error instanceof UsageError) {
      // The line that matters, and where the rest is: not the whole help under it.
      process.stderr.write(`claimgraph: ${error.message}\nSee "npx claimgraph ${error.command === undefined ? '' : `${error.command} `}--help".\n`);
    } else if (error instanceof ClaimgraphError && error.code === 'CONFIG_INVALID') {
      process.stderr.write(`claimgraph: ${error.code}: ${error.message}\n`);
    } else {
      process.stderr.write(`claimgraph: ${describeError(error)}\n`);
    }
    return { exitCode: exitCodeOf(error), threw: true };
  }
}
