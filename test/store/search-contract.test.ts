import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrafeoDB } from '@grafeo-db/js';
import { deleteConfirmed, previewDeletion } from '../../src/graph/editing';
import { importBundle } from '../../src/graph/import';
import { nameKey, nameSearchWords, NAME_KEYS_VERSION, searchQueryTokens, searchTerms, searchText, searchWords } from '../../src/graph/names';
import { skeletonKeys } from '../../src/graph/resolve';
import { openGraphStore } from '../../src/graph/name-keys';
import { readStoreModel } from '../../src/store/model-version';
import { connectStore, openStore } from '../../src/store/open';
import type { GraphStore } from '../../src/store/port';
import { loadQueries } from '../../src/store/queries';
import { SEARCH_LABELS, type SearchLabel } from '../../src/store/search-port';
import { neo4jTestConfig, openTestStore } from '../engine';
import { gql } from '../helpers';

/*
 * The search port's contract (src/store/search-port.ts), one suite run on
 * every engine this machine reaches: the embedded one always, Neo4j when
 * NEO4J_URI is set (test/engine.ts). Each engine's full-text index must find
 * what the write path wrote, in the same transaction's commit, and nothing a
 * rolled-back transaction wrote; follow updates and deletions; find every
 * spelling the ranking scores (exact word, prefix, skeleton); and give the
 * same candidates for the same store (ties by id).
 */

const editor = { editor: 'search-contract@example.org' };

const ENGINES: [string, () => Promise<GraphStore>][] = [['embedded', () => openStore({ engine: 'embedded', path: null })]];
if (neo4jTestConfig() !== null) ENGINES.push(['neo4j', () => openTestStore()]);
else console.log('search contract: the Neo4j leg did NOT run: NEO4J_URI is not set (README, "Testing on Neo4j").');

/** What the API asks an index for, for a query typed by a user. */
const tokensOf = (query: string, names = false): string[] => searchQueryTokens(searchTerms(query, { names }));

const bundle = () => ({
  format: 'claimgraph-bundle',
  version: 2,
  sources: [
    { id: 'src-kyiv-post', name: 'Kyiv Post', kind: 'ORGANIZATION', anonymous: false },
    { id: 'src-zelensky', name: 'Volodymyr Zelensky', kind: 'PERSON', anonymous: false, aliases: ['Wołodymyr Zełenski'] },
  ],
  entities: [{ id: 'ent-kuznetsov', name: 'Kuznetsov', aliases: [] }],
  documents: [{ id: 'doc-address', title: 'Evening address to the nation', publisher: 'src-kyiv-post' }],
  claims: [
    { id: 'claim-bridge', text: 'The Kerch bridge was damaged.', about: ['ent-kuznetsov'] },
    { id: 'claim-grain', text: 'Grain shipments resumed.' },
  ],
  statements: [
    { id: 'st-1', source: 'src-zelensky', claim: 'claim-bridge', stance: 'ASSERTS', quote: 'The bridge is damaged beyond repair', appearances: [{ document: 'doc-address' }] },
  ],
});

const idsOf = async (store: GraphStore, label: SearchLabel, query: string, limit = 10): Promise<string[]> =>
  (await store.textSearch(label, tokensOf(query, label === 'Source' || label === 'Entity'), limit)).map((hit) => hit.id);

describe.each(ENGINES)('search port on %s', (_engine, open) => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await open();
    await importBundle(store, bundle(), editor);
  });
  afterEach(() => store.close());

  it('finds what an import wrote, on every searchable label', async () => {
    expect(await idsOf(store, 'Claim', 'bridge')).toEqual(['claim-bridge']);
    expect(await idsOf(store, 'Statement', 'repair')).toEqual(['st-1']);
    expect(await idsOf(store, 'Source', 'Kyiv Post')).toEqual(['src-kyiv-post']);
    expect(await idsOf(store, 'Entity', 'Kuznetsov')).toEqual(['ent-kuznetsov']);
    expect(await idsOf(store, 'Document', 'evening address')).toEqual(['doc-address']);
    expect(await idsOf(store, 'Claim', 'volcano')).toEqual([]);
  });

  it('finds every spelling the ranking scores: an alias, another transliteration (skeleton), a prefix', async () => {
    expect(await idsOf(store, 'Source', 'Zełenski')).toEqual(['src-zelensky']); // the alias as written
    expect(await idsOf(store, 'Source', 'Zelenskyy')).toEqual(['src-zelensky']); // a spelling in no record: by skeleton
    expect(await idsOf(store, 'Source', 'Zel')).toEqual(['src-zelensky']); // a prefix of 3 letters
    expect(await idsOf(store, 'Source', 'Volodym')).toEqual(['src-zelensky']); // a prefix longer than the indexed ones
    expect(await idsOf(store, 'Entity', 'Kuznecov')).toEqual(['ent-kuznetsov']);
    // Two letters are no prefix: nothing the ranking would score.
    expect(await idsOf(store, 'Source', 'Ze')).toEqual([]);
  });

  it('finds words of other scripts, whole and by prefix (Cyrillic, Arabic)', async () => {
    const other = bundle();
    other.claims.push({ id: 'claim-cyrillic', text: 'Зеленский выступил с обращением.' }, { id: 'claim-arabic', text: 'قال أبو محمد الجولاني' });
    await importBundle(store, other, editor);
    expect(await idsOf(store, 'Claim', 'Зеленский')).toEqual(['claim-cyrillic']);
    expect(await idsOf(store, 'Claim', 'обращ')).toEqual(['claim-cyrillic']);
    expect(await idsOf(store, 'Claim', 'الجولاني')).toEqual(['claim-arabic']);
  });

  it('follows an update: the old words no longer find the record, the new ones do', async () => {
    const changed = bundle();
    changed.claims[1] = { id: 'claim-grain', text: 'Wheat exports stopped.' };
    await importBundle(store, changed, editor);
    expect(await idsOf(store, 'Claim', 'grain')).toEqual([]);
    expect(await idsOf(store, 'Claim', 'wheat')).toEqual(['claim-grain']);
  });

  it('follows a deletion', async () => {
    const plan = await previewDeletion(store, 'CLAIM', 'claim-grain');
    await deleteConfirmed(store, 'CLAIM', 'claim-grain', plan.confirm, editor);
    expect(await idsOf(store, 'Claim', 'grain')).toEqual([]);
    expect(await idsOf(store, 'Claim', 'bridge')).toEqual(['claim-bridge']);
  });

  it('never finds what a rolled-back transaction wrote', async () => {
    const words = searchWords(['Phantom shipment rolled back']);
    const failed = store.transaction('WRITE', async (tx) => {
      await tx.run('create-claims', {
        rows: [{ id: 'claim-phantom', text: 'Phantom shipment rolled back', about: [], searchWords: words, searchText: searchText(words), hash: 'h', createdAt: null, createdBy: null, updatedAt: null, updatedBy: null }],
      });
      throw new Error('the editor cancelled');
    });
    await expect(failed).rejects.toThrow('the editor cancelled');
    expect(await idsOf(store, 'Claim', 'phantom')).toEqual([]);
  });

  it('ranks the record holding more of the tokens first, ties by id, at most `limit`, the same way every time', async () => {
    const more = bundle();
    more.claims.push({ id: 'claim-bridge-b', text: 'A bridge collapsed.' }, { id: 'claim-bridge-a', text: 'A bridge reopened.' });
    await importBundle(store, more, editor);
    const hits = await store.textSearch('Claim', tokensOf('Kerch bridge'), 10);
    expect(hits[0]!.id).toBe('claim-bridge'); // both words
    expect(hits.map((h) => h.id).sort()).toEqual(['claim-bridge', 'claim-bridge-a', 'claim-bridge-b']);
    expect(hits.every((h, i) => i === 0 || h.relevance < hits[i - 1]!.relevance || (h.relevance === hits[i - 1]!.relevance && h.id > hits[i - 1]!.id))).toBe(true);
    expect(await store.textSearch('Claim', tokensOf('Kerch bridge'), 10)).toEqual(hits);
    expect(await store.textSearch('Claim', tokensOf('bridge'), 2)).toHaveLength(2);
  });

  it('refuses tokens that are not letters and digits, an unknown label and a bad limit, saying what it expected', async () => {
    await expect(store.textSearch('Claim', ['bridge OR x:*'], 10)).rejects.toThrow('Expected search tokens of letters and digits only, got "bridge OR x:*".');
    await expect(store.textSearch('Question' as SearchLabel, ['bridge'], 10)).rejects.toThrow(`Expected a searchable label (${SEARCH_LABELS.join(', ')}), got "Question".`);
    await expect(store.textSearch('Claim', ['bridge'], 0)).rejects.toThrow('Expected a limit of at least 1, got 0.');
    expect(await store.textSearch('Claim', [], 10)).toEqual([]);
  });
});

describe('the embedded engine\'s text index on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-search-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('survives closing and reopening the store (kept in its file and WAL), without being rebuilt', async () => {
    const path = join(dir, 'graph.grafeo');
    const first = await openStore({ engine: 'embedded', path });
    await importBundle(first, bundle(), editor);
    await first.close();
    expect(existsSync(path)).toBe(true);
    const again = await openStore({ engine: 'embedded', path });
    try {
      expect(await idsOf(again, 'Claim', 'bridge')).toEqual(['claim-bridge']);
      expect(await idsOf(again, 'Source', 'Zelenskyy')).toEqual(['src-zelensky']);
    } finally {
      await again.close();
    }
  });

  it('gives the nodes of a store written before the indexes their search text when it opens, so search finds them', async () => {
    const path = join(dir, 'old.grafeo');
    // Written as the previous version wrote: search words, no search text, no text index.
    const old = GrafeoDB.create(path);
    await old.executeCypher("CREATE (:GraphModel {id: 'claimgraph', version: 2})");
    await old.executeCypher('CREATE (:Source {id: $id, name: $name, searchWords: $words})', { id: 'src-old', name: 'Volodymyr Zelensky', words: nameSearchWords(['Volodymyr Zelensky']) });
    await old.executeCypher('CREATE (:Claim {id: $id, text: $text, searchWords: $words})', { id: 'claim-old', text: 'Grain shipments resumed.', words: searchWords(['Grain shipments resumed.']) });
    old.close();
    const store = await openStore({ engine: 'embedded', path }, loadQueries());
    try {
      expect(await idsOf(store, 'Source', 'Zełenski')).toEqual(['src-old']);
      expect(await idsOf(store, 'Source', 'Volod')).toEqual(['src-old']);
      expect(await idsOf(store, 'Claim', 'shipments')).toEqual(['claim-old']);
    } finally {
      await store.close();
    }
  });

  it('rebuilds, once, the name keys and search words of a store written when an apostrophe split words, so "Qur\'an" finds what it names (F19)', async () => {
    const path = join(dir, 'apostrophes.grafeo');
    // The previous rules read an apostrophe as a space: "Qur'an" was the words "qur" and "an" (a particle, dropped).
    const asBefore = (text: string) => text.replace(/['’]/g, ' ');
    const oldName = (name: string) => {
      const words = nameSearchWords([asBefore(name)]);
      return { name, nameKey: nameKey(asBefore(name)), aliasKeys: [], skeletonKeys: skeletonKeys({ name: asBefore(name), aliases: [] }), searchWords: words, searchText: searchText(words) };
    };
    const oldText = (text: string) => ({ words: searchWords([asBefore(text)]), text: searchText(searchWords([asBefore(text)])) });
    const claim = oldText('A guard flushed a Qur’an down a toilet.');
    const quote = oldText("They were Shi'ite pilgrims");
    const old = GrafeoDB.create(path);
    await old.executeCypher("CREATE (:GraphModel {id: 'claimgraph', version: 2})");
    await old.executeCypher('CREATE (e:Entity {id: "ent-quran"}) SET e += $props', { props: oldName("Qur'an desecration report") });
    await old.executeCypher('CREATE (s:Source {id: "src-baath", kind: "ORGANIZATION", anonymous: false}) SET s += $props', { props: oldName("Ba'ath Party") });
    await old.executeCypher(
      'CREATE (s:Source {id: "src-x", name: "X", anonymous: false, searchWords: ["x"], searchText: "x"})-[:MADE]->(:Statement {id: "st-x", stance: "ASSERTS", hedged: false, quote: $quote, searchWords: $quoteWords, searchText: $quoteText})-[:ON]->(:Claim {id: "claim-quran", text: $text, searchWords: $words, searchText: $searchText})',
      { quote: "They were Shi'ite pilgrims", quoteWords: quote.words, quoteText: quote.text, text: 'A guard flushed a Qur’an down a toilet.', words: claim.words, searchText: claim.text },
    );
    old.close();

    const found = async (store: GraphStore) => ({
      entity: await idsOf(store, 'Entity', "Qur'an"),
      source: await idsOf(store, 'Source', "Ba'ath"),
      claim: await idsOf(store, 'Claim', 'Quran'),
      statement: await idsOf(store, 'Statement', 'Shiite'),
      ranked: (await gql(store, '{ entities(search: "Qur\'an") { nodes { recordId } } }')).data,
    });
    const nothing = { entity: [], source: [], claim: [], statement: [], ranked: { entities: { nodes: [] } } };
    const everything = { entity: ['ent-quran'], source: ['src-baath'], claim: ['claim-quran'], statement: ['st-x'], ranked: { entities: { nodes: [{ recordId: 'ent-quran' }] } } };

    // Without the rebuild the old keys find nothing: what the rebuild is for.
    const unrebuilt = await connectStore({ engine: 'embedded', path });
    try {
      await unrebuilt.applySchema();
      expect(await found(unrebuilt)).toEqual(nothing);
    } finally {
      await unrebuilt.close();
    }

    const store = await openGraphStore({ engine: 'embedded', path });
    try {
      expect(await found(store)).toEqual(everything);
      expect(await readStoreModel(store)).toEqual({ version: 2, marker: 2, nameKeys: NAME_KEYS_VERSION, signs: [] });
      // A later import recognises the record by its rebuilt key, as written today: one entity, not two.
      const report = await importBundle(store, { format: 'claimgraph-bundle', version: 2, entities: [{ id: 'ent-quran-2', name: 'Quran desecration report' }] }, editor);
      expect(report.entities).toMatchObject({ created: 0 });
    } finally {
      await store.close();
    }

    // Once: the marker now says the keys are current, so an open reads no record for them. Keys put
    // back as before stay as they are (a store is not scanned at every open).
    const db = GrafeoDB.open(path);
    await db.executeCypher('MATCH (e:Entity {id: "ent-quran"}) SET e += $props', { props: oldName("Qur'an desecration report") });
    db.close();
    const again = await openGraphStore({ engine: 'embedded', path });
    try {
      expect((await found(again)).entity).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('rebuilds every name of a store written before sound skeletons (key version 5), so "Kochavi" finds "Aviv Kohavi" and a new spelling is listed as his possible duplicate (F28)', async () => {
    const path = join(dir, 'sounds.grafeo');
    // Version 5 stored a name's word skeletons only ("av kv"), and no sound skeletons.
    const words = searchWords(['Aviv Kohavi']);
    const old = GrafeoDB.create(path);
    await old.executeCypher("CREATE (:GraphModel {id: 'claimgraph', version: 2, nameKeys: 5})");
    await old.executeCypher('CREATE (s:Source {id: "src-kohavi", name: "Aviv Kohavi", aliases: [], kind: "PERSON", anonymous: false}) SET s += $props', {
      props: { nameKey: 'aviv kohavi', aliasKeys: [], skeletonKeys: ['av kv', 'avkv'], searchText: searchText(words) },
    });
    old.close();
    const unrebuilt = await connectStore({ engine: 'embedded', path });
    try {
      await unrebuilt.applySchema();
      expect(await idsOf(unrebuilt, 'Source', 'Kochavi')).toEqual([]);
    } finally {
      await unrebuilt.close();
    }
    const store = await openGraphStore({ engine: 'embedded', path });
    try {
      expect(await idsOf(store, 'Source', 'Kochavi')).toEqual(['src-kohavi']);
      expect((await readStoreModel(store)).nameKeys).toBe(NAME_KEYS_VERSION);
      const report = await importBundle(store, { format: 'claimgraph-bundle', version: 2, sources: [{ id: 'src-kochavi', name: 'Aviv Kochavi', kind: 'PERSON', anonymous: false }] }, editor);
      expect(report.possibleDuplicates).toEqual([expect.objectContaining({ a: 'src-kochavi', b: 'src-kohavi', reason: 'SIMILAR_NAME' })]);
    } finally {
      await store.close();
    }
  });

  it('rebuilds the keys of a store written when the ayn ʿ was a letter, so "Abu Akleh" finds "Abū ʿĀqlah" (F27)', async () => {
    const path = join(dir, 'ayn.grafeo');
    // Version 2 rules kept the ayn in the word: "ʿaqlah", skeleton "ʿkl", which no other spelling meets.
    const words = ['aqlah', 'abu', '1abu', 'ʿaqlah', '~ʿkl', '~bkl'];
    const old = GrafeoDB.create(path);
    await old.executeCypher("CREATE (:GraphModel {id: 'claimgraph', version: 2, nameKeys: 2})");
    await old.executeCypher('CREATE (e:Entity {id: "ent-abu-akleh", name: "Abū ʿĀqlah", aliases: []}) SET e += $props', {
      props: { nameKey: 'abu ʿaqlah', aliasKeys: [], skeletonKeys: ['ʿkl'], searchWords: words, searchText: searchText(words) },
    });
    old.close();
    const unrebuilt = await connectStore({ engine: 'embedded', path });
    try {
      await unrebuilt.applySchema();
      expect(await idsOf(unrebuilt, 'Entity', 'Abu Akleh')).toEqual([]);
    } finally {
      await unrebuilt.close();
    }
    const store = await openGraphStore({ engine: 'embedded', path });
    try {
      expect(await idsOf(store, 'Entity', 'Abu Akleh')).toEqual(['ent-abu-akleh']);
      expect((await readStoreModel(store)).nameKeys).toBe(NAME_KEYS_VERSION);
    } finally {
      await store.close();
    }
  });
});
