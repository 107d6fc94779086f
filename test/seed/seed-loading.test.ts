import { openTestStore } from '../engine';
import { importBundle } from '../../src/graph/import';
import type { Bundle, SourceRecord } from '../../src/graph/model';
import { graphCounts, loadSeedBundle, seed, seedIfEmpty } from '../../src/analysis/seed';
import type { GraphStore } from '../../src/store/port';
import { gql } from '../helpers';

const bundle = loadSeedBundle();

/** What the graph should hold once the seed is in: one node per record of each node section. */
const bundleCounts = (b: Bundle): Record<string, number> => ({
  sources: b.sources.length,
  entities: b.entities.length,
  documents: b.documents.length,
  claims: b.claims.length,
  statements: b.statements.length,
});
const EMPTY = { sources: 0, entities: 0, documents: 0, claims: 0, statements: 0 };

let store: GraphStore;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.close();
});

describe('seeding an in-memory embedded store', () => {
  test('a new store is empty', async () => {
    expect(await graphCounts(store)).toEqual(EMPTY);
  });

  test('seedIfEmpty loads the seed into an empty store and says so', async () => {
    expect(await seedIfEmpty(store)).toBe(true);
    expect(await graphCounts(store)).toEqual(bundleCounts(bundle));
  });

  test('seedIfEmpty a second time does nothing and says so', async () => {
    await seedIfEmpty(store);
    const before = await graphCounts(store);
    expect(await seedIfEmpty(store)).toBe(false);
    expect(await graphCounts(store)).toEqual(before);
  });

  test('seed() twice is idempotent: one node per record', async () => {
    await seed(store);
    await seed(store);
    expect(await graphCounts(store)).toEqual(bundleCounts(bundle));
  });

  test('seed() reports every record as created the first time and unchanged the second', async () => {
    const first = await seed(store);
    const created = (n: number) => ({ created: n, updated: 0, unchanged: 0 });
    const unchanged = (n: number) => ({ created: 0, updated: 0, unchanged: n });
    const kinds = ['sources', 'entities', 'documents', 'claims', 'statements', 'affiliations', 'links'] as const;
    expect(kinds.map((k) => first[k])).toEqual(kinds.map((k) => created(bundle[k].length)));
    // The seed bundle holds no editor's judgement; its question comes from the questions file.
    expect([first.questions, first.ratings, first.assessments]).toEqual([created(0), created(0), created(0)]);
    // Nothing in it matches anything by name, and nothing looks like a duplicate.
    expect([first.matched, first.possibleDuplicates]).toEqual([[], []]);
    // Written in version 2, the seed is not upgraded: no note.
    expect(first.notes).toEqual([]);
    const second = await seed(store);
    expect(kinds.map((k) => second[k])).toEqual(kinds.map((k) => unchanged(bundle[k].length)));
  });

  test('seedIfEmpty leaves a store holding one unrelated source alone', async () => {
    const stranger: SourceRecord = { id: 'src-unrelated', name: 'Unrelated', kind: 'PERSON', anonymous: false, count: null, description: null, aliases: [], formerIds: [] };
    await importBundle(store, { ...emptyBundle(), sources: [stranger] }, { editor: 'test' });
    expect(await seedIfEmpty(store)).toBe(false);
    expect(await graphCounts(store)).toEqual({ ...EMPTY, sources: 1 });
  });
});

function emptyBundle(): Bundle {
  return {
    format: 'claimgraph-bundle', version: 2, sources: [], affiliations: [], entities: [], documents: [], claims: [], statements: [], links: [],
    questions: [], ratings: [], assessments: [], changes: [],
  };
}

/*
 * The seed's answers in version 2 (README, docs/MODEL.md, docs/ANALYSIS.md):
 * those version 1 gave, except that the Tripp / US-government "mistakes" pair
 * is one cluster by DERIVATION (version 1 said RELAY), and the mother, who
 * carried her son's words, is an intermediary of his statement, not a relay of
 * it. test/seed/seed-v1-equivalence.test.ts compares every claim with the
 * version 1 seed.
 */
describe('the seed, in version 2, gives the answers it gave before', () => {
  let seeded: GraphStore;
  beforeAll(async () => {
    seeded = await openTestStore();
    await seed(seeded);
  });
  afterAll(() => seeded.close());

  interface Corroboration {
    assertingSources: number;
    independentSources: number;
    anonymousSources: number;
    hedgingSources: number;
    denyingSources: number;
    doubtingSources: number;
    contradictedBy: number;
    opposingIndependentSources: number;
    clusters: { sources: { id: string }[]; merges: { sources: { id: string }[]; reasons: string[]; sharedParents: { id: string }[]; sharedOrigins: { id: string }[] }[] }[];
  }
  const corroboration = async (id: string): Promise<Corroboration> => {
    const result = await gql(seeded, `query($id: ID!) { claim(id: $id) { corroboration {
      assertingSources independentSources anonymousSources hedgingSources denyingSources doubtingSources contradictedBy opposingIndependentSources
      clusters { sources { id: recordId } merges { sources { id: recordId } reasons sharedParents { id: recordId } sharedOrigins { id: recordId } } } } } }`, { id });
    expect(result.errors).toBeUndefined();
    return (result.data?.claim as { corroboration: Corroboration }).corroboration;
  };
  const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

  test('the undercover claim: 2 asserting sources in 2 independent clusters, 1 anonymous, contradicted by 1 (docs/MODEL.md)', async () => {
    expect(await corroboration('claim-al-masoud-undercover-against-is')).toMatchObject({
      assertingSources: 2, independentSources: 2, anonymousSources: 1, hedgingSources: 0, denyingSources: 0, doubtingSources: 0, contradictedBy: 1,
    });
  });

  test('the IS-official claim: 1 cluster for it, 5 sources in 4 independent clusters against it (docs/ANALYSIS.md)', async () => {
    expect(await corroboration('claim-al-masoud-was-is-official')).toMatchObject({
      assertingSources: 1, independentSources: 1, denyingSources: 1, contradictedBy: 5, opposingIndependentSources: 4,
    });
  });

  test('the US "mistakes": Emily Tripp and the US government count as one cluster, now by DERIVATION', async () => {
    const c = await corroboration('claim-multiple-us-mistakes');
    expect(c).toMatchObject({ assertingSources: 2, independentSources: 1 });
    expect(c.clusters).toHaveLength(1);
    expect(ids(c.clusters[0]?.sources ?? [])).toEqual(['src-emily-tripp', 'src-us-government']);
    expect(c.clusters[0]?.merges.map((m) => ({ sources: ids(m.sources), reasons: m.reasons, parents: ids(m.sharedParents), origins: ids(m.sharedOrigins) }))).toEqual([
      { sources: ['src-emily-tripp', 'src-us-government'], reasons: ['DERIVATION'], parents: [], origins: ['src-us-government'] },
    ]);
  });

  test('Khaled al-Masoud asserts his membership in his own right; his mother, who carried it, is not counted for it', async () => {
    expect(await corroboration('claim-al-masoud-member-of-general-security')).toMatchObject({ assertingSources: 1, independentSources: 1, contradictedBy: 1 });
    const result = await gql(seeded, '{ claim(id: "claim-al-masoud-member-of-general-security") { statements { source { id: recordId } } } }');
    expect(result.data?.claim).toEqual({ statements: [{ source: { id: 'src-khaled-al-masoud' } }] });
    expect(await corroboration('claim-al-masoud-identified-himself-as-general-security')).toMatchObject({ assertingSources: 1, independentSources: 1 });
  });

  test('the circumstances of his death: the report and the mother, 2 independent clusters (the claim is CORROBORATED)', async () => {
    expect(await corroboration('claim-circumstances-of-death-unclear')).toMatchObject({ assertingSources: 2, independentSources: 2 });
  });

  test('every statement of the report is current: nothing in it is dated, so nothing supersedes anything', async () => {
    const result = await gql(seeded, '{ claims(first: 100) { nodes { statements { id: recordId current } } } }');
    const all = (result.data?.claims as { nodes: { statements: { id: string; current: boolean }[] }[] }).nodes.flatMap((n) => n.statements);
    expect(all).toHaveLength(bundle.statements.length);
    expect(all.filter((s) => !s.current)).toEqual([]);
  });

  test('a hedge is still a hedge: the family "believes", the report "estimated"', async () => {
    const result = await gql(seeded, `{ a: statement(id: "st-family-hedges-faulty-intelligence") { stance hedged hedge position }
      b: statement(id: "st-report-hedges-2500-is-members") { stance hedged hedge position } }`);
    expect(result.data).toEqual({
      a: { stance: 'ASSERTS', hedged: true, hedge: 'believes', position: 'HEDGES' },
      b: { stance: 'ASSERTS', hedged: true, hedge: 'estimated', position: 'HEDGES' },
    });
  });
});
