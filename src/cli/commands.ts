/**
 * The `claimgraph` commands. They stay thin: parse arguments, read and write
 * files, print. The work (validation, import, export) lives in src/graph.
 */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateKey, keyLine } from '../api/auth';
import { EDITOR_EXPECTED, editorProblem, ROLES, type Role } from '../api/identity';
import { createLogger } from '../api/logging';
import { checkIriBase, claimProvenance, DEFAULT_IRI_BASE, type ProvFormat } from '../analysis/prov';
import { startHttpServer } from '../api/server';
import { ENVIRONMENT, loadConfig, type Config } from '../config';
import { ClaimgraphError, type ErrorCode } from '../errors';
import { checkBundle } from '../graph/bundle';
import { claimReviewJsonLd } from '../analysis/claimreview';
import { exportBundle } from '../graph/export';
import { dryRunImport, importBundle, type ImportReport } from '../graph/import';
import type { Bundle } from '../graph/model';
import { graphCounts, seed, seedIfEmpty } from '../graph/seed';
import { openStore } from '../store/open';
import type { GraphStore } from '../store/port';
import { EXIT, type OptionSpec, type ParsedArgs, UsageError } from './args';
import { type BundleInput, expandInputs, InputError, readBundleJson } from './bundle-files';
import { changedIn, formatCount, formatRate, formatSeconds, problemLines, problemsOf, recordsIn, reportTable } from './format';
import { Progress } from './progress';

/** An import's failure report lists at most this many problems (validate lists them all). */
const MAX_PROBLEMS_SHOWN = 50;

export interface Command {
  /** One line for the general help. */
  summary: string;
  /** The command's own help (`claimgraph <command> --help`). */
  help: string;
  options: OptionSpec;
  /** Returns the exit code, or -1 when the command keeps running (serve). */
  run(args: ParsedArgs): Promise<number>;
}

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const err = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/** The exit code for an error: 1 invalid input, 2 usage or configuration, 3 the store (or anything unexpected). */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.USAGE;
  if (error instanceof InputError) return EXIT.INVALID_INPUT;
  if (error instanceof ClaimgraphError) {
    const byCode: Partial<Record<ErrorCode, number>> = { BAD_USER_INPUT: EXIT.INVALID_INPUT, NOT_FOUND: EXIT.INVALID_INPUT, CONFIG_INVALID: EXIT.USAGE };
    return byCode[error.code] ?? EXIT.STORE;
  }
  return EXIT.STORE;
}

/** A failure as a user reads it: for an invalid bundle, each problem on its own line. */
export function describeError(error: unknown, maxProblems = MAX_PROBLEMS_SHOWN): string {
  if (error instanceof ClaimgraphError) {
    const problems = error.code === 'BAD_USER_INPUT' ? problemsOf(error.details) : null;
    if (problems !== null && problems.length > 0) {
      return [`the bundle has ${formatCount(problems.length)} problem(s):`, ...problemLines(problems, maxProblems)].join('\n');
    }
    return `${error.code}: ${error.message}`;
  }
  if (error instanceof InputError || error instanceof UsageError) return error.message;
  return `unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

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
  const store = await openStore(config.store);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
const sizeLine = (b: Pick<Bundle, 'sources' | 'affiliations' | 'entities' | 'documents' | 'claims' | 'statements' | 'links'>): string =>
  [
    plural(b.sources.length, 'source'), plural(b.affiliations.length, 'affiliation'), plural(b.entities.length, 'entity', 'entities'),
    plural(b.documents.length, 'document'), plural(b.claims.length, 'claim'), plural(b.statements.length, 'statement'), plural(b.links.length, 'link'),
  ].join(', ');

const listOf = (inputs: readonly BundleInput[]): string => inputs.map((i) => i.label).join(', ');

// ---------------------------------------------------------------- serve, seed

const serve: Command = {
  summary: 'start the GraphQL API (seeds an empty store unless CLAIMGRAPH_SEED=off)',
  help: `Usage: claimgraph serve

Starts the GraphQL API on PORT (default 4000) over the configured store. An
empty store is seeded with the Dumayr report unless CLAIMGRAPH_SEED=off.
Every setting is checked first; each bad one is reported, and nothing starts.
Logs one JSON line per request on stdout (CLAIMGRAPH_LOG_LEVEL).

On SIGTERM or SIGINT it stops accepting connections, lets in-flight requests
finish (up to CLAIMGRAPH_SHUTDOWN_GRACE_MS), closes the store and exits 0.
The embedded store stays locked while it runs.
`,
  options: {},
  async run(args) {
    if (args.positional.length > 0) throw new UsageError(`serve takes no argument, got ${JSON.stringify(args.positional[0])}.`, 'serve');
    const config = loadConfig();
    const { api } = config;
    const logger = createLogger(api.logLevel);
    // A monitor, not a handler: the process still stops (its state is unknown after an uncaught
    // throw, and a supervisor restarts it), but the cause goes to the JSON log the operator reads,
    // not only to stderr. A rejection no one handled arrives here too, as origin "unhandledRejection".
    process.on('uncaughtExceptionMonitor', (error, origin) => logger.fatal({ err: error, origin }, 'stopping on an uncaught exception'));
    const store = await openStore(config.store, undefined, { timeouts: { READ: api.limits.readTimeoutMs, WRITE: api.limits.writeTimeoutMs } });
    if (config.seedWhenEmpty && (await seedIfEmpty(store))) logger.info('the store was empty: loaded the seed');
    const running = await startHttpServer(store, config.port, config.host, { api, logger });
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
    else if (api.auth.keys.length === 0) logger.warn('no API key configured: the API is read-only (claimgraph key create makes one)');
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
    const config = loadConfig();
    await withStore(config, async (store) => {
      const report = await seed(store);
      out(`Seed written to ${describeStore(config)}:`);
      out(reportTable(report));
      out(`The store now holds: ${JSON.stringify(await graphCounts(store))}`);
    });
    return EXIT.OK;
  },
};

// ---------------------------------------------------------------- import

const importCommand: Command = {
  summary: 'import bundles (files, directories of *.json, or - for stdin), one transaction each',
  help: `Usage: claimgraph import [--editor NAME] [--dry-run] <file | directory | ->...

Imports claimgraph bundles (docs/BUNDLE.md) into the configured store. Each
file is one bundle, imported in one transaction: all of it is written or
none of it. Files are imported in the order given; a directory stands for
every *.json file in it, sorted by name. "-", or no argument when stdin is
not a terminal, reads one bundle from stdin.

A bundle is checked against the store first (references may name records
already stored). Records already stored with the same content are left
unchanged, so importing the same bundle twice writes nothing the second time.

If a file fails, nothing from it is written, the files after it are skipped,
and the files before it stay imported.

Options:
  --editor NAME   who is recorded as createdBy/updatedBy on records without
                  their own audit fields (default: $CLAIMGRAPH_EDITOR, else
                  cli:<your OS user name>)
  --dry-run       check and report what would be created, updated or left
                  unchanged; write nothing (later files do not see earlier ones)
  -h, --help      show this help

Prints a progress bar on stderr while a bundle is written, then, per file,
what was created / updated / unchanged per kind, the names matched to
records already in the graph, ambiguous names, and the rate.

Exit codes: 0 all imported; 1 invalid input (nothing from the failing file
written); 2 usage or configuration error (nothing imported); 3 store error.

Examples:
  claimgraph import seed/dumayr.bundle.json
  claimgraph import --editor alice@example.org bundles/
  claimgraph export | CLAIMGRAPH_DATA_DIR=./copy claimgraph import
`,
  options: { values: ['editor'], flags: ['dry-run'] },
  async run(args) {
    const inputs = expandInputs('import', args.positional, process.stdin.isTTY === true);
    const editor = args.values.get('editor') ?? defaultEditor();
    const dryRun = args.flags.has('dry-run');
    const config = loadConfig();
    const where = describeStore(config);

    let store: GraphStore;
    try {
      store = await openStore(config.store);
    } catch (error) {
      err(`claimgraph import: cannot open the store: ${describeError(error)}`);
      err('Nothing was imported.');
      return exitCodeOf(error);
    }
    const done: BundleInput[] = [];
    try {
      for (const [index, input] of inputs.entries()) {
        out(`${dryRun ? 'Checking (dry run)' : 'Importing'} ${input.label} (${index + 1} of ${inputs.length}) into ${where} as ${editor}`);
        try {
          await importOne(store, input, editor, dryRun);
          done.push(input);
        } catch (error) {
          err(`claimgraph import: ${input.label} failed: ${describeError(error)}`);
          err(`Nothing from ${input.label} was written${dryRun ? ' (dry run)' : ' (each file is imported in one transaction: all of it or none of it)'}.`);
          if (!dryRun && done.length > 0) err(`Already imported, and kept: ${listOf(done)}.`);
          const skipped = inputs.slice(index + 1);
          if (skipped.length > 0) err(`Skipped, not ${dryRun ? 'checked' : 'imported'}: ${listOf(skipped)}.`);
          return exitCodeOf(error);
        }
      }
    } finally {
      await store.close();
    }
    if (inputs.length > 1) out(`${dryRun ? 'Checked' : 'Imported'} all ${inputs.length} files.`);
    return EXIT.OK;
  },
};

async function importOne(store: GraphStore, input: BundleInput, editor: string, dryRun: boolean): Promise<ImportReport> {
  const json = await readBundleJson(input);
  const start = performance.now();
  if (dryRun) {
    const report = await dryRunImport(store, json, { editor });
    out(reportTable(report, true));
    out(`Dry run: nothing was written (checked ${plural(recordsIn(report, 'statements'), 'statement')} in ${formatSeconds((performance.now() - start) / 1000)}).`);
    return report;
  }
  const progress = new Progress(input.label, process.stderr);
  let report: ImportReport;
  try {
    report = await importBundle(store, json, { editor, onProgress: progress.update });
  } finally {
    progress.finish();
  }
  const seconds = (performance.now() - start) / 1000;
  const statements = recordsIn(report, 'statements');
  out(reportTable(report));
  if (changedIn(report) === 0) out('Nothing changed: every record was already in the store, as it is in the bundle.');
  out(
    `Wrote ${formatCount(progress.total)} rows in ${formatSeconds(seconds)}: ` +
      `${formatRate(statements, seconds)} statements/s (${plural(statements, 'statement')}), ${formatRate(progress.total, seconds)} rows/s.`,
  );
  return report;
}

// ---------------------------------------------------------------- export

/**
 * `export --format prov-*|claimreview`: which claim, in which serialisation
 * (a PROV-O format, or CLAIMREVIEW for schema.org ClaimReview JSON-LD), under
 * which IRI base; null for a bundle.
 */
function provExportOf(args: ParsedArgs): { claim: string; format: ProvFormat | 'CLAIMREVIEW'; base: string } | null {
  const formats: Record<string, ProvFormat | 'CLAIMREVIEW' | null> = { bundle: null, 'prov-jsonld': 'JSONLD', 'prov-turtle': 'TURTLE', claimreview: 'CLAIMREVIEW' };
  const name = args.values.get('format') ?? 'bundle';
  const format = formats[name];
  if (format === undefined) throw new UsageError(`Option --format of export must be one of ${Object.keys(formats).join(', ')}, got ${JSON.stringify(name)}.`, 'export');
  const claim = args.values.get('claim');
  const base = args.values.get('base');
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
                  JSON-LD (exit 1 when the claim has no assessment)
  --claim ID      the claim to export (with --format prov-* or claimreview)
  --base IRI      the IRI base of the PROV-O records (default urn:claimgraph:)
  -h, --help      show this help

The embedded store is locked by a running server: stop it before exporting.

Exit codes: 0 exported; 1 unknown document or claim (NOT_FOUND); 2 usage or
configuration error; 3 store error.

Examples:
  claimgraph export --out graph.json
  claimgraph export --document doc-dumayr-report
  claimgraph export | CLAIMGRAPH_DATA_DIR=./copy claimgraph import
  claimgraph export --format prov-turtle --claim claim-al-masoud-undercover-against-is
`,
  options: { values: ['document', 'out', 'format', 'claim', 'base'] },
  async run(args) {
    if (args.positional.length > 0) throw new UsageError(`export takes no positional argument, got ${JSON.stringify(args.positional[0])}.`, 'export');
    const document = args.values.get('document');
    const file = args.values.get('out');
    const prov = provExportOf(args); // null: a bundle
    const config = loadConfig();
    let text: string;
    let what: string;
    try {
      if (prov !== null && prov.format === 'CLAIMREVIEW') {
        const review = await withStore(config, (store) => claimReviewJsonLd(store, prov.claim));
        if (review === null) throw new InputError(`Claim ${JSON.stringify(prov.claim)} has no assessment: an editor records one with the assessClaim mutation.`);
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
      err(`claimgraph export: cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT.USAGE;
    }
    err(`Exported ${what}, to ${file}.`);
    return EXIT.OK;
  },
};

// ---------------------------------------------------------------- validate

const validate: Command = {
  summary: 'check bundles without writing: against the store (a dry run), or --standalone',
  help: `Usage: claimgraph validate [--standalone] <file | directory | ->...

Checks bundles without writing anything, and lists every problem with its
path (JSONPath), what was expected and what came.

By default each bundle is checked against the configured store, as import
would check it (references may name records already stored), and the
report says what importing it would create, update or leave unchanged.
Each file is checked on its own, against the store as it is now.

Options:
  --standalone    check the bundle alone, without opening any store: every
                  reference must name a record in the same bundle
  -h, --help      show this help

Exit codes: 0 every bundle is valid; 1 some bundle has problems (or is not
JSON); 2 usage or configuration error; 3 store error.

Examples:
  claimgraph validate --standalone seed/dumayr.bundle.json
  claimgraph validate bundles/
`,
  options: { flags: ['standalone'] },
  async run(args) {
    const inputs = expandInputs('validate', args.positional, process.stdin.isTTY === true);
    const standalone = args.flags.has('standalone');
    const check = async (store: GraphStore | null, where: string): Promise<number> => {
      let invalid = 0;
      for (const input of inputs) {
        let json: unknown;
        try {
          json = await readBundleJson(input);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          invalid++;
          out(`${input.label}: invalid: ${error.message}`);
          continue;
        }
        if (store === null) {
          const { bundle, problems } = checkBundle(json);
          if (problems.length === 0) out(`${input.label}: valid on its own (${sizeLine(bundle)}).`);
          else {
            invalid++;
            out(`${input.label}: invalid: ${formatCount(problems.length)} problem(s):`);
            out(problemLines(problems).join('\n'));
          }
          continue;
        }
        try {
          const report = await dryRunImport(store, json, { editor: defaultEditor() });
          out(`${input.label}: valid against ${where}; importing it would do:`);
          out(reportTable(report, true));
        } catch (error) {
          const problems = error instanceof ClaimgraphError && error.code === 'BAD_USER_INPUT' ? problemsOf(error.details) : null;
          if (problems === null) throw error; // the store failed: not a verdict on the bundle
          invalid++;
          out(`${input.label}: invalid against ${where}: ${formatCount(problems.length)} problem(s):`);
          out(problemLines(problems).join('\n'));
        }
      }
      const n = inputs.length;
      out(invalid === 0 ? `${n === 1 ? 'The bundle is' : `All ${n} bundles are`} valid.` : `${invalid} of ${n} bundle(s) invalid.`);
      return invalid === 0 ? EXIT.OK : EXIT.INVALID_INPUT;
    };
    if (standalone) return check(null, 'the bundle alone');
    const config = loadConfig();
    try {
      return await withStore(config, (store) => check(store, describeStore(config)));
    } catch (error) {
      err(`claimgraph validate: ${describeError(error)}`);
      return exitCodeOf(error);
    }
  },
};

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
  claimgraph key create --role editor --editor alice@example.org
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
    const key = generateKey();
    out(`API key (shown once; give it to ${editor}, who sends it as "Authorization: Bearer <key>"):`);
    out(`  ${key}`);
    out('Line for CLAIMGRAPH_API_KEYS_FILE (or an entry of CLAIMGRAPH_API_KEYS):');
    out(`  ${keyLine(role as Role, editor, key)}`);
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
};

export const GENERAL_HELP = `claimgraph — a source-claim verification knowledge graph with a GraphQL API

Usage: claimgraph <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "claimgraph <command> --help" for a command's options and examples.

Exit codes: 0 success; 1 invalid input (a bundle with problems, an unknown
id); 2 usage or configuration error; 3 store error.

Environment:
${Object.entries({ ...ENVIRONMENT, CLAIMGRAPH_EDITOR: 'Editor recorded by import when --editor is not given (default cli:<OS user>).' })
  .map(([name, what]) => `  ${name.padEnd(20)} ${what}`)
  .join('\n')}
`;
