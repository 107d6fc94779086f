import { importBundle } from '../../src/graph/import';
import type { Bundle, SourceRecord } from '../../src/graph/model';
import { graphCounts, loadSeedBundle, seed, seedIfEmpty } from '../../src/graph/seed';
import { openStore } from '../../src/store/open';
import type { GraphStore } from '../../src/store/port';

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
  store = await openStore({ engine: 'embedded', path: null });
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
    const second = await seed(store);
    expect(kinds.map((k) => second[k])).toEqual(kinds.map((k) => unchanged(bundle[k].length)));
  });

  test('seedIfEmpty leaves a store holding one unrelated source alone', async () => {
    const stranger: SourceRecord = { id: 'src-unrelated', name: 'Unrelated', kind: 'PERSON', anonymous: false, count: null, description: null, aliases: [] };
    await importBundle(store, { ...emptyBundle(), sources: [stranger] }, { editor: 'test' });
    expect(await seedIfEmpty(store)).toBe(false);
    expect(await graphCounts(store)).toEqual({ ...EMPTY, sources: 1 });
  });
});

function emptyBundle(): Bundle {
  return { format: 'claimgraph-bundle', version: 1, sources: [], affiliations: [], entities: [], documents: [], claims: [], statements: [], links: [] };
}
