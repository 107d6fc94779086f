import { ClaimgraphError } from '../../src/errors';
import { importBundle } from '../../src/graph/import';
import type { Bundle, ClaimRecord, SourceRecord, StatementRecord } from '../../src/graph/model';
import { graphCounts, seed } from '../../src/graph/seed';
import { openStore } from '../../src/store/open';
import type { GraphStore } from '../../src/store/port';

const source = (id: string, name = id): SourceRecord => ({ id, name, kind: 'PERSON', anonymous: false, count: null, description: null, aliases: [] });
const claim = (id: string): ClaimRecord => ({ id, text: `Claim ${id}.`, about: [] });
const statement = (id: string, src: string, on: string, reportedVia: string | null = null): StatementRecord => ({
  id, source: src, claim: on, stance: 'ASSERTS', quote: null, paraphrase: null, hedge: null, document: null, reportedVia, madeAt: null,
});
const bundleOf = (parts: Partial<Bundle>): Bundle => ({
  format: 'claimgraph-bundle', version: 1, sources: [], affiliations: [], entities: [], documents: [], claims: [], statements: [], links: [], ...parts,
});
/** A value the engine cannot store: it fails inside the transaction, after the records before it were written. */
const UNSTORABLE = (() => 'x') as unknown as string;

let store: GraphStore;
beforeEach(async () => {
  store = await openStore({ engine: 'embedded', path: null });
});
afterEach(async () => {
  await store.close();
});

/** Imports `bundle`, expecting the store to refuse it; returns the error. */
const failedImport = async (bundle: Bundle): Promise<ClaimgraphError> => {
  const error: unknown = await importBundle(store, bundle).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ClaimgraphError);
  return error as ClaimgraphError;
};

describe('importBundle is all-or-nothing', () => {
  test('a failure in the claims leaves an empty store empty, though sources came first', async () => {
    const before = await graphCounts(store);
    const error = await failedImport(bundleOf({ sources: [source('s1'), source('s2')], claims: [claim('c1'), { ...claim('c2'), text: UNSTORABLE }] }));
    expect(error.message).toMatch(/import-claims/); // the sources were already written when it failed
    expect(await graphCounts(store)).toEqual(before);
  });

  test('a failure in the last statement leaves a seeded store exactly as it was', async () => {
    await seed(store);
    const before = await graphCounts(store);
    const bad = { ...statement('st-new-2', 'src-new', 'claim-new'), paraphrase: UNSTORABLE };
    const error = await failedImport(bundleOf({ sources: [source('src-new')], claims: [claim('claim-new')], statements: [statement('st-new-1', 'src-new', 'claim-new'), bad] }));
    expect(error.message).toMatch(/import-statements/);
    expect(await graphCounts(store)).toEqual(before);
  });

  test('updates to existing records are rolled back too', async () => {
    await importBundle(store, bundleOf({ sources: [source('s1', 'Original name')] }));
    await failedImport(bundleOf({ sources: [source('s1', 'Renamed')], claims: [{ ...claim('c1'), text: UNSTORABLE }] }));
    const [row] = await store.read('sources-by-ids', { ids: ['s1'] });
    expect(row?.source).toMatchObject({ id: 's1', name: 'Original name' });
  });
});

describe('importBundle records reported speech', () => {
  const relayed = bundleOf({
    sources: [source('mother'), source('son')],
    claims: [claim('c-said'), claim('c-member')],
    statements: [statement('st-mother', 'mother', 'c-said'), statement('st-son', 'son', 'c-member', 'st-mother')],
  });
  const reportedVia = async (ids: string[]) =>
    Object.fromEntries((await store.read('statements-by-ids', { ids })).map((r) => [(r.statement as { id: string }).id, (r.statement as { reportedVia: unknown }).reportedVia]));

  test('a relayed statement points REPORTED_VIA to its relay; the first-hand one points nowhere', async () => {
    const summary = await importBundle(store, relayed);
    expect(summary.relays).toBe(1);
    expect(await reportedVia(['st-son', 'st-mother'])).toEqual({ 'st-son': 'st-mother', 'st-mother': null });
  });

  test('a relay can be a statement imported earlier', async () => {
    await importBundle(store, bundleOf({ ...relayed, statements: [relayed.statements[0]!] }));
    await importBundle(store, bundleOf({ statements: [relayed.statements[1]!] }));
    expect(await reportedVia(['st-son'])).toEqual({ 'st-son': 'st-mother' });
  });

  test('importing the chain twice keeps one statement each and one relay', async () => {
    await importBundle(store, relayed);
    await importBundle(store, relayed);
    expect(await graphCounts(store)).toMatchObject({ sources: 2, claims: 2, statements: 2 });
    expect(await store.read('statements-by-ids', { ids: ['st-son'] })).toHaveLength(1); // one row per REPORTED_VIA edge
    expect(await reportedVia(['st-son'])).toEqual({ 'st-son': 'st-mother' });
  });
});
