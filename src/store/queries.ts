import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimgraphError, show } from '../errors';
import { cypherDir } from '../paths';

/**
 * Every query the code runs, by file name in `cypher/` (without `.cypher`).
 * A test checks that each name has a file and each file a name here, and that
 * each name is used somewhere in `src/`.
 */
export const QUERY_NAMES = [
  // import: what the graph holds already (reads), then the writes
  'existing-ids',
  'import-fingerprints',
  'import-relationship-fingerprints',
  'import-redirects',
  'sources-by-name-keys',
  'entities-by-name-keys',
  'sources-by-skeletons',
  'entities-by-skeletons',
  'sources-for-merge',
  'entities-for-merge',
  'claims-about-entities',
  'judgement-ids',
  'import-loops',
  // write locks, taken first in a transaction so that concurrent writes cannot interleave (src/graph/locks.ts)
  'take-locks',
  'lock-claims',
  // records recognised as one by name: a stored record takes the group's id, others merge into it
  'rename-source',
  'rename-entity',
  'merge-source-into',
  'merge-entity-into',
  'merge-claim-into',
  'create-redirects',
  'possible-duplicates-by-pairs',
  'write-possible-duplicates',
  // records new by id are created outright; changed ones are rewritten, their references moved
  'create-sources',
  'create-entities',
  'create-documents',
  'create-claims',
  'create-statements',
  'create-appearances',
  'create-statement-links',
  'ancestors-by-sources',
  'import-sources',
  'import-affiliations',
  'import-source-entities',
  'import-entities',
  'import-documents',
  'import-claims',
  'import-statements',
  'import-contradictions',
  'import-supports',
  'import-implications',
  'import-questions',
  'import-ratings',
  'import-changes',
  'import-assessments',
  // positions over time, computed after every write that touches statements (src/graph/refresh.ts)
  'position-scope',
  'position-inputs',
  'write-positions',
  'claims-by-sources',
  // reads by id, batched per GraphQL level
  'claims-by-ids',
  'sources-by-ids',
  'statements-by-ids',
  'documents-by-ids',
  'entities-by-ids',
  'statements-by-sources',
  'parents-by-sources',
  'corroboration-by-claims',
  'document-texts',
  'claims-about-entity-pages',
  // nested lists, one page per parent, batched per GraphQL level
  'statement-pages-by-claims',
  'statement-pages-by-sources',
  'statement-pages-by-claims-newest',
  'statement-pages-by-sources-newest',
  'statement-pages-by-documents',
  'source-pages-by-claims',
  'member-pages-by-sources',
  'link-pages-by-claims',
  // lists
  'claims-page',
  'claims-count',
  'sources-page',
  'sources-count',
  'entities-page',
  'entities-count',
  'documents-page',
  'documents-count',
  // search, ranked by relevance (docs/MODEL.md, "Search")
  'claims-search',
  'sources-search',
  'entities-search',
  'documents-search',
  'conflicts-page',
  // export
  'export-sources',
  'export-entities',
  'export-documents',
  'export-claims',
  'export-statements',
  'export-questions',
  'export-judgements',
  'document-closure',
  // the change log
  'record-change',
  'changes-page',
  'changes-by-ids',
  // the ClaimReview data feed (src/analysis/claimreview.ts)
  'assessed-claims',
  // housekeeping
  'graph-counts',
  // the graph model version: recognising a version 1 store (claimgraph 0.1) and migrating it (src/store/model-version.ts, src/graph/migrate.ts)
  'model-version',
  'write-model-version',
  // name keys and search words rebuilt once when their rules change (src/graph/name-keys.ts)
  'name-key-candidates',
  'rebuild-name-keys',
  'write-name-keys-version',
  'model-v1-signs',
  'migrate-v1-counts',
  'migrate-v1-sources',
  'migrate-v1-entities',
  'migrate-v1-documents',
  'migrate-v1-claims',
  'migrate-v1-statements',
  'migrate-v1-questions',
  'migrate-v1-judgements',
  'migrate-v1-delete',
  // editing through the API (src/graph/editing.ts, src/api/mutations.ts)
  'audit-by-ids',
  'documents-by-publishers',
  'affiliation-detours',
  'unlink-contradicts',
  'unlink-supports',
  'unlink-implications',
  'reject-duplicate',
  'statements-carried-by',
  'possible-duplicates-page',
  'deletion-scope-claim',
  'deletion-scope-source',
  'deletion-scope-document',
  'deletion-scope-statement',
  'deletion-scope-entity',
  'delete-statements',
  'delete-claim',
  'delete-source',
  'delete-document',
  'delete-entity',
  // competing hypotheses: questions and their ACH matrices (src/analysis/ach.ts, src/api/ach-resolvers.ts)
  // lookups by global id of the records that have no loader of their own (src/api/nodes.ts)
  'assessments-by-ids',
  'questions-by-ids',
  'questions-page',
  'questions-count',
  'questions-by-claims',
  'ach-matrices',
  'write-question',
  'set-ach-cell',
  'clear-ach-cell',
  // analytics: a claim's attribution chain as PROV-O, an entity's timeline (src/analysis/prov.ts, src/analysis/timeline.ts)
  'provenance-by-claims',
  'entity-timeline',
  // credibility, claim status, source ratings, assessments, ClaimReview (src/analysis/, src/api/analysis-resolvers.ts)
  'claims-page-by-status',
  'claims-count-by-status',
  'claims-status-window',
  'claims-count-corroborated',
  'claims-search-by-status',
  'claims-search-count-by-status',
  // each claim's standing, kept up on write (src/graph/standing.ts)
  'standing-scope',
  'write-claim-standing',
  'claim-standings-by-ids',
  'claims-without-standing',
  // each source's top-level affiliations and each statement's origin, kept up on write (src/graph/independence.ts)
  'write-source-roots',
  'write-statement-origins',
  // each source's group of alike names (a possible duplicate by spelling), kept up on write
  'source-alike-neighbours',
  'write-source-alike',
  'independence-keys',
  'independence-keys-missing',
  'rate-source',
  'ratings-by-sources',
  'assess-claim',
  'assessments-by-claims',
  'claim-reviews-by-claims',
  'text-candidates',
  'backfill-search-text',
] as const;

/**
 * Queries only Neo4j runs: the embedded engine answers them through its own
 * API (its full-text search, src/store/embedded-store.ts `textSearch`).
 */
export const NEO4J_ONLY_QUERIES: readonly QueryName[] = ['text-candidates'];

export type QueryName = (typeof QUERY_NAMES)[number];

export interface Query {
  name: QueryName;
  /** The Cypher text, header included (comments are valid Cypher). */
  text: string;
  /** Parameter names the header declares with `@param`. */
  params: readonly string[];
  /** `read` queries may run on replicas; `write` queries need a write transaction. */
  mode: 'read' | 'write';
  /** Where each line of `text` came from (its fragments expanded); absent for a query built in a test. */
  lines?: readonly SourceLine[];
}

export type QueryTable = Readonly<Record<QueryName, Query>>;

/**
 * The DDL applied at start-up, one statement per `;`: `schema.cypher` on
 * every engine, then `schema-embedded.cypher` on the embedded one only, or
 * `schema-neo4j.cypher` (the full-text indexes) on Neo4j only.
 */
export const SCHEMA_FILES = { common: 'schema.cypher', embedded: 'schema-embedded.cypher', neo4j: 'schema-neo4j.cypher' } as const;

const HEADER_PARAM = /^\/\/\s*@param\s+(\w+)/;
const HEADER_MODE = /^\/\/\s*@mode\s+(read|write)\s*$/;

/** Parses a query file's header: the leading `//` comment lines. */
export function parseHeader(name: string, text: string): { params: string[]; mode: 'read' | 'write' } {
  const params: string[] = [];
  let mode: 'read' | 'write' | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) break;
    const param = HEADER_PARAM.exec(trimmed);
    if (param?.[1] !== undefined) params.push(param[1]);
    const m = HEADER_MODE.exec(trimmed);
    if (m?.[1] !== undefined) mode = m[1] as 'read' | 'write';
  }
  if (mode === undefined) {
    throw new ClaimgraphError('INTERNAL', `cypher/${name}.cypher: the header must say "// @mode read" or "// @mode write".`);
  }
  return { params, mode };
}

/** Where a line of an expanded query came from: a file under `cypher/` and its 1-based line. */
export interface SourceLine {
  file: string;
  line: number;
}

/** `// @include name` on a line of its own: replaced by `cypher/fragments/name.cypher`. */
const INCLUDE = /^\s*\/\/\s*@include\s+([\w-]+)\s*$/;
export const FRAGMENT_DIR = 'fragments';

/**
 * Expands the `// @include` lines of a query, recursively, so one copy of a
 * shared fragment (the independence rule, the claim status, the statement
 * projection) serves every query that needs it. Returns the text the engine
 * runs and, per line, the file and line it came from, so a lint error in a
 * fragment names the fragment. An unknown fragment or an include cycle fails
 * at load, naming the file.
 */
export function expandIncludes(file: string, text: string, dir: string = cypherDir(), seen: readonly string[] = []): { text: string; lines: SourceLine[] } {
  const out: string[] = [];
  const lines: SourceLine[] = [];
  text.split('\n').forEach((line, index) => {
    const include = INCLUDE.exec(line)?.[1];
    if (include === undefined) {
      out.push(line);
      lines.push({ file, line: index + 1 });
      return;
    }
    const fragmentFile = `${FRAGMENT_DIR}/${include}.cypher`;
    if (seen.includes(fragmentFile) || fragmentFile === file) {
      throw new ClaimgraphError('INTERNAL', `cypher/${file}:${index + 1}: including ${fragmentFile} again makes a cycle (${[...seen, file, fragmentFile].join(' → ')}).`);
    }
    let fragment: string;
    try {
      fragment = readFileSync(join(dir, fragmentFile), 'utf8');
    } catch (cause) {
      throw new ClaimgraphError('INTERNAL', `cypher/${file}:${index + 1}: the fragment cypher/${fragmentFile} is missing or unreadable.`, undefined, { cause });
    }
    const expanded = expandIncludes(fragmentFile, fragment.replace(/\n$/, ''), dir, [...seen, file]);
    out.push(...expanded.text.split('\n'));
    lines.push(...expanded.lines);
  });
  return { text: out.join('\n'), lines };
}

/** Names of the fragments in `cypher/fragments/`. */
export function fragmentNames(dir: string = cypherDir()): string[] {
  return readdirSync(join(dir, FRAGMENT_DIR))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .sort();
}

/**
 * Loads every named query once, at start-up, its includes expanded. Fails
 * fast, naming the file, if one is missing or its header is malformed, so a
 * broken deploy never serves.
 */
export function loadQueries(dir: string = cypherDir()): QueryTable {
  const table = {} as Record<QueryName, Query>;
  for (const name of QUERY_NAMES) {
    const file = join(dir, `${name}.cypher`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new ClaimgraphError('INTERNAL', `Query file ${file} is missing or unreadable: every name in QUERY_NAMES needs a file.`, undefined, { cause });
    }
    const expanded = expandIncludes(`${name}.cypher`, text, dir);
    table[name] = { name, text: expanded.text, lines: expanded.lines, ...parseHeader(name, text) };
  }
  return table;
}

/** The schema statements an engine applies, without comments. */
export function loadSchemaStatements(engine: 'embedded' | 'neo4j', dir: string = cypherDir()): string[] {
  const files = [SCHEMA_FILES.common, engine === 'embedded' ? SCHEMA_FILES.embedded : SCHEMA_FILES.neo4j];
  return files.flatMap((file) => splitStatements(readFileSync(join(dir, file), 'utf8')));
}

/** Splits a DDL file into its statements, dropping comment lines. */
export function splitStatements(text: string): string[] {
  return text
    .split(';')
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s !== '');
}

/** Names of the `.cypher` files in `dir` (for the test that no file is orphaned). */
export function queryFilesIn(dir: string = cypherDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher') && !(Object.values(SCHEMA_FILES) as string[]).includes(f))
    .map((f) => f.slice(0, -'.cypher'.length));
}

/**
 * Checks that a call passes exactly the parameters the query declares: a
 * missing one would fail inside the engine with a less helpful message, and an
 * extra one means the caller and the file disagree.
 */
export function checkParams(query: Query, params: Readonly<Record<string, unknown>>): void {
  const given = Object.keys(params).sort();
  const declared = [...query.params].sort();
  if (given.length !== declared.length || given.some((p, i) => p !== declared[i])) {
    throw new ClaimgraphError(
      'INTERNAL',
      `Query ${query.name} declares parameters ${show(declared)} but was called with ${show(given)}.`,
    );
  }
}
