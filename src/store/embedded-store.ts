import { closeSync, copyFileSync, cpSync, existsSync, readdirSync, fdatasyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { GrafeoDB, type GrafeoError, type Transaction } from '@grafeo-db/js';
import { ClaimgraphError } from '../errors';
import { rowFromEmbedded } from './embedded-values';
import type { AccessMode, GraphStore, Params, QueryRunner, Row, TransactionTimeouts } from './port';
import { checkParams, loadSchemaStatements, type QueryName, type QueryTable } from './queries';
import { byRelevance, checkTextSearch, SEARCH_LABELS, SEARCH_TEXT_PROPERTY, type SearchLabel, type TextHit } from './search-port';

/**
 * Grafeo's text index options: the "standard" tokenizer keeps every token of
 * letters and digits whole (the default "simple" one drops common English
 * words), and no stop words: search words have had theirs removed already.
 */
const TEXT_INDEX_OPTIONS = { tokenizer: 'standard', stopWords: [] as string[] };

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

// ---------------------------------------------------------------- the last committed point

/**
 * The file beside the store that records, durably and apart from the WAL,
 * the engine's epoch after the last commit acknowledged to a client. A store
 * that opens at an earlier epoch lost acknowledged commits: its WAL was
 * truncated, emptied or deleted (the engine then opens on its older state
 * without a word).
 */
export const commitMarkerPath = (path: string): string => `${path}.committed`;

/** The epoch the marker holds, or null when there is none (a store made before markers, or in memory). */
export function readCommitMarker(path: string): bigint | null {
  const file = commitMarkerPath(path);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8').trim();
  // A marker that is not a number (written by something else) cannot say anything: it is rewritten.
  return /^\d+$/.test(text) ? BigInt(text) : null;
}

/** Writes `epoch` to the marker and waits until it is on disk. */
function writeCommitMarker(fd: number, epoch: bigint): void {
  // Fixed width, at offset 0: one small write that replaces the whole content, never a torn mix.
  writeSync(fd, `${epoch.toString().padStart(20, '0')}\n`, 0);
  fdatasyncSync(fd);
}

const openMarker = (path: string): number => openSync(commitMarkerPath(path), existsSync(commitMarkerPath(path)) ? 'r+' : 'w');

/** The message of a store behind its marker: what happened, and the two ways out. */
function behindMessage(path: string, found: bigint, acknowledged: bigint): string {
  const lost = acknowledged - found;
  return (
    `The embedded store at ${path} is behind its last acknowledged commit: it opens at commit ${found}, but commit ${acknowledged} was acknowledged ` +
    `(recorded in ${commitMarkerPath(path)}). Its write-ahead log (${path}.wal) was truncated, emptied or deleted${found === 0n ? ', or the store file itself is gone' : ''}, ` +
    `so ${lost} acknowledged commit${lost === 1n ? '' : 's'} would be lost. Nothing was opened or changed. ` +
    'Restore the last backup ("npx claimgraph restore FILE"), or accept the loss and open what remains with "npx claimgraph salvage" (docs/OPERATIONS.md, "A damaged store").'
  );
}

/** A store file held by another process (the engine's lock), as the user needs to hear it. */
const lockedMessage = (path: string): string =>
  `The embedded store at ${path} is in use by another process, most likely a running "claimgraph serve" (the engine locks its file). ` +
  'Stop that server first, or work through it while it runs, with a key in CLAIMGRAPH_API_KEY: "npx claimgraph export --server http://HOST:PORT", "import --server …", "validate --server …", "backup --server …" (POST /admin/backup).';

const isLockError = (message: string): boolean => /cannot be locked/i.test(message);

/** What a salvage open found: the commit it opened at and the last one acknowledged. */
export interface SalvageReport {
  path: string;
  found: bigint;
  acknowledged: bigint | null;
  /** The folder the files were copied to before the salvage rewrote them. */
  keptAs: string;
}

/** Moves the store file, its WAL and its marker into a new folder `<path>.<what>-<time>`, and returns the folder. */
function keepAside(path: string, what: string): string {
  const folder = `${path}.${what}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  mkdirSync(folder, { recursive: true });
  for (const file of [path, `${path}.wal`, commitMarkerPath(path)]) if (existsSync(file)) renameSync(file, `${folder}/${basename(file)}`);
  return folder;
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
    /** The open commit marker of a store on disk (see {@link commitMarkerPath}); null in memory. */
    private readonly marker: number | null = null,
    /** Where the store file is; null in memory. */
    readonly path: string | null = null,
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


  /**
   * Opens the store file at `path`, creating it (and its folder) on first
   * use. Refuses (STORE_UNAVAILABLE) a store that opens behind the last
   * commit acknowledged from it, a store another process holds, and a
   * folder where the store file should be.
   */
  static onDisk(path: string, queries: QueryTable, options: EmbeddedOptions = {}): EmbeddedStore {
    const acknowledged = readCommitMarker(path);
    if (acknowledged !== null) {
      // Read only first: an open for writing replays the WAL into the store file and removes it,
      // which would leave nothing for a salvage to read.
      const found = existsSync(path) ? EmbeddedStore.probe(path) : 0n;
      if (found < acknowledged) {
        throw new ClaimgraphError('STORE_UNAVAILABLE', behindMessage(path, found, acknowledged), { path, found: Number(found), acknowledged: Number(acknowledged) });
      }
    }
    const db = EmbeddedStore.openFile(path, false);
    const found = db.currentEpoch();
    const marker = openMarker(path);
    writeCommitMarker(marker, found);
    return new EmbeddedStore(db, queries, options, marker, path);
  }

  /**
   * Opens a store whose WAL lost commits or is damaged with what remains
   * (the engine's salvage open: what it cannot replay is kept in
   * `<path>.wal.damaged`), and makes that the last committed point, so that
   * the store opens again. The store is closed after.
   */
  static salvage(path: string): SalvageReport {
    if (!existsSync(path)) throw new ClaimgraphError('STORE_UNAVAILABLE', `There is no embedded store at ${path} to salvage.`, { path });
    const acknowledged = readCommitMarker(path);
    EmbeddedStore.probe(path, true);
    // The files as they were, for whoever wants to look at them later: the open below rewrites them.
    const keptAs = keepAside(path, 'before-salvage');
    for (const file of readdirSync(keptAs)) cpSync(`${keptAs}/${file}`, `${dirname(path)}/${file}`, { recursive: true });
    const db = EmbeddedStore.openFile(path, true);
    try {
      const found = db.currentEpoch();
      const marker = openMarker(path);
      try {
        writeCommitMarker(marker, found);
      } finally {
        closeSync(marker);
      }
      return { path, found, acknowledged, keptAs };
    } finally {
      db.close();
    }
  }

  /**
   * Replaces the store at `path` by a copy of `backup` (a file
   * {@link backup} wrote). The replaced store, its WAL and marker are kept
   * beside it as `<path>.replaced-<time>`. Refuses while another process
   * holds the store. Returns the commit the restored store is at.
   */
  static restore(backup: string, path: string): { epoch: bigint; keptAs: string | null } {
    if (!existsSync(backup) || statSync(backup).isDirectory()) {
      throw new ClaimgraphError('BAD_USER_INPUT', `Expected a backup file written by "npx claimgraph backup", got ${existsSync(backup) ? 'a folder' : 'nothing'} at ${backup}.`, { backup });
    }
    let epoch: bigint;
    try {
      const copy = GrafeoDB.openReadOnly(backup);
      epoch = copy.currentEpoch();
      copy.close();
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new ClaimgraphError('BAD_USER_INPUT', `Expected a backup file written by "npx claimgraph backup" at ${backup}, got one the engine cannot open: ${message}`, { backup }, { cause });
    }
    let keptAs: string | null = null;
    // A store a running server holds is refused here, before anything moves.
    if (existsSync(path)) EmbeddedStore.probe(path, true);
    if ([path, `${path}.wal`, commitMarkerPath(path)].some((f) => existsSync(f))) keptAs = keepAside(path, 'replaced');
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(backup, path);
    rmSync(`${path}.wal`, { recursive: true, force: true });
    const marker = openMarker(path);
    try {
      writeCommitMarker(marker, epoch);
    } finally {
      closeSync(marker);
    }
    return { epoch, keptAs };
  }

  /**
   * The epoch of the store file, read without changing it (a read-only
   * open). A store another process holds is refused with a message that
   * says so; with `lockOnly`, any other failure (a damaged WAL) gives -1.
   */
  private static probe(path: string, lockOnly = false): bigint {
    try {
      const db = GrafeoDB.openReadOnly(path);
      try {
        return db.currentEpoch();
      } finally {
        db.close();
      }
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      if (isLockError(message)) throw new ClaimgraphError('STORE_UNAVAILABLE', lockedMessage(path), { path, held: true }, { cause });
      if (lockOnly) return -1n;
      throw new ClaimgraphError('STORE_UNAVAILABLE', `Cannot open the embedded store at ${path}: ${message}`, undefined, { cause });
    }
  }

  /** Opens (or creates) the file, with errors that say what to do. */
  private static openFile(path: string, salvage: boolean): GrafeoDB {
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new ClaimgraphError('STORE_UNAVAILABLE', `Expected the embedded store file at ${path}, got a folder.`, { path });
    }
    try {
      if (existsSync(path)) return salvage ? GrafeoDB.create(path, { walSalvage: true }) : GrafeoDB.open(path);
      mkdirSync(dirname(path), { recursive: true });
      return GrafeoDB.create(path);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      if (isLockError(message)) throw new ClaimgraphError('STORE_UNAVAILABLE', lockedMessage(path), { path, held: true }, { cause });
      throw new ClaimgraphError('STORE_UNAVAILABLE', `Cannot open the embedded store at ${path}: ${message}`, undefined, { cause });
    }
  }

  /**
   * Writes a consistent copy of the store, as it is at the last commit, to
   * `to` (a single file; refused when it exists), while the store stays
   * open: an online backup. Writes wait for it, reads go on.
   */
  async backup(to: string): Promise<{ path: string; epoch: bigint; bytes: number }> {
    this.assertOpen();
    if (existsSync(to)) throw new ClaimgraphError('BAD_USER_INPUT', `Expected a backup path that does not exist yet, got ${to}, which exists.`, { path: to });
    mkdirSync(dirname(to), { recursive: true });
    // In the queue of writes: no write commits half-way through the copy.
    const turn = this.writes.then(() => {
      this.db.save(to);
      return { path: to, epoch: this.db.currentEpoch(), bytes: statSync(to).size };
    });
    this.writes = turn.catch(() => undefined);
    return turn;
  }

  /** Records the epoch after a commit, before the commit is acknowledged. */
  private committed(): void {
    if (this.marker !== null) writeCommitMarker(this.marker, this.db.currentEpoch());
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
        if (mode === 'WRITE') this.committed();
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
    for (const label of SEARCH_LABELS) await this.ensureTextIndex(label);
    this.committed();
  }

  /**
   * Creates the BM25 text index of a label unless the store has it: it is
   * kept in the store file and WAL, and a second `createTextIndex` would
   * rebuild it from every node (0.5 s per 100k nodes, measured).
   */
  private async ensureTextIndex(label: SearchLabel): Promise<void> {
    try {
      await this.db.textSearch(label, SEARCH_TEXT_PROPERTY, 'x', 1);
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!/no text index/i.test(message)) throw mapEmbeddedError(error, `text index on :${label}(${SEARCH_TEXT_PROPERTY})`);
    }
    try {
      await this.db.createTextIndex(label, SEARCH_TEXT_PROPERTY, TEXT_INDEX_OPTIONS);
    } catch (error) {
      throw mapEmbeddedError(error, `text index on :${label}(${SEARCH_TEXT_PROPERTY})`);
    }
  }

  /**
   * Grafeo's BM25 index, which the engine keeps up as transactions commit
   * (writes, updates, deletes; rolled-back writes never reach it; it
   * survives a reopen: test/store/search-contract.test.ts). Its hits are
   * engine node ids, turned into business ids; a node deleted in between
   * is left out.
   */
  async textSearch(label: SearchLabel, tokens: readonly string[], limit: number): Promise<TextHit[]> {
    checkTextSearch(label, tokens, limit);
    this.assertOpen();
    if (tokens.length === 0) return [];
    let hits: number[][];
    try {
      hits = await this.db.textSearch(label, SEARCH_TEXT_PROPERTY, tokens.join(' '), limit);
    } catch (error) {
      throw mapEmbeddedError(error, `text search on :${label}`);
    }
    const found: TextHit[] = [];
    for (const [nodeId, relevance] of hits) {
      const id = nodeId === undefined ? undefined : this.db.getNode(nodeId)?.get('id');
      if (typeof id === 'string') found.push({ id, relevance: relevance ?? 0 });
    }
    return found.sort(byRelevance);
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
    if (this.marker !== null) closeSync(this.marker);
  }

  private assertOpen(): void {
    if (this.closed) throw new ClaimgraphError('STORE_UNAVAILABLE', 'The embedded store is closed.');
  }
}
