#!/usr/bin/env node
import { startHttpServer } from '../api/server';
import { ENVIRONMENT, loadConfig, type Config } from '../config';
import { ClaimgraphError } from '../errors';
import { graphCounts, seed, seedIfEmpty } from '../graph/seed';
import { openStore } from '../store/open';
import type { GraphStore } from '../store/port';

const USAGE = `claimgraph — a source-claim verification knowledge graph with a GraphQL API

Usage:
  claimgraph serve          start the API (seeds an empty store unless CLAIMGRAPH_SEED=off)
  claimgraph seed           load the Dumayr report into the store (idempotent)
  claimgraph --help         show this help

Environment:
${Object.entries(ENVIRONMENT)
  .map(([name, what]) => `  ${name.padEnd(20)} ${what}`)
  .join('\n')}
`;

function describe(config: Config): string {
  return config.store.engine === 'neo4j'
    ? `Neo4j database "${config.store.database}"`
    : `the embedded engine at ${config.store.path ?? '(memory)'}`;
}

async function serve(config: Config): Promise<void> {
  const store = await openStore(config.store);
  if (config.seedWhenEmpty && (await seedIfEmpty(store))) console.log('[claimgraph] the store was empty: loaded the seed.');
  const running = await startHttpServer(store, config.port, config.host);
  console.log(`[claimgraph] serving GraphQL at ${running.url} on ${describe(config)} (query console at ${running.url.replace(/graphql$/, '')})`);
  const shutdown = (signal: string) => {
    console.log(`[claimgraph] ${signal}: stopping.`);
    running
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('[claimgraph] shutdown failed:', error);
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function runSeed(config: Config): Promise<void> {
  const store: GraphStore = await openStore(config.store);
  try {
    const summary = await seed(store);
    console.log(`[claimgraph] seed written to ${describe(config)}:`, summary);
    console.log('[claimgraph] the store now holds:', await graphCounts(store));
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keeps running
    case 'seed':
      await runSeed(config);
      return 0;
    default:
      process.stderr.write(`Unknown command ${JSON.stringify(command)}: expected serve or seed.\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ClaimgraphError) console.error(`[claimgraph] ${error.code}: ${error.message}`);
    else console.error('[claimgraph] failed:', error);
    process.exitCode = 1;
  },
);
