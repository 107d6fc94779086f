import type { QueryName } from './queries';
import type { TextSearchPort } from './search-port';

/** A value as every engine's rows are normalised to: plain JSON. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;
export type Params = Record<string, unknown>;

/** Runs the named queries of one transaction. */
export interface QueryRunner {
  /** Runs a query from `cypher/` by name; `params` must name exactly the parameters its header lists. */
  run(name: QueryName, params?: Params): Promise<Row[]>;
}

export type AccessMode = 'READ' | 'WRITE';

/** How long one transaction may run, per access mode, in milliseconds; absent or 0: no limit. */
export type TransactionTimeouts = Partial<Record<AccessMode, number>>;

/**
 * The port every engine adapter implements. Callers never see a session, a
 * driver or an engine value: only named queries, transactions and JSON rows.
 */
export interface GraphStore extends TextSearchPort {
  /** Which engine is behind the port, for logs and `/ready`. */
  readonly engine: 'embedded' | 'neo4j';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back
   * when it throws (and the error rethrown as a ClaimgraphError). A write
   * that loses a race with another is retried, so `work` may run more than
   * once: it must have no effects outside the transaction.
   */
  transaction<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T>;
  /** Shortcut for a read transaction running one query. */
  read(name: QueryName, params?: Params): Promise<Row[]>;
  /** Shortcut for a write transaction running one query. */
  write(name: QueryName, params?: Params): Promise<Row[]>;
  /** Creates constraints and indexes (full-text ones included) if they are missing; safe to call on every start. */
  applySchema(): Promise<void>;
  /** Checks the engine answers, for readiness probes. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
