import { openTestStore } from '../engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importQuestions } from '../../src/analysis/ach';
import { checkBundle } from '../../src/graph/bundle';
import { importBundle } from '../../src/graph/import';
import type { Bundle } from '../../src/graph/model';
import { readSeedJson, seed, SEED_EDITOR, SEED_QUESTIONS_FILE } from '../../src/analysis/seed';
import { seedDir } from '../../src/paths';
import type { GraphStore } from '../../src/store/port';
import { gql } from '../helpers';

// The seed was coded in format version 1; dumayr-v1.bundle.json is that file as it
// stood before it was re-coded in version 2 (issues 10 and 13). The re-coding adds the
// report's text to the document and anchors every appearance's words in it. It changes
// no id, name, claim, quote, paraphrase, hedge, stance or intermediary, and no answer of
// the graph: every claim counts, and is rated, as before.

const V1: unknown = JSON.parse(readFileSync(join(__dirname, 'dumayr-v1.bundle.json'), 'utf8'));
const V2: unknown = readSeedJson();
const old = checkBundle(V1);
const now = checkBundle(V2);
const claimIds = now.bundle.claims.map((c) => c.id);
const statementIds = now.bundle.statements.map((s) => s.id);

/** The records without what only version 2 says: the document's text and the anchors (and the note that says the text is there). */
const withoutAnchors = (b: Bundle): Bundle => ({
  ...b,
  documents: b.documents.map((d) => ({ ...d, text: null, note: null })),
  statements: b.statements.map((s) => ({ ...s, appearances: s.appearances.map((a) => ({ ...a, selector: null })) })),
});

describe('the version 2 seed re-codes the version 1 seed', () => {
  test('both are valid; the version 1 seed needs the upgrade (one note), the version 2 seed does not', () => {
    expect(V1).toMatchObject({ version: 1 });
    expect(V2).toMatchObject({ version: 2 });
    expect([old.problems, now.problems]).toEqual([[], []]);
    expect(old.notes).toEqual([expect.stringContaining('"st-mother-asserts-identified-himself"')]);
    expect(now.notes).toEqual([]);
  });

  test('its records are those of the upgraded version 1 seed, but for the report’s text, the anchors and the document’s note', () => {
    expect(withoutAnchors(now.bundle)).toEqual(withoutAnchors(old.bundle));
    expect(old.bundle.documents.map((d) => d.text)).toEqual([null]);
    expect(old.bundle.statements.flatMap((s) => s.appearances.filter((a) => a.selector !== null))).toEqual([]);
  });
});

describe('loaded, the version 1 and version 2 seeds give the same answers', () => {
  let before: GraphStore;
  let after: GraphStore;
  beforeAll(async () => {
    before = await openTestStore();
    await importBundle(before, V1, { editor: SEED_EDITOR });
    await importQuestions(before, JSON.parse(readFileSync(join(seedDir(), SEED_QUESTIONS_FILE), 'utf8')), { editor: SEED_EDITOR });
    after = await openTestStore();
    await seed(after);
  });
  afterAll(async () => {
    await before.close();
    await after.close();
  });

  /** The same GraphQL operation on both stores. */
  const both = async (query: string, variables: Record<string, unknown> = {}): Promise<[unknown, unknown]> => {
    const [a, b] = [await gql(before, query, variables), await gql(after, query, variables)];
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    return [a.data, b.data];
  };

  test('the corroboration row of every claim, its status included, is the same', async () => {
    const rows = async (store: GraphStore) => {
      const all = await store.read('corroboration-by-claims', { ids: claimIds });
      return all.sort((x, y) => (String(x.key) < String(y.key) ? -1 : 1));
    };
    const [a, b] = [await rows(before), await rows(after)];
    expect(b.map((r) => r.key)).toEqual([...claimIds].sort());
    expect(b).toEqual(a);
  });

  test.each(claimIds)('%s: the same status, credibility, corroboration and conflicts', async (id) => {
    const [a, b] = await both(
      `query($id: ID!) {
        claim(id: $id) { status credibility { grade label rule facts }
          corroboration { assertingSources impliedSources independentSources anonymousSources hedgingSources denyingSources doubtingSources withdrawnSources
            contradictedBy opposingIndependentSources clusters { sources { id: recordId } merges { sources { id: recordId } reasons sharedParents { id: recordId } sharedOrigins { id: recordId } } } } }
        conflicts(claimId: $id, first: 20) { totalCount nodes { kind claim { id: recordId } opposingClaim { id: recordId } sources { id: recordId } opposingSources { id: recordId } reason } }
      }`,
      { id },
    );
    expect(b).toEqual(a);
  });

  test.each(statementIds)('%s: the same stance, words, document, intermediaries, derivation and currency', async (id) => {
    const [a, b] = await both(
      `query($id: ID!) { statement(id: $id) { stance hedged hedge position quote paraphrase date madeAt current dated { value basis }
        source { id: recordId } claim { id: recordId } document { id: recordId } derivedFrom { id: recordId } origin { id: recordId } supersededBy { id: recordId }
        appearances { document { id: recordId } quote paraphrase via { source { id: recordId } document { id: recordId } } } } }`,
      { id },
    );
    expect(b).toEqual(a);
  });

  test('the competing-hypotheses matrix is the same', async () => {
    const [a, b] = await both(`{ question(id: "question-who-was-al-masoud") { text matrix {
      hypotheses { rank inconsistency consistency claim { id: recordId } }
      evidence { kind diagnostic statement { id: recordId } claim { id: recordId } cells { hypothesis { id: recordId } cell derivedCell override { reason by } } } } } }`);
    expect(b).toEqual(a);
    expect(b).toMatchObject({ question: { matrix: { hypotheses: [{ rank: 1 }, { rank: 2 }, { rank: 3 }] } } });
  });
});
