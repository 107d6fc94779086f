import type { GraphStore } from '../../src/store/port';
import { gql, seededStore } from '../helpers';

/*
 * The questions the three kinds of users ask, over the seed, through the
 * GraphQL API. Expected answers are what the report says, checked by hand
 * against seed/dumayr-report.txt.
 */

let store: GraphStore;
beforeAll(async () => {
  store = await seededStore();
});
afterAll(() => store.close());

interface StatementView {
  stance: string;
  quote: string | null;
  hedge: string | null;
  source: { name: string; anonymous: boolean; count: number | null };
  document: { title: string; publisher: null | { name: string } } | null;
}

describe('who said that he was working undercover?', () => {
  it('finds the claim by search and lists who asserts it: his family and three anonymous officials, not Airwars', async () => {
    const result = await gql(
      store,
      `{ claims(search: "UNDERCOVER") { totalCount nodes { id: recordId statements { stance quote source { name anonymous count } document { title publisher { name } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const claims = (result.data?.claims as { totalCount: number; nodes: { id: string; statements: StatementView[] }[] });
    expect(claims.totalCount).toBe(1);
    const statements = claims.nodes[0]!.statements;
    expect(statements.map((s) => [s.stance, s.source.name, s.source.anonymous, s.source.count]).sort()).toEqual([
      ['ASSERTS', 'Family of Khaled al-Masoud', false, null],
      ['ASSERTS', 'Three Syrian officials speaking anonymously', true, 3],
    ]);
    // Reported in the one document, whose publisher the report does not give.
    expect(statements.every((s) => s.document?.publisher === null && /Untitled report/.test(s.document.title))).toBe(true);
  });
});

describe('whose accounts conflict about who he was?', () => {
  it('sets the initial assumption that he was an IS official against the undercover, General Security and civilian accounts, and the report denies it', async () => {
    const result = await gql(
      store,
      `query($id: ID!) { conflicts(claimId: $id) { totalCount nodes { kind opposingClaim { id: recordId } sources { name } opposingSources { name } reason } } }`,
      { id: 'claim-al-masoud-was-is-official' },
    );
    expect(result.errors).toBeUndefined();
    const conflicts = result.data?.conflicts as {
      totalCount: number;
      nodes: { kind: string; opposingClaim: { id: string }; sources: { name: string }[]; opposingSources: { name: string }[]; reason: string | null }[];
    };
    const byOpposing = Object.fromEntries(conflicts.nodes.map((c) => [c.opposingClaim.id, c]));
    expect(Object.keys(byOpposing).sort()).toEqual([
      'claim-al-masoud-member-of-general-security',
      'claim-al-masoud-undercover-against-is',
      'claim-al-masoud-was-civilian',
      'claim-al-masoud-was-is-official',
    ]);
    expect(conflicts.totalCount).toBe(4);
    for (const c of conflicts.nodes) expect(c.sources.map((s) => s.name)).toEqual(['Unattributed initial assumptions']);
    expect(byOpposing['claim-al-masoud-was-civilian']!.opposingSources.map((s) => s.name)).toEqual(['Airwars']);
    expect(byOpposing['claim-al-masoud-member-of-general-security']!.opposingSources.map((s) => s.name)).toEqual(['Khaled al-Masoud']);
    const denial = byOpposing['claim-al-masoud-was-is-official']!;
    expect([denial.kind, denial.reason, denial.opposingSources.map((s) => s.name)]).toEqual(['DENIAL', null, ['The report (author and publisher not stated)']]);
    expect(byOpposing['claim-al-masoud-undercover-against-is']!.reason).toMatch(/Contrary to initial assumptions/);
  });

  it('lists, for the family, the conflicts its account takes part in, with the family on the `sources` side', async () => {
    const result = await gql(store, `{ conflicts(sourceId: "src-al-masoud-family") { nodes { claim { id: recordId } opposingClaim { id: recordId } sources { id: recordId } } } }`);
    const nodes = (result.data?.conflicts as { nodes: { claim: { id: string }; opposingClaim: { id: string }; sources: { id: string }[] }[] }).nodes;
    expect(nodes.map((n) => [n.claim.id, n.opposingClaim.id])).toEqual([['claim-al-masoud-undercover-against-is', 'claim-al-masoud-was-is-official']]);
    expect(nodes[0]!.sources.map((s) => s.id)).toContain('src-al-masoud-family');
  });

  it('without filters lists each contradiction once', async () => {
    const result = await gql(store, `{ conflicts(first: 100) { totalCount nodes { claim { id: recordId } opposingClaim { id: recordId } } } }`);
    const { totalCount, nodes } = result.data?.conflicts as { totalCount: number; nodes: { claim: { id: string }; opposingClaim: { id: string } }[] };
    const pairs = nodes.map((n) => [n.claim.id, n.opposingClaim.id].sort().join(' / '));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(totalCount).toBe(nodes.length);
  });
});

describe('what did the faction say about the faulty-intelligence claim?', () => {
  it('shows that the SFA did not respond to the family\'s hedged accusation, with the hedge kept', async () => {
    const result = await gql(store, `{ source(id: "src-sfa-representatives") { name anonymous affiliations { name } statements { stance quote claim { text statements { stance hedged position hedge source { name } } } } } }`);
    expect(result.errors).toBeUndefined();
    type Said = { stance: string; hedged: boolean; position: string; hedge: string | null; source: { name: string } };
    const source = result.data?.source as {
      name: string;
      anonymous: boolean;
      affiliations: { name: string }[];
      statements: { stance: string; quote: string | null; claim: { text: string; statements: Said[] } }[];
    };
    expect(source.affiliations.map((a) => a.name)).toEqual(['Syrian Free Army']);
    expect(source.statements).toHaveLength(1);
    const [statement] = source.statements;
    expect([statement!.stance, statement!.quote]).toEqual(['NO_RESPONSE', null]);
    expect(statement!.claim.text).toMatch(/faulty intelligence .* provided by members of the Syrian Free Army/);
    // A hedge is an assertion with hedging words ("possibly provided by members of the SFA").
    expect(statement!.claim.statements.find((s) => s.position === 'HEDGES')).toEqual({
      stance: 'ASSERTS', hedged: true, position: 'HEDGES', hedge: 'possibly', source: { name: 'Family of Khaled al-Masoud' },
    });
    expect(statement!.claim.statements.map((s) => s.position).sort()).toEqual(['HEDGES', 'NO_RESPONSE']);
  });
});

describe('how corroborated is the undercover claim?', () => {
  it('counts two asserting sources, two independent clusters (the family; the Syrian government), one anonymous, contradicted by one source', async () => {
    const result = await gql(store, `{ claim(id: "claim-al-masoud-undercover-against-is") { corroboration { assertingSources independentSources anonymousSources hedgingSources denyingSources contradictedBy } supports { id: recordId } contradicts { id: recordId } } }`);
    expect(result.errors).toBeUndefined();
    const claim = result.data?.claim as { corroboration: Record<string, number>; supports: { id: string }[]; contradicts: { id: string }[] };
    expect(claim.corroboration).toEqual({ assertingSources: 2, independentSources: 2, anonymousSources: 1, hedgingSources: 0, denyingSources: 0, contradictedBy: 1 });
    expect(claim.contradicts.map((c) => c.id)).toEqual(['claim-al-masoud-was-is-official']);
    expect(claim.supports).toHaveLength(3);
  });

  it('counts the killing as asserted by three independent sources (family, Syrian officials, Airwars) and not acknowledged by either government', async () => {
    const result = await gql(store, `{ claim(id: "claim-us-operation-killed-al-masoud") { corroboration { assertingSources independentSources } statements { stance source { name } } } }`);
    const claim = result.data?.claim as { corroboration: Record<string, number>; statements: { stance: string; source: { name: string } }[] };
    expect(claim.corroboration).toEqual({ assertingSources: 3, independentSources: 3 });
    expect(claim.statements.filter((s) => s.stance === 'NOT_ACKNOWLEDGED').map((s) => s.source.name).sort()).toEqual(['Syrian government officials', 'US government officials']);
  });
});

describe('who said what, where, in which words, reported by whom (editors)', () => {
  it('keeps the mother\'s words verbatim, and her son\'s words as she carried them: a channel, not a speaker', async () => {
    const result = await gql(store, `{ source(id: "src-khaled-al-masoud") { statements(first: 5) { id: recordId quote paraphrase claim { text sources(first: 5) { name } corroboration { assertingSources independentSources } }
      derivedFrom { id: recordId } origin { id: recordId }
      appearances { document { id: recordId } paraphrase via { source { name affiliationRoles { role source { name } } } document { id: recordId } } } } } }`);
    expect(result.errors).toBeUndefined();
    type Via = { source: { name: string; affiliationRoles: { role: string; source: { name: string } }[] }; document: null | { id: string } };
    type Said = {
      id: string; quote: string | null; paraphrase: string; derivedFrom: null; origin: { id: string };
      claim: { text: string; sources: { name: string }[]; corroboration: { assertingSources: number; independentSources: number } };
      appearances: { document: { id: string }; paraphrase: string; via: Via[] }[];
    };
    const statements = (result.data?.source as { statements: Said[] }).statements;
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement!.claim.text).toMatch(/was a member of General Security/);
    // One appearance, in the report, carried there by his mother (a version 1 relay, upgraded).
    expect(statement!.appearances).toEqual([{
      document: { id: 'doc-dumayr-report' },
      paraphrase: statement!.paraphrase,
      via: [{ source: { name: 'Sabah al-Sheikh al-Kilani', affiliationRoles: [{ role: 'mother', source: { name: 'Family of Khaled al-Masoud' } }] }, document: null }],
    }]);
    // His own speech, taken from nobody.
    expect([statement!.derivedFrom, statement!.origin]).toEqual([null, { id: statement!.id }]);
    // Carrying his words makes his mother no source of his claim: he alone asserts it.
    expect(statement!.claim.sources).toEqual([{ name: 'Khaled al-Masoud' }]);
    expect(statement!.claim.corroboration).toEqual({ assertingSources: 1, independentSources: 1 });

    const mother = await gql(store, `{ sources(search: "kilani") { nodes { statements { quote claim { text } } } } }`);
    const said = (mother.data?.sources as { nodes: { statements: { quote: string | null; claim: { text: string } }[] }[] }).nodes[0]!.statements;
    expect(said.map((s) => s.quote).filter((q) => q !== null).sort()).toEqual(["How did he die? We don't know", 'I want the people who took him from his children to be held accountable.']);
    // Her own account of what he said stays her own statement, on its own claim.
    expect(said.map((s) => s.claim.text)).toContainEqual(expect.stringMatching(/identified himself as a member of General Security/));
  });

  it('lists a document with every statement it reports, a page at a time', async () => {
    const result = await gql(store, `{ document(id: "doc-dumayr-report") { title publisher { name } url publishedAt note statements(first: 100) { id: recordId }
      firstPage: statements { id: recordId } statementsConnection { totalCount } } }`);
    const doc = result.data?.document as { publisher: null; url: null; publishedAt: null; note: string; statements: unknown[]; firstPage: unknown[]; statementsConnection: { totalCount: number } };
    expect([doc.publisher, doc.url, doc.publishedAt]).toEqual([null, null, null]);
    expect(doc.note).toMatch(/no headline/i);
    expect(doc.statements.length).toBeGreaterThan(30);
    expect(doc.statementsConnection.totalCount).toBe(doc.statements.length);
    // Without `first`, a nested list is one page of 20.
    expect(doc.firstPage).toEqual(doc.statements.slice(0, 20));
  });

  it('ranks claims by how many search words they match, case-insensitively', async () => {
    const result = await gql(store, `{ claims(search: "HOTLINE with damascus") { totalCount edges { score node { id: recordId statements { source { name } } } } } }`);
    expect(result.errors).toBeUndefined();
    const { totalCount, edges } = result.data?.claims as { totalCount: number; edges: { score: number; node: { id: string; statements: { source: { name: string } }[] } }[] };
    // "with" is no search word; "hotline" and "damascus" are both in one claim's text, "damascus" alone in three others'.
    expect(totalCount).toBe(4);
    expect(edges[0]!.node.id).toBe('claim-verified-intelligence-hotline-with-damascus');
    expect(edges[0]!.node.statements.map((s) => s.source.name)).toEqual(['Wassim Nasr']);
    expect(edges.slice(1).map((e) => e.node.id).sort()).toEqual(['claim-raid-from-lack-of-coordination', 'claim-raid-in-dumayr-19-october', 'claim-sfa-us-trained-reports-to-damascus']);
    expect(edges.slice(1).every((e) => e.score < edges[0]!.score)).toBe(true);
  });

  it('finds a claim by words only its statements hold: a quote, a paraphrase', async () => {
    const find = async (search: string) => {
      const result = await gql(store, `query($s: String) { claims(search: $s) { nodes { id: recordId } } }`, { s: search });
      return (result.data?.claims as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    };
    // "the whole point of having a hotline": Nasr's words, not the claim's.
    expect(await find('whole')).toEqual(['claim-verified-intelligence-hotline-with-damascus']);
    // "A Deadly Mistake in Dumayr": the report's heading, in the paraphrase of its statement.
    expect(await find('deadly')).toEqual(['claim-killing-was-a-mistake']);
  });
});

describe('pagination', () => {
  it('walks every claim exactly once with first/after, and totalCount agrees', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const result = await gql(store, `query($after: String) { claims(first: 7, after: $after) { totalCount edges { cursor node { id: recordId } } pageInfo { endCursor hasNextPage } } }`, { after });
      const c = result.data?.claims as { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      total = c.totalCount;
      seen.push(...c.edges.map((e) => e.node.id));
      expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)?.cursor ?? null);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
  });

  it('pages conflicts without repeating or losing one', async () => {
    const all = await gql(store, `{ conflicts(first: 100) { nodes { claim { id: recordId } opposingClaim { id: recordId } } } }`);
    const first = await gql(store, `{ conflicts(first: 2) { pageInfo { endCursor hasNextPage } nodes { claim { id: recordId } opposingClaim { id: recordId } } } }`);
    const page = first.data?.conflicts as { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: unknown[] };
    const rest = await gql(store, `query($after: String) { conflicts(first: 100, after: $after) { nodes { claim { id: recordId } opposingClaim { id: recordId } } } }`, { after: page.pageInfo.endCursor });
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect([...page.nodes, ...(rest.data?.conflicts as { nodes: unknown[] }).nodes]).toEqual((all.data?.conflicts as { nodes: unknown[] }).nodes);
  });
});

describe('independence over the seed, with the reasons', () => {
  it('rests the undercover claim on two independent clusters: the family, and the Syrian officials', async () => {
    const result = await gql(store, `{ claim(id: "claim-al-masoud-undercover-against-is") { corroboration { independentSources clusters { sources { name } merges { reasons } } } } }`);
    expect(result.data).toEqual({ claim: { corroboration: { independentSources: 2, clusters: [
      { sources: [{ name: 'Family of Khaled al-Masoud' }], merges: [] },
      { sources: [{ name: 'Three Syrian officials speaking anonymously' }], merges: [] },
    ] } } });
  });

  it('rests the IS-official claim only on unattributed initial assumptions, which the report denies', async () => {
    const result = await gql(store, `{ claim(id: "claim-al-masoud-was-is-official") {
      corroboration { assertingSources independentSources denyingSources clusters { sources { name kind anonymous } } }
      statements { stance source { name } } } }`);
    const claim = result.data?.claim as { corroboration: Record<string, unknown>; statements: { stance: string; source: { name: string } }[] };
    expect(claim.corroboration).toEqual({ assertingSources: 1, independentSources: 1, denyingSources: 1, clusters: [
      { sources: [{ name: 'Unattributed initial assumptions', kind: 'UNKNOWN', anonymous: true }] },
    ] });
    expect(claim.statements.map((s) => [s.stance, s.source.name]).sort()).toEqual([
      ['ASSERTS', 'Unattributed initial assumptions'],
      ['DENIES', 'The report (author and publisher not stated)'],
    ]);
  });

  it('counts the US designation of "mistakes" and Tripp, whose own-voice statement was derived from it, as one source (circular reporting)', async () => {
    const result = await gql(store, `{ claim(id: "claim-multiple-us-mistakes") { corroboration { assertingSources independentSources
      clusters { sources { id: recordId } merges { sources { id: recordId } reasons sharedParents { id: recordId } sharedOrigins { id: recordId } explanation } } } } }`);
    expect(result.errors).toBeUndefined();
    type Merge = { sources: { id: string }[]; reasons: string[]; sharedParents: { id: string }[]; sharedOrigins: { id: string }[]; explanation: string };
    const c = (result.data?.claim as { corroboration: { assertingSources: number; independentSources: number; clusters: { sources: { id: string }[]; merges: Merge[] }[] } }).corroboration;
    expect([c.assertingSources, c.independentSources]).toEqual([2, 1]);
    // Version 1 had Tripp relay the designation on its own claim: upgraded, her statement derives from the US one.
    expect(c.clusters).toEqual([{
      sources: [{ id: 'src-emily-tripp' }, { id: 'src-us-government' }],
      merges: [{
        sources: [{ id: 'src-emily-tripp' }, { id: 'src-us-government' }], reasons: ['DERIVATION'], sharedParents: [], sharedOrigins: [{ id: 'src-us-government' }],
        explanation: expect.stringMatching(/Emily Tripp.*derived from a statement by US government/),
      }],
    }]);
  });
});
