import { resolve } from 'node:path';
import { ClaimgraphError, show } from './errors';

/** Where the graph lives. */
export type StoreConfig =
  | { engine: 'embedded'; path: string | null }
  | { engine: 'neo4j'; uri: string; username: string; password: string; database: string };

export interface Config {
  port: number;
  /** Interface to listen on; null listens on all of them. */
  host: string | null;
  store: StoreConfig;
  /** Load the seed when the store is empty at start-up. */
  seedWhenEmpty: boolean;
}

/** The environment variables claimgraph reads, with what each does (shown by `--help`, documented in README). */
export const ENVIRONMENT = {
  PORT: 'HTTP port of the API (default 4000).',
  HOST: 'Interface to listen on (default: all interfaces).',
  CLAIMGRAPH_DATA_DIR: 'Folder of the embedded store (default ./data); the store is the file graph.grafeo in it.',
  CLAIMGRAPH_SEED: '"auto" (default) loads the seed into an empty store at start-up; "off" never does.',
  NEO4J_URI: 'When set, use this Neo4j 5 server instead of the embedded engine (neo4j://, bolt://, with +s or +ssc for TLS).',
  NEO4J_USERNAME: 'Neo4j user (default neo4j).',
  NEO4J_PASSWORD: 'Neo4j password (required with NEO4J_URI).',
  NEO4J_DATABASE: 'Neo4j database (default neo4j).',
} as const;

/** The embedded store's file inside CLAIMGRAPH_DATA_DIR. */
export const EMBEDDED_STORE_FILE = 'graph.grafeo';

/**
 * Reads and checks the configuration. Every bad value is reported at once,
 * each saying what was expected and what came, so a deploy is fixed in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const value = (name: keyof typeof ENVIRONMENT): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  let port = 4000;
  const rawPort = value('PORT');
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port > 65535) problems.push(`PORT: expected an integer from 0 to 65535, got ${show(rawPort)}`);
  }

  const seedMode = value('CLAIMGRAPH_SEED') ?? 'auto';
  if (seedMode !== 'auto' && seedMode !== 'off') problems.push(`CLAIMGRAPH_SEED: expected "auto" or "off", got ${show(seedMode)}`);

  let store: StoreConfig;
  const uri = value('NEO4J_URI');
  if (uri === undefined) {
    store = { engine: 'embedded', path: resolve(value('CLAIMGRAPH_DATA_DIR') ?? './data', EMBEDDED_STORE_FILE) };
  } else {
    if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^/\s]+/.test(uri)) {
      // The URI is not echoed: it may carry credentials.
      problems.push('NEO4J_URI: expected neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s:// or bolt+ssc:// followed by a host');
    }
    const password = value('NEO4J_PASSWORD');
    if (password === undefined) problems.push('NEO4J_PASSWORD: expected the password of the Neo4j user, got nothing');
    store = {
      engine: 'neo4j',
      uri,
      username: value('NEO4J_USERNAME') ?? 'neo4j',
      password: password ?? '',
      database: value('NEO4J_DATABASE') ?? 'neo4j',
    };
  }

  if (problems.length > 0) {
    throw new ClaimgraphError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }
  return { port, host: value('HOST') ?? null, store, seedWhenEmpty: seedMode === 'auto' };
}
