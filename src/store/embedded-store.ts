import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { GrafeoDB, type GrafeoError, type Transaction } from '@grafeo-db/js';
import { ClaimgraphError } from '../errors';
import { rowFromEmbedded } from './embedded-values';
import type { AccessMode, GraphStore, Params, QueryRunner, Row, TransactionTimeouts } from './port';
import { checkParams, loadSchemaStatements, type QueryName, type QueryTable } from './queries';

/**
 * A write transaction that lost a write-write race is retried, as Neo4j's
 * managed transactions retry transient errors: up to this many times, after a
 * jittered exponential back-off (10 ms doubling, at most 1 s per wait).
 */
export const WRITE_CONFLICT_RETRIES = 10;

/** How an embedded store is opened: transaction deadlines, and how often a write that lost a race is retried (default {@link WRITE_CONFLICT_RETRIES}). */
export interface EmbeddedOptions {
  timeouts?: TransactionTimeouts;
  writeRetries?: number;
}
const backoffMs = (attempt: number): number => Math.min(1000, 10 * 2 ** attempt) * (0.5 + Math.random() / 2);

/**
 * The GQLSTATUS of a Grafeo error. The package moves it from `cause` to
 * `gqlStatus` only for errors that are `instanceof Error` in its own realm,
 * which fails under a VM sandbox such as Jest's: read both places.
 */
function gqlStatusOf(error: unknown): string {
  const e = error as (GrafeoError & { cause?: { message?: unknown } }) | null | undefined;
  if (typeof e?.gqlStatus === 'string') return e.gqlStatus;
  const cause = e?.cause?.message;
  return typeof cause === 'string' ? (/^GQLSTATUS (\w{5})$/.exec(cause)?.[1] ?? '') : '';
}

/**
 * Maps an error from Grafeo to a claimgraph error by its GQLSTATUS
 * (ISO/IEC 39075): class 40 is a transaction rollback (a write conflict),
 * class 42 a syntax or access rule violation (a query we wrote is wrong).
 */
export function mapEmbeddedError(error: unknown, queryName?: string): ClaimgraphError {
  if (error instanceof ClaimgraphError) return error;
  const status = gqlStatusOf(error);
  const message = typeof (error as { message?: unknown } | null)?.message === 'string' ? (error as Error).message : String(error);
  const where = queryName === undefined ? '' : ` (query ${queryName})`;
  if (/constraint violation/i.test(message)) {
    return new ClaimgraphError('CONFLICT', `The write breaks a uniqueness rule of the graph${where}: ${message.replace(/^.*Constraint violation: /i, '')}`, undefined, { cause: error });
  }
  // A write to an edge or node that a concurrent transaction removed first is
  // reported as a data exception (22000), not class 40: it lost a race all the same.
  if (status.startsWith('40') || /does not exist, or the writer does not see it/.test(message)) {
    return new ClaimgraphError('CONFLICT', `A concurrent write touched the same data${where}; retry the request.`, { retryable: true }, { cause: error });
  }
  // The engine stops a query itself after 30 s (not configurable from JS in 0.6.0).
  if (/GRAFEO-Q003|Query exceeded the \d+s timeout/.test(message)) {
    return new ClaimgraphError('TIMEOUT', `The engine stopped the query after its own time limit${where}; nothing it did was kept. Ask for less at once (smaller pages, a narrower filter).`, undefined, { cause: error });
  }
  return new ClaimgraphError('INTERNAL', `The embedded engine rejected a query${where}: ${message}`, { gqlStatus: status }, { cause: error });
}

/** A transaction ran past its deadline (CLAIMGRAPH_READ_TIMEOUT_MS / CLAIMGRAPH_WRITE_TIMEOUT_MS); no value is named. */
const timedOut = (): ClaimgraphError =>
  new ClaimgraphError(
    'TIMEOUT',
    'The query took longer than this server allows and was stopped; nothing it did was kept. Ask for less at once (smaller pages, fewer nested lists) or split the import.',
  );

/**
 * `run`, or TIMEOUT at `deadline` (then `expiry.expired` is set, and `run`
 * goes on unawaited: Grafeo cannot interrupt a running query).
 */
async function withDeadline<T>(run: Promise<T>, deadline: number, expiry?: { expired: boolean }): Promise<T> {
  if (deadline === Infinity) return run;
  run.catch(() => undefined); // after a timeout, nobody awaits it any more
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (expiry) expiry.expired = true;
      reject(timedOut());
    }, deadline - Date.now());
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The embedded adapter: Grafeo in this process, in memory or in one file.
 * Every transaction is an explicit Grafeo transaction, so a bundle import
 * that fails half-way leaves nothing behind; `read` (one query) runs without.
 */
export class EmbeddedStore implements GraphStore {
  readonly engine = 'embedded' as const;
  private closed = false;

  private readonly timeouts: TransactionTimeouts;
  private readonly writeRetries: number;

  private constructor(
    private readonly db: GrafeoDB,
    private readonly queries: QueryTable,
    options: EmbeddedOptions = {},
  ) {
    this.timeouts = options.timeouts ?? {};
    this.writeRetries = options.writeRetries ?? WRITE_CONFLICT_RETRIES;
    if (!Number.isInteger(this.writeRetries) || this.writeRetries < 0) throw new RangeError(`writeRetries must be a whole number from 0, got ${this.writeRetries}.`);
  }

  /** An in-memory store, gone when closed: for tests and `--memory` runs. */
  static inMemory(queries: QueryTable, options: EmbeddedOptions = {}): EmbeddedStore {
    return new EmbeddedStore(GrafeoDB.create(), queries, options);
  }

  /**
   * A store over an engine the caller opened and keeps a handle on, so that
   * it can write beside the store (a second writer in another process, as a
   * test plays it); closing the store closes the engine.
   */
  static over(db: GrafeoDB, queries: QueryTable, options: EmbeddedOptions = {}): EmbeddedStore {
    return new EmbeddedStore(db, queries, options);
  }

  /** Opens the store file at `path`, creating it (and its folder) on first use. */
  static onDisk(path: string, queries: QueryTable, options: EmbeddedOptions = {}): EmbeddedStore {
    try {
      if (existsSync(path)) return new EmbeddedStore(GrafeoDB.open(path), queries, options);
      mkdirSync(dirname(path), { recursive: true });
      return new EmbeddedStore(GrafeoDB.create(path), queries, options);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new ClaimgraphError('STORE_UNAVAILABLE', `Cannot open the embedded store at ${path}: ${message}`, undefined, { cause });
    }
  }

  /**
   * The tail of the queue of write transactions. Writes run one at a time:
   * Grafeo's snapshot isolation lets two concurrent writers both create what
   * each checked was absent (the same CONTRADICTS link twice through MERGE, two
   * sources under one name), which no write-write conflict catches. Reads are
   * not queued. A write must not open another write on the same store.
   */
  private writes: Promise<unknown> = Promise.resolve();

  transaction<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    if (mode === 'READ') return this.retrying(mode, work);
    const turn = this.writes.then(() => this.retrying(mode, work));
    this.writes = turn.catch(() => undefined);
    return turn;
  }

  private async retrying<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    // One deadline for the transaction, retries included.
    const limit = this.timeouts[mode] ?? 0;
    const deadline = limit > 0 ? Date.now() + limit : Infinity;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(mode, work, deadline);
      } catch (error) {
        const mapped = mapEmbeddedError(error);
        const retryable = mode === 'WRITE' && mapped.details?.retryable === true && attempt < this.writeRetries;
        if (!retryable) throw mapped;
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      }
    }
  }

  /**
   * Runs one attempt. Grafeo cannot interrupt a running query, so a timeout
   * stops the wait: the caller gets TIMEOUT at the deadline, the query runs
   * on, no further query of the transaction starts, and the transaction is
   * rolled back (never committed) once the running query returns.
   */
  private async attempt<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>, deadline = Infinity): Promise<T> {
    this.assertOpen();
    if (Date.now() >= deadline) throw timedOut();
    const tx = this.db.beginTransaction();
    const expiry = { expired: false };
    const run = (async () => {
      try {
        const result = await work(this.runner(tx, mode, expiry));
        if (expiry.expired) throw timedOut();
        tx.commit();
        return result;
      } catch (error) {
        // The engine may already have ended a transaction that lost a race; a
        // failing rollback must not hide the error that matters.
        try {
          if (tx.isActive) tx.rollback();
        } catch {
          /* nothing left to roll back */
        }
        throw error;
      }
    })();
    return withDeadline(run, deadline, expiry);
  }

  private runner(tx: Transaction, mode: AccessMode, expiry: { expired: boolean } = { expired: false }): QueryRunner {
    return {
      run: async (name: QueryName, params: Params = {}): Promise<Row[]> => {
        if (expiry.expired) throw timedOut();
        const text = this.checked(name, params, mode);
        try {
          const result = await tx.executeCypher(text, params);
          return result.toArray().map(rowFromEmbedded);
        } catch (error) {
          throw mapEmbeddedError(error, name);
        }
      },
    };
  }

  /** The text of query `name`, once its parameters and access mode are checked. */
  private checked(name: QueryName, params: Params, mode: AccessMode): string {
    const query = this.queries[name];
    checkParams(query, params);
    if (query.mode === 'write' && mode === 'READ') {
      throw new ClaimgraphError('INTERNAL', `Query ${name} writes and cannot run in a read transaction.`);
    }
    return query.text;
  }

  /**
   * One read query, outside an explicit transaction: a single query reads one
   * snapshot either way, there is nothing to commit or roll back, and it costs
   * the event loop about half as much as begin + query + commit. The checks,
   * the deadline and the error mapping are those of `transaction('READ', ...)`.
   */
  async read(name: QueryName, params: Params = {}): Promise<Row[]> {
    const limit = this.timeouts.READ ?? 0;
    const deadline = limit > 0 ? Date.now() + limit : Infinity;
    this.assertOpen();
    try {
      const text = this.checked(name, params, 'READ');
      const run = this.db.executeCypher(text, params).then((result) => result.toArray().map(rowFromEmbedded));
      return await withDeadline(run, deadline);
    } catch (error) {
      throw mapEmbeddedError(error, name);
    }
  }

  write(name: QueryName, params?: Params): Promise<Row[]> {
    return this.transaction('WRITE', (tx) => tx.run(name, params));
  }

  async applySchema(): Promise<void> {
    this.assertOpen();
    for (const statement of loadSchemaStatements('embedded')) {
      try {
        await this.db.executeCypher(statement);
      } catch (error) {
        throw mapEmbeddedError(error, 'schema.cypher');
      }
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
    // A call into the engine that touches no data: proves the native store answers.
    this.db.nodeCount();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ClaimgraphError('STORE_UNAVAILABLE', 'The embedded store is closed.');
  }
}
