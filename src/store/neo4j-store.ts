import neo4j, { type BookmarkManager } from 'neo4j-driver';
import { ClaimgraphError, show } from '../errors';
import { mapNeo4jError } from './neo4j-errors';
import { fromNeo4j, toNeo4jParams } from './neo4j-values';
import type { AccessMode, GraphStore, Params, QueryRunner, Row, TransactionTimeouts } from './port';
import { checkParams, loadSchemaStatements, type QueryName, type QueryTable } from './queries';
import { byRelevance, checkTextSearch, fullTextIndexName, type SearchLabel, type TextHit } from './search-port';

/** Connection settings for {@link Neo4jStore.connect}. */
export interface Neo4jConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
}

/** The part of a driver transaction the adapter uses (a `ManagedTransaction` fits). */
export interface Neo4jTransactionLike {
  run(text: string, params: Record<string, unknown>): PromiseLike<{ records: ReadonlyArray<{ toObject(): object }> }>;
}

/** The part of a driver session the adapter uses (a `Session` fits). */
export interface Neo4jSessionLike {
  /** `config.timeout` (ms) makes the server end the transaction, which the driver reports as TransactionTimedOut. */
  executeRead<T>(work: (tx: Neo4jTransactionLike) => Promise<T>, config?: { timeout?: number }): Promise<T>;
  executeWrite<T>(work: (tx: Neo4jTransactionLike) => Promise<T>, config?: { timeout?: number }): Promise<T>;
  close(): Promise<void>;
}

/**
 * The part of a neo4j-driver `Driver` the adapter uses. Narrow on purpose, so
 * tests can pass a small fake instead of needing a server.
 */
export interface Neo4jDriverLike {
  session(config: { database: string; defaultAccessMode: AccessMode; bookmarkManager?: BookmarkManager }): Neo4jSessionLike;
  verifyConnectivity(config: { database: string }): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The GraphStore port over a Neo4j 5 server. Holds one driver (and so one
 * connection pool) for the whole process; every transaction gets its own
 * short-lived session, always closed.
 */
export class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;

  /**
   * @param driver one driver per process; tests pass a fake
   * @param database the Neo4j database every session targets (never the server default, so a misconfigured home database cannot redirect writes)
   * @param queries the named queries, loaded once at start-up
   * @param schemaStatements where {@link applySchema} gets its DDL; `loadSchemaStatements('neo4j')` by default
   * @param timeouts the transaction timeout per access mode, passed to the server with each transaction
   */
  constructor(
    private readonly driver: Neo4jDriverLike,
    private readonly database: string,
    private readonly queries: QueryTable,
    private readonly schemaStatements: () => string[] = () => loadSchemaStatements('neo4j'),
    private readonly timeouts: TransactionTimeouts = {},
  ) {}

  /**
   * Shared by every session of this store, so each transaction waits for the
   * ones committed before it: on a cluster, a read routed to a follower sees
   * the write that preceded it (causal consistency across sessions).
   */
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();

  /** Set by close(): later calls fail as the embedded store's do, before the driver is asked. */
  private closed = false;

  private assertOpen(): void {
    if (this.closed) throw new ClaimgraphError('STORE_UNAVAILABLE', 'The Neo4j store is closed.', { reason: 'CLOSED' });
  }

  /**
   * Creates the driver and checks the server answers and accepts the
   * credentials, so a bad configuration fails at start-up rather than on the
   * first request. The driver is closed again if the check fails.
   */
  static async connect(config: Neo4jConfig, queries: QueryTable, timeouts: TransactionTimeouts = {}): Promise<Neo4jStore> {
    let driver: ReturnType<typeof neo4j.driver>;
    try {
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
    } catch (cause) {
      // Only the URI is checked here (scheme, host). It is not echoed: it may carry user info.
      throw new ClaimgraphError(
        'CONFIG_INVALID',
        'The Neo4j URI is not valid: expected neo4j://, neo4j+s://, bolt:// or bolt+s:// followed by a host.',
        undefined,
        { cause },
      );
    }
    const store = new Neo4jStore(driver, config.database, queries, undefined, timeouts);
    try {
      await store.ping();
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  /**
   * Runs `work` in a managed transaction. The driver retries the whole of
   * `work` on transient errors (deadlocks, leader changes), so `work` must not
   * have side effects outside the transaction.
   */
  async transaction<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    // Which query each driver error came from, so the mapped error can name it
    // while the raw error still reaches the driver (it only retries its own errors).
    const failedQuery = new WeakMap<object, QueryName>();
    this.assertOpen();
    let session: Neo4jSessionLike;
    try {
      session = this.driver.session({ database: this.database, defaultAccessMode: mode, bookmarkManager: this.bookmarks });
    } catch (error) {
      throw mapNeo4jError(error);
    }
    try {
      const body = (tx: Neo4jTransactionLike): Promise<T> => work(this.runner(tx, mode, failedQuery));
      const limit = this.timeouts[mode] ?? 0;
      const config = limit > 0 ? { timeout: limit } : undefined;
      return mode === 'READ' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
    } catch (error) {
      throw mapNeo4jError(error, typeof error === 'object' && error !== null ? failedQuery.get(error) : undefined);
    } finally {
      await closeQuietly(session);
    }
  }

  /** Runs one query in its own read transaction. */
  read(name: QueryName, params: Params = {}): Promise<Row[]> {
    return this.transaction('READ', (tx) => tx.run(name, params));
  }

  /**
   * The label's Lucene full-text index (cypher/schema-neo4j.cypher), asked
   * through cypher/text-candidates.cypher: the tokens are letters and digits,
   * joined by OR, so nothing in the query string is Lucene syntax.
   */
  async textSearch(label: SearchLabel, tokens: readonly string[], limit: number): Promise<TextHit[]> {
    checkTextSearch(label, tokens, limit);
    if (tokens.length === 0) return [];
    const rows = await this.read('text-candidates', { index: fullTextIndexName(label), query: tokens.join(' OR '), limit });
    return rows.map((row) => ({ id: String(row.id), relevance: Number(row.score) })).sort(byRelevance);
  }

  /** Runs one query in its own write transaction. */
  write(name: QueryName, params: Params = {}): Promise<Row[]> {
    return this.transaction('WRITE', (tx) => tx.run(name, params));
  }

  /**
   * Applies the Neo4j schema (`cypher/schema.cypher`, then `cypher/schema-neo4j.cypher`), one statement per transaction: Neo4j does
   * not let schema changes share a transaction with other statements.
   */
  async applySchema(): Promise<void> {
    this.assertOpen();
    const statements = this.schemaStatements();
    let session: Neo4jSessionLike;
    try {
      session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE', bookmarkManager: this.bookmarks });
    } catch (error) {
      throw mapNeo4jError(error);
    }
    try {
      for (const [i, statement] of statements.entries()) {
        try {
          await session.executeWrite(async (tx) => {
            await tx.run(statement, {});
          });
        } catch (error) {
          throw mapNeo4jError(error, `schema.cypher statement ${i + 1}`);
        }
      }
    } finally {
      await closeQuietly(session);
    }
  }

  /** Checks the server answers and accepts the credentials for the configured database. */
  async ping(): Promise<void> {
    this.assertOpen();
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  /** Closes the driver and its connection pool. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.driver.close();
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  private runner(tx: Neo4jTransactionLike, mode: AccessMode, failedQuery: WeakMap<object, QueryName>): QueryRunner {
    return {
      run: async (name: QueryName, params: Params = {}): Promise<Row[]> => {
        const query = this.queries[name] as QueryTable[QueryName] | undefined;
        if (query === undefined) {
          throw new ClaimgraphError('INTERNAL', `Query ${show(name)} is not in the query table.`);
        }
        checkParams(query, params);
        if (query.mode === 'write' && mode === 'READ') {
          // A read session may be routed to a replica, where the write would fail late and obscurely.
          throw new ClaimgraphError('INTERNAL', `Query ${name} writes and cannot run in a READ transaction.`);
        }
        let result: { records: ReadonlyArray<{ toObject(): object }> };
        try {
          result = await tx.run(query.text, toNeo4jParams(params));
        } catch (error) {
          if (typeof error === 'object' && error !== null) failedQuery.set(error, name);
          throw error;
        }
        return result.records.map((record) => toRow(record.toObject(), name));
      },
    };
  }
}

function toRow(object: object, name: QueryName): Row {
  const row = fromNeo4j(object);
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    throw new ClaimgraphError('INTERNAL', `Query ${name} returned a record that is not a map of columns.`);
  }
  return row;
}

/**
 * Closes a session without letting a failure to close replace the outcome of
 * the work: the transaction has already committed or rolled back by then.
 */
async function closeQuietly(session: Neo4jSessionLike): Promise<void> {
  try {
    await session.close();
  } catch {
    // Nothing to do: the driver discards a connection it could not release cleanly.
  }
}
