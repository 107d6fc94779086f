import { GrafeoDB } from '@grafeo-db/js';
import { exportBundle } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import { EmbeddedStore } from '../../src/store/embedded-store';
import type { GraphStore } from '../../src/store/port';
import { loadQueries } from '../../src/store/queries';
import { gql } from '../helpers';

/*
 * An update stamp equal to the creation's is not stored (it is most of them:
 * every record written once), and every reader takes the creation's for it:
 * the API's `recorded` and the export give all four fields as before. One
 * written by an earlier version, which stored both, reads the same.
 */

const bundle = (claimText: string) => ({
  format: 'claimgraph-bundle',
  version: 2,
  sources: [{ id: 'src-a', name: 'Alpha Agency', kind: 'ORGANIZATION', anonymous: false }],
  entities: [{ id: 'ent-a', name: 'Alphaville' }],
  documents: [{ id: 'doc-a', title: 'A report', publisher: 'src-a' }],
  claims: [{ id: 'claim-a', text: claimText, about: ['ent-a'] }],
  statements: [{ id: 'st-a', source: 'src-a', claim: 'claim-a', stance: 'ASSERTS', quote: claimText, appearances: [{ document: 'doc-a' }] }],
});

const RECORDED = `{
  claim(id: "claim-a") { recorded { createdAt createdBy updatedAt updatedBy } }
  source(id: "src-a") { recorded { createdAt createdBy updatedAt updatedBy } }
  entity(id: "ent-a") { recorded { createdAt createdBy updatedAt updatedBy } }
  document(id: "doc-a") { recorded { createdAt createdBy updatedAt updatedBy } }
  statement(id: "st-a") { recorded { createdAt createdBy updatedAt updatedBy } }
}`;

const LABELS = ['Source', 'Entity', 'Document', 'Claim', 'Statement'];
const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-02-01T00:00:00.000Z';
const stamps = (createdAt: string, createdBy: string, updatedAt: string, updatedBy: string) => ({ recorded: { createdAt, createdBy, updatedAt, updatedBy } });

let db: GrafeoDB;
let store: GraphStore;
beforeEach(async () => {
  db = GrafeoDB.create();
  store = EmbeddedStore.over(db, loadQueries());
  await store.applySchema();
});
afterEach(() => store.close());

/** The audit property keys each searchable node holds. */
async function storedKeys(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const label of LABELS) {
    const [row] = (await db.executeCypher(`MATCH (n:${label}) RETURN keys(n) AS k`)).toArray() as { k: string[] }[];
    out[label] = row!.k.filter((k) => /^(created|updated)(At|By)$/.test(k)).sort();
  }
  return out;
}

it('stores no update stamp equal to the creation\'s, and the API and the export still give all four', async () => {
  await importBundle(store, bundle('Alphaville was flooded.'), { editor: 'alice@example.org', now: T1 });
  const created = Object.fromEntries(LABELS.map((l) => [l, ['createdAt', 'createdBy']]));
  expect(await storedKeys()).toEqual(created);
  const once = stamps(T1, 'alice@example.org', T1, 'alice@example.org');
  expect((await gql(store, RECORDED)).data).toEqual({ claim: once, source: once, entity: once, document: once, statement: once });
  const exported = await exportBundle(store);
  for (const section of ['sources', 'entities', 'documents', 'claims', 'statements'] as const) {
    expect((exported[section] as { recorded?: unknown }[]).map((r) => r.recorded)).toEqual([once.recorded]);
  }

  // Rewritten later by someone else: the update stamp differs, so it is stored, and the creation's stays.
  await importBundle(store, bundle('Alphaville was badly flooded.'), { editor: 'bob@example.org', now: T2 });
  const keys = await storedKeys();
  expect(keys.Claim).toEqual(['createdAt', 'createdBy', 'updatedAt', 'updatedBy']);
  expect(keys.Source).toEqual(['createdAt', 'createdBy']);
  const data = (await gql(store, RECORDED)).data as Record<string, unknown>;
  expect(data.claim).toEqual(stamps(T1, 'alice@example.org', T2, 'bob@example.org'));
  expect(data.source).toEqual(once);
  const claim = (await exportBundle(store)).claims!.find((c) => (c as { id: string }).id === 'claim-a') as { recorded: unknown };
  expect(claim.recorded).toEqual(stamps(T1, 'alice@example.org', T2, 'bob@example.org').recorded);
});

it('reads a record an earlier version wrote with both stamps as before', async () => {
  await importBundle(store, bundle('Alphaville was flooded.'), { editor: 'alice@example.org', now: T1 });
  for (const label of LABELS) await db.executeCypher(`MATCH (n:${label}) SET n.updatedAt = n.createdAt, n.updatedBy = n.createdBy`);
  const once = stamps(T1, 'alice@example.org', T1, 'alice@example.org');
  expect((await gql(store, RECORDED)).data).toEqual({ claim: once, source: once, entity: once, document: once, statement: once });
  // Imported again unchanged: nothing is rewritten. Changed: the equal stamp goes.
  await importBundle(store, bundle('Alphaville was flooded again.'), { editor: 'alice@example.org', now: T1 });
  expect((await storedKeys()).Claim).toEqual(['createdAt', 'createdBy']);
  expect(((await gql(store, RECORDED)).data as Record<string, unknown>).claim).toEqual(once);
});
