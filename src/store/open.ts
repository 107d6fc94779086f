import type { StoreConfig } from '../config';
import { EmbeddedStore } from './embedded-store';
import { Neo4jStore } from './neo4j-store';
import type { GraphStore } from './port';
import { loadQueries, type QueryTable } from './queries';

/**
 * Opens the configured engine behind the port, with the query table loaded
 * once, and applies the schema (idempotent). `path: null` keeps the embedded
 * store in memory.
 */
export async function openStore(config: StoreConfig, queries: QueryTable = loadQueries()): Promise<GraphStore> {
  const store =
    config.engine === 'neo4j'
      ? await Neo4jStore.connect(config, queries)
      : config.path === null
        ? EmbeddedStore.inMemory(queries)
        : EmbeddedStore.onDisk(config.path, queries);
  try {
    await store.applySchema();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
