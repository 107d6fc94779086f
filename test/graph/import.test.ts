import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBundle } from '../../src/graph/bundle';
import { exportBundle } from '../../src/graph/export';
import { dryRunImport, importBundle, importBundleSet, type ImportReport } from '../../src/graph/import';
import type { Bundle } from '../../src/graph/model';
import { graphCounts, loadSeedBundle, readSeedJson, seed } from '../../src/graph/seed';
import type { GraphStore, Params, Row } from '../../src/store/port';
import { loadQueries, type QueryName } from '../../src/store/queries';
import { emptyStore, gql, RecordingStore, seededStore } from '../helpers';
import { v2, type Raw } from './minimal-bundle';

/*
 * Import is all or nothing, idempotent, updates what changed (moving
 * references, not doubling them), validates against the graph, and resolves
 * sources and entities by name (docs/MODEL.md, "Names"): one record per
 * group, whose id is the smallest of the group, the other ids redirecting to
 * it. Export gives back what was imported. The properties of the rules
 * (order independence, appearances and supersession) are in
 * import-properties.test.ts.
 */

const fixture = (name: string): Raw => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8')) as Raw;
/** A fixture as a version 2 bundle (version 1 fixtures are upgraded as an import reads them). */
const fixtureV2 = (name: string): Bundle => checkBundle(fixture(name)).bundle;
/** The seed as version 2 records, whatever version the seed file is written in. */
const seedV2 = (): Bundle => loadSeedBundle();
const editor = { editor: 'test-editor' };
const T0 = '2031-01-01T00:00:00.000Z';

/** A statement as the store reads it by id: source, claim, appearances, derivation, position. */
async function statementRow(store: GraphStore, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await store.read('statements-by-ids', { ids: [id] });
  return row?.statement as Record<string, unknown> | undefined;
}

async function possibleDuplicates(store: GraphStore): Promise<unknown> {
  const [row] = await store.read('possible-duplicates-page', { label: null, afterKey: null, limit: 1000 });
  return row?.page;
}

/** Everything an import writes: the export, the node counts, the pending duplicates and every statement's position. */
async function snapshot(store: GraphStore): Promise<unknown> {
  const exported = await exportBundle(store);
  const ids = exported.statements.map((s) => s.id);
  const positions = (await store.read('statements-by-ids', { ids })).map((r) => {
    const st = r.statement as Record<string, unknown>;
    return [st.id, st.current, st.supersededBy];
  });
  return { exported, counts: await graphCounts(store), duplicates: await possibleDuplicates(store), positions };
}

let store: GraphStore;
afterEach(() => store?.close());

// ---------------------------------------------------------------------------

/**
 * A bundle that takes every write path of an import against the seed:
 * records new by id, edits of seed records, a source that bridges two
 * stored sources by name (rename and merge), an entity renamed to a smaller
 * id, a generic name (a possible duplicate), derivations and revisions,
 * every kind of claim link, a question, a rating, an assessment.
 */
function everyWritePath(): Raw {
  const seed = seedV2();
  const other = fixtureV2('other-event.bundle.json');
  const nasr = seed.sources.find((s) => s.id === 'src-wassim-nasr')!;
  const claim = seed.claims.find((c) => c.id === 'claim-al-masoud-was-civilian')!;
  const statement = seed.statements.find((s) => s.id === 'st-nasr-asserts-lack-of-coordination')!;
  return v2({
    sources: [
      ...other.sources,
      { ...nasr, description: 'edited in a failed import' },
      // "Airwars" is src-airwars' name and "Soufan Center" src-soufan-center's: the three are one record, ax-bridge the smallest id.
      { id: 'ax-bridge', name: 'Airwars', kind: 'ORGANIZATION', anonymous: false, aliases: ['Soufan Center'] },
      { id: 'ax-family', name: 'The family', kind: 'GROUP', anonymous: false },
    ],
    affiliations: other.affiliations,
    entities: [...other.entities, { id: 'ax-dumayr', name: 'DUMAYR' }],
    documents: [...other.documents, { id: 'ax-doc', title: 'A later report', publishedAt: '2030-05-01' }],
    claims: [...other.claims, { ...claim, about: ['ax-dumayr'] }],
    statements: [
      ...other.statements,
      { ...statement, paraphrase: 'Edited in a failed import.' },
      { id: 'ax-st-1', source: 'ax-family', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', date: '2030-01-01' },
      { id: 'ax-st-2', source: 'ax-family', claim: 'claim-al-masoud-was-civilian', stance: 'WITHDRAWS', date: '2030-02-01', supersedes: ['ax-st-1'] },
      { id: 'ax-st-3', source: 'ax-bridge', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', derivedFrom: 'ax-st-1', appearances: [{ document: 'ax-doc', via: ['ox-outlet'] }] },
    ],
    links: [
      ...other.links,
      { type: 'IMPLIES', from: 'ox-claim-closed-for-cracks', to: 'claim-al-masoud-was-civilian', linkedBy: 'test-editor', reason: 'A test link.' },
      { type: 'SUPPORTS', from: 'ox-claim-closed-for-repairs', to: 'claim-al-masoud-was-civilian', linkedBy: 'test-editor', reason: 'A test link.' },
    ],
    questions: [{ id: 'ax-question', text: 'Why was the bridge closed?', hypotheses: ['ox-claim-closed-for-repairs', 'ox-claim-closed-for-cracks'] }],
    ratings: [{ source: 'ox-outlet', grade: 'C', reason: 'Fairly reliable.', by: 'test-editor', at: '2031-01-01T00:00Z' }],
    assessments: [{ claim: 'ox-claim-closed-for-cracks', verdict: 'TRUE', rating: 5, explanation: 'Engineers confirmed it.', by: 'test-editor', at: '2031-01-01T00:00Z' }],
  });
}

describe('all or nothing', () => {
  /** The real engine, failing after one chosen query as a crash or a lost connection would. */
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

  it('leaves the graph exactly as it was when the write fails after any of its write queries', async () => {
    const queries = loadQueries();
    store = await seededStore();
    const recording = new RecordingStore(store);
    await importBundle(recording, everyWritePath(), editor);
    const writes = [...new Set(recording.calls.filter((c) => queries[c].mode === 'write'))];
    // Every kind of write an import makes is exercised.
    expect(writes).toEqual(
      expect.arrayContaining([
        'rename-source', 'merge-source-into', 'rename-entity', 'create-sources', 'import-sources', 'create-entities', 'create-documents',
        'create-claims', 'import-claims', 'import-affiliations', 'create-statements', 'import-statements', 'create-statement-links',
        'import-contradictions', 'import-supports', 'import-implications', 'import-questions', 'import-ratings', 'import-assessments',
        'create-redirects', 'write-possible-duplicates', 'write-positions',
      ]),
    );
    await store.close();

    for (const at of writes) {
      store = await seededStore();
      const before = await snapshot(store);
      await expect(importBundle(new FailingAt(store, at), everyWritePath(), editor)).rejects.toThrow(`injected failure after ${at}`);
      // The query named, so that a failure says which write was left behind.
      expect({ at, state: await snapshot(store) }).toEqual({ at, state: before });
      await store.close();
    }
    store = await emptyStore();
  }, 180_000);
});

describe('invalid bundles', () => {
  const badV1 = (mutate: (b: Raw) => void): Raw => {
    const b = fixture('other-event.bundle.json');
    mutate(b);
    return b;
  };
  const badV2 = (mutate: (b: Raw) => void): Raw => {
    const b = fixtureV2('other-event.bundle.json') as unknown as Raw;
    mutate(b);
    return b;
  };

  it.each([
    // Version 1 bundles are checked at version 1 paths, with version 1's stances.
    ['v1: an unknown stance', badV1((b) => void (b.statements[0].stance = 'SHOUTS')), '$.statements[0].stance', 'ox-st-spokesperson-repairs', 'one of ASSERTS, DENIES, HEDGES, NO_RESPONSE, NOT_ACKNOWLEDGED'],
    ['v1: a statement naming a source in neither the bundle nor the graph', badV1((b) => void (b.statements[1].source = 'src-nobody')), '$.statements[1].source', 'ox-st-engineers-cracks', 'the id of a source in the bundle or the graph'],
    ['v1: a duplicate id', badV1((b) => void b.claims.push({ ...b.claims[0] })), '$.claims[2].id', 'ox-claim-closed-for-repairs', 'an id not used before in claims'],
    ['v1: a quote that is not a string', badV1((b) => void (b.statements[0].quote = 42)), '$.statements[0].quote', 'ox-st-spokesperson-repairs', 'a non-empty string or null'],
    ['v1: a document without title', badV1((b) => void delete b.documents[0].title), '$.documents[0].title', 'ox-doc', 'a non-empty string'],
    // Version 2 adds its own rules.
    ['v2: a stance v2 does not know', badV2((b) => void (b.statements[0].stance = 'SHOUTS')), '$.statements[0].stance', 'ox-st-spokesperson-repairs', 'WITHDRAWS'],
    ['v2: hedging words on a silence', badV2((b) => void (b.statements[2].hedge = 'perhaps')), '$.statements[2].hedge', 'ox-st-ministry-cracks', 'only on an ASSERTS or DENIES'],
    ['v2: a date that is not ISO 8601', badV2((b) => void (b.statements[1].date = 'Tuesday')), '$.statements[1].date', 'ox-st-engineers-cracks', 'ISO 8601'],
    ['v2: an appearance in an unknown document', badV2((b) => void (b.statements[1].appearances = [{ document: 'doc-nowhere' }])), '$.statements[1].appearances[0].document', 'ox-st-engineers-cracks', 'the id of a document in the bundle or the graph'],
    ['v2: a statement derived from itself', badV2((b) => void (b.statements[1].derivedFrom = 'ox-st-engineers-cracks')), '$.statements[1].derivedFrom', 'ox-st-engineers-cracks', 'another statement'],
    ['v2: a revision of another source\'s statement', badV2((b) => void (b.statements[1].supersedes = ['ox-st-spokesperson-repairs'])), '$.statements[1].supersedes[0]', 'ox-st-engineers-cracks', 'same source'],
  ])('rejects %s with its path, the record id, expected and got, and writes nothing', async (_, bundle, path, id, expected) => {
    store = await seededStore();
    const before = await snapshot(store);
    const error = await importBundle(store, bundle, editor).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: expect.arrayContaining([expect.objectContaining({ path, id, expected: expect.stringContaining(expected) })]) } });
    expect(await snapshot(store)).toEqual(before);
  });

  it('accepts references to records already in the graph, in both versions', async () => {
    store = await seededStore();
    const v1 = await importBundle(store, { format: 'claimgraph-bundle', version: 1, statements: [{ id: 'st-x', source: 'src-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'DENIES' }] }, editor);
    expect(v1.statements).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const second = await importBundle(store, v2({ statements: [{ id: 'st-y', source: 'src-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', appearances: [{ document: 'doc-dumayr-report', via: ['src-emily-tripp'] }], derivedFrom: 'st-x' }] }), editor);
    expect(second.statements).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it('reports shape and reference problems together, in one error', async () => {
    store = await seededStore();
    const error = await importBundle(store, { format: 'claimgraph-bundle', version: 1, statements: [{ id: 'st-a', source: 'src-nobody', claim: 'claim-al-masoud-was-civilian', stance: 'SHOUTS' }] }, editor).catch((e: unknown) => e);
    expect((error as { details: { problems: { path: string; id: string }[] } }).details.problems.map((p) => [p.path, p.id])).toEqual([
      ['$.statements[0].stance', 'st-a'],
      ['$.statements[0].source', 'st-a'],
    ]);
  });
});

describe('idempotence and updates', () => {
  const noWrites = (recording: RecordingStore): string[] => {
    const queries = loadQueries();
    return recording.calls.filter((c) => queries[c].mode === 'write');
  };
  const allUnchanged = (report: ImportReport): boolean =>
    (['sources', 'entities', 'documents', 'claims', 'statements', 'affiliations', 'links', 'questions', 'ratings', 'assessments'] as const).every(
      (k) => report[k].created === 0 && report[k].updated === 0,
    );

  it('re-importing the seed, as written or as upgraded, reports everything unchanged and runs no write', async () => {
    store = await seededStore();
    for (const bundle of [readSeedJson(), seedV2()]) {
      const recording = new RecordingStore(store);
      const report = await importBundle(recording, bundle, editor);
      expect(allUnchanged(report)).toBe(true);
      expect(report.statements.unchanged).toBe(seedV2().statements.length);
      expect(noWrites(recording)).toEqual([]);
    }
  });

  it('re-importing a set with merges, redirects, revisions, questions, ratings and assessments writes nothing the second time', async () => {
    store = await seededStore();
    const first = await importBundle(store, everyWritePath(), editor);
    expect(first.matched.length).toBeGreaterThan(0);
    const recording = new RecordingStore(store);
    const before = await snapshot(store);
    const again = await importBundle(recording, everyWritePath(), { editor: 'someone-else', now: T0 });
    expect(allUnchanged(again)).toBe(true);
    expect(noWrites(recording)).toEqual([]);
    expect(await snapshot(store)).toEqual(before);
  });

  it('moves a statement whose source, appearances or derivation changed, instead of doubling its links', async () => {
    store = await seededStore();
    await importBundle(store, v2({ statements: [{ id: 'st-extra', source: 'src-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', derivedFrom: 'st-airwars-asserts-us-operation-killed', appearances: [{ document: 'doc-dumayr-report', via: ['src-emily-tripp'] }] }] }), editor);
    const edited = seedV2();
    const st = edited.statements.find((s) => s.id === 'st-al-masoud-asserts-general-security-member')!;
    Object.assign(st, { source: 'src-sabah-al-sheikh-al-kilani', appearances: [] });
    const moved = { id: 'st-extra', source: 'src-soufan-center', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', derivedFrom: 'st-family-asserts-undercover', appearances: [] };
    const report = await importBundle(store, v2({ ...edited, statements: [...edited.statements, moved] }), editor);
    expect(report.statements).toEqual({ created: 0, updated: 2, unchanged: edited.statements.length - 1 });
    expect(await statementRow(store, st.id)).toMatchObject({ source: 'src-sabah-al-sheikh-al-kilani', appearances: [], derivedFrom: null });
    expect(await statementRow(store, 'st-extra')).toMatchObject({ source: 'src-soufan-center', appearances: [], derivedFrom: 'st-family-asserts-undercover' });
    const result = await gql(store, `{ son: source(id: "src-khaled-al-masoud") { statements { id } } airwars: source(id: "src-airwars") { statements { id } } }`);
    expect(result.data).toEqual({ son: { statements: [] }, airwars: { statements: expect.not.arrayContaining([{ id: 'st-extra' }]) } });
    // The document lost the two appearances, once each.
    const doc = await gql(store, `{ document(id: "doc-dumayr-report") { statementsConnection { totalCount } } }`);
    expect(doc.data).toEqual({ document: { statementsConnection: { totalCount: seedV2().statements.length - 1 } } });
  });

  it("replaces a claim's entities and a document's publisher when they change", async () => {
    store = await seededStore();
    const edited = seedV2();
    edited.claims[0]!.about = ['ent-dumayr'];
    edited.documents[0]!.publisher = 'src-airwars';
    const report = await importBundle(store, edited, editor);
    expect([report.claims.updated, report.documents.updated]).toEqual([1, 1]);
    const result = await gql(store, `query($id: ID!) { claim(id: $id) { about { id } } document(id: "doc-dumayr-report") { publisher { id } } }`, { id: edited.claims[0]!.id });
    expect(result.data).toEqual({ claim: { about: [{ id: 'ent-dumayr' }] }, document: { publisher: { id: 'src-airwars' } } });
  });

  it('replaces a description the record gave before, and a null clears it', async () => {
    store = await seededStore();
    const airwars = seedV2().sources.find((s) => s.id === 'src-airwars')!;
    const read = async () => ((await gql(store, `{ source(id: "src-airwars") { description aliases } }`)).data as { source: unknown }).source;
    expect((await importBundle(store, v2({ sources: [{ ...airwars, description: 'New words.' }] }), editor)).sources.updated).toBe(1);
    expect(await read()).toEqual({ description: 'New words.', aliases: [] });
    expect((await importBundle(store, v2({ sources: [{ ...airwars, description: null }] }), editor)).sources.updated).toBe(1);
    expect(await read()).toEqual({ description: null, aliases: [] });
  });

  it('records who created and who last changed a record, and keeps the creation on update', async () => {
    store = await emptyStore();
    await importBundle(store, readSeedJson(), { editor: 'alice', now: '2026-01-01T00:00:00.000Z' });
    const edited = seedV2();
    edited.claims[0]!.text = `${edited.claims[0]!.text} (edited)`;
    await importBundle(store, edited, { editor: 'bob', now: '2026-02-01T00:00:00.000Z' });
    const exported = await exportBundle(store);
    const recordOf = (id: string) => exported.claims.find((c) => c.id === id)?.recorded;
    expect(recordOf(edited.claims[0]!.id)).toEqual({ createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'alice', updatedAt: '2026-02-01T00:00:00.000Z', updatedBy: 'bob' });
    expect(recordOf(edited.claims[1]!.id)).toEqual({ createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'alice', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'alice' });
  });

  it('computes the same report in a dry run without writing anything, possible duplicates and name matches included', async () => {
    store = await seededStore();
    const before = await snapshot(store);
    const dry = await dryRunImport(store, everyWritePath(), editor);
    expect(await snapshot(store)).toEqual(before);
    expect(dry.possibleDuplicates.length).toBeGreaterThan(0);
    expect(dry.matched.length).toBeGreaterThan(0);
    expect(await importBundle(store, everyWritePath(), editor)).toEqual(dry);
  });

  it('computes the same report for a set in a dry run (no bundle, files instead) as the import of the set', async () => {
    store = await seededStore();
    const files = [
      { name: 'b.json', json: v2({ statements: [{ id: 'zz-st', source: 'zz-src', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS' }] }) },
      { name: 'a.json', json: v2({ sources: [{ id: 'zz-src', name: 'A new outlet', kind: 'ORGANIZATION', anonymous: false }] }) },
    ];
    const dry = await dryRunImport(store, null, editor, files);
    expect(await importBundleSet(store, files, editor)).toEqual(dry);
    expect([dry.sources.created, dry.statements.created]).toEqual([1, 1]);
  });
});

describe('a second article about the same raid links into the first', () => {
  let report: ImportReport;
  beforeEach(async () => {
    store = await seededStore();
    report = await importBundle(store, fixture('dumayr-follow-up.bundle.json'), editor);
  });

  it('joins the named source and the entity by name, never an anonymous group, and reports both', () => {
    // "AIRWARS" and the seed's "Airwars" share the key "airwars": one record, under the smaller id, fx-airwars.
    // "khaled al masoud" and the seed's "Khaled al-Masoud" likewise, under ent-khaled-al-masoud.
    expect(report.matched).toEqual([
      { kind: 'source', bundleId: 'fx-airwars', graphId: 'fx-airwars', key: 'airwars' },
      { kind: 'entity', bundleId: 'fx-al-masoud', graphId: 'ent-khaled-al-masoud', key: 'khaled al masoud' },
    ]);
    // New: the neighbour and the anonymous officials; updated: the stored Airwars, renamed to fx-airwars.
    expect(report.sources).toEqual({ created: 2, updated: 1, unchanged: 0 });
    expect(report.entities).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('keeps the old id resolving, with the name of the smallest id and every other name as an alias', async () => {
    const result = await gql(store, `{ old: source(id: "src-airwars") { id name aliases } new: source(id: "fx-airwars") { id } entity(id: "fx-al-masoud") { id name aliases } }`);
    expect(result.data).toEqual({
      old: { id: 'fx-airwars', name: 'AIRWARS', aliases: ['Airwars'] },
      new: { id: 'fx-airwars' },
      entity: { id: 'ent-khaled-al-masoud', name: 'Khaled al-Masoud', aliases: ['al-Masoud', 'khaled al masoud'] },
    });
    const exported = await exportBundle(store);
    expect(exported.sources.find((s) => s.id === 'fx-airwars')?.formerIds).toEqual(['src-airwars']);
    expect(exported.entities.find((e) => e.id === 'ent-khaled-al-masoud')?.formerIds).toEqual(['fx-al-masoud']);
  });

  it("attaches the new statements to the seed's claims and sources, and corroboration counts them", async () => {
    const result = await gql(store, `{ claim(id: "claim-al-masoud-undercover-against-is") { corroboration { assertingSources independentSources anonymousSources } } source(id: "src-airwars") { statements { id } } }`);
    const data = result.data as { claim: unknown; source: { statements: { id: string }[] } };
    // The family, the three Syrian officials (under the interim government), the new neighbour, and the fixture's
    // anonymous officials (never matched by name, no parent): four asserting sources, four clusters, two anonymous.
    expect(data.claim).toEqual({ corroboration: { assertingSources: 4, independentSources: 4, anonymousSources: 2 } });
    const seedAirwars = seedV2().statements.filter((s) => s.source === 'src-airwars').map((s) => s.id);
    expect(data.source.statements.map((s) => s.id).sort()).toEqual(['fx-st-airwars-civilian', ...seedAirwars].sort());
  });

  it('resolves a later bundle that still uses the merged id, and reports the record unchanged', async () => {
    const again = await importBundle(
      store,
      v2({
        // The seed's record as the seed has it: its description is the group's (src-airwars is the smallest id with one).
        sources: [seedV2().sources.find((s) => s.id === 'src-airwars')],
        statements: [{ id: 'fx-st-later', source: 'src-airwars', claim: 'claim-killing-was-a-mistake', stance: 'ASSERTS' }],
      }),
      editor,
    );
    expect(again.matched).toEqual([{ kind: 'source', bundleId: 'src-airwars', graphId: 'fx-airwars', key: 'id' }]);
    expect(again.sources).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await statementRow(store, 'fx-st-later')).toMatchObject({ source: 'fx-airwars' });
  });
});

describe('names: transitive matches, generic names, merged ids', () => {
  it('merges every stored record a name matches into one, under the smallest id', async () => {
    store = await seededStore();
    await importBundle(store, v2({ sources: [{ id: 'src-other-airwars', name: 'Other', kind: 'ORGANIZATION', anonymous: false, aliases: ['Air Wars'] }] }), editor);
    // "Airwars" is the seed's key "airwars", "air-wars" the key "air wars" of src-other-airwars' alias: the three are one.
    const again = await importBundle(store, v2({ sources: [{ id: 'src-third', name: 'Airwars', kind: 'ORGANIZATION', anonymous: false, aliases: ['air-wars'] }] }), editor);
    expect(again.matched).toEqual([{ kind: 'source', bundleId: 'src-third', graphId: 'src-airwars', key: 'airwars' }]);
    expect(again.sources).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const exported = await exportBundle(store);
    expect(exported.sources.filter((s) => ['src-airwars', 'src-other-airwars', 'src-third'].includes(s.id))).toEqual([
      expect.objectContaining({ id: 'src-airwars', name: 'Airwars', aliases: ['Air Wars', 'Other', 'air-wars'], formerIds: ['src-other-airwars', 'src-third'] }),
    ]);
    // The seed's member of Airwars is still its member.
    expect(exported.affiliations).toContainEqual(expect.objectContaining({ source: 'src-emily-tripp', parent: 'src-airwars' }));
  });

  it('bridges two stored records, moving their statements, affiliations and redirects to the smallest id', async () => {
    store = await seededStore();
    const seedStatements = seedV2().statements;
    const report = await importBundle(store, v2({ sources: [{ id: 'src-aaa-bridge', name: 'Airwars', kind: 'ORGANIZATION', anonymous: false, aliases: ['Soufan Center'] }] }), editor);
    expect(report.matched).toEqual([{ kind: 'source', bundleId: 'src-aaa-bridge', graphId: 'src-aaa-bridge', key: 'airwars' }]);
    const result = await gql(store, `{ a: source(id: "src-airwars") { id name aliases statements { id } members { source { id } } } b: source(id: "src-soufan-center") { id } }`);
    const expected = seedStatements.filter((s) => s.source === 'src-airwars' || s.source === 'src-soufan-center').map((s) => ({ id: s.id }));
    const data = result.data as { a: { id: string; name: string; aliases: string[]; statements: { id: string }[]; members: { source: { id: string } }[] }; b: { id: string } };
    expect(data.a.id).toBe('src-aaa-bridge');
    expect(data.b.id).toBe('src-aaa-bridge');
    expect(data.a.name).toBe('Airwars');
    expect(data.a.aliases).toEqual(['Soufan Center', 'the Soufan Center']);
    expect(data.a.statements).toEqual(expect.arrayContaining(expected));
    expect(data.a.statements).toHaveLength(expected.length);
    expect(data.a.members.map((m) => m.source.id).sort()).toEqual(['src-emily-tripp', 'src-wassim-nasr']);
    expect((await exportBundle(store)).sources.find((s) => s.id === 'src-aaa-bridge')?.formerIds).toEqual(['src-airwars', 'src-soufan-center']);
  });

  it('never merges a generic name, and lists it as a possible duplicate in the import, the dry run and the graph', async () => {
    store = await seededStore();
    const bundle = v2({ sources: [{ id: 'zz-family', name: 'The family', kind: 'GROUP', anonymous: false }] });
    // The seed's family has the alias "the family": the generic key "family".
    const pair = { label: 'Source', a: 'src-al-masoud-family', b: 'zz-family', reason: 'GENERIC_NAME', key: 'family', score: null };
    const dry = await dryRunImport(store, bundle, editor);
    expect([dry.matched, dry.possibleDuplicates]).toEqual([[], [pair]]);
    const report = await importBundle(store, bundle, editor);
    expect([report.matched, report.possibleDuplicates, report.sources]).toEqual([[], [pair], { created: 1, updated: 0, unchanged: 0 }]);
    const listed = await gql(store, `{ possibleDuplicates(kind: SOURCE) { nodes { kind a b reason key rejected } } family: source(id: "src-al-masoud-family") { aliases } zz: source(id: "zz-family") { id name } }`);
    expect(listed.data).toEqual({
      possibleDuplicates: { nodes: [{ kind: 'SOURCE', a: 'src-al-masoud-family', b: 'zz-family', reason: 'GENERIC_NAME', key: 'family', rejected: false }] },
      family: { aliases: ['his family', 'relatives', 'the family'] },
      zz: { id: 'zz-family', name: 'The family' },
    });
    // Imported again: still two records, the pair listed once.
    await importBundle(store, bundle, editor);
    expect(await possibleDuplicates(store)).toHaveLength(1);
    // Rejected by an editor: no later import lists it again, and the graph keeps it rejected.
    const rejected = await gql(store, `mutation { rejectDuplicate(kind: SOURCE, a: "src-al-masoud-family", b: "zz-family") { rejected } }`, {}, 'test-editor');
    expect(rejected.data).toEqual({ rejectDuplicate: { rejected: true } });
    const later = await importBundle(store, bundle, editor);
    expect([later.possibleDuplicates, await possibleDuplicates(store)]).toEqual([[], []]);
  });

  it('resolves ids merged by an editor, for sources, entities and claims', async () => {
    store = await seededStore();
    const merge = (kind: 'Sources' | 'Entities' | 'Claims', keep: string, merged: string) =>
      gql(store, `mutation { merge${kind}(keep: "${keep}", merge: "${merged}") { id } }`, {}, 'test-editor');
    for (const result of [
      await merge('Sources', 'src-syrian-interim-government', 'src-syrian-free-army'),
      await merge('Entities', 'ent-syria', 'ent-damascus'),
      await merge('Claims', 'claim-al-masoud-undercover-against-is', 'claim-al-masoud-infiltrated-is-in-badiya'),
    ]) expect(result.errors).toBeUndefined();
    const report = await importBundle(
      store,
      v2({
        claims: [{ id: 'zz-claim', text: 'Something about Damascus.', about: ['ent-damascus'] }],
        statements: [{ id: 'zz-st', source: 'src-syrian-free-army', claim: 'claim-al-masoud-infiltrated-is-in-badiya', stance: 'DENIES' }],
      }),
      editor,
    );
    expect(report.statements.created).toBe(1);
    expect(await statementRow(store, 'zz-st')).toMatchObject({ source: 'src-syrian-interim-government', claim: 'claim-al-masoud-undercover-against-is' });
    const about = await gql(store, `{ claim(id: "zz-claim") { about { id } } }`);
    expect(about.data).toEqual({ claim: { about: [{ id: 'ent-syria' }] } });

    // A link between a claim and an id merged into it would link the claim to itself: an import
    // leaves it out (as the merge dropped their link), and linkClaims refuses it.
    const linked = await importBundle(store, v2({ links: [{ type: 'SUPPORTS', from: 'claim-al-masoud-infiltrated-is-in-badiya', to: 'claim-al-masoud-undercover-against-is', linkedBy: 'test-editor', reason: 'As before the merge.' }] }), editor);
    expect(linked.links).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await exportBundle(store)).links.filter((l) => l.from === l.to)).toEqual([]);
    const refused = await gql(store, `mutation { linkClaims(type: SUPPORTS, from: "claim-al-masoud-undercover-against-is", to: "claim-al-masoud-infiltrated-is-in-badiya", reason: "Self.") { from { id } } }`, {}, 'test-editor');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ path: 'to', expected: 'a claim other than `from`' })] });
  });
});

describe('positions over time on import', () => {
  it('a later statement of the same source supersedes the earlier one, which then counts nowhere', async () => {
    store = await emptyStore();
    // Spring: the ministry says the strike killed a commander; autumn: its inquiry finds he was a civilian.
    await importBundle(
      store,
      v2({
        sources: [
          { id: 'm', name: 'Ministry of Example', kind: 'ORGANIZATION', anonymous: false },
          { id: 'w', name: 'Example Watch', kind: 'ORGANIZATION', anonymous: false },
        ],
        claims: [
          { id: 'c-commander', text: 'The man killed was a militant commander.' },
          { id: 'c-civilian', text: 'The man killed was a civilian.' },
        ],
        links: [{ type: 'CONTRADICTS', from: 'c-commander', to: 'c-civilian', linkedBy: 'test-editor', reason: 'Not both.' }],
        statements: [
          { id: 's-spring', source: 'm', claim: 'c-commander', stance: 'ASSERTS', date: '2025-04-02' },
          { id: 's-watch', source: 'w', claim: 'c-civilian', stance: 'ASSERTS', date: '2025-05-10' },
        ],
      }),
      editor,
    );
    const ask = async () =>
      (await gql(store, `{ a: claim(id: "c-commander") { status corroboration { assertingSources contradictedBy } } b: claim(id: "c-civilian") { status corroboration { assertingSources contradictedBy } } }`)).data;
    expect(await ask()).toEqual({
      a: { status: 'CONTESTED', corroboration: { assertingSources: 1, contradictedBy: 1 } },
      b: { status: 'CONTESTED', corroboration: { assertingSources: 1, contradictedBy: 1 } },
    });
    await importBundle(store, v2({ statements: [{ id: 's-autumn', source: 'm', claim: 'c-civilian', stance: 'ASSERTS', date: '2025-10-20' }] }), editor);
    // Rule 4: both ASSERTS of contradicting claims, the autumn one strictly later: the spring one is superseded.
    expect(await statementRow(store, 's-spring')).toMatchObject({ current: false, supersededBy: { id: 's-autumn', reason: 'CONTRADICTING_CLAIM' } });
    // The commander claim: nobody asserts it any more; the civilian claim: two independent sources, nobody against.
    expect(await ask()).toEqual({
      a: { status: 'CONTESTED', corroboration: { assertingSources: 0, contradictedBy: 2 } },
      b: { status: 'CORROBORATED', corroboration: { assertingSources: 2, contradictedBy: 0 } },
    });
  });

  it('a withdrawal leaves the source with no position, counted only as withdrawn', async () => {
    store = await emptyStore();
    await importBundle(
      store,
      v2({
        sources: [{ id: 'm', name: 'Ministry of Example', kind: 'ORGANIZATION', anonymous: false }],
        claims: [{ id: 'c', text: 'The strike killed a commander.' }],
        statements: [
          { id: 's1', source: 'm', claim: 'c', stance: 'ASSERTS' },
          { id: 's2', source: 'm', claim: 'c', stance: 'WITHDRAWS', date: '2025-09-01' },
        ],
      }),
      editor,
    );
    // Rule 3: an undated statement is not strictly after the withdrawal, so it is taken back.
    expect(await statementRow(store, 's1')).toMatchObject({ current: false, supersededBy: { id: 's2', reason: 'WITHDRAWN' } });
    const result = await gql(store, `{ claim(id: "c") { status corroboration { assertingSources withdrawnSources } } }`);
    expect(result.data).toEqual({ claim: { status: 'UNVERIFIED', corroboration: { assertingSources: 0, withdrawnSources: 1 } } });
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
    // No name of the other event is a seed name, none is generic, and no skeleton is shared.
    expect([report.matched, report.possibleDuplicates]).toEqual([[], []]);
    const after = (await gql(store, question)).data as typeof before;
    expect({ ...after, all: null, sources: null }).toEqual({ ...before, all: null, sources: null });
    expect(after.all.totalCount).toBe(before.all.totalCount + 1);
    expect(after.sources.totalCount).toBe(before.sources.totalCount + 4);

    const own = await gql(store, `{ conflicts(claimId: "ox-claim-closed-for-cracks") { nodes { kind opposingClaim { id } sources { id } opposingSources { id } } } }`);
    expect(own.data).toEqual({ conflicts: { nodes: [{ kind: 'CONTRADICTING_CLAIMS', opposingClaim: { id: 'ox-claim-closed-for-repairs' }, sources: [{ id: 'ox-engineers' }], opposingSources: [{ id: 'ox-spokesperson' }] }] } });
  });
});

describe('export', () => {
  it('round-trips byte for byte in version 2: questions, ratings, assessments and redirects included', async () => {
    store = await seededStore();
    await importBundle(store, fixture('dumayr-follow-up.bundle.json'), editor);
    await importBundle(store, fixture('other-event.bundle.json'), editor);
    await importBundle(store, everyWritePath(), editor);
    const first = await exportBundle(store);
    expect(first.version).toBe(2);
    // What must survive the trip, not only be equal: redirects, questions, judgements, revisions, derivations, intermediaries.
    expect(first.sources.find((s) => s.id === 'ax-bridge')?.formerIds).toEqual(['fx-airwars', 'src-airwars', 'src-soufan-center']);
    expect(first.questions.map((q) => q.id).sort()).toEqual(['ax-question', 'question-who-was-al-masoud']);
    expect([first.ratings.length, first.assessments.length]).toEqual([1, 1]);
    expect(first.statements.find((s) => s.id === 'ax-st-2')).toMatchObject({ stance: 'WITHDRAWS', supersedes: ['ax-st-1'] });
    expect(first.statements.find((s) => s.id === 'ax-st-3')).toMatchObject({ derivedFrom: 'ax-st-1', appearances: [{ document: 'ax-doc', via: [{ source: 'ox-outlet', document: null }] }] });
    expect(first.links.filter((l) => l.type === 'IMPLIES')).toHaveLength(1);

    const fresh = await emptyStore();
    try {
      const report = await importBundle(fresh, first, { editor: 'someone-else' });
      expect(report.matched).toEqual([]);
      const second = await exportBundle(fresh);
      expect(JSON.stringify(second, null, 2)).toBe(JSON.stringify(first, null, 2));
      expect(await graphCounts(fresh)).toEqual(await graphCounts(store));
      // The redirects work in the copy too.
      const old = await gql(fresh, `{ source(id: "src-soufan-center") { id } }`);
      expect(old.data).toEqual({ source: { id: 'ax-bridge' } });
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
    // Questions and judgements are editors' work on the whole graph: not in a document's export.
    expect([doc.questions, doc.ratings, doc.assessments]).toEqual([[], [], []]);

    const seedDoc = await exportBundle(store, { document: 'doc-dumayr-report' });
    expect(checkBundle(seedDoc).problems).toEqual([]);
    expect(seedDoc.statements).toHaveLength(seedV2().statements.length);
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
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: [{ path: '$.affiliations', id: 'src-al-masoud-family', expected: 'affiliations without a cycle, counting those already in the graph', got: 'source "src-al-masoud-family" would be affiliated with itself' }] } });
    expect(await graphCounts(store)).toEqual(before);
    expect((await gql(store, `{ source(id: "src-al-masoud-family") { affiliations { id } } }`)).data).toEqual({ source: { affiliations: [] } });
  });

  it('accepts a version 1 relay that names a stored statement: the chain is cut at the edge of the bundle, with a note', async () => {
    // The seed as version 1 coded it (test/seed/dumayr-v1.bundle.json), imported as such.
    const seedV1 = JSON.parse(readFileSync(join(__dirname, '..', 'seed', 'dumayr-v1.bundle.json'), 'utf8')) as Raw;
    store = await emptyStore();
    await importBundle(store, seedV1, editor);
    const before = await snapshot(store);
    // Version 1 would have closed a relay loop (the son's statement is relayed by the mother's). Version 2
    // stores no relay: the mother's record upgrades to what is stored, and its chain leaves the bundle.
    const mother = seedV1.statements.find((s: Raw) => s.id === 'st-mother-asserts-identified-himself');
    const report = await importBundle(store, { format: 'claimgraph-bundle', version: 1, statements: [{ ...mother, reportedVia: 'st-al-masoud-asserts-general-security-member' }] }, editor);
    expect(report.statements).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.notes).toEqual([expect.stringMatching(/^\$\.statements\[0\] \(id "st-mother-asserts-identified-himself"\): its relay "st-al-masoud-asserts-general-security-member" is not in this bundle or set/)]);
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses a derivation or a revision that loops through a stored statement, and writes nothing', async () => {
    store = await seededStore();
    await importBundle(store, v2({ statements: [{ id: 'st-copy', source: 'src-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', derivedFrom: 'st-airwars-asserts-us-operation-killed', supersedes: [] }] }), editor);
    const before = await snapshot(store);
    // The seed statement re-sent as derived from the copy: a loop through a stored statement.
    const original = seedV2().statements.find((s) => s.id === 'st-airwars-asserts-us-operation-killed')!;
    const derived = await importBundle(store, v2({ statements: [{ ...original, derivedFrom: 'st-copy' }] }), editor).catch((e: unknown) => e);
    expect(derived).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: [expect.objectContaining({ path: '$.statements[0].derivedFrom', id: 'st-airwars-asserts-us-operation-killed', expected: 'derivations that end, counting those already in the graph' })] },
    });
    // A revision of another source's stored statement.
    const foreign = await importBundle(store, v2({ statements: [{ id: 'st-rev', source: 'src-soufan-center', claim: 'claim-al-masoud-was-civilian', stance: 'DENIES', supersedes: ['st-copy'] }] }), editor).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: [expect.objectContaining({ path: '$.statements[0].supersedes', id: 'st-rev', expected: expect.stringMatching(/^a revision of a statement by the same source \(a source that speaks for another/) })] } });
    expect(await snapshot(store)).toEqual(before);
  });
});
