import { exportBundle } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import { graphCounts } from '../../src/analysis/seed';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql, seededStore } from '../helpers';

/*
 * A move (export, then import into an empty store: the documented migration
 * to Neo4j) keeps everything an editor entered, not only the records:
 * ratings, assessments, ACH questions with their cell overrides, and the
 * change log. Checked by what the API answers, question by question, on the
 * original and on the copy, not only by the bytes of the bundle.
 */

const EDITOR = 'alice@example.org';

async function ok(store: GraphStore, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await gql(store, query, variables, EDITOR);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

const RECORDED = 'recorded { createdAt createdBy updatedAt updatedBy }';

/** The questions an editor's work shows in: every answer is compared between the original and the copy. */
const QUESTIONS: Record<string, string> = {
  sources: `{ sources(first: 100) { totalCount nodes { id: recordId name aliases ${RECORDED}
    reliability { grade label reason by at } reliabilityHistory { grade label reason by at } } } }`,
  claims: `{ claims(first: 40) { totalCount nodes { id text status ${RECORDED}
    credibility { grade label rule facts }
    assessment { id verdict alternateName rating explanation url by at }
    assessments { id verdict alternateName rating explanation url by at }
    claimReview
    questions { id }
    contradicts { id } supports { id } } } }`,
  questions: `{ questions(first: 5) { totalCount nodes { id text ${RECORDED} hypotheses { id }
    matrix {
      hypotheses { claim { id } rank inconsistency consistency }
      evidence { kind statement { id } claim { id } diagnostic
        cells { hypothesis { id } cell derivedCell relation override { cell reason by at } } }
    } } } }`,
  changes: `{ changes(first: 100) { nodes { id at by action kind target details } } }`,
  conflicts: `{ conflicts(first: 100) { totalCount nodes { kind claim { id } opposingClaim { id } sources { id } opposingSources { id } } } }`,
  deleted: `{ statement(id: "st-airwars-asserts-52-incidents") { id } }`,
  merged: `{ source(id: "src-us-government-officials") { id name } }`,
};

async function answers(store: GraphStore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  // Errors too: a deleted statement is NOT_FOUND in both.
  for (const [name, query] of Object.entries(QUESTIONS)) out[name] = await gql(store, query, {}, EDITOR);
  return out;
}

/** An editor's day on the seed: a rating, assessments, a question with an override, an unlink, a deletion, a merge. */
async function editorsWork(store: GraphStore): Promise<void> {
  await ok(store, `mutation { rateSource(input: { source: "src-airwars", grade: B, reason: "Usually reliable; documents each incident." }) { rating { grade } } }`);
  await ok(store, `mutation { rateSource(input: { source: "src-airwars", grade: A, reason: "Confirmed by two investigations." }) { rating { grade } } }`);
  await ok(store, `mutation { assessClaim(input: { claim: "claim-al-masoud-was-is-official", verdict: MOSTLY_FALSE, rating: 2, explanation: "The family and officials say otherwise." }) { assessment { id } } }`);
  await ok(store, `mutation { assessClaim(input: { claim: "claim-al-masoud-was-is-official", verdict: FALSE, rating: 1, explanation: "CENTCOM withdrew it.", url: "https://example.org/checks/1" }) { assessment { id } } }`);
  await ok(store, `mutation { createQuestion(input: { id: "question-why-raid", text: "Why was the house raided?",
    hypotheses: ["claim-al-masoud-targeted-due-to-faulty-intelligence", "claim-feuding-groups-used-coalition-to-settle-scores"] }) { question { id } } }`);
  // An override on the seed's question: a cell set against what the graph derives.
  const { question } = await ok(store, `{ question(id: "question-who-was-al-masoud") { matrix { evidence { kind statement { id: recordId } claim { id: recordId } cells { hypothesis { id: recordId } cell } } } } }`);
  const item = question.matrix.evidence[0];
  const cell = item.cells[0];
  const evidence = item.kind === 'STATEMENT' ? { statement: item.statement.id } : { claim: item.claim.id };
  await ok(store, `mutation($h: ID!, $e: AchEvidenceInput!, $c: AchCellValue!) { setAchCell(input: { question: "question-who-was-al-masoud", hypothesis: $h, evidence: $e, cell: $c, reason: "The editor reads it otherwise." }) { question { id } } }`,
    { h: cell.hypothesis.id, e: evidence, c: cell.cell === 'NEUTRAL' ? 'INCONSISTENT' : 'NEUTRAL' });
  await ok(store, `mutation { unlinkClaims(input: { type: SUPPORTS, from: "claim-al-masoud-infiltrated-is-in-badiya", to: "claim-al-masoud-undercover-against-is" }) { __typename } }`);
  const { deletionPreview } = await ok(store, `{ deletionPreview(kind: STATEMENT, id: "st-airwars-asserts-52-incidents") { confirm } }`);
  await ok(store, `mutation($c: String!) { delete(input: { kind: STATEMENT, id: "st-airwars-asserts-52-incidents", confirm: $c }) { deletedIds } }`, { c: deletionPreview.confirm });
  await ok(store, `mutation { mergeSources(input: { keep: "src-us-government", merge: "src-us-government-officials" }) { mergedId } }`);
}

it('a move keeps ratings, assessments, questions with their overrides and the change log: the copy answers as the original', async () => {
  const original = await seededStore();
  const copy = await emptyStore();
  try {
    await editorsWork(original);
    const before = await answers(original);
    // The work is there to be lost.
    const changes = (before.changes as any).data.changes.nodes as { action: string }[];
    expect(changes.map((c) => c.action)).toEqual(['MERGE', 'DELETE', 'UNLINK']);
    const overrides = ((before.questions as any).data.questions.nodes as any[]).flatMap((q) => q.matrix.evidence.flatMap((e: any) => e.cells.filter((c: any) => c.override !== null)));
    expect(overrides).toHaveLength(1);
    expect(Object.values(before).filter((a: any) => a.errors !== undefined)).toEqual([{ data: { statement: null }, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] }]);
    const airwars = ((before.sources as any).data.sources.nodes as any[]).find((s) => s.id === 'src-airwars');
    expect(airwars.reliabilityHistory.map((r: { grade: string }) => r.grade)).toEqual(['A', 'B']);

    const bundle = await exportBundle(original);
    expect(bundle.changes).toHaveLength(3);
    const report = await importBundle(copy, bundle, { editor: 'someone-else' });
    expect([report.ratings.created, report.assessments.created, report.questions.created, report.changes.created]).toEqual([2, 2, 2, 3]);

    const after = await answers(copy);
    for (const name of Object.keys(QUESTIONS)) expect({ [name]: after[name] }).toEqual({ [name]: before[name] });
    expect(await graphCounts(copy)).toEqual(await graphCounts(original));
    expect(JSON.stringify(await exportBundle(copy))).toBe(JSON.stringify(bundle));

    // Moving again adds nothing: history is never written twice.
    const again = await importBundle(copy, bundle, { editor: 'someone-else' });
    expect([again.ratings.created, again.assessments.created, again.changes.created, again.changes.unchanged]).toEqual([0, 0, 0, 3]);
    expect(await answers(copy)).toEqual(after);
  } finally {
    await original.close();
    await copy.close();
  }
});
