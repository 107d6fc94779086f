import type { StoreConfig } from '../config';
import { EmbeddedStore } from './embedded-store';
import { Neo4jStore } from './neo4j-store';
import type { GraphStore, TransactionTimeouts } from './port';
import { loadQueries, type QueryTable } from './queries';

/**
 * Opens the configured engine behind the port, with the query table loaded
 * once, and applies the schema (idempotent). `path: null` keeps the embedded
 * store in memory. `timeouts` bound each transaction (the server sets them;
 * the CLI's long imports run without).
 */
export async function openStore(config: StoreConfig, queries: QueryTable = loadQueries(), options: { timeouts?: TransactionTimeouts } = {}): Promise<GraphStore> {
  const store =
    config.engine === 'neo4j'
      ? await Neo4jStore.connect(config, queries, options.timeouts)
      : config.path === null
        ? EmbeddedStore.inMemory(queries, options)
        : EmbeddedStore.onDisk(config.path, queries, options);
  try {
    await store.applySchema();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
