import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBundle } from '../../src/graph/bundle';
import { exportBundle } from '../../src/graph/export';
import { dryRunImport, importBundle, type ImportReport } from '../../src/graph/import';
import type { Bundle } from '../../src/graph/model';
import { graphCounts, readSeedJson, seed } from '../../src/graph/seed';
import type { GraphStore, Params, Row } from '../../src/store/port';
import { loadQueries, type QueryName } from '../../src/store/queries';
import { emptyStore, gql, RecordingStore, seededStore } from '../helpers';

/*
 * Import is all or nothing, idempotent, updates what changed (moving
 * references, not doubling them), validates against the graph, and reuses
 * sources and entities the graph already holds. Export gives back what was
 * imported.
 */

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const seedJson = () => readSeedJson() as Bundle;
const editor = { editor: 'test-editor' };

/** A statement's source, claim, document and relay, as the API reads them. */
async function statementLinks(store: GraphStore, id: string): Promise<unknown> {
  const rows = await store.read('statements-by-ids', { ids: [id] });
  return rows.map((r) => r.statement);
}

let store: GraphStore;
afterEach(() => store.close());

describe('all or nothing', () => {
  /** The real engine, failing at one chosen query as a crash or a lost connection would. */
  class FailingAt extends RecordingStore {
    constructor(inner: GraphStore, private readonly at: QueryName) {
      super(inner);
    }
    override transaction<T>(mode: 'READ' | 'WRITE', work: (tx: { run(name: QueryName, params?: Params): Promise<Row[]> }) => Promise<T>): Promise<T> {
      return super.transaction(mode, (tx) =>
        work({
          run: async (name, params) => {
            const rows = await tx.run(name, params);
            if (name === this.at) throw new Error(`injected failure after ${name}`);
            return rows;
          },
        }),
      );
    }
  }

  // create-*: the records new by id; import-*: the seed record the bundle edits, and the links.
  it.each<QueryName>(['create-sources', 'import-sources', 'create-claims', 'create-statements', 'import-contradictions'])('leaves the graph exactly as it was when the write fails after %s', async (at) => {
    store = await seededStore();
    const before = await exportBundle(store);
    const edited = { ...fixture('other-event.bundle.json'), sources: [...(fixture('other-event.bundle.json').sources as object[])] };
    // An update of a seed record must be rolled back too, not only the new records.
    const seedEdit = seedJson();
    seedEdit.sources[0] = { ...seedEdit.sources[0]!, description: 'edited in a failed import' };
    await expect(importBundle(new FailingAt(store, at), { ...edited, sources: [...(edited.sources as object[]), seedEdit.sources[0]] }, editor)).rejects.toThrow();
    expect(await exportBundle(store)).toEqual(before);
  });
});

describe('invalid bundles', () => {
  const bad = (mutate: (b: Bundle) => void): Bundle => {
    const b = fixture('other-event.bundle.json') as unknown as Bundle;
    mutate(b);
    return b;
  };

  it.each([
    ['an unknown stance', bad((b) => void (b.statements[0]!.stance = 'SHOUTS' as never)), '$.statements[0].stance', 'one of ASSERTS, DENIES, HEDGES, NO_RESPONSE, NOT_ACKNOWLEDGED'],
    ['a statement naming a source in neither the bundle nor the graph', bad((b) => void (b.statements[1]!.source = 'src-nobody')), '$.statements[1].source', 'the id of a source in the bundle or the graph'],
    ['a duplicate id', bad((b) => void b.claims.push({ ...b.claims[0]! })), '$.claims[2].id', 'an id not used before in claims'],
    ['a quote that is not a string', bad((b) => void (b.statements[0]!.quote = 42 as never)), '$.statements[0].quote', 'a non-empty string or null'],
    ['a document without title', bad((b) => void delete (b.documents[0] as { title?: string }).title), '$.documents[0].title', 'a non-empty string'],
  ])('rejects %s with its path, expected and got, and writes nothing', async (_, bundle, path, expected) => {
    store = await seededStore();
    const before = await graphCounts(store);
    const error = await importBundle(store, bundle, editor).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: [expect.objectContaining({ path, expected })] } });
    expect(await graphCounts(store)).toEqual(before);
  });

  it('accepts references to records already in the graph', async () => {
    store = await seededStore();
    const report = await importBundle(store, { format: 'claimgraph-bundle', version: 1, statements: [{ id: 'st-x', source: 'src-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'DENIES' }] }, editor);
    expect(report.statements).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });
});

describe('idempotence and updates', () => {
  it('re-importing the same bundle reports everything unchanged and runs no write', async () => {
    store = await seededStore();
    const recording = new RecordingStore(store);
    const report = await importBundle(recording, readSeedJson(), editor);
    const kinds = ['sources', 'entities', 'documents', 'claims', 'statements', 'affiliations', 'links'] as const;
    expect(kinds.every((k) => report[k].created === 0 && report[k].updated === 0)).toBe(true);
    const queries = loadQueries();
    expect(recording.calls.filter((c) => queries[c].mode === 'write')).toEqual([]);
  });

  it('moves a statement whose source, document or relay changed, instead of doubling its links', async () => {
    store = await seededStore();
    const edited = seedJson();
    const st = edited.statements.find((s) => s.id === 'st-al-masoud-asserts-general-security-member')!;
    Object.assign(st, { source: 'src-sabah-al-sheikh-al-kilani', reportedVia: null, document: null });
    const report = await importBundle(store, edited, editor);
    expect(report.statements).toEqual({ created: 0, updated: 1, unchanged: edited.statements.length - 1 });
    expect(await statementLinks(store, st.id)).toEqual([expect.objectContaining({ source: 'src-sabah-al-sheikh-al-kilani', document: null, reportedVia: null })]);
    const family = await gql(store, `{ source(id: "src-khaled-al-masoud") { statements { id } } }`);
    expect(family.data).toEqual({ source: { statements: [] } });
  });

  it("replaces a claim's entities and a document's publisher when they change", async () => {
    store = await seededStore();
    const edited = seedJson();
    edited.claims[0]!.about = ['ent-dumayr'];
    edited.documents[0]!.publisher = 'src-airwars';
    const report = await importBundle(store, edited, editor);
    expect([report.claims.updated, report.documents.updated]).toEqual([1, 1]);
    const result = await gql(store, `query($id: ID!) { claim(id: $id) { about { id } } document(id: "doc-dumayr-report") { publisher { id } } }`, { id: edited.claims[0]!.id });
    expect(result.data).toEqual({ claim: { about: [{ id: 'ent-dumayr' }] }, document: { publisher: { id: 'src-airwars' } } });
  });

  it('records who created and who last changed a record, and keeps the creation on update', async () => {
    store = await emptyStore();
    await importBundle(store, readSeedJson(), { editor: 'alice', now: '2026-01-01T00:00:00.000Z' });
    const edited = seedJson();
    edited.claims[0]!.text = `${edited.claims[0]!.text} (edited)`;
    await importBundle(store, edited, { editor: 'bob', now: '2026-02-01T00:00:00.000Z' });
    const exported = await exportBundle(store);
    const recordOf = (id: string) => exported.claims.find((c) => c.id === id)?.recorded;
    expect(recordOf(edited.claims[0]!.id)).toEqual({ createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'alice', updatedAt: '2026-02-01T00:00:00.000Z', updatedBy: 'bob' });
    expect(recordOf(edited.claims[1]!.id)).toEqual({ createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'alice', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'alice' });
  });

  it('computes the same report in a dry run without writing anything', async () => {
    store = await seededStore();
    const before = await graphCounts(store);
    const other = fixture('other-event.bundle.json');
    const dry = await dryRunImport(store, other, editor);
    expect(await graphCounts(store)).toEqual(before);
    expect(await importBundle(store, other, editor)).toEqual(dry);
  });
});

describe('a second article about the same raid links into the first', () => {
  let report: ImportReport;
  beforeEach(async () => {
    store = await seededStore();
    report = await importBundle(store, fixture('dumayr-follow-up.bundle.json'), editor);
  });

  it('reuses the named source and the entity by name, but never an anonymous group', () => {
    expect(report.matched).toEqual([
      { kind: 'source', bundleId: 'fx-airwars', graphId: 'src-airwars', key: 'airwars' },
      { kind: 'entity', bundleId: 'fx-al-masoud', graphId: 'ent-khaled-al-masoud', key: 'khaled al masoud' },
    ]);
    expect(report.sources).toEqual({ created: 2, updated: 0, unchanged: 0 });
  });

  it("attaches the new statements to the seed's claims and sources, and corroboration counts them", async () => {
    const result = await gql(store, `{ claim(id: "claim-al-masoud-undercover-against-is") { corroboration { assertingSources independentSources anonymousSources } } source(id: "src-airwars") { statements { id } } }`);
    const data = result.data as { claim: unknown; source: { statements: { id: string }[] } };
    // The neighbour is new and independent; the fixture's anonymous officials are a second, unaffiliated group.
    expect(data.claim).toEqual({ corroboration: { assertingSources: 4, independentSources: 4, anonymousSources: 2 } });
    const seedAirwars = seedJson().statements.filter((s) => s.source === 'src-airwars').map((s) => s.id);
    expect(data.source.statements.map((s) => s.id).sort()).toEqual(['fx-st-airwars-civilian', ...seedAirwars].sort());
  });

  it('reports an ambiguous name instead of guessing', async () => {
    await importBundle(store, { format: 'claimgraph-bundle', version: 1, sources: [{ id: 'src-other-airwars', name: 'Other', kind: 'ORGANIZATION', anonymous: false, aliases: ['Air Wars'] }] }, editor);
    const again = await importBundle(store, { format: 'claimgraph-bundle', version: 1, sources: [{ id: 'src-third', name: 'Airwars', kind: 'ORGANIZATION', anonymous: false, aliases: ['air-wars'] }] }, editor);
    expect(again.matched).toEqual([]);
    expect(again.ambiguous).toEqual([{ kind: 'source', bundleId: 'src-third', candidates: ['src-airwars', 'src-other-airwars'] }]);
  });
});

describe('an article about another event, next to the seed', () => {
  it('changes none of the seed answers and gets its own right', async () => {
    store = await seededStore();
    const question = `{
      undercover: claim(id: "claim-al-masoud-undercover-against-is") { corroboration { assertingSources independentSources contradictedBy } }
      isOfficial: conflicts(claimId: "claim-al-masoud-was-is-official") { totalCount }
      all: conflicts(first: 100) { totalCount }
      sources { totalCount }
    }`;
    const before = (await gql(store, question)).data as { all: { totalCount: number }; sources: { totalCount: number } };
    const report = await importBundle(store, fixture('other-event.bundle.json'), editor);
    expect([report.matched, report.ambiguous]).toEqual([[], []]);
    const after = (await gql(store, question)).data as typeof before;
    expect({ ...after, all: null, sources: null }).toEqual({ ...before, all: null, sources: null });
    expect(after.all.totalCount).toBe(before.all.totalCount + 1);
    expect(after.sources.totalCount).toBe(before.sources.totalCount + 4);

    const own = await gql(store, `{ conflicts(claimId: "ox-claim-closed-for-cracks") { nodes { opposingClaim { id } sources { id } opposingSources { id } } } }`);
    expect(own.data).toEqual({ conflicts: { nodes: [{ opposingClaim: { id: 'ox-claim-closed-for-repairs' }, sources: [{ id: 'ox-engineers' }], opposingSources: [{ id: 'ox-spokesperson' }] }] } });
  });
});

describe('export', () => {
  it('round-trips: export, import into an empty store, export again gives the same bundle', async () => {
    store = await seededStore();
    await importBundle(store, fixture('dumayr-follow-up.bundle.json'), editor);
    await importBundle(store, fixture('other-event.bundle.json'), editor);
    const first = await exportBundle(store);
    const fresh = await emptyStore();
    try {
      const report = await importBundle(fresh, first, { editor: 'someone-else' });
      expect(report.matched).toEqual([]);
      expect(await exportBundle(fresh)).toEqual(first);
      expect(await graphCounts(fresh)).toEqual(await graphCounts(store));
    } finally {
      await fresh.close();
    }
  });

  it('exports one document as a bundle that stands alone', async () => {
    store = await seededStore();
    await importBundle(store, fixture('other-event.bundle.json'), editor);
    const doc = await exportBundle(store, { document: 'ox-doc' });
    expect(checkBundle(doc).problems).toEqual([]);
    expect(doc.sources.map((s) => s.id)).toEqual(['ox-engineers', 'ox-ministry', 'ox-outlet', 'ox-spokesperson']);
    expect(doc.statements).toHaveLength(3);
    expect(doc.links).toHaveLength(1);

    const seedDoc = await exportBundle(store, { document: 'doc-dumayr-report' });
    expect(checkBundle(seedDoc).problems).toEqual([]);
    expect(seedDoc.statements).toHaveLength(seedJson().statements.length);
  });

  it('says NOT_FOUND for an unknown document', async () => {
    store = await seededStore();
    await expect(exportBundle(store, { document: 'doc-nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

it('seeding through the import pipeline is idempotent', async () => {
  store = await emptyStore();
  await seed(store);
  const counts = await graphCounts(store);
  await seed(store);
  expect(await graphCounts(store)).toEqual(counts);
});

describe('loops through records already stored', () => {
  it('refuses an affiliation that closes a cycle with stored ones, and writes nothing', async () => {
    store = await seededStore();
    const before = await graphCounts(store);
    // The seed has the mother under the family; the family under the mother closes a loop.
    const error = await importBundle(store, { format: 'claimgraph-bundle', version: 1, affiliations: [{ source: 'src-al-masoud-family', parent: 'src-sabah-al-sheikh-al-kilani' }] }, editor).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: [{ path: '$.affiliations', expected: 'affiliations without a cycle, counting those already in the graph', got: 'source "src-al-masoud-family" would be affiliated with itself' }] } });
    expect(await graphCounts(store)).toEqual(before);
    expect((await gql(store, `{ source(id: "src-al-masoud-family") { affiliations { id } } }`)).data).toEqual({ source: { affiliations: [] } });
  });

  it('refuses a relay that loops through a stored statement', async () => {
    store = await seededStore();
    const error = await importBundle(store, { format: 'claimgraph-bundle', version: 1, statements: [{ id: 'st-mother-asserts-identified-himself', source: 'src-sabah-al-sheikh-al-kilani', claim: 'claim-al-masoud-identified-himself-as-general-security', stance: 'ASSERTS', reportedVia: 'st-al-masoud-asserts-general-security-member' }] }, editor).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: [expect.objectContaining({ path: '$.statements' })] } });
  });
});

it('reports shape and reference problems together, in one error', async () => {
  store = await seededStore();
  const error = await importBundle(store, { format: 'claimgraph-bundle', version: 1, statements: [{ id: 'st-a', source: 'src-nobody', claim: 'claim-al-masoud-was-civilian', stance: 'SHOUTS' }] }, editor).catch((e: unknown) => e);
  expect((error as { details: { problems: { path: string }[] } }).details.problems.map((p) => p.path)).toEqual(['$.statements[0].stance', '$.statements[0].source']);
});
