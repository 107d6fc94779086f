import { checkBundleSet } from '../../src/graph/bundle-set';
import type { ImportReport } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { gql } from '../helpers';
import { clusterIds, credibilityOf, eventSet, importEvent, searchEntities, searchSources, statement, type ClaimAnswer } from './event-set';

/*
 * A twelfth real event, coded from public reporting as a set of bundles
 * (test/fixtures/events/kramatorsk-station-strike-2022-04-08: SOURCES.md, EXPECTED.md).
 * On 8 April 2022 a missile struck Kramatorsk railway station, where civilians
 * waited for evacuation trains. Ukrainian officials blamed Russia (first naming
 * an Iskander, then, "later on", a Tochka-U); Russia's defence ministry denied
 * any strike and said Tochka-U missiles are "used only by the Ukrainian armed
 * forces", a remark six outlets printed; the self-proclaimed Donetsk People's
 * Republic blamed Ukraine; a pro-Russian blogger's post claiming the strike was
 * deleted. Bellingcat found that Russia does have Tochka-U missiles; Human
 * Rights Watch's investigation (February 2023) concluded the missile, a single
 * one with a cluster warhead, was fired from Russian-held territory.
 * What a fact-checker expects, and this file asserts:
 * - Russian forces fired it: probably true, with Russia's own denial not
 *   weighed; Ukrainian forces fired it: improbable, Ukraine's denials not weighed;
 * - the Iskander identification, "only Ukraine uses Tochka-U" and the
 *   first-day tolls are improbable; the cluster warhead and the inscription
 *   "for the children" are confirmed;
 * - one remark printed by many outlets is one statement; hedges stay hedges,
 *   "no evidence" a doubt;
 * - the regional head's toll of 10 April revises his own and the railway
 *   chief's first-day counts;
 * - every spelling the pages print finds its record, Cyrillic included.
 * Where claimgraph's answer differs from a fact-checker's, this file asserts
 * nothing about it: see test/fixtures/events/FINDINGS.md (F90-F94; F95 was fixed
 * in the same branch).
 */

const { filesOf } = eventSet('kramatorsk-station-strike-2022-04-08');

const C = {
  russia: 'claim-russian-forces-fired-kramatorsk-missile',
  ukraine: 'claim-ukrainian-forces-fired-kramatorsk-missile',
  tochka: 'claim-kramatorsk-missile-was-tochka-u',
  iskander: 'claim-kramatorsk-missile-was-iskander',
  cluster: 'claim-kramatorsk-missile-carried-cluster-munitions',
  onlyUkraineTochka: 'claim-only-ukraine-used-tochka-u-in-2022',
  inscription: 'claim-kramatorsk-missile-bore-for-the-children',
  killed30: 'claim-kramatorsk-strike-killed-about-30',
  killed50: 'claim-kramatorsk-strike-killed-50',
  killed57: 'claim-kramatorsk-strike-killed-57',
} as const;

const UKRAINIAN_GOVERNMENT = ['src-iryna-wenediktowa', 'src-oleksandr-honcharenko', 'src-pavlo-kyrylenko', 'src-ukrzaliznytsia', 'src-volodymyr-zelensky'];
const SIX_OUTLETS = ['doc-contrapunto-russia-denies', 'doc-open-mind-mod-denies', 'doc-revista22-russia-denies', 'doc-rg-mod-denies', 'doc-rt-de-mod-blames-ukraine', 'doc-urdupoint-mod-rejects'];

/** Speakers' names as the pages print them (Babel, Okvir, Gazeta.pl, 24 Kanal, Faktor.bg, RT DE, 5-tv, Telegraf), each with its record. */
const SOURCE_SPELLINGS: [string, string][] = [
  ['Zelenskyy', 'src-volodymyr-zelensky'], ['Volodymyr Zelensky', 'src-volodymyr-zelensky'],
  ['Kirilenko', 'src-pavlo-kyrylenko'], ['Pavlo Kirilenko', 'src-pavlo-kyrylenko'], ['Pawło Kyryłenko', 'src-pavlo-kyrylenko'],
  ['Honcharenko', 'src-oleksandr-honcharenko'], ['Гончаренко', 'src-oleksandr-honcharenko'], ['Олександър Гончаренко', 'src-oleksandr-honcharenko'],
  ['Dmitri Peskow', 'src-dmitry-peskov'], ['Peskov', 'src-dmitry-peskov'],
  ['Eduard Basurin', 'src-eduard-basurin'], ['Басурин', 'src-eduard-basurin'],
  ['Дмитрий Стешин', 'src-dmitry-steshin'], ['Dmitry Steshin', 'src-dmitry-steshin'],
  ['Денис Казанский', 'src-denys-kazansky'], ['Iryna Wenediktowa', 'src-iryna-wenediktowa'], ['Konashenkov', 'src-igor-konashenkov'],
];

/** The missile, the towns and the village as the pages print them (UAposition, RT DE, Gazeta.pl, Rossiyskaya Gazeta, Causa Operária, spamchronicles). */
const ENTITY_SPELLINGS: [string, string][] = [
  ['Tochka-U', 'ent-tochka-u'], ['Tocka-U', 'ent-tochka-u'], ['Totschka-U', 'ent-tochka-u'], ['Toczka-U', 'ent-tochka-u'], ['Точка-У', 'ent-tochka-u'],
  ['Dobropolje', 'ent-dobropolye'], ['Dobropolye', 'ent-dobropolye'], ['Kounié', 'ent-kunie'], ['Kunie', 'ent-kunie'], ['Краматорск', 'ent-kramatorsk'],
];

describe('the Kramatorsk railway station strike, coded as four version 2 bundles', () => {
  let store: GraphStore;
  let report: ImportReport;
  let a: Record<string, ClaimAnswer>;

  beforeAll(async () => {
    // Reverse order: a set is ordered by its references, not by file name.
    ({ store, report, answers: a } = await importEvent(filesOf('v2').reverse(), Object.values(C)));
  }, 60_000);
  afterAll(() => store.close());

  it('validates as a set, and imports 59 statements on 23 claims, merging no two speakers', () => {
    expect(checkBundleSet(filesOf('v2')).problems).toEqual([]);
    expect(report.statements.created).toBe(59);
    expect(report.claims.created).toBe(23);
    expect(report.questions.created).toBe(1);
    expect(report.matched).toEqual([]);
  });

  it('the defence ministry\'s denial, printed by six outlets through Interfax, Sputnik and EFE, is one statement; the outlets say nothing themselves', async () => {
    const st = await statement(store, 'st-russian-mod-denies-russian-strike');
    expect(st.position).toBe('DENIES');
    expect(st.appearances.map((x) => x.document.id).sort()).toEqual(SIX_OUTLETS);
    expect(st.appearances.find((x) => x.document.id === 'doc-revista22-russia-denies')?.via.map((v) => v.source.id)).toEqual(['src-interfax']);
    const r = await gql(store, `{ claim(id: "${C.russia}") { sources(first: 100) { id: recordId } } }`);
    const ids = (r.data as { claim: { sources: { id: string }[] } }).claim.sources.map((s) => s.id);
    for (const outlet of ['src-rossiyskaya-gazeta', 'src-rt-de', 'src-revista-22', 'src-urdupoint', 'src-contrapunto', 'src-interfax', 'src-sputnik', 'src-efe']) expect(ids).not.toContain(outlet);
  });

  it('the mayor\'s "about 4,000 people", printed four times in three languages, is one statement; his first toll stays a hedge ("According to preliminary data")', async () => {
    expect((await statement(store, 'st-honcharenko-asserts-4000-at-station')).appearances).toHaveLength(4);
    expect((await statement(store, 'st-honcharenko-hedges-50-dead')).position).toBe('HEDGES');
  });

  it('Russian forces fired it: Human Rights Watch and the Ukrainian government among the clusters for it; Russia\'s denial is a party\'s and is not weighed; probably true', async () => {
    const c = a[C.russia] as ClaimAnswer;
    expect(c.corroboration).toMatchObject({ denyingSources: 1, doubtingSources: 0 });
    const clusters = clusterIds(c.corroboration);
    expect(clusters).toContainEqual(['src-human-rights-watch']);
    expect(clusters).toContainEqual(UKRAINIAN_GOVERNMENT);
    expect(c.status).toBe('CONTESTED');
    expect(await credibilityOf(store, C.russia)).toMatchObject({ grade: 2, partiesAgainst: 1 });
  });

  it('Ukrainian forces fired it: the DPR (with Pravda.ru\'s derived line) and Russia assert it; Human Rights Watch\'s "no evidence" is a doubt; Ukraine\'s own voices are not weighed; improbable', async () => {
    const c = a[C.ukraine] as ClaimAnswer;
    expect(clusterIds(c.corroboration)).toEqual([['src-dpr-territorial-defense-hq', 'src-eduard-basurin', 'src-pravda-ru'], ['src-russian-ministry-of-defence']]);
    expect(c.corroboration).toMatchObject({ assertingSources: 4, independentSources: 2, doubtingSources: 1 });
    expect((await statement(store, 'st-hrw-doubts-ukrainian-forces-fired')).position).toBe('DOUBTS');
    expect(await credibilityOf(store, C.ukraine)).toMatchObject({ grade: 5, partiesAgainst: 5 });
  });

  it('the weapon: both sides, Bellingcat and Human Rights Watch say Tochka-U; the early "Iskander" of two Ukrainian officials is improbable', () => {
    expect(clusterIds((a[C.tochka] as ClaimAnswer).corroboration)).toEqual([
      ['src-bellingcat'], ['src-dpr-territorial-defense-hq'], ['src-human-rights-watch'], ['src-oleksandr-honcharenko', 'src-volodymyr-zelensky'], ['src-russian-ministry-of-defence'],
    ]);
    expect(a[C.iskander]).toMatchObject({ status: 'CONTESTED', credibility: { grade: 5 }, corroboration: { assertingSources: 2, independentSources: 1, opposingIndependentSources: 5 } });
  });

  it('a cluster munition warhead (Human Rights Watch, the BBC, Kyrylenko) and the words "for the children" on the missile (four witnesses): confirmed', () => {
    expect(a[C.cluster]).toMatchObject({ status: 'CORROBORATED', credibility: { grade: 1 }, corroboration: { independentSources: 3, contradictedBy: 0 } });
    expect(clusterIds((a[C.inscription] as ClaimAnswer).corroboration)).toEqual([['src-human-rights-watch'], ['src-journalists-at-scene-sarkar'], ['src-meduza'], ['src-pravda-ru']]);
    expect(a[C.inscription]).toMatchObject({ status: 'CORROBORATED', credibility: { grade: 1 } });
  });

  it('"only Ukraine uses Tochka-U", the ministry\'s and Pushilin\'s line, is improbable: Amnesty\'s Russian Tochka-U of 24 February counts against it through IMPLIES', () => {
    expect(a[C.onlyUkraineTochka]).toMatchObject({ status: 'CONTESTED', credibility: { grade: 5 }, corroboration: { independentSources: 2, contradictedBy: 1, leaningAgainst: 3 } });
  });

  it('the regional head\'s toll of 10 April revises his own first-day 50 and the railway chief\'s 30; the first-day tolls are improbable', async () => {
    expect(await statement(store, 'st-kyrylenko-asserts-50-dead')).toMatchObject({
      current: false, supersession: 'CONTRADICTING_CLAIM', supersededBy: { id: 'st-kyrylenko-asserts-57-dead' },
    });
    expect(await statement(store, 'st-kamyshin-asserts-30-dead')).toMatchObject({
      current: false, supersession: 'CONTRADICTING_CLAIM', supersededBy: { id: 'st-kyrylenko-asserts-57-dead' },
    });
    for (const early of [C.killed30, C.killed50]) expect([early, a[early]?.status, a[early]?.credibility.grade]).toEqual([early, 'CONTESTED', 5]);
    const r = await gql(store, `{ conflicts(first: 50) { totalCount nodes { kind earlier { id: recordId } later { id: recordId } } } }`);
    const conflicts = (r.data as { conflicts: { totalCount: number; nodes: { kind: string; earlier: { id: string } | null; later: { id: string } | null }[] } }).conflicts;
    expect(conflicts.totalCount).toBe(22);
    expect(conflicts.nodes.filter((n) => n.kind === 'REVISION').map((n) => [n.earlier?.id, n.later?.id]).sort()).toEqual([
      ['st-kamyshin-asserts-30-dead', 'st-kyrylenko-asserts-57-dead'], ['st-kyrylenko-asserts-50-dead', 'st-kyrylenko-asserts-57-dead'],
    ]);
  });

  it('the blogger\'s deleted post is shown withdrawn by its channel, and the two pages that carried it name the post', async () => {
    const r = await gql(store, `{ statement(id: "st-steshin-asserts-russian-strike") { appearances { document { id: recordId } retraction { by { id: recordId } } via { source { id: recordId } document { id: recordId } } } } }`);
    type Appearance = { document: { id: string }; retraction: { by: { id: string } } | null; via: { source: { id: string }; document: { id: string } | null }[] };
    const appearances = (r.data as { statement: { appearances: Appearance[] } }).statement.appearances;
    expect(appearances.find((x) => x.document.id === 'doc-steshin-telegram-post')?.retraction?.by.id).toBe('src-russkiy-tarantas');
    for (const page of ['doc-telegraf-cleanup', 'doc-open-notes-veterans']) {
      const carried = appearances.find((x) => x.document.id === page);
      expect([page, carried?.retraction, carried?.via.at(-1)?.document?.id]).toEqual([page, null, 'doc-steshin-telegram-post']);
    }
  });

  it('the competing-hypotheses matrix ranks "Russian forces fired it" first', async () => {
    const r = await gql(store, `{ question(id: "q-who-fired-kramatorsk-missile") { matrix { hypotheses { claim { id: recordId } rank } } } }`);
    const ranked = (r.data as { question: { matrix: { hypotheses: { claim: { id: string }; rank: number }[] } } }).question.matrix.hypotheses;
    expect(ranked.map((h) => h.claim.id)).toEqual([C.russia, C.ukraine]);
  });

  it('finds each speaker by every spelling the pages print, Cyrillic and German included', async () => {
    for (const [spelling, id] of SOURCE_SPELLINGS) expect([spelling, (await searchSources(store, spelling))[0]]).toEqual([spelling, id]);
  });

  it('finds the missile, the towns and the village by every spelling the pages print', async () => {
    for (const [spelling, id] of ENTITY_SPELLINGS) expect([spelling, (await searchEntities(store, spelling))[0]]).toEqual([spelling, id]);
  });

  it('the timeline: the first day, then the toll of 10 April, then the investigation of 2023, the undated last', async () => {
    const r = await gql(store, `{ entity(id: "ent-kramatorsk-station-strike") { timeline(first: 100) { totalCount nodes { statement { id: recordId } dateSource } } } }`);
    const tl = (r.data as { entity: { timeline: { totalCount: number; nodes: { statement: { id: string }; dateSource: string }[] } } }).entity.timeline;
    expect(tl.totalCount).toBe(51);
    const order = tl.nodes.map((n) => n.statement.id);
    const at = (id: string): number => order.indexOf(id);
    expect(at('st-russian-mod-denies-russian-strike')).toBeLessThan(at('st-wenediktowa-asserts-russian-weapon'));
    expect(at('st-wenediktowa-asserts-russian-weapon')).toBeLessThan(at('st-kyrylenko-asserts-57-dead'));
    expect(at('st-kyrylenko-asserts-57-dead')).toBeLessThan(at('st-hrw-asserts-russian-forces-fired'));
    expect(tl.nodes.slice(-9).every((n) => n.dateSource === 'UNKNOWN')).toBe(true);
  });
});

describe('the Kramatorsk railway station strike, coded as four version 1 bundles', () => {
  let store: GraphStore;
  let report: ImportReport;
  let a: Record<string, ClaimAnswer>;

  beforeAll(async () => {
    ({ store, report, answers: a } = await importEvent(filesOf('v1'), Object.values(C)));
  }, 60_000);
  afterAll(() => store.close());

  it('validates as a set, and folds the printings that share a madeAt back into one statement each (58: version 1 has no doubt)', async () => {
    const checked = checkBundleSet(filesOf('v1'));
    expect(checked.problems).toEqual([]);
    expect(report.statements.created).toBe(58);
    expect((await statement(store, 'st-russian-mod-denies-russian-strike-p4')).id).toBe('st-russian-mod-denies-russian-strike');
    expect((await statement(store, 'st-russian-mod-denies-russian-strike')).appearances.map((x) => x.document.id).sort()).toEqual(SIX_OUTLETS);
  });

  it('gives the same answers as version 2 where version 1 can say the same', () => {
    for (const id of [C.cluster, C.inscription]) expect([id, a[id]?.status, a[id]?.credibility.grade]).toEqual([id, 'CORROBORATED', 1]);
    for (const id of [C.ukraine, C.iskander, C.killed30, C.killed50]) expect([id, a[id]?.status, a[id]?.credibility.grade]).toEqual([id, 'CONTESTED', 5]);
  });

  it('finds the speakers and the missile by the same spellings', async () => {
    for (const [spelling, id] of SOURCE_SPELLINGS) expect([spelling, (await searchSources(store, spelling))[0]]).toEqual([spelling, id]);
    for (const [spelling, id] of ENTITY_SPELLINGS) expect([spelling, (await searchEntities(store, spelling))[0]]).toEqual([spelling, id]);
  });
});
