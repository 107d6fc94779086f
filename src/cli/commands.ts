/**
 * The `claimgraph` commands. They stay thin: parse arguments, read and write
 * files, print. The work (validation, import, export) lives in src/graph.
 */
import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { createServer as createNetServer, isIP } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EDITOR_EXPECTED, editorProblem, ROLES, type Role } from '../api/identity';
import { checkIriBase, claimProvenance, DEFAULT_IRI_BASE, type ProvFormat } from '../analysis/prov';
import { ENVIRONMENT, loadConfig, type Config } from '../config';
import { ClaimgraphError } from '../errors';
import { checkBundleSet, orderByDependency, type BundleFile } from '../graph/bundle-set';
import { claimReviewFeed, claimReviewJsonLd, claimReviewProblems } from '../analysis/claimreview';
import { exportBundle } from '../graph/export';
import { dryRunImport, importBundleSet, type ImportReport } from '../graph/import';
import { importInCommits } from '../graph/chunked-import';
import { rebuildIndependenceIfMissing } from '../graph/independence';
import { openGraphStore } from '../graph/name-keys';
import { rebuildStandingsIfMissing } from '../graph/standing';
import type { Bundle } from '../graph/model';
import { graphCounts, seed, seedIfEmpty } from '../analysis/seed';
import { EmbeddedStore } from '../store/embedded-store';
import { loadQueries } from '../store/queries';
import type { GraphStore } from '../store/port';
import { EXIT, type Command, type ParsedArgs, UsageError } from './args';
import { type BundleInput, expandInputs, InputError, readBundleJson } from './bundle-files';
import { changedIn, formatCount, formatRate, formatSeconds, problemLines, problemsOf, recordsIn, REPORT_KINDS, reportTable } from './format';
import { describeError, exitCodeOf } from './failures';
import { migrateCommand } from './migrate-command';
import { Progress } from './progress';

export type { Command } from './args';
export { describeError, exitCodeOf } from './failures';

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const err = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

export function describeStore(config: Config): string {
  return config.store.engine === 'neo4j'
    ? `Neo4j database "${config.store.database}"`
    : `the embedded engine at ${config.store.path ?? '(memory)'}`;
}

/** The editor recorded on imported records: --editor, else $CLAIMGRAPH_EDITOR, else cli:<os user>. */
export function defaultEditor(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CLAIMGRAPH_EDITOR?.trim();
  if (fromEnv) return fromEnv;
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = env.USER ?? env.LOGNAME ?? env.USERNAME;
  }
  return `cli:${user?.trim() || 'unknown'}`;
}

/** Writes text to stdout and resolves once it is handed to the OS (big exports to a pipe). */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

async function withStore<T>(config: Config, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openGraphStore(config.store);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
const sizeLine = (
  b: Pick<Bundle, 'sources' | 'affiliations' | 'entities' | 'documents' | 'claims' | 'statements' | 'links'> & Partial<Record<'questions' | 'ratings' | 'assessments' | 'changes', readonly unknown[]>>,
): string =>
  [
    plural(b.sources.length, 'source'), plural(b.affiliations.length, 'affiliation'), plural(b.entities.length, 'entity', 'entities'),
    plural(b.documents.length, 'document'), plural(b.claims.length, 'claim'), plural(b.statements.length, 'statement'), plural(b.links.length, 'link'),
    // The sections version 2 added, when a bundle has any (a version 1 bundle never does).
    ...(['questions', 'ratings', 'assessments', 'changes'] as const).flatMap((k) => ((b[k]?.length ?? 0) > 0 ? [plural(b[k]?.length ?? 0, k.slice(0, -1))] : [])),
  ].join(', ');

const listOf = (files: readonly { name: string }[]): string => files.map((f) => f.name).join(', ');

// ---------------------------------------------------------------- serve, seed

/** A request to a running claimgraph, with the key in CLAIMGRAPH_API_KEY: its status and JSON body. */
async function callServer(server: string, command: string, path: string, init: { method: string; body?: unknown }): Promise<{ status: number; body: any }> {
  let url: URL;
  try {
    url = new URL(path, server);
  } catch {
    throw new UsageError(`--server must be the server's URL (http://host:port), got ${JSON.stringify(server)}.`, command);
  }
  const key = process.env.CLAIMGRAPH_API_KEY?.trim();
  if (!key) throw new UsageError(`${command} --server needs an API key in CLAIMGRAPH_API_KEY.`, command);
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: { authorization: `Bearer ${key}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new ClaimgraphError('STORE_UNAVAILABLE', `Cannot reach the server at ${url.origin}: ${cause}.`);
  }
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Imports (or dry-runs) files as one set through a running server's importBundles mutation. */
async function importThroughServer(server: string, command: string, files: LabelledFile[], dryRun: boolean): Promise<number> {
  const ordered = orderByDependency(files);
  out(`${dryRun ? 'Checking (dry run)' : 'Importing'} ${setLabel(ordered)} through the server at ${server}`);
  const counts = '{ created updated unchanged }';
  const query = `mutation Import($b: [JSON!]!, $d: Boolean) { importBundles(input: { bundles: $b, dryRun: $d }) { result {
    ${REPORT_KINDS.map((k) => `${k} ${counts}`).join(' ')} matched { kind bundleId graphId key } possibleDuplicates { label: kind a b reason key score } notes } } }`;
  const { status, body } = await callServer(server, command, '/graphql', { method: 'POST', body: { query, variables: { b: ordered.map((f) => f.json), d: dryRun } } });
  const error = body?.errors?.[0];
  if (status !== 200 || error !== undefined) {
    const problems = problemsOf(error?.extensions);
    err(`claimgraph ${command}: the server refused (HTTP ${status}): ${problems !== null && problems.length > 0 ? `the bundle has ${problems.length} problem(s):\n${problemLines(problems).join('\n')}` : `${error?.extensions?.code ?? ''}: ${error?.message ?? 'no reason given'}`}`);
    err(`Nothing was written${dryRun ? ' (dry run)' : ''}.`);
    const code = error?.extensions?.code;
    return code === 'BAD_USER_INPUT' ? EXIT.INVALID_INPUT : code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? EXIT.USAGE : EXIT.STORE;
  }
  out(reportTable(body.data.importBundles.result as ImportReport, dryRun));
  if (dryRun) out('Dry run: nothing was written.');
  return EXIT.OK;
}

/** The configuration for a command other than serve: its warnings go to stderr. */
function cliConfig(): Config {
  const config = loadConfig();
  for (const warning of config.warnings) err(`claimgraph: warning: ${warning}`);
  return config;
}

/** Where serve listens, as messages name it. */
const addressOf = (port: number, host: string | null): string => `${host === null ? 'all interfaces' : host.includes(':') ? `[${host}]` : host}:${port}`;

/** A failure to listen, said as what to do (CONFIG_INVALID: exit 2). */
function listenError(error: unknown, port: number, host: string | null): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = addressOf(port, host);
  const why: Record<string, string> = {
    EADDRINUSE: `${where} is in use: another program listens there, perhaps another claimgraph serve. Stop it, or choose another port (PORT or --port)`,
    EACCES: `${where} may not be used by this user (ports below 1024 need privileges). Choose a port from 1024 (PORT or --port)`,
    EADDRNOTAVAIL: `${where}: ${host ?? ''} is not an address of this machine. Set HOST (or --host) to one of its addresses, e.g. 127.0.0.1 or ::`,
  };
  const message = code === undefined ? undefined : why[code];
  return message === undefined ? error : new ClaimgraphError('CONFIG_INVALID', `Cannot listen on ${message}.`, { port, host }, { cause: error });
}

/** Resolves HOST and binds the address for a moment: a bad HOST or a taken port is reported before the store opens. */
async function checkListenAddress(port: number, host: string | null): Promise<void> {
  if (host !== null && isIP(host) === 0) {
    try {
      await lookup(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'no address';
      throw new ClaimgraphError('CONFIG_INVALID', `Invalid configuration:\n  HOST: expected an address or a host name of this machine to listen on, got ${JSON.stringify(host)}, which does not resolve (${code})`, { host });
    }
  }
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error) => reject(listenError(error, port, host)));
    probe.listen({ port, ...(host === null ? {} : { host }), exclusive: true }, () => probe.close(() => resolve()));
  });
}

const serve: Command = {
  summary: 'start the GraphQL API (seeds an empty store unless CLAIMGRAPH_SEED=off)',
  help: `Usage: claimgraph serve [--port PORT] [--host HOST]

Starts the GraphQL API on PORT (default 4000) over the configured store. An
empty store is seeded with the Dumayr report unless CLAIMGRAPH_SEED=off.
Every setting is checked first; each bad one is reported, and nothing starts.
Logs one JSON line per request on stdout (CLAIMGRAPH_LOG_LEVEL).

On SIGTERM or SIGINT it stops accepting connections, lets in-flight requests
finish (up to CLAIMGRAPH_SHUTDOWN_GRACE_MS), closes the store and exits 0.
The embedded store stays locked while it runs.

Options:
  --port PORT     the port to listen on (instead of PORT; 0 picks a free one)
  --host HOST     the interface to listen on (instead of HOST)
`,
  options: { values: ['port', 'host'] },
  async run(args) {
    if (args.positional.length > 0) throw new UsageError(`serve takes no argument, got ${JSON.stringify(args.positional[0])}.`, 'serve');
    const port = args.values.get('port');
    const host = args.values.get('host');
    const config = loadConfig({ ...process.env, ...(port !== undefined ? { PORT: port } : {}), ...(host !== undefined ? { HOST: host } : {}) });
    const { api } = config;
    // The server's modules (Apollo, GraphQL, the logger) load here, not for every command.
    const [{ createLogger }, { startHttpServer }] = await Promise.all([import('../api/logging'), import('../api/server')]);
    const logger = createLogger(api.logLevel);
    for (const warning of config.warnings) logger.warn(warning);
    // Where it will listen is checked before anything opens: the store, the seed.
    await checkListenAddress(config.port, config.host);
    // A monitor, not a handler: the process still stops (its state is unknown after an uncaught
    // throw, and a supervisor restarts it), but the cause goes to the JSON log the operator reads,
    // not only to stderr. A rejection no one handled arrives here too, as origin "unhandledRejection".
    process.on('uncaughtExceptionMonitor', (error, origin) => logger.fatal({ err: error, origin }, 'stopping on an uncaught exception'));
    const store = await openGraphStore(config.store, undefined, { timeouts: { READ: api.limits.readTimeoutMs, WRITE: api.limits.writeTimeoutMs } });
    if (config.seedWhenEmpty && (await seedIfEmpty(store))) logger.info('the store was empty: loaded the seed');
    // A graph stored before the independence keys were kept would cluster no source: write them first.
    const keyed = await rebuildIndependenceIfMissing(store);
    if (keyed.sources + keyed.statements > 0) logger.info(keyed, 'sources or statements without an independence key: wrote every source\'s roots and every statement\'s origin');
    // A graph stored before claim standings were kept lists no claim under a status, and one stored
    // before directlyAsserted/directlyDenied were kept with them finds no conflict, until they are written.
    const rebuilt = await rebuildStandingsIfMissing(store);
    if (rebuilt > 0) logger.info({ claims: rebuilt }, 'claims without a standing or its conflict facts: wrote every claim\'s standing');
    const running = await startHttpServer(store, config.port, config.host, { api, logger }).catch(async (error: unknown) => {
      await store.close();
      throw listenError(error, config.port, config.host);
    });
    logger.info(
      {
        url: running.url,
        store: describeStore(config),
        production: api.production,
        keyCount: api.auth.keys.length,
        readAccess: api.auth.readAccess,
        ...(api.auth.off ? { auth: 'off' } : {}),
        introspection: api.introspection,
        console: api.console,
      },
      'serving GraphQL',
    );
    if (api.auth.off) logger.warn('CLAIMGRAPH_AUTH=off: anyone who can reach this server can write; for local development only');
    else if (api.auth.keys.length === 0) logger.warn('no API key configured: the API is read-only (npx claimgraph key create makes one)');
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'stopping: no new connections; finishing in-flight requests');
      running
        .stop()
        .then(() => store.close())
        .then(() => {
          logger.info('stopped');
          logger.flush();
          process.exit(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          logger.flush();
          process.exit(1);
        });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    return -1;
  },
};

const seedCommand: Command = {
  summary: 'load the Dumayr report into the store (idempotent)',
  help: `Usage: claimgraph seed

Loads the seed (seed/dumayr.bundle.json, the Dumayr report) into the
configured store. Idempotent: a second run changes nothing.
`,
  options: {},
  async run(args) {
    if (args.positional.length > 0) throw new UsageError(`seed takes no argument, got ${JSON.stringify(args.positional[0])}.`, 'seed');
    const config = cliConfig();
    await withStore(config, async (store) => {
      const report = await seed(store);
      // Said as it happened: a second seed writes nothing, and says so.
      out(changedIn(report) === 0 ? `The seed is already in ${describeStore(config)}: nothing was written.` : `Seed written to ${describeStore(config)}:`);
      if (changedIn(report) > 0) out(reportTable(report));
      const counts = Object.entries(await graphCounts(store)).map(([kind, n]) => (n === 1 ? `1 ${kind.replace(/ies$/, 'y').replace(/s$/, '')}` : `${formatCount(n)} ${kind}`));
      out(`The store now holds ${counts.join(', ')}.`);
    });
    return EXIT.OK;
  },
};

// ---------------------------------------------------------------- import

const importCommand: Command = {
  summary: 'import bundles (files, directories of *.json, or - for stdin) as one set, in one transaction',
  help: `Usage: claimgraph import [--editor NAME] [--dry-run] [--each] <file | directory | ->...

Imports claimgraph bundles (docs/BUNDLE.md) into the configured store. The
files given are ONE set (docs/BUNDLE.md, "A set of bundles"): references
resolve across the files, whatever their order, and the set is imported in
one transaction: all of it is written or none of it. A directory stands for
every *.json file in it. "-", or no argument when stdin is not a terminal,
reads one bundle from stdin.

The set is checked against the store first (references may name records
already stored). Records already stored with the same content are left
unchanged, so importing the same set twice writes nothing the second time.

Options:
  --editor NAME   who is recorded as createdBy/updatedBy on records without
                  their own audit fields (default: $CLAIMGRAPH_EDITOR, else
                  cli:<your OS user name>)
  --dry-run       check and report what would be created, updated or left
                  unchanged; write nothing
  --each          import each file on its own, one transaction per file, in
                  dependency order (a file after the files whose records it
                  refers to). If a file fails, nothing from it is written,
                  the files after it are skipped, and the files before it
                  stay imported. With --dry-run, each file is checked against
                  the store as it is (later files do not see earlier ones).
  --commit-every N
                  for a bundle too big for one transaction (Neo4j's
                  transaction memory; docs/BUNDLE.md, "Large imports on
                  Neo4j"): check the whole bundle first, then commit the
                  records other than statements, then N statements a
                  commit, then the questions. Not all or nothing: if a
                  commit fails, the ones before it stay; run the same
                  command again and it resumes after them, saying which
                  pieces were already there. One version 2 bundle only.
  -h, --help      show this help

Prints a progress bar on stderr while the set is written, then what was
created / updated / unchanged per kind, the names matched to records
already in the graph, the possible duplicates listed for an editor, the
notes of a version 1 upgrade, and the rate. Every problem names its path,
the record's id and its file.

Exit codes: 0 all imported; 1 invalid input (nothing from the failing set,
or file with --each, written); 2 usage or configuration error (nothing
imported); 3 store error.

Examples:
  npx claimgraph import seed/dumayr.bundle.json
  npx claimgraph import --editor alice@example.org case/
  npx claimgraph import --each bundles/
  npx claimgraph export | CLAIMGRAPH_DATA_DIR=./copy npx claimgraph import
`,
  options: { values: ['editor', 'commit-every', 'server'], flags: ['dry-run', 'each'] },
  async run(args) {
    const inputs = expandInputs('import', args.positional, process.stdin.isTTY === true);
    const editor = args.values.get('editor') ?? defaultEditor();
    const dryRun = args.flags.has('dry-run');
    const server = args.values.get('server');
    if (server !== undefined) {
      // The server records its key's editor: --editor, --each and --commit-every are the local store's.
      if (args.values.has('editor') || args.values.has('commit-every') || args.flags.has('each')) {
        throw new UsageError('import --server records the editor of the API key, as one set: --editor, --each and --commit-every are for a local store.', 'import');
      }
      return importThroughServer(server, 'import', await readAll(inputs), dryRun);
    }
    const commitEvery = commitEveryOf(args.values.get('commit-every'), inputs.length, args.flags);
    const config = cliConfig();
    const where = describeStore(config);

    // Every file is read before the store is opened: one that cannot be read leaves nothing written.
    let files: LabelledFile[];
    try {
      files = await readAll(inputs);
    } catch (error) {
      err(`claimgraph import: ${describeError(error)}`);
      err(`Nothing was ${dryRun ? 'checked' : 'imported'}.`);
      return exitCodeOf(error);
    }
    let store: GraphStore;
    try {
      store = await openGraphStore(config.store);
    } catch (error) {
      err(`claimgraph import: cannot open the store: ${describeError(error)}`);
      err('Nothing was imported.');
      return exitCodeOf(error);
    }
    try {
      if (commitEvery !== null) return await importInPieces(store, files[0]!, { editor, where, statementsPerCommit: commitEvery });
      if (!args.flags.has('each')) return await importSet(store, files, { editor, dryRun, where });
      const ordered = orderByDependency(files);
      const done: LabelledFile[] = [];
      for (const [index, f] of ordered.entries()) {
        out(`${dryRun ? 'Checking (dry run)' : 'Importing'} ${f.name} (${index + 1} of ${ordered.length}) into ${where} as ${editor}`);
        try {
          await importFiles(store, [f], f.name, editor, dryRun);
          done.push(f);
        } catch (error) {
          err(`claimgraph import: ${f.name} failed: ${describeError(error)}`);
          err(`Nothing from ${f.name} was written${dryRun ? ' (dry run)' : ' (each file is imported in one transaction: all of it or none of it)'}.`);
          if (!dryRun && done.length > 0) err(`Already imported, and kept: ${listOf(done)}.`);
          const skipped = ordered.slice(index + 1);
          if (skipped.length > 0) err(`Skipped, not ${dryRun ? 'checked' : 'imported'}: ${listOf(skipped)}.`);
          return exitCodeOf(error);
        }
      }
      if (ordered.length > 1) out(`${dryRun ? 'Checked' : 'Imported'} all ${ordered.length} files.`);
      return EXIT.OK;
    } finally {
      await store.close();
    }
  },
};

/** A file of a set as read, named by its label (the path as given, or "stdin"). */
type LabelledFile = BundleFile;

/** Reads every input's JSON, in the given order; throws InputError on the first that cannot be read. */
async function readAll(inputs: readonly BundleInput[]): Promise<LabelledFile[]> {
  const files: LabelledFile[] = [];
  for (const input of inputs) files.push({ name: input.label, json: await readBundleJson(input) });
  return files;
}

/** "a set of 3 files (a.json, b.json, c.json)", or the one file's name. */
const setLabel = (files: readonly LabelledFile[]): string => (files.length === 1 ? (files[0] as LabelledFile).name : `the set of ${files.length} files (${listOf(files)})`);

/** Imports (or checks) all files as one set, in one transaction; prints the outcome. */
async function importSet(store: GraphStore, files: LabelledFile[], options: { editor: string; dryRun: boolean; where: string }): Promise<number> {
  const { editor, dryRun, where } = options;
  const ordered = orderByDependency(files);
  const label = setLabel(ordered);
  const order = files.length > 1 ? `, as one set in dependency order` : '';
  out(`${dryRun ? 'Checking (dry run)' : 'Importing'} ${label}${order} into ${where} as ${editor}`);
  try {
    await importFiles(store, ordered, label, editor, dryRun);
  } catch (error) {
    err(`claimgraph import: ${label} failed: ${describeError(error)}`);
    err(`Nothing was written${dryRun ? ' (dry run)' : files.length > 1 ? ' (the set is imported in one transaction: all of it or none of it)' : ' (a bundle is imported in one transaction: all of it or none of it)'}.`);
    return exitCodeOf(error);
  }
  return EXIT.OK;
}

/** `--commit-every N`: N as a whole number from 1, for one file, without --each or --dry-run; null when not given. */
function commitEveryOf(value: string | undefined, files: number, flags: ReadonlySet<string>): number | null {
  if (value === undefined) return null;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`Option --commit-every of import must be a whole number from 1, got ${JSON.stringify(value)}.`, 'import');
  if (flags.has('each') || flags.has('dry-run')) throw new UsageError('Option --commit-every of import does not go with --each or --dry-run.', 'import');
  if (files !== 1) throw new UsageError(`Option --commit-every of import takes one bundle file, got ${files}.`, 'import');
  return Number(value);
}

/** `import --commit-every N`: one bundle in several commits, one line per piece; see src/graph/chunked-import.ts. */
async function importInPieces(store: GraphStore, file: LabelledFile, options: { editor: string; where: string; statementsPerCommit: number }): Promise<number> {
  const { editor, where, statementsPerCommit } = options;
  out(`Importing ${file.name} into ${where} as ${editor}, ${plural(statementsPerCommit, 'statement')} a commit`);
  const start = performance.now();
  const committed: string[] = [];
  try {
    const { report, pieces } = await importInCommits(store, file.json, {
      editor,
      statementsPerCommit,
      onPiece: (p) => {
        committed.push(`${p.index}`);
        out(`  piece ${p.index} of ${p.of} (${p.what}): ${p.alreadyThere ? 'already in the graph, nothing written (resumed after it)' : `committed, ${plural(p.changed, 'record')} created or updated`}`);
      },
    });
    out(reportTable(report));
    const resumed = pieces.filter((p) => p.alreadyThere).length;
    if (resumed > 0 && resumed < pieces.length) out(`Resumed: ${resumed} of ${pieces.length} pieces were already in the graph.`);
    out(`Imported in ${pieces.length} commits in ${formatSeconds((performance.now() - start) / 1000)}.`);
    return EXIT.OK;
  } catch (error) {
    err(`claimgraph import: ${file.name} failed: ${describeError(error)}`);
    err(
      committed.length === 0
        ? 'Nothing was written.'
        : `Pieces 1 to ${committed.length} were committed and stay; run the same command again to resume after them.`,
    );
    return exitCodeOf(error);
  }
}

/**
 * The import's last line: what was written and how fast. Rates count what was
 * written (statements created or updated, rows), so an import that changed
 * nothing says so rather than print a rate of nothing.
 */
export function writeSummary(report: ImportReport, rows: number, seconds: number): string {
  const checked = recordsIn(report, 'statements');
  if (rows === 0) {
    return `Nothing changed: every record was already in the store, as it is in the bundle (checked ${plural(checked, 'statement')} in ${formatSeconds(seconds)}).`;
  }
  const statements = report.statements.created + report.statements.updated;
  const statementRate = statements === 0 ? 'no statement written' : `${formatRate(statements, seconds)} statements/s (${plural(statements, 'statement')} written)`;
  return `Wrote ${formatCount(rows)} rows in ${formatSeconds(seconds)}: ${statementRate}, ${formatRate(rows, seconds)} rows/s.`;
}

/** Imports (or dry-runs) `files` as one set, with progress and the report table. */
async function importFiles(store: GraphStore, files: LabelledFile[], label: string, editor: string, dryRun: boolean): Promise<ImportReport> {
  const start = performance.now();
  if (dryRun) {
    const report = await dryRunImport(store, null, { editor }, files);
    out(reportTable(report, true));
    out(`Dry run: nothing was written (checked ${plural(recordsIn(report, 'statements'), 'statement')} in ${formatSeconds((performance.now() - start) / 1000)}).`);
    return report;
  }
  const progress = new Progress(label, process.stderr);
  let report: ImportReport;
  try {
    report = await importBundleSet(store, files, { editor, onProgress: progress.update });
  } finally {
    progress.finish();
  }
  const seconds = (performance.now() - start) / 1000;
  out(reportTable(report));
  out(writeSummary(report, progress.total, seconds));
  return report;
}

// ---------------------------------------------------------------- export

/**
 * `export --format prov-*|claimreview`: which claim, in which serialisation
 * (a PROV-O format, or CLAIMREVIEW for schema.org ClaimReview JSON-LD), under
 * which IRI base; null for a bundle.
 */
function provExportOf(args: ParsedArgs): { claim: string; format: ProvFormat | 'CLAIMREVIEW'; base: string } | 'FEED' | null {
  const formats: Record<string, ProvFormat | 'CLAIMREVIEW' | 'FEED' | null> = {
    bundle: null,
    'prov-jsonld': 'JSONLD',
    'prov-turtle': 'TURTLE',
    claimreview: 'CLAIMREVIEW',
    'claimreview-feed': 'FEED',
  };
  const name = args.values.get('format') ?? 'bundle';
  const format = formats[name];
  if (format === undefined) throw new UsageError(`Option --format of export must be one of ${Object.keys(formats).join(', ')}, got ${JSON.stringify(name)}.`, 'export');
  const claim = args.values.get('claim');
  const base = args.values.get('base');
  if (format === 'FEED') {
    if (claim !== undefined || base !== undefined || args.values.has('document')) {
      throw new UsageError('Option --format claimreview-feed of export writes every assessed claim: it takes no --claim, --base or --document.', 'export');
    }
    return 'FEED';
  }
  if (format === null) {
    if (claim !== undefined || base !== undefined) throw new UsageError(`Options --claim and --base of export need --format prov-jsonld, prov-turtle or claimreview, got --format ${name}.`, 'export');
    return null;
  }
  if (claim === undefined) throw new UsageError(`Option --format ${name} of export needs --claim ID: the claim to write.`, 'export');
  if (args.values.has('document')) throw new UsageError(`Option --document of export writes a bundle; it does not go with --format ${name}.`, 'export');
  try {
    return { claim, format, base: checkIriBase(base ?? DEFAULT_IRI_BASE) };
  } catch (error) {
    throw new UsageError(`Option --base of export: ${error instanceof Error ? error.message : String(error)}`, 'export');
  }
}

const exportCommand: Command = {
  summary: 'write the graph (or one document) as one bundle, or one claim\'s attribution chain as PROV-O',
  help: `Usage: claimgraph export [--document ID] [--out FILE]
       claimgraph export --format prov-jsonld|prov-turtle --claim ID [--base IRI] [--out FILE]
       claimgraph export --format claimreview --claim ID [--out FILE]
       claimgraph export --format claimreview-feed [--out FILE]

Writes the graph as one bundle (docs/BUNDLE.md), pretty-printed JSON, to
stdout or to FILE. Records come in id order, with their audit fields
(createdAt/By, updatedAt/By), so importing the export elsewhere keeps them.
The export is one read transaction: a consistent snapshot.

Options:
  --document ID   only this document, with everything its statements need to
                  stand alone (sources, affiliations, claims, entities, links)
  --out FILE      write to FILE (replaced whole, only once the export succeeded)
  --format F      bundle (the default); prov-jsonld or prov-turtle: the
                  attribution chain of one claim as W3C PROV-O, in JSON-LD or
                  Turtle (docs/ANALYSIS-PROV.md); claimreview: the editor's
                  latest assessment of one claim as schema.org ClaimReview
                  JSON-LD (exit 1 when the claim has no assessment; a
                  warning when it cannot be published as it is: no url, no
                  publishing organisation); claimreview-feed: every assessed
                  claim's ClaimReview as one schema.org DataFeed, leaving out
                  (with a warning) the reviews that have no url
  --claim ID      the claim to export (with --format prov-* or claimreview)
  --base IRI      the IRI base of the PROV-O records (default urn:claimgraph:)
  --server URL    export through the running server at URL (GET /admin/export)
  -h, --help      show this help

The embedded store is locked by a running server: export through it instead
with --server URL (the whole graph as a bundle; an editor's key in
CLAIMGRAPH_API_KEY).

Exit codes: 0 exported; 1 unknown document or claim (NOT_FOUND); 2 usage or
configuration error; 3 store error.

Examples:
  npx claimgraph export --out graph.json
  npx claimgraph export --document doc-dumayr-report
  npx claimgraph export | CLAIMGRAPH_DATA_DIR=./copy npx claimgraph import
  npx claimgraph export --format prov-turtle --claim claim-al-masoud-undercover-against-is
`,
  options: { values: ['document', 'out', 'format', 'claim', 'base', 'server'] },
  async run(args) {
    if (args.positional.length > 0) throw new UsageError(`export takes no positional argument, got ${JSON.stringify(args.positional[0])}.`, 'export');
    const document = args.values.get('document');
    const file = args.values.get('out');
    const prov = provExportOf(args); // null: a bundle
    const server = args.values.get('server');
    if (server !== undefined && (prov !== null || document !== undefined)) throw new UsageError('export --server writes the whole graph as a bundle: --document and --format are for a local store.', 'export');
    const config = server === undefined ? cliConfig() : null;
    let text: string;
    let what: string;
    try {
      if (server !== undefined) {
        const { status, body } = await callServer(server, 'export', '/admin/export', { method: 'GET' });
        if (status !== 200) throw new ClaimgraphError(status === 401 || status === 403 ? 'CONFIG_INVALID' : 'STORE_UNAVAILABLE', `The server at ${server} refused (HTTP ${status}): ${body?.errors?.[0]?.message ?? 'no reason given'}`);
        text = `${JSON.stringify(body, null, 2)}\n`;
        what = `the graph through the server at ${server}: ${sizeLine(body as Bundle)}`;
      } else if (config === null) {
        throw new Error('unreachable');
      } else if (prov === 'FEED') {
        const { feed, omitted, problems } = await withStore(config, (store) => claimReviewFeed(store));
        for (const o of omitted) err(`Warning: left out the ClaimReview of claim ${o.claim}: ${o.problem}.`);
        for (const p of problems) err(`Warning: ${p}.`);
        text = `${JSON.stringify(feed, null, 2)}\n`;
        const count = (feed.dataFeedElement as unknown[]).length;
        what = `a ClaimReview data feed of ${count} assessed claim${count === 1 ? '' : 's'}${omitted.length > 0 ? ` (${omitted.length} left out)` : ''} from ${describeStore(config)}`;
      } else if (prov !== null && prov.format === 'CLAIMREVIEW') {
        const review = await withStore(config, (store) => claimReviewJsonLd(store, prov.claim));
        if (review === null) throw new InputError(`Claim ${JSON.stringify(prov.claim)} has no assessment: an editor records one with the assessClaim mutation.`);
        for (const p of claimReviewProblems(review)) err(`Warning: the ClaimReview cannot be published as it is: ${p}.`);
        text = `${JSON.stringify(review, null, 2)}\n`;
        what = `the ClaimReview of claim ${prov.claim} from ${describeStore(config)}`;
      } else if (prov !== null) {
        const options = { claim: prov.claim, base: prov.base, format: prov.format === 'TURTLE' ? ('TURTLE' as const) : ('JSONLD' as const) };
        text = await withStore(config, (store) => claimProvenance(store, options.claim, options));
        what = `claim ${prov.claim} as PROV-O (${prov.format === 'TURTLE' ? 'Turtle' : 'JSON-LD'}) from ${describeStore(config)}`;
      } else {
        const bundle = await withStore(config, (store) => exportBundle(store, document === undefined ? {} : { document }));
        text = `${JSON.stringify(bundle, null, 2)}\n`;
        what = `${document === undefined ? 'the graph' : `document ${document}`} from ${describeStore(config)}: ${sizeLine(bundle)}`;
      }
    } catch (error) {
      err(`claimgraph export: ${describeError(error)}`);
      return exitCodeOf(error);
    }
    if (file === undefined) {
      await writeStdout(text);
      err(`Exported ${what}.`);
      return EXIT.OK;
    }
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, text);
      renameSync(temporary, file);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        /* never created */
      }
      // Said of FILE and its folder: the temporary file beside it is ours, not the user's.
      const code = (error as NodeJS.ErrnoException | null)?.code;
      const folder = dirname(resolvePath(file));
      const why =
        code === 'ENOENT' ? `the folder ${folder} does not exist (create it first)`
        : code === 'EACCES' || code === 'EPERM' ? `this user may not write in ${folder}`
        : code === 'ENOTDIR' ? `${folder} is not a folder`
        : code === 'EISDIR' ? `${file} is a folder`
        : (code ?? 'unknown error');
      err(`claimgraph export: cannot write ${file}: ${why}. Nothing was written.`);
      return EXIT.USAGE;
    }
    err(`Exported ${what}, to ${file}.`);
    return EXIT.OK;
  },
};

// ---------------------------------------------------------------- validate

const validate: Command = {
  summary: 'check bundles as one set without writing: against the store (a dry run), or --standalone',
  help: `Usage: claimgraph validate [--standalone] [--each] <file | directory | ->...

Checks bundles without writing anything, and lists every problem with its
path (JSONPath), the record's id, its file, what was expected and what came.

The files given are ONE set, as import reads them (docs/BUNDLE.md, "A set
of bundles"): references resolve across the files, whatever their order, and
a record defined in two files must have the same content in both.

By default the set is checked against the configured store, as import would
check it (references may name records already stored), and the report says
what importing it would create, update or leave unchanged.

Options:
  --standalone    check the set alone, without opening any store: every
                  reference must name a record of the set
  --each          check each file on its own instead of as one set
  -h, --help      show this help

Exit codes: 0 valid; 1 some bundle has problems (or is not JSON); 2 usage or
configuration error; 3 store error.

Examples:
  npx claimgraph validate --standalone seed/dumayr.bundle.json
  npx claimgraph validate case/
`,
  options: { flags: ['standalone', 'each'], values: ['server'] },
  async run(args) {
    const inputs = expandInputs('validate', args.positional, process.stdin.isTTY === true);
    const standalone = args.flags.has('standalone');
    const server = args.values.get('server');
    if (server !== undefined) {
      if (standalone || args.flags.has('each')) throw new UsageError('validate --server checks the files as one set against the running server: --standalone and --each are for a local check.', 'validate');
      return importThroughServer(server, 'validate', await readAll(inputs), true);
    }
    const check = async (store: GraphStore | null, where: string): Promise<number> => {
      // Files that cannot be read are reported; the others are still checked.
      const files: LabelledFile[] = [];
      let unreadable = 0;
      for (const input of inputs) {
        try {
          files.push({ name: input.label, json: await readBundleJson(input) });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          unreadable++;
          out(`${input.label}: invalid: ${error.message}`);
        }
      }
      const sets = args.flags.has('each') ? files.map((f) => [f]) : files.length > 0 ? [orderByDependency(files)] : [];
      let invalid = 0;
      for (const set of sets) if (!(await checkSet(store, set, where))) invalid++;
      const n = inputs.length;
      if (unreadable === 0 && invalid === 0) out(n === 1 ? 'The bundle is valid.' : args.flags.has('each') ? `All ${n} bundles are valid.` : `The set of ${n} bundles is valid.`);
      else if (args.flags.has('each')) out(`${invalid + unreadable} of ${n} bundle(s) invalid.`);
      else out(`The ${n === 1 ? 'bundle' : 'set'} is invalid.`);
      return unreadable === 0 && invalid === 0 ? EXIT.OK : EXIT.INVALID_INPUT;
    };
    if (standalone) return check(null, 'the set alone');
    const config = cliConfig();
    try {
      // A check writes nothing, not even a new store: with no store file yet, the graph is empty.
      if (config.store.engine === 'embedded' && config.store.path !== null && !existsSync(config.store.path)) {
        return await withStore({ ...config, store: { engine: 'embedded', path: null } }, (store) => check(store, `${describeStore(config)} (no store there yet: an empty graph)`));
      }
      return await withStore(config, (store) => check(store, describeStore(config)));
    } catch (error) {
      err(`claimgraph validate: ${describeError(error)}`);
      return exitCodeOf(error);
    }
  },
};

/** Checks one set (alone when `store` is null) and prints the verdict; returns whether it is valid. */
async function checkSet(store: GraphStore | null, files: LabelledFile[], where: string): Promise<boolean> {
  const label = setLabel(files);
  if (store === null) {
    const { bundle, problems, notes } = checkBundleSet(files);
    if (problems.length === 0) {
      out(`${label}: valid on its own (${sizeLine(bundle)}).`);
      for (const note of notes) out(`  note: ${note}`);
      return true;
    }
    out(`${label}: invalid: ${formatCount(problems.length)} problem(s):`);
    out(problemLines(problems).join('\n'));
    return false;
  }
  try {
    const report = await dryRunImport(store, null, { editor: defaultEditor() }, files);
    out(`${label}: valid against ${where}; importing it would do:`);
    out(reportTable(report, true));
    return true;
  } catch (error) {
    const problems = error instanceof ClaimgraphError && error.code === 'BAD_USER_INPUT' ? problemsOf(error.details) : null;
    if (problems === null) throw error; // the store failed: not a verdict on the bundle
    out(`${label}: invalid against ${where}: ${formatCount(problems.length)} problem(s):`);
    out(problemLines(problems).join('\n'));
    return false;
  }
}

// ---------------------------------------------------------------- key

const keyCommand: Command = {
  summary: 'create an API key: prints the key once, and the line the server needs',
  help: `Usage: claimgraph key create --role ROLE --editor NAME

Makes a new random API key (32 bytes from the OS's secure random source) and
prints it once, with the line to add to CLAIMGRAPH_API_KEYS_FILE (one per
line) or CLAIMGRAPH_API_KEYS (comma-separated). The line holds the key's
SHA-256, never the key: the server cannot show a key again, so hand it over
now. Restart the server to use the new line.

Options:
  --role ROLE     reader, editor or admin (see README "Running in production")
  --editor NAME   the identity this key's writes are recorded under
                  (1 to 100 printable characters)

Example:
  npx claimgraph key create --role editor --editor alice@example.org
`,
  options: { values: ['role', 'editor'] },
  async run(args) {
    const [action, extra] = args.positional;
    if (action !== 'create') throw new UsageError(`key expects "create", got ${action === undefined ? 'nothing' : JSON.stringify(action)}.`, 'key');
    if (extra !== undefined) throw new UsageError(`key create takes no further argument, got ${JSON.stringify(extra)}.`, 'key');
    const role = args.values.get('role');
    if (role === undefined || !(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got ${role === undefined ? 'nothing' : JSON.stringify(role)}.`, 'key');
    }
    const editor = args.values.get('editor')?.trim();
    const problem = editor === undefined ? 'nothing' : (editorProblem(editor) ?? (editor.includes(',') ? 'a comma (it separates CLAIMGRAPH_API_KEYS entries)' : null));
    if (editor === undefined || problem !== null) throw new UsageError(`--editor must name the editor in ${EDITOR_EXPECTED}, got ${problem}.`, 'key');
    const { generateKey, keyLine } = await import('../api/auth');
    const key = generateKey();
    out(`API key (shown once; give it to ${editor}, who sends it as "Authorization: Bearer <key>"):`);
    out(`  ${key}`);
    out('Line for CLAIMGRAPH_API_KEYS_FILE (or an entry of CLAIMGRAPH_API_KEYS):');
    out(`  ${keyLine(role as Role, editor, key)}`);
    return EXIT.OK;
  },
};

// ---------------------------------------------------------------- backup, restore, salvage

/** The embedded store's file, or a usage error for a store that has none. */
function embeddedPath(config: Config, command: string): string {
  if (config.store.engine !== 'embedded') throw new UsageError(`${command} is for the embedded store; back up and restore Neo4j with its own tools (neo4j-admin database dump / load).`, command);
  if (config.store.path === null) throw new UsageError(`${command} needs a store on disk, got one in memory.`, command);
  return config.store.path;
}

const backupCommand: Command = {
  summary: 'copy the embedded store to a file, consistent at its last commit (through a running server too)',
  help: `Usage: claimgraph backup --out FILE
       claimgraph backup --server URL

Writes a consistent copy of the embedded store, as it is at its last commit,
to FILE (which must not exist). With --server, asks the running server at
URL to write one while it keeps serving (POST /admin/backup, with the admin
key in CLAIMGRAPH_API_KEY); the copy goes to the backups folder beside the
store. "npx claimgraph restore FILE" puts a backup back.

Options:
  --out FILE      the backup file to write (the store must not be held by a server)
  --server URL    a running claimgraph (http://host:port), for an online backup

Exit codes: 0 written; 2 usage or configuration error; 3 store error.
`,
  options: { values: ['out', 'server'] },
  async run(args) {
    if (args.positional.length > 0) throw new UsageError(`backup takes no positional argument, got ${JSON.stringify(args.positional[0])}.`, 'backup');
    const file = args.values.get('out');
    const server = args.values.get('server');
    if ((file === undefined) === (server === undefined)) throw new UsageError('backup needs exactly one of --out FILE and --server URL.', 'backup');
    if (server !== undefined) {
      let url: URL;
      try {
        url = new URL('/admin/backup', server);
      } catch {
        throw new UsageError(`--server must be the server's URL (http://host:port), got ${JSON.stringify(server)}.`, 'backup');
      }
      const key = process.env.CLAIMGRAPH_API_KEY?.trim();
      if (!key) throw new UsageError('An online backup needs an admin key in CLAIMGRAPH_API_KEY.', 'backup');
      let res: Response;
      try {
        res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
      } catch (error) {
        err(`claimgraph backup: cannot reach ${url.origin}: ${error instanceof Error ? (((error.cause as Error | undefined)?.message ?? error.message)) : String(error)}`);
        return EXIT.STORE;
      }
      const body = (await res.json().catch(() => null)) as { path?: string; commit?: number; bytes?: number; errors?: { message: string }[] } | null;
      if (!res.ok || body?.path === undefined) {
        err(`claimgraph backup: ${url.origin} refused (HTTP ${res.status}): ${body?.errors?.[0]?.message ?? 'no reason given'}`);
        return res.status === 401 || res.status === 403 ? EXIT.USAGE : EXIT.STORE;
      }
      out(`Backup written by the server at ${url.origin} to ${body.path} (commit ${body.commit}, ${formatCount(body.bytes ?? 0)} bytes).`);
      return EXIT.OK;
    }
    const config = cliConfig();
    const path = embeddedPath(config, 'backup');
    const store = EmbeddedStore.onDisk(path, loadQueries());
    try {
      const done = await store.backup(file as string);
      out(`Backup of ${path} written to ${done.path} (commit ${done.epoch}, ${formatCount(done.bytes)} bytes).`);
    } finally {
      await store.close();
    }
    return EXIT.OK;
  },
};

const restoreCommand: Command = {
  summary: 'replace the embedded store by a backup (the replaced files are kept aside)',
  help: `Usage: claimgraph restore FILE

Replaces the embedded store by the backup FILE ("npx claimgraph backup" wrote
it). The replaced store, its WAL and its commit marker are moved aside into
a folder <store>.replaced-<time>, never deleted. Stop the server first.

Exit codes: 0 restored; 1 FILE is not a backup; 2 usage or configuration
error; 3 store error (a running server holds the store).
`,
  options: {},
  async run(args) {
    const [file, extra] = args.positional;
    if (file === undefined || extra !== undefined) throw new UsageError(`restore takes one backup file, got ${args.positional.length}.`, 'restore');
    const config = cliConfig();
    const path = embeddedPath(config, 'restore');
    const done = EmbeddedStore.restore(file, path);
    out(`Restored ${path} from ${file} (commit ${done.epoch}).${done.keptAs === null ? '' : ` The replaced files are in ${done.keptAs}.`}`);
    return EXIT.OK;
  },
};

const salvageCommand: Command = {
  summary: 'open a store whose WAL lost commits with what remains, and accept the loss',
  help: `Usage: claimgraph salvage

When the embedded store refuses to open because it is behind its last
acknowledged commit (its WAL was truncated, emptied or deleted) or its WAL
is damaged, opens it with what remains (the engine's salvage open), and
makes that the last committed point, so that it opens again. The files as
they were are copied first into <store>.before-salvage-<time>. Restoring a
backup ("npx claimgraph restore FILE") loses less when there is a recent one.

Exit codes: 0 salvaged; 2 usage or configuration error; 3 store error.
`,
  options: {},
  async run(args) {
    if (args.positional.length > 0) throw new UsageError(`salvage takes no argument, got ${JSON.stringify(args.positional[0])}.`, 'salvage');
    const config = cliConfig();
    const path = embeddedPath(config, 'salvage');
    const report = EmbeddedStore.salvage(path);
    const lost = report.acknowledged === null ? null : report.acknowledged - report.found;
    out(`Salvaged ${path}: it now opens at commit ${report.found}${lost !== null && lost > 0n ? `; ${lost} acknowledged commit(s) after it are lost` : ''}.`);
    out(`The files as they were are kept in ${report.keptAs}.`);
    return EXIT.OK;
  },
};

export const COMMANDS: Record<string, Command> = {
  serve,
  key: keyCommand,
  seed: seedCommand,
  import: importCommand,
  export: exportCommand,
  validate,
  migrate: migrateCommand,
  backup: backupCommand,
  restore: restoreCommand,
  salvage: salvageCommand,
};

export const GENERAL_HELP = `claimgraph — a source-claim verification knowledge graph with a GraphQL API

Usage: claimgraph <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "npx claimgraph <command> --help" for a command's options and examples.

Exit codes: 0 success; 1 invalid input (a bundle with problems, an unknown
id); 2 usage or configuration error; 3 store error.

Environment:
${Object.entries({ ...ENVIRONMENT, CLAIMGRAPH_EDITOR: 'Editor recorded by import when --editor is not given (default cli:<OS user>).' })
  .map(([name, what]) => `  ${name.padEnd(20)} ${what}`)
  .join('\n')}
`;
