import { exportBundle } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { emptyStore } from '../helpers';

/*
 * Sets in a bundle (a statement's appearances, one per document, and its
 * `supersedes`) are sets: the order a coder lists them in is not content.
 * Re-importing an export, or the same bundle reordered, must write nothing
 * (FINDINGS.md, F18: the first re-import used to report the statement updated).
 */

const EDITOR = 'editor@example.org';

/** A statement printed in two documents, listed out of id order, revising two earlier ones, listed out of order too. */
function bundle(appearanceOrder: string[], supersedesOrder: string[]): object {
  return {
    format: 'claimgraph-bundle', version: 2,
    sources: [{ id: 's', name: 'Sima Example', kind: 'PERSON', anonymous: false }],
    documents: ['d-a', 'd-b'].map((id) => ({ id, title: `Report ${id}`, publishedAt: '2024-05-02' })),
    claims: [{ id: 'c', text: 'The bridge was closed on 1 May.' }],
    statements: [
      { id: 'st-1', source: 's', claim: 'c', stance: 'ASSERTS', date: '2024-05-01' },
      { id: 'st-2', source: 's', claim: 'c', stance: 'HEDGES', hedge: 'probably', date: '2024-05-01' },
      {
        id: 'st-3', source: 's', claim: 'c', stance: 'DENIES', date: '2024-05-02', supersedes: supersedesOrder,
        appearances: appearanceOrder.map((document) => ({ document, quote: `It stayed open (${document}).` })),
      },
    ],
  };
}

describe('re-importing what is already stored writes nothing, whatever order sets were listed in', () => {
  let store: GraphStore;
  beforeEach(async () => { store = await emptyStore(); });
  afterEach(async () => { await store.close(); });

  it('an export of a bundle that listed appearances and revisions out of id order re-imports unchanged', async () => {
    const first = await importBundle(store, bundle(['d-b', 'd-a'], ['st-2', 'st-1']), { editor: EDITOR });
    expect(first.statements).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const again = await importBundle(store, await exportBundle(store), { editor: EDITOR });
    expect(again.statements).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it('the same bundle with its sets reordered is unchanged; a changed quote is still an update', async () => {
    await importBundle(store, bundle(['d-a', 'd-b'], ['st-1', 'st-2']), { editor: EDITOR });
    expect((await importBundle(store, bundle(['d-b', 'd-a'], ['st-2', 'st-1']), { editor: EDITOR })).statements)
      .toEqual({ created: 0, updated: 0, unchanged: 3 });
    const edited = bundle(['d-a', 'd-b'], ['st-1', 'st-2']) as { statements: { appearances?: { quote: string }[] }[] };
    edited.statements[2]!.appearances![0]!.quote = 'It stayed open all day.';
    expect((await importBundle(store, edited, { editor: EDITOR })).statements).toEqual({ created: 0, updated: 1, unchanged: 2 });
  });
});
