import { exportBundle } from '../../src/graph/export';
import { graphCounts } from '../../src/analysis/seed';
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

const IMPORT = `mutation($b: JSON!) { importBundle(input: { bundle: $b }) { result { sources { created updated unchanged } entities { created } claims { created }
  matched { kind bundleId graphId key } possibleDuplicates { kind a b reason key score rejected } } } }`;
const LISTED = `query($kind: DuplicateKind) { possibleDuplicates(kind: $kind) { totalCount nodes { kind a b reason key score rejected } } }`;
const v2 = (sections: Record<string, unknown>) => ({ format: 'claimgraph-bundle', version: 2, ...sections });

describe('claims worded alike', () => {
  const twin = v2({
    claims: [{ id: 'claim-civilian-man', text: 'Khaled al-Masoud was a civilian man.', about: ['ent-khaled-al-masoud'] }],
    statements: [{ id: 'st-residents-civilian', source: 'src-dumayr-residents', claim: 'claim-civilian-man', stance: 'ASSERTS' }],
  });

  it('are listed for an editor on import, never merged alone', async () => {
    const { importBundle: { result: importBundle } } = await ok(IMPORT, { b: twin });
    expect(importBundle.claims).toEqual({ created: 1 });
    expect(importBundle.possibleDuplicates).toEqual([
      { kind: 'CLAIM', a: 'claim-al-masoud-was-civilian', b: 'claim-civilian-man', reason: 'SIMILAR_TEXT', key: null, score: expect.any(Number), rejected: false },
    ]);
    const score = importBundle.possibleDuplicates[0].score as number;
    expect(score).toBeGreaterThanOrEqual(0.6);
    expect(score).toBeLessThanOrEqual(1);
    expect((await ok(LISTED, { kind: 'CLAIM' })).possibleDuplicates.nodes).toEqual(importBundle.possibleDuplicates);
    expect((await ok('{ claim(id: "claim-civilian-man") { id: recordId } }')).claim).toEqual({ id: 'claim-civilian-man' });
  });

  it('merge on an editor\'s word: statements, links and questions move, the old id resolves, the counts are the claim\'s', async () => {
    await ok(IMPORT, { b: twin });
    const before = await graphCounts(store);
    // Merged the other way round: the seed's claim (a hypothesis of the seed's question, with a contradiction) goes into the new one.
    const { mergeClaims: { claim: mergeClaims } } = await ok(`mutation { mergeClaims(input: { keep: "claim-civilian-man", merge: "claim-al-masoud-was-civilian" }) { claim {
      id: recordId text statements { id: recordId } contradicts { id: recordId } questions { id: recordId } recorded { updatedBy }
      corroboration { assertingSources independentSources anonymousSources contradictedBy } } } }`);
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
    expect((await ok('{ claim(id: "claim-al-masoud-was-civilian") { id: recordId } }')).claim).toEqual({ id: 'claim-civilian-man' });
    await ok(IMPORT, { b: v2({ statements: [{ id: 'st-nasr-civilian', source: 'src-wassim-nasr', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS' }] }) });
    expect((await ok('{ statement(id: "st-nasr-civilian") { claim { id: recordId } } }')).statement.claim).toEqual({ id: 'claim-civilian-man' });
    // The question's hypothesis moved with it: its matrix ranks the kept claim.
    const matrix = await ok('{ question(id: "question-who-was-al-masoud") { hypotheses { id: recordId } } }');
    expect(matrix.question.hypotheses.map((h: { id: string }) => h.id)).toContain('claim-civilian-man');
    // Merged, they are no longer listed as possible duplicates.
    expect((await ok(LISTED, { kind: 'CLAIM' })).possibleDuplicates.totalCount).toBe(0);
    const changes = await ok('{ changes { nodes { action kind target by } } }');
    expect(changes.changes.nodes[0]).toEqual({ action: 'MERGE', kind: 'CLAIM', target: 'claim-civilian-man', by: EDITOR });
  });

  it('are refused a merge of a claim with itself (BAD_USER_INPUT) or with an unknown one (NOT_FOUND), and nothing changes', async () => {
    const self = await refused('BAD_USER_INPUT', `mutation { mergeClaims(input: { keep: "claim-al-masoud-was-civilian", merge: "claim-al-masoud-was-civilian" }) { mergedId } }`);
    expect(self.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ path: 'input.merge', got: '"claim-al-masoud-was-civilian"' })]);
    await refused('NOT_FOUND', `mutation { mergeClaims(input: { keep: "claim-al-masoud-was-civilian", merge: "claim-nope" }) { mergedId } }`);
    await refused('NOT_FOUND', `mutation { mergeClaims(input: { keep: "claim-nope", merge: "claim-al-masoud-was-civilian" }) { mergedId } }`);
  });
});

describe('entities spelled another way', () => {
  const other = v2({
    entities: [{ id: 'ent-khalid', name: 'Khalid al-Masud' }],
    claims: [{ id: 'claim-khalid-farmer', text: 'He sold vegetables in Dumayr.', about: ['ent-khalid'] }],
  });

  it('are listed by their shared skeleton, not merged; merged on an editor\'s word, the old id resolves and its claims move', async () => {
    const { importBundle: { result: importBundle } } = await ok(IMPORT, { b: other });
    expect(importBundle.entities).toEqual({ created: 1 });
    expect(importBundle.possibleDuplicates).toEqual([{ kind: 'ENTITY', a: 'ent-khaled-al-masoud', b: 'ent-khalid', reason: 'SIMILAR_NAME', key: 'kld msd', score: null, rejected: false }]);
    const { mergeEntities: { entity: mergeEntities } } = await ok(`mutation { mergeEntities(input: { keep: "ent-khaled-al-masoud", merge: "ent-khalid" }) { entity { id: recordId name aliases claims(first: 100) { id: recordId } } } }`);
    expect(mergeEntities.id).toBe('ent-khaled-al-masoud');
    expect(mergeEntities.name).toBe('Khaled al-Masoud');
    // Its name joins the aliases (sorted), so a search by it finds the kept entity by its own words.
    expect(mergeEntities.aliases).toEqual(['Khalid al-Masud', 'al-Masoud']);
    expect(mergeEntities.claims).toContainEqual({ id: 'claim-khalid-farmer' });
    expect((await ok('{ entity(id: "ent-khalid") { id: recordId } }')).entity).toEqual({ id: 'ent-khaled-al-masoud' });
    const claim = await ok('{ claim(id: "claim-khalid-farmer") { about { id: recordId } recorded { updatedBy } } }');
    expect(claim.claim).toEqual({ about: [{ id: 'ent-khaled-al-masoud' }], recorded: { updatedBy: EDITOR } });
    expect((await ok(LISTED, { kind: 'ENTITY' })).possibleDuplicates.totalCount).toBe(0);
    const search = await ok('{ entities(search: "Khalid al-Masud") { edges { score node { id: recordId } } } }');
    expect(search.entities.edges).toEqual([{ score: expect.any(Number), node: { id: 'ent-khaled-al-masoud' } }]);
  });

  it('are refused a merge with an unknown entity or with itself', async () => {
    await refused('NOT_FOUND', `mutation { mergeEntities(input: { keep: "ent-khaled-al-masoud", merge: "ent-nope" }) { mergedId } }`);
    await refused('BAD_USER_INPUT', `mutation { mergeEntities(input: { keep: "ent-dumayr", merge: "ent-dumayr" }) { mergedId } }`);
  });
});

describe('a distinctive name', () => {
  it('makes a new record and a stored one one record, under the smaller id, and says so; every id keeps resolving', async () => {
    // "src-0-sfa" sorts before "src-syrian-free-army": the stored faction now goes by the new id.
    const { importBundle: { result: importBundle } } = await ok(IMPORT, { b: v2({ sources: [{ id: 'src-0-sfa', name: 'Syrian Free Army', kind: 'ORGANIZATION', anonymous: false, aliases: ['Jaysh Suriya al-Hurr'] }] }) });
    expect(importBundle.matched).toEqual([{ kind: 'SOURCE', bundleId: 'src-0-sfa', graphId: 'src-0-sfa', key: 'syrian free army' }]);
    const read = await ok(`{ old: source(id: "src-syrian-free-army") { id: recordId name aliases members { source { id: recordId } } } new: source(id: "src-0-sfa") { id: recordId } }`);
    expect(read).toEqual({
      old: { id: 'src-0-sfa', name: 'Syrian Free Army', aliases: ['Jaysh Suriya al-Hurr', 'SFA'], members: [{ source: { id: 'src-sfa-representatives' } }] },
      new: { id: 'src-0-sfa' },
    });
    // A bundle still naming the old id lands on the one record.
    await ok(IMPORT, { b: v2({ statements: [{ id: 'st-sfa-says', source: 'src-syrian-free-army', claim: 'claim-al-masoud-was-civilian', stance: 'DENIES' }] }) });
    expect((await ok('{ statement(id: "st-sfa-says") { source { id: recordId } } }')).statement.source).toEqual({ id: 'src-0-sfa' });
  });
});

describe('generic names', () => {
  const relatives = v2({ sources: [{ id: 'src-relatives', name: 'Relatives', kind: 'GROUP', anonymous: false }] });

  it('never merge: a source named only "Relatives" is listed beside the family that goes by that name, and an editor can reject the pair for good', async () => {
    const { importBundle: { result: importBundle } } = await ok(IMPORT, { b: relatives });
    expect(importBundle.sources).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(importBundle.matched).toEqual([]);
    const pair = { kind: 'SOURCE', a: 'src-al-masoud-family', b: 'src-relatives', reason: 'GENERIC_NAME', key: 'relatives', score: null };
    expect(importBundle.possibleDuplicates).toEqual([{ ...pair, rejected: false }]);
    // Named either way round, the pair is the same pair.
    const { rejectDuplicate: { possibleDuplicate: rejectDuplicate } } = await ok(`mutation { rejectDuplicate(input: { kind: SOURCE, a: "src-relatives", b: "src-al-masoud-family" }) { possibleDuplicate { kind a b reason key score rejected } } }`);
    expect(rejectDuplicate).toEqual({ ...pair, rejected: true });
    expect((await ok(LISTED, {})).possibleDuplicates).toEqual({ totalCount: 0, nodes: [] });
    // A later import of the same names does not list it again.
    expect((await ok(IMPORT, { b: relatives })).importBundle.result.possibleDuplicates).toEqual([]);
    expect((await ok(LISTED, {})).possibleDuplicates.totalCount).toBe(0);
  });

  it('refuse a rejection of a pair that is not listed (NOT_FOUND), of the wrong kind too', async () => {
    await ok(IMPORT, { b: relatives });
    await refused('NOT_FOUND', `mutation { rejectDuplicate(input: { kind: SOURCE, a: "src-airwars", b: "src-al-masoud-family" }) { possibleDuplicate { a } } }`);
    await refused('NOT_FOUND', `mutation { rejectDuplicate(input: { kind: ENTITY, a: "src-relatives", b: "src-al-masoud-family" }) { possibleDuplicate { a } } }`);
  });
});

describe('sources spelled another way', () => {
  // Three outlets print one president's remark under three spellings, coded as three sources
  // (a coder who copies each name as printed). Until an editor decides, they may be one man:
  // one cluster, not three independent confirmations (docs/MODEL.md, "The independence rule").
  const printed = (n: number, name: string) => v2({
    sources: [{ id: `src-z${n}`, name, kind: 'PERSON', anonymous: false }, { id: `src-outlet-${n}`, name: `Outlet number ${'abc'[n]}`, kind: 'ORGANIZATION', anonymous: false }],
    documents: [{ id: `doc-${n}`, title: `Report ${n}`, publisher: `src-outlet-${n}`, publishedAt: '2022-11-16' }],
    claims: [{ id: 'claim-air-defence', text: 'The missile that fell in Przewodow was not Ukrainian.' }],
    statements: [{ id: `st-z${n}`, source: `src-z${n}`, claim: 'claim-air-defence', stance: 'ASSERTS', date: '2022-11-16', appearances: [{ document: `doc-${n}` }] }],
  });
  const SPELLINGS = ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskiy'];
  const READ = `{ claim(id: "claim-air-defence") { status credibility { grade } corroboration { assertingSources independentSources
    clusters { sources { id: recordId } merges { sources { id: recordId } reasons explanation } } } } }`;

  beforeEach(async () => {
    for (const [n, name] of SPELLINGS.entries()) await ok(IMPORT, { b: printed(n, name) });
  });

  it('count as one cluster, with the reason in words, while the pair is undecided', async () => {
    expect((await ok(LISTED, { kind: 'SOURCE' })).possibleDuplicates.nodes.filter((p: { reason: string }) => p.reason === 'SIMILAR_NAME')).toHaveLength(3);
    const { claim } = await ok(READ);
    expect(claim.corroboration.assertingSources).toBe(3);
    expect(claim.corroboration.independentSources).toBe(1);
    expect(claim.corroboration.clusters[0].sources.map((s: { id: string }) => s.id)).toEqual(['src-z0', 'src-z1', 'src-z2']);
    expect(claim.corroboration.clusters[0].merges[0]).toEqual({
      sources: [{ id: 'src-z0' }, { id: 'src-z1' }],
      reasons: ['SIMILAR_NAME'],
      explanation: 'Volodymyr Zelensky and Volodymyr Zelenskyy may be one source under two spellings (a possible duplicate that no editor has merged or rejected).',
    });
    // One unrated voice: not "Confirmed" (1), as three independent ones would make it.
    expect(claim.credibility.grade).toBe(3);
    expect(claim.status).toBe('UNVERIFIED');
  });

  it('count apart once an editor rejects the pairs, and as one source once merged', async () => {
    for (const [a, b] of [['src-z0', 'src-z1'], ['src-z0', 'src-z2'], ['src-z1', 'src-z2']]) {
      await ok(`mutation { rejectDuplicate(input: { kind: SOURCE, a: "${a}", b: "${b}" }) { possibleDuplicate { rejected } } }`);
    }
    const apart = (await ok(READ)).claim;
    expect(apart.corroboration.independentSources).toBe(3);
    expect(apart.credibility.grade).toBe(1);
    expect(apart.status).toBe('CORROBORATED');
    await ok('mutation { mergeSources(input: { keep: "src-z0", merge: "src-z1" }) { mergedId } }');
    expect((await ok(READ)).claim.corroboration).toMatchObject({ assertingSources: 2, independentSources: 2 });
  });

  it('join through a third spelling, and part when that spelling is deleted', async () => {
    await ok(`mutation { rejectDuplicate(input: { kind: SOURCE, a: "src-z0", b: "src-z2" }) { possibleDuplicate { rejected } } }`);
    // z0 and z2 are rejected as one, but both may be z1: one cluster through z1.
    expect((await ok(READ)).claim.corroboration.independentSources).toBe(1);
    const preview = await ok('{ deletionPreview(kind: SOURCE, id: "src-z1") { confirm } }');
    await ok(`mutation { delete(input: { kind: SOURCE, id: "src-z1", confirm: "${preview.deletionPreview.confirm}" }) { deletedIds } }`);
    // Without z1, nothing joins the two an editor told apart.
    expect((await ok(READ)).claim.corroboration).toMatchObject({ assertingSources: 2, independentSources: 2 });
  });

  it('never join anonymous sources: two reports\' unnamed officials need not be the same people', async () => {
    const anonymous = (n: number, name: string) => v2({
      sources: [{ id: `src-anon-${n}`, name, kind: 'GROUP', anonymous: true }],
      claims: [{ id: 'claim-air-defence', text: 'The missile that fell in Przewodow was not Ukrainian.' }],
      statements: [{ id: `st-anon-${n}`, source: `src-anon-${n}`, claim: 'claim-air-defence', stance: 'ASSERTS' }],
    });
    await ok(IMPORT, { b: anonymous(0, 'Three Polish officials') });
    await ok(IMPORT, { b: anonymous(1, 'Three Polish oficials') });
    // Not listed as one name spelled two ways, and counted apart.
    expect((await ok(LISTED, { kind: 'SOURCE' })).possibleDuplicates.nodes.map((p: { a: string }) => p.a)).not.toContain('src-anon-0');
    const { claim } = await ok(READ);
    expect(claim.corroboration).toMatchObject({ assertingSources: 5, independentSources: 3 });
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
  const IMPORT_SET = `mutation($b: [JSON!]!, $dry: Boolean) { importBundles(input: { bundles: $b, dryRun: $dry }) { result {
    dryRun sources { created updated unchanged } claims { created } statements { created } matched { kind bundleId graphId key }
    possibleDuplicates { kind a b reason key } notes } } }`;

  it('imports whatever the order of its files: references across files resolve, a name in three spellings is one match and two listed spellings', async () => {
    const before = await exportBundle(store);
    const dry = (await ok(IMPORT_SET, { b: [statementsFirst, sources, legacy], dry: true })).importBundles.result;
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
    expect((await ok(IMPORT_SET, { b: [statementsFirst, sources, legacy] })).importBundles.result).toEqual({ ...expected, dryRun: false });
    const read = await ok(`{ km: statement(id: "st-km-farmer") { source { id: recordId } document { id: recordId } } khalid: statement(id: "st-khalid-farmer") { source { id: recordId name } }
      claim(id: "claim-farmer") { corroboration { assertingSources independentSources } } }`);
    expect(read).toEqual({
      km: { source: { id: 'src-khaled-al-masoud' }, document: { id: 'doc-dumayr-report' } },
      khalid: { source: { id: 'src-khalid', name: 'Khalid al-Masud' } },
      // Two records until an editor merges them, but one name spelled two ways: one cluster, not two confirmations.
      claim: { corroboration: { assertingSources: 2, independentSources: 1 } },
    });
    // Every spelling finds every record of the name.
    for (const spelling of ['Khaled al-Masoud', 'Khalid al-Masud', 'Khaled Masoud']) {
      const found = await ok('query($s: String) { sources(search: $s) { nodes { id: recordId } } }', { s: spelling });
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

  it('reports a problem at the file and path it is in, from the input, and writes nothing', async () => {
    const broken = { ...legacy, statements: [{ ...legacy.statements[0], claim: 'claim-nope' }] };
    const result = await refused('BAD_USER_INPUT', IMPORT_SET, { b: [statementsFirst, sources, broken] });
    expect(result.errors?.[0]?.extensions?.problems).toEqual([{
      path: 'input.bundles[2].statements[0].claim', id: 'st-km-farmer', file: 'input.bundles[2]',
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
      expect((fine.data?.importBundles as { result: { statements: { created: number } } }).result.statements).toEqual({ created: 2 });
    } finally {
      await empty.close();
    }
  });
});
