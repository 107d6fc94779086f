#!/usr/bin/env node
/**
 * The `claimgraph` command: picks the command, parses its arguments, runs
 * it and turns the outcome into an exit code (see `claimgraph --help`).
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

async function main(argv: string[]): Promise<number> {
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

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      // The line that matters, and where the rest is: not the whole help under it.
      process.stderr.write(`claimgraph: ${error.message}\nSee "npx claimgraph ${error.command === undefined ? '' : `${error.command} `}--help".\n`);
    } else if (error instanceof ClaimgraphError && error.code === 'CONFIG_INVALID') {
      process.stderr.write(`claimgraph: ${error.code}: ${error.message}\n`);
    } else {
      process.stderr.write(`claimgraph: ${describeError(error)}\n`);
    }
    const code = exitCodeOf(error);
    process.exitCode = code;
    // A failed command has nothing left to do: exit even if a handle it could not close keeps the
    // event loop alive (the Neo4j driver does not end a connection that never finished its
    // handshake). Unref'd, so a process that can end on its own ends at once.
    setTimeout(() => process.exit(code), 1_000).unref();
  },
);
