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
