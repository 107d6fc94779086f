import { coercionProblem } from '../../src/api/mutations';
import { toGlobalId } from '../../src/api/global-id';
import { identifyEditor } from '../../src/api/identity';
import { startHttpServer } from '../../src/api/server';
import { loadApiConfig } from '../../src/config';
import { exportBundle } from '../../src/graph/export';
import { graphCounts, readSeedJson, seed } from '../../src/analysis/seed';
import type { GraphStore } from '../../src/store/port';
import { codes, gql, seededStore, type GqlResult } from '../helpers';

/*
 * Editing through GraphQL, in-process on a fresh seeded embedded store per
 * test: each mutation's result and a read after it; every rejected mutation
 * leaves the graph exactly as it was; the audit fields say who wrote what.
 */

let store: GraphStore;
beforeEach(async () => {
  store = await seededStore();
});
afterEach(() => store.close());

/** Runs an operation and fails the test on any error. */
async function ok(query: string, variables: Record<string, unknown> = {}, editor: string | null = 'alice@example.org'): Promise<Record<string, any>> {
  const result = await gql(store, query, variables, editor);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

/** The whole graph: node counts and a full export (audit fields included). */
async function snapshot(): Promise<unknown> {
  return { counts: await graphCounts(store), bundle: await exportBundle(store) };
}

/** Runs an operation that must be refused with `code`, and checks that it changed nothing. */
async function refused(code: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  const before = await snapshot();
  const result = await gql(store, query, variables, 'mallory@example.org');
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(new Set(codes(result))).toEqual(new Set([code]));
  expect(await snapshot()).toEqual(before);
  return result;
}

/** A BAD_USER_INPUT's problems: where, in which record (its id), what was expected and what came. */
const problemsOf = (result: GqlResult) => result.errors?.[0]?.extensions?.problems as { path: string; id?: string; expected: string; got: string }[];

const SOURCE_FIELDS = 'id: recordId name kind anonymous count description aliases recorded { createdBy updatedBy createdAt updatedAt }';
const CREATE_SOURCE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { source { ${SOURCE_FIELDS} } } }`;
const UPDATE_SOURCE = `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { source { ${SOURCE_FIELDS} } } }`;
const READ_SOURCE = `query($id: ID!) { source(id: $id) { ${SOURCE_FIELDS} } }`;
const STATEMENT_FIELDS = `id: recordId stance hedged position quote paraphrase hedge date madeAt source { id: recordId } claim { id: recordId } document { id: recordId }
  appearances { document { id: recordId } quote paraphrase via { source { id: recordId } document { id: recordId } } } derivedFrom { id: recordId } supersedes { id: recordId } current recorded { createdBy updatedBy }`;
const RECORD_STATEMENT = `mutation($input: RecordStatementInput!) { recordStatement(input: $input) { statement { ${STATEMENT_FIELDS} } } }`;
const CORROBORATION = `query($id: ID!) { claim(id: $id) { statements { id: recordId } corroboration {
  assertingSources independentSources anonymousSources hedgingSources denyingSources doubtingSources withdrawnSources contradictedBy } } }`;
/** Corroboration counts with nothing counted, for `{ ...zero, … }`. */
const zero = { assertingSources: 0, independentSources: 0, anonymousSources: 0, hedgingSources: 0, denyingSources: 0, doubtingSources: 0, withdrawnSources: 0, contradictedBy: 0 };
const PREVIEW = `query($kind: DeletableKind!, $id: ID!) { deletionPreview(kind: $kind, id: $id) {
  kind id: recordId nodes { kind id: recordId } relationships { type from to } nodeCounts { kind count } relationshipCounts { type count } detached { kind id: recordId field } confirm } }`;
const DELETE = `mutation($input: DeleteInput!) { delete(input: $input) {
  deletion { kind id: recordId nodes { kind id: recordId } nodeCounts { kind count } relationshipCounts { type count } detached { kind id: recordId field } } deletedIds } }`;

describe('sources', () => {
  it('creates a source with a generated id, and a read finds it', async () => {
    const { createSource: { source: createSource } } = await ok(CREATE_SOURCE, { input: { name: 'Example Monitor', kind: 'ORGANIZATION', anonymous: false, aliases: ['EM'] } });
    expect(createSource).toEqual({
      id: expect.stringMatching(/^src-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      name: 'Example Monitor', kind: 'ORGANIZATION', anonymous: false, count: null, description: null, aliases: ['EM'],
      recorded: { createdBy: 'alice@example.org', updatedBy: 'alice@example.org', createdAt: expect.any(String), updatedAt: expect.any(String) },
    });
    expect((await ok(READ_SOURCE, { id: createSource.id })).source).toEqual(createSource);
    expect((await ok('{ sources(search: "example monitor") { totalCount } }')).sources.totalCount).toBe(1);
  });

  it('updates only the fields given, clears an optional field given as null, and records both editors', async () => {
    const { createSource: { source: createSource } } = await ok(CREATE_SOURCE, { input: { id: 'src-example', name: 'Example', kind: 'GROUP', anonymous: true, count: 4, description: 'Four people', aliases: ['X'] } }, 'alice');
    const { updateSource: { source: updateSource } } = await ok(UPDATE_SOURCE, { input: { id: 'src-example', description: null, aliases: null, count: 5 } }, 'bob');
    expect(updateSource).toEqual({
      ...createSource, count: 5, description: null, aliases: [],
      recorded: { createdBy: 'alice', createdAt: createSource.recorded.createdAt, updatedBy: 'bob', updatedAt: expect.any(String) },
    });
    expect(Date.parse(updateSource.recorded.updatedAt)).toBeGreaterThanOrEqual(Date.parse(createSource.recorded.createdAt));
    expect((await ok(READ_SOURCE, { id: 'src-example' })).source).toEqual(updateSource);
  });

  it('does not restamp a record an update leaves unchanged', async () => {
    const before = (await ok(READ_SOURCE, { id: 'src-airwars' })).source;
    const { updateSource: { source: updateSource } } = await ok(UPDATE_SOURCE, { input: { id: 'src-airwars', name: 'Airwars' } }, 'bob');
    expect(updateSource).toEqual(before);
    expect(before.recorded.updatedBy).toBe('claimgraph-seed');
  });

  it('returns what each write left, even when one operation writes the same source twice (no stale loader cache)', async () => {
    const data = await ok(`mutation {
      first: updateSource(input: { id: "src-airwars", description: "one" }) { source { description } }
      second: updateSource(input: { id: "src-airwars", description: "two" }) { source { description } }
    }`);
    expect(data).toEqual({ first: { source: { description: 'one' } }, second: { source: { description: 'two' } } });
  });

  it('refuses an id in use (CONFLICT), an unknown id (NOT_FOUND) and a required field cleared (BAD_USER_INPUT)', async () => {
    const taken = await refused('CONFLICT', CREATE_SOURCE, { input: { id: 'src-airwars', name: 'Another', kind: 'PERSON', anonymous: false } });
    expect(taken.errors?.[0]?.message).toBe('A source with id "src-airwars" exists already; use updateSource to change it.');
    await refused('NOT_FOUND', UPDATE_SOURCE, { input: { id: 'src-nope', name: 'X' } });
    const cleared = await refused('BAD_USER_INPUT', UPDATE_SOURCE, { input: { id: 'src-airwars', name: null, count: 0 } });
    // Each problem names the record it is in.
    expect(problemsOf(cleared)).toEqual([
      { path: 'input.name', id: 'src-airwars', expected: 'a non-empty string', got: 'null' },
      { path: 'input.count', id: 'src-airwars', expected: 'a positive integer or null', got: '0' },
    ]);
  });

  it('refuses a new named source whose name a stored one has, naming it, instead of a silent duplicate', async () => {
    const result = await refused('CONFLICT', CREATE_SOURCE, { input: { name: 'The Soufan Center', kind: 'ORGANIZATION', anonymous: false } });
    expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ existing: ['src-soufan-center'] }));
  });

  it('refuses to rename a source to a name another stored source has, instead of merging the two silently', async () => {
    const result = await refused('CONFLICT', UPDATE_SOURCE, { input: { id: 'src-airwars', name: 'The Soufan Center' } });
    expect(result.errors?.[0]?.extensions).toEqual(expect.objectContaining({ existing: ['src-soufan-center'] }));
    const alias = await refused('CONFLICT', UPDATE_SOURCE, { input: { id: 'src-airwars', aliases: ['Soufan Center'] } });
    expect(alias.errors?.[0]?.extensions).toEqual(expect.objectContaining({ existing: ['src-soufan-center'] }));
  });

  it('rolls back a write that failed after the import ran: nothing of it stays', async () => {
    // Two sources of one name in one bundle are one source, under the smaller id; the other id resolves to it.
    const imported = await ok(`mutation($b: JSON!) { importBundle(input: { bundle: $b }) { result { sources { created } matched { kind bundleId graphId key } } } }`, {
      b: { format: 'claimgraph-bundle', version: 1, sources: [
        { id: 'src-twin-b', name: 'Twin', kind: 'PERSON', anonymous: false },
        { id: 'src-twin-a', name: 'Twin', kind: 'PERSON', anonymous: false, aliases: ['The twin'] },
      ] },
    });
    expect(imported.importBundle.result).toEqual({ sources: { created: 1 }, matched: [{ kind: 'SOURCE', bundleId: 'src-twin-b', graphId: 'src-twin-a', key: 'twin' }] });
    expect((await ok('{ source(id: "src-twin-b") { id: recordId name aliases } }')).source).toEqual({ id: 'src-twin-a', name: 'Twin', aliases: ['The twin'] });
    // The import inside createSource runs (and would merge the new source into the stored one), then the CONFLICT rolls it back.
    const result = await refused('CONFLICT', CREATE_SOURCE, { input: { id: 'src-twin-0', name: 'twin', kind: 'PERSON', anonymous: false } });
    expect(result.errors?.[0]?.extensions?.existing).toEqual(['src-twin-a']);
    expect(codes(await gql(store, '{ source(id: "src-twin-0") { id: recordId } }'))).toEqual(['NOT_FOUND']);
  });

  it('creates a source whose name is generic beside a stored one of that name, and lists the pair for an editor instead of merging', async () => {
    // "Relatives" names no one in particular: the family's alias "relatives" does not make them one.
    const { createSource: { source: createSource } } = await ok(CREATE_SOURCE, { input: { id: 'src-relatives', name: 'Relatives', kind: 'GROUP', anonymous: false } });
    expect(createSource).toMatchObject({ id: 'src-relatives', name: 'Relatives', aliases: [] });
    const listed = await ok('{ possibleDuplicates(kind: SOURCE) { totalCount nodes { kind a b reason key score rejected } } }');
    expect(listed.possibleDuplicates).toEqual({ totalCount: 1, nodes: [
      { kind: 'SOURCE', a: 'src-al-masoud-family', b: 'src-relatives', reason: 'GENERIC_NAME', key: 'relatives', score: null, rejected: false },
    ] });
  });
});

describe('entities, documents and claims', () => {
  it('creates and updates an entity', async () => {
    const { createEntity: { entity: createEntity } } = await ok(`mutation { createEntity(input: { id: "ent-example", name: "Example", aliases: ["Ex"] }) { entity { id: recordId name description aliases recorded { createdBy } } } }`);
    expect(createEntity).toEqual({ id: 'ent-example', name: 'Example', description: null, aliases: ['Ex'], recorded: { createdBy: 'alice@example.org' } });
    const { updateEntity: { entity: updateEntity } } = await ok(`mutation { updateEntity(input: { id: "ent-example", description: "A place" }) { entity { id: recordId name description aliases } } }`);
    expect(updateEntity).toEqual({ id: 'ent-example', name: 'Example', description: 'A place', aliases: ['Ex'] });
    expect((await ok('{ entity(id: "ent-example") { description } }')).entity).toEqual({ description: 'A place' });
    await refused('CONFLICT', `mutation { createEntity(input: { id: "ent-example", name: "Other" }) { entity { id: recordId } } }`);
    await refused('NOT_FOUND', `mutation { updateEntity(input: { id: "ent-nope", name: "Other" }) { entity { id: recordId } } }`);
  });

  it('creates a document with a publisher, moves the publisher, then removes it', async () => {
    const fields = 'id: recordId title url publishedAt note publisher { id: recordId } recorded { updatedBy }';
    const { createDocument: { document: createDocument } } = await ok(`mutation { createDocument(input: { id: "doc-example", title: "Example", publisher: "src-airwars", publishedAt: "2025-10-20" }) { document { ${fields} } } }`);
    expect(createDocument).toEqual({ id: 'doc-example', title: 'Example', url: null, publishedAt: '2025-10-20', note: null, publisher: { id: 'src-airwars' }, recorded: { updatedBy: 'alice@example.org' } });
    const moved = await ok(`mutation { updateDocument(input: { id: "doc-example", publisher: "src-soufan-center", url: "https://example.org" }) { document { ${fields} } } }`, {}, 'bob');
    expect(moved.updateDocument.document).toEqual({ ...createDocument, url: 'https://example.org', publisher: { id: 'src-soufan-center' }, recorded: { updatedBy: 'bob' } });
    const removed = await ok(`mutation { updateDocument(input: { id: "doc-example", publisher: null }) { document { publisher { id: recordId } } } }`);
    expect(removed.updateDocument.document).toEqual({ publisher: null });
    expect((await ok('{ document(id: "doc-example") { publisher { id: recordId } url } }')).document).toEqual({ publisher: null, url: 'https://example.org' });
    const dangling = await refused('BAD_USER_INPUT', `mutation { updateDocument(input: { id: "doc-example", publisher: "src-nope" }) { document { id: recordId } } }`);
    expect(problemsOf(dangling)).toEqual([{ path: 'input.publisher', id: 'doc-example', expected: 'the id of a source in the bundle or the graph', got: 'unknown source id "src-nope"' }]);
  });

  it('creates a claim about entities and replaces what it is about', async () => {
    const { createClaim: { claim: createClaim } } = await ok(`mutation { createClaim(input: { text: "The raid was planned for weeks.", about: ["ent-khaled-al-masoud"] }) { claim { id: recordId text about { id: recordId } } } }`);
    expect(createClaim).toEqual({ id: expect.stringMatching(/^claim-[0-9a-f-]{36}$/), text: 'The raid was planned for weeks.', about: [{ id: 'ent-khaled-al-masoud' }] });
    const { updateClaim: { claim: updateClaim } } = await ok(`mutation($id: ID!) { updateClaim(input: { id: $id, about: ["ent-dumayr"] }) { claim { text about { id: recordId } } } }`, { id: createClaim.id });
    expect(updateClaim).toEqual({ text: 'The raid was planned for weeks.', about: [{ id: 'ent-dumayr' }] });
    const dangling = await refused('BAD_USER_INPUT', `mutation($id: ID!) { updateClaim(input: { id: $id, about: ["ent-dumayr", "ent-nope"] }) { claim { id: recordId } } }`, { id: createClaim.id });
    expect(problemsOf(dangling).map((p) => p.path)).toEqual(['input.about[1]']);
    await refused('CONFLICT', `mutation { createClaim(input: { id: "claim-al-masoud-was-civilian", text: "Other" }) { claim { id: recordId } } }`);
    await refused('NOT_FOUND', `mutation { updateClaim(input: { id: "claim-nope", text: "Other" }) { claim { id: recordId } } }`);
  });
});

describe('statements', () => {
  const civilian = 'claim-al-masoud-was-civilian';
  /** A statement as recorded with everything optional left out. */
  const bare = {
    hedged: false, hedge: null, quote: null, paraphrase: null, date: null, madeAt: null, document: null, appearances: [], derivedFrom: null, supersedes: [], current: true,
  };

  it('records a new statement printed in a document, and the claim counts its source', async () => {
    expect((await ok(CORROBORATION, { id: civilian })).claim.corroboration.assertingSources).toBe(1);
    const { recordStatement: { statement: recordStatement } } = await ok(RECORD_STATEMENT, {
      input: { source: 'src-dumayr-residents', claim: civilian, stance: 'ASSERTS', appearances: [{ document: 'doc-dumayr-report', quote: 'He was a farmer.' }] },
    });
    expect(recordStatement).toEqual({
      ...bare, id: expect.stringMatching(/^st-[0-9a-f-]{36}$/), stance: 'ASSERTS', position: 'ASSERTS',
      // The words are the appearance's: the statement's own quote is the earliest appearance's when it has none.
      quote: 'He was a farmer.', document: { id: 'doc-dumayr-report' },
      appearances: [{ document: { id: 'doc-dumayr-report' }, quote: 'He was a farmer.', paraphrase: null, via: [] }],
      source: { id: 'src-dumayr-residents' }, claim: { id: civilian },
      recorded: { createdBy: 'alice@example.org', updatedBy: 'alice@example.org' },
    });
    const { claim } = await ok(CORROBORATION, { id: civilian });
    expect(claim.statements).toContainEqual({ id: recordStatement.id });
    // Airwars and the (anonymous) residents assert it; the initial assumption that he was an IS official is against it.
    expect(claim.corroboration).toEqual({ ...zero, assertingSources: 2, independentSources: 2, anonymousSources: 1, contradictedBy: 1 });
  });

  it('records a hedged assertion and a hedged denial: a hedge and a doubt', async () => {
    const hedge = (await ok(RECORD_STATEMENT, { input: { source: 'src-dumayr-residents', claim: civilian, stance: 'ASSERTS', hedge: 'probably' } })).recordStatement.statement;
    expect([hedge.stance, hedge.hedged, hedge.hedge, hedge.position]).toEqual(['ASSERTS', true, 'probably', 'HEDGES']);
    // `hedged` without words is a hedge too.
    const doubt = (await ok(RECORD_STATEMENT, { input: { source: 'src-soufan-center', claim: civilian, stance: 'DENIES', hedged: true, paraphrase: 'Not sure he was.' } })).recordStatement.statement;
    expect([doubt.stance, doubt.hedged, doubt.hedge, doubt.position]).toEqual(['DENIES', true, null, 'DOUBTS']);
    const { claim } = await ok(CORROBORATION, { id: civilian });
    expect(claim.corroboration).toEqual({ ...zero, assertingSources: 1, independentSources: 1, hedgingSources: 1, doubtingSources: 1, contradictedBy: 1 });
    expect((await ok(`{ claim(id: "${civilian}") { status } }`)).claim.status).toBe('CONTESTED');
  });

  it('replaces a stored statement whole: its claim moves, fields left out become null or empty', async () => {
    const id = 'st-airwars-asserts-civilian';
    const { recordStatement: { statement: recordStatement } } = await ok(RECORD_STATEMENT, { input: { id, source: 'src-airwars', claim: 'claim-al-masoud-was-is-official', stance: 'DENIES', paraphrase: 'Airwars disputed it.' } }, 'bob');
    expect(recordStatement).toEqual({
      ...bare, id, stance: 'DENIES', position: 'DENIES', paraphrase: 'Airwars disputed it.',
      source: { id: 'src-airwars' }, claim: { id: 'claim-al-masoud-was-is-official' },
      recorded: { createdBy: 'claimgraph-seed', updatedBy: 'bob' },
    });
    expect((await ok(CORROBORATION, { id: civilian })).claim.statements).toEqual([]);
    const official = (await ok(CORROBORATION, { id: 'claim-al-masoud-was-is-official' })).claim;
    expect(official.statements).toContainEqual({ id });
    expect(official.corroboration.denyingSources).toBe(2);
  });

  it('records a remark carried by an intermediary: the intermediary is shown on the appearance and never counted', async () => {
    const { recordStatement: { statement: recordStatement } } = await ok(RECORD_STATEMENT, {
      input: {
        id: 'st-new-carried', source: 'src-khaled-al-masoud', claim: 'claim-al-masoud-undercover-against-is', stance: 'ASSERTS',
        appearances: [{ document: 'doc-dumayr-report', paraphrase: 'He told her he worked against IS.', via: [{ source: 'src-sabah-al-sheikh-al-kilani' }] }],
      },
    });
    expect(recordStatement.appearances).toEqual([{
      document: { id: 'doc-dumayr-report' }, quote: null, paraphrase: 'He told her he worked against IS.', via: [{ source: { id: 'src-sabah-al-sheikh-al-kilani' }, document: null }],
    }]);
    const { claim } = await ok(`{ claim(id: "claim-al-masoud-undercover-against-is") { sources { id: recordId } corroboration { assertingSources independentSources } } }`);
    // He joins his family's cluster (he is its member); his mother, who carried his words, is no source of the claim.
    expect(claim.sources.map((s: { id: string }) => s.id)).toEqual(['src-al-masoud-family', 'src-khaled-al-masoud', 'src-three-syrian-officials']);
    expect(claim.corroboration).toEqual({ assertingSources: 3, independentSources: 2 });
  });

  it('records an outlet\'s own-voice statement derived from another\'s: it joins its origin\'s cluster', async () => {
    const { recordStatement: { statement: recordStatement } } = await ok(RECORD_STATEMENT, {
      input: { id: 'st-report-echoes', source: 'src-dumayr-report', claim: 'claim-al-masoud-undercover-against-is', stance: 'ASSERTS', derivedFrom: 'st-officials-assert-undercover' },
    });
    expect(recordStatement.derivedFrom).toEqual({ id: 'st-officials-assert-undercover' });
    const read = await ok(`{ statement(id: "st-report-echoes") { origin { id: recordId } } claim(id: "claim-al-masoud-undercover-against-is") {
      corroboration { assertingSources independentSources clusters { sources { id: recordId } merges { reasons sharedOrigins { id: recordId } } } } } }`);
    expect(read.statement.origin).toEqual({ id: 'st-officials-assert-undercover' });
    expect(read.claim.corroboration).toEqual({ assertingSources: 3, independentSources: 2, clusters: [
      { sources: [{ id: 'src-al-masoud-family' }], merges: [] },
      { sources: [{ id: 'src-dumayr-report' }, { id: 'src-three-syrian-officials' }], merges: [{ reasons: ['DERIVATION'], sharedOrigins: [{ id: 'src-three-syrian-officials' }] }] },
    ] });
  });

  it('records an explicit revision: the revised statement is kept, shown, and no longer counted', async () => {
    const { recordStatement: { statement: recordStatement } } = await ok(RECORD_STATEMENT, {
      input: { id: 'st-airwars-revises', source: 'src-airwars', claim: civilian, stance: 'WITHDRAWS', date: '2026-01-15', supersedes: ['st-airwars-asserts-civilian'] },
    });
    expect([recordStatement.supersedes, recordStatement.current, recordStatement.position]).toEqual([[{ id: 'st-airwars-asserts-civilian' }], true, 'WITHDRAWS']);
    const read = await ok(`{ statement(id: "st-airwars-asserts-civilian") { current supersededBy { id: recordId } supersession }
      claim(id: "${civilian}") { all: statements { id: recordId } now: statements(current: true) { id: recordId } } }`);
    expect(read.statement).toEqual({ current: false, supersededBy: { id: 'st-airwars-revises' }, supersession: 'EXPLICIT' });
    expect(read.claim).toEqual({ all: [{ id: 'st-airwars-asserts-civilian' }, { id: 'st-airwars-revises' }], now: [{ id: 'st-airwars-revises' }] });
    expect((await ok(CORROBORATION, { id: civilian })).claim.corroboration).toEqual({ ...zero, withdrawnSources: 1, contradictedBy: 1 });
  });

  it('refuses an unknown stance (HEDGES too: a hedge is ASSERTS with hedged) and a quote that is not a string, with problems at input paths', async () => {
    const stances = 'one of ASSERTS, DENIES, WITHDRAWS, NO_RESPONSE, NOT_ACKNOWLEDGED';
    const input = { source: 'src-airwars', claim: civilian, stance: 'DENY', quote: 5 };
    const result = await gql(store, RECORD_STATEMENT, { input }, 'alice@example.org');
    expect(codes(result)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(result.errors?.map((e) => e.extensions?.problems)).toEqual([
      [{ path: 'input.stance', expected: stances, got: '"DENY"' }],
      [{ path: 'input.quote', expected: 'a string', got: '5' }],
    ]);
    await refused('BAD_USER_INPUT', RECORD_STATEMENT, { input });
    const hedges = await refused('BAD_USER_INPUT', RECORD_STATEMENT, { input: { source: 'src-airwars', claim: civilian, stance: 'HEDGES' } });
    expect(problemsOf(hedges)).toEqual([{ path: 'input.stance', expected: stances, got: '"HEDGES"' }]);
  });

  it('refuses what the bundle rules refuse: a date that is not one, an empty quote, a hedge on a silence, then dangling references, each naming the statement', async () => {
    // A date is a PartialDate: GraphQL refuses it at the variable, before the rules run.
    const date = await refused('BAD_USER_INPUT', RECORD_STATEMENT, { input: { id: 'st-new', source: 'src-airwars', claim: civilian, stance: 'NO_RESPONSE', date: 'last week' } });
    expect(problemsOf(date)).toEqual([{ path: 'input.date', expected: expect.stringMatching(/ISO 8601/), got: '"last week"' }]);
    const shapes = await refused('BAD_USER_INPUT', RECORD_STATEMENT, { input: { id: 'st-new', source: 'src-airwars', claim: civilian, stance: 'NO_RESPONSE', quote: '', hedge: 'maybe' } });
    expect(problemsOf(shapes).map((p) => [p.path, p.id]).sort()).toEqual([['input.hedge', 'st-new'], ['input.quote', 'st-new']]);
    expect(problemsOf(shapes).find((p) => p.path === 'input.hedge')?.expected).toMatch(/ASSERTS.*DENIES/);
    expect(shapes.errors?.[0]?.message).toMatch(/^The input has 2 problem\(s\):\n/);
    const dangling = await refused('BAD_USER_INPUT', RECORD_STATEMENT, {
      input: {
        id: 'st-new', source: 'src-nope', claim: 'claim-nope', stance: 'ASSERTS', derivedFrom: 'st-nope', supersedes: ['st-nope-2'],
        appearances: [{ document: 'doc-nope', via: [{ source: 'src-nope-2' }] }],
      },
    });
    expect(problemsOf(dangling).map((p) => [p.path, p.id, p.got]).sort()).toEqual([
      ['input.appearances[0].document', 'st-new', 'unknown document id "doc-nope"'],
      ['input.appearances[0].via[0]', 'st-new', 'unknown source id "src-nope-2"'],
      ['input.claim', 'st-new', 'unknown claim id "claim-nope"'],
      ['input.derivedFrom', 'st-new', 'unknown statement id "st-nope"'],
      ['input.source', 'st-new', 'unknown source id "src-nope"'],
      ['input.supersedes[0]', 'st-new', 'unknown statement id "st-nope-2"'],
    ]);
  });

  it('refuses a derivation that would loop back through the graph, and a revision of another source\'s statement', async () => {
    // Tripp's statement is derived from the US designation: the designation cannot be derived from hers.
    const loop = await refused('BAD_USER_INPUT', RECORD_STATEMENT, {
      input: { id: 'st-us-government-designated-mistakes', source: 'src-us-government', claim: 'claim-multiple-us-mistakes', stance: 'ASSERTS', derivedFrom: 'st-tripp-asserts-us-mistakes' },
    });
    expect(problemsOf(loop)).toEqual([{
      path: 'input.derivedFrom', id: 'st-us-government-designated-mistakes',
      expected: expect.stringMatching(/derivations that end/), got: expect.stringMatching(/"st-us-government-designated-mistakes" would be derived from itself/),
    }]);
    expect(loop.errors?.[0]?.message).toMatch(/input\.derivedFrom: expected derivations that end/);
    const foreign = await refused('BAD_USER_INPUT', RECORD_STATEMENT, {
      input: { id: 'st-airwars-overrules', source: 'src-airwars', claim: 'claim-al-masoud-was-is-official', stance: 'DENIES', supersedes: ['st-report-denies-is-official'] },
    });
    expect(problemsOf(foreign)).toEqual([{
      path: 'input.supersedes', id: 'st-airwars-overrules', expected: expect.stringMatching(/same source/), got: expect.stringMatching(/"st-report-denies-is-official", made by another source/),
    }]);
  });
});

describe('claim links', () => {
  const LINK = `mutation($input: LinkClaimsInput!) { linkClaims(input: $input) {
    from { id: recordId links { type outgoing linkedBy reason claim { id: recordId } } } to { id: recordId links { type outgoing claim { id: recordId } } } } }`;
  const UNLINK = `mutation($input: UnlinkClaimsInput!) { unlinkClaims(input: $input) { from { id: recordId contradicts { id: recordId } supports { id: recordId } } to { id: recordId contradicts { id: recordId } supports { id: recordId } } } }`;

  it('links two claims with the editor as linkedBy, and the conflicts see it', async () => {
    const from = 'claim-al-masoud-was-civilian';
    const to = 'claim-us-operation-killed-al-masoud';
    const { linkClaims } = await ok(LINK, { input: { type: 'CONTRADICTS', from, to, reason: 'For the test.' } }, 'carol');
    expect(linkClaims.from.links).toContainEqual({ type: 'CONTRADICTS', outgoing: true, linkedBy: 'carol', reason: 'For the test.', claim: { id: to } });
    expect(linkClaims.to.links).toEqual([{ type: 'CONTRADICTS', outgoing: false, claim: { id: from } }]);
    const conflicts = await ok(`query($id: ID!) { conflicts(claimId: $id) { nodes { kind opposingClaim { id: recordId } linkedBy } } }`, { id: from });
    expect(conflicts.conflicts.nodes).toContainEqual({ kind: 'CONTRADICTING_CLAIMS', opposingClaim: { id: to }, linkedBy: 'carol' });
  });

  it('unlinks a contradiction from either end, and a support only in its direction', async () => {
    const official = 'claim-al-masoud-was-is-official';
    const undercover = 'claim-al-masoud-undercover-against-is';
    const { unlinkClaims } = await ok(UNLINK, { input: { type: 'CONTRADICTS', from: undercover, to: official } });
    expect(unlinkClaims.from.contradicts).toEqual([]);
    expect(unlinkClaims.to.contradicts.map((c: { id: string }) => c.id)).not.toContain(undercover);
    await refused('NOT_FOUND', UNLINK, { input: { type: 'SUPPORTS', from: undercover, to: 'claim-al-masoud-member-of-general-security' } });
    const supports = await ok(UNLINK, { input: { type: 'SUPPORTS', from: 'claim-al-masoud-member-of-general-security', to: undercover } });
    expect(supports.unlinkClaims.from.supports).toEqual([]);
    expect((await ok(`{ claim(id: "${undercover}") { supports { id: recordId } } }`)).claim.supports).toHaveLength(2);
    await refused('NOT_FOUND', UNLINK, { input: { type: 'CONTRADICTS', from: 'claim-nope', to: official } });
  });

  it('links one claim as implying another, one way: asserting it counts towards the other, denying the other counts against it', async () => {
    // Infiltrating IS remnants is working undercover against IS: the report's account of his work counts for the undercover claim.
    const infiltrated = 'claim-al-masoud-infiltrated-is-in-badiya';
    const undercover = 'claim-al-masoud-undercover-against-is';
    const { linkClaims } = await ok(LINK, { input: { type: 'IMPLIES', from: infiltrated, to: undercover, reason: 'Infiltrating IS is working undercover against it.' } }, 'carol');
    expect(linkClaims.from.links).toContainEqual({ type: 'IMPLIES', outgoing: true, linkedBy: 'carol', reason: 'Infiltrating IS is working undercover against it.', claim: { id: undercover } });
    expect(linkClaims.to.links).toContainEqual({ type: 'IMPLIES', outgoing: false, claim: { id: infiltrated } });
    const read = await ok(`{ a: claim(id: "${infiltrated}") { implications { type outgoing claim { id: recordId } } } b: claim(id: "${undercover}") {
      corroboration { assertingSources independentSources impliedSources implied { source { id: recordId } through { id: recordId } } } } }`);
    expect(read.a.implications).toEqual([{ type: 'IMPLIES', outgoing: true, claim: { id: undercover } }]);
    // The family and the officials assert it; the report, in its own voice, asserts what implies it.
    expect(read.b.corroboration).toEqual({ assertingSources: 3, independentSources: 3, impliedSources: 1, implied: [{ source: { id: 'src-dumayr-report' }, through: [{ id: infiltrated }] }] });
    // A link drawn one way is removed that way only.
    await refused('NOT_FOUND', UNLINK, { input: { type: 'IMPLIES', from: undercover, to: infiltrated } });
    await ok(UNLINK, { input: { type: 'IMPLIES', from: infiltrated, to: undercover } });
    expect((await ok(`{ claim(id: "${infiltrated}") { implications { type } } }`)).claim.implications).toEqual([]);
  });

  it('refuses to link a claim to itself or to an unknown claim', async () => {
    const self = await refused('BAD_USER_INPUT', LINK, { input: { type: 'SUPPORTS', from: 'claim-al-masoud-was-civilian', to: 'claim-al-masoud-was-civilian', reason: 'x' } });
    expect(problemsOf(self)).toEqual([{ path: 'input.to', id: 'link SUPPORTS claim-al-masoud-was-civilian → claim-al-masoud-was-civilian', expected: 'a claim other than `from`', got: '"claim-al-masoud-was-civilian"' }]);
    const dangling = await refused('BAD_USER_INPUT', LINK, { input: { type: 'SUPPORTS', from: 'claim-nope', to: 'claim-al-masoud-was-civilian', reason: ' ' } });
    // The blank reason and the unknown claim are both reported, in one error.
    expect(problemsOf(dangling).map((p) => p.path)).toEqual(['input.reason', 'input.from']);
  });
});

describe('mergeSources', () => {
  const MERGE = `mutation($input: MergeSourcesInput!) { mergeSources(input: $input) { mergedId source {
    id: recordId name aliases affiliationRoles { role source { id: recordId } } members { role source { id: recordId } } statements { id: recordId } recorded { updatedBy } } } }`;

  it('merges the anonymous Syrian officials: every statement kept, no duplicate affiliation, the counts a fact-checker expects', async () => {
    const before = await graphCounts(store);
    const { mergeSources: { source: mergeSources, mergedId } } = await ok(MERGE, { input: { keep: 'src-three-syrian-officials', merge: 'src-syrian-government-officials' } }, 'dana');
    expect(mergedId).toBe(toGlobalId('Source', 'src-syrian-government-officials'));
    expect(mergeSources).toEqual({
      id: 'src-three-syrian-officials',
      name: 'Three Syrian officials speaking anonymously',
      aliases: ['Syrian government officials'],
      affiliationRoles: [{ role: 'officials', source: { id: 'src-syrian-interim-government' } }],
      members: [],
      statements: [{ id: 'st-officials-assert-undercover' }, { id: 'st-officials-assert-us-operation-killed' }, { id: 'st-syrian-officials-not-acknowledged-killing' }],
      recorded: { updatedBy: 'dana' },
    });
    // One node less (a redirect keeps the old id): the merged id now finds the kept source.
    expect(await graphCounts(store)).toEqual(expect.objectContaining({ sources: before.sources! - 1, statements: before.statements }));
    expect((await ok('{ source(id: "src-syrian-government-officials") { id: recordId } }')).source).toEqual({ id: 'src-three-syrian-officials' });
    // A silence does not count, and the two undated statements of the one source both stand: the killing still has 3 asserting, 3 independent sources.
    const killed = (await ok(CORROBORATION, { id: 'claim-us-operation-killed-al-masoud' })).claim;
    expect(killed.statements).toHaveLength(5);
    expect(killed.corroboration).toEqual({ ...zero, assertingSources: 3, independentSources: 3, anonymousSources: 1 });
    const moved = await ok('{ statement(id: "st-syrian-officials-not-acknowledged-killing") { source { id: recordId } recorded { createdBy updatedBy } } }');
    expect(moved.statement).toEqual({ source: { id: 'src-three-syrian-officials' }, recorded: { createdBy: 'claimgraph-seed', updatedBy: 'dana' } });
  });

  it('merges a parent into its member: the link between them is dropped, members and derivations move', async () => {
    const before = await graphCounts(store);
    const { mergeSources: { source: mergeSources } } = await ok(MERGE, { input: { keep: 'src-us-central-command', merge: 'src-us-government' } });
    expect(mergeSources.affiliationRoles).toEqual([]);
    expect(mergeSources.members).toEqual([{ role: 'officials', source: { id: 'src-us-government-officials' } }]);
    expect(mergeSources.aliases).toEqual(['US government']);
    expect(await graphCounts(store)).toEqual(expect.objectContaining({ sources: before.sources! - 1 }));
    const read = await ok(`{ designated: statement(id: "st-us-government-designated-mistakes") { source { id: recordId } }
      tripp: statement(id: "st-tripp-asserts-us-mistakes") { derivedFrom { id: recordId } origin { source { id: recordId } } } }`);
    expect(read).toEqual({
      designated: { source: { id: 'src-us-central-command' } },
      tripp: { derivedFrom: { id: 'st-us-government-designated-mistakes' }, origin: { source: { id: 'src-us-central-command' } } },
    });
    const mistakes = (await ok(CORROBORATION, { id: 'claim-multiple-us-mistakes' })).claim.corroboration;
    // Two asserting sources, one cluster: Tripp's statement is derived from the (now CENTCOM's) designation.
    expect([mistakes.assertingSources, mistakes.independentSources]).toEqual([2, 1]);
  });

  it('merges a duplicate entry: its assertion now counts once with the original', async () => {
    const civilian = 'claim-al-masoud-was-civilian';
    const { createSource: { source: createSource } } = await ok(CREATE_SOURCE, { input: { name: 'Airwars monitoring group (duplicate entry)', kind: 'ORGANIZATION', anonymous: false } });
    await ok(RECORD_STATEMENT, { input: { source: createSource.id, claim: civilian, stance: 'ASSERTS' } });
    expect((await ok(CORROBORATION, { id: civilian })).claim.corroboration).toMatchObject({ assertingSources: 2, independentSources: 2 });
    const statements = (await graphCounts(store)).statements;
    await ok(MERGE, { input: { keep: 'src-airwars', merge: createSource.id } });
    const { claim } = await ok(CORROBORATION, { id: civilian });
    expect(claim.statements).toHaveLength(2);
    expect(claim.corroboration).toMatchObject({ assertingSources: 1, independentSources: 1 });
    expect((await graphCounts(store)).statements).toBe(statements);
  });

  it('refuses to merge a source into itself, an unknown source, or two sources affiliated through a third', async () => {
    const self = await refused('BAD_USER_INPUT', MERGE, { input: { keep: 'src-airwars', merge: 'src-airwars' } });
    expect(problemsOf(self)).toEqual([{ path: 'input.merge', expected: 'a source other than `keep`', got: '"src-airwars"' }]);
    await refused('NOT_FOUND', MERGE, { input: { keep: 'src-airwars', merge: 'src-nope' } });
    const cycle = await refused('BAD_USER_INPUT', MERGE, { input: { keep: 'src-syrian-interim-government', merge: 'src-sfa-representatives' } });
    expect(problemsOf(cycle)[0]?.got).toBe('"src-sfa-representatives" and "src-syrian-interim-government" are affiliated through "src-syrian-free-army"');
  });
});

describe('deletion', () => {
  const preview = async (kind: string, id: string) => (await ok(PREVIEW, { kind, id })).deletionPreview;

  it('previews a claim with its statements and links, then deletes exactly that', async () => {
    const id = 'claim-al-masoud-undercover-against-is';
    const p = await preview('CLAIM', id);
    expect(p.nodes).toEqual([{ kind: 'CLAIM', id }, { kind: 'STATEMENT', id: 'st-family-asserts-undercover' }, { kind: 'STATEMENT', id: 'st-officials-assert-undercover' }]);
    expect(p.nodeCounts).toEqual([{ kind: 'CLAIM', count: 1 }, { kind: 'STATEMENT', count: 2 }]);
    expect(p.relationshipCounts).toEqual([
      // HYPOTHESIS: the claim is a hypothesis of the seeded question on who he was.
      // APPEARS_IN: each statement is printed in the report.
      { type: 'ABOUT', count: 2 }, { type: 'APPEARS_IN', count: 2 }, { type: 'CONTRADICTS', count: 1 }, { type: 'HYPOTHESIS', count: 1 }, { type: 'MADE', count: 2 }, { type: 'ON', count: 2 }, { type: 'SUPPORTS', count: 3 },
    ]);
    expect(p.relationships).toContainEqual({ type: 'CONTRADICTS', from: 'claim-al-masoud-was-is-official', to: id });
    expect(p.detached).toEqual([]);
    expect(p.confirm).toMatch(/^[\w-]{32}$/);
    expect((await preview('CLAIM', id)).confirm).toBe(p.confirm);

    const before = await graphCounts(store);
    const { delete: done } = await ok(DELETE, { input: { kind: 'CLAIM', id, confirm: p.confirm } });
    expect(done).toEqual({
      deletion: { kind: 'CLAIM', id, nodes: p.nodes, nodeCounts: p.nodeCounts, relationshipCounts: p.relationshipCounts, detached: [] },
      deletedIds: [toGlobalId('Claim', id), toGlobalId('Statement', 'st-family-asserts-undercover'), toGlobalId('Statement', 'st-officials-assert-undercover')],
    });
    expect(await graphCounts(store)).toEqual({ ...before, claims: before.claims! - 1, statements: before.statements! - 2 });
    expect(codes(await gql(store, `{ claim(id: "${id}") { id: recordId } }`))).toEqual(['NOT_FOUND']);
    const official = (await ok(CORROBORATION, { id: 'claim-al-masoud-was-is-official' })).claim.corroboration;
    expect(official.contradictedBy).toBe(3);
  });

  it('deletes a statement; a statement derived from it stays, underived, and a re-import restores the derivation', async () => {
    const origin = 'st-us-government-designated-mistakes';
    const p = await preview('STATEMENT', origin);
    expect(p.nodes).toEqual([{ kind: 'STATEMENT', id: origin }]);
    expect(p.detached).toEqual([{ kind: 'STATEMENT', id: 'st-tripp-asserts-us-mistakes', field: 'derivedFrom' }]);
    expect(p.relationships).toContainEqual({ type: 'DERIVED_FROM', from: 'st-tripp-asserts-us-mistakes', to: origin });
    await ok(DELETE, { input: { kind: 'STATEMENT', id: origin, confirm: p.confirm } }, 'erin');
    const kept = await ok('{ statement(id: "st-tripp-asserts-us-mistakes") { derivedFrom { id: recordId } origin { id: recordId } recorded { updatedBy } } }');
    expect(kept.statement).toEqual({ derivedFrom: null, origin: { id: 'st-tripp-asserts-us-mistakes' }, recorded: { updatedBy: 'erin' } });
    expect((await ok(CORROBORATION, { id: 'claim-multiple-us-mistakes' })).claim.corroboration).toMatchObject({ assertingSources: 1, independentSources: 1 });
    // The kept statement was rewritten, fingerprint included, so importing the
    // seed again sees it as changed and restores the derivation.
    await seed(store);
    expect((await ok('{ statement(id: "st-tripp-asserts-us-mistakes") { derivedFrom { id: recordId } } }')).statement.derivedFrom).toEqual({ id: origin });
  });

  it('deletes a source that carried another\'s words: the appearance stays, without it', async () => {
    const p = await preview('SOURCE', 'src-sabah-al-sheikh-al-kilani');
    expect(p.nodes).toEqual([
      { kind: 'SOURCE', id: 'src-sabah-al-sheikh-al-kilani' },
      { kind: 'STATEMENT', id: 'st-mother-asserts-accountability' },
      { kind: 'STATEMENT', id: 'st-mother-asserts-dont-know-how-he-died' },
      { kind: 'STATEMENT', id: 'st-mother-asserts-forces-shot-him' },
      { kind: 'STATEMENT', id: 'st-mother-asserts-identified-himself' },
    ]);
    expect(p.detached).toEqual([{ kind: 'STATEMENT', id: 'st-al-masoud-asserts-general-security-member', field: 'appearances' }]);
    await ok(DELETE, { input: { kind: 'SOURCE', id: 'src-sabah-al-sheikh-al-kilani', confirm: p.confirm } }, 'erin');
    const kept = await ok('{ statement(id: "st-al-masoud-asserts-general-security-member") { appearances { document { id: recordId } via { source { id: recordId } } } recorded { updatedBy } } }');
    expect(kept.statement).toEqual({ appearances: [{ document: { id: 'doc-dumayr-report' }, via: [] }], recorded: { updatedBy: 'erin' } });
  });

  it('deletes a source with its statements, affiliations and publisher links', async () => {
    await ok(`mutation { createDocument(input: { id: "doc-airwars", title: "Airwars report", publisher: "src-airwars" }) { document { id: recordId } } }`);
    const p = await preview('SOURCE', 'src-airwars');
    expect(p.nodes).toEqual([{ kind: 'SOURCE', id: 'src-airwars' }, { kind: 'STATEMENT', id: 'st-airwars-asserts-52-incidents' }, { kind: 'STATEMENT', id: 'st-airwars-asserts-civilian' }, { kind: 'STATEMENT', id: 'st-airwars-asserts-us-operation-killed' }]);
    expect(p.relationships).toEqual(expect.arrayContaining([
      { type: 'AFFILIATED_WITH', from: 'src-emily-tripp', to: 'src-airwars' },
      { type: 'PUBLISHED_BY', from: 'doc-airwars', to: 'src-airwars' },
    ]));
    expect(p.detached).toEqual([{ kind: 'DOCUMENT', id: 'doc-airwars', field: 'publisher' }]);
    await ok(DELETE, { input: { kind: 'SOURCE', id: 'src-airwars', confirm: p.confirm } });
    expect((await ok('{ source(id: "src-emily-tripp") { affiliations { id: recordId } } }')).source.affiliations).toEqual([]);
    expect((await ok('{ document(id: "doc-airwars") { publisher { id: recordId } } }')).document.publisher).toBeNull();
    expect((await ok(CORROBORATION, { id: 'claim-us-operation-killed-al-masoud' })).claim.corroboration.assertingSources).toBe(2);
  });

  it('deletes a document with the statements printed only there; one printed elsewhere too, or carried through it, stays without it', async () => {
    await ok(`mutation { createDocument(input: { id: "doc-x", title: "X", publisher: "src-airwars" }) { document { id: recordId } } }`);
    await ok(RECORD_STATEMENT, { input: { id: 'st-x', source: 'src-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', appearances: [{ document: 'doc-x' }] } });
    await ok(RECORD_STATEMENT, {
      input: { id: 'st-y', source: 'src-emily-tripp', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', appearances: [{ document: 'doc-dumayr-report', via: [{ source: 'src-airwars', document: 'doc-x' }] }] },
    });
    await ok(RECORD_STATEMENT, {
      input: { id: 'st-z', source: 'src-soufan-center', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS', appearances: [{ document: 'doc-x', quote: 'A civilian.' }, { document: 'doc-dumayr-report' }] },
    });
    const p = await preview('DOCUMENT', 'doc-x');
    expect(p.nodes).toEqual([{ kind: 'DOCUMENT', id: 'doc-x' }, { kind: 'STATEMENT', id: 'st-x' }]);
    expect(p.detached).toEqual([{ kind: 'STATEMENT', id: 'st-y', field: 'appearances' }, { kind: 'STATEMENT', id: 'st-z', field: 'appearances' }]);
    await ok(DELETE, { input: { kind: 'DOCUMENT', id: 'doc-x', confirm: p.confirm } });
    const read = await ok(`{ y: statement(id: "st-y") { appearances { document { id: recordId } via { source { id: recordId } document { id: recordId } } } }
      z: statement(id: "st-z") { quote document { id: recordId } appearances { document { id: recordId } } } }`);
    expect(read).toEqual({
      y: { appearances: [{ document: { id: 'doc-dumayr-report' }, via: [{ source: { id: 'src-airwars' }, document: null }] }] },
      z: { quote: null, document: { id: 'doc-dumayr-report' }, appearances: [{ document: { id: 'doc-dumayr-report' } }] },
    });
    expect(codes(await gql(store, '{ statement(id: "st-x") { id: recordId } }'))).toEqual(['NOT_FOUND']);
  });

  it('deletes an entity with its ABOUT links; the claims stay, about the rest', async () => {
    const p = await preview('ENTITY', 'ent-islamic-state');
    expect(p.nodes).toEqual([{ kind: 'ENTITY', id: 'ent-islamic-state' }]);
    expect(p.relationshipCounts).toEqual([{ type: 'ABOUT', count: p.detached.length }]);
    expect(p.detached).toContainEqual({ kind: 'CLAIM', id: 'claim-al-masoud-undercover-against-is', field: 'about' });
    await ok(DELETE, { input: { kind: 'ENTITY', id: 'ent-islamic-state', confirm: p.confirm } }, 'frank');
    const claim = await ok('{ claim(id: "claim-al-masoud-undercover-against-is") { about { id: recordId } recorded { updatedBy } } }');
    expect(claim.claim).toEqual({ about: [{ id: 'ent-khaled-al-masoud' }], recorded: { updatedBy: 'frank' } });
  });

  it('refuses a stale token (the graph changed since the preview), a wrong token and an unknown id', async () => {
    const id = 'claim-al-masoud-was-civilian';
    const p = await preview('CLAIM', id);
    await ok(RECORD_STATEMENT, { input: { source: 'src-dumayr-residents', claim: id, stance: 'ASSERTS' } });
    const stale = await refused('CONFLICT', DELETE, { input: { kind: 'CLAIM', id, confirm: p.confirm } });
    expect(stale.errors?.[0]?.message).toBe('The graph changed since the preview; preview again.');
    await refused('CONFLICT', DELETE, { input: { kind: 'CLAIM', id, confirm: 'not-a-token' } });
    await refused('CONFLICT', DELETE, { input: { kind: 'SOURCE', id: 'src-airwars', confirm: (await preview('CLAIM', id)).confirm } });
    await refused('NOT_FOUND', DELETE, { input: { kind: 'CLAIM', id: 'claim-nope', confirm: p.confirm } });
    expect(codes(await gql(store, PREVIEW, { kind: 'ENTITY', id: 'ent-nope' }, 'alice@example.org'))).toEqual(['NOT_FOUND']);
  });
});

describe('importBundle', () => {
  const IMPORT = `mutation($bundle: JSON!, $dryRun: Boolean) { importBundle(input: { bundle: $bundle, dryRun: $dryRun }) { result {
    dryRun sources { created updated unchanged } statements { created updated unchanged } links { created updated unchanged } matched { kind bundleId graphId key }
    possibleDuplicates { kind a b reason } notes } } }`;
  const bundle = {
    format: 'claimgraph-bundle',
    version: 1,
    sources: [{ id: 'src-gazette-airwars', name: 'Airwars', kind: 'ORGANIZATION', anonymous: false }, { id: 'src-gazette', name: 'Example Gazette', kind: 'ORGANIZATION', anonymous: false }],
    statements: [{ id: 'st-gazette-civilian', source: 'src-gazette-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERTS' }],
  };

  it('reports a dry run without writing, then imports, then finds nothing left to do', async () => {
    const before = await snapshot();
    const dry = (await ok(IMPORT, { bundle, dryRun: true })).importBundle.result;
    expect(dry).toEqual({
      dryRun: true,
      // Each bundle record counted once: the gazette is new; its "Airwars" is the stored Airwars, which it leaves as it was.
      sources: { created: 1, updated: 0, unchanged: 1 },
      statements: { created: 1, updated: 0, unchanged: 0 },
      links: { created: 0, updated: 0, unchanged: 0 },
      matched: [{ kind: 'SOURCE', bundleId: 'src-gazette-airwars', graphId: 'src-airwars', key: 'airwars' }],
      possibleDuplicates: [],
      notes: [],
    });
    expect(await snapshot()).toEqual(before);
    expect((await ok(IMPORT, { bundle })).importBundle.result).toEqual({ ...dry, dryRun: false });
    const st = await ok('{ statement(id: "st-gazette-civilian") { source { id: recordId } recorded { createdBy } } }');
    expect(st.statement).toEqual({ source: { id: 'src-airwars' }, recorded: { createdBy: 'alice@example.org' } });
    // The bundle's id keeps resolving to the record it was recognised as.
    expect((await ok('{ source(id: "src-gazette-airwars") { id: recordId } }')).source).toEqual({ id: 'src-airwars' });
    const again = (await ok(IMPORT, { bundle })).importBundle.result;
    expect([again.sources, again.statements]).toEqual([{ created: 0, updated: 0, unchanged: 2 }, { created: 0, updated: 0, unchanged: 1 }]);
    // Now it joins the stored record through its id.
    expect(again.matched).toEqual([{ kind: 'SOURCE', bundleId: 'src-gazette-airwars', graphId: 'src-airwars', key: 'id' }]);
  });

  it('reports a bad bundle at paths under `input.bundle`, writing nothing', async () => {
    const bad = { ...bundle, statements: [{ ...bundle.statements[0], stance: 'CLAIMS' }] };
    const result = await refused('BAD_USER_INPUT', IMPORT, { bundle: bad });
    // A version 1 bundle is checked by the version 1 rules: HEDGES is a stance there.
    expect(problemsOf(result)).toEqual([{ path: 'input.bundle.statements[0].stance', id: 'st-gazette-civilian', expected: 'one of ASSERTS, DENIES, HEDGES, NO_RESPONSE, NOT_ACKNOWLEDGED', got: '"CLAIMS"' }]);
    const dangling = await refused('BAD_USER_INPUT', IMPORT, { bundle: { ...bundle, statements: [{ ...bundle.statements[0], claim: 'claim-nope' }] } });
    expect(problemsOf(dangling)).toEqual([expect.objectContaining({ path: 'input.bundle.statements[0].claim', id: 'st-gazette-civilian' })]);
    const v2 = { format: 'claimgraph-bundle', version: 2, statements: [{ id: 'st-v2', source: 'src-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'CLAIMS', appearances: [{ document: 'doc-nope' }] }] };
    const problems = problemsOf(await refused('BAD_USER_INPUT', IMPORT, { bundle: v2 }));
    expect(problems.map((p) => [p.path, p.id])).toEqual([['input.bundle.statements[0].stance', 'st-v2'], ['input.bundle.statements[0].appearances[0].document', 'st-v2']]);
    expect(problems[0]?.expected).toMatch(/WITHDRAWS/);
  });

  it("stamps the request's editor, ignoring `recorded` stamps a client put in the bundle", async () => {
    const forged = { createdAt: '2020-01-01T00:00:00Z', createdBy: 'mallory', updatedAt: '2020-01-01T00:00:00Z', updatedBy: 'mallory' };
    await ok(IMPORT, { bundle: { ...bundle, statements: [{ ...bundle.statements[0], recorded: forged }] } });
    const st = await ok('{ statement(id: "st-gazette-civilian") { recorded { createdBy updatedBy } } }');
    expect(st.statement.recorded).toEqual({ createdBy: 'alice@example.org', updatedBy: 'alice@example.org' });
  });

  it('imports the seed again as unchanged', async () => {
    const result = (await ok(IMPORT, { bundle: readSeedJson() })).importBundle.result;
    expect(result.statements).toEqual({ created: 0, updated: 0, unchanged: 43 });
  });
});

describe('who writes', () => {
  it('reads the editor from the x-claimgraph-editor header, trimmed, and refuses a malformed one', () => {
    expect(identifyEditor({})).toBeNull();
    expect(identifyEditor({ 'x-claimgraph-editor': '  alice@example.org ' })).toBe('alice@example.org');
    expect(identifyEditor(new Map([['x-claimgraph-editor', 'Zoë Müller']]))).toBe('Zoë Müller');
    for (const bad of ['', '   ', 'a'.repeat(101), 'alice\u0007', 'bob\nbob']) {
      expect(() => identifyEditor({ 'x-claimgraph-editor': bad })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    expect(identifyEditor({ 'x-claimgraph-editor': 'a'.repeat(100) })).toHaveLength(100);
    expect(identifyEditor({ 'x-claimgraph-editor': ['carol'] })).toBe('carol');
    expect(() => identifyEditor({ 'x-claimgraph-editor': ['carol', 'dave'] })).toThrow(/got 2 values/);
  });

  it('refuses an anonymous write (no API key configured), saying how to configure one, and writes nothing', async () => {
    const before = await snapshot();
    const result = await gql(store, `mutation { createEntity(input: { name: "Nobody's entity" }) { entity { id: recordId } } }`);
    expect(codes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0]?.message).toMatch(/claimgraph key create/);
    expect(await snapshot()).toEqual(before);
  });

  it('with CLAIMGRAPH_AUTH=off (local development), records the header over HTTP as updatedBy, and answers a malformed header with 400', async () => {
    const server = await startHttpServer(store, 0, '127.0.0.1', { api: loadApiConfig({ CLAIMGRAPH_AUTH: 'off' }) });
    try {
      const post = (headers: Record<string, string>) =>
        fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: 'mutation { updateSource(input: { id: "src-airwars", description: "A monitor of civilian harm." }) { source { recorded { createdBy updatedBy } } } }' }),
        });
      const res = await post({ 'x-claimgraph-editor': ' grace@example.org ' });
      expect(await res.json()).toEqual({ data: { updateSource: { source: { recorded: { createdBy: 'claimgraph-seed', updatedBy: 'grace@example.org' } } } } });
      const bad = await post({ 'x-claimgraph-editor': 'x'.repeat(101) });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })] });
    } finally {
      await server.stop();
    }
  });

  it('shows null for a record written before auditing', async () => {
    // No named query writes a node without audit fields: reach into the embedded engine.
    const db = (store as unknown as { db: { executeCypher(q: string): Promise<unknown> } }).db;
    await db.executeCypher(`CREATE (:Entity {id: 'ent-legacy', name: 'Legacy', aliases: []})`);
    expect(await ok('{ entity(id: "ent-legacy") { name recorded { createdBy } } }')).toEqual({ entity: { name: 'Legacy', recorded: null } });
  });
});

describe('GraphQL coercion errors as problems', () => {
  it('turns the messages GraphQL gives for a variable into {path, expected, got}', () => {
    expect(coercionProblem('Variable "$input" got invalid value { source: "a" }; Field "stance" of required type "Stance!" was not provided.')).toEqual({ path: 'input.stance', expected: 'a value of type Stance!', got: 'nothing' });
    expect(coercionProblem('Variable "$input" got invalid value { x: 1 }; Field "x" is not defined by type "CreateSourceInput".')).toEqual({ path: 'input.x', expected: 'only the fields of CreateSourceInput', got: 'unknown field "x"' });
    expect(coercionProblem('Variable "$id" of required type "ID!" was not provided.')).toEqual({ path: 'id', expected: 'a value of type ID!', got: 'nothing' });
    expect(coercionProblem('Variable "$input" got invalid value 1.5 at "input.count"; Int cannot represent non-integer value: 1.5')).toEqual({ path: 'input.count', expected: 'an integer', got: '1.5' });
    expect(coercionProblem('No ids here.')).toBeNull();
  });
});

describe('the change log', () => {
  const CHANGES = `query($first: Int, $after: String) { changes(first: $first, after: $after) { nodes { id: recordId at by action kind target details } pageInfo { endCursor hasNextPage } } }`;

  it('records deletions, unlinks and merges with who and when, newest first, and pages through them', async () => {
    expect((await ok(CHANGES)).changes.nodes).toEqual([]);
    await ok(`mutation { unlinkClaims(input: { type: CONTRADICTS, from: "claim-al-masoud-was-is-official", to: "claim-al-masoud-was-civilian" }) { __typename } }`, {}, 'carol');
    const preview = (await ok(`{ deletionPreview(kind: STATEMENT, id: "st-airwars-asserts-52-incidents") { confirm } }`)).deletionPreview;
    await ok(`mutation($c: String!) { delete(input: { kind: STATEMENT, id: "st-airwars-asserts-52-incidents", confirm: $c }) { deletedIds } }`, { c: preview.confirm }, 'dave');
    await ok(`mutation { mergeSources(input: { keep: "src-us-government", merge: "src-us-government-officials" }) { source { id: recordId } } }`, {}, 'erin');

    const all = (await ok(CHANGES)).changes.nodes as { id: string; at: string; by: string; action: string; kind: string; target: string; details: Record<string, unknown> }[];
    expect(all.map((c) => [c.action, c.kind, c.target, c.by])).toEqual([
      ['MERGE', 'SOURCE', 'src-us-government', 'erin'],
      ['DELETE', 'STATEMENT', 'st-airwars-asserts-52-incidents', 'dave'],
      ['UNLINK', 'CLAIM', 'claim-al-masoud-was-is-official', 'carol'],
    ]);
    expect(all.every((c) => !Number.isNaN(Date.parse(c.at)))).toBe(true);
    expect(all[1]!.details).toEqual(expect.objectContaining({ nodes: [{ kind: 'STATEMENT', id: 'st-airwars-asserts-52-incidents' }] }));
    expect(all[0]!.details).toEqual(expect.objectContaining({ merged: expect.objectContaining({ id: 'src-us-government-officials' }) }));

    const first = (await ok(CHANGES, { first: 2 })).changes;
    const rest = (await ok(CHANGES, { first: 2, after: first.pageInfo.endCursor })).changes;
    expect([...first.nodes, ...rest.nodes].map((c: { id: string }) => c.id)).toEqual(all.map((c) => c.id));
    expect([first.pageInfo.hasNextPage, rest.pageInfo.hasNextPage]).toEqual([true, false]);
  });

  it('records nothing for a change that was refused', async () => {
    await refused('CONFLICT', `mutation { delete(input: { kind: CLAIM, id: "claim-al-masoud-was-civilian", confirm: "stale" }) { deletedIds } }`);
    await refused('NOT_FOUND', `mutation { unlinkClaims(input: { type: SUPPORTS, from: "claim-al-masoud-was-civilian", to: "claim-al-masoud-was-is-official" }) { __typename } }`);
    expect((await ok(CHANGES)).changes.nodes).toEqual([]);
  });
});
