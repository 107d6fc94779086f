import { assessClaim, rateSource } from '../../src/analysis/judgements';
import { ClaimgraphError } from '../../src/errors';
import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { codes, gql, seededStore } from '../helpers';
import { mutate } from './judged-graphs';

/*
 * Editors' judgements through the API: source reliability ratings (history,
 * the default F, rejected writes that write nothing) and claim assessments.
 */

let store: GraphStore;
beforeEach(async () => {
  store = await seededStore();
});
afterEach(() => store.close());

const RELIABILITY = `query($id: ID!) { source(id: $id) { reliability { grade label reason by at } reliabilityHistory { grade reason by at } } }`;
type Rating = { grade: string; label?: string; reason: string; by: string | null; at: string | null };
const reliabilityOf = async (id: string) => {
  const result = await gql(store, RELIABILITY, { id });
  expect(result.errors).toBeUndefined();
  return result.data?.source as { reliability: Rating; reliabilityHistory: Rating[] };
};

const RATE = `mutation($id: ID!, $grade: Reliability!, $reason: String!) { rateSource(input: { source: $id, grade: $grade, reason: $reason }) {
  rating { grade by } source { id: recordId reliability { grade reason by at } reliabilityHistory { grade } } } }`;

describe('source reliability', () => {
  it('is F "cannot be judged", reason "no rating recorded", by and at null, for a source nobody has rated', async () => {
    expect(await reliabilityOf('src-airwars')).toEqual({
      reliability: { grade: 'F', label: 'Reliability cannot be judged', reason: 'no rating recorded', by: null, at: null },
      reliabilityHistory: [],
    });
  });

  it('records the grade, the reason, the editor and the time, and returns the source', async () => {
    const before = new Date().toISOString();
    const data = await mutate(store, RATE, { id: 'src-airwars', grade: 'B', reason: 'A long public record of documented civilian-harm assessments.' }, 'dana@example.org');
    const { rating, source: rated } = data.rateSource as { rating: Rating; source: { id: string; reliability: Rating; reliabilityHistory: Rating[] } };
    expect(rating).toEqual({ grade: 'B', by: 'dana@example.org' });
    expect(rated.id).toBe('src-airwars');
    expect(rated.reliability).toMatchObject({ grade: 'B', reason: 'A long public record of documented civilian-harm assessments.', by: 'dana@example.org' });
    expect(rated.reliability.at! >= before).toBe(true);
    expect(rated.reliabilityHistory).toEqual([{ grade: 'B' }]);
  });

  it('keeps every rating, newest first, and the latest is the reliability', async () => {
    for (const [grade, editor] of [['C', 'ann'], ['A', 'bob'], ['D', 'cy']] as const) {
      await mutate(store, RATE, { id: 'src-wassim-nasr', grade, reason: `rated ${grade}` }, editor);
    }
    const r = await reliabilityOf('src-wassim-nasr');
    expect(r.reliabilityHistory.map((x) => [x.grade, x.by])).toEqual([['D', 'cy'], ['A', 'bob'], ['C', 'ann']]);
    expect(r.reliability).toMatchObject({ grade: 'D', label: 'Not usually reliable', reason: 'rated D', by: 'cy' });
  });

  it('orders ratings recorded within the same millisecond by the order they were recorded', async () => {
    const now = '2026-03-01T00:00:00.000Z';
    for (const grade of ['E', 'B', 'C'] as const) await rateSource(store, 'src-airwars', { grade, reason: 'r' }, { editor: 'ed', now });
    expect((await reliabilityOf('src-airwars')).reliabilityHistory.map((x) => x.grade)).toEqual(['C', 'B', 'E']);
  });

  it('refuses a blank reason with BAD_USER_INPUT at "input.reason", and writes nothing', async () => {
    const result = await gql(store, RATE, { id: 'src-airwars', grade: 'A', reason: ' \n\t ' }, 'ed');
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'input.reason', expected: expect.stringMatching(/not blank/), got: 'a blank string' },
    ]);
    expect((await reliabilityOf('src-airwars')).reliabilityHistory).toEqual([]);
  });

  it('refuses an unknown source with NOT_FOUND naming it, and writes nothing', async () => {
    const result = await gql(store, RATE, { id: 'src-nobody', grade: 'A', reason: 'r' }, 'ed');
    expect(codes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors?.[0]?.message).toBe('No source with id "src-nobody".');
  });

  it('refuses a grade outside A–F before anything runs (GraphQL enum)', async () => {
    const result = await gql(store, RATE, { id: 'src-airwars', grade: 'G', reason: 'r' }, 'ed');
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect((await reliabilityOf('src-airwars')).reliabilityHistory).toEqual([]);
  });

  it('checks the grade and the reason in the function too, listing both problems', async () => {
    const error = await rateSource(store, 'src-airwars', { grade: 'Z', reason: '' }, { editor: 'ed' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClaimgraphError);
    expect((error as ClaimgraphError).details?.problems).toEqual([
      { path: 'grade', expected: 'one of A, B, C, D, E, F', got: '"Z"' },
      { path: 'reason', expected: expect.any(String), got: 'a blank string' },
    ]);
  });
});

const ASSESS = `mutation($claim: ID!, $verdict: Verdict!, $rating: Int!, $explanation: String!, $url: String) {
  assessClaim(input: { claim: $claim, verdict: $verdict, rating: $rating, explanation: $explanation, url: $url }) {
    assessment { id: recordId verdict alternateName rating explanation url by at claim { id: recordId status } } } }`;
const ASSESSMENTS = `query($id: ID!) { claim(id: $id) { assessment { id: recordId verdict by } assessments { id: recordId verdict rating explanation url by } } }`;
type AssessmentOut = { id: string; verdict: string; by: string; rating?: number; explanation?: string; url?: string | null };
const assessmentsOf = async (id: string) => {
  const result = await gql(store, ASSESSMENTS, { id });
  expect(result.errors).toBeUndefined();
  return result.data?.claim as { assessment: AssessmentOut | null; assessments: AssessmentOut[] };
};

describe('claim assessments', () => {
  it('has none by default: the seed holds no editor judgement', async () => {
    expect(await assessmentsOf('claim-al-masoud-was-is-official')).toEqual({ assessment: null, assessments: [] });
  });

  it('records verdict, rating, explanation, url, editor and time, with the verdict in words', async () => {
    const data = await mutate(store, ASSESS, {
      claim: 'claim-al-masoud-undercover-against-is', verdict: 'MOSTLY_TRUE', rating: 4,
      explanation: 'Two independent accounts; one unattributed contrary assumption.', url: 'https://example.org/reviews/undercover',
    }, 'erin@example.org');
    expect((data.assessClaim as { assessment: unknown }).assessment).toMatchObject({
      id: expect.stringMatching(/^assessment-/), verdict: 'MOSTLY_TRUE', alternateName: 'Mostly true', rating: 4,
      url: 'https://example.org/reviews/undercover', by: 'erin@example.org', claim: { id: 'claim-al-masoud-undercover-against-is', status: 'CONTESTED' },
    });
  });

  it('keeps the history, newest first; the latest is `assessment`', async () => {
    for (const [verdict, rating] of [['MIXED', 3], ['FALSE', 1], ['TRUE', 5]] as const) {
      await mutate(store, ASSESS, { claim: 'claim-killing-was-a-mistake', verdict, rating, explanation: verdict });
    }
    const a = await assessmentsOf('claim-killing-was-a-mistake');
    expect(a.assessments.map((x) => x.verdict)).toEqual(['TRUE', 'FALSE', 'MIXED']);
    expect(a.assessment?.verdict).toBe('TRUE');
    expect(a.assessment?.id).toBe(a.assessments[0]?.id);
  });

  it('refuses a rating outside 1–5, a blank explanation and a URL that is not http(s), all at once, and writes nothing', async () => {
    const result = await gql(store, ASSESS, { claim: 'claim-killing-was-a-mistake', verdict: 'FALSE', rating: 0, explanation: '  ', url: 'javascript:alert(1)' }, 'ed');
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect((result.errors?.[0]?.extensions?.problems as { path: string }[]).map((p) => p.path)).toEqual(['input.rating', 'input.explanation', 'input.url']);
    expect((await assessmentsOf('claim-killing-was-a-mistake')).assessments).toEqual([]);
    for (const rating of [6, -1]) {
      expect(codes(await gql(store, ASSESS, { claim: 'claim-killing-was-a-mistake', verdict: 'FALSE', rating, explanation: 'x' }, 'ed'))).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses an unknown claim with NOT_FOUND, and an unknown verdict through the enum', async () => {
    const unknown = await gql(store, ASSESS, { claim: 'claim-nope', verdict: 'FALSE', rating: 1, explanation: 'x' }, 'ed');
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.message).toBe('No claim with id "claim-nope".');
    expect(codes(await gql(store, ASSESS, { claim: 'claim-killing-was-a-mistake', verdict: 'PANTS_ON_FIRE', rating: 1, explanation: 'x' }, 'ed'))).toEqual(['BAD_USER_INPUT']);
  });

  it('accepts every rating from 1 to 5 and no url', async () => {
    for (const rating of [1, 2, 3, 4, 5]) {
      await assessClaim(store, 'claim-killing-was-a-mistake', { verdict: 'MIXED', rating, explanation: 'x', url: null }, { editor: 'ed' });
    }
    const a = await assessmentsOf('claim-killing-was-a-mistake');
    expect(a.assessments.map((x) => x.rating)).toEqual([5, 4, 3, 2, 1]);
    expect(a.assessments.every((x) => x.url === null)).toBe(true);
  });
});

describe('judgements by an id that was merged into another record', () => {
  it('a rating given by the id of a source matched by name on import rates the stored source', async () => {
    // "Airwars" again, under another id: one record, src-airwars (the smaller id); the incoming id keeps resolving to it.
    const report = await importBundle(store, {
      format: 'claimgraph-bundle', version: 2,
      sources: [{ id: 'src-airwars-org', name: 'Airwars', kind: 'ORGANIZATION', anonymous: false }],
    }, { editor: 'test' });
    expect(report.matched).toEqual([expect.objectContaining({ bundleId: 'src-airwars-org', graphId: 'src-airwars' })]);
    const data = await mutate(store, RATE, { id: 'src-airwars-org', grade: 'B', reason: 'A public record of civilian-harm assessments.' }, 'dana@example.org');
    expect(data.rateSource).toMatchObject({ source: { id: 'src-airwars', reliability: { grade: 'B', by: 'dana@example.org' } } });
    expect((await reliabilityOf('src-airwars')).reliabilityHistory.map((r) => r.grade)).toEqual(['B']);
  });

  it('an assessment given by the id of a claim merged into another assesses the one kept, and its status follows', async () => {
    // The same proposition, worded again in a later import, then merged by an editor.
    await importBundle(store, { format: 'claimgraph-bundle', version: 2, claims: [{ id: 'claim-raid-was-an-error', text: 'The raid that killed him was an error.' }] }, { editor: 'test' });
    await mutate(store, 'mutation { mergeClaims(input: { keep: "claim-killing-was-a-mistake", merge: "claim-raid-was-an-error" }) { mergedId } }');
    const data = await mutate(store, ASSESS, { claim: 'claim-raid-was-an-error', verdict: 'FALSE', rating: 1, explanation: 'Test of a merged id.' }, 'ed');
    expect((data.assessClaim as { assessment: unknown }).assessment).toMatchObject({ verdict: 'FALSE', by: 'ed', claim: { id: 'claim-killing-was-a-mistake', status: 'REFUTED' } });
    expect((await assessmentsOf('claim-killing-was-a-mistake')).assessment).toMatchObject({ verdict: 'FALSE', by: 'ed' });
  });
});
