import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { GRAPH_VOCABULARY } from '../../src/graph/model';
import { cypherDir } from '../../src/paths';
import { expandIncludes, fragmentNames, loadQueries, QUERY_NAMES, SCHEMA_FILES, splitStatements, type SourceLine } from '../../src/store/queries';

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
const PARAMETER_ROW_KEYS = ['source', 'parent', 'claim', 'document', 'publisher', 'from', 'to', 'via', 'derivedFrom', 'supersedes', 'supersededBy', 'statement', 'a', 'b'];

/** Plugins, not Neo4j: a query that needs one fails on a plain server. */
const PLUGIN = /^(apoc|gds)\./;
type Registry<T> = Record<string, Record<string, T>>;
function withoutPlugins<T>(registry: Registry<T>): Registry<T> {
  return Object.fromEntries(Object.entries(registry).map(([version, entries]) => [version, Object.fromEntries(Object.entries(entries).filter(([name]) => !PLUGIN.test(name)))]));
}
const FUNCTIONS = withoutPlugins(testData.mockSchema.functions as Registry<unknown>) as DbSchema['functions'];
const PROCEDURES = withoutPlugins(testData.mockSchema.procedures as Registry<unknown>) as DbSchema['procedures'];

const schemaFor = (params: readonly string[]): DbSchema => ({
  labels: [...GRAPH_VOCABULARY.labels],
  relationshipTypes: [...GRAPH_VOCABULARY.relationshipTypes],
  propertyKeys: [...GRAPH_VOCABULARY.propertyKeys, ...PARAMETER_ROW_KEYS],
  functions: FUNCTIONS,
  procedures: PROCEDURES,
  parameters: Object.fromEntries(params.map((p) => [p, null])),
});

const ERROR = 1;

/**
 * Lints one statement: errors, warnings that name an unknown part of the
 * schema, and a semantic analysis that did not run fail; deprecations are
 * printed. `lines` maps a line of `query` to the file it came from.
 */
function lint(where: string, query: string, params: readonly string[], lines?: readonly SourceLine[], ddl = false): string[] {
  const { diagnostics, symbolTables } = lintCypherQuery(query, schemaFor(params));
  const at = (line: number, character: number): string => {
    const source = lines?.[line];
    return source === undefined ? `${where}:${line + 1}:${character + 1}` : `${source.file}:${source.line}:${character + 1}`;
  };
  const failures: string[] = [];
  for (const d of diagnostics) {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const place = at(d.range.start.line, d.range.start.character);
    if (/deprecated/i.test(message)) console.warn(`Cypher deprecation at ${place}: ${message}`);
    else if (d.severity === ERROR || /is not present in the database/.test(message)) failures.push(`${place}: ${message}`);
  }
  // A syntax error already fails; otherwise an empty table means the analysis gave up.
  // Schema commands bind no variable to a table, though their analysis runs (see the DDL control below).
  if (!ddl && failures.length === 0 && (symbolTables === undefined || symbolTables.length === 0 || symbolTables.some((table) => table.length === 0))) {
    failures.push(`${where}: Neo4j's semantic analysis did not run (empty symbol table); rewrite the shape it gives up on, e.g. a pattern comprehension inside a map literal`);
  }
  return failures;
}

const table = loadQueries();
const lintQuery = (name: (typeof QUERY_NAMES)[number], text: string = table[name].text, lines = table[name].lines) =>
  lint(`${name}.cypher`, text, table[name].params, lines);

describe('Cypher files against the Neo4j 5 parser and semantic analysis', () => {
  it('checks against Neo4j 5 built-ins only: no APOC or GDS function or procedure, but the built-ins are there', () => {
    const functions = Object.keys(FUNCTIONS?.['CYPHER 5'] ?? {});
    const procedures = Object.keys(PROCEDURES?.['CYPHER 5'] ?? {});
    expect(functions.filter((f) => PLUGIN.test(f))).toEqual([]);
    expect(procedures.filter((p) => PLUGIN.test(p))).toEqual([]);
    expect(functions).toEqual(expect.arrayContaining(['coalesce', 'toLower', 'reduce', 'date', 'duration']));
    expect(procedures).toEqual(expect.arrayContaining(['db.labels', 'db.index.fulltext.queryNodes']));
  });

  it.each(QUERY_NAMES)('%s.cypher lints clean, with its semantic analysis run', (name) => {
    expect(lintQuery(name)).toEqual([]);
  });

  it.each(Object.values(SCHEMA_FILES))('%s lints clean, statement by statement', (file) => {
    const statements = splitStatements(readFileSync(join(cypherDir(), file), 'utf8'));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.flatMap((s, i) => lint(`${file} statement ${i + 1}`, s, [], undefined, true))).toEqual([]);
  });

  it.each(fragmentNames())('fragment %s is included by a query, so it is linted in place', (fragment) => {
    const includers = QUERY_NAMES.filter((name) => table[name].lines?.some((l) => l.file === `fragments/${fragment}.cypher`));
    expect(includers.length).toBeGreaterThan(0);
  });
});

describe('the lint fails as it should (negative controls, on real files)', () => {
  const original = table['statement-pages-by-claims'].text;

  it('a syntax error', () => {
    const broken = original.replace('MATCH (c:Claim {id: key})', 'MATCH (c:Claim {id: key}');
    expect(broken).not.toBe(original);
    expect(lintQuery('statement-pages-by-claims', broken)).toEqual(expect.arrayContaining([expect.stringMatching(/^statement-pages-by-claims\.cypher:\d+:\d+: /)]));
  });

  it('an error only Neo4j sees: a variable the subquery does not import (the embedded engine reads it as null)', () => {
    const broken = original.replace('CALL (c, after) {', 'CALL (c) {');
    expect(broken).not.toBe(original);
    expect(lintQuery('statement-pages-by-claims', broken)).toEqual(expect.arrayContaining([expect.stringMatching(/Variable `after` not defined/)]));
  });

  it('an unknown function, and a plugin function a plain Neo4j lacks', () => {
    const misspelt = original.replace('size($ids)', 'toLowr($ids)');
    expect(misspelt).not.toBe(original);
    expect(lintQuery('statement-pages-by-claims', misspelt)).toEqual(expect.arrayContaining([expect.stringMatching(/Function toLowr is not present/)]));
    expect(lint('plugin', 'RETURN apoc.coll.toSet([1, 1]) AS a', [])).toEqual([expect.stringMatching(/Function apoc\.coll\.toSet is not present/)]);
    expect(lint('plugin procedure', 'CALL gds.graph.list() YIELD graphName RETURN graphName', [])).toEqual(expect.arrayContaining([expect.stringMatching(/gds\.graph\.list is not present/)]));
  });

  it('a semantic analysis that gives up silently (a pattern comprehension inside a map literal)', () => {
    expect(lint('map literal', 'MATCH (c:Claim) RETURN {about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS x', [])).toEqual([expect.stringMatching(/semantic analysis did not run/)]);
  });

  it('an error inside a fragment, named by the fragment file and line', () => {
    const fragment = 'fragments/statement-projection.cypher';
    const text = readFileSync(join(cypherDir(), fragment), 'utf8').replace('supersedes: [', 'supersedes: [nope, ');
    const line = text.split('\n').findIndex((l) => l.includes('nope')) + 1;
    const expanded = expandIncludes('statements-by-ids.cypher', readFileSync(join(cypherDir(), 'statements-by-ids.cypher'), 'utf8'));
    const at = expanded.lines.findIndex((l) => l.file === fragment);
    const lines = expanded.text.split('\n');
    const fragmentLines = text.replace(/\n$/, '').split('\n');
    lines.splice(at, fragmentLines.length, ...fragmentLines);
    expect(lintQuery('statements-by-ids', lines.join('\n'), expanded.lines)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${fragment}:${line}:\\d+: Variable \`nope\` not defined`))]),
    );
  });

  it('a semantic error in a schema statement (its analysis runs, though it leaves no symbol table)', () => {
    const statement = splitStatements(readFileSync(join(cypherDir(), SCHEMA_FILES.common), 'utf8'))[0]!;
    const broken = statement.replace(/REQUIRE (\w+)\./, 'REQUIRE nope.');
    expect(broken).not.toBe(statement);
    expect(lint('schema', broken, [], undefined, true)).toEqual([expect.stringMatching(/Variable `nope` not defined/)]);
  });

  it('a parameter the header does not declare, a label and a property key the graph does not have', () => {
    expect(lint('typo', 'MATCH (c:Claim {id: $id}) RETURN c.txet', ['id'])).toEqual([expect.stringMatching(/txet is not present/)]);
    expect(lint('label', 'MATCH (c:Claimz) RETURN c', [])).toEqual([expect.stringMatching(/Claimz is not present/)]);
    expect(lint('param', 'RETURN $undeclared AS a', [])).toEqual([expect.stringMatching(/Parameter \$undeclared is not defined/)]);
  });
});
