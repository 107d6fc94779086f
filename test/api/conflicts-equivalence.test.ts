import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GrafeoDB } from '@grafeo-db/js';
import { importBundle } from '../../src/graph/import';
import { syntheticBundle } from '../../src/graph/synthetic';
import { projectRoot } from '../../src/paths';
import { EmbeddedStore } from '../../src/store/embedded-store';
import type { GraphStore, Row } from '../../src/store/port';
import { loadQueries } from '../../src/store/queries';
import { TEST_ENGINE } from '../engine';
import { describeUnless } from '../skip';

/*
 * conflicts-page reads the per-claim facts kept on write (directlyAsserted,
 * directlyDenied: cypher/write-claim-standing) instead of walking each
 * claim's statements, and drops a contradiction found from both of a
 * source's claims by pairing rows instead of walking the other claim's
 * statements. The answers must not change: on a synthetic graph of 6,000
 * statements (hubs, revisions, circular reporting, CONTRADICTS links), every
 * source's conflicts, every page of them, and every claim's, are the same as
 * those of the query as it was before
 * (test/fixtures/cypher/conflicts-page-before.cypher), run over the same graph.
 */

const BEFORE = readFileSync(join(projectRoot(), 'test/fixtures/cypher/conflicts-page-before.cypher'), 'utf8');
const PAGE = 7;

/** Every page of conflicts for the filter, following the cursor, with each page's total. */
async function allPages(store: GraphStore, filter: { claimId: string | null; sourceId: string | null }): Promise<{ total: unknown; rows: Row[] }[]> {
  const pages: { total: unknown; rows: Row[] }[] = [];
  let after: [string, string, string] | null = null;
  for (;;) {
    const [row] = await store.read('conflicts-page', { ...filter, afterClaim: after?.[0] ?? null, afterOpposing: after?.[1] ?? null, afterStatement: after?.[2] ?? null, limit: PAGE });
    const rows = (row?.page ?? []) as Row[];
    pages.push({ total: row?.total, rows });
    if (rows.length < PAGE) return pages;
    const last = rows[rows.length - 1]!;
    after = [String(last.claim), String(last.opposingClaim), String(last.earlier ?? '')];
  }
}

describeUnless(TEST_ENGINE === 'embedded' ? null : `the test engine is ${TEST_ENGINE}: the comparison runs two query tables over one embedded graph`)('conflicts-page, before and now', () => {
  const bundle = syntheticBundle({ statements: 6000, seed: 4 });
  const db = GrafeoDB.create();
  const table = loadQueries();
  const now = EmbeddedStore.over(db, table);
  const before = EmbeddedStore.over(db, { ...table, 'conflicts-page': { ...table['conflicts-page'], text: BEFORE, lines: undefined } });

  beforeAll(async () => {
    await now.applySchema();
    await importBundle(now, bundle, { editor: 'equivalence' });
  }, 600_000);
  afterAll(() => now.close());

  it('are built from different texts', () => {
    expect(table['conflicts-page'].text).not.toBe(BEFORE);
  });

  it('give the same pages for every source', async () => {
    const sources = [...new Set(bundle.statements.map((s) => s.source))].sort();
    let nonEmpty = 0;
    for (const sourceId of sources) {
      const want = await allPages(before, { claimId: null, sourceId });
      expect({ sourceId, pages: await allPages(now, { claimId: null, sourceId }) }).toEqual({ sourceId, pages: want });
      if (want[0]!.rows.length > 0) nonEmpty++;
    }
    // The comparison means something only if many sources have conflicts of every kind.
    expect(nonEmpty).toBeGreaterThan(sources.length / 4);
  }, 900_000);

  it('give the same pages for every claim, and without a filter', async () => {
    const kinds = new Set<string>();
    for (const claimId of bundle.claims.map((c) => c.id).sort()) {
      const want = await allPages(before, { claimId, sourceId: null });
      expect({ claimId, pages: await allPages(now, { claimId, sourceId: null }) }).toEqual({ claimId, pages: want });
      for (const page of want) for (const r of page.rows) kinds.add(r.later !== null ? 'REVISION' : r.claim === r.opposingClaim ? 'DENIAL' : 'CONTRADICTION');
    }
    expect([...kinds].sort()).toEqual(['CONTRADICTION', 'DENIAL', 'REVISION']);
    expect(await allPages(now, { claimId: null, sourceId: null })).toEqual(await allPages(before, { claimId: null, sourceId: null }));
  }, 900_000);

  it('give the same pages for a claim and a source together', async () => {
    const pairs = bundle.statements.filter((_, i) => i % 20 === 0).map((s) => ({ claimId: s.claim, sourceId: s.source }));
    for (const filter of pairs) expect({ filter, pages: await allPages(now, filter) }).toEqual({ filter, pages: await allPages(before, filter) });
  }, 900_000);
});
