import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importQuestions } from '../../src/analysis/ach';
import { importBundle } from '../../src/graph/import';
import { seed, SEED_QUESTIONS_FILE } from '../../src/analysis/seed';
import { seedDir } from '../../src/paths';
import type { GraphStore } from '../../src/store/port';
import { codes, emptyStore, gql, RecordingStore, seededStore, type GqlResult } from '../helpers';

/*
 * Competing hypotheses (docs/ANALYSIS-ACH.md): each derivation rule on a
 * small hand-made graph, overrides, ties, diagnostic evidence and bad input
 * through the API; then the Dumayr question of the seed.
 */

type Cell = 'CONSISTENT' | 'INCONSISTENT' | 'NEUTRAL';
interface CellView { hypothesis: { id: string }; cell: Cell; derivedCell: Cell; relation: string; override: null | { cell: Cell; reason: string; by: string; at: string } }
interface EvidenceView { kind: 'STATEMENT' | 'CLAIM'; statement: null | { id: string }; copies: { id: string }[]; claim: null | { id: string }; diagnostic: boolean; cells: CellView[] }
interface HypothesisView { claim: { id: string }; rank: number; inconsistency: number; consistency: number }
interface MatrixView { hypotheses: HypothesisView[]; evidence: EvidenceView[] }

const MATRIX = `matrix {
  hypotheses { claim { id: recordId } rank inconsistency consistency }
  evidence { kind statement { id: recordId } copies { id: recordId } claim { id: recordId } diagnostic cells { hypothesis { id: recordId } cell derivedCell relation override { cell reason by at } } }
}`;

async function matrixOf(store: GraphStore, id: string): Promise<MatrixView> {
  const result = await gql(store, `query($id: ID!) { question(id: $id) { ${MATRIX} } }`, { id });
  expect(result.errors).toBeUndefined();
  return (result.data?.question as { matrix: MatrixView }).matrix;
}

/** The evidence item by statement or claim id. */
const item = (m: MatrixView, id: string): EvidenceView | undefined => m.evidence.find((e) => (e.statement ?? e.claim)?.id === id);
/** The cells of an evidence item as {hypothesis: cell}. */
const cellsOf = (m: MatrixView, id: string): Record<string, Cell> =>
  Object.fromEntries((item(m, id)?.cells ?? []).map((c) => [c.hypothesis.id, c.cell]));
const ranking = (m: MatrixView) => m.hypotheses.map((h) => [h.claim.id, h.inconsistency, h.consistency, h.rank]);

const CREATE = `mutation($input: CreateQuestionInput!) { createQuestion(input: $input) { question { id: recordId text hypotheses { id: recordId } recorded { createdBy updatedBy } } } }`;
const SET = `mutation($question: ID!, $hypothesis: ID!, $evidence: AchEvidenceInput!, $cell: AchCellValue!, $reason: String!) {
  setAchCell(input: { question: $question, hypothesis: $hypothesis, evidence: $evidence, cell: $cell, reason: $reason }) { question { id: recordId recorded { updatedBy } } } }`;
const CLEAR = `mutation($question: ID!, $hypothesis: ID!, $evidence: AchEvidenceInput!) {
  clearAchCell(input: { question: $question, hypothesis: $hypothesis, evidence: $evidence }) { question { id: recordId } } }`;

const problemPaths = (r: GqlResult): unknown[] => ((r.errors?.[0]?.extensions?.problems as { path: string }[] | undefined) ?? []).map((p) => p.path);

/*
 * The rule graph (a version 1 bundle). Hypotheses hA, hB, hC; hA CONTRADICTS
 * hB, hC SUPPORTS hA, hB and hC unlinked. Evidence claims, each asserted by
 * someone: eS SUPPORTS hA; hB CONTRADICTS eC (drawn from the hypothesis);
 * eBoth both SUPPORTS and CONTRADICTS hC. eU is linked only to eS, and tX is
 * a statement on eS: neither is evidence. eNobody (SUPPORTS hA) and eDenied
 * (CONTRADICTS hB) are asserted by nobody: no evidence either.
 */
const claim = (id: string) => ({ id, text: `Claim ${id}.` });
const link = (type: string, from: string, to: string) => ({ type, from, to, linkedBy: 'test', reason: `${from} ${type} ${to}` });
const RULES = {
  format: 'claimgraph-bundle',
  version: 1,
  sources: [
    { id: 's1', name: 'First Source', kind: 'PERSON', anonymous: false },
    { id: 's2', name: 'Second Source', kind: 'ORGANIZATION', anonymous: false },
  ],
  claims: ['hA', 'hB', 'hC', 'eS', 'eC', 'eBoth', 'eU', 'eNobody', 'eDenied', 'tie-a', 'tie-b', 'tie-c', 'lone-1', 'lone-2'].map(claim),
  statements: [
    { id: 'tA1', source: 's1', claim: 'hA', stance: 'ASSERTS' },
    { id: 'tA2', source: 's2', claim: 'hA', stance: 'HEDGES', hedge: 'possibly' },
    { id: 'tA3', source: 's2', claim: 'hA', stance: 'DENIES' },
    { id: 'tB1', source: 's1', claim: 'hB', stance: 'NO_RESPONSE' },
    { id: 'tC1', source: 's2', claim: 'hC', stance: 'NOT_ACKNOWLEDGED' },
    { id: 'tC2', source: 's1', claim: 'hC', stance: 'DENIES' },
    { id: 'tX', source: 's1', claim: 'eS', stance: 'ASSERTS' },
    { id: 'tEC', source: 's2', claim: 'eC', stance: 'ASSERTS' },
    { id: 'tEBoth', source: 's2', claim: 'eBoth', stance: 'HEDGES', hedge: 'perhaps' },
    { id: 'tEDenied', source: 's1', claim: 'eDenied', stance: 'DENIES' },
    { id: 'tTie', source: 's1', claim: 'tie-c', stance: 'ASSERTS' },
  ],
  links: [
    link('CONTRADICTS', 'hA', 'hB'),
    link('SUPPORTS', 'hC', 'hA'),
    link('SUPPORTS', 'eS', 'hA'),
    link('CONTRADICTS', 'hB', 'eC'),
    link('SUPPORTS', 'eBoth', 'hC'),
    link('CONTRADICTS', 'eBoth', 'hC'),
    link('SUPPORTS', 'eU', 'eS'),
    link('SUPPORTS', 'eNobody', 'hA'),
    link('CONTRADICTS', 'eDenied', 'hB'),
  ],
};

describe('the ACH matrix on a hand-made graph', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await emptyStore();
    await importBundle(store, RULES, { editor: 'test' });
    const created = await gql(store, CREATE, { input: { id: 'q', text: 'Which of A, B, C?', hypotheses: ['hC', 'hA', 'hB'] } }, 'alice');
    expect(created.errors).toBeUndefined();
    expect((created.data?.createQuestion as { question: unknown }).question).toEqual({
      id: 'q', text: 'Which of A, B, C?', hypotheses: [{ id: 'hA' }, { id: 'hB' }, { id: 'hC' }], recorded: { createdBy: 'alice', updatedBy: 'alice' },
    });
  });
  afterAll(() => store.close());

  it('takes as evidence the statements on the hypotheses and the claims linked to them that someone asserts, nothing else', async () => {
    const m = await matrixOf(store, 'q');
    expect(m.evidence.map((e) => [e.kind, (e.statement ?? e.claim)?.id])).toEqual([
      ['STATEMENT', 'tA1'], ['STATEMENT', 'tA2'], ['STATEMENT', 'tA3'], ['STATEMENT', 'tB1'], ['STATEMENT', 'tC1'], ['STATEMENT', 'tC2'],
      ['CLAIM', 'eBoth'], ['CLAIM', 'eC'], ['CLAIM', 'eS'],
    ]);
    // A linked claim nobody asserts (eNobody), or that is only denied (eDenied), is no evidence.
    expect(item(m, 'eNobody')).toBeUndefined();
    expect(item(m, 'eDenied')).toBeUndefined();
    // A statement item has no claim, a claim item no statement.
    expect(item(m, 'tA1')?.claim).toBeNull();
    expect(item(m, 'eS')?.statement).toBeNull();
  });

  it('asserting or hedging a claim: consistent with it and with a claim it supports, inconsistent with one it contradicts', async () => {
    const m = await matrixOf(store, 'q');
    for (const id of ['tA1', 'tA2']) expect(cellsOf(m, id)).toEqual({ hA: 'CONSISTENT', hB: 'INCONSISTENT', hC: 'CONSISTENT' });
    expect(item(m, 'tA1')?.cells.map((c) => c.relation)).toEqual(['SAME', 'CONTRADICTS', 'SUPPORTS']);
  });

  it('denying a claim: inconsistent with it, consistent with a claim it contradicts, neutral for one it supports or is supported by', async () => {
    const m = await matrixOf(store, 'q');
    expect(cellsOf(m, 'tA3')).toEqual({ hA: 'INCONSISTENT', hB: 'CONSISTENT', hC: 'NEUTRAL' });
    expect(cellsOf(m, 'tC2')).toEqual({ hA: 'NEUTRAL', hB: 'NEUTRAL', hC: 'INCONSISTENT' });
  });

  it('a silence is neutral evidence for every hypothesis, and so not diagnostic', async () => {
    const m = await matrixOf(store, 'q');
    for (const id of ['tB1', 'tC1']) {
      expect(cellsOf(m, id)).toEqual({ hA: 'NEUTRAL', hB: 'NEUTRAL', hC: 'NEUTRAL' });
      expect(item(m, id)?.diagnostic).toBe(false);
    }
  });

  it('a linked claim: consistent when it supports, inconsistent when it contradicts (either direction); contradiction wins over support', async () => {
    const m = await matrixOf(store, 'q');
    expect(cellsOf(m, 'eS')).toEqual({ hA: 'CONSISTENT', hB: 'NEUTRAL', hC: 'NEUTRAL' });
    expect(cellsOf(m, 'eC')).toEqual({ hA: 'NEUTRAL', hB: 'INCONSISTENT', hC: 'NEUTRAL' });
    expect(cellsOf(m, 'eBoth')).toEqual({ hA: 'NEUTRAL', hB: 'NEUTRAL', hC: 'INCONSISTENT' });
    expect(item(m, 'eBoth')?.cells.find((c) => c.hypothesis.id === 'hC')?.relation).toBe('CONTRADICTS');
  });

  it('scores each hypothesis by its inconsistent cells and ranks the least inconsistent first', async () => {
    const m = await matrixOf(store, 'q');
    expect(ranking(m)).toEqual([
      ['hA', 1, 3, 1],
      ['hC', 2, 2, 2],
      ['hB', 3, 1, 3],
    ]);
    expect(m.evidence.filter((e) => e.diagnostic).map((e) => (e.statement ?? e.claim)?.id)).toEqual(['tA1', 'tA2', 'tA3', 'tC2', 'eBoth', 'eC', 'eS']);
    expect(m.evidence.every((e) => e.cells.every((c) => c.override === null && c.cell === c.derivedCell))).toBe(true);
  });

  it('breaks a tie in inconsistency by more consistent cells, then by claim id', async () => {
    await gql(store, CREATE, { input: { id: 'q-tie', text: 'Ties?', hypotheses: ['tie-b', 'tie-c', 'tie-a'] } }, 'editor');
    const m = await matrixOf(store, 'q-tie');
    expect(ranking(m)).toEqual([
      ['tie-c', 0, 1, 1],
      ['tie-a', 0, 0, 2],
      ['tie-b', 0, 0, 3],
    ]);
  });

  it('gives a question without evidence its hypotheses, unranked by anything but id, and no evidence', async () => {
    await gql(store, CREATE, { input: { id: 'q-lone', text: 'Nothing known?', hypotheses: ['lone-2', 'lone-1'] } }, 'editor');
    const m = await matrixOf(store, 'q-lone');
    expect(ranking(m)).toEqual([['lone-1', 0, 0, 1], ['lone-2', 0, 0, 2]]);
    expect(m.evidence).toEqual([]);
  });

  it('lets an editor override a cell with a reason, keeping the derived cell, and moves the score and the diagnosis', async () => {
    const set = await gql(store, SET, { question: 'q', hypothesis: 'hB', evidence: { statement: 'tB1' }, cell: 'INCONSISTENT', reason: 'A first reason.' }, 'bob');
    expect(set.errors).toBeUndefined();
    expect(set.data?.setAchCell).toEqual({ question: { id: 'q', recorded: { updatedBy: 'bob' } } });
    // Setting the same cell again replaces the override.
    const again = await gql(store, SET, { question: 'q', hypothesis: 'hB', evidence: { statement: 'tB1' }, cell: 'INCONSISTENT', reason: 'Silence from this source is telling.' }, 'carol');
    expect(again.errors).toBeUndefined();
    const m = await matrixOf(store, 'q');
    const cell = item(m, 'tB1')?.cells.find((c) => c.hypothesis.id === 'hB');
    expect(cell).toMatchObject({ cell: 'INCONSISTENT', derivedCell: 'NEUTRAL', override: { cell: 'INCONSISTENT', reason: 'Silence from this source is telling.', by: 'carol' } });
    expect(cell?.override?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(item(m, 'tB1')?.diagnostic).toBe(true);
    expect(m.hypotheses.find((h) => h.claim.id === 'hB')?.inconsistency).toBe(4);

    // Overriding a claim item works the same way, and can change the ranking.
    await gql(store, SET, { question: 'q', hypothesis: 'hA', evidence: { claim: 'eS' }, cell: 'INCONSISTENT', reason: 'Test: A made to lose.' }, 'editor');
    await gql(store, SET, { question: 'q', hypothesis: 'hA', evidence: { statement: 'tA1' }, cell: 'INCONSISTENT', reason: 'Test: A made to lose.' }, 'editor');
    expect(ranking(await matrixOf(store, 'q')).map((r) => r[0])).toEqual(['hC', 'hA', 'hB']);

    // Clearing restores the derived cells.
    for (const [hypothesis, evidence] of [['hB', { statement: 'tB1' }], ['hA', { claim: 'eS' }], ['hA', { statement: 'tA1' }]] as const) {
      expect((await gql(store, CLEAR, { question: 'q', hypothesis, evidence }, 'dave')).errors).toBeUndefined();
    }
    const cleared = await matrixOf(store, 'q');
    expect(ranking(cleared)).toEqual([['hA', 1, 3, 1], ['hC', 2, 2, 2], ['hB', 3, 1, 3]]);
    expect(cleared.evidence.every((e) => e.cells.every((c) => c.override === null))).toBe(true);
    const recorded = await gql(store, `{ question(id: "q") { recorded { createdBy updatedBy } } }`);
    expect(recorded.data?.question).toEqual({ recorded: { createdBy: 'alice', updatedBy: 'dave' } });
  });

  it('refuses an override without a reason, on evidence that is not in the matrix, or for a claim that is not a hypothesis, and writes nothing', async () => {
    const before = await matrixOf(store, 'q');
    const attempt = (args: Record<string, unknown>) =>
      gql(store, SET, { question: 'q', hypothesis: 'hA', evidence: { statement: 'tA1' }, cell: 'NEUTRAL', reason: 'Because.', ...args }, 'editor');

    const blank = await attempt({ reason: '   ' });
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(problemPaths(blank)).toEqual(['input.reason']);

    const unknownStatement = await attempt({ evidence: { statement: 'no-such-statement' } });
    expect(codes(unknownStatement)).toEqual(['NOT_FOUND']);
    expect(unknownStatement.errors?.[0]?.message).toMatch(/no-such-statement/);

    const notEvidence = await attempt({ evidence: { statement: 'tX' } });
    expect(codes(notEvidence)).toEqual(['BAD_USER_INPUT']);
    expect(problemPaths(notEvidence)).toEqual(['input.evidence.statement']);
    expect(codes(await attempt({ evidence: { claim: 'eU' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await attempt({ evidence: { claim: 'no-such-claim' } }))).toEqual(['NOT_FOUND']);

    const both = await attempt({ evidence: { statement: 'tA1', claim: 'eS' } });
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
    expect(problemPaths(both)).toEqual(['input.evidence']);
    expect(codes(await attempt({ evidence: {} }))).toEqual(['BAD_USER_INPUT']);

    const notHypothesis = await attempt({ hypothesis: 'eS' });
    expect(codes(notHypothesis)).toEqual(['BAD_USER_INPUT']);
    expect(problemPaths(notHypothesis)).toEqual(['input.hypothesis']);
    expect(codes(await attempt({ hypothesis: 'no-such-claim' }))).toEqual(['NOT_FOUND']);
    expect(codes(await attempt({ question: 'no-such-question' }))).toEqual(['NOT_FOUND']);
    expect(codes(await attempt({ cell: 'MAYBE' }))).toEqual(['BAD_USER_INPUT']);

    expect(await matrixOf(store, 'q')).toEqual(before);
    const clearNothing = await gql(store, CLEAR, { question: 'q', hypothesis: 'hA', evidence: { statement: 'tA1' } }, 'editor');
    expect(codes(clearNothing)).toEqual(['NOT_FOUND']);
  });

  it('refuses a question with an unknown claim, one hypothesis, a repeated one or no text, and writes nothing', async () => {
    const count = async () => ((await gql(store, `{ questions { totalCount } }`)).data?.questions as { totalCount: number }).totalCount;
    const before = await count();
    const create = (input: Record<string, unknown>) => gql(store, CREATE, { input: { text: 'Which?', hypotheses: ['hA', 'hB'], ...input } }, 'editor');

    const unknown = await create({ hypotheses: ['hA', 'no-such-claim'] });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.message).toBe('No claim with id "no-such-claim".');

    const one = await create({ hypotheses: ['hA'] });
    expect(codes(one)).toEqual(['BAD_USER_INPUT']);
    expect(problemPaths(one)).toEqual(['input.hypotheses']);
    expect(one.errors?.[0]?.message).toMatch(/expected at least 2 distinct claim ids.*got 1 claim id/);

    const repeated = await create({ hypotheses: ['hA', 'hB', 'hA'] });
    expect(codes(repeated)).toEqual(['BAD_USER_INPUT']);
    expect(problemPaths(repeated)).toEqual(['input.hypotheses[2]']);
    expect(codes(await create({ hypotheses: ['hA', 'hA'] }))).toEqual(['BAD_USER_INPUT']);

    const blank = await create({ text: ' ' });
    expect(problemPaths(blank)).toEqual(['input.text']);
    expect(codes(await create({ id: 'q' }))).toEqual(['CONFLICT']);
    expect(await count()).toBe(before);
  });

  it('updates a question: dropping a hypothesis drops its overrides; an unchanged update is not recorded', async () => {
    await gql(store, CREATE, { input: { id: 'q-up', text: 'Which of A, B?', hypotheses: ['hA', 'hB'] } }, 'alice');
    await gql(store, SET, { question: 'q-up', hypothesis: 'hB', evidence: { statement: 'tA3' }, cell: 'NEUTRAL', reason: 'Test.' }, 'editor');
    const UPDATE = `mutation($input: UpdateQuestionInput!) { updateQuestion(input: $input) { question { text hypotheses { id: recordId } recorded { updatedBy } } } }`;

    const unchanged = await gql(store, UPDATE, { input: { id: 'q-up', hypotheses: ['hB', 'hA'] } }, 'zed');
    expect(unchanged.data?.updateQuestion).toMatchObject({ question: { recorded: { updatedBy: 'editor' } } });

    const changed = await gql(store, UPDATE, { input: { id: 'q-up', text: 'Which of A, C?', hypotheses: ['hA', 'hC'] } }, 'erin');
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateQuestion).toEqual({ question: { text: 'Which of A, C?', hypotheses: [{ id: 'hA' }, { id: 'hC' }], recorded: { updatedBy: 'erin' } } });
    // Putting hB back does not bring its old override back.
    await gql(store, UPDATE, { input: { id: 'q-up', hypotheses: ['hA', 'hB'] } }, 'editor');
    const m = await matrixOf(store, 'q-up');
    expect(m.evidence.every((e) => e.cells.every((c) => c.override === null))).toBe(true);

    expect(codes(await gql(store, UPDATE, { input: { id: 'q-up', hypotheses: ['hA'] } }, 'editor'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(store, UPDATE, { input: { id: 'nope', text: 'x' } }, 'editor'))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(store, UPDATE, { input: { id: 'q-up', hypotheses: ['hA', 'nope'] } }, 'editor'))).toEqual(['NOT_FOUND']);
  });

  it('answers an unknown question with null and NOT_FOUND, and pages questions in id order', async () => {
    const unknown = await gql(store, `{ question(id: "nope") { id: recordId } }`);
    expect(unknown.data?.question).toBeNull();
    expect(codes(unknown)).toEqual(['NOT_FOUND']);

    const first = await gql(store, `{ questions(first: 2) { totalCount pageInfo { endCursor hasNextPage } nodes { id: recordId } } }`);
    const page = first.data?.questions as { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string }[] };
    expect(page.nodes.map((n) => n.id)).toEqual(['q', 'q-lone']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await gql(store, `query($after: String) { questions(first: 10, after: $after) { nodes { id: recordId } } }`, { after: page.pageInfo.endCursor });
    expect(page.totalCount).toBe(4);
    expect((next.data?.questions as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toEqual(['q-tie', 'q-up']);
    expect(codes(await gql(store, `{ questions(after: "bogus") { nodes { id: recordId } } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists on a claim the questions it is a hypothesis in', async () => {
    const result = await gql(store, `{ a: claim(id: "hA") { questions { id: recordId } } s: claim(id: "eS") { questions { id: recordId } } }`);
    expect(result.data).toEqual({ a: { questions: [{ id: 'q' }, { id: 'q-up' }] }, s: { questions: [] } });
  });
});

/*
 * Version 2: implication links, copies of one remark, and positions over
 * time. "Who was the man the strike killed?" Hypotheses: a senior commander
 * of group G (h-commander), a member of G (h-member), a civilian
 * (h-civilian). h-commander IMPLIES h-member; h-member CONTRADICTS
 * h-civilian (so h-commander, which implies h-member, contradicts
 * h-civilian too); e-led-unit IMPLIES h-commander (so, through it, h-member,
 * and it contradicts h-civilian); e-farmer SUPPORTS h-civilian.
 */
const v2Statement = (id: string, source: string, claim: string, stance: string, extra: Record<string, unknown> = {}) => ({ id, source, claim, stance, ...extra });
const WHO = {
  format: 'claimgraph-bundle',
  version: 2,
  sources: ['ministry', 'wire', 'family', 'monitor', 'analyst', 'militia', 'ngo'].map((id) => ({ id: `src-${id}`, name: `The ${id}`, kind: 'ORGANIZATION', anonymous: false })),
  claims: ['h-commander', 'h-member', 'h-civilian', 'e-led-unit', 'e-farmer', 'e-seen-armed'].map(claim),
  statements: [
    // The ministry's spring announcement, revised by its autumn inquiry: only the inquiry is evidence.
    v2Statement('st-ministry-spring', 'src-ministry', 'h-commander', 'ASSERTS', { date: '2025-03-15' }),
    v2Statement('st-ministry-autumn', 'src-ministry', 'h-civilian', 'ASSERTS', { date: '2025-10-30', supersedes: ['st-ministry-spring'] }),
    // The wire repeated the spring announcement in its own voice: it falls with its origin's revision.
    v2Statement('st-wire-commander', 'src-wire', 'h-commander', 'ASSERTS', { derivedFrom: 'st-ministry-spring' }),
    // The linked claims, each asserted by someone, and one whose only assertion was withdrawn.
    v2Statement('st-family-farmer', 'src-family', 'e-farmer', 'ASSERTS'),
    v2Statement('st-analyst-led-unit', 'src-analyst', 'e-led-unit', 'ASSERTS'),
    v2Statement('st-monitor-armed', 'src-monitor', 'e-seen-armed', 'ASSERTS', { date: '2025-03-20' }),
    v2Statement('st-monitor-armed-withdrawn', 'src-monitor', 'e-seen-armed', 'WITHDRAWS', { date: '2025-04-10' }),
    // The family's remark, coded twice: one item, with a copy.
    v2Statement('st-family-civilian-1', 'src-family', 'h-civilian', 'ASSERTS', { quote: 'He farmed olives' }),
    v2Statement('st-family-civilian-2', 'src-family', 'h-civilian', 'ASSERTS', { paraphrase: 'His family said he was a farmer.' }),
    v2Statement('st-monitor-doubts-commander', 'src-monitor', 'h-commander', 'DENIES', { hedged: true, hedge: 'no longer confident' }),
    v2Statement('st-monitor-denies-member', 'src-monitor', 'h-member', 'DENIES'),
    v2Statement('st-analyst-hedges-member', 'src-analyst', 'h-member', 'ASSERTS', { hedged: true, hedge: 'probably' }),
    v2Statement('st-militia-silent', 'src-militia', 'h-commander', 'NO_RESPONSE'),
    // An NGO said civilian in April and withdrew it in May: only the withdrawal stands.
    v2Statement('st-ngo-civilian', 'src-ngo', 'h-civilian', 'ASSERTS', { date: '2025-04-01' }),
    v2Statement('st-ngo-withdraws', 'src-ngo', 'h-civilian', 'WITHDRAWS', { date: '2025-05-01' }),
  ],
  links: [
    link('IMPLIES', 'h-commander', 'h-member'),
    link('CONTRADICTS', 'h-member', 'h-civilian'),
    link('IMPLIES', 'e-led-unit', 'h-commander'),
    link('SUPPORTS', 'e-farmer', 'h-civilian'),
    link('SUPPORTS', 'e-seen-armed', 'h-commander'),
  ],
  questions: [{ id: 'q-who', text: 'Who was the man the strike killed?', hypotheses: ['h-commander', 'h-member', 'h-civilian'] }],
};

describe('the ACH matrix with implications, copies and revisions (a version 2 bundle)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await emptyStore();
    await importBundle(store, WHO, { editor: 'test' });
  });
  afterAll(() => store.close());

  it('takes as evidence the current statements, one item per source, claim and position, and the asserted claims linked by IMPLIES too', async () => {
    const m = await matrixOf(store, 'q-who');
    expect(m.evidence.map((e) => [e.kind, (e.statement ?? e.claim)?.id, e.copies.map((c) => c.id)])).toEqual([
      ['STATEMENT', 'st-analyst-hedges-member', []],
      ['STATEMENT', 'st-family-civilian-1', ['st-family-civilian-2']],
      ['STATEMENT', 'st-militia-silent', []],
      ['STATEMENT', 'st-ministry-autumn', []],
      ['STATEMENT', 'st-monitor-denies-member', []],
      ['STATEMENT', 'st-monitor-doubts-commander', []],
      ['STATEMENT', 'st-ngo-withdraws', []],
      ['CLAIM', 'e-farmer', []],
      ['CLAIM', 'e-led-unit', []],
    ]);
    // Superseded statements are not evidence: the ministry's spring announcement, the NGO's withdrawn
    // assertion, and the wire's repetition of the spring announcement, which fell with it.
    for (const id of ['st-ministry-spring', 'st-ngo-civilian', 'st-wire-commander']) expect(item(m, id)).toBeUndefined();
    // A linked claim whose only assertion was withdrawn is no evidence.
    expect(item(m, 'e-seen-armed')).toBeUndefined();
  });

  it('reads IMPLIES in both directions and at any depth: IMPLIES when the item\'s claim implies the hypothesis, IMPLIED_BY when the hypothesis implies it', async () => {
    const m = await matrixOf(store, 'q-who');
    const relations = (id: string) => Object.fromEntries((item(m, id)?.cells ?? []).map((c) => [c.hypothesis.id, c.relation]));
    // A commander is a member, and a member is no civilian: commander and civilian contradict through the implication.
    expect(relations('st-monitor-doubts-commander')).toEqual({ 'h-civilian': 'CONTRADICTS', 'h-commander': 'SAME', 'h-member': 'IMPLIES' });
    expect(relations('st-analyst-hedges-member')).toEqual({ 'h-civilian': 'CONTRADICTS', 'h-commander': 'IMPLIED_BY', 'h-member': 'SAME' });
    // Two steps: e-led-unit implies h-commander, which implies h-member (and so contradicts h-civilian).
    expect(relations('e-led-unit')).toEqual({ 'h-civilian': 'CONTRADICTS', 'h-commander': 'IMPLIES', 'h-member': 'IMPLIES' });
    expect(relations('e-farmer')).toEqual({ 'h-civilian': 'SUPPORTS', 'h-commander': 'UNLINKED', 'h-member': 'UNLINKED' });
  });

  it('derives each cell from the position and the relation', async () => {
    const m = await matrixOf(store, 'q-who');
    // Asserting (or hedging) X fits H when X is H, implies H or is implied by H.
    expect(cellsOf(m, 'st-analyst-hedges-member')).toEqual({ 'h-civilian': 'INCONSISTENT', 'h-commander': 'CONSISTENT', 'h-member': 'CONSISTENT' });
    // A civilian is neither a member nor (through it) a commander.
    expect(cellsOf(m, 'st-family-civilian-1')).toEqual({ 'h-civilian': 'CONSISTENT', 'h-commander': 'INCONSISTENT', 'h-member': 'INCONSISTENT' });
    expect(cellsOf(m, 'st-ministry-autumn')).toEqual({ 'h-civilian': 'CONSISTENT', 'h-commander': 'INCONSISTENT', 'h-member': 'INCONSISTENT' });
    // Denying X is against H when H implies X (not a member: not a commander), says nothing when X implies H.
    expect(cellsOf(m, 'st-monitor-denies-member')).toEqual({ 'h-civilian': 'CONSISTENT', 'h-commander': 'INCONSISTENT', 'h-member': 'INCONSISTENT' });
    // A doubt is read as a denial: against the hypothesis itself, neutral for what it implies, for what contradicts it.
    expect(cellsOf(m, 'st-monitor-doubts-commander')).toEqual({ 'h-civilian': 'CONSISTENT', 'h-commander': 'INCONSISTENT', 'h-member': 'NEUTRAL' });
    // A withdrawal and a silence take no side.
    for (const id of ['st-ngo-withdraws', 'st-militia-silent']) {
      expect(cellsOf(m, id)).toEqual({ 'h-civilian': 'NEUTRAL', 'h-commander': 'NEUTRAL', 'h-member': 'NEUTRAL' });
      expect(item(m, id)?.diagnostic).toBe(false);
    }
    // A claim that implies the hypothesis fits it, as one that supports it does.
    expect(cellsOf(m, 'e-led-unit')).toEqual({ 'h-civilian': 'INCONSISTENT', 'h-commander': 'CONSISTENT', 'h-member': 'CONSISTENT' });
    expect(cellsOf(m, 'e-farmer')).toEqual({ 'h-civilian': 'CONSISTENT', 'h-commander': 'NEUTRAL', 'h-member': 'NEUTRAL' });
  });

  it('ranks the civilian account first: the copy and the revised, withdrawn and fallen statements do not count', async () => {
    const m = await matrixOf(store, 'q-who');
    // [hypothesis, inconsistency, consistency, rank], worked out from the cells above.
    expect(ranking(m)).toEqual([
      ['h-civilian', 2, 5, 1],
      ['h-member', 3, 2, 2],
      ['h-commander', 4, 2, 3],
    ]);
  });

  it('refuses an override on a copy (naming its item) or on a superseded statement: they are not items', async () => {
    const attempt = (statement: string) =>
      gql(store, SET, { question: 'q-who', hypothesis: 'h-civilian', evidence: { statement }, cell: 'NEUTRAL', reason: 'Test.' }, 'editor');
    const copy = await attempt('st-family-civilian-2');
    expect(codes(copy)).toEqual(['BAD_USER_INPUT']);
    expect(problemPaths(copy)).toEqual(['input.evidence.statement']);
    expect(JSON.stringify(copy.errors?.[0]?.extensions?.problems)).toContain('a copy folded into the item \\"st-family-civilian-1\\"');
    expect(codes(await attempt('st-ministry-spring'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await attempt('st-ngo-civilian'))).toEqual(['BAD_USER_INPUT']);
  });

  it('a derived statement falls with its revised origin, superseded by the same revision', async () => {
    const result = await gql(store, `{ statement(id: "st-wire-commander") { current supersededBy { id: recordId } supersession origin { id: recordId current supersededBy { id: recordId } supersession } } }`);
    expect(result.data?.statement).toEqual({
      current: false,
      supersededBy: { id: 'st-ministry-autumn' },
      supersession: 'ORIGIN_SUPERSEDED',
      origin: { id: 'st-ministry-spring', current: false, supersededBy: { id: 'st-ministry-autumn' }, supersession: 'EXPLICIT' },
    });
  });
});

describe('the ACH matrix of a version 1 bundle with copies', () => {
  it('is one item for a remark coded twice (one statement after the upgrade), and an override given by the copy\'s old id applies to it', async () => {
    const store = await emptyStore();
    try {
      await importBundle(store, {
        format: 'claimgraph-bundle',
        version: 1,
        sources: [{ id: 's1', name: 'First Source', kind: 'PERSON', anonymous: false }],
        documents: [{ id: 'd1', title: 'One' }, { id: 'd2', title: 'Two' }],
        claims: [claim('hA'), claim('hB')],
        statements: [
          // The same words in two documents: one act of saying, "t2" its former id. The lossy copy in d2 dropped "possibly".
          { id: 't1', source: 's1', claim: 'hA', stance: 'HEDGES', hedge: 'possibly', quote: 'It was them', document: 'd1' },
          { id: 't2', source: 's1', claim: 'hA', stance: 'ASSERTS', quote: 'It was them', document: 'd2' },
        ],
        links: [link('CONTRADICTS', 'hA', 'hB')],
      }, { editor: 'test' });
      expect((await gql(store, CREATE, { input: { id: 'q1', text: 'A or B?', hypotheses: ['hA', 'hB'] } }, 'ed')).errors).toBeUndefined();
      const m = await matrixOf(store, 'q1');
      expect(m.evidence.map((e) => [e.statement?.id, e.copies])).toEqual([['t1', []]]);
      // Hedged, since one copy was: still consistent with A and against B.
      expect(cellsOf(m, 't1')).toEqual({ hA: 'CONSISTENT', hB: 'INCONSISTENT' });
      const set = await gql(store, SET, { question: 'q1', hypothesis: 'hB', evidence: { statement: 't2' }, cell: 'NEUTRAL', reason: 'Said in jest.' }, 'ed');
      expect(set.errors).toBeUndefined();
      expect(cellsOf(await matrixOf(store, 'q1'), 't1')).toEqual({ hA: 'CONSISTENT', hB: 'NEUTRAL' });
    } finally {
      await store.close();
    }
  });
});

describe('the questions file', () => {
  const file = (question: Record<string, unknown>) => ({ format: 'claimgraph-questions', version: 1, questions: [{ id: 'qf', text: 'Which?', hypotheses: ['hA', 'hB'], ...question }] });

  it('refuses an override without a reason, or an unknown field, and writes nothing', async () => {
    const store = await emptyStore();
    await importBundle(store, RULES, { editor: 'test' });
    const noReason = file({ overrides: [{ hypothesis: 'hA', evidence: { statement: 'tA1' }, cell: 'NEUTRAL', reason: '' }] });
    await expect(importQuestions(store, noReason, { editor: 'test' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: [expect.objectContaining({ path: '$.questions[0].overrides[0].reason' })] },
    });
    await expect(importQuestions(store, file({ verdict: 'hA' }), { editor: 'test' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(importQuestions(store, file({ hypotheses: ['hA'] }), { editor: 'test' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await gql(store, `{ questions { totalCount } }`)).data?.questions).toEqual({ totalCount: 0 });

    // With a reason, the override is the file's editor's.
    const withReason = file({ overrides: [{ hypothesis: 'hA', evidence: { statement: 'tA1' }, cell: 'NEUTRAL', reason: 'An editor judged so.' }] });
    expect(await importQuestions(store, withReason, { editor: 'file-editor' })).toEqual({ created: ['qf'], unchanged: [] });
    const cell = item(await matrixOf(store, 'qf'), 'tA1')?.cells.find((c) => c.hypothesis.id === 'hA');
    expect(cell).toMatchObject({ cell: 'NEUTRAL', derivedCell: 'CONSISTENT', override: { by: 'file-editor', reason: 'An editor judged so.' } });
    expect(await importQuestions(store, withReason, { editor: 'file-editor' })).toEqual({ created: [], unchanged: ['qf'] });
    await store.close();
  });

  it('the seed file overrides nothing: every Dumayr cell is derived from the report', () => {
    const json = JSON.parse(readFileSync(join(seedDir(), SEED_QUESTIONS_FILE), 'utf8')) as { questions: { overrides?: unknown[] }[] };
    expect(json.questions.flatMap((q) => q.overrides ?? [])).toEqual([]);
  });
});

describe('the Dumayr question on the seed', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  const Q = 'question-who-was-al-masoud';
  const OFFICIAL = 'claim-al-masoud-was-is-official';
  const UNDERCOVER = 'claim-al-masoud-undercover-against-is';
  const CIVILIAN = 'claim-al-masoud-was-civilian';

  it('ranks the undercover account first and the IS-official account last', async () => {
    const m = await matrixOf(store, Q);
    expect(ranking(m)).toEqual([
      [UNDERCOVER, 1, 6, 1],
      [CIVILIAN, 1, 2, 2],
      [OFFICIAL, 5, 1, 3],
    ]);
  });

  it('says why: the report denies the IS-official account, and the family, the officials, Airwars and his own word contradict it', async () => {
    const m = await matrixOf(store, Q);
    const against = (h: string) => m.evidence.filter((e) => e.cells.some((c) => c.hypothesis.id === h && c.cell === 'INCONSISTENT')).map((e) => (e.statement ?? e.claim)?.id);
    expect(against(OFFICIAL)).toEqual([
      'st-airwars-asserts-civilian',
      'st-family-asserts-undercover',
      'st-officials-assert-undercover',
      'st-report-denies-is-official',
      'claim-al-masoud-member-of-general-security',
    ]);
    // The report is coded once per remark: no item has a copy.
    expect(m.evidence.filter((e) => e.copies.length > 0)).toEqual([]);
    // The only evidence against the undercover and civilian accounts is the initial assumption.
    expect(against(UNDERCOVER)).toEqual(['st-assumptions-assert-is-official']);
    expect(against(CIVILIAN)).toEqual(['st-assumptions-assert-is-official']);
    // The report's denial counts for both rivals; the report's own details support the undercover account.
    expect(cellsOf(m, 'st-report-denies-is-official')).toEqual({ [OFFICIAL]: 'INCONSISTENT', [UNDERCOVER]: 'CONSISTENT', [CIVILIAN]: 'CONSISTENT' });
    expect(cellsOf(m, 'claim-al-masoud-infiltrated-is-in-badiya')).toEqual({ [OFFICIAL]: 'NEUTRAL', [UNDERCOVER]: 'CONSISTENT', [CIVILIAN]: 'NEUTRAL' });
    expect(m.evidence).toHaveLength(8);
    expect(m.evidence.every((e) => e.diagnostic && e.cells.every((c) => c.override === null))).toBe(true);
  });

  it("is the seed editor's record, reachable from each hypothesis claim", async () => {
    const result = await gql(store, `{ claim(id: "${CIVILIAN}") { questions { id: recordId text hypotheses { id: recordId } recorded { createdBy } } } }`);
    expect(result.data?.claim).toEqual({
      questions: [{ id: Q, text: 'Who was the man killed in Dumayr?', hypotheses: [{ id: UNDERCOVER }, { id: CIVILIAN }, { id: OFFICIAL }], recorded: { createdBy: 'claimgraph-seed' } }],
    });
  });

  it('is seeded once, however often the seed is loaded', async () => {
    const before = await gql(store, `{ questions { totalCount nodes { recorded { createdAt updatedAt } } } }`);
    await seed(store);
    expect(await gql(store, `{ questions { totalCount nodes { recorded { createdAt updatedAt } } } }`)).toEqual(before);
    expect((before.data?.questions as { totalCount: number }).totalCount).toBe(1);
  });

  it('previews the deletion of a hypothesis claim with the HYPOTHESIS relationship it takes along', async () => {
    const result = await gql(store, `{ deletionPreview(kind: CLAIM, id: "${CIVILIAN}") { relationships { type from to } } }`, {}, 'test-admin');
    expect(result.errors).toBeUndefined();
    expect((result.data?.deletionPreview as { relationships: unknown[] }).relationships).toContainEqual({ type: 'HYPOTHESIS', from: Q, to: CIVILIAN });
  });
});

describe('round trips for a question and its matrix', () => {
  const QUERY = `{ question(id: "question-who-was-al-masoud") { text hypotheses { text }
    matrix { hypotheses { rank claim { text } }
             evidence { diagnostic statement { stance source { name } claim { text } } copies { id: recordId source { name } } claim { text }
                        cells { cell hypothesis { id: recordId } override { reason } } } } } }`;

  it('do not grow with the number of evidence items', async () => {
    const store = await seededStore();
    const callsFor = async () => {
      const recording = new RecordingStore(store);
      const result = await gql(recording, QUERY);
      expect(result.errors).toBeUndefined();
      const evidence = ((result.data?.question as { matrix: { evidence: unknown[] } }).matrix.evidence).length;
      return { calls: recording.calls, evidence };
    };
    const before = await callsFor();
    // Five more statements on the hypotheses, by five more sources, one of them said twice (a copy), and one more linked claim.
    const extra = Array.from({ length: 5 }, (_, i) => i);
    await importBundle(store, {
      format: 'claimgraph-bundle',
      version: 1,
      sources: extra.map((i) => ({ id: `src-extra-${i}`, name: `Extra source ${i}`, kind: 'PERSON', anonymous: false })),
      claims: [{ id: 'claim-extra', text: 'An extra claim.' }],
      statements: [
        ...extra.map((i) => ({ id: `st-extra-${i}`, source: `src-extra-${i}`, claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS' })),
        { id: 'st-extra-0-again', source: 'src-extra-0', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS' },
        // Someone asserts the linked claim: only then is it evidence.
        { id: 'st-extra-claim', source: 'src-extra-1', claim: 'claim-extra', stance: 'ASSERTS' },
      ],
      links: [{ type: 'SUPPORTS', from: 'claim-extra', to: 'claim-al-masoud-was-civilian', linkedBy: 'test', reason: 'Test.' }],
    }, { editor: 'test' });
    const after = await callsFor();
    // The copy folds into st-extra-0: 5 statement items, 1 claim item.
    expect(after.evidence).toBe(before.evidence + 6);
    expect(after.calls.length).toBe(before.calls.length);
    expect(after.calls.filter((c) => c === 'ach-matrices')).toHaveLength(1);
    expect(after.calls.length).toBeLessThanOrEqual(7);
    console.log(`round trips for the Dumayr question's matrix: ${after.calls.length} (${after.calls.join(', ')}) for ${before.evidence} and for ${after.evidence} evidence items`);
    await store.close();
  });
});
