import neo4j, { type BookmarkManager } from 'neo4j-driver';
import { ClaimgraphError, show } from '../errors';
import { mapNeo4jError } from './neo4j-errors';
import { fromNeo4j, toNeo4jParams } from './neo4j-values';
import type { AccessMode, GraphStore, Params, QueryRunner, Row, TransactionTimeouts } from './port';
import { checkParams, loadSchemaStatements, type QueryName, type QueryTable } from './queries';
import { byRelevance, checkTextSearch, fullTextIndexName, type SearchLabel, type TextHit } from './search-port';

/** How long start-up waits for Neo4j to answer in Bolt before it says so ({@link Neo4jStore.connect}). */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The host and port a Neo4j URI points at, as messages name them: never the
 * user info a URI may carry. The port is Bolt's default when the URI has none.
 */
export function neo4jAddress(uri: string): string {
  try {
    // Any scheme parses as a URL with a host once it is a special one.
    const url = new URL(uri.replace(/^[a-z0-9+]+:\/\//i, 'http://'));
    return `${url.hostname}:${url.port === '' ? '7687' : url.port}`;
  } catch {
    return '(the host in NEO4J_URI)';
  }
}

/**
 * A failure to connect at start-up, with the address: the mapped error's
 * reason, reworded to name the host and port and say what to check.
 */
function connectError(error: unknown, address: string): ClaimgraphError {
  const mapped = mapNeo4jError(error);
  const reason = mapped.details?.reason;
  const where = `Neo4j at ${address} (NEO4J_URI)`;
  // For logs, the driver's own error (ping() has already mapped it once).
  const cause = mapped.cause ?? error;
  if (reason === 'NOT_BOLT') {
    return new ClaimgraphError(
      'STORE_UNAVAILABLE',
      `${where} answered, but not in Bolt: point NEO4J_URI at the Bolt port (7687 by default), not the HTTP one (7474).`,
      { reason, address },
      { cause },
    );
  }
  if (reason === 'UNREACHABLE') {
    return new ClaimgraphError(
      'STORE_UNAVAILABLE',
      `${where} could not be reached (${unreachableCause(error)}): check the host and port in NEO4J_URI, and that Neo4j is running.`,
      { reason, address, retryable: true },
      { cause },
    );
  }
  return mapped;
}

/**
 * Why a connection failed, from the system error code the driver quotes
 * ("Caused by: connect ECONNREFUSED …"): a fixed phrase per code, so nothing
 * else of the driver's message is repeated.
 */
function unreachableCause(error: unknown): string {
  // The chain of causes: ours, the driver's, and (for neo4j:// routing) the connection's.
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) messages.push(e.message);
  const text = messages.join(' ');
  const code = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET)\b/.exec(text)?.[1];
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused: nothing listens on that port';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the host';
    case 'ETIMEDOUT':
      return 'the connection timed out';
    case 'ECONNRESET':
      return 'the connection was reset';
    default:
      return 'no connection';
  }
}

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
   * first request. The driver is closed again if the check fails. A failure to
   * connect names the host and port (never the credentials) and what went
   * wrong: nothing listens, the name does not resolve, the port does not speak
   * Bolt, or nothing answered within {@link CONNECT_TIMEOUT_MS}.
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
    const address = neo4jAddress(config.uri);
    let timer: NodeJS.Timeout | undefined;
    // A port that accepts the connection but never answers (a firewall, a service that waits for
    // the client to speak first) would keep the driver waiting a minute for its pool.
    const silence = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ClaimgraphError(
              'STORE_UNAVAILABLE',
              `Neo4j at ${address} (NEO4J_URI) did not answer in Bolt within ${CONNECT_TIMEOUT_MS / 1000} s: check that NEO4J_URI names the Bolt port (7687 by default) of a running Neo4j, and that no firewall holds the connection.`,
              { reason: 'NO_ANSWER', address, retryable: true },
            ),
          ),
        CONNECT_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([store.ping(), silence]);
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw connectError(error, address);
    } finally {
      clearTimeout(timer);
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
