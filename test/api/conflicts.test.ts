import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';

/*
 * What counts as a conflict, and how it is oriented, on small hand-made
 * graphs written as a client writes bundles (version 2 JSON, and one
 * version 1 bundle, upgraded on the way in). Only current positions take
 * part; a source that changed its account is a REVISION.
 */

type Json = Record<string, unknown>;
/** A statement's position, as editors say it: HEDGES and DOUBTS are hedged ASSERTS and DENIES. */
type Said = 'ASSERTS' | 'HEDGES' | 'DENIES' | 'DOUBTS' | 'WITHDRAWS' | 'NO_RESPONSE' | 'NOT_ACKNOWLEDGED';

/** A version 2 statement of `source` on `claim`; `extra` adds a date, an id and the like. */
const says = (source: string, claim: string, said: Said = 'ASSERTS', extra: Json = {}): Json => ({
  id: `st-${source}-${claim}-${said}`,
  source,
  claim,
  stance: said === 'HEDGES' ? 'ASSERTS' : said === 'DOUBTS' ? 'DENIES' : said,
  ...(said === 'HEDGES' || said === 'DOUBTS' ? { hedged: true } : {}),
  ...extra,
});

const person = (id: string): Json => ({ id, name: id, kind: 'PERSON', anonymous: false });

function bundle(statements: Json[], links: Json[] = [], more: Json = {}): Json {
  const sources = [...new Set(statements.map((s) => s.source as string))].map(person);
  const claims = ['a', 'b', 'c'].map((id) => ({ id, text: id.toUpperCase() }));
  return { format: 'claimgraph-bundle', version: 2, sources, claims, statements, links, ...more };
}

const link = (from: string, to: string, type = 'CONTRADICTS'): Json => ({ type, from, to, linkedBy: 'editor', reason: 'both cannot hold' });

let store: GraphStore;
beforeEach(async () => {
  store = await emptyStore();
});
afterEach(() => store.close());

type Row = [kind: string, claim: string, opposing: string, sources: string[], opposingSources: string[]];
type Node = {
  kind: string; claim: { id: string }; opposingClaim: { id: string }; sources: { id: string }[]; opposingSources: { id: string }[];
  earlier: { id: string } | null; later: { id: string } | null;
};
const CONFLICTS = `nodes { kind claim { id: recordId } opposingClaim { id: recordId } sources { id: recordId } opposingSources { id: recordId } earlier { id: recordId } later { id: recordId } }`;
const row = (n: Node): Row => [n.kind, n.claim.id, n.opposingClaim.id, n.sources.map((s) => s.id), n.opposingSources.map((s) => s.id)];

async function nodes(b: Json, args = ''): Promise<Node[]> {
  await importBundle(store, b, { editor: 'test' });
  const result = await gql(store, `{ conflicts${args} { ${CONFLICTS} } }`);
  expect(result.errors).toBeUndefined();
  return (result.data?.conflicts as { nodes: Node[] }).nodes;
}

async function conflicts(b: Json, args = ''): Promise<Row[]> {
  return (await nodes(b, args)).map(row);
}

/** The conflicts of the graph as it is, without importing anything. */
async function asked(args: string): Promise<Row[]> {
  const result = await gql(store, `{ conflicts${args} { ${CONFLICTS} } }`);
  expect(result.errors).toBeUndefined();
  return (result.data?.conflicts as { nodes: Node[] }).nodes.map(row);
}

it('is a DENIAL when one source asserts what another denies, with the asserters first', async () => {
  expect(await conflicts(bundle([says('x', 'a'), says('y', 'a', 'DENIES')]))).toEqual([['DENIAL', 'a', 'a', ['x'], ['y']]]);
});

it('is a DENIAL when one source hedges what another doubts (a hedged denial)', async () => {
  expect(await conflicts(bundle([says('x', 'a', 'HEDGES'), says('y', 'a', 'DOUBTS')]))).toEqual([['DENIAL', 'a', 'a', ['x'], ['y']]]);
});

it('puts hedgers on a side but not sources that did not respond or acknowledge (a version 1 bundle, HEDGES upgraded)', async () => {
  const v1 = {
    format: 'claimgraph-bundle', version: 1,
    sources: ['x', 'y', 'z', 'w'].map(person),
    claims: ['a', 'b'].map((id) => ({ id, text: id.toUpperCase() })),
    statements: [
      { id: 'st-x', source: 'x', claim: 'a', stance: 'HEDGES', hedge: 'possibly' },
      { id: 'st-y', source: 'y', claim: 'b', stance: 'ASSERTS' },
      { id: 'st-z', source: 'z', claim: 'b', stance: 'NO_RESPONSE' },
      { id: 'st-w', source: 'w', claim: 'a', stance: 'NOT_ACKNOWLEDGED' },
    ],
    links: [link('a', 'b')],
  };
  expect(await conflicts(v1)).toEqual([['CONTRADICTING_CLAIMS', 'a', 'b', ['x'], ['y']]]);
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

it('sets only claims asserted directly against each other, not claims asserted through an implication', async () => {
  // x asserts c, which implies a; y asserts b, which contradicts a. Nobody asserts a itself.
  expect(await conflicts(bundle([says('x', 'c'), says('y', 'b')], [link('c', 'a', 'IMPLIES'), link('a', 'b')]))).toEqual([]);
});

describe('positions over time', () => {
  it('counts a source by its latest statement: it changed from asserting to denying, so it is a denier, and a REVISION', async () => {
    const b = bundle([
      says('x', 'a', 'ASSERTS', { id: 'x1', date: '2025-01-10' }),
      says('x', 'a', 'DENIES', { id: 'x2', date: '2025-02-10' }),
      says('y', 'a'),
    ]);
    const found = await nodes(b);
    expect(found.map(row)).toEqual([
      ['DENIAL', 'a', 'a', ['y'], ['x']],
      ['REVISION', 'a', 'a', ['x'], ['x']],
    ]);
    expect(found.map((n) => [n.earlier?.id ?? null, n.later?.id ?? null])).toEqual([[null, null], ['x1', 'x2']]);
  });

  it('shows both statements of a revision with their dates', async () => {
    await importBundle(store, bundle([
      says('x', 'a', 'ASSERTS', { id: 'x1', date: '2025-03', madeAt: 'in March' }),
      says('x', 'a', 'DOUBTS', { id: 'x2', date: '2025-10-02', hedge: 'no longer confident' }),
    ]), { editor: 'test' });
    const result = await gql(store, `{ conflicts { totalCount nodes { kind linkedBy reason
      earlier { id: recordId position madeAt current dated { value precision basis } supersededBy { id: recordId } supersession }
      later { id: recordId position hedge current dated { value precision basis } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.conflicts).toEqual({ totalCount: 1, nodes: [{
      kind: 'REVISION', linkedBy: null, reason: null,
      earlier: { id: 'x1', position: 'ASSERTS', madeAt: 'in March', current: false, dated: { value: '2025-03', precision: 'MONTH', basis: 'SAID' }, supersededBy: { id: 'x2' }, supersession: 'LATER' },
      later: { id: 'x2', position: 'DOUBTS', hedge: 'no longer confident', current: true, dated: { value: '2025-10-02', precision: 'DAY', basis: 'SAID' } },
    }] });
  });

  it('makes no revision of a source that says the same again later, nor of an organisation repeating its official', async () => {
    const b = bundle([
      says('x', 'a', 'ASSERTS', { id: 'x1', date: '2025-01-10' }),
      says('x', 'a', 'ASSERTS', { id: 'x2', date: '2025-02-10' }),
      says('official', 'a', 'DENIES', { id: 'o1', date: '2025-01-10' }),
      says('ministry', 'a', 'DENIES', { id: 'm1', date: '2025-02-10' }),
    ], [], { affiliations: [{ source: 'official', parent: 'ministry', role: null }] });
    expect(await conflicts(b)).toEqual([['DENIAL', 'a', 'a', ['x'], ['ministry', 'official']]]);
    const result = await gql(store, `{ x1: statement(id: "x1") { current supersededBy { id: recordId } supersession } o1: statement(id: "o1") { current } }`);
    // x's earlier statement is superseded (not counted twice), but its account did not change.
    expect(result.data).toEqual({ x1: { current: false, supersededBy: { id: 'x2' }, supersession: 'LATER' }, o1: { current: true } });
  });

  it('keeps both statements of a source when one is undated: their order is unknown, so both count (as in version 1)', async () => {
    const b = bundle([says('x', 'a', 'ASSERTS', { id: 'x1' }), says('x', 'a', 'DENIES', { id: 'x2', date: '2025-02-10' })]);
    expect(await conflicts(b)).toEqual([['DENIAL', 'a', 'a', ['x'], ['x']]]);
  });

  it('follows an explicit revision whatever the dates: the source moved to another claim', async () => {
    const b = bundle([says('x', 'a', 'ASSERTS', { id: 'x1' }), says('x', 'b', 'ASSERTS', { id: 'x2', supersedes: ['x1'] })]);
    const found = await nodes(b);
    expect(found.map(row)).toEqual([['REVISION', 'a', 'b', ['x'], ['x']]]);
    const result = await gql(store, `{ statement(id: "x1") { current supersededBy { id: recordId } supersession } }`);
    expect(result.data).toEqual({ statement: { current: false, supersededBy: { id: 'x2' }, supersession: 'EXPLICIT' } });
  });

  it('keeps a source asserting when it later only declines to comment (a silence revises nothing)', async () => {
    const b = bundle([
      says('x', 'a', 'ASSERTS', { id: 'x1', date: '2025-01-10' }),
      says('x', 'a', 'NO_RESPONSE', { id: 'x2', date: '2025-02-10' }),
      says('y', 'a', 'DENIES'),
    ]);
    expect(await conflicts(b)).toEqual([['DENIAL', 'a', 'a', ['x'], ['y']]]);
  });

  it('leaves a source that withdrew with no position, and shows the withdrawal as a revision', async () => {
    const b = bundle([
      says('x', 'a', 'ASSERTS', { id: 'x1', date: '2025-01-10' }),
      says('x', 'a', 'WITHDRAWS', { id: 'x2', date: '2025-03-01' }),
      says('y', 'a', 'DENIES'),
    ]);
    const found = await nodes(b);
    // Nobody asserts the claim now: no denial.
    expect(found.map(row)).toEqual([['REVISION', 'a', 'a', ['x'], ['x']]]);
    expect([found[0]!.earlier?.id, found[0]!.later?.id]).toEqual(['x1', 'x2']);
  });

  it('makes a later assertion of a contradicting claim a revision from one claim to the other, and keeps the new account on its side', async () => {
    // A ministry says in spring its strike killed a commander (a), and in autumn that the man was a civilian (b).
    const b = bundle([
      says('ministry', 'a', 'ASSERTS', { id: 'spring', date: '2025-04-02' }),
      says('ministry', 'b', 'ASSERTS', { id: 'autumn', date: '2025-10-20' }),
      says('army', 'a'),
    ], [link('a', 'b')]);
    const found = await nodes(b);
    expect(found.map(row)).toEqual([
      ['CONTRADICTING_CLAIMS', 'a', 'b', ['army'], ['ministry']],
      ['REVISION', 'a', 'b', ['ministry'], ['ministry']],
    ]);
    expect([found[1]!.earlier?.id, found[1]!.later?.id]).toEqual(['spring', 'autumn']);
    // Asked from b, the contradiction is oriented on b; the revision starts from a, which stays its `claim`.
    expect(await asked('(claimId: "b")')).toEqual(expect.arrayContaining([['CONTRADICTING_CLAIMS', 'b', 'a', ['ministry'], ['army']]]));
  });

  it('lets an organisation revise what its spokesman said: the revision names both', async () => {
    const b = bundle([
      says('spokesman', 'a', 'ASSERTS', { id: 'said', date: '2021-08-29' }),
      says('command', 'a', 'DENIES', { id: 'found', date: '2021-09-17' }),
      says('witness', 'a'),
    ], [], { affiliations: [{ source: 'spokesman', parent: 'command', role: 'spokesman' }] });
    const found = await nodes(b);
    // The spokesman's assertion no longer counts: the command's denial speaks for it.
    expect(found.map(row)).toEqual([
      ['DENIAL', 'a', 'a', ['witness'], ['command']],
      ['REVISION', 'a', 'a', ['spokesman'], ['command']],
    ]);
    expect(await asked('(sourceId: "spokesman")')).toEqual([['REVISION', 'a', 'a', ['spokesman'], ['command']]]);
  });

  it('asked for the organisation, shows its revision of its spokesman from the claim it spoke on, and from the earlier claim once it spoke there too', async () => {
    // The spokesman said a (a strike killed a commander); the command later asserted b (the dead were civilians), which contradicts a.
    const revisedOnAnotherClaim = [
      says('spokesman', 'a', 'ASSERTS', { id: 'said', date: '2021-08-29' }),
      says('command', 'b', 'ASSERTS', { id: 'found', date: '2021-09-17' }),
    ];
    const affiliations = { affiliations: [{ source: 'spokesman', parent: 'command', role: 'spokesman' }] };
    await importBundle(store, bundle(revisedOnAnotherClaim, [link('a', 'b')], affiliations), { editor: 'test' });
    // The command never spoke on a: its revision is seen from b, the claim it spoke on.
    expect(await asked('(sourceId: "command")')).toEqual([['REVISION', 'b', 'a', ['spokesman'], ['command']]]);
    // The spokesman spoke on a: seen from a.
    expect(await asked('(sourceId: "spokesman")')).toEqual([['REVISION', 'a', 'b', ['spokesman'], ['command']]]);
    // Once the command has spoken on a as well (an earlier hedge, which its b revises too), the spokesman's revision is seen from a for it, once.
    await importBundle(store, bundle([says('command', 'a', 'HEDGES', { id: 'early', date: '2021-08-28' })], [], affiliations), { editor: 'test' });
    expect((await asked('(sourceId: "command")')).filter((r) => r[0] === 'REVISION')).toEqual([
      ['REVISION', 'a', 'b', ['command'], ['command']],
      ['REVISION', 'a', 'b', ['spokesman'], ['command']],
    ]);
  });

  it('pages past revisions of one claim without repeating or losing one (claim, opposing claim, earlier statement)', async () => {
    // Three conflicts on (a, a): y's denial of x's account now, and x's two revisions (firm → hedged → denied).
    await importBundle(store, bundle([
      says('x', 'a', 'ASSERTS', { id: 'x1', date: '2025-01-01' }),
      says('x', 'a', 'HEDGES', { id: 'x2', date: '2025-02-01' }),
      says('x', 'a', 'DENIES', { id: 'x3', date: '2025-03-01' }),
      says('y', 'a'),
      says('z', 'b'),
      says('w', 'c'),
    ], [link('b', 'c')]), { editor: 'test' });
    const all = await gql(store, `{ conflicts(first: 100) { totalCount ${CONFLICTS} } }`);
    const every = (all.data?.conflicts as { totalCount: number; nodes: Node[] });
    expect(every.totalCount).toBe(4);
    expect(every.nodes.map((n) => [n.kind, n.earlier?.id ?? null]).sort()).toEqual([['CONTRADICTING_CLAIMS', null], ['DENIAL', null], ['REVISION', 'x1'], ['REVISION', 'x2']]);
    const seen: Node[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await gql(store, `query($after: String) { conflicts(first: 1, after: $after) { totalCount pageInfo { endCursor hasNextPage } ${CONFLICTS} } }`, { after });
      expect(page.errors).toBeUndefined();
      const c = page.data?.conflicts as { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: Node[] };
      expect(c.totalCount).toBe(4);
      seen.push(...c.nodes);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(every.nodes);
    const revision = every.nodes.find((n) => n.earlier?.id === 'x2')!;
    expect([revision.later?.id, row(revision)]).toEqual(['x3', ['REVISION', 'a', 'a', ['x'], ['x']]]);
  });
});

it('pages the sources on each side of a conflict, with their count', async () => {
  const asserters = Array.from({ length: 25 }, (_, i) => says(`x${String(i).padStart(2, '0')}`, 'a'));
  await importBundle(store, bundle([...asserters, says('y', 'a', 'DENIES')]), { editor: 'test' });
  const query = `query($after: String) { conflicts(claimId: "a") { nodes {
    sources { id: recordId } opposingSources { id: recordId } sourcesConnection(first: 10, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id: recordId } }
    opposingSourcesConnection { totalCount nodes { id: recordId } } } } }`;
  type Sides = { sources: { id: string }[]; opposingSources: { id: string }[]; sourcesConnection: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string }[] }; opposingSourcesConnection: { totalCount: number; nodes: { id: string }[] } };
  const page = async (after: string | null): Promise<Sides> => {
    const result = await gql(store, query, { after });
    expect(result.errors).toBeUndefined();
    return (result.data?.conflicts as { nodes: Sides[] }).nodes[0]!;
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
  const bad = await gql(store, `{ conflicts(claimId: "a") { nodes { sources(first: 101) { id: recordId } } } }`);
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(bad.errors?.[0]?.message).toMatch(/Argument "first" must be an integer from 0 to 100, got 101\./);
});
