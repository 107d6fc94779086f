import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportBundle, type BundleJson } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import type { Bundle } from '../../src/graph/model';
import { checkBundle } from '../../src/graph/bundle';
import { graphCounts, loadSeedBundle, readSeedJson } from '../../src/analysis/seed';
import { syntheticBundle } from '../../src/graph/synthetic';
import type { GraphStore, Params, QueryRunner, Row } from '../../src/store/port';
import type { QueryName } from '../../src/store/queries';
import { emptyStore, RecordingStore } from '../helpers';

/*
 * Records new by id are written by the create-* queries (CREATE, nothing to
 * move); records already stored by the import-* rewrite queries. Both paths
 * must store the same thing, and an import must stay all or nothing.
 */

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-02-01T00:00:00.000Z';
/** The seed as version 2 records, whatever version the seed file is written in. */
const seedV2 = (): Bundle => loadSeedBundle();
const otherEvent = (): Bundle => checkBundle(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'other-event.bundle.json'), 'utf8'))).bundle;

/** The other-event fixture (all new to a seeded graph) plus edits of seed records. */
function mixedBundle(): Bundle {
  const other = otherEvent();
  const seed = seedV2();
  const editedSource = { ...seed.sources[0]!, description: 'edited next to new records' };
  const editedClaim = { ...seed.claims[0]!, about: ['ent-dumayr'] };
  const editedDocument = { ...seed.documents[0]!, publisher: 'src-airwars' };
  // Another source, no appearance, and derived from a statement of the new records: every link of a statement moves.
  const editedStatement = {
    ...seed.statements.find((s) => s.id === 'st-al-masoud-asserts-general-security-member')!,
    source: 'src-sabah-al-sheikh-al-kilani',
    appearances: [],
    derivedFrom: 'ox-st-engineers-cracks',
  };
  return {
    ...other,
    sources: [...other.sources, editedSource],
    claims: [...other.claims, editedClaim],
    documents: [...other.documents, editedDocument],
    statements: [...other.statements, editedStatement],
  };
}

/** The same records with other content, so that importing the real ones afterwards rewrites them all. */
function placeholders(b: Bundle): Bundle {
  return {
    ...b,
    sources: b.sources.map((s) => ({ ...s, description: 'placeholder', aliases: [] })),
    entities: b.entities.map((e) => ({ ...e, description: 'placeholder', aliases: [] })),
    documents: b.documents.map((d) => ({ ...d, title: 'placeholder', publisher: null, url: null, publishedAt: null })),
    claims: b.claims.map((c) => ({ ...c, text: 'placeholder', about: [] })),
    statements: b.statements.map((s) => ({ ...s, stance: 'NO_RESPONSE', hedged: false, hedge: null, quote: 'placeholder', appearances: [], derivedFrom: null, supersedes: [] })),
    affiliations: b.affiliations.map((a) => ({ ...a, role: 'placeholder' })),
    links: b.links.map((l) => ({ ...l, reason: 'placeholder' })),
  };
}

async function seededAt(now: string): Promise<GraphStore> {
  const store = await emptyStore();
  await importBundle(store, readSeedJson(), { editor: 'alice', now });
  return store;
}

/** Every statement's position, as the store holds it. */
async function positions(store: GraphStore): Promise<unknown[]> {
  const ids = (await exportBundle(store)).statements.map((s) => s.id);
  return (await store.read('statements-by-ids', { ids })).map((r) => {
    const st = r.statement as Record<string, unknown>;
    return [st.id, st.current, st.supersededBy, st.dateStart, st.dateEnd, st.dateBasis];
  });
}

const stores: GraphStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});
const track = (s: GraphStore): GraphStore => (stores.push(s), s);

describe('created and rewritten records are stored alike', () => {
  it('an import mixing new and changed records writes the same graph as rewriting them all', async () => {
    const created = track(await seededAt(T1));
    const recordingCreated = new RecordingStore(created);
    const report = await importBundle(recordingCreated, mixedBundle(), { editor: 'bob', now: T2 });

    const rewritten = track(await seededAt(T1));
    await importBundle(rewritten, placeholders(mixedBundle()), { editor: 'bob', now: T2 });
    const recordingRewritten = new RecordingStore(rewritten);
    await importBundle(recordingRewritten, mixedBundle(), { editor: 'bob', now: T2 });

    // The two stores took different paths…
    expect(recordingCreated.calls).toEqual(
      expect.arrayContaining(['create-sources', 'create-entities', 'create-documents', 'create-claims', 'create-statements', 'create-statement-links', 'import-sources', 'import-claims', 'import-documents', 'import-statements']),
    );
    // No record is new by id on the second path (relationship writes such as create-statement-links run on both).
    const recordCreates = ['create-sources', 'create-entities', 'create-documents', 'create-claims', 'create-statements'];
    expect(recordingRewritten.calls.filter((c) => recordCreates.includes(c))).toEqual([]);
    // …to the same graph.
    expect(await exportBundle(created)).toEqual(await exportBundle(rewritten));
    expect(await graphCounts(created)).toEqual(await graphCounts(rewritten));
    // Positions are computed alike on both paths.
    expect(await positions(created)).toEqual(await positions(rewritten));

    expect(report.sources).toEqual({ created: 4, updated: 1, unchanged: 0 });
    expect(report.entities).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.documents).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(report.claims).toEqual({ created: 2, updated: 1, unchanged: 0 });
    expect(report.statements).toEqual({ created: 3, updated: 1, unchanged: 0 });
    expect(report.affiliations).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.links).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it('a synthetic bundle imported in chunks of any size exports the same, with progress up to the total', async () => {
    const bundle = syntheticBundle({ statements: 400, seed: 3 });
    const exports: BundleJson[] = [];
    for (const chunkSize of [1000, 7]) {
      const store = track(await emptyStore());
      const progress: [number, number][] = [];
      const report = await importBundle(store, bundle, { editor: 'bench', now: T1, chunkSize, onProgress: (w, t) => progress.push([w, t]) });
      expect(report.statements).toEqual({ created: 400, updated: 0, unchanged: 0 });
      const total = progress[0]![1];
      expect(progress.every(([w, t], i) => t === total && w > (progress[i - 1]?.[0] ?? 0))).toBe(true);
      expect(progress[progress.length - 1]).toEqual([total, total]);
      exports.push(await exportBundle(store));
      // And a second import finds every record unchanged.
      const again = await importBundle(store, bundle, { editor: 'bench', now: T2, chunkSize });
      expect([again.statements, again.claims, again.links]).toEqual([
        { created: 0, updated: 0, unchanged: 400 },
        { created: 0, updated: 0, unchanged: bundle.claims.length },
        { created: 0, updated: 0, unchanged: bundle.links.length },
      ]);
    }
    expect(exports[1]).toEqual(exports[0]);
    // The bundle carried no audit stamps: export adds them, and otherwise gives the records back.
    const strip = <T extends { recorded?: unknown }>(xs: T[]) => xs.map(({ recorded: _r, ...rest }) => rest);
    // Appearances are a set: the export lists them in document id order.
    const byDocument = <T extends { appearances: { document: string }[] }>(s: T): T => ({ ...s, appearances: [...s.appearances].sort((a, b) => (a.document < b.document ? -1 : 1)) });
    expect(strip(exports[0]!.statements)).toEqual(strip([...bundle.statements].sort((a, b) => (a.id < b.id ? -1 : 1)).map(byDocument)));
    // The generator exercises what version 2 adds: second appearances, intermediaries, derivations, hedges and doubts, withdrawals.
    expect(bundle.statements.some((s) => s.appearances.length > 1)).toBe(true);
    expect(bundle.statements.some((s) => s.appearances.some((a) => a.via.length > 0))).toBe(true);
    expect(bundle.statements.some((s) => s.derivedFrom !== null)).toBe(true);
  });
});

describe('all or nothing on the create path', () => {
  /** Fails the n-th run of one query, after the engine ran it. */
  class FailingOnCall extends RecordingStore {
    constructor(inner: GraphStore, private readonly at: QueryName, private readonly nth: number) {
      super(inner);
    }
    override transaction<T>(mode: 'READ' | 'WRITE', work: (tx: QueryRunner) => Promise<T>): Promise<T> {
      let seen = 0;
      return super.transaction(mode, (tx) =>
        work({
          run: async (name: QueryName, params?: Params): Promise<Row[]> => {
            const rows = await tx.run(name, params);
            if (name === this.at && ++seen === this.nth) throw new Error(`injected failure at ${name} #${seen}`);
            return rows;
          },
        }),
      );
    }
  }

  it.each<[QueryName, number]>([['create-statements', 3], ['create-statement-links', 1], ['import-supports', 1], ['write-positions', 1]])(
    'leaves an empty store empty when the write fails at %s (call %i)',
    async (at, nth) => {
      const store = track(await emptyStore());
      const bundle = syntheticBundle({ statements: 300, seed: 5 });
      const failing = new FailingOnCall(store, at, nth);
      await expect(importBundle(failing, bundle, { editor: 'bench', chunkSize: 50 })).rejects.toThrow(`injected failure at ${at}`);
      expect(Object.values(await graphCounts(store)).every((n) => n === 0)).toBe(true);
    },
  );
});

describe('loops through new records', () => {
  it('refuses a new source that closes an affiliation loop with stored ones, and writes nothing', async () => {
    const store = track(await seededAt(T1));
    const before = await graphCounts(store);
    // Stored: the mother under the family. New: the family under a new source, the new source under the mother.
    const bundle = {
      format: 'claimgraph-bundle',
      version: 1,
      sources: [{ id: 'src-new-middle', name: 'A new go-between', kind: 'PERSON', anonymous: false }],
      affiliations: [
        { source: 'src-al-masoud-family', parent: 'src-new-middle' },
        { source: 'src-new-middle', parent: 'src-sabah-al-sheikh-al-kilani' },
      ],
    };
    const error = await importBundle(store, bundle, { editor: 'bob' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: [expect.objectContaining({ path: '$.affiliations', got: 'source "src-al-masoud-family" would be affiliated with itself' })] } });
    expect(await graphCounts(store)).toEqual(before);
  });
});
