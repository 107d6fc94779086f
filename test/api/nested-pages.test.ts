import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { codes, emptyStore, gql, RecordingStore } from '../helpers';

/*
 * Nested lists are paged: Claim.statements (all, or the current ones),
 * Claim.sources, Claim.links (and contradicts, supports), Source.statements,
 * Source.members, Document.statements, Entity.claims. On a hand-made graph
 * (a version 2 bundle) with 25 of each, every page is checked against the
 * whole list, the totals against the counts, bad arguments against
 * BAD_USER_INPUT, and the round trips against the number of parents.
 */

type Json = Record<string, unknown>;
const N = 25;
const pad = (i: number) => String(i).padStart(2, '0');
const statement = (id: string, source: string, claim: string, extra: Json = {}): Json => ({ id, source, claim, stance: 'ASSERTS', ...extra });

function graph(): Json {
  const person = (id: string) => ({ id, name: id, kind: 'PERSON', anonymous: false });
  const sources = [person('hub'), person('lone'), ...Array.from({ length: N }, (_, i) => person(`s${pad(i)}`))];
  const claims = [
    { id: 'c', text: 'C', about: ['e'] },
    { id: 'quiet', text: 'Q' },
    ...Array.from({ length: N }, (_, i) => ({ id: `o${pad(i)}`, text: `O${i}`, about: ['e'] })),
  ];
  const statements = [
    statement('r', 'hub', 'quiet', { appearances: [{ document: 'd' }] }),
    // 25 sources on c, each twice (so c has 50 statements and 25 sources), all printed in document d:
    // first carried by hub, then hedged a month later (so only the hedges are current).
    ...Array.from({ length: N }, (_, i) => statement(`st${pad(i)}a`, `s${pad(i)}`, 'c', { date: '2025-01-01', appearances: [{ document: 'd', via: ['hub'] }] })),
    ...Array.from({ length: N }, (_, i) => statement(`st${pad(i)}b`, `s${pad(i)}`, 'c', { hedge: 'possibly', date: '2025-02-01', appearances: [{ document: 'd' }] })),
    // hub speaks on the 25 other claims.
    ...Array.from({ length: N }, (_, i) => statement(`sth${pad(i)}`, 'hub', `o${pad(i)}`)),
  ];
  const links: Json[] = Array.from({ length: N }, (_, i) => ({
    type: i % 2 === 0 ? 'CONTRADICTS' : 'SUPPORTS', from: i < 10 ? 'c' : `o${pad(i)}`, to: i < 10 ? `o${pad(i)}` : 'c', linkedBy: 'editor', reason: `link ${i}`,
  }));
  // c and o00 linked both ways: one claim in `contradicts`, two links.
  links.push({ type: 'CONTRADICTS', from: 'o00', to: 'c', linkedBy: 'editor', reason: 'back' });
  return {
    format: 'claimgraph-bundle', version: 2, sources, claims, statements, links,
    entities: [{ id: 'e', name: 'E' }],
    affiliations: Array.from({ length: N }, (_, i) => ({ source: `s${pad(i)}`, parent: 'hub', ...(i === 3 ? { role: 'director' } : {}) })),
    documents: [{ id: 'd', title: 'D' }],
  };
}

let store: GraphStore;
beforeAll(async () => {
  store = await emptyStore();
  await importBundle(store, graph(), { editor: 'test' });
});
afterAll(() => store.close());

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { cursor: string }[];
  nodes: Record<string, unknown>[];
}

/** Walks a nested connection page by page; returns the pages. */
async function walk(root: string, field: string, selection: string, first: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const result = await gql(store, `query($first: Int, $after: String) { ${root} { ${field}(first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage } edges { cursor } nodes { ${selection} } } } }`, { first, after });
    expect(result.errors).toBeUndefined();
    const page = Object.values(result.data ?? {})[0] as Record<string, Page>;
    pages.push(page[field]!);
    if (!page[field]!.pageInfo.hasNextPage) return pages;
    after = page[field]!.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

const ids = (pages: Page[], key = 'id') => pages.flatMap((p) => p.nodes.map((n) => n[key]));
const sorted = (xs: unknown[]) => [...xs].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));

describe('nested lists, a page at a time', () => {
  it.each([
    ['claim(id: "c")', 'statementsConnection', 2 * N],
    ['source(id: "hub")', 'statementsConnection', N + 1],
    ['document(id: "d")', 'statementsConnection', 2 * N + 1],
    ['entity(id: "e")', 'claimsConnection', N + 1],
    ['claim(id: "c")', 'sourcesConnection', N],
  ])('%s { %s } pages through every item once, in id order, with the total', async (root, field, total) => {
    const pages = await walk(root, field, 'id: recordId', 7);
    expect(pages.map((p) => p.nodes.length)).toEqual([...Array(Math.floor(total / 7)).fill(7), ...(total % 7 ? [total % 7] : [])]);
    expect(pages.every((p) => p.totalCount === total)).toBe(true);
    const all = ids(pages);
    expect(new Set(all).size).toBe(total);
    expect(all).toEqual(sorted(all));
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    expect(pages[0]!.pageInfo.endCursor).toBe(pages[0]!.edges.at(-1)!.cursor);
  });

  it('pages the current statements of a claim: each source\'s latest, with their total', async () => {
    const all: { id: string; current: boolean }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const result = await gql(store, `query($after: String) { claim(id: "c") { statementsConnection(current: true, first: 10, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } nodes { id: recordId current } } } }`, { after });
      expect(result.errors).toBeUndefined();
      const page = (result.data?.claim as { statementsConnection: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string; current: boolean }[] } }).statementsConnection;
      expect(page.totalCount).toBe(N);
      all.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // The hedges of February superseded the assertions of January.
    expect(all).toEqual(Array.from({ length: N }, (_, i) => ({ id: `st${pad(i)}b`, current: true })));
    const plain = await gql(store, `{ claim(id: "c") { current: statements(current: true, first: 3) { id: recordId } all: statements(current: false, first: 3) { id: recordId } } }`);
    // `current: false` is no filter: every statement, as without the argument.
    expect(plain.data).toEqual({ claim: { current: [{ id: 'st00b' }, { id: 'st01b' }, { id: 'st02b' }], all: [{ id: 'st00a' }, { id: 'st00b' }, { id: 'st01a' }] } });
  });

  it('pages the members of a source, with their roles', async () => {
    const pages = await walk('source(id: "hub")', 'membersConnection', 'role source { id: recordId }', 10);
    expect(pages.map((p) => p.nodes.length)).toEqual([10, 10, 5]);
    expect(pages[0]!.totalCount).toBe(N);
    const members = pages.flatMap((p) => p.nodes as { role: string | null; source: { id: string } }[]);
    expect(members.map((m) => m.source.id)).toEqual(Array.from({ length: N }, (_, i) => `s${pad(i)}`));
    expect(members.filter((m) => m.role !== null)).toEqual([{ role: 'director', source: { id: 's03' } }]);
  });

  it('pages the links of a claim, CONTRADICTS first, both directions, and one type when asked', async () => {
    const pages = await walk('claim(id: "c")', 'linksConnection', 'type outgoing claim { id: recordId }', 8);
    const links = pages.flatMap((p) => p.nodes as { type: string; outgoing: boolean; claim: { id: string } }[]);
    expect(links).toHaveLength(N + 1);
    expect(pages[0]!.totalCount).toBe(N + 1);
    expect(links.findIndex((l) => l.type === 'SUPPORTS')).toBe(links.filter((l) => l.type === 'CONTRADICTS').length);
    expect(links.filter((l) => l.claim.id === 'o00').map((l) => l.outgoing).sort()).toEqual([false, true]);
    const only = await gql(store, `{ claim(id: "c") { linksConnection(type: SUPPORTS, first: 100) { totalCount nodes { type } } } }`);
    const connection = (only.data?.claim as { linksConnection: { totalCount: number; nodes: { type: string }[] } }).linksConnection;
    expect(connection.totalCount).toBe(12);
    expect(new Set(connection.nodes.map((n) => n.type))).toEqual(new Set(['SUPPORTS']));
  });

  it('keeps the plain list fields, one page of them: 20 unless `first` says otherwise', async () => {
    const result = await gql(store, `{ claim(id: "c") {
      statements { id: recordId } more: statements(first: 100) { id: recordId } sources(first: 3) { id: recordId }
      contradicts(first: 100) { id: recordId } supports(first: 100) { id: recordId } links { type } } }`);
    expect(result.errors).toBeUndefined();
    const c = result.data?.claim as Record<string, { id?: string }[]>;
    expect(c.statements).toHaveLength(20);
    expect(c.more).toHaveLength(2 * N);
    expect(c.statements).toEqual(c.more!.slice(0, 20));
    expect(c.sources!.map((s) => s.id)).toEqual(['s00', 's01', 's02']);
    // o00 is linked both ways: once in `contradicts`.
    expect(c.contradicts!.map((x) => x.id)).toEqual(sorted(['o00', 'o02', 'o04', 'o06', 'o08', 'o10', 'o12', 'o14', 'o16', 'o18', 'o20', 'o22', 'o24']));
    expect(c.supports).toHaveLength(12);
    expect(c.links).toHaveLength(20);
  });

  it('gives an empty page, with the total, for `first: 0`, and an empty list for a parent without items', async () => {
    const result = await gql(store, `{ claim(id: "quiet") { statementsConnection(first: 0) { totalCount nodes { id: recordId } pageInfo { hasNextPage endCursor } } links { type } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.claim).toEqual({ statementsConnection: { totalCount: 1, nodes: [], pageInfo: { hasNextPage: true, endCursor: null } }, links: [] });
  });
});

describe('bad page arguments on nested lists', () => {
  it.each([
    ['{ claim(id: "c") { statements(first: -1) { id: recordId } } }', /Argument "first" must be an integer from 0 to 100, got -1\./],
    ['{ claim(id: "c") { statementsConnection(first: 101) { totalCount } } }', /Argument "first" must be an integer from 0 to 100, got 101\./],
    ['{ source(id: "hub") { members(after: "nope") { role } } }', /Argument "after" must be a cursor returned by a previous page of members .*, got "nope"\./],
  ])('%s is BAD_USER_INPUT, saying what was expected', async (query, message) => {
    const result = await gql(store, query);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('refuses a cursor taken from another list', async () => {
    const claims = await gql(store, `{ claims(first: 1) { pageInfo { endCursor } } }`);
    const cursor = (claims.data?.claims as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const result = await gql(store, `query($after: String) { claim(id: "c") { statements(after: $after) { id: recordId } } }`, { after: cursor });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/previous page of claim-statements/);
  });
});

describe('round trips of nested pages', () => {
  const query = `query($first: Int) { claims(first: $first) { nodes { statementsConnection(first: 5) { totalCount nodes { id: recordId source { name } } }
    current: statementsConnection(first: 5, current: true) { totalCount }
    sources(first: 3) { id: recordId members { role } } links(first: 2) { type } contradicts(first: 2) { id: recordId } about { claims(first: 2) { id: recordId } } } } }`;

  it('costs the same round trips for 1 parent as for 27, one query per list and level', async () => {
    const run = async (first: number) => {
      const recording = new RecordingStore(store);
      const result = await gql(recording, query, { first });
      expect(result.errors).toBeUndefined();
      return { calls: recording.calls, claims: (result.data?.claims as { nodes: unknown[] }).nodes.length };
    };
    const one = await run(1);
    const all = await run(100);
    expect([one.claims, all.claims]).toEqual([1, 27]);
    // Every query runs at most once, for 1 claim as for 27. (sources-by-ids
    // runs only when source-pages-by-claims has not primed the sources
    // first: which finishes first varies, so it is left out of the comparison.)
    const distinct = (calls: string[]) => [...new Set(calls)].filter((c) => c !== 'sources-by-ids').sort();
    // The claim statements' pages with and without `current` are two variants of one query: one round trip each.
    const once = (calls: string[]) => calls.filter((c) => c !== 'statement-pages-by-claims');
    for (const { calls } of [one, all]) expect(once(calls)).toHaveLength(new Set(once(calls)).size);
    expect(distinct(all.calls)).toEqual(distinct(one.calls));
    for (const name of ['source-pages-by-claims', 'member-pages-by-sources', 'claims-about-entity-pages'] as const) {
      expect(all.calls.filter((c) => c === name)).toHaveLength(1);
    }
    // One query for all the statements' pages, one for all the current ones.
    for (const { calls } of [one, all]) expect(calls.filter((c) => c === 'statement-pages-by-claims')).toHaveLength(2);
    // links(first: 2) and contradicts(first: 2) share the limit but not the type: one query still.
    expect(all.calls.filter((c) => c === 'link-pages-by-claims')).toHaveLength(1);
  });

  it('runs one query per distinct `first` when aliases ask for different page sizes', async () => {
    const recording = new RecordingStore(store);
    const result = await gql(recording, `{ claims { nodes { a: statements(first: 1) { id: recordId } b: statements(first: 2) { id: recordId } c: statements(first: 2, after: null) { id: recordId } } } }`);
    expect(result.errors).toBeUndefined();
    expect(recording.calls.filter((c) => c === 'statement-pages-by-claims')).toHaveLength(2);
  });
});
