import type { AccessMode, GraphStore, Params, QueryRunner, Row } from './port';
import type { QueryName } from './queries';
import type { SearchLabel, TextHit } from './search-port';

/**
 * Wraps a store and records every query run through it, in order: the
 * "recording executor" that shows how many round trips an operation costs
 * (tests) and lets `npm run bench` replay exactly the Cypher the API ran.
 * A single read goes to the wrapped store's own `read`, so that recording
 * does not change which path the engine takes.
 */
export class RecordingStore implements GraphStore {
  /** The names of the queries run, in order. */
  readonly calls: QueryName[] = [];
  /** The same queries with their parameters. */
  readonly runs: { name: QueryName; params: Params }[] = [];
  readonly engine: GraphStore['engine'];

  constructor(private readonly inner: GraphStore) {
    this.engine = inner.engine;
  }

  private record(name: QueryName, params: Params): void {
    this.calls.push(name);
    this.runs.push({ name, params });
  }

  transaction<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.inner.transaction(mode, (tx) =>
      work({
        run: (name: QueryName, params: Params = {}): Promise<Row[]> => {
          this.record(name, params);
          return tx.run(name, params);
        },
      }),
    );
  }
  read(name: QueryName, params: Params = {}): Promise<Row[]> {
    this.record(name, params);
    return this.inner.read(name, params);
  }
  write(name: QueryName, params?: Params): Promise<Row[]> {
    return this.transaction('WRITE', (tx) => tx.run(name, params));
  }
  /** Recorded as `text-candidates` (the query Neo4j runs for it) with the port's own arguments: {@link replayCall} runs it again on any engine. */
  textSearch(label: SearchLabel, tokens: readonly string[], limit: number): Promise<TextHit[]> {
    this.record('text-candidates', { label, tokens: [...tokens], limit });
    return this.inner.textSearch(label, tokens, limit);
  }
  applySchema(): Promise<void> {
    return this.inner.applySchema();
  }
  ping(): Promise<void> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * Runs one recorded call again on `store`: a named read query, or a
 * full-text search (recorded as `text-candidates` with the port's
 * arguments, which the embedded engine answers through its own API).
 */
export function replayCall(store: GraphStore, call: { name: QueryName; params: Params }): Promise<unknown> {
  if (call.name !== 'text-candidates') return store.read(call.name, call.params);
  const { label, tokens, limit } = call.params as { label: SearchLabel; tokens: string[]; limit: number };
  return store.textSearch(label, tokens, limit);
}
