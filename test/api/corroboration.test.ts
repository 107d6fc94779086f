import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';

/*
 * The corroboration rule on small hand-made graphs, one situation each, so a
 * change to the rule shows up as the exact case it breaks. Bundles are
 * version 2 JSON as a client writes them, one is version 1 (upgraded on the
 * way in). Counts are of sources by their current positions; appearances,
 * intermediaries and publishers never count.
 */

type Json = Record<string, unknown>;
type Said = 'ASSERTS' | 'HEDGES' | 'DENIES' | 'DOUBTS' | 'WITHDRAWS' | 'NO_RESPONSE' | 'NOT_ACKNOWLEDGED';

const source = (id: string, anonymous = false): Json => ({ id, name: id, kind: 'GROUP', anonymous });
/** A version 2 statement; HEDGES and DOUBTS are hedged ASSERTS and DENIES. */
const says = (src: string, claim: string, said: Said = 'ASSERTS', extra: Json = {}): Json => ({
  id: `st-${src}-${claim}-${said}`,
  source: src,
  claim,
  stance: said === 'HEDGES' ? 'ASSERTS' : said === 'DOUBTS' ? 'DENIES' : said,
  ...(said === 'HEDGES' || said === 'DOUBTS' ? { hedged: true } : {}),
  ...extra,
});

function bundle(parts: Json): Json {
  return {
    format: 'claimgraph-bundle', version: 2, sources: [],
    claims: ['c', 'd', 'e', 'f'].map((id) => ({ id, text: id.toUpperCase() })), statements: [], links: [], ...parts,
  };
}

const link = (type: string, from: string, to: string): Json => ({ type, from, to, linkedBy: 'editor', reason: 'for the test' });

let store: GraphStore;
beforeEach(async () => {
  store = await emptyStore();
});
afterEach(() => store.close());

const COUNTS = 'assertingSources independentSources anonymousSources impliedSources hedgingSources denyingSources doubtingSources withdrawnSources contradictedBy';

async function corroborationOf(b: Json, claim = 'c'): Promise<Record<string, number>> {
  await importBundle(store, b, { editor: 'test' });
  return countsOf(claim);
}

async function countsOf(claim: string): Promise<Record<string, number>> {
  const result = await gql(store, `query($id: ID!) { claim(id: $id) { corroboration { ${COUNTS} } } }`, { id: claim });
  expect(result.errors).toBeUndefined();
  return (result.data?.claim as { corroboration: Record<string, number> }).corroboration;
}

const none = { assertingSources: 0, independentSources: 0, anonymousSources: 0, impliedSources: 0, hedgingSources: 0, denyingSources: 0, doubtingSources: 0, withdrawnSources: 0, contradictedBy: 0 };

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
    affiliations: [{ source: 'officials', parent: 'gov' }, { source: 'ministry', parent: 'gov' }],
    statements: [says('officials', 'c'), says('ministry', 'c'), says('monitor', 'c')],
  }));
  expect([c.assertingSources, c.independentSources, c.anonymousSources]).toEqual([3, 2, 1]);
});

it('merges clusters through a source affiliated with two parents', async () => {
  const c = await corroborationOf(bundle({
    sources: [source('a'), source('b'), source('bridge'), source('x'), source('y')],
    affiliations: [{ source: 'x', parent: 'a' }, { source: 'y', parent: 'b' }, { source: 'bridge', parent: 'a' }, { source: 'bridge', parent: 'b' }],
    statements: [says('x', 'c'), says('y', 'c'), says('bridge', 'c')],
  }));
  expect([c.assertingSources, c.independentSources]).toEqual([3, 1]);
});

it('keeps hedges and denials out of the asserting count, and counts a source once however often it speaks (a version 1 bundle)', async () => {
  const v1 = {
    format: 'claimgraph-bundle', version: 1,
    sources: ['s1', 's2', 's3'].map((id) => source(id)),
    claims: [{ id: 'c', text: 'C' }],
    statements: [
      { id: 'once', source: 's1', claim: 'c', stance: 'ASSERTS' },
      { id: 'again', source: 's1', claim: 'c', stance: 'ASSERTS' },
      { id: 'hedge', source: 's2', claim: 'c', stance: 'HEDGES', hedge: 'possibly' },
      { id: 'denial', source: 's3', claim: 'c', stance: 'DENIES' },
      { id: 'silence', source: 's3', claim: 'c', stance: 'NO_RESPONSE' },
    ],
  };
  expect(await corroborationOf(v1)).toEqual({ ...none, assertingSources: 1, independentSources: 1, hedgingSources: 1, denyingSources: 1, contradictedBy: 1 });
});

it('counts as contradicting the deniers and the asserters of a contradicting claim, each once, in either link direction', async () => {
  const b = bundle({
    sources: [source('s1'), source('s2'), source('s3')],
    statements: [says('s1', 'c'), says('s2', 'd'), says('s3', 'd'), says('s3', 'c', 'DENIES')],
    links: [link('CONTRADICTS', 'd', 'c')],
  });
  expect((await corroborationOf(b, 'c')).contradictedBy).toBe(2);
  expect((await countsOf('d')).contradictedBy).toBe(1);
});

it('does not count a hedged assertion of a contradicting claim against a claim', async () => {
  const b = bundle({ sources: [source('s1'), source('s2')], statements: [says('s1', 'c'), says('s2', 'd', 'HEDGES')], links: [link('CONTRADICTS', 'c', 'd')] });
  expect(await corroborationOf(b)).toEqual({ ...none, assertingSources: 1, independentSources: 1 });
  expect((await countsOf('d')).contradictedBy).toBe(1);
});

it('reports zero everywhere for a claim nobody speaks about', async () => {
  expect(await corroborationOf(bundle({}))).toEqual(none);
});

describe('doubts and withdrawals', () => {
  it('counts a hedged denial as a doubt, not as a denial, and a doubt contests the claim', async () => {
    await importBundle(store, bundle({
      sources: [source('s1'), source('s2')],
      statements: [says('s1', 'c'), says('s2', 'c', 'DOUBTS', { hedge: 'no longer confident' }), says('s2', 'd', 'DOUBTS')],
    }), { editor: 'test' });
    expect(await countsOf('c')).toEqual({ ...none, assertingSources: 1, independentSources: 1, doubtingSources: 1 });
    const result = await gql(store, `{ c: claim(id: "c") { status credibility { grade facts } } d: claim(id: "d") { status credibility { grade } } }`);
    // CONTESTED: a doubt. c: 4 (doubtful): asserted, but doubted (one cluster leans each way).
    // d: only doubted, so it leans against and nothing for it: 5 (improbable), not 6.
    expect(result.data).toEqual({
      c: { status: 'CONTESTED', credibility: { grade: 4, facts: expect.arrayContaining([expect.stringMatching(/^1 source doubts it/)]) } },
      d: { status: 'CONTESTED', credibility: { grade: 5 } },
    });
  });

  it('counts a source that withdrew as withdrawn, and nowhere else', async () => {
    const c = await corroborationOf(bundle({
      sources: [source('s1'), source('s2')],
      statements: [
        says('s1', 'c', 'ASSERTS', { id: 'before', date: '2025-01-05' }),
        says('s1', 'c', 'WITHDRAWS', { id: 'after', date: '2025-02-05' }),
        says('s2', 'c'),
      ],
    }));
    expect(c).toEqual({ ...none, assertingSources: 1, independentSources: 1, withdrawnSources: 1 });
  });

  it('counts a source by its latest position only: it asserted, then denied', async () => {
    const c = await corroborationOf(bundle({
      sources: [source('s1')],
      statements: [says('s1', 'c', 'ASSERTS', { id: 'spring', date: '2025-04' }), says('s1', 'c', 'DENIES', { id: 'autumn', date: '2025-10-01' })],
    }));
    expect(c).toEqual({ ...none, denyingSources: 1, contradictedBy: 1 });
  });

  it('stops counting an assertion for a claim once its source asserts a contradicting claim later', async () => {
    await importBundle(store, bundle({
      sources: [source('ministry')],
      statements: [says('ministry', 'c', 'ASSERTS', { id: 'spring', date: '2025-04-02' }), says('ministry', 'd', 'ASSERTS', { id: 'autumn', date: '2025-10-20' })],
      links: [link('CONTRADICTS', 'c', 'd')],
    }), { editor: 'test' });
    // c: the ministry is against it now (it asserts d); d: the ministry asserts it, and nobody is against.
    expect(await countsOf('c')).toEqual({ ...none, contradictedBy: 1 });
    expect(await countsOf('d')).toEqual({ ...none, assertingSources: 1, independentSources: 1 });
  });
});

describe('implication', () => {
  // e ("a senior commander of G") implies c ("a member of G"), through f at one more step.
  const links = [link('IMPLIES', 'e', 'f'), link('IMPLIES', 'f', 'c')];

  it('counts an assertion of an implying claim, at any depth, towards the implied one, marked as implied with the claim it came through', async () => {
    await importBundle(store, bundle({
      sources: [source('x'), source('y'), source('both'), source('hedger')],
      statements: [says('x', 'e'), says('y', 'c'), says('both', 'e'), says('both', 'c'), says('hedger', 'f', 'HEDGES')],
      links,
    }), { editor: 'test' });
    // "both" asserts c itself: it is not counted as implied.
    expect(await countsOf('c')).toEqual({ ...none, assertingSources: 3, independentSources: 3, impliedSources: 1, hedgingSources: 1 });
    const result = await gql(store, `{ claim(id: "c") { corroboration { implied { source { id: recordId } through { id: recordId } } } } }`);
    expect(result.data).toEqual({ claim: { corroboration: { implied: [{ source: { id: 'x' }, through: [{ id: 'e' }] }] } } });
    // Nothing flows the other way: asserting c says nothing of e.
    expect(await countsOf('e')).toEqual({ ...none, assertingSources: 2, independentSources: 2 });
  });

  it('counts a denial (or a doubt) of an implied claim against every claim that implies it', async () => {
    await importBundle(store, bundle({
      sources: [source('x'), source('denier'), source('doubter')],
      statements: [says('x', 'e'), says('denier', 'c', 'DENIES'), says('doubter', 'f', 'DOUBTS')],
      links,
    }), { editor: 'test' });
    expect(await countsOf('e')).toEqual({ ...none, assertingSources: 1, independentSources: 1, denyingSources: 1, doubtingSources: 1, contradictedBy: 1 });
    // Denying e says nothing of c.
    expect(await countsOf('c')).toEqual({ ...none, assertingSources: 1, independentSources: 1, impliedSources: 1, denyingSources: 1, contradictedBy: 1 });
  });

  it('counts against a claim the asserters of a claim contradicting one it implies', async () => {
    // e implies f implies c; d contradicts c: asserting d is against e too.
    const c = await corroborationOf(bundle({ sources: [source('x')], statements: [says('x', 'd')], links: [...links, link('CONTRADICTS', 'd', 'c')] }), 'e');
    expect(c).toEqual({ ...none, contradictedBy: 1 });
  });
});

describe('independent clusters, with the reason each pair was merged', () => {
  const CLUSTERS = `query($id: ID!) { claim(id: $id) { corroboration { assertingSources independentSources
    clusters { sources { id: recordId } merges { sources { id: recordId } reasons sharedParents { id: recordId } sharedOrigins { id: recordId } explanation } } } } }`;
  type Merge = { sources: { id: string }[]; reasons: string[]; sharedParents: { id: string }[]; sharedOrigins: { id: string }[]; explanation: string };
  type Cluster = { sources: { id: string }[]; merges: Merge[] };
  const clustersOf = async (b: Json, claim = 'c') => {
    await importBundle(store, b, { editor: 'test' });
    const result = await gql(store, CLUSTERS, { id: claim });
    expect(result.errors).toBeUndefined();
    return (result.data?.claim as { corroboration: { assertingSources: number; independentSources: number; clusters: Cluster[] } }).corroboration;
  };
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

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
        sources: [{ id: 'ministry' }, { id: 'officials' }], reasons: ['AFFILIATION'], sharedParents: [{ id: 'gov' }], sharedOrigins: [],
        explanation: 'Interior ministry and Three officials come under the same top-level affiliation: Government.',
      }],
    }]);
  });

  it('counts one remark printed by five outlets, directly and through each other, as one source: outlets carry it, they do not assert it', async () => {
    const outlets = ['o1', 'o2', 'o3', 'o4', 'o5'];
    const c = await clustersOf(bundle({
      sources: [source('origin'), ...outlets.map((o) => source(o))],
      documents: outlets.map((o) => ({ id: `doc-${o}`, title: `${o} report`, publisher: o })),
      statements: [{
        ...says('origin', 'c'),
        // o1 had it first-hand; o2 through o1; o3 through o2 and o1 (outermost first); o4 and o5 through o1.
        appearances: [
          { document: 'doc-o1', quote: 'We saw it.' },
          { document: 'doc-o2', quote: 'We saw it.', via: ['o1'] },
          { document: 'doc-o3', paraphrase: 'They said they saw it.', via: [{ source: 'o2', document: 'doc-o2' }, 'o1'] },
          { document: 'doc-o4', quote: 'We saw it', via: ['o1'] },
          { document: 'doc-o5', quote: 'We saw it.', via: ['o1'] },
        ],
      }],
    }));
    expect([c.assertingSources, c.independentSources]).toEqual([1, 1]);
    expect(c.clusters).toEqual([{ sources: [{ id: 'origin' }], merges: [] }]);
  });

  it('counts five outlets that assert in their own voice what they took from one source as that one source (circular reporting)', async () => {
    const outlets = ['o1', 'o2', 'o3', 'o4', 'o5'];
    const c = await clustersOf(bundle({
      sources: [source('origin'), ...outlets.map((o) => source(o))],
      // A chain: o1 took it from the origin, o2 from o1, and so on; every one's origin is the first statement.
      statements: [
        { ...says('origin', 'c'), id: 'st-origin' },
        ...outlets.map((o, i) => ({ ...says(o, 'c'), id: `st-${o}`, derivedFrom: i === 0 ? 'st-origin' : `st-o${i}` })),
      ],
    }));
    expect([c.assertingSources, c.independentSources]).toEqual([6, 1]);
    expect(ids(c.clusters[0]!.sources)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'origin']);
    // For the origin they share, each of them paired with one of them (the schema's "first": which one
    // is not defined), so the list grows with the sources and names each of them.
    const merges = c.clusters[0]!.merges;
    expect(merges).toHaveLength(5);
    expect(merges.every((m) => m.reasons.join() === 'DERIVATION' && m.sharedParents.length === 0 && ids(m.sharedOrigins).join() === 'origin')).toBe(true);
    expect(new Set(merges.flatMap((m) => ids(m.sources)))).toEqual(new Set([...outlets, 'origin']));
    const first = ids(merges[0]!.sources).filter((id) => merges.every((m) => ids(m.sources).includes(id)));
    expect(first).toHaveLength(1);
    expect(merges.every((m) => /derived from/.test(m.explanation))).toBe(true);
    const origin = await gql(store, `{ statement(id: "st-o5") { derivedFrom { id: recordId } origin { id: recordId source { id: recordId } } } }`);
    expect(origin.data).toEqual({ statement: { derivedFrom: { id: 'st-o4' }, origin: { id: 'st-origin', source: { id: 'origin' } } } });
  });

  it('keeps apart two unrelated speakers one newspaper quotes, and the newspaper out of the count', async () => {
    const c = await clustersOf(bundle({
      sources: [source('paper'), source('agency'), source('family'), source('official', true)],
      documents: [{ id: 'doc-paper', title: 'The paper', publisher: 'paper' }, { id: 'doc-agency', title: 'The wire', publisher: 'agency' }],
      statements: [
        { ...says('family', 'c'), appearances: [{ document: 'doc-paper', quote: 'He was a farmer.' }, { document: 'doc-agency', via: ['paper'] }] },
        { ...says('official', 'c'), appearances: [{ document: 'doc-paper', quote: 'He was a civilian.' }, { document: 'doc-agency', via: ['paper'] }] },
      ],
    }));
    expect([c.assertingSources, c.independentSources]).toEqual([2, 2]);
    expect(c.clusters).toEqual([{ sources: [{ id: 'family' }], merges: [] }, { sources: [{ id: 'official' }], merges: [] }]);
  });

  it('keeps sources apart that neither share a parent nor derive from each other', async () => {
    const c = await clustersOf(bundle({ sources: [source('a'), source('b')], statements: [says('a', 'c'), says('b', 'c')] }));
    expect(c.clusters).toEqual([{ sources: [{ id: 'a' }], merges: [] }, { sources: [{ id: 'b' }], merges: [] }]);
  });

  it('merges for a derivation only through a statement that counts on that side', async () => {
    // b took its claim-d assertion from a's; on c they speak for themselves.
    const c = await clustersOf(bundle({
      sources: [source('a'), source('b')],
      statements: [says('a', 'c'), says('b', 'c'), { ...says('a', 'd'), id: 'a-d' }, { ...says('b', 'd'), derivedFrom: 'a-d' }],
    }));
    expect(c.independentSources).toBe(2);
    expect((await gql(store, CLUSTERS, { id: 'd' })).data?.claim).toEqual({ corroboration: expect.objectContaining({ assertingSources: 2, independentSources: 1 }) });
  });

  it('applies the same rule to the sources against a claim', async () => {
    await importBundle(store, bundle({
      sources: [source('gov'), source('x'), source('y'), source('z')],
      affiliations: [{ source: 'x', parent: 'gov' }, { source: 'y', parent: 'gov' }],
      statements: [says('z', 'c'), says('x', 'c', 'DENIES'), says('y', 'd')],
      links: [link('CONTRADICTS', 'c', 'd')],
    }), { editor: 'test' });
    const result = await gql(store, `{ claim(id: "c") { corroboration { contradictedBy opposingIndependentSources opposingClusters { sources { id: recordId } } } } }`);
    expect(result.data).toEqual({ claim: { corroboration: { contradictedBy: 2, opposingIndependentSources: 1, opposingClusters: [{ sources: [{ id: 'x' }, { id: 'y' }] }] } } });
  });
});
