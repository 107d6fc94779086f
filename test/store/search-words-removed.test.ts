import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrafeoDB } from '@grafeo-db/js';
import { importBundle } from '../../src/graph/import';
import { openGraphStore } from '../../src/graph/name-keys';
import { nameSearchWords, searchText, searchWords } from '../../src/graph/names';
import { openStore } from '../../src/store/open';
import type { GraphStore } from '../../src/store/port';
import { gql } from '../helpers';

/*
 * A store written by the previous version, which kept every searchable
 * node's search words twice (the list `searchWords` for the ranking, the
 * text `searchText` for the full-text index): once opened by this version,
 * which ranks from the text alone, it holds the text only, and every search
 * answers as on a store this version wrote.
 */

const editor = { editor: 'search-words@example.org' };

const bundle = () => ({
  format: 'claimgraph-bundle',
  version: 2,
  sources: [
    { id: 'src-kyiv-post', name: 'Kyiv Post', kind: 'ORGANIZATION', anonymous: false },
    { id: 'src-zelensky', name: 'Volodymyr Zelensky', kind: 'PERSON', anonymous: false, aliases: ['Wołodymyr Zełenski'] },
  ],
  entities: [{ id: 'ent-kuznetsov', name: 'Kuznetsov', aliases: ['Kusnezow'] }],
  documents: [{ id: 'doc-address', title: 'Evening address to the nation', publisher: 'src-kyiv-post' }],
  claims: [
    { id: 'claim-bridge', text: 'The Kerch bridge was damaged.', about: ['ent-kuznetsov'] },
    { id: 'claim-grain', text: 'Grain shipments resumed.' },
  ],
  statements: [
    { id: 'st-1', source: 'src-zelensky', claim: 'claim-bridge', stance: 'ASSERTS', quote: 'The bridge is damaged beyond repair', appearances: [{ document: 'doc-address' }] },
    { id: 'st-2', source: 'src-kyiv-post', claim: 'claim-grain', stance: 'ASSERTS', paraphrase: 'Shipments of grain left Odesa', appearances: [{ document: 'doc-address' }] },
  ],
});

/** Every search the API offers, with what each answers (ids and scores in order, totals). */
const SEARCHES = `{
  bridge: claims(search: "Kerch bridg") { totalCount edges { score node { recordId } } }
  grain: claims(search: "grain Zelenskyy") { totalCount edges { score node { recordId } } }
  byStatus: claims(search: "shipments", status: UNVERIFIED) { totalCount nodes { recordId } }
  sources: sources(search: "Zełenski") { totalCount edges { score node { recordId } } }
  spelled: sources(search: "Zelenskyy") { totalCount edges { score node { recordId } } }
  entities: entities(search: "Kuznets") { totalCount edges { score node { recordId } } }
  documents: documents(search: "kyiv evening") { totalCount edges { score node { recordId } } }
}`;

const answers = async (store: GraphStore) => {
  const result = await gql(store, SEARCHES);
  expect(result.errors).toBeUndefined();
  return result.data;
};

/** Each searchable node's id and properties, as the engine holds them. */
async function searchable(db: GrafeoDB): Promise<{ label: string; id: string; props: Record<string, unknown> }[]> {
  const out: { label: string; id: string; props: Record<string, unknown> }[] = [];
  for (const label of ['Source', 'Entity', 'Document', 'Claim', 'Statement']) {
    const rows = (await db.executeCypher(`MATCH (n:${label}) RETURN n.id AS id, properties(n) AS props ORDER BY id`)).toArray() as { id: string; props: Record<string, unknown> }[];
    out.push(...rows.map((r) => ({ label, id: r.id, props: r.props })));
  }
  return out;
}

describe('a store written when search words were kept twice', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-search-words-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loses the word lists when it is opened, keeps its search text, and searches as a store written now', async () => {
    const fresh = await openStore({ engine: 'embedded', path: null });
    await importBundle(fresh, bundle(), editor);
    const expected = await answers(fresh);
    await fresh.close();
    expect(expected).toMatchObject({ bridge: { totalCount: 1 }, sources: { totalCount: 1 }, spelled: { totalCount: 1 }, entities: { totalCount: 1 }, byStatus: { totalCount: 1 } });

    const path = join(dir, 'previous.grafeo');
    const written = await openStore({ engine: 'embedded', path });
    await importBundle(written, bundle(), editor);
    await written.close();
    // The previous version's write rows: the list beside the text made from it (src/graph/names.ts).
    const db = GrafeoDB.open(path);
    const before = await searchable(db);
    const texts = bundle();
    const words = (label: string, id: string): string[] => {
      const named = [...texts.sources, ...texts.entities].find((r) => r.id === id) as { name: string; aliases?: string[] } | undefined;
      if (label === 'Source' || label === 'Entity') return nameSearchWords([named!.name, ...(named!.aliases ?? [])]);
      if (label === 'Document') return searchWords([texts.documents.find((d) => d.id === id)!.title]);
      if (label === 'Claim') return searchWords([texts.claims.find((c) => c.id === id)!.text]);
      const st = texts.statements.find((s) => s.id === id) as { quote?: string; paraphrase?: string };
      return searchWords([st.quote, st.paraphrase]);
    };
    for (const node of before) {
      const list = words(node.label, node.id);
      expect(node.props.searchText).toBe(searchText(list));
      await db.executeCypher(`MATCH (n:${node.label} {id: $id}) SET n.searchWords = $list`, { id: node.id, list });
    }
    db.close();

    const store = await openGraphStore({ engine: 'embedded', path });
    try {
      expect(await answers(store)).toEqual(expected);
    } finally {
      await store.close();
    }
    const after = GrafeoDB.open(path);
    try {
      const nodes = await searchable(after);
      expect(nodes.filter((n) => 'searchWords' in n.props).map((n) => n.id)).toEqual([]);
      // Nothing else moved: the same nodes, the same properties, the text as written. (A store marked
      // with older name keys also has its standings written again when opened, the same values: each
      // write takes its claims' lock, a counter that is no data.)
      const unlocked = (list: typeof nodes) => list.map(({ props: { lock: _lock, ...props }, ...node }) => ({ ...node, props }));
      expect(unlocked(nodes)).toEqual(unlocked(before));
    } finally {
      after.close();
    }
  });
});
