import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { GRAPH_VOCABULARY } from '../../src/graph/model';
import { cypherDir } from '../../src/paths';
import { loadQueries, QUERY_NAMES, SCHEMA_FILES, splitStatements } from '../../src/store/queries';

/*
 * Every Cypher file is checked by Neo4j's own parser and semantic analysis
 * (compiled to JS), as a Neo4j 5 server would check it, without a server.
 * The function registry is the Neo4j 5 built-in list the package ships, so an
 * unknown or misspelt function is an error; labels, relationship types and
 * property keys come from the graph's vocabulary, so a typo is too.
 */
/**
 * Keys of the parameter rows that are not graph properties (the import rows
 * name their references `source`, `claim`, …). The linter cannot tell a map
 * key from a property key, so these are allowed too, and only these.
 */
const PARAMETER_ROW_KEYS = ['source', 'parent', 'claim', 'document', 'publisher', 'from', 'to', 'via', 'derivedFrom', 'supersedes', 'supersededBy', 'statement', 'a', 'b'];

const schemaFor = (params: readonly string[]): DbSchema => ({
  labels: [...GRAPH_VOCABULARY.labels],
  relationshipTypes: [...GRAPH_VOCABULARY.relationshipTypes],
  propertyKeys: [...GRAPH_VOCABULARY.propertyKeys, ...PARAMETER_ROW_KEYS],
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
  parameters: Object.fromEntries(params.map((p) => [p, null])),
});

const ERROR = 1;

/** Lints one statement: errors and warnings that name an unknown part of the schema fail; deprecations are printed. */
function lint(where: string, query: string, params: readonly string[]): string[] {
  const { diagnostics } = lintCypherQuery(query, schemaFor(params));
  const failures: string[] = [];
  for (const d of diagnostics) {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const at = `${where}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    if (/deprecated/i.test(message)) console.warn(`Cypher deprecation at ${at}: ${message}`);
    else if (d.severity === ERROR || /is not present in the database/.test(message)) failures.push(`${at}: ${message}`);
  }
  return failures;
}

describe('Cypher files against the Neo4j 5 parser', () => {
  const table = loadQueries();

  it.each(QUERY_NAMES)('%s.cypher lints clean', (name) => {
    expect(lint(`${name}.cypher`, table[name].text, table[name].params)).toEqual([]);
  });

  it.each(Object.values(SCHEMA_FILES))('%s lints clean, statement by statement', (file) => {
    const statements = splitStatements(readFileSync(join(cypherDir(), file), 'utf8'));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.flatMap((s, i) => lint(`${file} statement ${i + 1}`, s, []))).toEqual([]);
  });

  it('catches what it is meant to catch (so a clean result means something)', () => {
    expect(lint('typo', 'MATCH (c:Claim {id: $id}) RETURN c.txet', ['id'])).toEqual([expect.stringMatching(/txet is not present/)]);
    expect(lint('label', 'MATCH (c:Claimz) RETURN c', [])).toEqual([expect.stringMatching(/Claimz is not present/)]);
    expect(lint('fn', 'RETURN toLowr("A") AS a', [])).toEqual([expect.stringMatching(/Function toLowr is not present/)]);
    expect(lint('param', 'RETURN $undeclared AS a', [])).toEqual([expect.stringMatching(/Parameter \$undeclared is not defined/)]);
    expect(lint('syntax', 'MATCH (c:Claim RETURN c', []).length).toBeGreaterThan(0);
  });
});
