import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessClaim } from '../../src/analysis/judgements';
import { encodeCursor } from '../../src/api/pagination';
import { syntheticBundle } from '../../src/graph/synthetic';
import { cypherDir } from '../../src/paths';
import type { GraphStore } from '../../src/store/port';
import { codes, emptyStore, gql, seededStore } from '../helpers';
import { bundle, claimRecord, judged, link, load, says, source } from './judged-graphs';

/*
 * Claim status: UNVERIFIED, CORROBORATED, CONTESTED, REFUTED. The status is
 * computed in Cypher, by one fragment that corroboration-by-claims and the
 * status-filtered page and count queries share verbatim.
 */

const FRAGMENTS = ['independence-rule', 'claim-status'];
const fragment = (name: string) => new RegExp(`// <${name}>\\n[\\s\\S]*?// </${name}>\\n`, 'g');
const cypher = (file: string) => readFileSync(join(cypherDir(), `${file}.cypher`), 'utf8');

describe('the shared fragments', () => {
  it.each(FRAGMENTS)('%s is in corroboration-by-claims once, and the same text in each query that filters by status', (name) => {
    const [original, ...more] = cypher('corroboration-by-claims').match(fragment(name)) ?? [];
    expect(original).toBeDefined();
    expect(more).toEqual([]);
    for (const file of ['claims-page-by-status', 'claims-count-by-status']) {
      expect(cypher(file).match(fragment(name))).toEqual([original]);
    }
  });

  it('leaves no unmarked copy of the cluster counting or of the status rule to drift', () => {
    for (const file of ['claims-page-by-status', 'claims-count-by-status', 'corroboration-by-claims']) {
      const outside = FRAGMENTS.reduce((text, name) => text.replace(fragment(name), ''), cypher(file));
      expect(outside).not.toContain('reduce(clusters = [], m IN group |');
      expect(outside).not.toContain("THEN 'CORROBORATED'");
    }
  });
});

describe('the status rules on small graphs', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await emptyStore();
  });
  afterEach(() => store.close());

  const status = async (id: string) => (await judged(store, id)).status;

  it('UNVERIFIED with nobody speaking to it, with one cluster asserting it, or with only hedges', async () => {
    await load(store, bundle({
      claims: [claimRecord('c'), claimRecord('d'), claimRecord('e')],
      sources: [source('a'), source('b')],
      statements: [says('a', 'd'), says('a', 'e', 'HEDGES'), says('b', 'e', 'HEDGES')],
    }));
    expect([await status('c'), await status('d'), await status('e')]).toEqual(['UNVERIFIED', 'UNVERIFIED', 'UNVERIFIED']);
  });

  it('CORROBORATED with 2 independent clusters asserting and nothing against; UNVERIFIED when they share a parent', async () => {
    await load(store, bundle({
      sources: [source('a'), source('b'), source('gov'), source('m'), source('n')],
      affiliations: [{ source: 'm', parent: 'gov', role: null }, { source: 'n', parent: 'gov', role: null }],
      statements: [says('a', 'c'), says('b', 'c'), says('m', 'd'), says('n', 'd')],
    }));
    expect(await status('c')).toBe('CORROBORATED');
    expect(await status('d')).toBe('UNVERIFIED');
  });

  it('CONTESTED when one source denies it, even against 3 independent clusters', async () => {
    await load(store, bundle({
      sources: [source('a'), source('b'), source('x'), source('n')],
      statements: [says('a', 'c'), says('b', 'c'), says('x', 'c'), says('n', 'c', 'DENIES')],
    }));
    expect(await status('c')).toBe('CONTESTED');
  });

  it('CONTESTED when a source asserts a contradicting claim, in either direction of the link; a hedge of it does not count', async () => {
    await load(store, bundle({
      claims: [claimRecord('c'), claimRecord('d'), claimRecord('e'), claimRecord('f')],
      sources: [source('a'), source('b')],
      statements: [says('a', 'c'), says('b', 'd'), says('a', 'e'), says('b', 'f', 'HEDGES')],
      links: [
        { type: 'CONTRADICTS', from: 'c', to: 'd', linkedBy: 'test', reason: 'r' },
        { type: 'CONTRADICTS', from: 'f', to: 'e', linkedBy: 'test', reason: 'r' },
      ],
    }));
    expect([await status('c'), await status('d'), await status('e')]).toEqual(['CONTESTED', 'CONTESTED', 'UNVERIFIED']);
  });

  it('CONTESTED when a source doubts it (a hedged denial), though nobody is counted against it', async () => {
    await load(store, bundle({
      sources: [source('a'), source('b'), source('y')],
      statements: [says('a', 'c'), says('b', 'c'), says('y', 'c', 'DOUBTS')],
    }));
    expect(await judged(store, 'c')).toMatchObject({ status: 'CONTESTED', credibility: { grade: 3 } });
    const counts = await gql(store, '{ claim(id: "c") { corroboration { independentSources contradictedBy doubtingSources denyingSources } } }');
    expect(counts.data?.claim).toEqual({ corroboration: { independentSources: 2, contradictedBy: 0, doubtingSources: 1, denyingSources: 0 } });
  });

  it('CORROBORATED by a source that asserts it and one that asserts a claim implying it; CONTESTED when what it implies is denied or doubted', async () => {
    await load(store, bundle({
      claims: ['c', 'd', 'e', 'f', 'g', 'h'].map(claimRecord),
      sources: [source('a'), source('b'), source('x'), source('y')],
      statements: [
        says('a', 'c'), says('b', 'd'),
        says('a', 'e'), says('b', 'e'), says('x', 'f', 'DENIES'),
        says('a', 'g'), says('b', 'g'), says('y', 'h', 'DOUBTS'),
      ],
      // d implies c; e implies f; g implies h.
      links: [link('IMPLIES', 'd', 'c'), link('IMPLIES', 'e', 'f'), link('IMPLIES', 'g', 'h')],
    }));
    expect(await status('c')).toBe('CORROBORATED');
    // d gets nothing from c: an implication is not read backwards.
    expect(await status('d')).toBe('UNVERIFIED');
    expect(await status('e')).toBe('CONTESTED');
    expect(await status('g')).toBe('CONTESTED');
    // f: denied by x, asserted (implied) by a and b through e.
    expect(await status('f')).toBe('CONTESTED');
  });

  it('counts current positions only: a denial later revised into an assertion, or withdrawn, no longer contests', async () => {
    await load(store, bundle({
      sources: [source('a'), source('b'), source('x')],
      statements: [
        says('a', 'c'), says('b', 'c'),
        // x denied c in March and asserted it in May: x now stands with a and b.
        says('x', 'c', 'DENIES', { date: '2025-03-02' }), says('x', 'c', 'ASSERTS', { date: '2025-05-20' }),
        says('a', 'd'), says('b', 'd'),
        // x denied d, then withdrew the denial without asserting anything.
        says('x', 'd', 'DENIES', { date: '2025-03-02' }), says('x', 'd', 'WITHDRAWS', { date: '2025-04' }),
      ],
    }));
    expect(await status('c')).toBe('CORROBORATED');
    expect(await status('d')).toBe('CORROBORATED');
    const d = await gql(store, '{ claim(id: "d") { corroboration { assertingSources denyingSources withdrawnSources } } }');
    expect(d.data?.claim).toEqual({ corroboration: { assertingSources: 2, denyingSources: 0, withdrawnSources: 1 } });
  });

  it('a denial whose order against a later assertion is unknown still contests (undated statements all count)', async () => {
    await load(store, bundle({
      sources: [source('a'), source('b'), source('x')],
      // "2025-05" may be before or after 2025-05-20: neither supersedes the other.
      statements: [says('a', 'c'), says('b', 'c'), says('x', 'c', 'DENIES', { date: '2025-05' }), says('x', 'c', 'ASSERTS', { date: '2025-05-20' })],
    }));
    expect(await status('c')).toBe('CONTESTED');
  });

  it('a derived statement counts while its origin is only said again, and falls when the origin is revised', async () => {
    await load(store, bundle({
      sources: [source('ministry'), source('wire'), source('b')],
      statements: [
        // c: the ministry says it twice; the wire's copy of the first stands, in the ministry's cluster.
        says('ministry', 'c', 'ASSERTS', { id: 'st-m-c-1', date: '2025-03-01' }), says('ministry', 'c', 'ASSERTS', { id: 'st-m-c-2', date: '2025-03-05' }),
        says('wire', 'c', 'ASSERTS', { derivedFrom: 'st-m-c-1' }), says('b', 'c'),
        // d: the ministry asserts it, then denies it; the wire's copy of the assertion falls with it.
        says('ministry', 'd', 'ASSERTS', { id: 'st-m-d-1', date: '2025-03-01' }), says('ministry', 'd', 'DENIES', { id: 'st-m-d-2', date: '2025-04-01' }),
        says('wire', 'd', 'ASSERTS', { derivedFrom: 'st-m-d-1' }), says('b', 'd'),
      ],
    }));
    const counts = async (id: string) =>
      ((await gql(store, 'query($id: ID!) { claim(id: $id) { status corroboration { assertingSources independentSources denyingSources } } }', { id })).data?.claim);
    expect(await counts('c')).toEqual({ status: 'CORROBORATED', corroboration: { assertingSources: 3, independentSources: 2, denyingSources: 0 } });
    expect(await counts('d')).toEqual({ status: 'CONTESTED', corroboration: { assertingSources: 1, independentSources: 1, denyingSources: 1 } });
    const wire = await gql(store, '{ c: statement(id: "st-wire-c-ASSERTS") { current } d: statement(id: "st-wire-d-ASSERTS") { current supersession supersededBy { id } } }');
    expect(wire.data).toEqual({ c: { current: true }, d: { current: false, supersession: 'ORIGIN_SUPERSEDED', supersededBy: { id: 'st-m-d-2' } } });
  });

  it('never REFUTED by arithmetic: 3 clusters denying what nobody asserts is CONTESTED (credibility 5)', async () => {
    await load(store, bundle({
      sources: [source('a'), source('b'), source('x')],
      statements: [says('a', 'c', 'DENIES'), says('b', 'c', 'DENIES'), says('x', 'c', 'DENIES')],
    }));
    expect(await judged(store, 'c')).toMatchObject({ status: 'CONTESTED', credibility: { grade: 5 } });
  });

  it('REFUTED only while the latest assessment says FALSE', async () => {
    await load(store, bundle({ sources: [source('a'), source('b')], statements: [says('a', 'c'), says('b', 'c')] }));
    await assessClaim(store, 'c', { verdict: 'MOSTLY_FALSE', rating: 2, explanation: 'Mostly wrong.' }, { editor: 'ed' });
    expect(await status('c')).toBe('CORROBORATED');
    await assessClaim(store, 'c', { verdict: 'FALSE', rating: 1, explanation: 'Wrong.' }, { editor: 'ed' });
    expect(await status('c')).toBe('REFUTED');
    await assessClaim(store, 'c', { verdict: 'UNVERIFIABLE', rating: 3, explanation: 'On reflection, cannot tell.' }, { editor: 'ed' });
    expect(await status('c')).toBe('CORROBORATED');
  });
});

describe('claims(status:) filters on the store, with pagination and totalCount', () => {
  let store: GraphStore;
  // c01…c12: every third CORROBORATED, every third CONTESTED, the rest UNVERIFIED.
  const ids = Array.from({ length: 12 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
  const expected = (k: number) => ids.filter((_, i) => i % 3 === k);
  beforeAll(async () => {
    store = await emptyStore();
    await load(store, bundle({
      claims: ids.map(claimRecord),
      sources: [source('a'), source('b'), source('x')],
      statements: ids.flatMap((id, i) =>
        i % 3 === 0 ? [says('a', id), says('b', id)] : i % 3 === 1 ? [says('a', id), says('x', id, 'DENIES')] : [says('a', id)]),
    }));
  });
  afterAll(() => store.close());

  const Q = `query($status: ClaimStatus, $first: Int, $after: String, $search: String) {
    claims(status: $status, first: $first, after: $after, search: $search) { totalCount pageInfo { endCursor hasNextPage } nodes { id status } } }`;
  type Page = { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: { id: string; status: string }[] };
  const page = async (variables: Record<string, unknown>): Promise<Page> => {
    const result = await gql(store, Q, variables);
    expect(result.errors).toBeUndefined();
    return result.data?.claims as Page;
  };

  async function walk(status: string, first: number): Promise<{ ids: string[]; pages: number; totals: number[] }> {
    const seen: string[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const p = await page({ status, first, after });
      pages += 1;
      totals.push(p.totalCount);
      for (const n of p.nodes) expect(n.status).toBe(status);
      seen.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    return { ids: seen, pages, totals };
  }

  it('pages through the CORROBORATED claims 2 at a time, in id order, each exactly once', async () => {
    const { ids: seen, pages, totals } = await walk('CORROBORATED', 2);
    expect(seen).toEqual(expected(0));
    expect(pages).toBe(2);
    expect(totals).toEqual([4, 4]);
  });

  it('pages through the CONTESTED and UNVERIFIED claims with pages that end exactly at the last claim', async () => {
    expect((await walk('CONTESTED', 4)).ids).toEqual(expected(1));
    expect((await walk('CONTESTED', 4)).pages).toBe(1);
    expect((await walk('UNVERIFIED', 3)).ids).toEqual(expected(2));
  });

  it('gives an empty page and totalCount 0 for a status no claim has', async () => {
    expect(await page({ status: 'REFUTED', first: 5 })).toEqual({ totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false }, nodes: [] });
  });

  it('combines with search, and a cursor from the unfiltered list keeps its place', async () => {
    // Search goes by whole words (v2): "c10" is a word of "Claim c10.", "c1" is not.
    const filtered = await page({ status: 'CORROBORATED', search: 'c10', first: 10 });
    expect(filtered.nodes.map((n) => n.id)).toEqual(['c10']);
    expect(filtered.totalCount).toBe(1);
    expect((await page({ status: 'CORROBORATED', search: 'c1', first: 10 })).nodes).toEqual([]);
    const plain = (await gql(store, '{ claims(first: 5) { pageInfo { endCursor } } }')).data?.claims as Page;
    const rest = await page({ status: 'CORROBORATED', first: 10, after: plain.pageInfo.endCursor });
    expect(rest.nodes.map((n) => n.id)).toEqual(['c07', 'c10']);
  });

  it('refuses a status that is not in the enum, and a cursor of another list', async () => {
    const bad = await gql(store, Q, { status: 'FALSE' });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const sources = (await gql(store, '{ sources(first: 1) { pageInfo { endCursor } } }')).data?.sources as Page;
    expect(codes(await gql(store, Q, { status: 'UNVERIFIED', after: sources.pageInfo.endCursor }))).toEqual(['BAD_USER_INPUT']);
  });

  it('sees a new assessment at once: REFUTED lists it, CORROBORATED no longer does', async () => {
    const s = await emptyStore();
    try {
      await load(s, bundle({ sources: [source('a'), source('b')], statements: [says('a', 'c'), says('b', 'c'), says('a', 'd'), says('b', 'd')] }));
      await assessClaim(s, 'd', { verdict: 'FALSE', rating: 1, explanation: 'Wrong.' }, { editor: 'ed' });
      const ids = async (status: string) => ((await gql(s, Q, { status })).data?.claims as Page).nodes.map((n) => n.id);
      expect(await ids('REFUTED')).toEqual(['d']);
      expect(await ids('CORROBORATED')).toEqual(['c']);
    } finally {
      await s.close();
    }
  });
});

describe('the status filter agrees with Claim.status where the version 2 rules decide', () => {
  // The synthetic graph has doubts, withdrawals and derivations but no dates
  // or implications: these claims each turn on one of them.
  it('lists doubted, implied, revised and withdrawn cases under their Claim.status', async () => {
    const store = await emptyStore();
    try {
      await load(store, bundle({
        claims: ['doubted', 'implied', 'implier', 'revised', 'withdrawn', 'denied-through'].map(claimRecord),
        sources: [source('a'), source('b'), source('x')],
        statements: [
          says('a', 'doubted'), says('b', 'doubted'), says('x', 'doubted', 'DOUBTS'),
          says('a', 'implied'), says('b', 'implier'),
          says('a', 'revised'), says('b', 'revised'),
          says('x', 'revised', 'DENIES', { date: '2025-01' }), says('x', 'revised', 'ASSERTS', { date: '2025-02-01' }),
          says('a', 'withdrawn'), says('x', 'withdrawn', 'DENIES', { date: '2025-01-01' }), says('x', 'withdrawn', 'WITHDRAWS', { date: '2025-01-02' }),
          says('a', 'denied-through'), says('b', 'denied-through'),
        ],
        links: [link('IMPLIES', 'implier', 'implied'), link('IMPLIES', 'denied-through', 'doubted')],
      }));
      const listed = async (status: string) =>
        ((await gql(store, 'query($s: ClaimStatus) { claims(status: $s, first: 100) { totalCount nodes { id } } }', { s: status })).data?.claims as { nodes: { id: string }[] }).nodes.map((n) => n.id);
      // denied-through: 2 clusters assert it, and x doubts "doubted", which it implies.
      expect(await listed('CONTESTED')).toEqual(['denied-through', 'doubted']);
      expect(await listed('CORROBORATED')).toEqual(['implied', 'revised']);
      expect(await listed('UNVERIFIED')).toEqual(['implier', 'withdrawn']);
      for (const id of ['doubted', 'implied', 'implier', 'revised', 'withdrawn', 'denied-through']) {
        const status = (await judged(store, id)).status;
        expect(await listed(status)).toContain(id);
      }
    } finally {
      await store.close();
    }
  });
});

describe('the status filter agrees with Claim.status on a synthetic graph', () => {
  // The page and count queries skip claims that cannot have the status asked
  // for (cheap necessary conditions) before the shared fragments decide: this
  // checks the skipping never drops a claim, on a graph with every situation.
  let store: GraphStore;
  let claimIds: string[];
  beforeAll(async () => {
    store = await emptyStore();
    const b = syntheticBundle({ statements: 600, seed: 7 });
    await load(store, b);
    claimIds = b.claims.map((c) => c.id).sort();
    // Some claims refuted by an editor, one of them later re-assessed as TRUE.
    for (const id of claimIds.filter((_, i) => i % 9 === 0)) {
      await assessClaim(store, id, { verdict: 'FALSE', rating: 1, explanation: 'x' }, { editor: 'ed' });
    }
    await assessClaim(store, claimIds[0]!, { verdict: 'TRUE', rating: 5, explanation: 'y' }, { editor: 'ed' });
  });
  afterAll(() => store.close());

  it('lists each claim under exactly the status its Claim.status shows, and totalCount agrees', async () => {
    const statusOf = new Map<string, string>();
    for (let i = 0; i < claimIds.length; i += 100) {
      const result = await gql(store, 'query($after: String) { claims(first: 100, after: $after) { nodes { id status } pageInfo { endCursor } } }', {
        after: i === 0 ? null : encodeCursor('claims', [claimIds[i - 1]!]),
      });
      for (const n of (result.data?.claims as { nodes: { id: string; status: string }[] }).nodes) statusOf.set(n.id, n.status);
    }
    expect(statusOf.size).toBe(claimIds.length);
    const seen = new Set<string>();
    for (const status of ['UNVERIFIED', 'CORROBORATED', 'CONTESTED', 'REFUTED']) {
      const listed: string[] = [];
      let after: string | null = null;
      let total = -1;
      do {
        const result = await gql(store, 'query($s: ClaimStatus, $after: String) { claims(status: $s, first: 100, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } }', { s: status, after });
        expect(result.errors).toBeUndefined();
        const c = result.data?.claims as { totalCount: number; nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
        listed.push(...c.nodes.map((n) => n.id));
        total = c.totalCount;
        after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      } while (after !== null);
      const expected = claimIds.filter((id) => statusOf.get(id) === status);
      expect(expected.length).toBeGreaterThan(0);
      expect(listed).toEqual(expected);
      expect(total).toBe(expected.length);
      for (const id of listed) seen.add(id);
    }
    expect(seen.size).toBe(claimIds.length);
  });
});

describe('on the seed', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  const list = async (status: string) => {
    const result = await gql(store, 'query($s: ClaimStatus) { claims(status: $s, first: 100) { totalCount nodes { id } } }', { s: status });
    expect(result.errors).toBeUndefined();
    const c = result.data?.claims as { totalCount: number; nodes: { id: string }[] };
    expect(c.totalCount).toBe(c.nodes.length);
    return c.nodes.map((n) => n.id);
  };

  it('the undercover claim is CONTESTED: the initial assumptions assert a claim that contradicts it', async () => {
    expect((await judged(store, 'claim-al-masoud-undercover-against-is')).status).toBe('CONTESTED');
  });

  it('lists the contested and corroborated claims, and every claim has exactly one status', async () => {
    expect(await list('CONTESTED')).toEqual([
      'claim-al-masoud-member-of-general-security', 'claim-al-masoud-undercover-against-is', 'claim-al-masoud-was-civilian', 'claim-al-masoud-was-is-official',
    ]);
    expect(await list('CORROBORATED')).toEqual(['claim-circumstances-of-death-unclear', 'claim-us-operation-killed-al-masoud']);
    expect(await list('REFUTED')).toEqual([]);
    expect((await list('UNVERIFIED')).length).toBe(34 - 4 - 2);
  });

  it('after an assessment FALSE, the IS-official claim is REFUTED (and no longer CONTESTED), with credibility 5', async () => {
    await assessClaim(store, 'claim-al-masoud-was-is-official', { verdict: 'FALSE', rating: 1, explanation: 'The report says he was not.' }, { editor: 'carol@example.org' });
    const j = await judged(store, 'claim-al-masoud-was-is-official');
    expect(j.status).toBe('REFUTED');
    expect(j.credibility.grade).toBe(5);
    expect(j.credibility.facts[0]).toMatch(/^the latest assessment, by carol@example\.org at .+, gives the verdict FALSE$/);
    expect(await list('REFUTED')).toEqual(['claim-al-masoud-was-is-official']);
    expect(await list('CONTESTED')).not.toContain('claim-al-masoud-was-is-official');
  });
});
