import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrafeoDB } from '@grafeo-db/js';
import { exportBundle } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import { openGraphStore } from '../../src/graph/name-keys';
import type { GraphStore } from '../../src/store/port';
import { TEST_ENGINE } from '../engine';
import { emptyStore, gql } from '../helpers';
import { testUnless } from '../skip';

/*
 * Interested parties (docs/ANALYSIS.md, "Interested parties"): a source that
 * is, or belongs to, an entity a claim is about is a party to the claim; its
 * voice against the claim is shown and contests it, but credibility does not
 * weigh it. The minimal inputs are FINDINGS.md's F10 (a suspect's "not me")
 * and F15 (the accused department's doubts alone), on the real engine.
 */

const src = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, kind: 'PERSON', anonymous: false, ...extra });
const says = (id: string, source: string, claim: string, stance: string, hedge: string | null = null) =>
  ({ id, source, claim, stance, ...(hedge === null ? {} : { hedged: true, hedge }) });
const bundleOf = (parts: Record<string, unknown>) => ({ format: 'claimgraph-bundle', version: 2, ...parts });

interface Answer {
  status: string;
  credibility: { grade: number; label: string; facts: string[]; partiesAgainst: number };
  corroboration: { denyingSources: number; doubtingSources: number; contradictedBy: number; leaningFor: number; leaningAgainst: number };
}

async function answer(store: GraphStore, id: string): Promise<Answer> {
  const r = await gql(store, `query($id: ID!) { claim(id: $id) { status credibility { grade label facts partiesAgainst }
    corroboration { denyingSources doubtingSources contradictedBy leaningFor leaningAgainst } } }`, { id });
  expect(r.errors).toBeUndefined();
  return (r.data as { claim: Answer }).claim;
}

const load = (store: GraphStore, b: unknown) => importBundle(store, b, { editor: 'test' });

/** F10: investigators hedge that P took part; P himself denies it; a friend doubts it. */
const f10 = (pSource: Record<string, unknown> = src('src-p', 'Volodymyr Z.')) => bundleOf({
  sources: [src('src-investigators', 'German investigators', { kind: 'GROUP', anonymous: true }), pSource, src('src-friend', 'Svitlana U.')],
  entities: [{ id: 'ent-p', name: 'Volodymyr Z.' }],
  claims: [{ id: 'claim-x', text: 'Volodymyr Z. took part in the sabotage.', about: ['ent-p'] }],
  statements: [
    says('st-investigators', 'src-investigators', 'claim-x', 'ASSERTS', 'believe'),
    says('st-p', String(pSource.id), 'claim-x', 'DENIES'),
    says('st-friend', 'src-friend', 'claim-x', 'DENIES', "I can't imagine"),
  ],
});

/** F15: only two officials of the accused department doubt K; nobody asserts it. */
const f15 = bundleOf({
  sources: [src('src-dod', 'Department of Defense', { kind: 'ORGANIZATION', aliases: ['Pentagon'] }), src('src-dirita', 'Lawrence Di Rita'), src('src-myers', 'Richard Myers')],
  affiliations: [{ source: 'src-dirita', parent: 'src-dod', role: 'spokesman' }, { source: 'src-myers', parent: 'src-dod', role: 'chairman of the Joint Chiefs' }],
  entities: [{ id: 'ent-dod', name: 'US Department of Defense', aliases: ['Pentagon'] }],
  claims: [{ id: 'claim-k', text: 'Interrogators flushed a Koran down a toilet.', about: ['ent-dod'] }],
  statements: [
    says('st-dirita', 'src-dirita', 'claim-k', 'DENIES', 'found no credible evidence'),
    says('st-myers', 'src-myers', 'claim-k', 'DENIES', 'no interrogation logs reviewed so far have confirmed'),
  ],
});

describe('interested parties: who is a party to a claim, and what their voices weigh', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await emptyStore();
  });
  afterEach(() => store.close());

  it("F10: the suspect's own denial is shown, but is not weighed: 4 (one doubt against one hedge), not 5; the friend's doubt contests it", async () => {
    await load(store, f10());
    const a = await answer(store, 'claim-x');
    expect(a.status).toBe('CONTESTED');
    // Shown everywhere: the corroboration still counts his denial.
    expect(a.corroboration).toMatchObject({ denyingSources: 1, doubtingSources: 1, contradictedBy: 1, leaningFor: 1, leaningAgainst: 2 });
    expect(a.credibility).toMatchObject({ grade: 4, label: 'Doubtful', partiesAgainst: 1 });
    expect(a.credibility.facts).toContain('1 source against it is a party to it and is not weighed: Volodymyr Z.');
    expect(a.credibility.facts).toContain('no source contradicts it');
    expect(a.credibility.facts).toContain('counting hedges and doubts, 1 independent cluster leans for it and 1 leans against it');
  });

  it('F15: doubts from the accused department alone leave nothing to weigh: 6 "cannot be judged", and contest nothing (UNVERIFIED)', async () => {
    await load(store, f15);
    const a = await answer(store, 'claim-k');
    expect(a.status).toBe('UNVERIFIED');
    expect(a.corroboration).toMatchObject({ doubtingSources: 2, leaningAgainst: 1 });
    expect(a.credibility).toMatchObject({ grade: 6, label: 'Cannot be judged', partiesAgainst: 2 });
    expect(a.credibility.facts).toContain('2 sources against it are parties to it and are not weighed: Lawrence Di Rita and Richard Myers');
  });

  it("a party through a chain of affiliations (an official of a directorate of the accused ministry) is a party; the accused's own assertion in its favour still counts", async () => {
    await load(store, bundleOf({
      sources: [src('src-ministry', 'Example Ministry', { kind: 'ORGANIZATION' }), src('src-directorate', 'Example Directorate', { kind: 'ORGANIZATION' }),
        src('src-official', 'An official'), src('src-monitor', 'Example Monitor', { kind: 'ORGANIZATION' }), src('src-wire', 'Example Wire', { kind: 'ORGANIZATION' })],
      affiliations: [{ source: 'src-official', parent: 'src-directorate' }, { source: 'src-directorate', parent: 'src-ministry' }],
      entities: [{ id: 'ent-ministry', name: 'The Example Ministry' }],
      claims: [
        { id: 'claim-shelled', text: 'The Example Ministry shelled the market.', about: ['ent-ministry'] },
        { id: 'claim-innocent', text: 'The Example Ministry had no forces near the market.', about: ['ent-ministry'] },
      ],
      links: [{ type: 'CONTRADICTS', from: 'claim-innocent', to: 'claim-shelled', linkedBy: 'test', reason: 'either or' }],
      statements: [
        says('st-monitor', 'src-monitor', 'claim-shelled', 'ASSERTS'),
        says('st-official', 'src-official', 'claim-innocent', 'ASSERTS'),
        says('st-wire', 'src-wire', 'claim-innocent', 'DENIES'),
      ],
    }));
    const shelled = await answer(store, 'claim-shelled');
    // Against "shelled": the official's firm assertion of the rival claim; he is the ministry's, two levels up.
    expect(shelled.corroboration.contradictedBy).toBe(1);
    expect(shelled.credibility).toMatchObject({ grade: 3, partiesAgainst: 1 });
    expect(shelled.credibility.facts).toContain('1 source against it is a party to it and is not weighed: An official');
    // For "innocent", the official's own assertion is counted (1 cluster); the wire's denial and the monitor are against it: 5.
    const innocent = await answer(store, 'claim-innocent');
    expect(innocent.credibility).toMatchObject({ grade: 5, partiesAgainst: 0 });
  });

  it("F81, F100: a party to what a claim implies or supports is a party to the claim; a party to what implies it is not", async () => {
    await load(store, bundleOf({
      sources: [src('src-rep', 'Separatist Republic', { kind: 'ORGANIZATION', entity: 'ent-rep' }), src('src-leader', 'The republic\'s leader'),
        src('src-deputy', 'The republic\'s deputy leader'), src('src-g', 'Commander G', { entity: 'ent-g' }),
        src('src-court', 'The court', { kind: 'ORGANIZATION' }), src('src-prosecution', 'The prosecution', { kind: 'ORGANIZATION' })],
      affiliations: [{ source: 'src-leader', parent: 'src-rep' }, { source: 'src-deputy', parent: 'src-rep' }],
      entities: [{ id: 'ent-rep', name: 'Separatist Republic' }, { id: 'ent-g', name: 'Commander G' }],
      claims: [
        { id: 'claim-sep', text: 'The separatists were responsible for the downing.', about: ['ent-rep'] },
        { id: 'claim-g', text: 'Commander G took part in the downing.', about: ['ent-g'] },
        { id: 'claim-h', text: 'Commander H took part in the downing.', about: [] },
        { id: 'claim-w', text: 'The launcher was seen in separatist territory.', about: [] },
      ],
      links: [
        { type: 'IMPLIES', from: 'claim-g', to: 'claim-sep', linkedBy: 'test', reason: 'G is a separatist commander.' },
        { type: 'IMPLIES', from: 'claim-h', to: 'claim-sep', linkedBy: 'test', reason: 'H is a separatist commander.' },
        { type: 'SUPPORTS', from: 'claim-w', to: 'claim-sep', linkedBy: 'test', reason: 'Evidence of the accusation.' },
      ],
      statements: [
        ...['claim-g', 'claim-h'].flatMap((c) => [says(`st-court-${c}`, 'src-court', c, 'ASSERTS'), says(`st-prosecution-${c}`, 'src-prosecution', c, 'ASSERTS')]),
        says('st-court-w', 'src-court', 'claim-w', 'ASSERTS'),
        says('st-leader-sep', 'src-leader', 'claim-sep', 'DENIES'),
        says('st-g-sep', 'src-g', 'claim-sep', 'DENIES'),
        says('st-deputy-h', 'src-deputy', 'claim-h', 'DENIES'),
        says('st-deputy-w', 'src-deputy', 'claim-w', 'DENIES', 'we doubt it'),
      ],
    }));
    // G's claim: the leader's denial of "the separatists were responsible" reaches it through IMPLIES as a
    // party's (he is the republic's, and G's part implies the republic's); G's own, as his.
    const g = await answer(store, 'claim-g');
    expect(g.status).toBe('CORROBORATED');
    expect(g.corroboration.contradictedBy).toBe(2);
    expect(g.credibility).toMatchObject({ grade: 1, partiesAgainst: 2 });
    expect(g.credibility.facts).toContain('2 sources against it are parties to it and are not weighed: Commander G and The republic\'s leader');
    // H's claim implies the republic's responsibility: the deputy's direct denial is a party's too. G is no
    // party to it (nothing it implies is about him): his denial weighs, 2 clusters for, 1 against.
    const h = await answer(store, 'claim-h');
    expect(h.credibility).toMatchObject({ grade: 3, partiesAgainst: 2 });
    expect(h.status).toBe('CONTESTED');
    // Evidence that supports the accusation: the accused's doubt of it is a party's.
    const w = await answer(store, 'claim-w');
    expect(w.credibility).toMatchObject({ grade: 3, partiesAgainst: 1 });
    expect(w.status).toBe('UNVERIFIED');
    // The republic's own claim: G's denial weighs (what implies a claim makes no party of it).
    const sep = await answer(store, 'claim-sep');
    expect(sep.credibility).toMatchObject({ grade: 3, partiesAgainst: 1 });
  });

  it('no false party by name: the family of a man is not the man (the seed\'s "Family of Khaled al-Masoud")', async () => {
    await load(store, bundleOf({
      sources: [src('src-family', 'Family of Khaled al-Masoud', { kind: 'GROUP', aliases: ['his family'] }), src('src-official', 'Syrian official')],
      entities: [{ id: 'ent-khaled', name: 'Khaled al-Masoud', aliases: ['al-Masoud'] }],
      claims: [{ id: 'claim-is', text: 'Khaled al-Masoud was an IS official.', about: ['ent-khaled'] }],
      statements: [says('st-official', 'src-official', 'claim-is', 'ASSERTS'), says('st-family', 'src-family', 'claim-is', 'DENIES')],
    }));
    const a = await answer(store, 'claim-is');
    expect(a.credibility).toMatchObject({ grade: 4, partiesAgainst: 0 });
  });

  it('sources[].entity links a source to the entity it is when the names differ, and overrides the name match', async () => {
    // Named otherwise than the entity: found only through the link.
    await load(store, f10(src('src-accused', 'The diving instructor', { entity: 'ent-p' })));
    expect((await answer(store, 'claim-x')).credibility).toMatchObject({ grade: 4, partiesAgainst: 1 });
    const r = await gql(store, 'query { source(id: "src-accused") { entity { recordId name } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ source: { entity: { recordId: 'ent-p', name: 'Volodymyr Z.' } } });
    // A source found by a search carries the link too; one with none has no entity.
    const found = await gql(store, 'query { sources(search: "diving instructor", first: 5) { nodes { recordId entity { recordId } } } }');
    expect(found.errors).toBeUndefined();
    expect((found.data as { sources: { nodes: unknown[] } }).sources.nodes).toEqual([{ recordId: 'src-accused', entity: { recordId: 'ent-p' } }]);
    const friend = await gql(store, 'query { source(id: "src-friend") { entity { recordId } } }');
    expect(friend.data).toEqual({ source: { entity: null } });
  });

  it('a source linked to another entity is not a party by its name: the explicit link decides', async () => {
    // The other entity is in the graph already: a bundle may name it without listing it.
    await load(store, bundleOf({ entities: [{ id: 'ent-namesake', name: 'Volodymyr Z. (the namesake)' }] }));
    await load(store, f10(src('src-p', 'Volodymyr Z.', { entity: 'ent-namesake' })));
    expect((await answer(store, 'claim-x')).credibility).toMatchObject({ grade: 5, partiesAgainst: 0 });
  });

  it('refuses an unknown entity in sources[].entity, and writes nothing', async () => {
    await expect(load(store, bundleOf({ sources: [src('src-a', 'A', { entity: 'ent-nowhere' })] }))).rejects.toThrow(
      /\$\.sources\[0\]\.entity.*unknown entity id "ent-nowhere"|unknown entity id "ent-nowhere"[\s\S]*sources\[0\]\.entity/,
    );
    const r = await gql(store, 'query { source(id: "src-a") { id } }');
    expect(r.data).toEqual({ source: null });
  });

  it('the link survives an export and re-import, and follows its entity into a merge', async () => {
    await load(store, f10(src('src-accused', 'The diving instructor', { entity: 'ent-p' })));
    const exported = await exportBundle(store);
    expect(exported.sources.find((s) => s.id === 'src-accused')).toMatchObject({ entity: 'ent-p' });
    expect(exported.sources.find((s) => s.id === 'src-friend')).not.toHaveProperty('entity');

    const copy = await emptyStore();
    try {
      await load(copy, exported);
      expect((await answer(copy, 'claim-x')).credibility).toMatchObject({ grade: 4, partiesAgainst: 1 });
    } finally {
      await copy.close();
    }

    // The entity merged into another: the claim is about the kept one, and the source is it.
    await load(store, bundleOf({ entities: [{ id: 'ent-suspect', name: 'The suspect' }] }));
    const merged = await gql(store, 'mutation { mergeEntities(input: { keep: "ent-suspect", merge: "ent-p" }) { entity { recordId } } }', {}, 'alice');
    expect(merged.errors).toBeUndefined();
    expect((await answer(store, 'claim-x')).credibility).toMatchObject({ grade: 4, partiesAgainst: 1 });
    const r = await gql(store, 'query { source(id: "src-accused") { entity { recordId } } }');
    expect(r.data).toEqual({ source: { entity: { recordId: 'ent-suspect' } } });
  });

  it('createSource and updateSource take the entity a source is', async () => {
    await load(store, f10(src('src-p', 'Someone else entirely')));
    expect((await answer(store, 'claim-x')).credibility).toMatchObject({ grade: 5, partiesAgainst: 0 });
    const updated = await gql(store, 'mutation { updateSource(input: { id: "src-p", entity: "ent-p" }) { source { entity { recordId } } } }', {}, 'alice');
    expect(updated.errors).toBeUndefined();
    expect((await answer(store, 'claim-x')).credibility).toMatchObject({ grade: 4, partiesAgainst: 1 });
    const created = await gql(store, 'mutation { createSource(input: { id: "src-new", name: "New", kind: PERSON, anonymous: false, entity: "ent-missing" }) { source { id } } }', {}, 'alice');
    expect(created.errors?.[0]?.message).toMatch(/ent-missing/);
  });
});

describe('status leaves out the parties, and stays right as who is a party changes (F73)', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await emptyStore();
  });
  afterEach(() => store.close());

  /** The status of claim-x as Claim.status gives it, and every claims(status:) list it is on: the two must agree. */
  async function statusOf(): Promise<{ status: string; listedUnder: string[] }> {
    const r = await gql(store, `{ claim(id: "claim-x") { status }
      ${['CORROBORATED', 'UNVERIFIED', 'CONTESTED', 'REFUTED'].map((s) => `${s}: claims(status: ${s}, first: 50) { nodes { id: recordId } }`).join(' ')} }`);
    expect(r.errors).toBeUndefined();
    const data = r.data as Record<string, { nodes?: { id: string }[]; status?: string }>;
    const listedUnder = ['CORROBORATED', 'UNVERIFIED', 'CONTESTED', 'REFUTED'].filter((s) => (data[s]?.nodes ?? []).some((n) => n.id === 'claim-x'));
    return { status: String(data.claim?.status), listedUnder };
  }
  const edit = async (query: string, input: Record<string, unknown>) => {
    const r = await gql(store, query, { input }, 'editor@example.org');
    expect(r.errors).toBeUndefined();
  };

  it('a confirmed claim that only its accused denies is CORROBORATED, not CONTESTED; the denial is still shown', async () => {
    await load(store, bundleOf({
      sources: [src('src-court', 'The court', { kind: 'ORGANIZATION' }), src('src-monitor', 'The monitor', { kind: 'ORGANIZATION' }), src('src-p', 'Commander P')],
      entities: [{ id: 'ent-p', name: 'Commander P' }],
      claims: [{ id: 'claim-x', text: 'Commander P ordered the strike.', about: ['ent-p'] }],
      statements: [says('st-court', 'src-court', 'claim-x', 'ASSERTS'), says('st-monitor', 'src-monitor', 'claim-x', 'ASSERTS'), says('st-p', 'src-p', 'claim-x', 'DENIES')],
    }));
    expect(await statusOf()).toEqual({ status: 'CORROBORATED', listedUnder: ['CORROBORATED'] });
    const x = await answer(store, 'claim-x');
    expect(x.credibility).toMatchObject({ grade: 1, partiesAgainst: 1 });
    // Every voice is still counted and shown: the denial, and the conflict it makes.
    expect(x.corroboration).toMatchObject({ denyingSources: 1, contradictedBy: 1 });
    const conflicts = await gql(store, '{ conflicts(claimId: "claim-x", first: 5) { nodes { kind } } }');
    expect(conflicts.data).toEqual({ conflicts: { nodes: [{ kind: 'DENIAL' }] } });
  });

  it('follows a SUPPORTS link drawn and removed: evidence for an accusation, doubted by the accused (F100)', async () => {
    await load(store, bundleOf({
      sources: [src('src-lab', 'The lab', { kind: 'ORGANIZATION' }), src('src-watchdog', 'The watchdog', { kind: 'ORGANIZATION' }), src('src-state', 'State S', { kind: 'ORGANIZATION' })],
      entities: [{ id: 'ent-s', name: 'State S' }],
      claims: [{ id: 'claim-x', text: 'The victim was poisoned with agent N.', about: [] }, { id: 'claim-acc', text: 'State S poisoned the victim.', about: ['ent-s'] }],
      statements: [says('st-lab', 'src-lab', 'claim-x', 'ASSERTS'), says('st-watchdog', 'src-watchdog', 'claim-x', 'ASSERTS'), says('st-state', 'src-state', 'claim-x', 'DENIES', 'has never confirmed')],
    }));
    expect(await statusOf()).toEqual({ status: 'CONTESTED', listedUnder: ['CONTESTED'] });
    const link = { type: 'SUPPORTS', from: 'claim-x', to: 'claim-acc' };
    await edit('mutation($input: LinkClaimsInput!) { linkClaims(input: $input) { from { id } } }', { ...link, reason: 'Agent N is State S\'s.' });
    expect(await statusOf()).toEqual({ status: 'CORROBORATED', listedUnder: ['CORROBORATED'] });
    await edit('mutation($input: UnlinkClaimsInput!) { unlinkClaims(input: $input) { from { id } } }', link);
    expect(await statusOf()).toEqual({ status: 'CONTESTED', listedUnder: ['CONTESTED'] });
  });

  testUnless(TEST_ENGINE === 'embedded' ? null : `the test engine is ${TEST_ENGINE}: it writes an old store with raw Cypher of the embedded engine`)(
    'a store written when status counted the parties is rewritten once when opened (embedded engine only)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cg-parties-'));
      const path = join(dir, 'old.grafeo');
      try {
        const written = await openGraphStore({ engine: 'embedded', path });
        await load(written, bundleOf({
          sources: [src('src-court', 'The court', { kind: 'ORGANIZATION' }), src('src-monitor', 'The monitor', { kind: 'ORGANIZATION' }), src('src-p', 'Commander P')],
          entities: [{ id: 'ent-p', name: 'Commander P' }],
          claims: [{ id: 'claim-x', text: 'Commander P ordered the strike.', about: ['ent-p'] }],
          statements: [says('st-court', 'src-court', 'claim-x', 'ASSERTS'), says('st-monitor', 'src-monitor', 'claim-x', 'ASSERTS'), says('st-p', 'src-p', 'claim-x', 'DENIES')],
        }));
        await written.close();
        // As the rule before name keys version 5 stored it: contested by the accused's denial.
        const db = GrafeoDB.open(path);
        await db.executeCypher("MATCH (m:GraphModel {id: 'claimgraph'}) SET m.nameKeys = 4");
        await db.executeCypher("MATCH (c:Claim {id: 'claim-x'}) SET c.standing = 'CONTESTED'");
        db.close();
        const reopened = await openGraphStore({ engine: 'embedded', path });
        try {
          const r = await gql(reopened, '{ claim(id: "claim-x") { status } claims(status: CORROBORATED, first: 5) { nodes { id: recordId } } }');
          expect(r.data).toEqual({ claim: { status: 'CORROBORATED' }, claims: { nodes: [{ id: 'claim-x' }] } });
        } finally {
          await reopened.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

  it('follows every edit that makes a source a party or not: its entity link, its name, the claim\'s about, an entity merge, its organisation deleted', async () => {
    await load(store, bundleOf({
      sources: [src('src-court', 'The court', { kind: 'ORGANIZATION' }), src('src-monitor', 'The monitor', { kind: 'ORGANIZATION' }),
        src('src-spokesman', 'A spokesman'), src('src-unit', 'Unit 9', { kind: 'ORGANIZATION' }), src('src-officer', 'An officer')],
      affiliations: [{ source: 'src-officer', parent: 'src-unit' }],
      entities: [{ id: 'ent-p', name: 'Commander P' }, { id: 'ent-unit', name: 'Unit 9' }, { id: 'ent-unit-alias', name: 'The Ninth Unit' }],
      claims: [{ id: 'claim-x', text: 'Commander P ordered the strike.', about: ['ent-p'] }],
      statements: [says('st-court', 'src-court', 'claim-x', 'ASSERTS'), says('st-monitor', 'src-monitor', 'claim-x', 'ASSERTS'),
        says('st-spokesman', 'src-spokesman', 'claim-x', 'DENIES'), says('st-officer', 'src-officer', 'claim-x', 'DENIES')],
    }));
    const updateSource = 'mutation($input: UpdateSourceInput!) { updateSource(input: $input) { source { id } } }';
    const updateClaim = 'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { claim { id } } }';
    expect(await statusOf()).toEqual({ status: 'CONTESTED', listedUnder: ['CONTESTED'] });
    // The spokesman is linked to the entity the claim is about: a party; the officer still contests it.
    await edit(updateSource, { id: 'src-spokesman', entity: 'ent-p' });
    expect(await statusOf()).toEqual({ status: 'CONTESTED', listedUnder: ['CONTESTED'] });
    // The officer renamed to the entity's name: a party by name, and nobody else is against it.
    await edit(updateSource, { id: 'src-officer', name: 'Commander P' });
    expect(await statusOf()).toEqual({ status: 'CORROBORATED', listedUnder: ['CORROBORATED'] });
    await edit(updateSource, { id: 'src-officer', name: 'An officer' });
    expect(await statusOf()).toEqual({ status: 'CONTESTED', listedUnder: ['CONTESTED'] });
    // The claim is made about "The Ninth Unit" too: not yet the officer's unit by name.
    await edit(updateClaim, { id: 'claim-x', about: ['ent-p', 'ent-unit-alias'] });
    expect(await statusOf()).toEqual({ status: 'CONTESTED', listedUnder: ['CONTESTED'] });
    // "Unit 9" merged into it becomes one of its aliases: the officer's unit is that entity, and he a party.
    await edit('mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { mergedId } }', { keep: 'ent-unit-alias', merge: 'ent-unit' });
    expect(await statusOf()).toEqual({ status: 'CORROBORATED', listedUnder: ['CORROBORATED'] });
    // The unit is deleted: the officer belongs to nothing, and his denial contests the claim again.
    const preview = await gql(store, '{ deletionPreview(kind: SOURCE, id: "src-unit") { confirm } }', {}, 'editor@example.org');
    const confirm = (preview.data?.deletionPreview as { confirm: string }).confirm;
    await edit('mutation($input: DeleteInput!) { delete(input: $input) { deletedIds } }', { kind: 'SOURCE', id: 'src-unit', confirm });
    expect(await statusOf()).toEqual({ status: 'CONTESTED', listedUnder: ['CONTESTED'] });
    // Linked to another entity instead (a link replaces the one it was), the spokesman is no party either.
    await edit(updateSource, { id: 'src-spokesman', entity: 'ent-unit-alias' });
    await edit(updateClaim, { id: 'claim-x', about: ['ent-p'] });
    expect(await statusOf()).toEqual({ status: 'CONTESTED', listedUnder: ['CONTESTED'] });
    expect((await answer(store, 'claim-x')).credibility.partiesAgainst).toBe(0);
  });
});
