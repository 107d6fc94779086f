import neo4j from 'neo4j-driver';
import { openStore } from '../src/store/open';
import type { GraphStore, TransactionTimeouts } from '../src/store/port';

/*
 * The one place the tests get a store from. Without NEO4J_URI: a fresh
 * in-memory embedded store per call. With NEO4J_URI (and NEO4J_PASSWORD,
 * NEO4J_USERNAME, NEO4J_DATABASE as the server reads them): a Neo4j store,
 * and so the API, store, import/export, editing and analysis tests all run
 * on Neo4j. Two ways to keep tests apart (NEO4J_TEST_DATABASES):
 * - `clean` (default; Neo4j Community has one database): every store opens
 *   on NEO4J_DATABASE after emptying it, and the suite runs one file at a
 *   time (jest.config.js); a test that holds two stores at once fails, saying
 *   it needs `per-store`.
 * - `per-store` (Neo4j Enterprise): every store gets a database of its own,
 *   created on open and dropped on close, so files run in parallel.
 * THE NEO4J LEG EMPTIES NEO4J_DATABASE: point it at a scratch server.
 */

export type TestEngine = 'embedded' | 'neo4j';
export const TEST_ENGINE: TestEngine = process.env.NEO4J_URI ? 'neo4j' : 'embedded';

export interface Neo4jTestConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
  mode: 'clean' | 'per-store';
}

/** The Neo4j leg's settings, from the environment; null when the leg does not run. */
export function neo4jTestConfig(env: NodeJS.ProcessEnv = process.env): Neo4jTestConfig | null {
  const uri = env.NEO4J_URI;
  if (!uri) return null;
  const mode = env.NEO4J_TEST_DATABASES ?? 'clean';
  if (mode !== 'clean' && mode !== 'per-store') throw new Error(`NEO4J_TEST_DATABASES: expected clean or per-store, got ${JSON.stringify(mode)}`);
  return { uri, username: env.NEO4J_USERNAME ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '', database: env.NEO4J_DATABASE ?? 'neo4j', mode };
}

export interface TestStoreOptions {
  timeouts?: TransactionTimeouts;
}

/** A fresh, empty store of the engine under test, its schema applied. */
export async function openTestStore(options: TestStoreOptions = {}): Promise<GraphStore> {
  const config = neo4jTestConfig();
  if (config !== null) return openNeo4jTestStore(config, options);
  // TEST_ONE_STORE_AT_A_TIME=1 holds the embedded run to what one Neo4j database allows, to find the tests that would break there.
  if (process.env.TEST_ONE_STORE_AT_A_TIME === '1') {
    if (cleanStoresOpen > 0) throw new Error('This test holds two stores at once (TEST_ONE_STORE_AT_A_TIME).');
    cleanStoresOpen++;
    return withClose(await openStore({ engine: 'embedded', path: null }, undefined, options), async () => {
      cleanStoresOpen--;
    });
  }
  return openStore({ engine: 'embedded', path: null }, undefined, options);
}

let cleanStoresOpen = 0;
let databases = 0;

async function openNeo4jTestStore(config: Neo4jTestConfig, options: TestStoreOptions): Promise<GraphStore> {
  const admin = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
  try {
    if (config.mode === 'per-store') {
      // Database names: letters, digits, dots and dashes, starting with a letter.
      const database = `claimgraph-test-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid}-${++databases}`;
      await admin.executeQuery(`CREATE DATABASE \`${database}\` IF NOT EXISTS WAIT`, {}, { database: 'system' });
      const store = await openStore({ engine: 'neo4j', uri: config.uri, username: config.username, password: config.password, database }, undefined, options);
      return withClose(store, async () => {
        const dropper = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
        try {
          await dropper.executeQuery(`DROP DATABASE \`${database}\` IF EXISTS`, {}, { database: 'system' });
        } finally {
          await dropper.close();
        }
      });
    }
    if (cleanStoresOpen > 0) {
      throw new Error('This test holds two stores at once; on one Neo4j database that needs NEO4J_TEST_DATABASES=per-store (Neo4j Enterprise).');
    }
    // In batches, so a large leftover graph cannot exhaust the transaction memory.
    const session = admin.session({ database: config.database });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
    const store = await openStore({ engine: 'neo4j', uri: config.uri, username: config.username, password: config.password, database: config.database }, undefined, options);
    cleanStoresOpen++;
    return withClose(store, async () => {
      cleanStoresOpen--;
    });
  } finally {
    await admin.close();
  }
}

/** `store`, with `after` run once it is closed (the first time only). */
function withClose(store: GraphStore, after: () => Promise<void>): GraphStore {
  let closed = false;
  return {
    engine: store.engine,
    transaction: (mode, work) => store.transaction(mode, work),
    read: (name, params) => store.read(name, params),
    write: (name, params) => store.write(name, params),
    textSearch: (label, tokens, limit) => store.textSearch(label, tokens, limit),
    applySchema: () => store.applySchema(),
    ping: () => store.ping(),
    async close() {
      await store.close();
      if (closed) return;
      closed = true;
      await after();
    },
  };
}

/** The line CI prints about the engines: which ran, and plainly when the Neo4j leg did not. */
export function engineBanner(env: NodeJS.ProcessEnv = process.env): string {
  const config = neo4jTestConfig(env);
  if (config === null) {
    return 'Test engine: embedded (Grafeo, in memory). The Neo4j leg did NOT run: NEO4J_URI is not set (README, "Testing on Neo4j").';
  }
  const where = config.uri.replace(/\/\/[^@/]*@/, '//');
  return `Test engine: neo4j at ${where}, ${config.mode === 'per-store' ? 'one database per store' : `database ${config.database}, emptied before each store, one file at a time`}.`;
}
