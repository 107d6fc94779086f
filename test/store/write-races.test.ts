import { GrafeoDB } from '@grafeo-db/js';
import { assessClaim, rateSource } from '../../src/analysis/judgements';
import { createRecord } from '../../src/graph/editing';
import { importBundle } from '../../src/graph/import';
import { mapEmbeddedError } from '../../src/store/embedded-store';
import type { GraphStore } from '../../src/store/port';
import { loadQueries, loadSchemaStatements } from '../../src/store/queries';
import { openTestStore, TEST_ENGINE } from '../engine';
import { describeUnless } from '../skip';

/*
 * Writes that decide on what they read (is this name taken? which seq is
 * next? does this affiliation close a loop? which statement is current?)
 * sent at once, on the engine under test. On Neo4j nothing but the locks of
 * src/graph/locks.ts keeps them apart (READ COMMITTED, no write queue); on
 * the embedded engine the write queue does too, and the last test shows the
 * lock alone is enough there as well.
 */

const N = 6;
const editor = { editor: 'race-test' };
const bundle = (parts: Record<string, unknown[]>) => ({ format: 'claimgraph-bundle', version: 2, ...parts });
const person = (id: string, name: string) => ({ id, name, kind: 'PERSON', anonymous: false });
const outcomes = (results: PromiseSettledResult<unknown>[]) => ({
  ok: results.filter((r) => r.status === 'fulfilled').length,
  codes: results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : [])),
});

describe(`concurrent writes on ${TEST_ENGINE}`, () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
    await importBundle(
      store,
      bundle({
        sources: [person('src-a', 'Ada Racewell'), person('src-b', 'Bo Racewell')],
        claims: [{ id: 'claim-r', text: 'The race was run.' }],
      }),
      editor,
    );
  });
  afterEach(async () => {
    await store.close();
  });

  const sourcesNamed = async (name: string): Promise<string[]> => {
    const rows = await store.read('sources-page', { after: '', limit: 1000 });
    return rows.map((r) => r.source as Record<string, unknown>).filter((s) => s.name === name).map((s) => String(s.id));
  };

  it('creates a name once when editors create it at once: one record, the others refused', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) => createRecord(store, 'source', { id: `src-new-${i}`, name: 'Cy Distinctname', kind: 'PERSON', anonymous: false }, editor)),
    );
    expect(await sourcesNamed('Cy Distinctname')).toHaveLength(1);
    expect(outcomes(results)).toEqual({ ok: 1, codes: Array(N - 1).fill('CONFLICT') });
  });

  it('groups a name once when bundles carrying it are imported at once', async () => {
    await Promise.all(Array.from({ length: N }, (_, i) => importBundle(store, bundle({ sources: [person(`src-imported-${i}`, 'Dee Onlyonce')] }), editor)));
    expect(await sourcesNamed('Dee Onlyonce')).toHaveLength(1);
    // Every id the bundles used names that one record.
    const ids = Array.from({ length: N }, (_, i) => `src-imported-${i}`);
    const redirects = await store.read('import-redirects', { keys: ids.map((id) => `Source:${id}`) });
    const [kept] = await sourcesNamed('Dee Onlyonce');
    expect(new Set([kept, ...redirects.map((r) => String(r.target))])).toEqual(new Set([kept]));
    expect(redirects.length).toBe(N - 1);
  });

  it('numbers assessments and ratings without gaps or repeats when they arrive at once', async () => {
    await Promise.all(
      Array.from({ length: N }, (_, i) => assessClaim(store, 'claim-r', { verdict: 'MIXED', rating: 3, explanation: `view ${i}` }, editor)),
    );
    await Promise.all(Array.from({ length: N }, (_, i) => rateSource(store, 'src-a', { grade: 'C', reason: `reason ${i}` }, editor)));
    const [claim] = await store.read('assessments-by-claims', { ids: ['claim-r'] });
    const [source] = await store.read('ratings-by-sources', { ids: ['src-a'] });
    const seqs = (v: unknown) => (Array.isArray(v) ? v.map((x) => Number((x as { seq: unknown }).seq)).sort((a, b) => a - b) : []);
    const expected = Array.from({ length: N }, (_, i) => i + 1);
    expect(seqs(claim?.assessments)).toEqual(expected);
    expect(seqs(source?.ratings)).toEqual(expected);
  });

  it('refuses the second half of an affiliation loop closed by two imports at once', async () => {
    const results = await Promise.allSettled([
      importBundle(store, bundle({ sources: [person('src-a', 'Ada Racewell'), person('src-b', 'Bo Racewell')], affiliations: [{ source: 'src-a', parent: 'src-b' }] }), editor),
      importBundle(store, bundle({ sources: [person('src-a', 'Ada Racewell'), person('src-b', 'Bo Racewell')], affiliations: [{ source: 'src-b', parent: 'src-a' }] }), editor),
    ]);
    expect(outcomes(results)).toEqual({ ok: 1, codes: ['BAD_USER_INPUT'] });
    const parents = await store.read('parents-by-sources', { ids: ['src-a', 'src-b'] });
    expect(parents.flatMap((r) => (Array.isArray(r.parents) ? r.parents : []))).toHaveLength(1);
  });

  it('leaves the positions a one-at-a-time import gives when a source revises itself in two requests at once', async () => {
    const said = (id: string, date: string, stance: string) => ({ id, source: 'src-a', claim: 'claim-r', stance, date });
    await Promise.all([
      importBundle(store, bundle({ statements: [said('st-early', '2020-01-01', 'ASSERTS')] }), editor),
      importBundle(store, bundle({ statements: [said('st-late', '2021-01-01', 'DENIES')] }), editor),
    ]);
    const rows = await store.read('statements-by-ids', { ids: ['st-early', 'st-late'] });
    const current = Object.fromEntries(rows.map((r) => [String((r.statement as Record<string, unknown>).id), (r.statement as Record<string, unknown>).current]));
    expect(current).toEqual({ 'st-early': false, 'st-late': true });
  });
});

// The lock alone, without the embedded store's write queue: two raw engine
// transactions that take the same lock cannot both commit.
describeUnless(TEST_ENGINE === 'embedded' ? null : `the test engine is ${TEST_ENGINE}: this is about the embedded engine's own lock`)('the lock on the embedded engine, without its write queue', () => {
  it('makes the second of two overlapping transactions that take it fail as a retryable CONFLICT', async () => {
    const db = GrafeoDB.create();
    try {
      for (const statement of loadSchemaStatements('embedded')) await db.executeCypher(statement);
      const take = loadQueries()['take-locks'].text;
      await db.executeCypher(take, { names: ['import'] });
      const first = db.beginTransaction();
      const second = db.beginTransaction();
      await first.executeCypher(take, { names: ['import'] });
      const late = await second.executeCypher(take, { names: ['import'] }).then(
        () => {
          first.commit();
          second.commit();
          return undefined;
        },
        (error: unknown) => error,
      ).catch((error: unknown) => error);
      expect(late).toBeDefined();
      expect(mapEmbeddedError(late)).toMatchObject({ code: 'CONFLICT', details: { retryable: true } });
    } finally {
      db.close();
    }
  });
});
