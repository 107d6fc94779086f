import { importBundle } from '../../src/graph/import';
import type { Bundle, StatementRecord } from '../../src/graph/model';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';

/* What counts as a conflict, and how it is oriented, on small hand-made graphs. */

const says = (source: string, claim: string, stance: StatementRecord['stance'] = 'ASSERTS'): StatementRecord => ({
  id: `st-${source}-${claim}-${stance}`, source, claim, stance, quote: null, paraphrase: null, hedge: null, document: null, reportedVia: null, madeAt: null,
});

function bundle(statements: StatementRecord[], links: Bundle['links'] = []): Bundle {
  const sources = [...new Set(statements.map((s) => s.source))].map((id) => ({ id, name: id, kind: 'PERSON' as const, anonymous: false, count: null, description: null, aliases: [] }));
  const claims = ['a', 'b', 'c'].map((id) => ({ id, text: id.toUpperCase(), about: [] }));
  return { format: 'claimgraph-bundle', version: 1, sources, affiliations: [], entities: [], documents: [], claims, statements, links };
}

const link = (from: string, to: string, reason = 'both cannot hold'): Bundle['links'][number] => ({ type: 'CONTRADICTS', from, to, linkedBy: 'editor', reason });

let store: GraphStore;
beforeEach(async () => {
  store = await emptyStore();
});
afterEach(() => store.close());

type Row = [kind: string, claim: string, opposing: string, sources: string[], opposingSources: string[]];

async function conflicts(b: Bundle, args = ''): Promise<Row[]> {
  await importBundle(store, b, { editor: 'test' });
  const result = await gql(store, `{ conflicts${args} { nodes { kind claim { id } opposingClaim { id } sources { id } opposingSources { id } } } }`);
  expect(result.errors).toBeUndefined();
  type Node = { kind: string; claim: { id: string }; opposingClaim: { id: string }; sources: { id: string }[]; opposingSources: { id: string }[] };
  return (result.data?.conflicts as { nodes: Node[] }).nodes.map((n) => [n.kind, n.claim.id, n.opposingClaim.id, n.sources.map((s) => s.id), n.opposingSources.map((s) => s.id)]);
}

it('is a DENIAL when one source asserts what another denies, with the asserters first', async () => {
  expect(await conflicts(bundle([says('x', 'a'), says('y', 'a', 'DENIES')]))).toEqual([['DENIAL', 'a', 'a', ['x'], ['y']]]);
});

it('puts hedgers on a side but not sources that did not respond or acknowledge', async () => {
  const rows = await conflicts(bundle([says('x', 'a', 'HEDGES'), says('y', 'b'), says('z', 'b', 'NO_RESPONSE'), says('w', 'a', 'NOT_ACKNOWLEDGED')], [link('a', 'b')]));
  expect(rows).toEqual([['CONTRADICTING_CLAIMS', 'a', 'b', ['x'], ['y']]]);
});

it('is no conflict when one side has nobody behind it', async () => {
  expect(await conflicts(bundle([says('x', 'a'), says('z', 'b', 'NO_RESPONSE')], [link('a', 'b')]))).toEqual([]);
});

it('makes one conflict of links drawn in both directions', async () => {
  expect(await conflicts(bundle([says('x', 'a'), says('y', 'b')], [link('a', 'b'), link('b', 'a')]))).toEqual([['CONTRADICTING_CLAIMS', 'a', 'b', ['x'], ['y']]]);
});

it('orients by the claim asked for', async () => {
  expect(await conflicts(bundle([says('x', 'a'), says('y', 'b')], [link('a', 'b')]), '(claimId: "b")')).toEqual([['CONTRADICTING_CLAIMS', 'b', 'a', ['y'], ['x']]]);
});

it('orients by the source asked for, and finds it on the denying side of a denial too', async () => {
  const b = bundle([says('x', 'a'), says('y', 'b'), says('y', 'c', 'DENIES'), says('z', 'c')], [link('a', 'b')]);
  expect(await conflicts(b, '(sourceId: "y")')).toEqual([
    ['CONTRADICTING_CLAIMS', 'b', 'a', ['y'], ['x']],
    ['DENIAL', 'c', 'c', ['z'], ['y']],
  ]);
});

it('lists a conflict once for a source on both sides of it', async () => {
  expect(await conflicts(bundle([says('x', 'a'), says('x', 'b'), says('y', 'b')], [link('a', 'b')]), '(sourceId: "x")')).toEqual([
    ['CONTRADICTING_CLAIMS', 'a', 'b', ['x'], ['x', 'y']],
  ]);
});

it('pages the sources on each side of a conflict, with their count', async () => {
  const asserters = Array.from({ length: 25 }, (_, i) => says(`x${String(i).padStart(2, '0')}`, 'a'));
  await importBundle(store, bundle([...asserters, says('y', 'a', 'DENIES')]), { editor: 'test' });
  const query = `query($after: String) { conflicts(claimId: "a") { nodes {
    sources { id } opposingSources { id } sourcesConnection(first: 10, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } }
    opposingSourcesConnection { totalCount nodes { id } } } } }`;
  type Node = { sources: { id: string }[]; opposingSources: { id: string }[]; sourcesConnection: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string }[] }; opposingSourcesConnection: { totalCount: number; nodes: { id: string }[] } };
  const page = async (after: string | null): Promise<Node> => {
    const result = await gql(store, query, { after });
    expect(result.errors).toBeUndefined();
    return (result.data?.conflicts as { nodes: Node[] }).nodes[0]!;
  };
  const first = await page(null);
  // Without `first`, one page of 20, in id order.
  expect(first.sources.map((s) => s.id)).toEqual(asserters.slice(0, 20).map((s) => s.source));
  expect(first.opposingSources).toEqual([{ id: 'y' }]);
  expect(first.opposingSourcesConnection).toEqual({ totalCount: 1, nodes: [{ id: 'y' }] });
  const seen: string[] = [];
  let current = first;
  for (;;) {
    expect(current.sourcesConnection.totalCount).toBe(25);
    seen.push(...current.sourcesConnection.nodes.map((s) => s.id));
    if (!current.sourcesConnection.pageInfo.hasNextPage) break;
    current = await page(current.sourcesConnection.pageInfo.endCursor);
  }
  expect(seen).toEqual(asserters.map((s) => s.source));
  const bad = await gql(store, `{ conflicts(claimId: "a") { nodes { sources(first: 101) { id } } } }`);
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(bad.errors?.[0]?.message).toMatch(/Argument "first" must be an integer from 0 to 100, got 101\./);
});
