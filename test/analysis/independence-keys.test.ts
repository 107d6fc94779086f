import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundle } from '../../src/graph/import';
import type { GraphStore, Row } from '../../src/store/port';
import { cypherDir } from '../../src/paths';
import { loadQueries } from '../../src/store/queries';
import { TEST_ENGINE } from '../engine';
import { emptyStore } from '../helpers';
import { describeUnless } from '../skip';

/*
 * The independence rule reads the keys kept on write (each source's `roots`,
 * each statement's `origin`) and counts clusters over pieces (members of one
 * first top-level affiliation) and their linking keys. Its answers must be
 * those of the rule as it was before (test/fixtures/cypher/independence-rule-walked.cypher:
 * walking affiliations and derivations at read time, folding member by
 * member): on random graphs of sources with one or more parents at any
 * depth, derivation chains, hedges, denials, contradicting and implying
 * claims, both queries run on the same store and must agree on every count,
 * every cluster and the status.
 */

const WALKED_FRAGMENT = readFileSync(join(__dirname, '../fixtures/cypher/independence-rule-walked.cypher'), 'utf8').trim();
const KEPT_FRAGMENT = readFileSync(join(cypherDir(), 'fragments/independence-rule.cypher'), 'utf8').trim();

const SOURCES = 7;
const sourceId = (i: number) => `src-${i}`;

interface Said {
  source: number;
  claim: 0 | 1 | 2;
  stance: 'ASSERTS' | 'DENIES';
  hedged: boolean;
  derivedFrom: number | null;
}

const graphs = fc.record({
  // Each source may belong to any source after it: affiliations never loop.
  parents: fc.array(fc.array(fc.nat(SOURCES - 1), { maxLength: 2 }), { minLength: SOURCES, maxLength: SOURCES }),
  said: fc.array(
    fc.record({ source: fc.nat(SOURCES - 1), claim: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>, stance: fc.constantFrom('ASSERTS', 'DENIES') as fc.Arbitrary<'ASSERTS' | 'DENIES'>, hedged: fc.boolean(), derivedFrom: fc.option(fc.nat(30)) }),
    { minLength: 1, maxLength: 14 },
  ),
  link: fc.constantFrom('CONTRADICTS', 'IMPLIES', null),
});

function bundleOf(parents: number[][], said: Said[], link: string | null): object {
  return {
    format: 'claimgraph-bundle',
    version: 2,
    sources: Array.from({ length: SOURCES }, (_, i) => ({ id: sourceId(i), name: `Source number ${i}`, kind: 'ORGANIZATION', anonymous: false })),
    affiliations: parents.flatMap((ps, i) => [...new Set(ps.filter((p) => p > i))].map((p) => ({ source: sourceId(i), parent: sourceId(p) }))),
    claims: [0, 1, 2].map((i) => ({ id: `claim-${i}`, text: `Claim number ${i}.` })),
    // A statement derives only from an earlier one: derivations never loop.
    statements: said.map((s, i) => ({
      id: `st-${i}`, source: sourceId(s.source), claim: `claim-${s.claim}`, stance: s.stance, hedged: s.hedged,
      ...(s.derivedFrom !== null && s.derivedFrom < i ? { derivedFrom: `st-${s.derivedFrom}` } : {}),
    })),
    links: link === null ? [] : [{ type: link, from: 'claim-1', to: 'claim-0', linkedBy: 'test', reason: 'fuzz' }],
  };
}

/** What both rules must agree on, in an order that does not depend on how the engine collects. */
function answer(row: Row): unknown {
  const clusters = (v: unknown) => (Array.isArray(v) ? v.map((c) => [...(c as string[])].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)) : v);
  return {
    claim: row.key, status: row.status, independentSources: row.independentSources, opposingIndependentSources: row.opposingIndependentSources,
    leaningFor: row.leaningFor, leaningAgainst: row.leaningAgainst, assertingSources: row.assertingSources, contradictedBy: row.contradictedBy,
    clusters: clusters(row.clusters), opposingClusters: clusters(row.opposingClusters),
  };
}

describeUnless(TEST_ENGINE === 'embedded' ? null : `the test engine is ${TEST_ENGINE}: it runs the former rule as raw Cypher of the embedded engine`)('the independence rule over kept keys (embedded engine only)', () => {
  const kept = loadQueries()['corroboration-by-claims'].text;
  const walked = kept.replace(KEPT_FRAGMENT, WALKED_FRAGMENT);

  it('runs a different query than before, the fragment being included once', () => {
    expect(kept.split(KEPT_FRAGMENT).length).toBe(2);
    expect(walked).not.toBe(kept);
  });

  it('gives the answers of the rule that walked affiliations and derivations, on random graphs', async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async ({ parents, said, link }) => {
        const store: GraphStore = await emptyStore();
        try {
          await importBundle(store, bundleOf(parents, said, link), { editor: 'test' });
          const db = (store as unknown as { db: { executeCypher(q: string, p: object): Promise<{ toArray(): Row[] }> } }).db;
          const ids = ['claim-0', 'claim-1', 'claim-2'];
          const now = (await db.executeCypher(kept, { ids })).toArray().map(answer);
          const before = (await db.executeCypher(walked, { ids })).toArray().map(answer);
          expect(now).toEqual(before);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 300_000);
});
