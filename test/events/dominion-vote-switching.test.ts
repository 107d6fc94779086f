import { checkBundleSet } from '../../src/graph/bundle-set';
import type { ImportReport } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { gql } from '../helpers';
import { clusterIds, credibilityOf, eventSet, importEvent, searchEntities, searchSources, statement, type ClaimAnswer } from './event-set';

/*
 * An eleventh real event, a classic fact-check, coded from public reporting
 * (test/fixtures/events/dominion-vote-switching-claims-2020-11: SOURCES.md, EXPECTED.md).
 * On 12 November 2020 Trump tweeted "DOMINION DELETED 2.7 MILLION TRUMP VOTES
 * NATIONWIDE"; on 19 November Sidney Powell said Dominion's algorithm flipped
 * votes from Trump to Biden and that Trump "won by a landslide". Against it: the
 * election officials' joint statement released by CISA ("no evidence that any
 * voting system deleted or lost votes, changed votes"), Georgia's Gabriel
 * Sterling ("They didn’t, at least not in Georgia."), Attorney General Barr to
 * the AP, and Dominion itself, the accused company.
 * The patterns the ten earlier events did not have: a company that is the
 * claim's accused party denying it (shown, not weighed), a candidate and his
 * campaign's lawyer as one asserting cluster, official "no evidence" words that
 * stay doubts.
 * What a fact-checker expects, and claimgraph gives:
 * - the vote-switching claim is false: improbable (5), with Dominion's two denials
 *   not weighed and the officials' voices deciding it;
 * - Trump and Powell are one side (the campaign), not two independent witnesses;
 * - CISA released the councils' statement: a channel, not a speaker of its own;
 * - Barr's one AP interview, printed three times, is one statement.
 * Where claimgraph differs (the "fraud reversed the result" claim stays doubtful,
 * 4, where a fact-checker says false), this file asserts no grade: FINDINGS.md F60.
 */

const { filesOf } = eventSet('dominion-vote-switching-claims-2020-11');

const C = {
  switched: 'claim-dominion-deleted-or-switched-trump-votes',
  reversed: 'claim-fraud-reversed-2020-election-result',
} as const;

describe('the Dominion vote-switching claims (November-December 2020), coded as two version 2 bundles', () => {
  let store: GraphStore;
  let report: ImportReport;
  let a: Record<string, ClaimAnswer>;

  beforeAll(async () => {
    // Reverse order: a set is ordered by its references, not by file name.
    ({ store, report, answers: a } = await importEvent(filesOf('v2').reverse(), Object.values(C)));
  }, 60_000);
  afterAll(() => store.close());

  it('the set checks clean, and imports 9 statements on 2 claims, merging no two speakers', () => {
    expect(checkBundleSet(filesOf('v2')).problems).toEqual([]);
    expect(report.statements.created).toBe(9);
    expect(report.claims.created).toBe(2);
    expect(report.matched).toEqual([]);
    expect(report.possibleDuplicates).toEqual([]);
  });

  it('"Dominion deleted or switched Trump votes": Trump and Powell are one side; Georgia, the election officials and Barr against it; improbable', async () => {
    const c = a[C.switched] as ClaimAnswer;
    expect(c.corroboration).toMatchObject({
      assertingSources: 2, independentSources: 1, anonymousSources: 0, hedgingSources: 0,
      denyingSources: 3, doubtingSources: 2, contradictedBy: 3,
    });
    // The candidate and his campaign's lawyer are not two independent witnesses.
    expect(clusterIds(c.corroboration)).toEqual([['src-donald-trump', 'src-sidney-powell']]);
    expect(c.status).toBe('CONTESTED');
    expect(c.credibility.grade).toBe(5);
  });

  it('Dominion, the accused company, and its spokesman deny it: shown, not weighed; the grade stands on the officials alone', async () => {
    const cred = await credibilityOf(store, C.switched);
    expect(cred.partiesAgainst).toBe(2);
    expect(cred.facts).toContain('2 sources against it are parties to it and are not weighed: Dominion Voting Systems and Michael Steel');
    // Without the company: Sterling, the councils and Barr, three clusters against one.
    expect(cred.facts).toContain('counting hedges and doubts, 1 independent cluster leans for it and 3 lean against it');
    expect(cred.grade).toBe(5);
  });

  it('"no evidence" and "so far, we haven’t seen anything to substantiate that" stay doubts; "They didn’t, at least not in Georgia" is a denial', async () => {
    expect((await statement(store, 'st-councils-doubt-voting-systems-changed-votes')).position).toBe('DOUBTS');
    expect((await statement(store, 'st-barr-doubts-machines-skewed-results')).position).toBe('DOUBTS');
    expect((await statement(store, 'st-barr-doubts-fraud-changed-outcome')).position).toBe('DOUBTS');
    expect((await statement(store, 'st-sterling-denies-machines-flipped-votes')).position).toBe('DENIES');
    expect((await statement(store, 'st-trump-asserts-dominion-deleted-votes')).position).toBe('ASSERTS');
  });

  it('CISA, which released the councils\' statement, is a channel: it says nothing itself', async () => {
    const councils = await statement(store, 'st-councils-doubt-voting-systems-changed-votes');
    expect(councils.appearances.map((ap) => ap.via.map((v) => v.source.id))).toContainEqual(['src-cisa']);
    const r = await gql(store, `{ source(id: "src-cisa") { statements(first: 10) { id } } }`);
    expect(r.errors).toBeUndefined();
    expect((r.data as { source: { statements: unknown[] } }).source.statements).toEqual([]);
  });

  it('Barr\'s one answer to the AP, printed by CNBC, CBS News and The Washington Post, is one statement relayed by the AP', async () => {
    const barr = await statement(store, 'st-barr-doubts-fraud-changed-outcome');
    expect(barr.appearances.map((ap) => ap.document.id).sort()).toEqual([
      'doc-bgol-wapo-barr-not-seen-fraud', 'doc-cbs-barr-no-fraud-evidence', 'doc-cnbc-barr-no-fraud-reverse',
    ]);
    for (const ap of barr.appearances) expect(ap.via.map((v) => v.source.id)).toEqual(['src-associated-press']);
  });

  it('"fraud reversed the result": Powell asserts it, Barr doubts it; contested (its grade: F60)', () => {
    const c = a[C.reversed] as ClaimAnswer;
    expect(c.corroboration).toMatchObject({ assertingSources: 1, independentSources: 1, denyingSources: 0, doubtingSources: 1, contradictedBy: 0 });
    expect(c.status).toBe('CONTESTED');
  });

  it('finds the company by "Dominion" and the speakers by their names', async () => {
    expect((await searchEntities(store, 'Dominion'))[0]).toBe('ent-dominion-voting-systems');
    for (const [name, id] of [['Barr', 'src-william-barr'], ['Sterling', 'src-gabriel-sterling'], ['Powell', 'src-sidney-powell']] as const) {
      expect([name, (await searchSources(store, name))[0]]).toEqual([name, id]);
    }
  });
});

describe('the same claims as version 1 bundles: one statement per printing, no via, doubts as denials', () => {
  let store: GraphStore;
  let report: ImportReport;
  let a: Record<string, ClaimAnswer>;

  beforeAll(async () => {
    ({ store, report, answers: a } = await importEvent(filesOf('v1'), Object.values(C)));
  }, 60_000);
  afterAll(() => store.close());

  it('the set checks clean; 13 printings fold into the same 9 statements', () => {
    expect(checkBundleSet(filesOf('v1')).problems).toEqual([]);
    expect(report.statements.created).toBe(9);
    expect(report.matched).toEqual([]);
  });

  it('the vote-switching claim is still improbable; the doubts count as denials, the company\'s still not weighed', async () => {
    const c = a[C.switched] as ClaimAnswer;
    expect(c.corroboration).toMatchObject({ assertingSources: 2, independentSources: 1, denyingSources: 5, doubtingSources: 0, contradictedBy: 5 });
    expect(c.credibility.grade).toBe(5);
    expect((await credibilityOf(store, C.switched)).partiesAgainst).toBe(2);
  });
});
