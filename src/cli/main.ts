#!/usr/bin/env node
/**
 * The `claimgraph` command as a process: runs it (run.ts) and turns the
 * outcome into the process's exit code (see `claimgraph --help`).
 */
import { runCli } from './run';

void runCli(process.argv.slice(2)).then(({ exitCode, threw }) => {
  if (exitCode >= 0) process.exitCode = exitCode;
  // A failed command has nothing left to do: exit even if a handle it could not close keeps the
  // event loop alive (the Neo4j driver does not end a connection that never finished its
  // handshake). Unref'd, so a process that can end on its own ends at once.
  if (threw) setTimeout(() => process.exit(exitCode), 1_000).unref();
});
