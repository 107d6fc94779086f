import { buildASTSchema, parse, type OperationDefinitionNode, getNamedType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLArgument, type GraphQLInputField } from 'graphql';
import { fromGlobalId, ID_TARGETS, NODE_TYPES, toGlobalId } from '../../src/api/global-id';
import { operationCost } from '../../src/api/limits';
import { DEFAULT_LIMITS } from '../../src/config';
import { loadTypeDefs } from '../../src/api/schema';
import type { GraphStore } from '../../src/store/port';
import { codes, gql, seededStore, type GqlResult } from '../helpers';

/*
 * Relay's Global Object Identification: every record type implements Node,
 * whose `id` is unique across the API; node(id:) and nodes(ids:) find any
 * record by it; every ID an argument or input takes is a global id of the
 * expected type or a record id.
 */

const schema = buildASTSchema(loadTypeDefs());

const data = <T>(result: GqlResult): T => {
  expect(result.errors).toBeUndefined();
  return result.data as T;
};

describe('the schema', () => {
  it('has a Node interface with id and recordId, implemented by every type that has an id of its own', () => {
    const node = schema.getType('Node');
    expect(isInterfaceType(node)).toBe(true);
    const withId = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__') && t.getFields().id !== undefined);
    expect(withId.map((t) => t.name).sort()).toEqual([...NODE_TYPES].sort());
    for (const type of withId) {
      if (!isObjectType(type)) continue;
      expect([type.name, type.getInterfaces().map((i) => i.name)]).toEqual([type.name, ['Node']]);
      expect([type.name, String(type.getFields().id!.type), String(type.getFields().recordId?.type)]).toEqual([type.name, 'ID!', 'ID!']);
    }
    const query = schema.getQueryType()!.getFields();
    expect(String(query.node!.type)).toBe('Node');
    expect(query.node!.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['id: ID!']);
    expect(String(query.nodes!.type)).toBe('[Node]!');
    expect(query.nodes!.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['ids: [ID!]!']);
  });

  it('knows the record type of every ID argument and input field (each reads a global id or a record id)', () => {
    const found: string[] = [];
    const isId = (f: GraphQLArgument | GraphQLInputField) => getNamedType(f.type).name === 'ID';
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        for (const arg of field.args) if (isId(arg)) found.push(`${root.name}.${field.name}.${arg.name}`);
      }
    }
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) if (isId(field)) found.push(`${type.name}.${field.name}`);
    }
    // node(id:) and nodes(ids:) take global ids only.
    expect(found.filter((k) => !k.startsWith('Query.node')).sort()).toEqual(Object.keys(ID_TARGETS).sort());
  });
});

describe('global ids', () => {
  it('are base64 of "<Type>:<recordId>", as graphql-relay writes them, and only the canonical form reads back', () => {
    expect(toGlobalId('Claim', 'x')).toBe('Q2xhaW06eA==');
    expect(fromGlobalId('Q2xhaW06eA==')).toEqual({ type: 'Claim', recordId: 'x' });
    expect(fromGlobalId(toGlobalId('Source', 'src-a:b/ü'))).toEqual({ type: 'Source', recordId: 'src-a:b/ü' });
    for (const notOne of ['claim-x', 'Q2xhaW06eA', Buffer.from('Widget:x').toString('base64'), Buffer.from('Claim:').toString('base64'), Buffer.from(':x').toString('base64'), '']) {
      expect([notOne, fromGlobalId(notOne)]).toEqual([notOne, null]);
    }
  });
});

describe('on the seed', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it('node(id:) finds a record of every type by its global id, as its own lookup gives it', async () => {
    const { claim, source, statement, document, entity, question } = data<Record<string, { id: string; recordId: string }>>(
      await gql(store, `{
        claim(id: "claim-al-masoud-undercover-against-is") { id recordId }
        source(id: "src-airwars") { id recordId }
        statement(id: "st-airwars-asserts-civilian") { id recordId }
        document(id: "doc-dumayr-report") { id recordId }
        entity(id: "ent-khaled-al-masoud") { id recordId }
        question(id: "question-who-was-al-masoud") { id recordId } }`),
    );
    expect(claim).toEqual({ id: toGlobalId('Claim', 'claim-al-masoud-undercover-against-is'), recordId: 'claim-al-masoud-undercover-against-is' });
    for (const [type, record] of [['Claim', claim], ['Source', source], ['Statement', statement], ['Document', document], ['Entity', entity], ['Question', question]] as const) {
      expect(record!.id).toBe(toGlobalId(type, record!.recordId));
      const found = data<{ node: Record<string, unknown> }>(await gql(store, 'query($id: ID!) { node(id: $id) { __typename id ... on Node { recordId } } }', { id: record!.id }));
      expect(found.node).toEqual({ __typename: type, id: record!.id, recordId: record!.recordId });
    }
    const text = data<{ node: { text: string } }>(await gql(store, 'query($id: ID!) { node(id: $id) { ... on Claim { text } } }', { id: claim!.id }));
    expect(text.node.text).toMatch(/undercover/);
  });

  it('finds assessments by their global ids', async () => {
    const assessed = data<{ assessClaim: { assessment: { id: string; recordId: string } } }>(
      await gql(store, `mutation { assessClaim(input: { claim: "${toGlobalId('Claim', 'claim-al-masoud-undercover-against-is')}", verdict: MIXED, rating: 3, explanation: "Two accounts." }) { assessment { id recordId } } }`, {}, 'alice@example.org'),
    ).assessClaim.assessment;
    expect(assessed.id).toBe(toGlobalId('Assessment', assessed.recordId));
    const found = data<{ node: unknown }>(await gql(store, 'query($id: ID!) { node(id: $id) { ... on Assessment { recordId verdict by claim { recordId } } } }', { id: assessed.id }));
    expect(found.node).toEqual({ recordId: assessed.recordId, verdict: 'MIXED', by: 'alice@example.org', claim: { recordId: 'claim-al-masoud-undercover-against-is' } });

  });

  it('nodes(ids:) answers in the order asked, each as node(id:) would: null with its own error for one that is not there', async () => {
    const ids = [toGlobalId('Source', 'src-airwars'), toGlobalId('Claim', 'claim-nope'), 'src-airwars', toGlobalId('Entity', 'ent-khaled-al-masoud')];
    const result = await gql(store, 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Node { recordId } } }', { ids });
    expect(result.data).toEqual({ nodes: [{ __typename: 'Source', recordId: 'src-airwars' }, null, null, { __typename: 'Entity', recordId: 'ent-khaled-al-masoud' }] });
    expect(result.errors?.map((e) => [e.path, e.extensions?.code]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      [['nodes', 1], 'NOT_FOUND'],
      [['nodes', 2], 'BAD_USER_INPUT'],
    ]);
    expect(result.errors?.find((e) => e.extensions?.code === 'BAD_USER_INPUT')?.message).toMatch(/global id.*claim\(id:\)/);
  });

  it('refuses more ids than a page holds, and costs nodes(ids:) by the ids it is given', async () => {
    const many = Array.from({ length: 101 }, (_, i) => toGlobalId('Claim', `c${i}`));
    expect(codes(await gql(store, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: many }))).toEqual(['BAD_USER_INPUT']);
    const document = parse('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Claim { text } } }');
    const cost = (ids: unknown) => operationCost(schema, document, document.definitions[0] as OperationDefinitionNode, { ids }, DEFAULT_LIMITS);
    expect(cost(many.slice(0, 40))).toBeGreaterThan(cost(many.slice(0, 4)) * 5);
  });

  it('node(id:) with a record id is BAD_USER_INPUT; an unknown record is NOT_FOUND', async () => {
    expect(codes(await gql(store, '{ node(id: "src-airwars") { id } }'))).toEqual(['BAD_USER_INPUT']);
    const unknown = await gql(store, `{ node(id: "${toGlobalId('Document', 'doc-nope')}") { id } }`);
    expect(unknown.data).toEqual({ node: null });
    expect(unknown.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'NOT_FOUND', id: 'doc-nope' }));
  });

  it('every lookup and input takes a global id of its type as well as a record id, and refuses one of another type where it was sent', async () => {
    const global = toGlobalId('Source', 'src-airwars');
    expect(data<{ source: { recordId: string } }>(await gql(store, `{ source(id: "${global}") { recordId } }`)).source).toEqual({ recordId: 'src-airwars' });
    const wrong = await gql(store, `{ claim(id: "${global}") { recordId } }`);
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors?.[0]?.extensions?.problems).toEqual([{ path: 'id', expected: 'the id of a claim (its global id or its record id)', got: `"${global}", the global id of a source` }]);

    const updated = await gql(store, `mutation { updateSource(input: { id: "${global}", description: "A monitor." }) { source { id recordId description } } }`, {}, 'alice@example.org');
    expect(data<unknown>(updated)).toEqual({ updateSource: { source: { id: global, recordId: 'src-airwars', description: 'A monitor.' } } });
    const refused = await gql(store, `mutation { linkClaims(input: { type: SUPPORTS, from: "claim-al-masoud-undercover-against-is", to: "${toGlobalId('Entity', 'ent-dumayr')}", reason: "r" }) { from { id } } }`, {}, 'alice@example.org');
    expect(refused.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ path: 'input.to', got: expect.stringMatching(/global id of an entity/) })]);
    // An ID whose record type a sibling names: delete's and deletionPreview's `kind`.
    expect(data<{ deletionPreview: { recordId: string } }>(await gql(store, `{ deletionPreview(kind: SOURCE, id: "${global}") { recordId } }`, {}, 'alice@example.org')).deletionPreview).toEqual({ recordId: 'src-airwars' });
    expect(codes(await gql(store, `{ deletionPreview(kind: CLAIM, id: "${global}") { recordId } }`, {}, 'alice@example.org'))).toEqual(['BAD_USER_INPUT']);
  });

  it('a merge gives the merged record\'s global id, which then finds the record kept', async () => {
    const merged = data<{ mergeEntities: { mergedId: string; entity: { id: string } } }>(
      await gql(store, 'mutation { mergeEntities(input: { keep: "ent-damascus", merge: "ent-dumayr" }) { mergedId entity { id } } }', {}, 'alice@example.org'),
    ).mergeEntities;
    expect(merged).toEqual({ mergedId: toGlobalId('Entity', 'ent-dumayr'), entity: { id: toGlobalId('Entity', 'ent-damascus') } });
    expect(data<{ node: unknown }>(await gql(store, 'query($id: ID!) { node(id: $id) { id ... on Entity { recordId } } }', { id: merged.mergedId })).node).toEqual({
      id: toGlobalId('Entity', 'ent-damascus'),
      recordId: 'ent-damascus',
    });
    // The merge is in the change log, whose entries are nodes too.
    const change = data<{ changes: { nodes: { id: string; recordId: string; action: string }[] } }>(await gql(store, '{ changes(first: 1) { nodes { id recordId action } } }')).changes.nodes[0]!;
    expect(change.id).toBe(toGlobalId('Change', change.recordId));
    expect(data<{ node: unknown }>(await gql(store, 'query($id: ID!) { node(id: $id) { id ... on Change { recordId action } } }', { id: change.id })).node).toEqual(change);
  });
});
