import { graphCounts, loadSeedBundle, seed } from '../../src/analysis/seed';
import type { GraphStore } from '../../src/store/port';
import { openTestStore, TEST_ENGINE } from '../engine';

/*
 * The store contract: what the rest of claimgraph relies on from any engine
 * behind the port, on the engine under test (test/engine.ts: Neo4j when
 * NEO4J_URI is set, else the embedded one). The rest of the suite takes its
 * stores from the same place, so it runs on that engine too.
 */

const bundle = loadSeedBundle();

describe(`store contract on ${TEST_ENGINE}`, () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('applies its schema again without error (idempotent start-up)', async () => {
    await expect(store.applySchema()).resolves.toBeUndefined();
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('imports the seed and counts one node per record, however often it is imported', async () => {
    await seed(store);
    await seed(store);
    expect(await graphCounts(store)).toEqual({
      sources: bundle.sources.length,
      entities: bundle.entities.length,
      documents: bundle.documents.length,
      claims: bundle.claims.length,
      statements: bundle.statements.length,
    });
  });

  it('returns plain JSON rows: strings, booleans, integers as numbers, nulls, lists and maps', async () => {
    await seed(store);
    const [row] = await store.read('sources-by-ids', { ids: ['src-three-syrian-officials'] });
    expect(row).toEqual({
      source: expect.objectContaining({ id: 'src-three-syrian-officials', kind: 'GROUP', anonymous: true, count: 3, aliases: [] }),
    });
    const [counts] = await store.read('graph-counts');
    expect(typeof counts?.claims).toBe('number');
  });

  it('takes integer parameters where Cypher needs integers (LIMIT)', async () => {
    await seed(store);
    const rows = await store.read('claims-page', { after: '', limit: 2 });
    expect(rows).toHaveLength(2);
  });

  it('rolls a transaction back when its work throws, leaving nothing written', async () => {
    const boom = new Error('boom');
    await expect(
      store.transaction('WRITE', async (tx) => {
        await tx.run('import-sources', { rows: [{ id: 'src-x', name: 'X', kind: 'PERSON', anonymous: false, count: null, description: null, aliases: [] }] });
        throw boom;
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL', cause: boom });
    expect(await store.read('sources-by-ids', { ids: ['src-x'] })).toEqual([]);
    // The same write, committed, is there: the check above can fail.
    await store.transaction('WRITE', (tx) => tx.run('import-sources', { rows: [{ id: 'src-x', name: 'X', kind: 'PERSON', anonymous: false, count: null, description: null, aliases: [] }] }));
    expect(await store.read('sources-by-ids', { ids: ['src-x'] })).toHaveLength(1);
  });

  it('leaves nothing of a transaction whose later query the engine rejects', async () => {
    const before = await graphCounts(store);
    await expect(
      store.transaction('WRITE', async (tx) => {
        const [written] = await tx.run('import-sources', { rows: bundle.sources });
        // The sources are written within the transaction: what must be rolled back.
        expect(written?.written).toBe(bundle.sources.length);
        // A negative LIMIT is rejected by both engines (not by the parameter check), after the sources were written.
        await tx.run('claims-page', { after: '', limit: -1 });
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/claims-page(?![\s\S]*declares parameters)/) });
    expect(await graphCounts(store)).toEqual(before);
  });

  it('refuses a write query in a read transaction before it reaches the engine', async () => {
    await expect(store.transaction('READ', (tx) => tx.run('import-sources', { rows: [] }))).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/import-sources writes/),
    });
  });

  it('refuses a call that misses a declared parameter, naming it', async () => {
    await expect(store.read('claims-page', { limit: 3 })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('declares parameters ["after","limit"] but was called with ["limit"]'),
    });
  });

  it('reports STORE_UNAVAILABLE once closed, for reads, writes and pings alike', async () => {
    await store.read('graph-counts');
    await store.close();
    await expect(store.read('graph-counts')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(store.write('import-sources', { rows: [] })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(store.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
