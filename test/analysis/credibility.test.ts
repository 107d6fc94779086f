import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessClaim, rateSource } from '../../src/analysis/judgements';
import { credibility, CREDIBILITY_LABELS, CREDIBILITY_RULES, type CredibilityInputs } from '../../src/analysis/credibility';
import { projectRoot } from '../../src/paths';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql, RecordingStore, seededStore } from '../helpers';
import { bundle, claimRecord, documentRecord, judged, link, load, says, source } from './judged-graphs';

/*
 * Information credibility (Admiralty Code 1–6). First the decision table on
 * its own (every rule and its boundaries), then the same rules on small
 * graphs counted by the store, then the seed.
 */

const none: CredibilityInputs = {
  assertingSources: 0, independentSources: 0, hedgingSources: 0, denyingSources: 0, doubtingSources: 0, contradictedBy: 0,
  opposingIndependentSources: 0, leaningFor: 0, leaningAgainst: 0, partiesAgainst: [], cameRound: [], admittedBy: [], bestReliability: null, bestRatedSources: [], assessment: null,
};
/** `independent` asserting clusters, which lean for it too. */
const asserted = (independent: number, extra: Partial<CredibilityInputs> = {}): CredibilityInputs => ({
  ...none, assertingSources: independent, independentSources: independent, leaningFor: independent, bestReliability: 'F', bestRatedSources: ['x'], ...extra,
});
/** Firm sources against it, in `clusters` clusters, which lean against it too. */
const against = (sources: number, clusters = sources) => ({ contradictedBy: sources, opposingIndependentSources: clusters, leaningAgainst: clusters });
const falseVerdict = { assessment: { id: 'a', verdict: 'FALSE' as const, by: 'ed', at: '2026-01-01T00:00:00Z' } };
const grade = (x: CredibilityInputs) => credibility(x).grade;

describe('the decision table', () => {
  it('6 when no source now asserts, hedges, denies, doubts or contradicts the claim', () => {
    expect(credibility(none)).toMatchObject({ grade: 6, label: 'Cannot be judged', ruleName: 'nothingToJudge' });
  });

  it('a doubt alone is something to judge by, and outweighs nothing for it: 5, not 6', () => {
    expect(credibility({ ...none, doubtingSources: 1, leaningAgainst: 1 })).toMatchObject({ grade: 5, ruleName: 'betterOpposed' });
  });

  it('a doubt keeps a claim from 1 and 2; it is 3 only when at least 2 clusters assert it and twice as many lean for it, else 4', () => {
    const doubt = { doubtingSources: 1, leaningAgainst: 1 };
    expect(credibility(asserted(2, doubt))).toMatchObject({ grade: 3, ruleName: 'outweighsOpposition' });
    expect(grade(asserted(5, doubt))).toBe(2); // rule 7: three firm clusters or more, three times as many for
    expect(grade(asserted(1, { bestReliability: 'A', ...doubt }))).toBe(4);
    expect(credibility(asserted(1, doubt))).toMatchObject({ grade: 4, ruleName: 'doubtful' });
    // Hedges count toward the ratio, not toward the 2 firm clusters.
    expect(grade(asserted(1, { ...doubt, hedgingSources: 3, leaningFor: 4 }))).toBe(4);
  });

  it('one firm voice against does not cap a claim that many clusters carry: 3 from twice as many clusters for as against, 4 below', () => {
    expect(credibility(asserted(2, against(1)))).toMatchObject({ grade: 3, label: 'Possibly true', ruleName: 'outweighsOpposition' });
    expect(grade(asserted(4, against(2)))).toBe(3); // exactly twice
    expect(grade(asserted(3, against(2)))).toBe(4); // 3 < 2 x 2
    expect(grade(asserted(2, { ...against(1), leaningAgainst: 2 }))).toBe(4); // a hedged contradiction leans against too
    expect(grade(asserted(2, { ...against(1), hedgingSources: 2, leaningFor: 4, leaningAgainst: 2 }))).toBe(3); // hedges for it weigh too
  });

  it('a lone voice against a claim that 3 or more clusters carry: 2 from three times as many clusters for as against, 3 below', () => {
    // PS752: 176 on board (the AP, France 24, Iran's civil aviation) against TASS's early 180.
    expect(credibility(asserted(3, against(1)))).toMatchObject({ grade: 2, label: 'Probably true', ruleName: 'farOutweighsOpposition' });
    expect(grade(asserted(6, against(2)))).toBe(2); // exactly three times
    expect(grade(asserted(5, against(2)))).toBe(3); // 5 < 3 x 2: rule 8
    // Hedges weigh in the ratio, but three firm clusters are needed.
    expect(grade(asserted(2, { ...against(1), hedgingSources: 4, leaningFor: 6 }))).toBe(3);
    expect(grade(asserted(3, { ...against(1), leaningAgainst: 2 }))).toBe(4); // a hedged contradiction leans against too: 3 < 2 x 2
    expect(grade(asserted(3, { doubtingSources: 1, leaningAgainst: 1 }))).toBe(2); // a doubt is weighed like a denial
  });

  it('hedges against hedges: where nobody is firm on either side, 5 only when three times as many clusters lean against it, else 4', () => {
    // COVID-19 origins: the US's hedges for the lab incident; the WHO's doubt and the US's hedges of the rival against it.
    const hedgedOnly = { ...none, hedgingSources: 4, leaningFor: 1 };
    expect(credibility({ ...hedgedOnly, doubtingSources: 1, leaningAgainst: 2 })).toMatchObject({ grade: 4, ruleName: 'doubtful' });
    expect(credibility({ ...hedgedOnly, doubtingSources: 3, leaningAgainst: 3 })).toMatchObject({ grade: 5, ruleName: 'betterOpposed' });
    // One firm voice, on either side, and one more cluster against is enough again.
    expect(grade({ ...hedgedOnly, doubtingSources: 1, ...against(1), leaningAgainst: 2 })).toBe(5);
    expect(grade(asserted(1, { doubtingSources: 2, leaningAgainst: 2 }))).toBe(5);
  });

  it('the sides are weighed with hedges and doubts: 3 independent doubters outweigh 1 asserting cluster (5), 2 more hedging for it make a tie (4)', () => {
    expect(grade(asserted(1, { doubtingSources: 3, leaningAgainst: 3 }))).toBe(5);
    expect(grade(asserted(1, { doubtingSources: 3, leaningAgainst: 3, hedgingSources: 2, leaningFor: 3 }))).toBe(4);
  });

  it('a hedged assertion of a contradicting claim leans against without being against: it weighs in rule 3 only', () => {
    // Two hedged contradictions outweigh one asserting cluster...
    expect(grade(asserted(1, { leaningAgainst: 2 }))).toBe(5);
    // ...but do not keep two asserting clusters from 1: nothing is against the claim, nobody doubts it.
    expect(grade(asserted(2, { leaningAgainst: 1 }))).toBe(1);
  });

  it('1 with 2 or more independent clusters and nothing against', () => {
    expect(grade(asserted(2))).toBe(1);
    expect(grade(asserted(5))).toBe(1);
  });

  it('not 1 when 2 sources assert but share a cluster (3 unless rated A/B)', () => {
    expect(grade(asserted(1, { assertingSources: 2 }))).toBe(3);
  });

  it('2 with 1 cluster, nothing against and an asserting source rated A or B; 3 with C to F', () => {
    expect(grade(asserted(1, { bestReliability: 'A' }))).toBe(2);
    expect(grade(asserted(1, { bestReliability: 'B' }))).toBe(2);
    for (const g of ['C', 'D', 'E', 'F'] as const) expect(grade(asserted(1, { bestReliability: g }))).toBe(3);
  });

  it('2 with 1 cluster and nothing against when another independent cluster hedges it; 3 when the hedge is in the same cluster', () => {
    expect(credibility(asserted(1, { hedgingSources: 1, leaningFor: 2 }))).toMatchObject({ grade: 2, ruleName: 'probablyTrue' });
    expect(grade(asserted(1, { hedgingSources: 2, leaningFor: 1 }))).toBe(3);
    // Hedges alone are not an account: 4, as before.
    expect(grade({ ...none, hedgingSources: 2, leaningFor: 2 })).toBe(4);
    // Something against the claim keeps it from rule 5, hedges or not.
    expect(grade(asserted(1, { hedgingSources: 1, leaningFor: 2, doubtingSources: 1, leaningAgainst: 1 }))).toBe(4);
  });

  it('2 with 1 cluster and nothing against when an asserting source came round from a denial (an admission); not when something is still against it', () => {
    const c = credibility(asserted(1, { cameRound: ['Ali Rabiei'] }));
    expect(c).toMatchObject({ grade: 2, ruleName: 'probablyTrue' });
    expect(c.facts).toContain('Ali Rabiei asserts it in a statement that supersedes one against it (an admission after a denial or doubt, or a revised account)');
    expect(grade(asserted(1, { cameRound: ['Ali Rabiei'], ...against(1) }))).toBe(4);
  });

  it('a rating does not lift 2 clusters above 1, nor a contradicted claim to 2', () => {
    expect(grade(asserted(2, { bestReliability: 'A' }))).toBe(1);
    expect(grade(asserted(1, { bestReliability: 'A', ...against(1) }))).toBe(4);
  });

  it('5 when more independent clusters are against than assert', () => {
    expect(grade(asserted(1, against(5, 2)))).toBe(5);
    expect(grade({ ...none, denyingSources: 1, ...against(1) })).toBe(5); // only denied: 1 > 0
  });

  it('ties are 4, not 5: 1 cluster for, 1 against; 2 for, 2 against', () => {
    expect(grade(asserted(1, against(1)))).toBe(4);
    expect(grade(asserted(2, against(3, 2)))).toBe(4);
  });

  it('counts clusters, not sources, on the opposing side: 3 opposing sources in 1 cluster weigh as one against 2 clusters', () => {
    expect(grade(asserted(2, against(3, 1)))).toBe(3);
    expect(grade(asserted(2, against(3, 2)))).toBe(4);
  });

  it('4 when sources only hedge it; a contradicted hedged claim is 5 only when more clusters lean against it than hedge it', () => {
    expect(grade({ ...none, hedgingSources: 2, leaningFor: 2 })).toBe(4);
    expect(grade({ ...none, hedgingSources: 2, leaningFor: 2, ...against(1) })).toBe(4);
    expect(grade({ ...none, hedgingSources: 1, leaningFor: 1, ...against(2) })).toBe(5);
  });

  it("5 when the latest assessment says FALSE, whatever the counts; other verdicts change nothing", () => {
    expect(credibility(asserted(3, falseVerdict))).toMatchObject({ grade: 5, ruleName: 'refutedByEditor' });
    expect(grade({ ...none, ...falseVerdict })).toBe(5);
    expect(grade(asserted(3, { assessment: { ...falseVerdict.assessment, verdict: 'TRUE' } }))).toBe(1);
    expect(grade(asserted(1, { ...against(3), assessment: { ...falseVerdict.assessment, verdict: 'MOSTLY_FALSE' } }))).toBe(5);
    expect(grade(asserted(2, { ...against(2), assessment: { ...falseVerdict.assessment, verdict: 'MOSTLY_FALSE' } }))).toBe(4);
    expect(grade(asserted(2, { ...against(1), assessment: { ...falseVerdict.assessment, verdict: 'MOSTLY_FALSE' } }))).toBe(3);
  });

  it('returns the facts it decided on', () => {
    const c = credibility(asserted(1, { bestReliability: 'B', bestRatedSources: ['Airwars'] }));
    expect(c.facts).toEqual(expect.arrayContaining([
      '1 independent cluster asserts it (1 asserting source)', 'no source contradicts it', 'asserted by Airwars, rated B (usually reliable)',
    ]));
    expect(c.rule).toBe(CREDIBILITY_RULES.probablyTrue);
    const doubted = credibility(asserted(1, { doubtingSources: 2, leaningAgainst: 2 })).facts;
    expect(doubted).toEqual(expect.arrayContaining([
      '2 sources doubt it (a hedged denial)',
      'counting hedges and doubts, 1 independent cluster leans for it and 2 lean against it',
    ]));
    // The leaning clusters are said only when hedges or doubts make them differ from the firm counts.
    expect(credibility(asserted(2, against(1))).facts.filter((f) => f.startsWith('counting hedges'))).toEqual([]);
  });
});

describe('the rules as written', () => {
  const docs = readFileSync(join(projectRoot(), 'docs', 'ANALYSIS.md'), 'utf8');
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');

  it.each(Object.entries(CREDIBILITY_RULES))('rule %s is in docs/ANALYSIS.md and the README word for word', (_, text) => {
    expect(docs).toContain(text);
    expect(readme).toContain(text);
  });

  it('names every grade', () => {
    for (const label of Object.values(CREDIBILITY_LABELS)) expect(docs).toContain(label);
  });
});

describe('on small graphs, counted by the store', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await emptyStore();
  });
  afterEach(() => store.close());

  it('6 for a claim with only a silence on it (NO_RESPONSE is not something to judge by)', async () => {
    await load(store, bundle({ sources: [source('a')], statements: [says('a', 'c', 'NO_RESPONSE')] }));
    expect((await judged(store, 'c')).credibility.grade).toBe(6);
  });

  it('1 for two independent asserting sources, nothing against', async () => {
    await load(store, bundle({ sources: [source('a'), source('b')], statements: [says('a', 'c'), says('b', 'c')] }));
    const c = (await judged(store, 'c')).credibility;
    expect(c).toMatchObject({ grade: 1, label: 'Confirmed' });
    expect(c.facts).toEqual(expect.arrayContaining(['2 independent clusters assert it (2 asserting sources)', 'no source contradicts it']));
  });

  it('3, not 1, when the two asserting sources share a parent (one cluster)', async () => {
    await load(store, bundle({
      sources: [source('gov'), source('a'), source('b')],
      affiliations: [{ source: 'a', parent: 'gov', role: null }, { source: 'b', parent: 'gov', role: null }],
      statements: [says('a', 'c'), says('b', 'c')],
    }));
    expect((await judged(store, 'c')).credibility.grade).toBe(3);
  });

  it("2 once the only asserting source's latest rating is B; 3 again when a later rating is C", async () => {
    await load(store, bundle({ sources: [source('a')], statements: [says('a', 'c')] }));
    expect((await judged(store, 'c')).credibility.grade).toBe(3);
    await rateSource(store, 'a', { grade: 'B', reason: 'A good record.' }, { editor: 'ed' });
    const c = (await judged(store, 'c')).credibility;
    expect(c.grade).toBe(2);
    expect(c.facts).toContain('asserted by Source a, rated B (usually reliable)');
    await rateSource(store, 'a', { grade: 'C', reason: 'Two corrections this year.' }, { editor: 'ed' });
    expect((await judged(store, 'c')).credibility.grade).toBe(3);
  });

  it('2 from the best-rated of several asserting sources in one cluster', async () => {
    await load(store, bundle({
      sources: [source('gov'), source('a'), source('b')],
      affiliations: [{ source: 'a', parent: 'gov', role: null }, { source: 'b', parent: 'gov', role: null }],
      statements: [says('a', 'c'), says('b', 'c')],
    }));
    await rateSource(store, 'a', { grade: 'E', reason: 'r' }, { editor: 'ed' });
    await rateSource(store, 'b', { grade: 'A', reason: 'r' }, { editor: 'ed' });
    const c = (await judged(store, 'c')).credibility;
    expect(c.grade).toBe(2);
    expect(c.facts).toContain('asserted by Source b, rated A (completely reliable)');
  });

  it('a rated source that only denies or hedges does not make the claim probably true', async () => {
    // One organisation: b's hedge is no independent support (rule 5 would give 2 for that).
    await load(store, bundle({
      sources: [source('gov'), source('a'), source('b')],
      affiliations: [{ source: 'a', parent: 'gov', role: null }, { source: 'b', parent: 'gov', role: null }],
      statements: [says('a', 'c'), says('b', 'c', 'HEDGES')],
    }));
    await rateSource(store, 'b', { grade: 'A', reason: 'r' }, { editor: 'ed' });
    expect((await judged(store, 'c')).credibility.grade).toBe(3);
  });

  it('4 on a tie: 1 cluster asserts, 1 asserts a contradicting claim', async () => {
    await load(store, bundle({
      sources: [source('a'), source('b')],
      statements: [says('a', 'c'), says('b', 'd')],
      links: [{ type: 'CONTRADICTS', from: 'd', to: 'c', linkedBy: 'test', reason: 'cannot both hold' }],
    }));
    expect((await judged(store, 'c')).credibility.grade).toBe(4);
    expect((await judged(store, 'd')).credibility.grade).toBe(4);
  });

  it('5 when 2 independent clusters deny what 1 asserts', async () => {
    await load(store, bundle({ sources: [source('a'), source('b'), source('x')], statements: [says('x', 'c'), says('a', 'c', 'DENIES'), says('b', 'c', 'DENIES')] }));
    const c = (await judged(store, 'c')).credibility;
    expect(c).toMatchObject({ grade: 5, label: 'Improbable' });
    expect(c.facts).toContain('2 sources are against it (denying it or asserting a claim that contradicts it), in 2 independent clusters');
  });

  it('4, not 5, when the 2 deniers share a parent (1 cluster against 1)', async () => {
    await load(store, bundle({
      sources: [source('gov'), source('a'), source('b'), source('x')],
      affiliations: [{ source: 'a', parent: 'gov', role: null }, { source: 'b', parent: 'gov', role: null }],
      statements: [says('x', 'c'), says('a', 'c', 'DENIES'), says('b', 'c', 'DENIES')],
    }));
    expect((await judged(store, 'c')).credibility.grade).toBe(4);
  });

  it('4 when sources only hedge it', async () => {
    await load(store, bundle({ sources: [source('a'), source('b')], statements: [says('a', 'c', 'HEDGES'), says('b', 'c', 'HEDGES')] }));
    const c = (await judged(store, 'c')).credibility;
    expect(c.grade).toBe(4);
    expect(c.facts).toEqual(expect.arrayContaining(['no source asserts it', '2 sources hedge it']));
  });

  it('3, not 1, when a third source doubts what 2 independent clusters assert (a hedged denial)', async () => {
    await load(store, bundle({ sources: [source('a'), source('b'), source('y')], statements: [says('a', 'c'), says('b', 'c'), says('y', 'c', 'DOUBTS')] }));
    const c = (await judged(store, 'c')).credibility;
    expect(c).toMatchObject({ grade: 3, rule: CREDIBILITY_RULES.outweighsOpposition });
    // The doubt is not a contradiction: nobody is counted against it.
    expect(c.facts).toEqual(expect.arrayContaining([
      '2 independent clusters assert it (2 asserting sources)', 'no source contradicts it', '1 source doubts it (a hedged denial)',
      'counting hedges and doubts, 2 independent clusters lean for it and 1 leans against it',
    ]));
  });

  it('5, not 6, for a claim one source doubts and nobody asserts: 1 cluster leans against it, none for it', async () => {
    await load(store, bundle({ sources: [source('y')], statements: [says('y', 'c', 'DOUBTS')] }));
    expect((await judged(store, 'c')).credibility).toMatchObject({ grade: 5, rule: CREDIBILITY_RULES.betterOpposed });
  });

  it('hedged assertions of a contradicting claim weigh against it, and are not "against" it', async () => {
    await load(store, bundle({
      claims: ['c', 'd', 'e', 'f'].map(claimRecord),
      sources: [source('a'), source('b'), source('h'), source('k')],
      // c: 2 asserting clusters, 1 hedge of the contradicting d. e: 1 asserting cluster, 2 hedges of the contradicting f.
      statements: [says('a', 'c'), says('b', 'c'), says('h', 'd', 'HEDGES'), says('a', 'e'), says('h', 'f', 'HEDGES'), says('k', 'f', 'HEDGES')],
      links: [link('CONTRADICTS', 'c', 'd'), link('CONTRADICTS', 'e', 'f')],
    }));
    expect(await judged(store, 'c')).toMatchObject({ status: 'CORROBORATED', credibility: { grade: 1 } });
    expect(await judged(store, 'e')).toMatchObject({ status: 'UNVERIFIED', credibility: { grade: 5, rule: CREDIBILITY_RULES.betterOpposed } });
  });

  it('1 when one source asserts the claim and another asserts a claim that implies it (implied support counts)', async () => {
    // "He was a senior commander of G" (d) implies "he was a member of G" (c).
    await load(store, bundle({ sources: [source('a'), source('b')], statements: [says('a', 'c'), says('b', 'd')], links: [link('IMPLIES', 'd', 'c')] }));
    const c = (await judged(store, 'c')).credibility;
    expect(c).toMatchObject({ grade: 1, label: 'Confirmed' });
    expect(c.facts).toEqual(expect.arrayContaining(['2 independent clusters assert it (2 asserting sources)', 'no source contradicts it']));
    // Implication runs one way: asserting the weaker claim says nothing for the stronger one.
    expect((await judged(store, 'd')).credibility.grade).toBe(3);
  });

  it('denying what a claim implies counts against it; doubting it is a doubt of it', async () => {
    await load(store, bundle({
      claims: [claimRecord('c'), claimRecord('d'), claimRecord('e'), claimRecord('f')],
      sources: [source('a'), source('x'), source('y')],
      statements: [says('a', 'c'), says('x', 'd', 'DENIES'), says('a', 'e'), says('y', 'f', 'DOUBTS')],
      links: [link('IMPLIES', 'c', 'd'), link('IMPLIES', 'e', 'f')],
    }));
    // c: 1 cluster for, 1 against (x denies d, which c implies): a tie.
    const c = (await judged(store, 'c')).credibility;
    expect(c.grade).toBe(4);
    expect(c.facts).toContain('1 source is against it (denying it or asserting a claim that contradicts it), in 1 independent cluster');
    // e: asserted by a, doubted through f: 4, not 3.
    expect((await judged(store, 'e')).credibility).toMatchObject({ grade: 4, facts: expect.arrayContaining(['1 source doubts it (a hedged denial)']) });
  });

  it('counts current positions only: a withdrawn assertion no longer counts, a later denial replaces an assertion', async () => {
    await load(store, bundle({
      sources: [source('a'), source('b'), source('m')],
      statements: [
        // a asserted c in January and withdrew it in June: a has no position on c.
        says('a', 'c', 'ASSERTS', { date: '2024-01-10' }),
        says('a', 'c', 'WITHDRAWS', { date: '2024-06-01' }),
        says('b', 'c'),
        // m asserted d, then denied it: m is against d now, not for it.
        says('m', 'd', 'ASSERTS', { date: '2024-01-10' }),
        says('m', 'd', 'DENIES', { date: '2024-02-01' }),
        says('b', 'd'),
      ],
    }));
    expect((await judged(store, 'c')).credibility).toMatchObject({ grade: 3, facts: expect.arrayContaining(['1 independent cluster asserts it (1 asserting source)']) });
    expect((await judged(store, 'd')).credibility).toMatchObject({
      grade: 4,
      facts: expect.arrayContaining(['1 independent cluster asserts it (1 asserting source)', '1 source denies it']),
    });
  });

  it('1 for an admission after a denial, 2 for a revised account: a source that denied the claim, or asserted a claim contradicting it, now asserts it, itself or through a source that speaks for it', async () => {
    await load(store, bundle({
      claims: ['c', 'd', 'e', 'f'].map(claimRecord),
      sources: [source('gov'), source('chief'), source('spokesman'), source('m'), source('x')],
      affiliations: [{ source: 'chief', parent: 'gov', role: null }, { source: 'spokesman', parent: 'gov', role: 'spokesman' }],
      statements: [
        // c: the chief denies it; later the government's spokesman asserts it (he speaks for the chief).
        says('chief', 'c', 'DENIES', { date: '2020-01-10' }),
        says('spokesman', 'c', 'ASSERTS', { date: '2020-01-13' }),
        // e: m hedged the contradicting f ("we believe"), then asserted e.
        says('m', 'f', 'HEDGES', { date: '2021-09-01' }),
        says('m', 'e', 'ASSERTS', { date: '2021-09-17' }),
        // d: x asserts it and never said otherwise.
        says('x', 'd'),
      ],
      links: [link('CONTRADICTS', 'e', 'f')],
    }));
    // The government that denied c now asserts it: an admission, as good as a second confirmation.
    const c = (await judged(store, 'c')).credibility;
    expect(c).toMatchObject({ grade: 1, rule: CREDIBILITY_RULES.confirmed });
    expect(c.facts).toContain('Source spokesman now asserts it where its organisation denied or doubted it before (an admission)');
    expect(c.facts).toContain('Source spokesman asserts it in a statement that supersedes one against it (an admission after a denial or doubt, or a revised account)');
    // m revised its account of a rival claim: that is no denial of e taken back, so 2.
    const e = (await judged(store, 'e')).credibility;
    expect(e).toMatchObject({ grade: 2, rule: CREDIBILITY_RULES.probablyTrue });
    expect(e.facts.filter((f) => f.endsWith('(an admission)'))).toEqual([]);
    expect((await judged(store, 'd')).credibility).toMatchObject({ grade: 3, rule: CREDIBILITY_RULES.possiblyTrue });
  });

  it('an admission may come from another member of the organisation, once the denial is withdrawn; not from an outsider, nor after a channel retracted the denial', async () => {
    await load(store, bundle({
      claims: ['c', 'd', 'e', 'k'].map(claimRecord),
      sources: [source('gov'), source('a'), source('b'), source('outsider'), source('wire')],
      affiliations: [{ source: 'a', parent: 'gov', role: null }, { source: 'b', parent: 'gov', role: null }],
      documents: [{ ...documentRecord('doc-1'), publisher: 'wire' }],
      statements: [
        // e: the wire retracted its printing of a's denial (a's words are no longer shown), and b asserts e:
        // the government never took the denial back, so no admission.
        { ...says('a', 'e', 'DENIES', { date: '2020-01-10' }),
          appearances: [{ document: 'doc-1', quote: null, paraphrase: null, via: [], selector: null, retracted: { by: 'wire', date: '2020-01-11', document: null, reason: 'misquoted' } }] },
        says('b', 'e', 'ASSERTS', { date: '2020-01-13' }),
        // c: ministry a denied it and withdrew the denial; then ministry b, of the same government, asserts it.
        says('a', 'c', 'DENIES', { date: '2020-01-10' }),
        says('a', 'c', 'WITHDRAWS', { date: '2020-01-12' }),
        says('b', 'c', 'ASSERTS', { date: '2020-01-13' }),
        // k implies c: b's firm assertion of k is an admission of k too, since a denied what k implies.
        says('b', 'k', 'ASSERTS', { date: '2020-01-14' }),
        // d: an outsider withdrew its denial; b's assertion is no admission of anyone's.
        says('outsider', 'd', 'DENIES', { date: '2020-01-10' }),
        says('outsider', 'd', 'WITHDRAWS', { date: '2020-01-12' }),
        says('b', 'd', 'ASSERTS', { date: '2020-01-13' }),
      ],
      links: [link('IMPLIES', 'k', 'c')],
    }));
    expect((await judged(store, 'c')).credibility).toMatchObject({
      grade: 1, facts: expect.arrayContaining(['Source b now asserts it where its organisation denied or doubted it before (an admission)']),
    });
    expect((await judged(store, 'k')).credibility.grade).toBe(1);
    for (const id of ['d', 'e']) {
      const other = (await judged(store, id)).credibility;
      expect(other.grade).toBe(3);
      expect(other.facts.filter((f) => f.includes('admission'))).toEqual([]);
    }
  });

  it('no admission when the reversal went the other way, or when the earlier statement was by a source the asserter does not speak for', async () => {
    await load(store, bundle({
      sources: [source('gov'), source('a'), source('b'), source('p')],
      affiliations: [{ source: 'a', parent: 'gov', role: null }, { source: 'b', parent: 'gov', role: null }],
      statements: [
        // c: a sibling's denial is not superseded by b's assertion (siblings do not speak for each other).
        says('a', 'c', 'DENIES', { date: '2020-01-10' }),
        says('b', 'c', 'ASSERTS', { date: '2020-01-13' }),
        // d: p asserted, then denied: p is against it now, nobody came round.
        says('p', 'd', 'ASSERTS', { date: '2020-01-10' }),
        says('p', 'd', 'DENIES', { date: '2020-01-13' }),
      ],
    }));
    const c = (await judged(store, 'c')).credibility;
    expect(c.grade).toBe(4);
    expect(c.facts.filter((f) => f.includes('admission'))).toEqual([]);
    expect((await judged(store, 'd')).credibility.grade).toBe(5);
  });

  it('2 for one asserting cluster that an independent one hedges; 3 when the hedger shares its parent', async () => {
    await load(store, bundle({
      claims: ['c', 'd'].map(claimRecord),
      sources: [source('gov'), source('a'), source('b'), source('k')],
      affiliations: [{ source: 'a', parent: 'gov', role: null }, { source: 'b', parent: 'gov', role: null }],
      statements: [says('a', 'c'), says('k', 'c', 'HEDGES'), says('a', 'd'), says('b', 'd', 'HEDGES')],
    }));
    expect((await judged(store, 'c')).credibility).toMatchObject({ grade: 2, rule: CREDIBILITY_RULES.probablyTrue });
    expect((await judged(store, 'd')).credibility).toMatchObject({ grade: 3, rule: CREDIBILITY_RULES.possiblyTrue });
  });

  it('5 after an assessment FALSE, back to the counted grade after a later TRUE (the latest counts)', async () => {
    await load(store, bundle({ sources: [source('a'), source('b')], statements: [says('a', 'c'), says('b', 'c')] }));
    await assessClaim(store, 'c', { verdict: 'FALSE', rating: 1, explanation: 'Debunked.' }, { editor: 'ed' });
    expect((await judged(store, 'c')).credibility.grade).toBe(5);
    await assessClaim(store, 'c', { verdict: 'TRUE', rating: 5, explanation: 'New evidence.' }, { editor: 'ed' });
    expect((await judged(store, 'c')).credibility.grade).toBe(1);
  });
});

describe('on the seed (the Dumayr report)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it('the undercover claim is 3 (possibly true): 2 independent clusters assert it, the initial assumptions (1 cluster, half as many) are against it, so not 1 (needs nothing against)', async () => {
    const c = (await judged(store, 'claim-al-masoud-undercover-against-is')).credibility;
    expect(c).toMatchObject({ grade: 3, label: 'Possibly true', rule: CREDIBILITY_RULES.outweighsOpposition });
    expect(c.facts).toEqual(expect.arrayContaining([
      '2 independent clusters assert it (2 asserting sources)',
      '1 source is against it (denying it or asserting a claim that contradicts it), in 1 independent cluster',
    ]));
  });

  it('the IS-official claim is 5 (improbable): 1 cluster (the initial assumptions) asserts it, 4 independent clusters are against it; al-Masoud himself, the man it is about, is shown and not weighed', async () => {
    const c = (await judged(store, 'claim-al-masoud-was-is-official')).credibility;
    expect(c).toMatchObject({ grade: 5, rule: CREDIBILITY_RULES.betterOpposed });
    expect(c.facts).toEqual(expect.arrayContaining([
      '1 independent cluster asserts it (1 asserting source)',
      '4 sources are against it (denying it or asserting a claim that contradicts it), in 4 independent clusters',
      '1 source against it is a party to it and is not weighed: Khaled al-Masoud',
      '1 source denies it',
    ]));
  });

  it('a claim asserted only by the report, unrated and uncontradicted, is 3 (possibly true)', async () => {
    const c = (await judged(store, 'claim-fewer-than-1000-us-troops-in-syria')).credibility;
    expect(c).toMatchObject({ grade: 3, rule: CREDIBILITY_RULES.possiblyTrue });
    expect(c.facts).toEqual(expect.arrayContaining(['1 independent cluster asserts it (1 asserting source)', 'no source contradicts it']));
  });

  it('the US-operation claim is 1 (confirmed): 3 independent clusters (family, officials, Airwars), nothing against', async () => {
    expect((await judged(store, 'claim-us-operation-killed-al-masoud')).credibility.grade).toBe(1);
  });

  it('the civilian claim is 4: Airwars (1 cluster) against the initial assumptions (1 cluster) is a tie', async () => {
    expect((await judged(store, 'claim-al-masoud-was-civilian')).credibility.grade).toBe(4);
  });

  it('a hedge-only claim (the report hedges "2,500 IS members") is 4', async () => {
    expect((await judged(store, 'claim-2500-is-members-active')).credibility.grade).toBe(4);
  });

  it('grades every claim of the seed with credibility, status and corroboration in one corroboration query', async () => {
    const recording = new RecordingStore(store);
    const result = await gql(recording, '{ claims(first: 100) { nodes { status credibility { grade } corroboration { independentSources } } } }');
    expect(result.errors).toBeUndefined();
    const nodes = (result.data?.claims as { nodes: { credibility: { grade: number } }[] }).nodes;
    expect(nodes).toHaveLength(34);
    expect(recording.calls).toEqual(['claims-page', 'corroboration-by-claims']);
  });
});

describe('on the seed, after an editor assesses the IS-official claim as FALSE', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it('is 5 by the editor\'s rule, with the assessment among the facts', async () => {
    await assessClaim(store, 'claim-al-masoud-was-is-official', {
      verdict: 'FALSE', rating: 1, explanation: 'The report states he was not an IS official.',
    }, { editor: 'carol@example.org', now: '2026-02-01T10:00:00.000Z' });
    const c = (await judged(store, 'claim-al-masoud-was-is-official')).credibility;
    expect(c).toMatchObject({ grade: 5, rule: CREDIBILITY_RULES.refutedByEditor });
    expect(c.facts[0]).toBe('the latest assessment, by carol@example.org at 2026-02-01T10:00:00.000Z, gives the verdict FALSE');
  });
});
