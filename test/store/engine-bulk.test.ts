import { GrafeoDB } from '@grafeo-db/js';
import { measureCeiling, readGraph } from '../../src/cli/engine-ceiling';
import { importBundle } from '../../src/graph/import';
import { syntheticBundle } from '../../src/graph/synthetic';
import { EmbeddedStore } from '../../src/store/embedded-store';
import { loadQueries } from '../../src/store/queries';

/*
 * Why the importer does not use the embedded engine's bulk calls, and what
 * `npm run bench:import` compares it with (src/cli/engine-ceiling.ts). An
 * import is all or nothing: if the engine ever runs these calls inside the
 * transaction beside them, the first test fails and they become candidates.
 */

const ids = async (db: GrafeoDB): Promise<string[]> =>
  (await db.executeCypher('MATCH (n:Probe) RETURN n.id AS id ORDER BY id')).toArray().map((r) => String(r.id));

describe('the embedded engine’s bulk calls (@grafeo-db/js 0.6.0)', () => {
  let db: GrafeoDB;
  beforeEach(() => {
    db = GrafeoDB.create();
  });
  afterEach(() => db.close());

  it('upsertNodes and batchCreateNodesWithProps commit on their own: a rollback of the transaction open beside them leaves their nodes', async () => {
    const tx = db.beginTransaction();
    await tx.executeCypher("CREATE (:Probe {id: 'in-transaction'})");
    await db.upsertNodes(['Probe'], [{ id: 'upserted' }]);
    await db.batchCreateNodesWithProps('Probe', [{ id: 'batched' }]);
    // Not part of the transaction: it does not see them either.
    expect((await tx.executeCypher('MATCH (n:Probe) RETURN n.id AS id ORDER BY id')).toArray().map((r) => r.id)).toEqual(['in-transaction']);
    tx.rollback();
    expect(await ids(db)).toEqual(['batched', 'upserted']);
  });

  it('upsertEdges skips a relationship row without a key of its own, which claimgraph’s relationships do not have', async () => {
    await db.upsertNodes(['Probe'], [{ id: 'a' }, { id: 'b' }]);
    const keyless = await db.upsertEdges('LINKS', [{ src: 'a', dst: 'b', reason: 'x' }], { endpointLabels: ['Probe'] });
    expect(keyless).toMatchObject({ created: 0, skipped: 1 });
    const keyed = await db.upsertEdges('LINKS', [{ id: 'l1', src: 'a', dst: 'b', reason: 'x' }], { endpointLabels: ['Probe'] });
    expect(keyed).toMatchObject({ created: 1, skipped: 0 });
  });
});

describe('the ceiling the import benchmark compares with', () => {
  it('creates again, by each path, exactly as many nodes and relationships as the import wrote', async () => {
    const db = GrafeoDB.create();
    const store = EmbeddedStore.over(db, loadQueries());
    await store.applySchema();
    await importBundle(store, syntheticBundle({ statements: 300, seed: 7 }), { editor: 'test' });
    const graph = await readGraph(db);
    await store.close();
    expect(graph.nodes.map((s) => s.label)).toEqual(expect.arrayContaining(['Claim', 'Document', 'Source', 'Statement']));
    expect(graph.relationships.map((s) => s.type)).toEqual(expect.arrayContaining(['MADE', 'ON', 'APPEARS_IN']));
    for (const path of ['unwind', 'batch', 'upsert'] as const) {
      const made = await measureCeiling(graph, path);
      expect({ path, nodes: made.nodes, relationships: made.relationships }).toEqual({ path, nodes: graph.nodeCount, relationships: graph.relationshipCount });
      expect(made.seconds).toBeGreaterThan(0);
    }
  });
});
