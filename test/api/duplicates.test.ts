import { exportBundle } from '../../src/graph/export';
import { graphCounts } from '../../src/graph/seed';
import type { GraphStore } from '../../src/store/port';
import { codes, emptyStore, gql, seededStore, type GqlResult } from '../helpers';

/*
 * Records that may be one: what an import merges by itself (a shared name
 * that names someone in particular), what it only lists for an editor
 * (generic names, other spellings, claims worded alike), and the editor's
 * answers: mergeClaims, mergeEntities (the old id keeps resolving),
 * rejectDuplicate. And bundle sets: importBundles, in any order.
 */

let store: GraphStore;
beforeEach(async () => {
  store = await seededStore();
});
afterEach(() => store.close());

const EDITOR = 'erin@example.org';

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await gql(store, query, variables, EDITOR);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

/** Runs an operation that must be refused with `code`, and checks that it changed nothing. */
async function refused(code: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  const before = await exportBundle(store);
  const result = await gql(store, query, variables, EDITOR);
  expect(codes(result)).toEqual([code]);
  expect(await exportBundle(store)).toEqual(before);
  return result;
}

const IMPORT = `mutation($b: JSON!) { importBundle(bundle: $b) { sources { created updated unchanged } entities { created } claims { created }
  matched { kind bundleId graphId key } possibleDuplicates { kind a b reason key score rejected } } }`;
const LISTED = `query($kind: DuplicateKind) { possibleDuplicates(kind: $kind) { totalCount nodes { kind a b reason key score rejected } } }`;
const v2 = (sections: Record<string, unknown>) => ({ format: 'claimgraph-bundle', version: 2, ...sections });

describe('claims worded alike', () => {
  const twin = v2({
    claims: [{ id: 'claim-civilian-man', text: 'Khaled al-Masoud was a civilian man.', about: ['ent-khaled-al-masoud'] }],
    statements: [{ id: 'st-residents-civilian', source: 'src-dumayr-residents', claim: 'claim-civilian-man', stance: 'ASSERTS' }],
  });

  it('are listed for an editor on import, never merged alone', async () => {
    const { importBundle } = await ok(IMPORT, { b: twin });
    expect(importBundle.claims).toEqual({ created: 1 });
    expect(importBundle.possibleDuplicates).toEqual([
      { kind: 'CLAIM', a: 'claim-al-masoud-was-civilian', b: 'claim-civilian-man', reason: 'SIMILAR_TEXT', key: null, score: expect.any(Number), rejected: false },
    ]);
    const score = importBundle.possibleDuplicates[0].score as number;
    expect(score).toBeGreaterThanOrEqual(0.6);
    expect(score).toBeLessThanOrEqual(1);
    expect((await ok(LISTED, { kind: 'CLAIM' })).possibleDuplicates.nodes).toEqual(importBundle.possibleDuplicates);
    expect((await ok('{ claim(id: "claim-civilian-man") { id } }')).claim).toEqual({ id: 'claim-civilian-man' });
  });

  it('merge on an editor\'s word: statements, links and questions move, the old id resolves, the counts are the claim\'s', async () => {
    await ok(IMPORT, { b: twin });
    const before = await graphCounts(store);
    // Merged the other way round: the seed's claim (a hypothesis of the seed's question, with a contradiction) goes into the new one.
    const { mergeClaims } = await ok(`mutation { mergeClaims(keep: "claim-civilian-man", merge: "claim-al-masoud-was-civilian") {
      id text statements { id } contradicts { id } questions { id } recorded { updatedBy }
      corroboration { assertingSources independentSources anonymousSources contradictedBy } } }`);
    expect(mergeClaims).toEqual({
      id: 'claim-civilian-man', text: 'Khaled al-Masoud was a civilian man.',
      statements: [{ id: 'st-airwars-asserts-civilian' }, { id: 'st-residents-civilian' }],
      contradicts: [{ id: 'claim-al-masoud-was-is-official' }],
      questions: [{ id: 'question-who-was-al-masoud' }],
      recorded: { updatedBy: EDITOR },
      // Airwars and the anonymous residents for it; the initial assumptions (he was an IS official) against.
      corroboration: { assertingSources: 2, independentSources: 2, anonymousSources: 1, contradictedBy: 1 },
    });
    expect(await graphCounts(store)).toEqual(expect.objectContaining({ claims: before.claims! - 1, statements: before.statements }));
    // The old id finds the kept claim, for a lookup and for a bundle's reference.
    expect((await ok('{ claim(id: "claim-al-masoud-was-civilian") { id } }')).claim).toEqual({ id: 'claim-civilian-man' });
    await ok(IMPORT, { b: v2({ statements: [{ id: 'st-nasr-civilian', source: 'src-wassim-nasr', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS' }] }) });
    expect((await ok('{ statement(id: "st-nasr-civilian") { claim { id } } }')).statement.claim).toEqual({ id: 'claim-civilian-man' });
    // The question's hypothesis moved with it: its matrix ranks the kept claim.
    const matrix = await ok('{ question(id: "question-who-was-al-masoud") { hypotheses { id } } }');
    expect(matrix.question.hypotheses.map((h: { id: string }) => h.id)).toContain('claim-civilian-man');
    // Merged, they are no longer listed as possible duplicates.
    expect((await ok(LISTED, { kind: 'CLAIM' })).possibleDuplicates.totalCount).toBe(0);
    const changes = await ok('{ changes { nodes { action kind target by } } }');
    expect(changes.changes.nodes[0]).toEqual({ action: 'MERGE', kind: 'CLAIM', target: 'claim-civilian-man', by: EDITOR });
  });

  it('are refused a merge of a claim with itself (BAD_USER_INPUT) or with an unknown one (NOT_FOUND), and nothing changes', async () => {
    const self = await refused('BAD_USER_INPUT', `mutation { mergeClaims(keep: "claim-al-masoud-was-civilian", merge: "claim-al-masoud-was-civilian") { id } }`);
    expect(self.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ path: 'merge', got: '"claim-al-masoud-was-civilian"' })]);
    await refused('NOT_FOUND', `mutation { mergeClaims(keep: "claim-al-masoud-was-civilian", merge: "claim-nope") { id } }`);
    await refused('NOT_FOUND', `mutation { mergeClaims(keep: "claim-nope", merge: "claim-al-masoud-was-civilian") { id } }`);
  });
});

describe('entities spelled another way', () => {
  const other = v2({
    entities: [{ id: 'ent-khalid', name: 'Khalid al-Masud' }],
    claims: [{ id: 'claim-khalid-farmer', text: 'He sold vegetables in Dumayr.', about: ['ent-khalid'] }],
  });

  it('are listed by their shared skeleton, not merged; merged on an editor\'s word, the old id resolves and its claims move', async () => {
    const { importBundle } = await ok(IMPORT, { b: other });
    expect(importBundle.entities).toEqual({ created: 1 });
    expect(importBundle.possibleDuplicates).toEqual([{ kind: 'ENTITY', a: 'ent-khaled-al-masoud', b: 'ent-khalid', reason: 'SIMILAR_NAME', key: 'kld msd', score: null, rejected: false }]);
    const { mergeEntities } = await ok(`mutation { mergeEntities(keep: "ent-khaled-al-masoud", merge: "ent-khalid") { id name aliases claims(first: 100) { id } } }`);
    expect(mergeEntities.id).toBe('ent-khaled-al-masoud');
    expect(mergeEntities.name).toBe('Khaled al-Masoud');
    // Its name joins the aliases (sorted), so a search by it finds the kept entity by its own words.
    expect(mergeEntities.aliases).toEqual(['Khalid al-Masud', 'al-Masoud']);
    expect(mergeEntities.claims).toContainEqual({ id: 'claim-khalid-farmer' });
    expect((await ok('{ entity(id: "ent-khalid") { id } }')).entity).toEqual({ id: 'ent-khaled-al-masoud' });
    const claim = await ok('{ claim(id: "claim-khalid-farmer") { about { id } recorded { updatedBy } } }');
    expect(claim.claim).toEqual({ about: [{ id: 'ent-khaled-al-masoud' }], recorded: { updatedBy: EDITOR } });
    expect((await ok(LISTED, { kind: 'ENTITY' })).possibleDuplicates.totalCount).toBe(0);
    const search = await ok('{ entities(search: "Khalid al-Masud") { edges { score node { id } } } }');
    expect(search.entities.edges).toEqual([{ score: expect.any(Number), node: { id: 'ent-khaled-al-masoud' } }]);
  });

  it('are refused a merge with an unknown entity or with itself', async () => {
    await refused('NOT_FOUND', `mutation { mergeEntities(keep: "ent-khaled-al-masoud", merge: "ent-nope") { id } }`);
    await refused('BAD_USER_INPUT', `mutation { mergeEntities(keep: "ent-dumayr", merge: "ent-dumayr") { id } }`);
  });
});

describe('a distinctive name', () => {
  it('makes a new record and a stored one one record, under the smaller id, and says so; every id keeps resolving', async () => {
    // "src-0-sfa" sorts before "src-syrian-free-army": the stored faction now goes by the new id.
    const { importBundle } = await ok(IMPORT, { b: v2({ sources: [{ id: 'src-0-sfa', name: 'Syrian Free Army', kind: 'ORGANIZATION', anonymous: false, aliases: ['Jaysh Suriya al-Hurr'] }] }) });
    expect(importBundle.matched).toEqual([{ kind: 'SOURCE', bundleId: 'src-0-sfa', graphId: 'src-0-sfa', key: 'syrian free army' }]);
    const read = await ok(`{ old: source(id: "src-syrian-free-army") { id name aliases members { source { id } } } new: source(id: "src-0-sfa") { id } }`);
    expect(read).toEqual({
      old: { id: 'src-0-sfa', name: 'Syrian Free Army', aliases: ['Jaysh Suriya al-Hurr', 'SFA'], members: [{ source: { id: 'src-sfa-representatives' } }] },
      new: { id: 'src-0-sfa' },
    });
    // A bundle still naming the old id lands on the one record.
    await ok(IMPORT, { b: v2({ statements: [{ id: 'st-sfa-says', source: 'src-syrian-free-army', claim: 'claim-al-masoud-was-civilian', stance: 'DENIES' }] }) });
    expect((await ok('{ statement(id: "st-sfa-says") { source { id } } }')).statement.source).toEqual({ id: 'src-0-sfa' });
  });
});

describe('generic names', () => {
  const relatives = v2({ sources: [{ id: 'src-relatives', name: 'Relatives', kind: 'GROUP', anonymous: false }] });

  it('never merge: a source named only "Relatives" is listed beside the family that goes by that name, and an editor can reject the pair for good', async () => {
    const { importBundle } = await ok(IMPORT, { b: relatives });
    expect(importBundle.sources).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(importBundle.matched).toEqual([]);
    const pair = { kind: 'SOURCE', a: 'src-al-masoud-family', b: 'src-relatives', reason: 'GENERIC_NAME', key: 'relatives', score: null };
    expect(importBundle.possibleDuplicates).toEqual([{ ...pair, rejected: false }]);
    // Named either way round, the pair is the same pair.
    const { rejectDuplicate } = await ok(`mutation { rejectDuplicate(kind: SOURCE, a: "src-relatives", b: "src-al-masoud-family") { kind a b reason key score rejected } }`);
    expect(rejectDuplicate).toEqual({ ...pair, rejected: true });
    expect((await ok(LISTED, {})).possibleDuplicates).toEqual({ totalCount: 0, nodes: [] });
    // A later import of the same names does not list it again.
    expect((await ok(IMPORT, { b: relatives })).importBundle.possibleDuplicates).toEqual([]);
    expect((await ok(LISTED, {})).possibleDuplicates.totalCount).toBe(0);
  });

  it('refuse a rejection of a pair that is not listed (NOT_FOUND), of the wrong kind too', async () => {
    await ok(IMPORT, { b: relatives });
    await refused('NOT_FOUND', `mutation { rejectDuplicate(kind: SOURCE, a: "src-airwars", b: "src-al-masoud-family") { a } }`);
    await refused('NOT_FOUND', `mutation { rejectDuplicate(kind: ENTITY, a: "src-relatives", b: "src-al-masoud-family") { a } }`);
  });
});

describe('a bundle set', () => {
  // The first file needs the second's sources and the third's claim; the third is version 1.
  const statementsFirst = v2({ statements: [{ id: 'st-khalid-farmer', source: 'src-khalid', claim: 'claim-farmer', stance: 'ASSERTS' }] });
  const sources = v2({ sources: [{ id: 'src-khalid', name: 'Khalid al-Masud', kind: 'PERSON', anonymous: false }, { id: 'src-khaled-2', name: 'Khaled Masoud', kind: 'PERSON', anonymous: false }] });
  const legacy = {
    format: 'claimgraph-bundle', version: 1,
    sources: [{ id: 'src-km', name: 'Khaled al-Masoud', kind: 'PERSON', anonymous: false }],
    claims: [{ id: 'claim-farmer', text: 'He sold vegetables in Dumayr.' }],
    statements: [{ id: 'st-km-farmer', source: 'src-km', claim: 'claim-farmer', stance: 'ASSERTS', document: 'doc-dumayr-report' }],
  };
  const IMPORT_SET = `mutation($b: [JSON!]!, $dry: Boolean) { importBundles(bundles: $b, dryRun: $dry) {
    dryRun sources { created updated unchanged } claims { created } statements { created } matched { kind bundleId graphId key }
    possibleDuplicates { kind a b reason key } notes } }`;

  it('imports whatever the order of its files: references across files resolve, a name in three spellings is one match and two listed spellings', async () => {
    const before = await exportBundle(store);
    const dry = (await ok(IMPORT_SET, { b: [statementsFirst, sources, legacy], dry: true })).importBundles;
    const expected = {
      sources: { created: 2, updated: 0, unchanged: 1 }, claims: { created: 1 }, statements: { created: 2 },
      // The report's spelling is the stored source's name: one source. The other two spellings are only listed.
      matched: [{ kind: 'SOURCE', bundleId: 'src-km', graphId: 'src-khaled-al-masoud', key: 'khaled al masoud' }],
      possibleDuplicates: [
        { kind: 'SOURCE', a: 'src-khaled-2', b: 'src-khaled-al-masoud', reason: 'SIMILAR_NAME', key: 'kld msd' },
        { kind: 'SOURCE', a: 'src-khaled-2', b: 'src-khalid', reason: 'SIMILAR_NAME', key: 'kld msd' },
        { kind: 'SOURCE', a: 'src-khaled-al-masoud', b: 'src-khalid', reason: 'SIMILAR_NAME', key: 'kld msd' },
      ],
      notes: [],
    };
    expect(dry).toEqual({ ...expected, dryRun: true });
    expect(await exportBundle(store)).toEqual(before);
    expect((await ok(IMPORT_SET, { b: [statementsFirst, sources, legacy] })).importBundles).toEqual({ ...expected, dryRun: false });
    const read = await ok(`{ km: statement(id: "st-km-farmer") { source { id } document { id } } khalid: statement(id: "st-khalid-farmer") { source { id name } }
      claim(id: "claim-farmer") { corroboration { assertingSources independentSources } } }`);
    expect(read).toEqual({
      km: { source: { id: 'src-khaled-al-masoud' }, document: { id: 'doc-dumayr-report' } },
      khalid: { source: { id: 'src-khalid', name: 'Khalid al-Masud' } },
      // Two records until an editor merges them: counted apart.
      claim: { corroboration: { assertingSources: 2, independentSources: 2 } },
    });
    // Every spelling finds every record of the name.
    for (const spelling of ['Khaled al-Masoud', 'Khalid al-Masud', 'Khaled Masoud']) {
      const found = await ok('query($s: String) { sources(search: $s) { nodes { id } } }', { s: spelling });
      expect(found.sources.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['src-khaled-2', 'src-khaled-al-masoud', 'src-khalid']));
    }
  });

  it('gives the same graph in any order of its files', async () => {
    const other = await seededStore();
    try {
      await ok(IMPORT_SET, { b: [statementsFirst, sources, legacy] });
      const reversed = await gql(other, IMPORT_SET, { b: [legacy, sources, statementsFirst] }, EDITOR);
      expect(reversed.errors).toBeUndefined();
      const strip = (b: Awaited<ReturnType<typeof exportBundle>>) => JSON.parse(JSON.stringify(b, (k, v) => (k === 'recorded' ? undefined : v))) as unknown;
      expect(strip(await exportBundle(other))).toEqual(strip(await exportBundle(store)));
    } finally {
      await other.close();
    }
  });

  it('reports a problem at the file and path it is in, relative to the argument, and writes nothing', async () => {
    const broken = { ...legacy, statements: [{ ...legacy.statements[0], claim: 'claim-nope' }] };
    const result = await refused('BAD_USER_INPUT', IMPORT_SET, { b: [statementsFirst, sources, broken] });
    expect(result.errors?.[0]?.extensions?.problems).toEqual([{
      path: 'bundles[2].statements[0].claim', id: 'st-km-farmer', file: 'bundles[2]',
      expected: 'the id of a claim in the bundle or the graph', got: 'unknown claim id "claim-nope"',
    }]);
  });

  it('imports into an empty graph when every reference is inside the set', async () => {
    const empty = await emptyStore();
    try {
      const own = v2({ claims: [{ id: 'claim-farmer', text: 'He sold vegetables.' }], documents: [{ id: 'doc-dumayr-report', title: 'Report' }] });
      const result = await gql(empty, IMPORT_SET, { b: [statementsFirst, sources, legacy, own] }, EDITOR);
      // The version 1 file's claim and the version 2 file's claim are one id with different content: a problem naming both files.
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(result.errors?.[0]?.extensions?.problems)).toMatch(/bundles\[2\]/);
      const fine = await gql(empty, IMPORT_SET, { b: [statementsFirst, sources, { ...legacy, statements: [{ ...legacy.statements[0], document: null }] }] }, EDITOR);
      expect(fine.errors).toBeUndefined();
      expect((fine.data?.importBundles as { statements: { created: number } }).statements).toEqual({ created: 2 });
    } finally {
      await empty.close();
    }
  });
});
