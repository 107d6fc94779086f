import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cypherDir } from '../../src/paths';
import { expandIncludes, fragmentNames, QUERY_NAMES, SCHEMA_FILES, splitStatements } from '../../src/store/queries';
import {
  jobName,
  lastWith,
  lint,
  LINT_CACHE_DIR,
  lintCacheKey,
  lintCounts,
  lintJobs,
  lintQuery,
  lintRule,
  namesDeclaredBeforeFirstWith,
  neo4jBuiltIns,
  PLUGIN,
  projectedNames,
  RULE_FRAGMENT,
  RULE_STAND_IN,
  runJob,
  table,
  withRuleStandIn,
} from './cypher-lint';

/*
 * Every Cypher file is checked by Neo4j's own parser and semantic analysis
 * (test/store/cypher-lint.ts says how), and the lint fails as it should.
 */

describe('Cypher files against the Neo4j 5 parser and semantic analysis', () => {
  it('checks against Neo4j 5 built-ins only: no APOC or GDS function or procedure, but the built-ins are there', () => {
    const functions = Object.keys(neo4jBuiltIns().functions?.['CYPHER 5'] ?? {});
    const procedures = Object.keys(neo4jBuiltIns().procedures?.['CYPHER 5'] ?? {});
    expect(functions.filter((f) => PLUGIN.test(f))).toEqual([]);
    expect(procedures.filter((p) => PLUGIN.test(p))).toEqual([]);
    expect(functions).toEqual(expect.arrayContaining(['coalesce', 'toLower', 'reduce', 'date', 'duration']));
    expect(procedures).toEqual(expect.arrayContaining(['db.labels', 'db.index.fulltext.queryNodes']));
  });

  it('lints every query and schema file', () => {
    const expected = [`${RULE_FRAGMENT} (on its own)`, ...QUERY_NAMES.map((name) => `${name}.cypher`), ...Object.values(SCHEMA_FILES)].sort();
    expect(lintJobs().map(jobName).sort()).toEqual(expected);
  });

  it.each(fragmentNames())('fragment %s is included by a query, so it is linted', (fragment) => {
    const includers = QUERY_NAMES.filter((name) => table[name].lines?.some((l) => l.file === `fragments/${fragment}.cypher`));
    expect(includers.length).toBeGreaterThan(0);
  });

  describe('each file lints clean, with its semantic analysis run', () => {
    // Says how much was analysed in this run, and how much was remembered clean (see lintCacheKey).
    afterAll(() => {
      const where = process.env.CYPHER_LINT_CACHE === 'off' ? 'CYPHER_LINT_CACHE=off' : LINT_CACHE_DIR;
      console.log(`Cypher lint: ${lintCounts.analysed} statements analysed, ${lintCounts.remembered} remembered clean from an earlier run (${where})`);
    });
    it.each(lintJobs().map((job) => [jobName(job), job] as const))('%s', (_name, job) => {
      expect(runJob(job)).toEqual([]);
    });
  });
});

describe('the independence rule, linted on its own, and its stand-in in the queries that include it', () => {
  const rule = readFileSync(join(cypherDir(), RULE_FRAGMENT), 'utf8');
  const includers = QUERY_NAMES.filter((name) => table[name].lines?.some((l) => l.file === RULE_FRAGMENT));

  it('the stand-in declares what the rule declares while the query is in scope, and leaves what the rule leaves', () => {
    expect(namesDeclaredBeforeFirstWith(rule)).toEqual(['all', 'withdrawn', 'assessment']);
    expect(namesDeclaredBeforeFirstWith(RULE_STAND_IN)).toEqual(namesDeclaredBeforeFirstWith(rule));
    expect(projectedNames(lastWith(RULE_STAND_IN))).toEqual(projectedNames(lastWith(rule)));
    expect(projectedNames(lastWith(rule))).toEqual(['key', 'hedging', 'doubting', 'denying', 'withdrawn', 'assessment', 'interests', 'side', 'group', 'clusters', 'leaningClusters']);
  });

  it('every query that includes the rule is linted with the stand-in in its place, and the rest of its text as it is', () => {
    expect(includers.length).toBeGreaterThanOrEqual(6);
    for (const name of includers) {
      const { text, lines } = withRuleStandIn(table[name].text, table[name].lines);
      expect({ name, standIn: text.includes(RULE_STAND_IN), rule: lines?.some((l) => l.file === RULE_FRAGMENT) }).toEqual({ name, standIn: true, rule: false });
      expect({ name, lines: lines?.length }).toEqual({ name, lines: text.split('\n').length });
      const outside = (t: string) => t.replace(RULE_STAND_IN, '').replace(rule.replace(/\n$/, ''), '');
      expect(outside(text)).toBe(outside(table[name].text));
    }
  });

  it('an error inside the rule fails its lint, named by the fragment file and line', () => {
    const broken = rule.replace('RETURN count(DISTINCT s) AS withdrawn', 'RETURN count(DISTINCT nope) AS withdrawn');
    expect(broken).not.toBe(rule);
    const line = broken.split('\n').findIndex((l) => l.includes('nope')) + 1;
    expect(lintRule(broken.replace(/\n$/, ''))).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${RULE_FRAGMENT}:${line}:\\d+: Variable \`nope\` not defined`))]));
  });

  it('a query that reads a variable the rule does not leave, lacks one it reads, or declares one it declares, fails', () => {
    const name = 'claims-count-corroborated';
    const original = table[name].text;
    const before = /WITH c, c\.id AS key, true AS countClusters, \w+ AS weighInterests/.exec(original)?.[0] ?? '';
    expect(before).not.toBe('');
    const after = '[] AS merges';
    expect(original).toContain(after);
    const lint = (text: string) => lintQuery(name, text);
    expect(lint(original.replace(after, 'all AS merges'))).toEqual(expect.arrayContaining([expect.stringMatching(/Variable `all` not defined/)]));
    expect(lint(original.replace(before, before.replace(/, \w+ AS weighInterests$/, '')))).toEqual(expect.arrayContaining([expect.stringMatching(/Variable `weighInterests` not defined/)]));
    expect(lint(original.replace(before, `${before}, 0 AS withdrawn`))).toEqual(expect.arrayContaining([expect.stringMatching(/withdrawn/)]));
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

  it('a file remembered clean still fails once an error is put in it; the memory is keyed on the text, the parameters and the kind', () => {
    const query = 'MATCH (c:Claim {id: $id}) RETURN c.text AS text';
    expect(lint('clean', query, ['id'])).toEqual([]);
    if (process.env.CYPHER_LINT_CACHE !== 'off') {
      // The second time it is remembered, not analysed.
      const remembered = lintCounts.remembered;
      expect(lint('clean', query, ['id'])).toEqual([]);
      expect(lintCounts.remembered).toBe(remembered + 1);
    }
    expect(lint('broken', query.replace('c.text', 'c.txet'), ['id'])).toEqual([expect.stringMatching(/txet is not present/)]);
    expect(lint('undeclared', query, [])).toEqual([expect.stringMatching(/Parameter \$id is not defined/)]);
    const key = lintCacheKey(query, ['id'], false);
    expect(new Set([key, lintCacheKey(`${query} `, ['id'], false), lintCacheKey(query, ['id', 'x'], false), lintCacheKey(query, ['id'], true)]).size).toBe(4);
  });

  it('a parameter the header does not declare, a label and a property key the graph does not have', () => {
    expect(lint('typo', 'MATCH (c:Claim {id: $id}) RETURN c.txet', ['id'])).toEqual([expect.stringMatching(/txet is not present/)]);
    expect(lint('label', 'MATCH (c:Claimz) RETURN c', [])).toEqual([expect.stringMatching(/Claimz is not present/)]);
    expect(lint('param', 'RETURN $undeclared AS a', [])).toEqual([expect.stringMatching(/Parameter \$undeclared is not defined/)]);
  });
});
