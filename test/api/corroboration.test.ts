import { importBundle } from '../../src/graph/import';
import type { Bundle, SourceRecord, StatementRecord } from '../../src/graph/model';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';

/*
 * The corroboration rule on small hand-made graphs, one situation each, so a
 * change to the rule shows up as the exact case it breaks.
 */

const source = (id: string, anonymous = false): SourceRecord => ({ id, name: id, kind: 'GROUP', anonymous, count: null, description: null, aliases: [] });
const says = (src: string, claim: string, stance: StatementRecord['stance'] = 'ASSERTS'): StatementRecord => ({
  id: `st-${src}-${claim}-${stance}`, source: src, claim, stance, quote: null, paraphrase: null, hedge: null, document: null, reportedVia: null, madeAt: null,
});

function bundle(parts: Partial<Bundle>): Bundle {
  return {
    format: 'claimgraph-bundle', version: 1, sources: [], affiliations: [], entities: [], documents: [],
    claims: [{ id: 'c', text: 'C', about: [] }, { id: 'd', text: 'D', about: [] }], statements: [], links: [], ...parts,
  };
}

let store: GraphStore;
beforeEach(async () => {
  store = await emptyStore();
});
afterEach(() => store.close());

async function corroborationOf(b: Bundle, claim = 'c'): Promise<Record<string, number>> {
  await importBundle(store, b, { editor: 'test' });
  const result = await gql(store, `query($id: ID!) { claim(id: $id) { corroboration { assertingSources independentSources anonymousSources hedgingSources denyingSources contradictedBy } } }`, { id: claim });
  expect(result.errors).toBeUndefined();
  return (result.data?.claim as { corroboration: Record<string, number> }).corroboration;
}

it('counts a member and its group once (a mother and her family)', async () => {
  const c = await corroborationOf(bundle({
    sources: [source('family'), source('mother')],
    affiliations: [{ source: 'mother', parent: 'family', role: 'mother' }],
    statements: [says('family', 'c'), says('mother', 'c')],
  }));
  expect([c.assertingSources, c.independentSources]).toEqual([2, 1]);
});

it('counts two officials of one government once, and an unrelated source apart', async () => {
  const c = await corroborationOf(bundle({
    sources: [source('gov'), source('officials', true), source('ministry'), source('monitor')],
    affiliations: [{ source: 'officials', parent: 'gov', role: null }, { source: 'ministry', parent: 'gov', role: null }],
    statements: [says('officials', 'c'), says('ministry', 'c'), says('monitor', 'c')],
  }));
  expect([c.assertingSources, c.independentSources, c.anonymousSources]).toEqual([3, 2, 1]);
});

it('merges clusters through a source affiliated with two parents', async () => {
  const c = await corroborationOf(bundle({
    sources: [source('a'), source('b'), source('bridge'), source('x'), source('y')],
    affiliations: [{ source: 'x', parent: 'a', role: null }, { source: 'y', parent: 'b', role: null }, { source: 'bridge', parent: 'a', role: null }, { source: 'bridge', parent: 'b', role: null }],
    statements: [says('x', 'c'), says('y', 'c'), says('bridge', 'c')],
  }));
  expect([c.assertingSources, c.independentSources]).toEqual([3, 1]);
});

it('keeps hedges and denials out of the asserting count, and counts a source once however often it speaks', async () => {
  const c = await corroborationOf(bundle({
    sources: [source('s1'), source('s2'), source('s3')],
    statements: [says('s1', 'c'), { ...says('s1', 'c'), id: 'again' }, says('s2', 'c', 'HEDGES'), says('s3', 'c', 'DENIES'), says('s3', 'c', 'NO_RESPONSE')],
  }));
  expect(c).toEqual({ assertingSources: 1, independentSources: 1, anonymousSources: 0, hedgingSources: 1, denyingSources: 1, contradictedBy: 1 });
});

it('counts as contradicting the deniers and the asserters of a contradicting claim, each once, in either link direction', async () => {
  const b = bundle({
    sources: [source('s1'), source('s2'), source('s3')],
    statements: [says('s1', 'c'), says('s2', 'd'), says('s3', 'd'), says('s3', 'c', 'DENIES')],
    links: [{ type: 'CONTRADICTS', from: 'd', to: 'c', linkedBy: 'editor', reason: 'cannot both hold' }],
  });
  expect((await corroborationOf(b, 'c')).contradictedBy).toBe(2);
  expect((await gql(store, `{ claim(id: "d") { corroboration { contradictedBy } } }`)).data).toEqual({ claim: { corroboration: { contradictedBy: 1 } } });
});

it('reports zero everywhere for a claim nobody speaks about', async () => {
  const c = await corroborationOf(bundle({}));
  expect(Object.values(c)).toEqual([0, 0, 0, 0, 0, 0]);
});

describe('independent clusters, with the reason each pair was merged', () => {
  const CLUSTERS = `query($id: ID!) { claim(id: $id) { corroboration { independentSources clusters { sources { id } merges { sources { id } reasons sharedParents { id } sharedStatements { id } explanation } } } } }`;
  type Cluster = { sources: { id: string }[]; merges: { sources: { id: string }[]; reasons: string[]; sharedParents: { id: string }[]; sharedStatements: { id: string }[]; explanation: string }[] };
  const clustersOf = async (b: Bundle, claim = 'c') => {
    await importBundle(store, b, { editor: 'test' });
    const result = await gql(store, CLUSTERS, { id: claim });
    expect(result.errors).toBeUndefined();
    return (result.data?.claim as { corroboration: { independentSources: number; clusters: Cluster[] } }).corroboration;
  };

  it('counts three anonymous officials and their ministry once, saying they share the government', async () => {
    const c = await clustersOf(bundle({
      sources: [{ ...source('gov'), name: 'Government' }, { ...source('officials', true), name: 'Three officials', count: 3 }, { ...source('ministry'), name: 'Interior ministry' }],
      affiliations: [{ source: 'officials', parent: 'gov', role: 'officials' }, { source: 'ministry', parent: 'gov', role: 'ministry' }],
      statements: [says('officials', 'c'), says('ministry', 'c')],
    }));
    expect(c.independentSources).toBe(1);
    expect(c.clusters).toEqual([{
      sources: [{ id: 'ministry' }, { id: 'officials' }],
      merges: [{
        sources: [{ id: 'ministry' }, { id: 'officials' }], reasons: ['AFFILIATION'], sharedParents: [{ id: 'gov' }], sharedStatements: [],
        explanation: 'Interior ministry and Three officials come under the same top-level affiliation: Government.',
      }],
    }]);
  });

  it('counts five outlets that all quote one source as that one source (circular reporting)', async () => {
    const outlets = ['o1', 'o2', 'o3', 'o4', 'o5'];
    const c = await clustersOf(bundle({
      sources: [source('origin'), ...outlets.map((o) => source(o))],
      statements: [
        { ...says('origin', 'c'), id: 'st-origin', reportedVia: 'st-o1' },
        ...outlets.map((o, i) => ({ ...says(o, 'c'), id: `st-${o}`, reportedVia: i === 0 ? null : `st-o${i}` })),
      ],
    }));
    expect(c.independentSources).toBe(1);
    expect(c.clusters[0]!.sources.map((s) => s.id)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'origin']);
    expect(c.clusters[0]!.merges.every((m) => m.reasons.includes('RELAY'))).toBe(true);
  });

  it('keeps sources apart that neither share a parent nor relay each other', async () => {
    const c = await clustersOf(bundle({ sources: [source('a'), source('b')], statements: [says('a', 'c'), says('b', 'c')] }));
    expect(c.clusters).toEqual([{ sources: [{ id: 'a' }], merges: [] }, { sources: [{ id: 'b' }], merges: [] }]);
  });

  it('applies the same rule to the sources against a claim', async () => {
    await importBundle(store, bundle({
      sources: [source('gov'), source('x'), source('y'), source('z')],
      affiliations: [{ source: 'x', parent: 'gov', role: null }, { source: 'y', parent: 'gov', role: null }],
      statements: [says('z', 'c'), says('x', 'c', 'DENIES'), says('y', 'd')],
      links: [{ type: 'CONTRADICTS', from: 'c', to: 'd', linkedBy: 'editor', reason: 'rivals' }],
    }), { editor: 'test' });
    const result = await gql(store, `{ claim(id: "c") { corroboration { contradictedBy opposingIndependentSources opposingClusters { sources { id } } } } }`);
    expect(result.data).toEqual({ claim: { corroboration: { contradictedBy: 2, opposingIndependentSources: 1, opposingClusters: [{ sources: [{ id: 'x' }, { id: 'y' }] }] } } });
  });
});
