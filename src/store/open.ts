import type { StoreConfig } from '../config';
import { EmbeddedStore } from './embedded-store';
import { modelError, readStoreModel, writeModelMarkerWithin, MODEL_VERSION } from './model-version';
import type { GraphStore, TransactionTimeouts } from './port';
import { loadQueries, type QueryTable } from './queries';

/**
 * Opens the configured engine behind the port, with the query table loaded
 * once, and applies the schema (idempotent). `path: null` keeps the embedded
 * store in memory. `timeouts` bound each transaction (the server sets them;
 * the CLI's long imports run without).
 *
 * A store on disk or on Neo4j is checked first (src/store/model-version.ts):
 * one that holds a version 1 graph (claimgraph 0.1) or a later model is
 * refused with STORE_UNAVAILABLE, naming `claimgraph migrate`, before
 * anything (the schema included) is written to it. One without the model
 * marker gets it, so later opens find the version by one index lookup.
 * (The name keys a store holds are checked one layer up: src/graph/name-keys.ts
 * `openGraphStore`, which the commands use.)
 */
export async function openStore(config: StoreConfig, queries: QueryTable = loadQueries(), options: { timeouts?: TransactionTimeouts } = {}): Promise<GraphStore> {
  const store = await connectStore(config, queries, options);
  try {
    // An in-memory store is new: nothing to check.
    const persistent = config.engine === 'neo4j' || config.path !== null;
    const model = persistent ? await readStoreModel(store) : null;
    if (model !== null && model.version !== MODEL_VERSION) throw modelError(model, storeLabel(config));
    await store.applySchema();
    // A store written before the full-text indexes: its nodes get their index text (nothing to do on a new one).
    if (persistent) await backfillSearchText(store);
    if (model !== null && model.marker === null) {
      // Best effort: a store that cannot take the marker (a read-only user) is searched again next time.
      await store.transaction('WRITE', (tx) => writeModelMarkerWithin(tx)).catch(() => undefined);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * The configured engine behind the port, as it is: no schema applied, no
 * model checked. For `claimgraph migrate`, which must read a version 1 store
 * without writing to it; everything else opens stores with {@link openStore}.
 */
export async function connectStore(config: StoreConfig, queries: QueryTable = loadQueries(), options: { timeouts?: TransactionTimeouts } = {}): Promise<GraphStore> {
  // neo4j-driver is loaded only when Neo4j is configured: it takes longer to load than the embedded
  // engine, and every command on the embedded store (and every test file) would pay for it.
  return config.engine === 'neo4j'
    ? (await import('./neo4j-store')).Neo4jStore.connect(config, queries, options.timeouts)
    : config.path === null
      ? EmbeddedStore.inMemory(queries, options)
      : EmbeddedStore.onDisk(config.path, queries, options);
}

/** The store as messages name it: "The embedded store at PATH", "Neo4j database \"NAME\"". */
export function storeLabel(config: StoreConfig): string {
  return config.engine === 'neo4j' ? `Neo4j database ${JSON.stringify(config.database)}` : `The embedded store at ${config.path ?? '(memory)'}`;
}

/** Nodes of each label given their search text per transaction, when a store written before the full-text indexes is opened. */
const BACKFILL_BATCH = 10_000;

/**
 * Gives every searchable node written before the full-text indexes its
 * search text (cypher/backfill-search-text), a batch per transaction, so
 * that both engines' indexes (kept up on write) find it. Returns how many
 * nodes it filled: 0 on a store written by this version.
 */
export async function backfillSearchText(store: GraphStore): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await store.write('backfill-search-text', { limit: BACKFILL_BATCH });
    const filled = Number(row?.filled ?? 0);
    total += filled;
    if (filled === 0) return total;
  }
}
