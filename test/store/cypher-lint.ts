/**
 * The Cypher lint of cypher-lint.test.ts: every query and schema file, and the
 * checks of the lint itself (its negative controls). A file whose exact text
 * was linted clean before, under the same rules, is not analysed again (lint()).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbSchema } from '@neo4j-cypher/language-support';
import { GRAPH_VOCABULARY } from '../../src/graph/model';
import { cypherDir } from '../../src/paths';
import { loadQueries, QUERY_NAMES, SCHEMA_FILES, splitStatements, type SourceLine } from '../../src/store/queries';

/*
 * Every Cypher file is checked by Neo4j's own parser and semantic analysis
 * (compiled to JS), as a Neo4j 5 server would check it, without a server.
 * - Functions and procedures: Neo4j 5's built-in list as the package ships
 *   it, without apoc.* and gds.* (plugins a plain Neo4j does not have).
 * - Labels, relationship types and property keys: the graph's vocabulary.
 * - The semantic analysis must have run: it gives up silently on some
 *   shapes (a pattern comprehension inside a map literal), leaving an empty
 *   symbol table and no error. An empty symbol table fails the file.
 * Fragments (cypher/fragments/) are linted in place, inside each query that
 * includes them, and an error in one names the fragment's file and line.
 */

/**
 * Keys of the parameter rows that are not graph properties (the import rows
 * name their references `source`, `claim`, …). The linter cannot tell a map
 * key from a property key, so these are allowed too, and only these.
 */
const PARAMETER_ROW_KEYS = ['source', 'parent', 'entity', 'claim', 'document', 'publisher', 'from', 'to', 'via', 'derivedFrom', 'supersedes', 'supersededBy', 'statement', 'a', 'b'];

/** Plugins, not Neo4j: a query that needs one fails on a plain server. */
export const PLUGIN = /^(apoc|gds)\./;
type Registry<T> = Record<string, Record<string, T>>;
function withoutPlugins<T>(registry: Registry<T>): Registry<T> {
  return Object.fromEntries(Object.entries(registry).map(([version, entries]) => [version, Object.fromEntries(Object.entries(entries).filter(([name]) => !PLUGIN.test(name)))]));
}

/*
 * The package (20 MB of JS, 1 to 2 s of CPU to load) is loaded only when a
 * statement is analysed: a run that finds every file remembered clean skips it.
 */
type LanguageSupport = typeof import('@neo4j-cypher/language-support');
let languageSupport: LanguageSupport | undefined;
const load = (): LanguageSupport => (languageSupport ??= require('@neo4j-cypher/language-support') as LanguageSupport);
let builtIns: Pick<DbSchema, 'functions' | 'procedures'> | undefined;
/** Neo4j 5's built-in functions and procedures as the package lists them, without the plugins'. */
export function neo4jBuiltIns(): Pick<DbSchema, 'functions' | 'procedures'> {
  const { testData } = load();
  return (builtIns ??= {
    functions: withoutPlugins(testData.mockSchema.functions as Registry<unknown>) as DbSchema['functions'],
    procedures: withoutPlugins(testData.mockSchema.procedures as Registry<unknown>) as DbSchema['procedures'],
  });
}

/** The graph's vocabulary; with the built-ins and the parameters, the schema a statement is checked against. */
const VOCABULARY = {
  labels: [...GRAPH_VOCABULARY.labels],
  relationshipTypes: [...GRAPH_VOCABULARY.relationshipTypes],
  propertyKeys: [...GRAPH_VOCABULARY.propertyKeys, ...PARAMETER_ROW_KEYS],
};
const schemaFor = (params: readonly string[]): DbSchema => ({ ...VOCABULARY, ...neo4jBuiltIns(), parameters: Object.fromEntries(params.map((p) => [p, null])) });

const ERROR = 1;

/*
 * A clean result is remembered, so that a file no one changed is not analysed
 * again on every run (the analysis is 0.1 to 7 s of CPU per query, 85 s for
 * all of them). The key is a hash of everything the result depends on: the
 * statement's text, the schema it is checked against (vocabulary, parameters,
 * functions, procedures), whether it is a schema command, this file's source
 * (the rules below) and the language-support package (its version and the
 * size of its bundle, which fix the built-ins it lists). Failures are never remembered, so a broken file fails
 * in every run; deprecations are remembered with the result and printed again.
 * CYPHER_LINT_CACHE=off analyses every file, as a fresh clone's first run does.
 */
const LANGUAGE_SUPPORT = require.resolve('@neo4j-cypher/language-support');
const LINT_IDENTITY = createHash('sha256')
  .update(readFileSync(__filename))
  .update(readFileSync(join(LANGUAGE_SUPPORT, '..', '..', '..', 'package.json')))
  .update(String(statSync(LANGUAGE_SUPPORT).size))
  .update(JSON.stringify(VOCABULARY))
  .digest('hex');
export const LINT_CACHE_DIR = join(tmpdir(), 'claimgraph-cypher-lint');
const cacheOff = (): boolean => process.env.CYPHER_LINT_CACHE === 'off';

/** The key of a result: the same for the same inputs to the analysis and the same rules, different otherwise. */
export function lintCacheKey(query: string, params: readonly string[], ddl: boolean): string {
  return createHash('sha256').update(LINT_IDENTITY).update(JSON.stringify([params, ddl, query])).digest('hex');
}

/** How many statements this process analysed, and how many it found remembered clean. */
export const lintCounts = { analysed: 0, remembered: 0 };

/**
 * Lints one statement: errors, warnings that name an unknown part of the
 * schema, and a semantic analysis that did not run fail; deprecations are
 * printed. `lines` maps a line of `query` to the file it came from.
 */
export function lint(where: string, query: string, params: readonly string[], lines?: readonly SourceLine[], ddl = false): string[] {
  const cached = join(LINT_CACHE_DIR, `${lintCacheKey(query, params, ddl)}.json`);
  if (!cacheOff()) {
    let deprecations: string[] | undefined;
    try {
      deprecations = JSON.parse(readFileSync(cached, 'utf8')) as string[];
    } catch {
      /* not remembered (or unreadable): analyse */
    }
    if (deprecations !== undefined) {
      lintCounts.remembered++;
      for (const d of deprecations) console.warn(d);
      return [];
    }
  }
  lintCounts.analysed++;
  const { failures, deprecations } = analyse(where, query, params, lines, ddl);
  if (failures.length === 0) {
    // Written whole, then renamed: a shard reading it at the same time never sees half of it.
    mkdirSync(LINT_CACHE_DIR, { recursive: true });
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(deprecations));
    renameSync(partial, cached);
  }
  return failures;
}

function analyse(where: string, query: string, params: readonly string[], lines: readonly SourceLine[] | undefined, ddl: boolean): { failures: string[]; deprecations: string[] } {
  const { diagnostics, symbolTables } = load().lintCypherQuery(query, schemaFor(params));
  const at = (line: number, character: number): string => {
    const source = lines?.[line];
    return source === undefined ? `${where}:${line + 1}:${character + 1}` : `${source.file}:${source.line}:${character + 1}`;
  };
  const failures: string[] = [];
  const deprecations: string[] = [];
  for (const d of diagnostics) {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const place = at(d.range.start.line, d.range.start.character);
    if (/deprecated/i.test(message)) deprecations.push(`Cypher deprecation at ${place}: ${message}`);
    else if (d.severity === ERROR || /is not present in the database/.test(message)) failures.push(`${place}: ${message}`);
  }
  for (const d of deprecations) console.warn(d);
  // A syntax error already fails; otherwise an empty table means the analysis gave up.
  // Schema commands bind no variable to a table, though their analysis runs (see the DDL control below).
  if (!ddl && failures.length === 0 && (symbolTables === undefined || symbolTables.length === 0 || symbolTables.some((table) => table.length === 0))) {
    failures.push(`${where}: Neo4j's semantic analysis did not run (empty symbol table); rewrite the shape it gives up on, e.g. a pattern comprehension inside a map literal`);
  }
  return { failures, deprecations };
}

export const table = loadQueries();

/*
 * The independence rule (fragments/independence-rule.cypher, 150 lines) is in seven queries,
 * and Neo4j's analysis costs more than a query's length: about 4 s of CPU for each of those
 * queries, 0.6 s for the same query without the rule, 4 s for the rule alone. So the rule is
 * linted once, on its own, given exactly the variables its header says it expects
 * (RULE_HARNESS), and each query that includes it is linted with the rule replaced by a
 * stand-in of the same interface (RULE_STAND_IN): it reads the same variables (a query that
 * lacks one fails), declares the same names while the query's own variables are in scope
 * (a clash fails), and leaves the same variables, of the same types (a query that reads
 * another fails). cypher-lint.test.ts checks the stand-in against the rule's text, so the
 * two cannot drift apart silently.
 */
export const RULE_FRAGMENT = 'fragments/independence-rule.cypher';
/** What the rule reads from the query around it. */
export const RULE_INPUTS = ['c', 'key', 'countClusters', 'weighInterests'];
const ruleText = (): string => readFileSync(join(cypherDir(), RULE_FRAGMENT), 'utf8').replace(/\n$/, '');
export const RULE_STAND_IN = [
  `CALL (${RULE_INPUTS.join(', ')}) {`,
  "  RETURN [{side: '', hedged: false, id: '', name: '', anonymous: false, roots: [''], interested: false, implied: false, through: [''], denies: false,",
  "           derivations: [{statement: '', origin: ''}], keys: ['']}] AS all,",
  "         0 AS withdrawn, {id: '', verdict: '', by: '', at: ''} AS assessment",
  '}',
  "WITH key, 0 AS hedging, 0 AS doubting, 0 AS denying, withdrawn, assessment, {doubting: 0, denying: 0, partyIds: [''], partyNames: ['']} AS interests,",
  "     '' AS side, all AS group, [{keys: [''], sources: ['']}] AS clusters, 0 AS leaningClusters",
].join('\n');
/** The rule, on its own: the query that includes it contributes the inputs and reads what it leaves. */
export const ruleHarness = (rule: string = ruleText()): string =>
  `MATCH (c:Claim)\nWITH c, c.id AS key, true AS countClusters, true AS weighInterests\n${rule}\nRETURN ${projectedNames(lastWith(rule)).join(', ')}`;
/** Lints the rule on its own; its lines are the fragment's. */
export function lintRule(rule: string = ruleText()): string[] {
  const lines: SourceLine[] = [{ file: 'harness', line: 1 }, { file: 'harness', line: 2 }, ...rule.split('\n').map((_, i) => ({ file: RULE_FRAGMENT, line: i + 1 })), { file: 'harness', line: 3 }];
  return lint('independence rule', ruleHarness(rule), [], lines);
}

/** The query with the rule's lines replaced by RULE_STAND_IN (the same text when it does not include the rule). */
export function withRuleStandIn(text: string, lines: readonly SourceLine[] | undefined): { text: string; lines: readonly SourceLine[] | undefined } {
  const first = lines?.findIndex((l) => l.file === RULE_FRAGMENT) ?? -1;
  if (lines === undefined || first < 0) return { text, lines };
  let end = first;
  while (lines[end]?.file === RULE_FRAGMENT) end++;
  if (lines.slice(end).some((l) => l.file === RULE_FRAGMENT)) throw new Error(`${RULE_FRAGMENT} is included twice in one query: expected once`);
  const standIn = RULE_STAND_IN.split('\n');
  const textLines = text.split('\n');
  textLines.splice(first, end - first, ...standIn);
  return {
    text: textLines.join('\n'),
    lines: [...lines.slice(0, first), ...standIn.map((_, i) => ({ file: `test/store/cypher-lint.ts (stand-in for ${RULE_FRAGMENT})`, line: i + 1 })), ...lines.slice(end)],
  };
}

export const lintQuery = (name: (typeof QUERY_NAMES)[number], text: string = table[name].text, lines = table[name].lines) => {
  const linted = withRuleStandIn(text, lines);
  return lint(`${name}.cypher`, linted.text, table[name].params, linted.lines);
};

/** Cypher without its `//` comments (none of the files has `//` inside a string). */
const withoutComments = (cypher: string): string => cypher.replace(/\/\/.*$/gm, '');
/** The text of the last top-level WITH clause (one starting a line), without its keyword. */
export const lastWith = (cypher: string): string => {
  const text = withoutComments(cypher);
  const at = [...text.matchAll(/^WITH\b/gm)].pop()?.index;
  if (at === undefined) throw new Error('expected a top-level WITH clause, found none');
  return text.slice(at + 'WITH'.length);
};
/** The names a projection binds (`a, f(x) AS b` → a, b), split at its top-level commas. */
export function projectedNames(projection: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const ch of projection) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      items.push(item);
      item = '';
    } else item += ch;
  }
  items.push(item);
  return items.map((i) => /\bAS\s+(\w+)\s*$/.exec(i.trim())?.[1] ?? i.trim());
}
/**
 * The names the rule binds before its first top-level WITH, while the query's own variables
 * are still in scope: what its top-level CALL subqueries return.
 */
export function namesDeclaredBeforeFirstWith(cypher: string): string[] {
  const text = withoutComments(cypher);
  const head = text.slice(0, /^WITH\b/m.exec(text)?.index ?? text.length);
  // Each top-level subquery's own clauses (depth 1), without what is nested deeper; its last RETURN is what it binds outside.
  const names: string[] = [];
  let depth = 0;
  let body = '';
  for (const ch of head) {
    if (ch === '{' || ch === '}') {
      if (ch === '{') depth++;
      else depth--;
      if (ch === '}' && depth === 0) {
        const returned = body.split(/\bRETURN\b/).pop() ?? '';
        names.push(...projectedNames(returned));
        body = '';
      }
      continue;
    }
    if (depth === 1) body += ch;
  }
  return names;
}


/** A file to lint: a query by name, or a schema file statement by statement. */
export type LintJob = { kind: 'query'; name: (typeof QUERY_NAMES)[number] } | { kind: 'schema'; file: string } | { kind: 'rule' };

const schemaText = (file: string): string => readFileSync(join(cypherDir(), file), 'utf8');

/** Lints one job; the failures, empty when it is clean. */
export function runJob(job: LintJob): string[] {
  if (job.kind === 'query') return lintQuery(job.name);
  if (job.kind === 'rule') return lintRule();
  const statements = splitStatements(schemaText(job.file));
  if (statements.length === 0) return [`${job.file}: no statement found`];
  return statements.flatMap((s, i) => lint(`${job.file} statement ${i + 1}`, s, [], undefined, true));
}

/**
 * Every file to lint, computed from the files themselves, so a new file needs no test of its
 * own. All in one test file (cypher-lint.test.ts), so one process pays for loading the package
 * (1 to 2 s of CPU) and for the JIT's warm-up (the longest query takes 7 to 10 s of CPU first,
 * 3 to 5 s warm): two shards in two files cost about 25 s of CPU more on a first run
 * (docs/BENCHMARKS.md); test/sequencer.js starts the file first, so it does not end the run.
 */
export function lintJobs(): LintJob[] {
  return [
    { kind: 'rule' },
    ...QUERY_NAMES.map((name) => ({ kind: 'query', name }) as LintJob),
    ...Object.values(SCHEMA_FILES).map((file) => ({ kind: 'schema', file }) as LintJob),
  ];
}

/** The file a job lints, as test titles name it. */
export const jobName = (job: LintJob): string => (job.kind === 'query' ? `${job.name}.cypher` : job.kind === 'rule' ? `${RULE_FRAGMENT} (on its own)` : job.file);
